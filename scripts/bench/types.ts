/**
 * What a benchmark is and what it returns. Every figure is measured over repeated runs and kept as its median
 * with its spread (min and max over the runs); `npm run bench` gathers them into bench/results.json and the
 * closing `BENCH-SUMMARY {json}` line.
 */

/** One measured quantity over `runs` runs. */
export type Figure = { unit: string; median: number; min: number; max: number; runs: number };
/** A benchmark's result: figures, facts (counts, yes/no checks, notes) and nested groups of them. */
export type Figures = { [name: string]: Figure | number | string | boolean | null | Figures };

/** What every benchmark is given. */
export type BenchContext = {
  /** BENCH_SMALL=1: smaller populations and fewer runs, a quick check that everything works. */
  small: boolean;
  /** A fresh PostgreSQL database on the run's throwaway cluster, or null when PostgreSQL is not installed. */
  postgres: (() => Promise<string>) | null;
};

/** One named benchmark: `npm run bench -- NAME` runs only it. */
export type Benchmark = {
  name: string;
  /** One line: what it measures. */
  description: string;
  /** Prints its result lines through `out` and returns its figures; a thrown error is reported as its failure. */
  run(out: Reporter, ctx: BenchContext): Promise<Figures>;
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

/** The median and spread of `values` (at least one). */
export function figure(unit: string, values: number[]): Figure {
  if (values.length === 0) throw new Error("a figure needs at least one run");
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  const round = (x: number) => Number(x.toPrecision(4));
  return { unit, median: round(median), min: round(s[0]!), max: round(s.at(-1)!), runs: s.length };
}

/** "12.3 ms (11.9–13.0, 5 runs)". */
export const show = (f: Figure) => `${f.median} ${f.unit} (${f.min}–${f.max}, ${f.runs} runs)`;

/** The `p`th percentile of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Runs `f` `n` times in a row and collects each run's results. */
export async function repeat<T>(n: number, f: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < n; i++) results.push(await f(i));
  return results;
}

/** The figure of one field over several runs' results. */
export const over = <T>(runs: T[], unit: string, pick: (r: T) => number) => figure(unit, runs.map(pick));
