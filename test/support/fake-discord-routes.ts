/**
 * The REST half of the local fake Discord: the API v10 routes the bot and discord.js 14.28 call (login, DMs,
 * channel messages, interaction callbacks and their webhooks, application commands), answered from a
 * `DiscordWorld` with Discord's status codes, error codes and size checks.
 */
import { type DiscordWorld, type InteractionState, type Json, obj, str, type UploadedFile } from "./fake-discord-objects.ts";

/** An answer to one request: status, JSON body, headers. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
/** One request as the routes see it: the route without `/api/v10`, the parsed query and body, whether a bot token came. */
export type RequestContext = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  authorized: boolean;
};
type Route = { method: string; pattern: RegExp; auth: boolean; handle: (m: string[], ctx: RequestContext) => Answer };
/** What `GET /gateway/bot` answers: the gateway's URL, the recommended shard count, and `max_concurrency`. */
export type GatewayInfo = { url: string; shards: number; maxConcurrency: number };

/** How long Discord remembers a message nonce for `enforce_nonce` ("a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** The answer of the first route matching the request: 401 without a token where one is needed, 405 or 404 otherwise. */
export function answerRequest(routes: readonly Route[], ctx: RequestContext): Answer {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(ctx.path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== ctx.method) continue;
    if (route.auth && !ctx.authorized) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    return route.handle(match.slice(1), ctx);
  }
  if (pathMatched) return { status: 405, body: { message: "405: Method Not Allowed", code: 0 } };
  return { status: 404, body: { message: "Unknown route", code: 0 } };
}

/** The routes, in matching order. */
export function discordRoutes(w: DiscordWorld, gateway: GatewayInfo): Route[] {
  const S = "(\\d{15,21})";
  const APP = "(\\d{15,21}|@me)";
  const TOKEN = "([^/]+)";
  const r = (method: string, pattern: string, handle: Route["handle"], auth = true): Route => ({
    method,
    pattern: new RegExp(`^${pattern}$`),
    auth,
    handle,
  });
  return [
    // --- login and users
    r("GET", "/gateway/bot", () =>
      ok({
        url: gateway.url,
        shards: gateway.shards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: gateway.maxConcurrency },
      }),
    ),
    r("POST", "/users/@me/channels", (_m, ctx) => {
      const recipient = str(obj(ctx.body).recipient_id);
      if (!recipient) return invalidForm({ recipient_id: fieldError("BASE_TYPE_REQUIRED", "This field is required") });
      return ok(w.dmChannel(recipient));
    }),
    r("GET", `/users/${S}`, ([id]) => ok(w.user(id!))),

    // --- application commands (global and guild): commands:deploy and discord.js's commands.set/fetch
    r("GET", `/applications/${APP}/commands`, ([app]) => appGuard(w, app!) ?? ok(commandsIn(w, "global"))),
    r("PUT", `/applications/${APP}/commands`, ([app], ctx) => appGuard(w, app!) ?? putCommands(w, "global", ctx.body)),
    r("POST", `/applications/${APP}/commands`, ([app], ctx) => appGuard(w, app!) ?? postCommand(w, "global", ctx.body)),
    r("PATCH", `/applications/${APP}/commands/${S}`, ([app, id], ctx) => appGuard(w, app!) ?? patchCommand(w, "global", id!, ctx.body)),
    r("DELETE", `/applications/${APP}/commands/${S}`, ([app, id]) => appGuard(w, app!) ?? deleteCommand(w, "global", id!)),
    r("GET", `/applications/${APP}/guilds/${S}/commands`, ([app, g]) => appGuard(w, app!, g) ?? ok(commandsIn(w, g!))),
    r("PUT", `/applications/${APP}/guilds/${S}/commands`, ([app, g], ctx) => appGuard(w, app!, g) ?? putCommands(w, g!, ctx.body)),
    r("POST", `/applications/${APP}/guilds/${S}/commands`, ([app, g], ctx) => appGuard(w, app!, g) ?? postCommand(w, g!, ctx.body)),
    r(
      "PATCH",
      `/applications/${APP}/guilds/${S}/commands/${S}`,
      ([app, g, id], ctx) => appGuard(w, app!, g) ?? patchCommand(w, g!, id!, ctx.body),
    ),
    r("DELETE", `/applications/${APP}/guilds/${S}/commands/${S}`, ([app, g, id]) => appGuard(w, app!, g) ?? deleteCommand(w, g!, id!)),

    // --- interactions: the callback (defer, reply, modal, autocomplete), editReply and followUp
    r("POST", `/interactions/${S}/${TOKEN}/callback`, ([id, token], ctx) => callback(w, id!, token!, ctx), false),
    r(
      "PATCH",
      `/webhooks/${S}/${TOKEN}/messages/(@original|\\d{15,21})`,
      ([app, token, mid], ctx) => editWebhookMessage(w, app!, token!, mid!, ctx.body, ctx.files),
      false,
    ),
    r("POST", `/webhooks/${S}/${TOKEN}`, ([app, token], ctx) => followup(w, app!, token!, ctx), false),

    // --- channels and messages
    r("GET", "/channels/([^/]+)", ([id]) => {
      const ch = w.channelById(id!);
      return ch ? ok(ch) : unknown(10003, "Unknown Channel");
    }),
    r("POST", "/channels/([^/]+)/messages", ([id], ctx) => createChannelMessage(w, id!, ctx)),
  ];
}

