/**
 * The Leadership action plan part of the draft (pure): 1.1 strengths and limitations with their sources, 1.2 each goal
 * with the actions that serve it (text, due day, help and support, status), 2.1 the member's action-learning entries
 * with the facts the bot holds about their set. The member's words are shown as written; prompts and facts are
 * separate blocks, never mixed into them.
 */
import { ACTION_LEARNING_PARTS, actionLearningParts } from "./action-learning-parts.ts";
import type { Analysis } from "./draft-analysis.ts";
import { calendarDay, dayIn, hasText, hoursText, plural, refs, STATUS_TEXT } from "./draft-text.ts";
import type { DraftBlock, DraftEntry, DraftInput } from "./draft-types.ts";
import { missingMeasureOrTime, readSmartGoal } from "./smart-goal.ts";

/** Section headings, so renderers and tests need not repeat the strings. */
export const PLAN_HEADINGS = {
  plan: "Leadership action plan",
  strengths: "Strengths and limitations (1.1)",
  goals: "Goals, actions and timescales (1.2)",
  unlinked: "Actions not yet linked to a goal",
  support: "Help and support",
  method: "Action learning and my development (2.1)",
} as const;

/** "Trial a handover sheet (source: 360 feedback)". */
const withSource = (e: DraftEntry) => (hasText(e.source) ? `${e.text} (source: ${e.source.trim()})` : e.text);

/** The timescale table of some actions: their text, due day, help and support, status. */
function actionTable(a: Analysis, actions: DraftEntry[]): DraftBlock {
  return {
    kind: "table",
    header: ["Action", "Due", "Help and support", "Status"],
    rows: actions.map((e) => {
      const action = a.actionOf.get(e.number);
      return [
        `#${e.number} ${e.text}`,
        action?.due ? calendarDay(action.due) : "no date yet",
        hasText(e.support) ? e.support.trim() : "not named yet",
        action ? STATUS_TEXT[action.status] : STATUS_TEXT.open,
      ];
    }),
  };
}

export function strengthsBlocks(a: Analysis): DraftBlock[] {
  const H = PLAN_HEADINGS;
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: H.strengths }];
  if (a.strengths.length)
    blocks.push({ kind: "heading", level: 3, text: "Strengths" }, { kind: "bullets", items: a.strengths.map(withSource) });
  if (a.limitations.length)
    blocks.push({ kind: "heading", level: 3, text: "Limitations" }, { kind: "bullets", items: a.limitations.map(withSource) });
  const prompts: string[] = [];
  if (!a.strengths.length)
    prompts.push('Your leadership strengths, each with where it comes from: /log strength text:"…" source:"360 feedback"');
  if (!a.limitations.length)
    prompts.push('The limitations you want to work on, each with where it comes from: /log limitation text:"…" source:"reflective review"');
  const unsourced = [...a.strengths, ...a.limitations].filter((e) => !hasText(e.source));
  if (unsourced.length)
    prompts.push(
      `The task asks you to use the outcomes of your Reflective Review (or other sources): say where ${unsourced.length === 1 ? "this one comes" : "these come"} from (${refs(unsourced.map((e) => e.number))}): /log edit entry:N source:"…"`,
    );
  if (prompts.length) blocks.push({ kind: "prompt", items: prompts });
  return blocks;
}

