/**
 * The types of the draft ILM M3.37 learning log: what it is compiled from (`DraftInput`) and what it is (`Draft`).
 * The compiling rules are in draft.ts; this file holds data shapes only.
 */

import type { ActionStatus } from "../set/statuses.ts";
import type { CalendarDate } from "../time/calendar-date.ts";
import type { ActionLearningPart } from "./action-learning-parts.ts";
import type { StoredEntryKind } from "./entry-kind.ts";

export type { StoredEntryKind };

/**
 * One of the member's own entries, in their words. Links name other entries of the same member by entry number:
 * `goal` (an action's or a review's goal), `problem` (a question's, reflection's, action's or outcome's problem).
 * `support` (an action's help) and `source` (a strength's or limitation's origin) are the member's words too.
 */
export type DraftEntry = {
  number: number;
  kind: StoredEntryKind;
  text: string;
  createdAt: Date;
  meetingNumber: number | null;
  goal?: number | null;
  problem?: number | null;
  support?: string | null;
  source?: string | null;
  /** An outcome not linked to an action: how effective it was (very, somewhat, not). */
  effectiveness?: string | null;
  /** A write-up (`kind: "write"`): the draft section it is the member's own paragraph for. */
  section?: string | null;
};

/** An action's detail; `due` is the calendar date the member gave, shown exactly as that day. */
export type DraftAction = {
  number: number;
  text: string;
  createdAt: Date;
  meetingNumber: number | null;
  due: CalendarDate | null;
  status: ActionStatus;
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
};

/** A meeting the set held (closed), and the member's part in it. */
export type DraftMeeting = { number: number; startsAt: Date; durationMinutes: number; attended: boolean; presented: boolean };

/** The member's own details for the header, exactly as they gave them (`/log details`); null when not given. */
type DraftDetails = { registration: string | null; centreNumber: string | null; centreName: string | null };

/** A review of the member's progress by one of the set's advisors, with the member's reply (their own words). */
export type DraftAdvisorReview = {
  advisor: string;
  text: string;
  createdAt: Date;
  editedAt: Date | null;
  reply: string | null;
  repliedAt: Date | null;
};
export type DraftInput = {
  learner: string;
  details: DraftDetails;
  setName: string;
  advisors: string[];
  /** Current members of the set (advisors are not members). */
  memberCount: number;
  /** The names of the set's other members, to point out where a review names one (absent: none known). */
  otherMembers?: string[];
  /** Minutes each presenter has at a meeting. */
  slotMinutes: number;
  /** Facilitation notes the set's advisors have kept (`/records note:`): a count only. */
  advisorNotes: number;
  /** The programme's first and last days (the last included). */
  programmeStart: CalendarDate | null;
  programmeEnd: CalendarDate | null;
  /** When the member joined the set (their period starts here if they attended no meeting). */
  joinedAt: Date | null;
  /** Every meeting the set held, any order, with the member's attendance and presenter turn. */
  meetings: DraftMeeting[];
  /** ALL the member's own entries, any order (action entries included; their detail is in `actions`, same `number`). */
  entries: DraftEntry[];
  actions: DraftAction[];
  /** Reviews of the member's progress by the set's advisors (`/review`), with the member's replies; absent: none. */
  advisorReviews?: DraftAdvisorReview[];
  now: Date;
  /** For the dates shown in the text. */
  timeZone: string;
};

export type Criterion = "1.1" | "1.2" | "2.1" | "2.2" | "2.3";
/** One row of a criteria checklist: M3.37's criteria here, M5.37's in the facilitation log (`C`). */
export type Coverage<C extends string = Criterion> = {
  criterion: C;
  title: string;
  status: "covered" | "thin" | "missing";
  evidence: string[];
  prompts: string[];
};

/**
 * One thing a member could write next for a criterion, named concretely: `text` says what and how much ("two or three
 * sentences will do"), `command` is the exact command with its options (what the console shows), `form` the bare
 * command a button runs, which opens that command's form where the platform has forms (the console answers with
 * usage); null where no form fits (an edit of an entry: the command is to be typed).
 */
export type CoachStep = {
  criterion: Criterion;
  text: string;
  command: string;
  form: string | null;
  label: string;
  /** `part`: something the criterion asks for is not there; `words`: it is, in fewer words than its target. */
  fills: "part" | "words";
  /** 2.1: the part of the criterion a `part` step fills. */
  part?: ActionLearningPart;
};

/**
 * A criterion read as the mark sheet reads it: the checklist row, the member's own words in its sections against
 * its target (`CRITERION_WORDS`, src/domain/draft/coverage.ts) and what would fill it, most valuable first.
 */
export type CriterionReading = Coverage & { words: number; target: number; steps: CoachStep[] };

/**
 * A piece of the document. `prompt` blocks say what to write where (not the member's words: to be replaced or
 * removed before submission); `facts` blocks hold facts the bot knows, for the member to use in their own words.
 */
export type DraftBlock =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "prompt"; items: string[] }
  | { kind: "facts"; items: string[] };

/** The member's own words in one part of the document, against the part's share of the nominal word count. */
export type SectionWords = { section: string; criteria: Criterion[]; words: number; target: number };

/** A draft document as the Markdown and .docx renderers take it (a member's M3.37 log, an advisor's M5.37 log). */
export type DraftDocument = {
  title: string;
  /** What the document is, for the .docx file's properties. */
  description: string;
  header: { label: string; value: string }[];
  /** The document to submit, once its prompts and facts boxes are dealt with. */
  blocks: DraftBlock[];
  /** Not for submission: the criteria checklist, word counts per section and warnings. */
  appendix: DraftBlock[];
};

export type Draft = DraftDocument & {
  /** The copy ready to submit: no prompts, facts boxes, entry numbers, status column or appendix (draft-final.ts). */
  submission: DraftDocument;
  coverage: CriterionReading[];
  /** The member's own words in the document (each entry counted once, where it belongs). */
  wordCount: number;
  sections: SectionWords[];
  warnings: string[];
};

export type EvidenceRow = { date: string; durationMinutes: number | ""; category: string; text: string; criteria: string };