function appGuard(w: DiscordWorld, app: string, guildId?: string): Answer | null {
  if (app !== "@me" && app !== w.appId) return { status: 403, body: { message: "Missing Access", code: 50001 } };
  if (guildId !== undefined && !w.guild(guildId)) return { status: 403, body: { message: "Missing Access", code: 50001 } };
  return null;
}

function commandsIn(w: DiscordWorld, scope: string): Json[] {
  let list = w.commands.get(scope);
  if (!list) {
    list = [];
    w.commands.set(scope, list);
  }
  return list;
}

function validateCommand(raw: unknown): Json | null {
  const c = obj(raw);
  const type = c.type === undefined ? 1 : Number(c.type);
  const errors: Json = {};
  const name = typeof c.name === "string" ? c.name : "";
  // A chat-input name is lowercase word characters; a user or message command's (a context menu's) is any 1–32
  // characters, spaces and capitals included, and it takes no description.
  const badName = type === 1 ? !NAME_RE.test(name) || name !== name.toLowerCase() : name.trim() !== name || name.length > 32;
  if (!name || badName) {
    errors.name = fieldError("APPLICATION_COMMAND_INVALID_NAME", `Command name is invalid`);
  }
  const d = typeof c.description === "string" ? c.description : "";
  if (type === 1) {
    if (d.length < 1 || d.length > 100) errors.description = fieldError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  } else if (d !== "")
    errors.description = fieldError("APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description");
  if (Array.isArray(c.options) && c.options.length > 25)
    errors.options = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  return Object.keys(errors).length ? errors : null;
}

function commandObject(w: DiscordWorld, scope: string, raw: unknown, existing?: Json): Json {
  const c = obj(raw);
  const cmd: Json = {
    id: existing?.id ?? w.commandIdFor(`${scope}:${String(c.name)}:${String(c.type ?? 1)}`),
    application_id: w.appId,
    version: w.snowflake(),
    default_member_permissions: c.default_member_permissions ?? null,
    type: c.type === undefined ? 1 : Number(c.type),
    name: c.name,
    name_localizations: c.name_localizations ?? null,
    description: c.description ?? "",
    description_localizations: c.description_localizations ?? null,
    nsfw: c.nsfw ?? false,
  };
  if (Array.isArray(c.options) && c.options.length) cmd.options = c.options;
  if (scope === "global") {
    cmd.dm_permission = c.dm_permission ?? true;
    cmd.contexts = c.contexts ?? null;
    cmd.integration_types = c.integration_types ?? [0];
  } else {
    cmd.guild_id = scope;
  }
  return cmd;
}

function putCommands(w: DiscordWorld, scope: string, body: unknown): Answer {
  if (!Array.isArray(body)) return invalidForm({ _errors: [{ code: "BASE_TYPE_ARRAY", message: "Must be an array." }] });
  const errors: Json = {};
  body.forEach((c, i) => {
    const e = validateCommand(c);
    if (e) errors[String(i)] = e;
  });
  if (Object.keys(errors).length) return invalidForm(errors);
  const old = commandsIn(w, scope);
  const next = body.map((c) =>
    commandObject(
      w,
      scope,
      c,
      old.find((o) => o.name === obj(c).name && o.type === (obj(c).type ?? 1)),
    ),
  );
  w.commands.set(scope, next);
  return ok(next);
}

function postCommand(w: DiscordWorld, scope: string, body: unknown): Answer {
  const e = validateCommand(body);
  if (e) return invalidForm(e);
  const list = commandsIn(w, scope);
  const c = obj(body);
  const at = list.findIndex((o) => o.name === c.name && o.type === (c.type ?? 1));
  const cmd = commandObject(w, scope, body, at >= 0 ? list[at] : undefined);
  if (at >= 0) {
    list[at] = cmd;
    return ok(cmd);
  }
  list.push(cmd);
  return { status: 201, body: cmd };
}

function patchCommand(w: DiscordWorld, scope: string, id: string, body: unknown): Answer {
  const list = commandsIn(w, scope);
  const at = list.findIndex((c) => c.id === id);
  if (at < 0) return unknown(10063, "Unknown application command");
  const merged = { ...list[at], ...obj(body) };
  const e = validateCommand(merged);
  if (e) return invalidForm(e);
  const cmd = commandObject(w, scope, merged, list[at]);
  list[at] = cmd;
  return ok(cmd);
}

