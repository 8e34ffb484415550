/**
 * The platform-neutral output of a command. Handlers return data; adapters render it
 * (console text, Slack Block Kit, Discord embeds and components).
 */

/** A button that runs `command` (a command line in the text grammar) as whoever presses it. */
export type Button = { id: string; label: string; command: string; style?: "primary" | "danger" };

/**
 * A generated file: adapters upload it or write it under FILES_DIR. `altText`: an image's text alternative for screen
 * readers (Slack's file alt text, Discord's attachment description, printed under the file on the console); at most
 * 1,000 characters, Slack's limit.
 */
export type FileOut = { name: string; mimeType: string; content: string | Uint8Array; altText?: string };

export type Field = { label: string; value: string };

export type Reply = { text: string; fields?: Field[]; buttons?: Button[]; files?: FileOut[] };

/**
 * Who sees a reply: the set's channel, only the person who ran the command, or one person by DM — or, for a
 * command that changes several sets (`/log forget`), another set's channel in the same workspace.
 */
type Audience =
  | { kind: "channel" }
  | { kind: "set-channel"; channelId: string }
  | { kind: "actor"; timeZone?: string }
  | { kind: "dm"; personId: string; externalId: string; displayName: string; timeZone: string };

export type Outgoing = { audience: Audience; reply: Reply };

export const toChannel = (reply: Reply): Outgoing => ({ audience: { kind: "channel" }, reply });
export const toActor = (reply: Reply): Outgoing => ({ audience: { kind: "actor" }, reply });
/** A post in the channel of another set of the workspace (by its stored channel id). */
export const toSetChannel = (channelId: string, reply: Reply): Outgoing => ({ audience: { kind: "set-channel", channelId }, reply });
export const toPerson = (person: { id: string; externalId: string; displayName: string; timeZone: string }, reply: Reply): Outgoing => ({
  audience: {
    kind: "dm",
    personId: person.id,
    externalId: person.externalId,
    displayName: person.displayName,
    timeZone: person.timeZone,
  },
  reply,
});

/** How a time marker is shown: date and time, date only, or time only. */
export type TimeStyle = "full" | "date" | "time";

const TIME_MARKER = /<time:(-?\d+):(full|date|time)>/g;

/**
 * A moment embedded in reply text. Each adapter replaces it so every reader sees their own
 * time zone: Discord `<t:…>`, Slack `<!date^…>`, the console in the reader's zone.
 */
export function at(date: Date, style: TimeStyle = "full"): string {
  return `<time:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

/** Replaces every time marker in `text` using `render`. */
export function renderTimes(text: string, render: (date: Date, style: TimeStyle) => string): string {
  return text.replace(TIME_MARKER, (_m, secs: string, style: TimeStyle) => render(new Date(Number(secs) * 1000), style));
}

/** What a platform button carries: the set's channel and the command it runs, so a press in a DM still knows its set. */
export const encodeButton = (channelId: string, command: string) => `${channelId}|${command}`;
export function decodeButton(value: string): { channelId: string; command: string } | null {
  const bar = value.indexOf("|");
  return bar > 0 ? { channelId: value.slice(0, bar), command: value.slice(bar + 1) } : null;
}
