/**
 * The Leadership log part of the draft (pure): 2.2 each problem brought to the set with the presenter turn it was
 * brought to, the questions that helped, the actions agreed and how each was put into effect and how effective it
 * was, outcomes and what was learned; then 2.3 the goals one by one: the goal, its actions and outcomes, the member's
 * reviews of it, and a prompt where a goal has no review yet.
 */
import type { Analysis, Group } from "./draft-analysis.ts";
import { calendarDay, dayIn, effectivenessText, hasText, refs, STATUS_TEXT } from "./draft-text.ts";
import type { DraftBlock, DraftEntry } from "./draft-types.ts";

export const LOG_HEADINGS = {
  log: "Leadership log",
  used: "How I used action learning (2.2)",
  other: "Other notes (before my first problem)",
  review: "Review of goals and improvement (2.3)",
  overall: "Looking back overall",
} as const;

/** "Problem 2: presented at meeting 3, 9 Mar 2027" (or the day it was recorded, when no turn matches). */
function problemHeading(g: Group, zone: string): string {
  const p = g.problem!;
  const when = g.turn
    ? `presented at meeting ${g.turn.number}, ${dayIn(g.turn.startsAt, zone)}`
    : `${dayIn(p.createdAt, zone)}${p.meetingNumber !== null ? ` (meeting ${p.meetingNumber})` : ""}`;
  return `Problem ${g.ordinal}: ${when}`;
}

/**
 * When an action was agreed: at the meeting it belongs to when the set held it ("agreed at meeting 2, 8 Feb 2027"),
 * not the day it was typed; else the day it was recorded.
 */
function agreedWhen(e: DraftEntry, a: Analysis): string {
  const meeting = e.meetingNumber !== null ? a.held.find((m) => m.number === e.meetingNumber) : undefined;
  return meeting ? `agreed at meeting ${meeting.number}, ${dayIn(meeting.startsAt, a.zone)}` : `agreed ${dayIn(e.createdAt, a.zone)}`;
}

/** The blocks of one problem's group (or of Other notes). */
function groupBlocks(g: Group, a: Analysis): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const h4 = (text: string) => blocks.push({ kind: "heading", level: 4, text });
  if (g.problem) blocks.push({ kind: "paragraph", text: g.problem.text });
  if (g.questions.length) {
    h4("Questions that helped");
    blocks.push({ kind: "bullets", items: g.questions.map((q) => q.text) });
  }
  if (g.actions.length) {
    h4("Actions agreed and how they went");
    for (const e of g.actions) {
      const action = a.actionOf.get(e.number);
      const goal = e.goal !== null && e.goal !== undefined ? a.goals.findIndex((x) => x.number === e.goal) : -1;
      const detail = [
        agreedWhen(e, a),
        action?.due ? `due ${calendarDay(action.due)}` : "no due date",
        goal >= 0 ? `for Goal ${goal + 1}` : null,
      ].filter(Boolean);
      blocks.push({ kind: "paragraph", text: `Action #${e.number} (${detail.join(", ")}): ${e.text}` });
      const linked = a.linkedOutcome.get(e.number);
      const outcome = linked ? linked.text : action && hasText(action.outcome) ? action.outcome : null;
      blocks.push({ kind: "paragraph", text: `How I put it into effect: ${outcome ?? "no outcome recorded yet."}` });
      const status = action ? STATUS_TEXT[action.status] : STATUS_TEXT.open;
      const when = action?.outcomeAt && action.status !== "open" ? `, ${dayIn(action.outcomeAt, a.zone)}` : "";
      blocks.push({
        kind: "paragraph",
        text: `How effective: ${effectivenessText(action?.effectiveness ?? null) ?? "not recorded yet"} (${status}${when}).`,
      });
    }
  }
  if (g.outcomes.length) {
    h4("Outcomes I reported");
    blocks.push({
      kind: "bullets",
      items: g.outcomes.map((o) => {
        const how = effectivenessText(o.effectiveness ?? null);
        return how ? `${o.text} (${how})` : o.text;
      }),
    });
  }
  const reflections = g.reflections.filter((r) => r.kind !== "write");
  if (reflections.length) {
    h4("What I learned");
    for (const r of reflections) blocks.push({ kind: "paragraph", text: r.text });
  }
  const prompts: string[] = [];
  const link = g.problem ? `problem:${g.ordinal}` : "problem:M";
  if (g.problem && !g.questions.length) prompts.push(`Which question from the set helped most? /log question text:"…" ${link}`);
  if (g.problem && !g.actions.length) prompts.push(`Which actions did you agree with the set? /log action text:"…" due:"…" ${link}`);
  const open = g.actions.filter((e) => !hasText(a.actionOf.get(e.number)?.outcome ?? null)).map((e) => e.number);
  if (open.length) prompts.push(`How did ${refs(open)} go? /action done action:N text:"…" effective:very|somewhat|not`);
  if (g.problem && !reflections.length) prompts.push(`What did you learn from this problem? /log reflect text:"…" ${link}`);
  if (g.byTime.length)
    prompts.push(
      `Placed here by date, with no problem named: ${refs(g.byTime)}. Link ${g.byTime.length === 1 ? "it" : "each"} to the problem it belongs to: /log edit entry:N problem:M`,
    );
  if (prompts.length) blocks.push({ kind: "prompt", items: prompts });
  return blocks;
}

