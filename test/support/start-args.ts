/**
 * How `npm start` runs Node, read from package.json's start script so that the tests and benchmarks that start the
 * bot run it with the same flags (docs/scaling.md, "Memory and start-up": the young generation's cap).
 */
import { readFileSync } from "node:fs";

const start: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts.start;
const [node, ...args] = start.trim().split(/\s+/);
if (node !== "node" || args.at(-1) !== "src/main.ts") throw new Error(`package.json's start script is not "node … src/main.ts": ${start}`);

/** The arguments after `node` in the start script: its flags, then src/main.ts. */
export const START_ARGS: readonly string[] = args;

/** The start script's arguments with `file` run instead of src/main.ts. */
export const startArgsFor = (file: string): string[] => [...args.slice(0, -1), file];
