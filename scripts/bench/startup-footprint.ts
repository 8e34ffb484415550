import type { Benchmark } from "./types.ts";

export const startupFootprint: Benchmark = {
  name: "startup-footprint",
  description: "to do",
  async run() {
    throw new Error("not written yet");
  },
};