/** The member's own words only: what a section's notes keep of its blocks (no prompts, no facts). */
export const ownWords = (blocks: DraftBlock[]): DraftBlock[] => blocks.filter((b) => b.kind !== "prompt" && b.kind !== "facts");

/**
 * 2.2, problem by problem. A problem the member has written up (`/log write section:2.2 problem:N`) shows their
 * paragraph in place of its fragments, which go to `notes` under the problem's heading.
 */
export function usedBlocks(a: Analysis, notes: DraftBlock[] = []): DraftBlock[] {
  const H = LOG_HEADINGS;
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: H.used }];
  const general = a.written.get("2.2");
  if (general) blocks.push({ kind: "paragraph", text: general.text });
  const missed = a.turns.filter((t) => t.problem === null);
  if (missed.length)
    blocks.push({
      kind: "prompt",
      items: missed.map(
        (t) =>
          `You presented at meeting ${t.meeting.number} (${dayIn(t.meeting.startsAt, a.zone)}) but logged no problem for it: /log problem meeting:${t.meeting.number} text:"…"`,
      ),
    });
  for (const g of a.problems) {
    const heading: DraftBlock = { kind: "heading", level: 3, text: problemHeading(g, a.zone) };
    const written = a.written.get(`2.2:${g.problem!.number}`);
    if (written) {
      blocks.push(heading, { kind: "paragraph", text: written.text });
      notes.push(heading, ...ownWords(groupBlocks(g, a)));
    } else blocks.push(heading, ...groupBlocks(g, a));
  }
  if (!a.problems.length)
    blocks.push({
      kind: "prompt",
      items: [
        'For each problem you bring to the set: the problem, the questions that helped, the actions you agreed: /log problem text:"…"',
      ],
    });
  const o = a.other;
  if (o.questions.length || o.actions.length || o.outcomes.length || o.reflections.length) {
    blocks.push({ kind: "heading", level: 3, text: H.other });
    blocks.push(...groupBlocks(o, a));
  }
  return blocks;
}

/**
 * 2.3, goal by goal, then looking back overall. A goal (or the overall review) the member has written up shows their
 * paragraph in place of the goal's text, table and reviews, which go to `notes`.
 */
export function reviewBlocks(a: Analysis, notes: DraftBlock[] = []): DraftBlock[] {
  const H = LOG_HEADINGS;
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: H.review }];
  if (!a.goals.length) blocks.push({ kind: "prompt", items: ['Set a goal to review: /log goal text:"…"'] });
  a.goals.forEach((g, i) => {
    const written = a.written.get(`2.3:${g.number}`);
    const heading: DraftBlock = { kind: "heading", level: 3, text: `Goal ${i + 1}` };
    const goalBlocks = reviewOfGoal(a, g, i);
    if (written) {
      blocks.push(heading, { kind: "paragraph", text: written.text });
      notes.push({ ...heading, text: `Review of Goal ${i + 1}` }, ...ownWords(goalBlocks));
    } else blocks.push(heading, ...goalBlocks);
  });
  const overall = a.overall.filter((e) => e.kind !== "write");
  const writtenOverall = a.written.get("2.3");
  if (writtenOverall) {
    blocks.push({ kind: "heading", level: 3, text: H.overall }, { kind: "paragraph", text: writtenOverall.text });
    if (overall.length)
      notes.push({ kind: "heading", level: 3, text: H.overall }, ...overall.map((e): DraftBlock => ({ kind: "paragraph", text: e.text })));
  } else if (overall.length) {
    blocks.push({ kind: "heading", level: 3, text: H.overall });
    for (const e of overall) blocks.push({ kind: "paragraph", text: e.text });
  }
  return blocks;
}

/** One goal's part of 2.3 after its heading: the goal, its actions and outcomes, the member's reviews (or a prompt). */
function reviewOfGoal(a: Analysis, g: DraftEntry, i: number): DraftBlock[] {
  const blocks: DraftBlock[] = [{ kind: "paragraph", text: g.text }];
  const actions = a.actionsOfGoal.get(g.number) ?? [];
  if (actions.length)
    blocks.push({
      kind: "table",
      header: ["Action", "Outcome", "How effective"],
      rows: actions.map((e) => {
        const action = a.actionOf.get(e.number);
        const group = a.groupOfAction.get(e.number);
        const where = group?.problem ? `, see Problem ${group.ordinal}` : "";
        const outcome =
          action && hasText(action.outcome)
            ? `${STATUS_TEXT[action.status]}${action.outcomeAt ? ` ${dayIn(action.outcomeAt, a.zone)}` : ""}${where}`
            : "no outcome recorded yet";
        return [`#${e.number} ${e.text}`, outcome, effectivenessText(action?.effectiveness ?? null) ?? "not recorded yet"];
      }),
    });
  const reviews = (a.reviews.get(g.number) ?? []).filter((r) => r.kind !== "write");
  for (const r of reviews) blocks.push({ kind: "paragraph", text: r.text });
  if (!reviews.length)
    blocks.push({
      kind: "prompt",
      items: [
        `Review this goal in your own words: how well you achieved it, in what ways your performance improved, your evidence, and your next steps: /log review goal:${i + 1} text:"…"${a.reviewStarted ? "" : ` (the programme's last month starts ${a.reviewFromDay})`}`,
      ],
    });
  return blocks;
}
