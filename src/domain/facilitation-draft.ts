/**
 * An advisor's draft ILM M5.37 "Facilitating action learning" reflective log for one set, compiled from their own
 * facilitation entries and the set's records (pure: no I/O, no clock but `input.now`).
 *
 * The body follows the unit's criteria in order: 1.1 the goals agreed with clients and stakeholders; 2.1 the design,
 * with the hours planned and delivered against the unit's minimum of 12; 2.2 the session plans; 2.3 the records of
 * delivery (what /records shows: meetings held, attendance, presenters, facilitation notes, set learning reviews);
 * 2.4 the advisor's reviews of each member, with each member's counts (never the text of their log; a member's reply
 * only while they share); 3.1 feedback received (members' feedback about the advisor, anonymous where given so, and
 * the advisor's own `feedback` entries); 3.2 reviews of their practice; 3.3 their improvement plan with dates. Each
 * section ends with the prompts of its criterion (what would fill a gap, with the command). The appendix (not for
 * submission) has the criteria checklist, the advisor's words per criterion (the unit sets no word count, so none is
 * stated), and the warnings. Renders with src/export/draft-markdown.ts and draft-docx.ts, like a member's draft.
 */

import { checklistTable } from "./draft-coverage.ts";
import { calendarDay, countWords, dayIn, hasText, hoursText, plural, thousands } from "./draft-text.ts";
import type { DraftBlock } from "./draft-types.ts";
import { analyseFacilitation, type FacilitationAnalysis, MINIMUM_HOURS } from "./facilitation-analysis.ts";
import { facilitationCoverage, M537_CRITERIA, underMinimum } from "./facilitation-coverage.ts";
import type { FacilitationDraft, FacilitationDraftInput, M537Criterion } from "./facilitation-draft-types.ts";
import { anonymisePrompt, namesIn } from "./named-people.ts";

/** The unit, as the header names it. */
const M537_UNIT = "ILM M5.37 Facilitating action learning (level 5)";

/** The section headings. */
const FACILITATION_HEADINGS = {
  negotiate: "1 Negotiating the intervention",
  goals: "Goals agreed with the client and stakeholders (1.1)",
  deliver: "2 Designing and delivering the intervention",
  design: "The design of the intervention (2.1)",
  sessions: "Sessions, materials and resources (2.2)",
  records: "Records of delivery (2.3)",
  reviews: "Reviews of individuals' progress (2.4)",
  reflect: "3 Reflecting on and improving my facilitation",
  feedback: "Feedback on my facilitation (3.1)",
  practice: "Review of my own practice (3.2)",
  improve: "My plan to improve (3.3)",
  appendix: "Appendix: criteria checklist (not for submission)",
  words: "Words per criterion",
  warnings: "Warnings",
} as const;
const H = FACILITATION_HEADINGS;

type Ctx = { input: FacilitationDraftInput; a: FacilitationAnalysis; prompts: (c: M537Criterion) => DraftBlock[] };

const heading = (level: 1 | 2 | 3, text: string): DraftBlock => ({ kind: "heading", level, text });
const paragraph = (text: string): DraftBlock => ({ kind: "paragraph", text });

/** "12 Jan 2027" for a meeting, with "meeting 3" when it is one. */
const meetingRef = (n: number | null) => (n === null ? "" : ` (meeting ${n})`);

function goalBlocks({ a, prompts }: Ctx): DraftBlock[] {
  return [
    heading(2, H.goals),
    ...a.byKind.goal.map((g, i) =>
      paragraph(`Goal ${i + 1}${hasText(g.with) ? `, agreed with ${g.with}` : ""} (recorded ${dayIn(g.createdAt, a.zone)}): ${g.text}`),
    ),
    ...prompts("1.1"),
  ];
}

