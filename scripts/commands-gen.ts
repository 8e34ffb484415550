/**
 * Writes the files generated from commands/: Discord's registration JSON, Slack's manifest and the command
 * table in docs/user-guide.md (between its marker comments). `--check` writes nothing and exits 1 listing the files
 * that are missing or stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { discordRegistration } from "../src/adapters/discord/slash-commands.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { withCommandTable } from "./guide-commands.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Each generated file (path from the project root) and its expected content. */
export function generatedFiles(): { path: string; content: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: "commands/generated/discord-commands.json", content: json(discordRegistration()) },
    { path: "commands/generated/slack-manifest.json", content: json(slackManifest()) },
    { path: "docs/user-guide.md", content: withCommandTable(readFileSync(join(root, "docs/user-guide.md"), "utf8")) },
  ];
}

function main(args: string[]): number {
  const check = args.includes("--check");
  const files = generatedFiles();
  if (check) {
    const stale = files.filter((f) => {
      const full = join(root, f.path);
      return !existsSync(full) || readFileSync(full, "utf8") !== f.content;
    });
    if (stale.length === 0) return 0;
    console.error(`Stale generated files (run \`npm run commands:gen\`):\n${stale.map((f) => `  ${f.path}`).join("\n")}`);
    return 1;
  }
  for (const f of files) {
    const full = join(root, f.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.content);
    console.log(`wrote ${relative(process.cwd(), full) || f.path}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
