/**
 * A SMART reading of a goal's text: which of specific, measurable, achievable, relevant and time-bound the words
 * seem to lack. It is advice from simple word patterns, never a judgement: a goal is always kept as written.
 * Achievable and relevant are mostly for the learner to judge; only clear signs (absolutes such as "always",
 * no word about people or leading) are pointed out.
 */

type SmartQuality = "specific" | "measurable" | "achievable" | "relevant" | "time-bound";
export type SmartReading = { lacks: SmartQuality[]; advice: string[] };

const MONTH =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\b(by|in|until|before|end of|from|during|mid-?)\s+may\b|\bmay\s+\d/i;
const TIME_FRAME = [
  MONTH,
  /\b(by|before|until|within|for|over|in)\s+(the\s+)?(next\s+|first\s+|coming\s+)?((\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(days?|weeks?|months?|quarters?|years?|terms?)\b/i,
  /\b(this|next|each|every)\s+(week|month|quarter|year|term|spring|summer|autumn|winter)\b/i,
  /\b(by|before|until)\s+(the\s+)?(end|start|middle)\b/i,
  /\b(spring|summer|autumn|winter|q[1-4])\b/i,
  /\b(19|20)\d{2}\b|\b\d{1,2}[/.]\d{1,2}\b/,
  /\b(weekly|monthly|fortnightly|daily|quarterly)\b/i,
  // Named days of the year people plan to: "by christmas", "before half term", "after easter".
  /\b(christmas|xmas|easter|new year|half[- ]?term|bank holiday|year[- ]end|month[- ]end|quarter[- ]end|eom|eoy)\b/i,
  // Named weekdays after a word that makes them a date: "by friday", "next tuesday", "every monday".
  /\b(by|before|until|till|on|next|this|every|each)\s+(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b/i,
  // Month and period ends: "at the end of the month", "end of next week", "by the 22nd".
  /\bend of (the |this |next )?(week|month|quarter|year|term|financial year|shift)\b/i,
  /\b(by|before|until|on)\s+the\s+\d{1,2}(st|nd|rd|th)\b/i,
  /\b(today|tonight|tomorrow)\b/i,
];
const MEASURE =
  /\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|half|third|quarter|twice|double|halve|all|every|each|at least|at most|no more than|fewer|per cent|percent|weekly|monthly|fortnightly|daily)\b/i;
const ABSOLUTE = /\b(always|never|every single|all the time|100 ?%|zero|perfect(ly)?)\b/i;
const PEOPLE =
  /\b(team|teams|staff|people|colleagues?|reports?|delegat\w*|lead\w*|manag\w*|coach\w*|feedback|conversations?|one-to-ones?|1:1s?|supervis\w*|deput\w*|praise|motivat\w*|communicat\w*|listen\w*|huddles?|workshops?|decisions?|trust|responsib\w*|nurses?|analysts?|officers?|agents?|shift|rota|escalat\w*|meetings?)\b/i;

const ADVICE: Record<SmartQuality, string> = {
  specific: 'specific: say what you will do and with whom, e.g. "hold a monthly one-to-one with each of my five team leaders"',
  measurable: 'measurable: how will you know you have done it? e.g. "three one-to-ones a month" or "escalations to me down by half"',
  achievable: 'achievable: words like "always" or "never" leave no room; e.g. "in nine weeks out of ten"',
  relevant: 'relevant: say how it develops your leadership, e.g. "so that my supervisors run the shift without me"',
  "time-bound": 'time-bound: by when? e.g. "by the end of June" or "for the next three months"',
};

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** What the goal's words seem to lack, in SMART order, each with one piece of advice and an example. */
export function readSmartGoal(text: string): SmartReading {
  const lacks: SmartQuality[] = [];
  if (words(text) < 7) lacks.push("specific");
  if (!MEASURE.test(text)) lacks.push("measurable");
  if (ABSOLUTE.test(text)) lacks.push("achievable");
  if (!PEOPLE.test(text)) lacks.push("relevant");
  if (!TIME_FRAME.some((re) => re.test(text))) lacks.push("time-bound");
  return { lacks, advice: lacks.map((q) => ADVICE[q]) };
}

/** "a measure and a time frame": the qualities the draft asks every goal to show, when missing. */
export function missingMeasureOrTime(reading: SmartReading): string | null {
  const gaps = [
    reading.lacks.includes("measurable") ? "a measure" : null,
    reading.lacks.includes("time-bound") ? "a time frame" : null,
  ].filter((g): g is string => g !== null);
  return gaps.length ? gaps.join(" and ") : null;
}