function designBlocks({ input, a, prompts }: Ctx): DraftBlock[] {
  const { hours } = a;
  const verdict = underMinimum(a)
    ? `the meetings planned fall ${hoursText(MINIMUM_HOURS * 60 - hours.plannedMinutes)} short of it`
    : "the meetings planned meet it";
  const programme =
    input.programmeStart && input.programmeEnd
      ? `The programme runs from ${calendarDay(input.programmeStart)} to ${calendarDay(input.programmeEnd)}.`
      : "The programme's dates are not set (/set programme start:… end:…).";
  return [
    heading(2, H.design),
    ...a.byKind.design.map((d) => paragraph(d.text)),
    heading(3, "Hours planned and delivered"),
    {
      kind: "table",
      header: ["", "Meetings", "Hours"],
      rows: [
        ["Planned (meetings scheduled and held)", String(hours.plannedMeetings), hoursText(hours.plannedMinutes)],
        ["Delivered (meetings held)", String(hours.deliveredMeetings), hoursText(hours.deliveredMinutes)],
        ["ILM M5.37 minimum", "", `${MINIMUM_HOURS} hours: ${verdict}`],
      ],
    },
    {
      kind: "facts",
      items: [
        programme,
        `${plural(input.members.length, "member")}${input.coAdvisors.length ? `; co-facilitated with ${input.coAdvisors.join(", ")}` : ""}.`,
        `${input.slotMinutes} minutes for each presenter at a meeting.`,
        input.reviewEvery === null
          ? "No set learning reviews planned."
          : `A set learning review every ${plural(input.reviewEvery, "meeting")}.`,
        `Meetings: ${a.meetings.map((m) => `${m.number} on ${dayIn(m.startsAt, a.zone)} (${hoursText(m.durationMinutes)}${m.status === "closed" ? ", held" : ""})`).join("; ") || "none scheduled yet"}.`,
      ],
    },
    ...prompts("2.1"),
  ];
}

function sessionBlocks({ a, prompts }: Ctx): DraftBlock[] {
  const blocks: DraftBlock[] = [heading(2, H.sessions)];
  for (const m of a.meetings) {
    const plans = a.plansOf.get(m.number);
    if (!plans) continue;
    blocks.push(heading(3, `Meeting ${m.number}, ${dayIn(m.startsAt, a.zone)} (${hoursText(m.durationMinutes)})`));
    for (const p of plans) blocks.push(paragraph(p.text));
  }
  const known = new Set(a.meetings.map((m) => m.number));
  const loose = a.byKind.session.filter((s) => s.meetingNumber === null || !known.has(s.meetingNumber));
  if (loose.length) blocks.push(heading(3, "Across the sessions"), ...loose.map((s) => paragraph(s.text)));
  return [...blocks, ...prompts("2.2")];
}

function recordBlocks({ input, a, prompts }: Ctx): DraftBlock[] {
  const members = input.members.length;
  const blocks: DraftBlock[] = [heading(2, H.records), heading(3, "Meetings held")];
  blocks.push(
    a.held.length
      ? {
          kind: "table",
          header: ["Meeting", "Date", "Length", "Attended", "Presented"],
          rows: a.held.map((m) => [
            String(m.number),
            dayIn(m.startsAt, a.zone),
            hoursText(m.durationMinutes),
            `${m.present.length} of ${members}: ${m.present.join(", ") || "nobody recorded"}`,
            m.presenters,
          ]),
        }
      : paragraph("No meeting held yet."),
  );
  if (input.notes.length) {
    blocks.push(heading(3, "Facilitation notes"));
    blocks.push({
      kind: "bullets",
      items: [...input.notes]
        .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
        .map((n) => `${dayIn(n.createdAt, a.zone)}${n.own ? "" : `, ${n.author}`}: ${n.text}`),
    });
  }
  if (a.feedbackAboutSet.length) {
    blocks.push(heading(3, "Set learning reviews"));
    const occasions = [...new Set(a.feedbackAboutSet.map((f) => f.meetingNumber))];
    for (const n of occasions) {
      const answers = a.feedbackAboutSet.filter((f) => f.meetingNumber === n);
      blocks.push(paragraph(`${n === null ? "At other times" : `After meeting ${n}`} (${plural(answers.length, "response")}):`));
      blocks.push({ kind: "bullets", items: answers.map((f) => `${f.author ?? "anonymous"}, ${dayIn(f.createdAt, a.zone)}: ${f.text}`) });
    }
  }
  return [...blocks, ...prompts("2.3")];
}

