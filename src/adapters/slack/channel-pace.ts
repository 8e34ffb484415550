/**
 * How fast the bot posts in one Slack channel: Slack allows about one message a second per channel, with short
 * bursts over that (docs/scaling.md, "Delivery at the platforms' limits"). Posts are paced to it before they are
 * sent, rather than sent at once and held back by Slack's 429s; a 429 that still comes is waited out by the
 * WebClient (Retry-After), as before.
 */
export type ChannelPace = {
  /** Posts a second, per channel, once a burst is used up. */
  perSecond: number;
  /** Posts that may go at once in a channel that has been quiet. */
  burst: number;
};

/**
 * Slack's documented pace for `chat.postMessage`, one a second per channel, with a burst of 2: Slack allows short
 * bursts over the pace without saying how long; the local fake and the benchmark's proxy allow 3, and the bot keeps
 * one in hand, since a post is counted when the bot sends it and Slack counts it when it arrives.
 */
export const SLACK_CHANNEL_PACE: ChannelPace = { perSecond: 1, burst: 2 };

/** Channels remembered at most; past that, those whose burst is whole again (nothing to remember) are forgotten. */
const REMEMBERED = 10_000;

/**
 * A token bucket per channel. `take(channel)` resolves when a post there may go: at once while the channel's burst
 * lasts, then one each 1/perSecond seconds, in the order asked. Channels are independent: DMs to different people
 * (different channels) are never held back by one another.
 */
export class ChannelPacer {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly pace: ChannelPace = SLACK_CHANNEL_PACE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for `channel`'s turn, and counts the post as made then. */
  async take(channel: string): Promise<void> {
    const wait = this.reserve(channel);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Counts a post to `channel` and returns how long it must wait before going, ms (0: at once). */
  reserve(channel: string): number {
    const { perSecond, burst } = this.pace;
    const now = this.now();
    const bucket = this.#buckets.get(channel) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) - 1;
    bucket.at = now;
    if (!this.#buckets.has(channel)) {
      if (this.#buckets.size >= REMEMBERED) this.#forgetIdle();
      this.#buckets.set(channel, bucket);
    }
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / perSecond) * 1000);
  }

  /** How long a post to `channel` would wait if asked now, ms (0: at once); counts nothing. */
  waitOf(channel: string): number {
    const bucket = this.#buckets.get(channel);
    if (!bucket) return 0;
    const { perSecond, burst } = this.pace;
    const tokens = Math.min(burst, bucket.tokens + ((this.now() - bucket.at) / 1000) * perSecond);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / perSecond) * 1000);
  }

  #forgetIdle(): void {
    const now = this.now();
    const { perSecond, burst } = this.pace;
    for (const [channel, b] of this.#buckets) if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.#buckets.delete(channel);
  }
}
