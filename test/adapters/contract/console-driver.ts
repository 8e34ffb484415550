/** The contract's console driver: lines into ConsoleChat, its transcript lines read back as messages. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createHarness } from "../../support/harness.ts";
import { type Audience, type ContractDriver, commandLine, type Seen, type Who } from "./adapter-contract.ts";

const HEAD = /^\[(?:#[\w-]+(?: → (.+))?|DM (.+))\] (.*)$/;
const BUTTON = /^ {2}\[button ([^:\]]+): (.*)\]$/;
const FILE = /^ {2}\[file (.+)\]$/;
const ALT = /^ {4}alt: (.*)$/;

/** The messages in transcript lines: `[#set] …`, `[#set → NAME] …`, `[DM NAME] …`, each with its indented lines. */
function readTranscript(lines: string[]): Seen[] {
  const seen: Seen[] = [];
  for (const line of lines) {
    const head = HEAD.exec(line);
    const last = seen.at(-1);
    if (head) {
      const to: Audience = head[2]
        ? { kind: "dm", who: head[2] as Who }
        : head[1]
          ? { kind: "actor", who: head[1] as Who }
          : { kind: "channel" };
      seen.push({ to, text: head[3]!, buttons: [], files: [] });
    } else if (last && BUTTON.test(line)) {
      const [, id, label] = BUTTON.exec(line)!;
      last.buttons.push({ id: id!, label: label!, payload: id! });
    } else if (last && FILE.test(line)) {
      const path = FILE.exec(line)![1]!;
      last.files.push({ name: basename(path), bytes: readFileSync(path) });
    } else if (last && ALT.test(line) && last.files.length) {
      last.files.at(-1)!.alt = ALT.exec(line)![1]!;
    } else if (last && line.startsWith("  ")) {
      last.text += `\n${line.slice(2)}`;
    }
  }
  return seen;
}

export async function startConsoleDriver(): Promise<ContractDriver> {
  const harness = await createHarness();
  const { chat } = harness;
  const shown: Seen[] = [];
  const mention = (who: Who) => `@${who}`;
  const say = async (who: Who, line: string) => {
    assert.deepEqual(await chat.handle(`as ${who}`), []);
    const seen = readTranscript(await chat.handle(line));
    shown.push(...seen);
    return seen;
  };
  const reply = (seen: Seen[]) => {
    const found = seen.find((s) => s.to.kind === "actor");
    assert.ok(found, JSON.stringify(seen));
    return found;
  };
  return {
    adapter: chat,
    db: harness.db,
    firstMeetingTime: "Tue 12 Jan 2027, 10:00 GMT",
    idOf: (who) => who,
    mention,
    button: (id) => ({ id, payload: id }),
    formErrors: "as a reply",
    run: (who, command) => say(who, commandLine(command, mention)),
    press: async (who, button) => reply(await say(who, `click ${button.id}`)),
    openActionForm: async (who) => ({
      submit: async (text) => reply(await say(who, commandLine({ name: "log action", options: { text } }, mention))),
    }),
    openCommandForm: async (who, button, command, fields) => {
      const prompt = reply(await say(who, `click ${button.id}`));
      assert.match(prompt.text, new RegExp(`^Missing option ${fields[0]}: .*\\nUsage: /${command} ${fields[0]}: `, "s"));
      return { submit: async (values) => reply(await say(who, commandLine({ name: command, options: values }, mention))) };
    },
    filesFor: async (who, n) => {
      const files = shown.flatMap((s) => ("who" in s.to && s.to.who === who ? s.files.map((f) => ({ ...f, to: s.to })) : []));
      assert.ok(files.length >= n, `${who} has ${files.length} files, not ${n}`);
      return files;
    },
    takeReminders: async () => readTranscript(chat.takeDelivered()),
    close: () => harness.close(),
  };
}
