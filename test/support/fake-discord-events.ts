/**
 * Guild Scheduled Events in the local fake Discord (API v10): the REST routes the bot calls and the state they keep.
 * Matched to Discord's documented rules:
 * - `POST /guilds/:id/scheduled-events` with `privacy_level` 2 (GUILD_ONLY); an EXTERNAL (3) event needs
 *   `entity_metadata.location` (1–100 characters) and `scheduled_end_time` after `scheduled_start_time`, which must be
 *   in the future, and no `channel_id`; a VOICE (2) event needs `channel_id`, a voice channel (type 2) of that guild,
 *   and `entity_metadata` null or absent, its end time optional (after the start when given). `name` 1–100
 *   characters, `description` at most 1000. Answers the event with `status` 1 (SCHEDULED). Other entity types
 *   (STAGE_INSTANCE) are refused: the bot writes none.
 * - `PATCH /guilds/:id/scheduled-events/:eid`: the fields given, the result checked as a new event's are (so turning
 *   an event EXTERNAL asks for `channel_id` null, a location and an end time); `status` only SCHEDULED → ACTIVE, ACTIVE → COMPLETED,
 *   SCHEDULED → CANCELED, and an event COMPLETED or CANCELED cannot be changed at all (400 code 50035).
 * - `GET` one or all, `DELETE` one (204); an unknown event answers 404 code 10070.
 * - A guild in `denied` answers every write with 403 code 50013 (Missing Permissions), as Discord does for a bot
 *   without Manage Events.
 */
import type { Answer, RequestContext } from "./fake-discord-routes.ts";

type Json = Record<string, unknown>;
type Route = { method: string; pattern: RegExp; auth: boolean; handle: (m: string[], ctx: RequestContext) => Answer };

const EVENT_STATUS = { SCHEDULED: 1, ACTIVE: 2, COMPLETED: 3, CANCELED: 4 } as const;
const ALLOWED: Record<number, number[]> = { 1: [2, 4], 2: [3], 3: [], 4: [] };

/** The scheduled events of every guild of the fake, by event id, and the guilds whose bot lacks Manage Events. */
export class FakeScheduledEvents {
  readonly byId = new Map<string, Json>();
  readonly denied = new Set<string>();

  constructor(
    private readonly snowflake: () => string,
    private readonly botId: string,
    private readonly isGuild: (id: string) => boolean,
    /** A guild channel's guild and type (0 text, 2 voice), or undefined when no guild has it. */
    private readonly channelOf: (id: string) => { guildId: string; type: number } | undefined,
    /** Discord's present, against which a new event's start must lie ahead (a test's manual clock, or real time). */
    private readonly now: () => number = Date.now,
  ) {}

  /** The events of a guild, oldest first. */
  of(guildId: string): Json[] {
    return [...this.byId.values()].filter((e) => e.guild_id === guildId);
  }

  routes(): Route[] {
    const S = "(\\d{15,21})";
    const r = (method: string, pattern: string, handle: Route["handle"]): Route => ({
      method,
      pattern: new RegExp(`^${pattern}$`),
      auth: true,
      handle,
    });
    return [
      r("GET", `/guilds/${S}/scheduled-events`, ([g]) => this.#guarded(g!, false) ?? { status: 200, body: this.of(g!) }),
      r("POST", `/guilds/${S}/scheduled-events`, ([g], ctx) => this.#guarded(g!, true) ?? this.#create(g!, ctx.body)),
      r("GET", `/guilds/${S}/scheduled-events/${S}`, ([g, id]) => this.#guarded(g!, false) ?? this.#found(g!, id!, (e) => ok(e))),
      r(
        "PATCH",
        `/guilds/${S}/scheduled-events/${S}`,
        ([g, id], ctx) => this.#guarded(g!, true) ?? this.#found(g!, id!, (e) => this.#edit(e, ctx.body)),
      ),
      r(
        "DELETE",
        `/guilds/${S}/scheduled-events/${S}`,
        ([g, id]) =>
          this.#guarded(g!, true) ??
          this.#found(g!, id!, () => {
            this.byId.delete(id!);
            return { status: 204 };
          }),
      ),
    ];
  }

  #guarded(guildId: string, write: boolean): Answer | null {
    if (!this.isGuild(guildId)) return { status: 404, body: { message: "Unknown Guild", code: 10004 } };
    if (write && this.denied.has(guildId)) return { status: 403, body: { message: "Missing Permissions", code: 50013 } };
    return null;
  }