function deleteCommand(w: DiscordWorld, scope: string, id: string): Answer {
  const list = commandsIn(w, scope);
  const at = list.findIndex((c) => c.id === id);
  if (at < 0) return unknown(10063, "Unknown application command");
  list.splice(at, 1);
  return { status: 204 };
}

function callback(w: DiscordWorld, id: string, token: string, ctx: RequestContext): Answer {
  const state = w.interactions.get(id);
  if (!state || state.token !== token) return unknown(10062, "Unknown interaction");
  if (state.acked) return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
  const body = obj(ctx.body);
  const type = Number(body.type);
  const data = obj(body.data);
  const allowed: Record<number, number[]> = {
    2: [4, 5, 9], // application command
    3: [4, 5, 6, 7, 9], // component
    4: [8], // autocomplete
    5: [4, 5, 6, 7], // modal submit
  };
  if (!(allowed[state.type] ?? []).includes(type)) {
    return { status: 400, body: { message: "Interaction response type is invalid for this interaction", code: 40043 } };
  }
  let message: Json | null = null;
  if (type === 4) {
    const invalid = validateMessage(data, ctx.files, true);
    if (invalid) return invalid;
    message = w.newMessage(state.channelId, state.guildId, data, ctx.files, { interaction: state });
  } else if (type === 5) {
    message = w.newMessage(state.channelId, state.guildId, { content: "", flags: (Number(data.flags ?? 0) & 64) | 128 }, [], {
      interaction: state,
    });
  } else if (type === 6 || type === 7) {
    const existing = state.componentMessageId ? w.messages.get(state.componentMessageId) : undefined;
    if (type === 7) {
      const invalid = validateMessage(data, ctx.files, false);
      if (invalid) return invalid;
      if (existing) w.applyEdit(existing, data, ctx.files);
    }
    message = existing ?? null;
  } else if (type === 8) {
    const choices = data.choices;
    if (!Array.isArray(choices) || choices.length > 25)
      return invalidForm({ data: { choices: fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.") } });
  } else if (type === 9) {
    const errors: Json = {};
    if (!str(data.custom_id)) errors.custom_id = fieldError("BASE_TYPE_REQUIRED", "This field is required");
    if (!str(data.title)) errors.title = fieldError("BASE_TYPE_REQUIRED", "This field is required");
    if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5)
      errors.components = fieldError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
    if (Object.keys(errors).length) return invalidForm({ data: errors });
  }
  state.acked = true;
  if (message && (type === 4 || type === 5)) {
    w.messages.set(String(message.id), message);
    state.originalId = String(message.id);
  } else if (message) {
    state.originalId = String(message.id);
  }
  if (ctx.query.with_response !== "true") return { status: 204 };
  const flags = Number(message?.flags ?? 0);
  const result: Json = {
    interaction: {
      id: state.id,
      type: state.type,
      response_message_id: message?.id,
      response_message_loading: type === 5,
      response_message_ephemeral: (flags & 64) === 64,
    },
  };
  if (message && [4, 5, 7].includes(type)) result.resource = { type, message };
  return ok(result);
}

function interactionByToken(w: DiscordWorld, app: string, token: string): InteractionState | undefined {
  if (app !== w.appId) return undefined;
  for (const s of w.interactions.values()) if (s.token === token) return s;
  return undefined;
}

/** `editReply`: the interaction's original response (or a follow-up) edited through its webhook. */
function editWebhookMessage(w: DiscordWorld, app: string, token: string, mid: string, body: unknown, files: UploadedFile[]): Answer {
  const state = interactionByToken(w, app, token);
  if (!state) return unknown(10015, "Unknown Webhook");
  const id = mid === "@original" ? state.originalId : mid;
  const msg = id ? w.messages.get(id) : undefined;
  if (!state.acked || !msg) return unknown(10008, "Unknown Message");
  const edited = editMessage(w, msg, body, files);
  if (edited.status === 200) msg.flags = Number(msg.flags ?? 0) & ~128; // no longer "thinking"
  return edited;
}

function followup(w: DiscordWorld, app: string, token: string, ctx: RequestContext): Answer {
  const state = interactionByToken(w, app, token);
  if (!state?.acked) return unknown(10015, "Unknown Webhook");
  const body = obj(ctx.body);
  const invalid = validateMessage(body, ctx.files, true);
  if (invalid) return invalid;
  const msg = w.newMessage(state.channelId, state.guildId, body, ctx.files, { interaction: state });
  w.messages.set(String(msg.id), msg);
  return ctx.query.wait === "false" ? { status: 204 } : ok(msg);
}

function createChannelMessage(w: DiscordWorld, channelId: string, ctx: RequestContext): Answer {
  const channel = w.channelById(channelId);
  if (!channel) return unknown(10003, "Unknown Channel");
  const dmUser = w.dmRecipient(channelId);
  if (dmUser && w.closedDms.has(dmUser)) return { status: 403, body: { message: "Cannot send messages to this user", code: 50007 } };
  const body = obj(ctx.body);
  const invalid = validateMessage(body, ctx.files, true);
  if (invalid) return invalid;
  const nonce = body.nonce === undefined ? undefined : `${channelId} ${String(body.nonce)}`;
  const earlier = nonce ? w.nonces.get(nonce) : undefined;
  const original = earlier && Date.now() - earlier.at < NONCE_WINDOW_MS ? w.messages.get(earlier.messageId) : undefined;
  if (original && body.enforce_nonce === true) return ok(original);
  const guild = w.guildChannel(channelId)?.guild;
  const msg = w.newMessage(channelId, guild?.id ?? null, body, ctx.files, {});
  w.messages.set(String(msg.id), msg);
  if (nonce) w.nonces.set(nonce, { messageId: String(msg.id), at: Date.now() });
  return ok(msg);
}

function editMessage(w: DiscordWorld, msg: Json, body: unknown, files: UploadedFile[]): Answer {
  const data = obj(body);
  const invalid = validateMessage(data, files, false);
  if (invalid) return invalid;
  w.applyEdit(msg, data, files);
  return ok(msg);
}

// ================================================================ helpers

export function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

export function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function unknown(code: number, message: string): Answer {
  return { status: 404, body: { message, code } };
}

function fieldError(code: string, message: string): Json {
  return { _errors: [{ code, message }] };
}

function invalidForm(errors: Json): Answer {
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors } };
}

