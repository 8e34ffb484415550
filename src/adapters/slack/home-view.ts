import type { types } from "@slack/bolt";
import { actionRef, rsvpButtons } from "../../app/format.ts";
import type { Home, HomeAdvisedSet, HomeMemberSet } from "../../app/home.ts";
import { at, type Button, encodeButton } from "../../app/reply.ts";
import { DIGEST_SILENT_DAYS } from "../../domain/reminders/advisor-digest.ts";
import { formatCalendarDate } from "../../domain/time/calendar-date.ts";
import { formatDuration } from "../../domain/time/when.ts";
import { splitToFit } from "../fit-reply.ts";
import { slackText } from "./render.ts";

type Block = types.KnownBlock;

/** A Home tab view as `views.publish` takes it. */
export type HomeTabView = { type: "home"; blocks: Block[] };

/** Block Kit's limits on a Home tab (docs/deploy.md, "The Home tab"): 100 blocks; a header's text 150 characters. */
const HOME_LIMITS = {
  blocks: 100,
  headerText: 150,
  sectionText: 3000,
  buttonsPerBlock: 25,
  buttonText: 75,
  buttonValue: 2000,
} as const;

const header = (text: string): Block => ({ type: "header", text: { type: "plain_text", text: text.slice(0, HOME_LIMITS.headerText) } });
const sections = (text: string): Block[] =>
  splitToFit(text, HOME_LIMITS.sectionText).map((t) => ({ type: "section", text: { type: "mrkdwn", text: t || " " } }));
const context = (text: string): Block => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
const divider: Block = { type: "divider" };

