import { MARKS_PER_STATEMENT, type SentMark } from "../store/outbox.ts";

type Waiting = SentMark & { resolve(): void; reject(error: unknown): void };

/**
 * Sent marks written together (a group commit): a mark waits for the statement that writes it, and the marks that
 * arrive while one statement runs, or in the same turn of the event loop, go in the next one — at most
 * `perStatement` a statement, one statement at a time. Nothing waits on a timer: with one send completing at a time
 * each mark is its own statement, as soon as it arrives; with many, one statement writes them all.
 *
 * `mark` resolves once the statement holding the mark has succeeded, and rejects with that statement's error if it
 * failed: then none of its marks was written (`markSentMany` is one statement), and their rows keep their status.
 * A caller that sends its next reminder only after its mark resolved has at most one reminder delivered but not
 * recorded at any moment (docs/user-guide.md, "Delivery guarantees").
 */
export class SentMarks {
  readonly #waiting: Waiting[] = [];
  #writing = false;
  #scheduled = false;

  constructor(
    private readonly write: (marks: SentMark[]) => Promise<void>,
    private readonly perStatement = MARKS_PER_STATEMENT,
  ) {}

  /** Records that row `id` was delivered (with the platform's id for it); resolves when that is durable. */
  mark(id: string, platformRef: string | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ id, platformRef, resolve, reject });
      if (this.#writing || this.#scheduled) return; // the running statement's loop takes it next
      this.#scheduled = true;
      // The rest of this turn's marks (workers whose sends completed together) join this statement.
      setImmediate(() => {
        this.#scheduled = false;
        void this.#drain();
      });
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.perStatement);
        try {
          await this.write(batch.map(({ id, platformRef }) => ({ id, platformRef })));
        } catch (error) {
          for (const m of batch) m.reject(error);
          continue;
        }
        for (const m of batch) m.resolve();
      }
    } finally {
      this.#writing = false;
    }
  }
}
