import type { Benchmark } from "./types.ts";

export const commandsAtScale: Benchmark = {
  name: "commands-at-scale",
  description: "to do",
  async run() {
    throw new Error("not written yet");
  },
};