function reviewBlocks({ input, a, prompts }: Ctx): DraftBlock[] {
  const blocks: DraftBlock[] = [heading(2, H.reviews)];
  if (input.members.length)
    blocks.push({
      kind: "table",
      header: ["Member", "Log entries", "Actions agreed", "Outcomes recorded", "My reviews"],
      rows: input.members.map((m) => {
        const mine = a.reviewsOf.get(m.name) ?? [];
        const last = mine.at(-1);
        return [
          m.name,
          String(m.entries),
          String(m.actions),
          String(m.outcomes),
          last ? `${mine.length}, last ${dayIn(last.createdAt, a.zone)}` : "none yet",
        ];
      }),
    });
  // One section per member in the table's order (current members), then anyone reviewed who has since left the set;
  // within each, the reviews oldest first.
  const current = input.members.map((m) => m.name).filter((name) => a.reviewsOf.has(name));
  const former = [...a.reviewsOf.keys()].filter((name) => !current.includes(name));
  for (const member of [...current, ...former]) {
    const reviews = a.reviewsOf.get(member) ?? [];
    blocks.push(heading(3, member));
    for (const r of reviews) {
      blocks.push(paragraph(`My review, ${dayIn(r.createdAt, a.zone)}: ${r.text}`));
      const when = r.repliedAt ? ` on ${dayIn(r.repliedAt, a.zone)}` : "";
      if (r.reply !== null) blocks.push(paragraph(`${member}'s reply${when}: ${r.reply}`));
      else if (r.replied) blocks.push(paragraph(`${member} replied${when}; the reply is theirs to share (they do not share their log).`));
    }
  }
  // Members are named in this section by design; a review that names someone else (or a member in another's review)
  // is pointed out, to anonymise before submission.
  const others = [...current, ...former].flatMap((member) =>
    namesIn(
      (a.reviewsOf.get(member) ?? []).map((r) => `${r.text}\n${r.reply ?? ""}`).join("\n"),
      input.members.map((m) => m.name),
      [member, input.advisor, ...input.coAdvisors],
    ),
  );
  const anonymise = anonymisePrompt([...new Set(others)], "Your reviews");
  return [...blocks, ...(anonymise ? [{ kind: "prompt", items: [anonymise] } as DraftBlock] : []), ...prompts("2.4")];
}

function feedbackBlocks({ a, prompts }: Ctx): DraftBlock[] {
  const blocks: DraftBlock[] = [heading(2, H.feedback)];
  if (a.feedbackAboutAdvisor.length)
    blocks.push(heading(3, "What members of the set said"), {
      kind: "bullets",
      items: a.feedbackAboutAdvisor.map(
        (f) => `${f.author ?? "anonymous"}, ${dayIn(f.createdAt, a.zone)}${meetingRef(f.meetingNumber)}: ${f.text}`,
      ),
    });
  if (a.byKind.feedback.length)
    blocks.push(
      heading(3, "Feedback I received and what I make of it"),
      ...a.byKind.feedback.map((f) =>
        paragraph(`${dayIn(f.createdAt, a.zone)}${hasText(f.with) ? `, from ${f.with}` : ""}${meetingRef(f.meetingNumber)}: ${f.text}`),
      ),
    );
  return [...blocks, ...prompts("3.1")];
}

function practiceBlocks({ a, prompts }: Ctx): DraftBlock[] {
  return [
    heading(2, H.practice),
    ...a.byKind.reflect.map((r) => paragraph(`${dayIn(r.createdAt, a.zone)}${meetingRef(r.meetingNumber)}: ${r.text}`)),
    ...prompts("3.2"),
  ];
}

function improveBlocks({ a, prompts }: Ctx): DraftBlock[] {
  const steps = a.byKind.improve;
  return [
    heading(2, H.improve),
    ...(steps.length
      ? [
          {
            kind: "table",
            header: ["Step", "What I will do", "By", "Recorded"],
            rows: steps.map((s, i) => [String(i + 1), s.text, s.due ? calendarDay(s.due) : "no date yet", dayIn(s.createdAt, a.zone)]),
          } satisfies DraftBlock,
        ]
      : []),
    ...prompts("3.3"),
  ];
}

