import type { Benchmark } from "./types.ts";

export const rateLimitedDelivery: Benchmark = {
  name: "rate-limited-delivery",
  description: "to do",
  async run() {
    throw new Error("not written yet");
  },
};
