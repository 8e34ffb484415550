/**
 * What an advisor's draft M5.37 log is built from, sorted (pure): their entries by kind in date order, the set's
 * meetings in time order, the hours planned and delivered, which held meetings have a session plan, and which
 * members have been reviewed.
 */
import { validZone } from "../draft/text.ts";
import type { FacilitationKind } from "./entry-kind.ts";
import type {
  FacilitationDraftEntry,
  FacilitationDraftInput,
  FacilitationHours,
  FacilitationMeeting,
  FacilitationReview,
} from "./types.ts";

/** ILM M5.37 2.1: the intervention is designed for a minimum of 12 hours. */
export const MINIMUM_HOURS = 12;

export type FacilitationAnalysis = {
  zone: string;
  /** The advisor's entries of each kind, oldest first. */
  byKind: Record<FacilitationKind, FacilitationDraftEntry[]>;
  /** Meetings not cancelled, in time order; `held` those closed. */
  meetings: FacilitationMeeting[];
  held: FacilitationMeeting[];
  /** The next meeting still to come, if any. */
  next: FacilitationMeeting | null;
  hours: FacilitationHours;
  /** meeting number → its session plans. */
  plansOf: Map<number, FacilitationDraftEntry[]>;
  /** member name → the advisor's reviews of them, oldest first. */
  reviewsOf: Map<string, FacilitationReview[]>;
  /** Current members the advisor has not reviewed yet. */
  unreviewed: string[];
  ownNotes: number;
  feedbackAboutAdvisor: FacilitationDraftInput["feedback"];
  feedbackAboutSet: FacilitationDraftInput["feedback"];
};

const oldestFirst = <T extends { createdAt: Date }>(xs: T[]) => [...xs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

/** Sorts the input into what the sections and the checklist use. */
export function analyseFacilitation(input: FacilitationDraftInput): FacilitationAnalysis {
  const entries = [...input.entries].sort((a, b) => a.number - b.number);
  const byKind: FacilitationAnalysis["byKind"] = { goal: [], design: [], session: [], feedback: [], reflect: [], improve: [] };
  for (const e of entries) byKind[e.kind].push(e);
  const meetings = [...input.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number);
  const held = meetings.filter((m) => m.status === "closed");
  const minutes = (ms: FacilitationMeeting[]) => ms.reduce((n, m) => n + m.durationMinutes, 0);
  const plansOf = new Map<number, FacilitationDraftEntry[]>();
  for (const e of byKind.session) if (e.meetingNumber !== null) plansOf.set(e.meetingNumber, [...(plansOf.get(e.meetingNumber) ?? []), e]);
  const reviewsOf = new Map<string, FacilitationReview[]>();
  for (const r of oldestFirst(input.reviews)) reviewsOf.set(r.member, [...(reviewsOf.get(r.member) ?? []), r]);
  const feedback = oldestFirst(input.feedback);
  return {
    zone: validZone(input.timeZone),
    byKind,
    meetings,
    held,
    next: meetings.find((m) => m.status === "scheduled" && m.startsAt > input.now) ?? null,
    hours: {
      plannedMinutes: minutes(meetings),
      plannedMeetings: meetings.length,
      deliveredMinutes: minutes(held),
      deliveredMeetings: held.length,
    },
    plansOf,
    reviewsOf,
    unreviewed: input.members.map((m) => m.name).filter((name) => !reviewsOf.has(name)),
    ownNotes: input.notes.filter((n) => n.own).length,
    feedbackAboutAdvisor: feedback.filter((f) => f.about === "advisor"),
    feedbackAboutSet: feedback.filter((f) => f.about === "set"),
  };
}