export function goalsBlocks(input: DraftInput, a: Analysis): DraftBlock[] {
  const H = PLAN_HEADINGS;
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: H.goals }];
  if (!a.goals.length)
    blocks.push({
      kind: "prompt",
      items: ['Set yourself goals to improve your leadership, each with a measure and a time frame: /log goal text:"…"'],
    });
  a.goals.forEach((g, i) => {
    blocks.push({ kind: "heading", level: 3, text: `Goal ${i + 1}` }, { kind: "paragraph", text: g.text });
    const actions = a.actionsOfGoal.get(g.number) ?? [];
    const prompts: string[] = [];
    const reading = readSmartGoal(g.text);
    const gap = missingMeasureOrTime(reading);
    if (gap) {
      const advice = reading.advice.filter((x) => x.startsWith("measurable") || x.startsWith("time-bound"));
      prompts.push(`This goal seems to lack ${gap}: ${advice.join("; ")}. Reword it: /log edit entry:${g.number} text:"…"`);
    }
    if (!actions.length)
      prompts.push(
        `No action serves this goal yet: /log action text:"…" due:"…" goal:${i + 1} support:"…", or link one: /log edit entry:N goal:${i + 1}`,
      );
    if (prompts.length) blocks.push({ kind: "prompt", items: prompts });
    if (actions.length) blocks.push(actionTable(a, actions));
  });
  if (a.unlinkedActions.length) {
    blocks.push({ kind: "heading", level: 3, text: H.unlinked }, actionTable(a, a.unlinkedActions));
    if (a.goals.length)
      blocks.push({
        kind: "prompt",
        items: [
          `Link each action to the goal it serves, so it shows under that goal: /log edit entry:N goal:M (${refs(a.unlinkedActions.map((e) => e.number))})`,
        ],
      });
  }

  blocks.push({ kind: "heading", level: 3, text: H.support });
  const named = new Map<string, number[]>();
  for (const e of a.entries)
    if (e.kind === "action" && hasText(e.support)) named.set(e.support.trim(), [...(named.get(e.support.trim()) ?? []), e.number]);
  if (named.size)
    blocks.push({
      kind: "bullets",
      items: [...named].map(([support, ns]) => `${support} (${ns.length === 1 ? "action" : "actions"} ${refs(ns)})`),
    });
  else
    blocks.push({
      kind: "prompt",
      items: ['Name who or what will help with each action (a colleague, your manager, a course, the set): /log edit entry:N support:"…"'],
    });
  const advisors = input.advisors.length ? `; set advisor${input.advisors.length > 1 ? "s" : ""}: ${input.advisors.join(" and ")}` : "";
  blocks.push({
    kind: "facts",
    items: [`Your action learning set, ${input.setName}: ${plural(input.memberCount, "member")}${advisors}.`],
  });
  return blocks;
}

export function methodBlocks(input: DraftInput, a: Analysis): DraftBlock[] {
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: PLAN_HEADINGS.method }];
  for (const e of a.method) if (e.kind !== "write") blocks.push({ kind: "paragraph", text: e.text });
  const touched = actionLearningParts(a.method.map((e) => e.text));
  const missing = ACTION_LEARNING_PARTS.filter((p) => !touched.includes(p.part));
  if (missing.length)
    blocks.push({
      kind: "prompt",
      items: [
        a.method.length
          ? `2.1 asks for three things; your entries do not yet seem to touch ${missing.length === 1 ? "this one" : `these ${missing.length}`}. Explain each in your own words: /log action-learning text:"…"`
          : '2.1 asks you to explain three things in your own words, one entry or more each: /log action-learning text:"…"',
        ...missing.map((p) => `${p.name[0]!.toUpperCase()}${p.name.slice(1)}: ${p.hint}.`),
      ],
    });
  blocks.push({ kind: "facts", items: setFacts(input, a) });
  return blocks;
}

/** What the bot knows of the member's set and their part in it: counts, dates and names, no one's words. */
function setFacts(input: DraftInput, a: Analysis): string[] {
  const held = a.held;
  const attended = held.filter((m) => m.attended);
  const facts: string[] = [];
  const advisors = input.advisors.length ? `, with ${input.advisors.join(" and ")} as set advisor (not a member of the set)` : "";
  facts.push(`Your set, ${input.setName}: ${plural(input.memberCount, "member")}${advisors}.`);
  if (input.programmeStart && input.programmeEnd)
    facts.push(`The programme runs from ${calendarDay(input.programmeStart)} to ${calendarDay(input.programmeEnd)}.`);
  if (held.length) {
    const range = held.length > 1 ? ` between ${dayIn(held[0]!.startsAt, a.zone)} and ${dayIn(held.at(-1)!.startsAt, a.zone)}` : "";
    const hours = hoursText(attended.reduce((n, m) => n + m.durationMinutes, 0));
    facts.push(`Meetings: ${held.length} held${range}; you attended ${attended.length} (${hours} in the set).`);
  } else facts.push("No meeting has been held yet.");
  const turns = a.turns.map((t) => `meeting ${t.meeting.number} (${dayIn(t.meeting.startsAt, a.zone)})`);
  facts.push(
    `Each presenter has a ${input.slotMinutes}-minute slot; ${turns.length ? `you presented at ${plural(turns.length, "meeting")}: ${turns.join(", ")}` : "you have not presented yet"}.`,
  );
  if (input.advisors.length)
    facts.push(
      `${input.advisors.join(" and ")}: advisor at the ${plural(held.length, "meeting")} held; ${plural(input.advisorNotes, "facilitation note")} in the set's records.`,
    );
  return facts;
}