/** Buttons in actions blocks of 25; each runs its command in the set's `channelId`, as the message buttons do (./render.ts). */
function buttons(channelId: string, list: Button[], blockPrefix: string): Block[] {
  const elements = list.map((b) => ({
    type: "button" as const,
    action_id: b.id,
    text: { type: "plain_text" as const, text: b.label.slice(0, HOME_LIMITS.buttonText) },
    value: encodeButton(channelId, b.command).slice(0, HOME_LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  }));
  const out: Block[] = [];
  for (let i = 0; i < elements.length; i += HOME_LIMITS.buttonsPerBlock)
    out.push({ type: "actions", block_id: `${blockPrefix}-${i / HOME_LIMITS.buttonsPerBlock}`, elements: elements.slice(i, i + 25) });
  return out;
}

const WELCOME_NEW =
  "Welcome! This app runs action learning sets in Slack: meetings with RSVPs, a fair presenter rotation, reminders, and a draft " +
  "M3.37 learning log built from your own entries.";
const HOW_TO_START = [
  "*How to start*",
  '• An advisor creates a set in the set\'s channel: `/als set create name:"Blue set"`, then adds members with `/als set add member:@name`.',
  "• A member waits to be added, then records entries there: `/als log` opens the form.",
  "• `/als help` lists every command.",
].join("\n");

/**
 * A person's Home tab (src/app/home.ts's read model) as a Slack view within Block Kit's limits: times as `<!date^…>`
 * tokens, which Slack shows in the reader's own zone; every button carries its set's channel and a command line the
 * action listener runs. A view that would pass 100 blocks is cut with a pointer to the commands that show the rest.
 */
export function homeView(home: Home): HomeTabView {
  if (home.kind === "welcome")
    return {
      type: "home",
      blocks: [
        header("Action learning"),
        ...sections(home.known ? "You are not in an action learning set yet." : WELCOME_NEW),
        ...sections(HOW_TO_START),
      ],
    };
  const blocks: Block[] = [header("Your action learning")];
  home.member.forEach((s, i) => void blocks.push(...memberBlocks(s, i)));
  for (const s of home.advises) blocks.push(...advisorBlocks(s));
  blocks.push(
    context("This page updates as you use the bot. Replies to its buttons appear in the set's channel. `/als help` lists every command."),
  );
  return { type: "home", blocks: withinLimit(blocks) };
}

/** The blocks, cut to the Home tab's 100 with a pointer to the commands that show the rest. */
function withinLimit(blocks: Block[]): Block[] {
  if (blocks.length <= HOME_LIMITS.blocks) return blocks;
  return [
    ...blocks.slice(0, HOME_LIMITS.blocks - 1),
    context(
      "There is more than this page can show: `/als meeting next`, `/als action list` and `/als progress` in each set's channel show it all.",
    ),
  ];
}

function memberBlocks(s: HomeMemberSet, index: number): Block[] {
  const out: Block[] = [divider, header(`${s.setName}${s.archived ? " (archived)" : ""}`)];
  const live = !s.archived;
  const lines: string[] = [];
  if (s.awayUntil) lines.push(`You are away until ${formatCalendarDate(s.awayUntil)}.`);
  if (s.next) {
    const n = s.next;
    lines.push(`*Next meeting:* Meeting ${n.number} · ${at(n.startsAt)} · ${formatDuration(n.durationMinutes)}`);
    lines.push(`Presenters: ${n.presenters}${n.expected ? " (expected)" : ""}`);
    lines.push(n.presenting ? "*You present at this meeting.*" : "You are not presenting at this meeting.");
    lines.push(`Your answer: ${n.answer === "yes" ? "coming" : n.answer === "no" ? "apologies sent" : "not given yet"}`);
  } else lines.push("No meeting is scheduled. Any member can schedule one with `/als meeting schedule when:…`.");
  out.push(...sections(slackText(lines.join("\n"))));
  if (s.next && live) out.push(...buttons(s.channelId, rsvpButtons(s.next), `rsvp-${index}`));

  if (s.actions.length === 0) out.push(...sections("*Your open actions:* none."));
  else {
    const items = s.actions.map(
      (a) => `• ${actionRef(a.number)}: ${a.text}${a.due ? ` (due ${formatCalendarDate(a.due)}${a.overdue ? ", overdue" : ""})` : ""}`,
    );
    const more = s.moreActions ? [`…and ${s.moreActions} more: \`/als action list\``] : [];
    out.push(...sections(slackText(["*Your open actions*", ...items].join("\n")) + (more.length ? `\n${more[0]}` : "")));
    if (live)
      out.push(
        ...buttons(
          s.channelId,
          s.actions.map((a) => ({
            id: `home-done-${a.number}`,
            label: `Done: ${actionRef(a.number)}`,
            command: `/action done action:${a.number}`,
          })),
          `done-${index}`,
        ),
      );
  }

  const mark = { covered: "✓ covered", thin: "◐ thin", missing: "✗ missing" } as const;
  const criteria = s.coverage.map((c) => `${mark[c.status]} · ${c.criterion} ${c.name}: ${c.words} of about ${c.target} words`);
  out.push(...sections([`*Your M3.37 criteria* (${s.words} words of your own)`, ...criteria].join("\n")));
  if (live)
    out.push(
      ...buttons(
        s.channelId,
        [
          { id: "home-log", label: "Add an entry", command: "/log", style: "primary" },
          ...(s.awayUntil
            ? [{ id: "home-back", label: "I'm back", command: "/away off" }]
            : [
                { id: "home-away-1w", label: "Away for a week", command: '/away until:"in 1 week"' },
                { id: "home-away-2w", label: "Away for two weeks", command: '/away until:"in 2 weeks"' },
              ]),
          { id: "home-draft", label: "Get my draft", command: "/log draft" },
        ],
        `member-${index}`,
      ),
    );
  return out;
}

function advisorBlocks(s: HomeAdvisedSet): Block[] {
  const out: Block[] = [divider, header(`${s.setName} (you advise)${s.archived ? " (archived)" : ""}`.slice(0, HOME_LIMITS.headerText))];
  const lines: string[] = [];
  lines.push(
    s.next
      ? `*Next meeting:* Meeting ${s.next.number} · ${at(s.next.startsAt)} · ${formatDuration(s.next.durationMinutes)}`
      : "*Next meeting:* none scheduled.",
  );
  lines.push(
    s.unclosed.length
      ? `*Not closed yet:* ${s.unclosed.map((m) => `meeting ${m.number} (${at(m.startsAt, "date")})`).join(", ")}: close with \`/als meeting close\`.`
      : "*Not closed yet:* none.",
  );
  lines.push(
    s.silent.length
      ? `*No entry for ${DIGEST_SILENT_DAYS} days or more:* ${s.silent.map((m) => `${m.name} (${m.hasEntries ? "last entry" : "joined"} ${at(m.since, "date")})`).join(", ")}`
      : `*No entry for ${DIGEST_SILENT_DAYS} days or more:* nobody.`,
  );
  out.push(...sections(slackText(lines.join("\n"))));
  const rows = s.coverage.map((m) => `• ${m.name}: ${m.covered} covered, ${m.thin} thin, ${m.missing} missing`);
  out.push(
    ...sections(
      slackText(
        rows.length ? ["*Members' criteria* (counts only)", ...rows].join("\n") : "*Members' criteria:* the set has no members yet.",
      ),
    ),
  );
  return out;
}