/** The advisor's own words per criterion: their entries, facilitation notes and reviews (never members' words). */
function wordsPerCriterion(input: FacilitationDraftInput, a: FacilitationAnalysis): Record<M537Criterion, number> {
  const sum = (texts: (string | null)[]) => texts.reduce((n, t) => n + countWords(t), 0);
  const of = (kind: keyof FacilitationAnalysis["byKind"]) => sum(a.byKind[kind].map((e) => e.text));
  return {
    "1.1": of("goal"),
    "2.1": of("design"),
    "2.2": of("session"),
    "2.3": sum(input.notes.filter((n) => n.own).map((n) => n.text)),
    "2.4": sum(input.reviews.map((r) => r.text)),
    "3.1": of("feedback"),
    "3.2": of("reflect"),
    "3.3": of("improve"),
  };
}

/** Compiles the advisor's draft M5.37 log for one set. */
export function compileFacilitationDraft(input: FacilitationDraftInput): FacilitationDraft {
  const a = analyseFacilitation(input);
  const coverage = facilitationCoverage(input, a);
  const prompts = (c: M537Criterion): DraftBlock[] => {
    const items = coverage.find((x) => x.criterion === c)!.prompts;
    return items.length ? [{ kind: "prompt", items }] : [];
  };
  const ctx: Ctx = { input, a, prompts };
  const blocks: DraftBlock[] = [
    heading(1, H.negotiate),
    ...goalBlocks(ctx),
    heading(1, H.deliver),
    ...designBlocks(ctx),
    ...sessionBlocks(ctx),
    ...recordBlocks(ctx),
    ...reviewBlocks(ctx),
    heading(1, H.reflect),
    ...feedbackBlocks(ctx),
    ...practiceBlocks(ctx),
    ...improveBlocks(ctx),
  ];

  const words = wordsPerCriterion(input, a);
  const wordCount = Object.values(words).reduce((n, w) => n + w, 0);
  const warnings: string[] = [];
  if (underMinimum(a))
    warnings.push(
      `The meetings planned come to ${hoursText(a.hours.plannedMinutes)}: under ILM M5.37's minimum of ${MINIMUM_HOURS} hours for the intervention (2.1).`,
    );
  const appendix: DraftBlock[] = [
    heading(1, H.appendix),
    paragraph(
      "For you, not the assessor: remove this appendix, the prompts and the facts boxes before you submit. The prompts stand where your own words or records should go.",
    ),
    checklistTable(coverage),
    heading(2, H.words),
    {
      kind: "table",
      header: ["Criterion", "Your words"],
      rows: M537_CRITERIA.map(({ criterion, title }) => [`${criterion} ${title}`, thousands(words[criterion])]),
    },
    paragraph(
      `${thousands(wordCount)} ${wordCount === 1 ? "word" : "words"} of your own in all (your entries, facilitation notes and reviews; members' words are not counted). The unit sets no word count: ask your centre what length it expects.`,
    ),
  ];
  if (warnings.length) appendix.push(heading(2, H.warnings), { kind: "bullets", items: warnings });

  const others = input.coAdvisors.length ? `; co-facilitated with ${input.coAdvisors.join(", ")}` : "";
  const { hours } = a;
  const header = [
    { label: "Facilitator", value: input.advisor },
    { label: "Unit", value: M537_UNIT },
    { label: "Set", value: `${input.setName}: ${plural(input.members.length, "member")}${others}` },
    {
      label: "Programme",
      value:
        input.programmeStart && input.programmeEnd
          ? `${calendarDay(input.programmeStart)} to ${calendarDay(input.programmeEnd)}`
          : "dates not set yet: /set programme start:… end:…",
    },
    {
      label: "Hours",
      value: `${hoursText(hours.plannedMinutes)} planned (${plural(hours.plannedMeetings, "meeting")}), ${hoursText(hours.deliveredMinutes)} delivered (${plural(hours.deliveredMeetings, "meeting")} held): ${underMinimum(a) ? "under" : "meets"} the minimum of ${MINIMUM_HOURS} hours`,
    },
    { label: "Word count", value: thousands(wordCount) },
    { label: "Compiled", value: `${dayIn(input.now, a.zone)} (draft)` },
  ];
  return {
    title: `Facilitating action learning: reflective log (ILM M5.37): ${input.advisor}, ${input.setName}`,
    description: "Draft ILM M5.37 facilitating action learning reflective log",
    header,
    blocks,
    appendix,
    coverage,
    hours,
    words,
    wordCount,
    warnings,
  };
}
