import { createInterface } from "node:readline";
import type { ConsoleChat } from "./console-chat.ts";

/**
 * Drives the console chat from a stream. On a terminal: a prompt, output after each line. Otherwise
 * a script: each input line is echoed as `> LINE` (comments too), followed by the output it caused. A `clock`
 * line prints each reminder as it is delivered. Resolves at end of input, or once `stop` is aborted and the line
 * being handled has finished (no further line is read). Ctrl-C at the prompt stops it as SIGINT does.
 */
export async function runConsole(
  chat: ConsoleChat,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  interactive: boolean,
  stop?: AbortSignal,
): Promise<void> {
  const rl = createInterface({ input, ...(interactive ? { output, prompt: "als> " } : {}), terminal: interactive });
  const write = (lines: string[]) => {
    for (const l of lines) output.write(`${l}\n`);
  };
  // A terminal in raw mode turns Ctrl-C into readline's SIGINT, not the process's.
  rl.on("SIGINT", () => process.kill(process.pid, "SIGINT"));
  stop?.addEventListener("abort", () => rl.close(), { once: true });
  if (interactive) {
    write([
      'Action learning set companion — local console. You are a user called "me" until you write as NAME (e.g. as Ana);',
      "type /help for the commands; Ctrl-D to quit.",
    ]);
    rl.prompt();
  }
  for await (const line of rl) {
    if (stop?.aborted) break;
    if (!interactive && line.trim() !== "") write([`> ${line}`]);
    write(await chat.handle(line, write));
    if (stop?.aborted) break;
    if (interactive) rl.prompt();
  }
  rl.close();
}
