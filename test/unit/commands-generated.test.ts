import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "vitest";
import { command, opt, optional, usage } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { messageShortcuts } from "../../commands/shortcuts.ts";
import { generatedFiles } from "../../scripts/commands-gen.ts";
import { commandTable, TABLE_BEGIN, TABLE_END, withCommandTable } from "../../scripts/guide-commands.ts";
import { commandsToSync, type RegisteredCommand } from "../../src/adapters/discord/deploy-diff.ts";
import {
  type DiscordApplicationCommand,
  type DiscordOption,
  discordCommands,
  discordMessageCommands,
  discordRegistration,
} from "../../src/adapters/discord/slash-commands.ts";
import { type SlackManifest, slackManifest } from "../../src/adapters/slack/manifest.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

test("the committed generated files match what the declarations produce now", () => {
  for (const file of generatedFiles()) {
    const full = join(root, file.path);
    assert.ok(existsSync(full), `${file.path} is missing: run \`npm run commands:gen\``);
    assert.equal(readFileSync(full, "utf8"), file.content, `${file.path} is stale: run \`npm run commands:gen\``);
  }
});

/** Every option at every level, with the path of names leading to it. */
function walk(options: DiscordOption[], path: string): { path: string; option: DiscordOption }[] {
  return options.flatMap((o) => [{ path: `${path} ${o.name}`, option: o }, ...walk(o.options ?? [], `${path} ${o.name}`)]);
}

function checkLevel(options: DiscordOption[], where: string): void {
  const names = options.map((o) => o.name);
  assert.equal(new Set(names).size, names.length, `${where}: duplicate option names in ${names.join(", ")}`);
  const leaves = options.filter((o) => o.type !== 1);
  const firstOptional = leaves.findIndex((o) => !o.required);
  if (firstOptional >= 0) {
    assert.ok(
      leaves.slice(firstOptional).every((o) => !o.required),
      `${where}: a required option follows an optional one`,
    );
  }
  for (const o of options) if (o.options) checkLevel(o.options, `${where} ${o.name}`);
}

test("Discord names are lowercase, 1–32 word characters; descriptions are 1–100 characters", () => {
  const commands = discordCommands();
  const top = commands.map((c) => c.name);
  assert.equal(new Set(top).size, top.length, `duplicate command names: ${top.join(", ")}`);
  for (const c of commands) {
    const all = [{ path: `/${c.name}`, option: { name: c.name, description: c.description } }, ...walk(c.options, `/${c.name}`)];
    for (const { path, option } of all) {
      assert.match(option.name, NAME, `${path}: bad name`);
      assert.equal(option.name, option.name.toLowerCase(), `${path}: name must be lowercase`);
      assert.ok(
        option.description.length >= 1 && option.description.length <= 100,
        `${path}: description is ${option.description.length} characters`,
      );
    }
  }
});

test("Discord options: no duplicate names, required options before optional ones", () => {
  for (const c of discordCommands()) checkLevel(c.options, `/${c.name}`);
});

test("Discord: a family with subcommands turns its bare form into the bareSub subcommand", () => {
  const away = discordCommands().find((c) => c.name === "away");
  assert.deepEqual(
    away?.options.map((o) => [o.type, o.name]),
    [
      [1, "on"],
      [1, "off"],
    ],
  );
});

test("Discord: an advisor-only family needs Manage Server; a bare family takes its options directly, required first", () => {
  const adminOnly = command({ name: "records", summary: "Facilitation records.", who: "advisor", options: {}, examples: ["/records"] });
  const bare = command({
    name: "progress",
    summary: "Progress.",
    who: "member",
    options: { member: optional(opt.user({ description: "A member" })), days: opt.integer({ description: "Days", min: 1, max: 90 }) },
    examples: ["/progress"],
  });
  const [records, progress] = discordCommands([adminOnly, bare]);
  assert.equal(records?.default_member_permissions, "32");
  assert.equal(progress?.default_member_permissions, null);
  assert.deepEqual(
    progress?.options.map((o) => [o.name, o.type, o.required, o.min_value, o.max_value]),
    [
      ["days", 4, true, 1, 90],
      ["member", 6, false, undefined, undefined],
    ],
  );
  const set = discordCommands().find((c) => c.name === "set");
  assert.equal(set?.default_member_permissions, null, "/set mixes advisor and anyone commands");
});

test("Slack: exactly one slash command, /als, with escaped mentions", () => {
  const manifest = slackManifest();
  assert.equal(manifest.features.slash_commands.length, 1);
  const [als] = manifest.features.slash_commands;
  assert.equal(als?.command, "/als");
  assert.equal(als?.should_escape, true);
  assert.equal(
    slackManifest(undefined, { requestUrl: "https://bot.example.org/" }).features.slash_commands[0]?.url,
    "https://bot.example.org/slack/events",
  );
});

test("Slack: the manifest turns the Home tab on and subscribes to app_home_opened, which a listener handles", () => {
  const manifest = slackManifest();
  assert.equal(manifest.features.app_home.home_tab_enabled, true);
  assert.equal(manifest.features.app_home.messages_tab_enabled, true, "the bot's DMs stay");
  assert.ok(manifest.settings.event_subscriptions.bot_events.includes("app_home_opened"));
  const listeners = readFileSync(join(root, "src/adapters/slack/listeners/index.ts"), "utf8");
  for (const event of manifest.settings.event_subscriptions.bot_events) assert.match(listeners, new RegExp(`app\\.event\\("${event}"`));
});

