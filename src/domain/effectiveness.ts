/**
 * How effective an action was, on the draft's three-step scale (docs/architecture.md, "Domain rules": the M3.37 log
 * asks, per action, how effective it was), read from the words people use. Pure.
 */

/** The scale the draft prints: "very effective", "somewhat effective", "not effective". */
export const EFFECTIVENESS = ["very", "somewhat", "not"] as const;
export type Effectiveness = (typeof EFFECTIVENESS)[number];

/** The words accepted for each step, as people answer "how effective was it?" (lower case, single spaces). */
const EFFECTIVENESS_WORDS: Record<Effectiveness, readonly string[]> = {
  very: ["very", "yes", "mostly", "largely", "highly", "really", "extremely", "effective", "worked", "well", "great", "good"],
  somewhat: [
    "somewhat",
    "partly",
    "partially",
    "kind of",
    "sort of",
    "a bit",
    "a little",
    "fairly",
    "quite",
    "ok",
    "okay",
    "so so",
    "mixed",
    "some",
    "moderately",
  ],
  not: ["not", "no", "not really", "not at all", "not very", "hardly", "barely", "ineffective", "didn't work", "did not work", "none"],
};

/** Words that are whole answers, never followed by "effective". */
const NOT_BEFORE_EFFECTIVE = new Set([
  "effective",
  "ineffective",
  "worked",
  "didn't work",
  "did not work",
  "none",
  "yes",
  "no",
  "ok",
  "okay",
  "great",
  "good",
  "well",
  "mixed",
]);

/**
 * Every accepted phrase, lower case with single spaces → its step: each word, and each word followed by "effective"
 * ("very effective", "not really effective"). What the `effective:` option takes (commands/), typed or in a form.
 */
export const EFFECTIVENESS_ALIASES: Readonly<Record<string, Effectiveness>> = Object.fromEntries(
  EFFECTIVENESS.flatMap((step) =>
    EFFECTIVENESS_WORDS[step].flatMap((w) => [
      [w, step] as const,
      ...(NOT_BEFORE_EFFECTIVE.has(w) ? [] : [[`${w} effective`, step] as const]),
    ]),
  ),
);