  #found(guildId: string, id: string, then: (e: Json) => Answer): Answer {
    const e = this.byId.get(id);
    if (!e || e.guild_id !== guildId) return { status: 404, body: { message: "Unknown Guild Scheduled Event", code: 10070 } };
    return then(e);
  }

  #create(guildId: string, raw: unknown): Answer {
    const body = (raw ?? {}) as Json;
    const problems = fieldProblems(body, this.now()) ?? this.#placeProblems(guildId, body);
    if (problems) return invalid(problems);
    const id = this.snowflake();
    const event: Json = {
      id,
      guild_id: guildId,
      channel_id: body.channel_id ?? null,
      creator_id: this.botId,
      name: body.name,
      description: body.description ?? null,
      scheduled_start_time: body.scheduled_start_time,
      scheduled_end_time: body.scheduled_end_time ?? null,
      privacy_level: body.privacy_level,
      status: EVENT_STATUS.SCHEDULED,
      entity_type: body.entity_type,
      entity_id: null,
      entity_metadata: body.entity_metadata ?? null,
      user_count: 0,
      image: null,
      recurrence_rule: null,
    };
    this.byId.set(id, event);
    return ok(event);
  }

  #edit(event: Json, raw: unknown): Answer {
    const body = (raw ?? {}) as Json;
    const from = Number(event.status);
    if (from === EVENT_STATUS.COMPLETED || from === EVENT_STATUS.CANCELED)
      return invalid({ status: "An event that has ended or was cancelled cannot be changed" });
    if (body.status !== undefined && !ALLOWED[from]!.includes(Number(body.status)))
      return invalid({ status: `Cannot change the status from ${from} to ${String(body.status)}` });
    const merged = { ...event, ...body };
    const problems = fieldProblems(merged, null) ?? this.#placeProblems(String(event.guild_id), merged);
    if (problems) return invalid(problems);
    Object.assign(event, body);
    return ok(event);
  }

  /** What is wrong with where an event is held: its entity type, channel and metadata, by field; null when nothing is. */
  #placeProblems(guildId: string, e: Json): Json | null {
    const type = Number(e.entity_type);
    if (type === 3) return e.channel_id == null ? null : { channel_id: "An external event cannot have a channel." };
    if (type !== 2) return { entity_type: "Value must be one of {2, 3}." };
    const errors: Json = {};
    const channel = typeof e.channel_id === "string" ? this.channelOf(e.channel_id) : undefined;
    if (e.channel_id == null) errors.channel_id = "A voice event needs a channel.";
    else if (!channel || channel.guildId !== guildId) errors.channel_id = "Unknown channel.";
    else if (channel.type !== 2) errors.channel_id = "A voice event's channel must be a voice channel.";
    if (e.entity_metadata != null) errors.entity_metadata = "A voice event has no entity metadata.";
    return Object.keys(errors).length ? errors : null;
  }
}

/** What is wrong with an event's fields, by field; null when nothing is. Creating (`now` given) also checks the start is ahead. */
function fieldProblems(e: Json, now: number | null): Json | null {
  const creating = now !== null;
  const errors: Json = {};
  const name = typeof e.name === "string" ? e.name : "";
  if (name.length < 1 || name.length > 100) errors.name = "Must be between 1 and 100 in length.";
  if (typeof e.description === "string" && e.description.length > 1000) errors.description = "Must be 1000 or fewer in length.";
  if (creating && Number(e.privacy_level) !== 2) errors.privacy_level = "Value must be one of {2}.";
  const start = Date.parse(String(e.scheduled_start_time));
  if (Number.isNaN(start)) errors.scheduled_start_time = "Invalid ISO8601 timestamp.";
  else if (now !== null && start <= now) errors.scheduled_start_time = "Cannot schedule event in the past.";
  if (Number(e.entity_type) === 3) {
    const location = String((e.entity_metadata as Json | null)?.location ?? "");
    if (location.length < 1 || location.length > 100) errors.entity_metadata = "location: Must be between 1 and 100 in length.";
    const end = Date.parse(String(e.scheduled_end_time));
    if (Number.isNaN(end) || end <= start) errors.scheduled_end_time = "An external event needs an end time after its start.";
  } else if (e.scheduled_end_time != null && Date.parse(String(e.scheduled_end_time)) <= start) {
    errors.scheduled_end_time = "The end must be after the start.";
  }
  return Object.keys(errors).length ? errors : null;
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const invalid = (errors: Json): Answer => ({ status: 400, body: { message: "Invalid Form Body", code: 50035, errors } });
