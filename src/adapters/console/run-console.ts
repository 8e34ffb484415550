import { createInterface } from "node:readline";
import type { ConsoleChat } from "./console-chat.ts";

/**
 * Drives the console chat from a stream. On a terminal: a prompt, output after each line. Otherwise
 * a script: each input line is echoed as `> LINE` (comments too), followed by the output it caused.
 * Resolves at end of input.
 */
export async function runConsole(
  chat: ConsoleChat,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  interactive: boolean,
): Promise<void> {
  const rl = createInterface({ input, ...(interactive ? { output, prompt: "als> " } : {}), terminal: interactive });
  const write = (lines: string[]) => {
    for (const l of lines) output.write(`${l}\n`);
  };
  if (interactive) {
    write([
      'Action learning set companion — local console. You are a user called "me" until you write as NAME (e.g. as Ana);',
      "type /help for the commands; Ctrl-D to quit.",
    ]);
    rl.prompt();
  }
  for await (const line of rl) {
    if (!interactive && line.trim() !== "") write([`> ${line}`]);
    write(await chat.handle(line));
    if (interactive) rl.prompt();
  }
}