/**
 * Discord's checks on a message body, as Discord refuses it (400, code 50035): not empty (when creating); content
 * at most 2,000 characters; at most 10 embeds, whose description is at most 4,096 characters, with at most 25
 * fields (name at most 256, value at most 1,024), and at most 6,000 characters in all the embeds of the message
 * together; at most 5 action rows of at most 5 buttons; at most 10 files; a nonce of at most 25 characters.
 */
export function validateMessage(body: Json, files: UploadedFile[], creating: boolean): Answer | null {
  const content = typeof body.content === "string" ? body.content : "";
  const has =
    content.length > 0 ||
    (Array.isArray(body.embeds) && body.embeds.length > 0) ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
    body.poll !== undefined ||
    files.length > 0;
  if (creating && !has) return { status: 400, body: { message: "Cannot send an empty message", code: 50006 } };
  const errors: Json = {};
  const tooLong = (max: number) => fieldError("BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  if (content.length > 2000) errors.content = tooLong(2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds.map(obj) : [];
  if (embeds.length > 10) errors.embeds = tooLong(10);
  let embedChars = 0;
  embeds.forEach((e, i) => {
    const description = str(e.description);
    const fields = Array.isArray(e.fields) ? e.fields.map(obj) : [];
    embedChars += str(e.title).length + description.length + str(obj(e.footer).text).length + str(obj(e.author).name).length;
    if (description.length > 4096) errors[`embeds.${i}.description`] = tooLong(4096);
    if (fields.length > 25) errors[`embeds.${i}.fields`] = tooLong(25);
    fields.forEach((f, j) => {
      embedChars += str(f.name).length + str(f.value).length;
      if (str(f.name).length > 256) errors[`embeds.${i}.fields.${j}.name`] = tooLong(256);
      if (str(f.value).length > 1024) errors[`embeds.${i}.fields.${j}.value`] = tooLong(1024);
    });
  });
  if (embedChars > 6000) errors.embeds = fieldError("MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  const rows = Array.isArray(body.components) ? body.components.map(obj) : [];
  if (rows.length > 5 && (Number(body.flags ?? 0) & (1 << 15)) === 0) errors.components = tooLong(5);
  rows.forEach((row, i) => {
    if (Array.isArray(row.components) && row.components.length > 5) errors[`components.${i}.components`] = tooLong(5);
  });
  if (files.length > 10) errors.files = tooLong(10);
  if (typeof body.nonce === "string" && body.nonce.length > 25) errors.nonce = tooLong(25);
  return Object.keys(errors).length ? invalidForm(errors) : null;
}

export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  const ct = contentType ?? "";
  if (ct.startsWith("multipart/form-data")) {
    const form = await new Response(Uint8Array.from(raw), { headers: { "content-type": ct } }).formData();
    let body: unknown = null;
    const files: UploadedFile[] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        if (key === "payload_json") body = JSON.parse(value);
        else {
          const fields = obj(body);
          fields[key] = value;
          body = fields;
        }
      } else {
        files.push({ name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  if (ct.includes("json")) {
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      return { body: text, files: [] };
    }
  }
  return { body: text, files: [] };
}
