/**
 * Set learning reviews (ILM M5.37 3.1: feedback on the facilitation): every N meetings held, closing a meeting asks
 * each member what the set does well and what should change. Pure: no I/O, no clock.
 */

/** Whether the meeting that brought the set's held meetings to `held` opens a set review, at a cadence of `every` (null: off). */
export function opensSetReview(held: number, every: number | null | undefined): boolean {
  return every !== null && every !== undefined && every > 0 && held > 0 && held % every === 0;
}

/** The cadence in words: "every 3 meetings held", "off". */
export function reviewCadenceText(every: number | null): string {
  if (every === null) return "off";
  return every === 1 ? "after every meeting held" : `every ${every} meetings held`;
}