test("the generated Discord commands carry the draft's options: links, support, source, reviews, details, action learning", () => {
  const committed = JSON.parse(readFileSync(join(root, "commands/generated/discord-commands.json"), "utf8")) as {
    name: string;
    options: DiscordOption[];
  }[];
  const log = committed.find((c) => c.name === "log")!;
  const sub = (name: string) => log.options.find((o) => o.name === name);
  const names = (name: string) => (sub(name)?.options ?? []).map((o) => o.name);
  assert.deepEqual(names("action"), ["text", "due", "goal", "problem", "support", "meeting"]);
  for (const kind of ["question", "reflect", "outcome"]) assert.ok(names(kind).includes("problem"), kind);
  for (const kind of ["strength", "limitation"]) assert.ok(names(kind).includes("source"), kind);
  assert.deepEqual(names("action-learning"), ["text", "meeting"]);
  assert.deepEqual(names("review"), ["goal", "text", "meeting"]);
  assert.equal(sub("review")!.options!.find((o) => o.name === "goal")!.required, true);
  assert.deepEqual(names("details"), ["registration", "centre", "centre_name"]);
  assert.deepEqual(names("edit"), ["entry", "text", "due", "goal", "problem", "support", "source", "action", "effective"]);
  // How effective: Discord offers the scale's three steps; typed words ("mostly") are read by the parser.
  for (const kind of ["outcome", "edit"])
    assert.deepEqual(
      sub(kind)!
        .options!.find((o) => o.name === "effective")!
        .choices?.map((c) => c.value),
      ["very", "somewhat", "not"],
      kind,
    );
  const goal = sub("action")!.options!.find((o) => o.name === "goal")!;
  assert.equal(goal.type, 4);
  assert.equal(goal.autocomplete, true, "Discord suggests the member's goals as their draft numbers them");
});

test("The user guide: the command table has a row per declaration, in help order, with /help's usage line", () => {
  const rows = commandTable().split("\n").slice(2);
  assert.equal(rows.length, allCommands.length);
  for (const [i, decl] of allCommands.entries()) assert.ok(rows[i]!.startsWith(`| \`${usage(decl)}\``), `row ${i + 1}: ${rows[i]}`);
  const table = commandTable();
  for (const line of ["/log export", "/log forget [confirm:]", "/log share setting:"]) assert.ok(table.includes(`\`${line}`), line);
});

test("The user guide: only the text between the markers is replaced, and a README without them is refused", () => {
  const readme = `# Title\n\nBefore.\n\n${TABLE_BEGIN}\n| stale |\n${TABLE_END}\n\nAfter.\n`;
  const updated = withCommandTable(readme);
  assert.ok(updated.startsWith(`# Title\n\nBefore.\n\n${TABLE_BEGIN}\n\n| command`));
  assert.ok(updated.endsWith(`|\n\n${TABLE_END}\n\nAfter.\n`));
  assert.doesNotMatch(updated, /stale/);
  assert.equal(withCommandTable(updated), updated);
  assert.throws(() => withCommandTable("# Title\n"), /needs the lines/);
});

test('"Save to my log" is a Slack message shortcut and a Discord message command, both generated from commands/shortcuts.ts', () => {
  const manifest = JSON.parse(readFileSync(join(root, "commands/generated/slack-manifest.json"), "utf8")) as SlackManifest;
  assert.deepEqual(manifest.features.shortcuts, [
    {
      name: "Save to my log",
      type: "message",
      callback_id: "save_to_log",
      description: messageShortcuts.save_to_log.description,
    },
  ]);
  for (const s of manifest.features.shortcuts) {
    assert.ok(s.name.length <= 24, `Slack shortcut names are at most 24 characters: ${s.name}`);
    assert.ok(s.description.length <= 150, `Slack shortcut descriptions are at most 150 characters: ${s.description}`);
  }
  const listeners = readFileSync(join(root, "src/adapters/slack/listeners/index.ts"), "utf8");
  assert.match(listeners, /app\.shortcut\(/, "a listener handles the shortcut");
  const committed = JSON.parse(readFileSync(join(root, "commands/generated/discord-commands.json"), "utf8")) as DiscordApplicationCommand[];
  const messageCommands = committed.filter((c) => c.type === 3);
  assert.deepEqual(messageCommands, [
    { type: 3, name: "Save to my log", description: "", default_member_permissions: null, dm_permission: false, contexts: [0] },
  ]);
  assert.equal(committed.filter((c) => c.type === 1).length, discordCommands().length, "every chat-input command is still there");
  assert.throws(() => discordMessageCommands({ x: { name: "x".repeat(33), description: "too long" } }), /1 to 32 characters/);
});

test("deploying compares commands by type and name: a message command is created beside the chat-input ones, then left alone", () => {
  const wanted = discordRegistration();
  const registered = wanted
    .filter((c) => c.type === 1)
    .map((c, i) => ({ ...c, id: String(i + 1), application_id: "1", version: "1" }) as RegisteredCommand);
  const first = commandsToSync(registered, wanted);
  assert.deepEqual(
    first.create.map((c) => [c.type, c.name]),
    [[3, "Save to my log"]],
  );
  assert.deepEqual([first.update, first.remove], [[], []]);
  const all = [...registered, { ...wanted.find((c) => c.type === 3)!, id: "99" } as RegisteredCommand];
  assert.deepEqual(commandsToSync(all, wanted), { create: [], update: [], remove: [] });
  // A chat-input command of the same name is another command: it is removed, the message command kept.
  const sameName = [...all, { type: 1, name: "Save to my log", id: "100", description: "x", options: [] } as RegisteredCommand];
  assert.deepEqual(commandsToSync(sameName, wanted).remove, [{ id: "100", name: "Save to my log" }]);
});
