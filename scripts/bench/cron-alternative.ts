import type { Benchmark } from "./types.ts";

export const cronAlternative: Benchmark = {
  name: "cron-alternative",
  description: "to do",
  async run() {
    throw new Error("not written yet");
  },
};
