/** One named benchmark: `npm run bench -- NAME` runs only it. */
export type Benchmark = {
  name: string;
  /** One line: what it measures. */
  description: string;
  /** Prints its result lines through `out`; a thrown error is reported as the benchmark's failure. */
  run(out: Reporter): Promise<void>;
};

export type Reporter = {
  /** One line of the result block. */
  line(text?: string): void;
  /** An aligned "label: value" line. */
  field(label: string, value: string | number): void;
  /** A progress note (setup steps and the like), marked so it is not mistaken for a result. */
  note(text: string): void;
};

export const fmt = (n: number) => n.toLocaleString("en-GB");
export const ms = (n: number) => `${n.toFixed(1)} ms`;
