/**
 * A local fake of Slack's Web API (and its file-upload and response_url endpoints) on 127.0.0.1,
 * for pointing a real `@slack/web-api` WebClient / Bolt App at (`clientOptions.slackApiUrl = fake.url`).
 *
 * Wire details matched to @slack/web-api 7.x:
 * - every Web API call is `POST <slackApiUrl><method>`; the body is form-urlencoded, with non-primitive
 *   values (blocks, view, files, attachments, ...) JSON-stringified — they are parsed back into objects here;
 *   numbers and booleans arrive (and are recorded) as strings, as Slack receives them;
 * - the token comes as `Authorization: Bearer xoxb-...` (or a `token` body field, which is moved to `SlackCall.token`);
 * - `filesUploadV2` = `files.getUploadURLExternal` (filename, length) → POST of the bytes to `upload_url`
 *   as multipart/form-data (one part, named "body") → `files.completeUploadExternal` (files=[{id,title}], channel_id, ...);
 * - HTTP 429 + `Retry-After: <seconds>` makes WebClient pause and retry the same call;
 * - a message over Block Kit's limits is refused with `invalid_blocks`, as Slack does;
 * - `views.publish` (the Home tab) wants `user_id` and a view of type `home` within Block Kit's limits for views
 *   (100 blocks, 250 kB; a header's text 150 characters), else `invalid_arguments` / `view_too_large`; the
 *   last view published to each user is kept (`homeOf`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CallLog, type Listening, listen, readBody, sendJson } from "./fake-http.ts";

export type SlackCall = {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  at: number;
  /** The HTTP status the fake answered (429 when rate-limited, a 5xx during an outage, else 200). */
  status: number;
  /** The JSON the fake answered with status 200 (`ok: false` with an error, or the method's result, e.g. a message's `ts`). */
  response?: Record<string, unknown>;
  /** Only for `method: "response_url"`: the path that was posted to (see `FakeSlack.responseUrl()`). */
  url?: string;
};

export type FakeUser = { name?: string; real_name?: string; display_name?: string; tz?: string };

/** Top-level fields that are plain strings even when they look like JSON (never parsed back). */
const TEXT_KEYS = new Set([
  "text",
  "markdown_text",
  "initial_comment",
  "title",
  "alt_text",
  "filename",
  "channel",
  "channel_id",
  "ts",
  "thread_ts",
  "user",
  "users",
  "username",
  "trigger_id",
  "view_id",
  "external_id",
  "hash",
  "private_metadata",
]);

const TS_BASE_SECONDS = 1700000000;

export class FakeSlack {
  readonly url: string;
  readonly uploads = new Map<string, { filename: string; bytes: Buffer }>();
  /** Each upload's `alt_text` (an image's description for screen readers), by file id, where one was given. */
  readonly altTexts = new Map<string, string>();
  /** What `apps.connections.open` (Socket Mode, app token) answers as the WebSocket URL; null: the call fails. */
  socketModeUrl: string | null = null;

  readonly #http: Listening;
  readonly #origin: string;
  readonly #log = new CallLog<SlackCall>("FakeSlack", (c) => `${c.method} ${JSON.stringify(c.args)}`);
  readonly #rateLimits = new Map<string, number[]>();
  readonly #failures = new Map<string, string[]>();
  readonly #pendingUploads = new Map<string, string>();
  readonly #users = new Map<string, FakeUser>();
  readonly #delays = new Map<string, number>();
  readonly #outages = new Map<string, { status: number; until: number }>();
  #channelLimit: { perSecond: number; burst: number; buckets: Map<string, { tokens: number; at: number }> } | null = null;
  readonly #homes = new Map<string, Record<string, unknown>>();
  /** Calls being answered now, and the most there ever were at once, by method and by `method channel`. */
  readonly #inFlight = new Map<string, number>();
  readonly #peaks = new Map<string, number>();
  #seq = 0;

  private constructor(http: Listening) {
    this.#http = http;
    this.#origin = http.origin;
    this.url = `${http.origin}/api/`;
  }

  static async start(): Promise<FakeSlack> {
    const http = await listen((err) => ({ contentType: "text/plain", body: String(err) }));
    const fake = new FakeSlack(http);
    http.setHandler((req, res) => fake.#handle(req, res));
    return fake;
  }

  /** Every call answered, in order. */
  get calls(): SlackCall[] {
    return this.#log.calls;
  }

  callsTo(method: string): SlackCall[] {
    return this.#log.matching((c) => c.method === method);
  }

  /** The next call to `method` answers HTTP 429 with `Retry-After: seconds` (once). */
  rateLimitNext(method: string, seconds: number): void {
    const queue = this.#rateLimits.get(method) ?? [];
    queue.push(seconds);
    this.#rateLimits.set(method, queue);
  }

  /** The next call to `method` answers `{ ok: false, error }` with HTTP 200, as Slack does (once). */
  failNext(method: string, error: string): void {
    const queue = this.#failures.get(method) ?? [];
    queue.push(error);
    this.#failures.set(method, queue);
  }

  /**
   * For the next `ms`, every call to each of `methods` answers HTTP `status` (a 5xx: Slack down), recorded with
   * that status; the WebClient retries such an answer under its retry policy.
   */
  outage(methods: string[], status: number, ms: number): void {
    for (const method of methods) this.#outages.set(method, { status, until: Date.now() + ms });
  }

  /**
   * From now on `chat.postMessage` is limited per channel as Slack limits it: `burst` posts at once in a quiet
   * channel, then `perSecond`; a post over it answers HTTP 429 with `Retry-After` (whole seconds, at least 1).
   */
  limitPostsPerChannel(perSecond: number, burst: number): void {
    this.#channelLimit = { perSecond, burst, buckets: new Map() };
  }

  /** From now on every call to `method` is recorded when it arrives and answered `ms` later (a slow Slack). */
  answerAfter(method: string, ms: number): void {
    this.#delays.set(method, ms);
  }

  /** The most calls to `method` that were being answered at once (arrived, answer not yet sent). */
  peakInFlight(method: string): number {
    return this.#peaks.get(method) ?? 0;
  }

  /** The most calls to `method` for one channel (its `channel` argument) that were being answered at once, over all channels. */
  peakInFlightPerChannel(method: string): number {
    return Math.max(0, ...[...this.#peaks].filter(([k]) => k.startsWith(`${method} `)).map(([, n]) => n));
  }

  /** What `users.info` answers for `id` (default: name = id lower-cased, real_name "User <id>", tz Europe/London). */
  setUser(id: string, user: FakeUser): void {
    this.#users.set(id, user);
  }

  /**
   * A fresh `response_url` served by this fake (for slash commands / block actions). Posts to it are
   * recorded as calls with `method: "response_url"`, `args` = the JSON body and `url` = this URL.
   */
  responseUrl(): string {
    return `${this.#origin}/response_url/T1/${++this.#seq}/fake`;
  }

  /** The last Home tab view published to `userId` (as sent: type, blocks), or undefined. */
  homeOf(userId: string): Record<string, unknown> | undefined {
    return this.#homes.get(userId);
  }

  /** Waits until at least `n` calls to `method` have arrived (timeout → reject with the calls seen). */
  waitFor(method: string, n = 1, timeoutMs = 5000): Promise<SlackCall[]> {
    return this.#log.waitFor(method, (c) => c.method === method, n, timeoutMs);
  }

  /** Waits until at least `n` calls match (timeout → reject with the calls seen); `what` names the wait in that message. */
  waitForCall(what: string, match: (c: SlackCall) => boolean, n = 1, timeoutMs = 5000): Promise<SlackCall[]> {
    return this.#log.waitFor(what, match, n, timeoutMs);
  }

  close(): Promise<void> {
    this.#log.close();
    return this.#http.close();
  }

  // ---------------------------------------------------------------- internals

  #record(call: SlackCall): void {
    this.#log.record(call);
  }

  /** 0 when a post to `channel` at `at` is within the channel limit (and counts it), else the seconds to wait. */
  #overChannelLimit(channel: string, at: number): number {
    const limit = this.#channelLimit;
    if (!limit) return 0;
    const b = limit.buckets.get(channel) ?? { tokens: limit.burst, at };
    // A little slack for timers: a post a few ms early is not counted as over.
    const tokens = Math.min(limit.burst, b.tokens + ((at - b.at + 5) / 1000) * limit.perSecond);
    limit.buckets.set(channel, b);
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    b.tokens = tokens - 1;
    b.at = at;
    return 0;
  }

  #nextTs(): string {
    const n = ++this.#seq;
    const seconds = TS_BASE_SECONDS + Math.floor(n / 10000);
    return `${seconds}.${String((n % 10000) * 100).padStart(6, "0")}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.#origin);
    const path = url.pathname;

    if (path.startsWith("/upload/")) {
      this.#handleUpload(path, req, raw, res);
      return;
    }
    if (path.startsWith("/response_url/")) {
      const args = parseBody(req, raw, url);
      this.#record({ method: "response_url", args, token: null, at: Date.now(), status: 200, url: `${this.#origin}${path}` });
      sendJson(res, 200, { ok: true });
      return;
    }
    if (!path.startsWith("/api/")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }

    const method = decodeURIComponent(path.slice("/api/".length));
    const args = parseBody(req, raw, url);
    const counted = [method, `${method} ${String(args.channel ?? "")}`];
    for (const k of counted) {
      const n = (this.#inFlight.get(k) ?? 0) + 1;
      this.#inFlight.set(k, n);
      this.#peaks.set(k, Math.max(n, this.#peaks.get(k) ?? 0));
    }
    try {
      await this.#answerApi(method, args, req, res);
    } finally {
      for (const k of counted) this.#inFlight.set(k, this.#inFlight.get(k)! - 1);
    }
  }

  async #answerApi(method: string, args: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let token: string | null = null;
    const auth = req.headers.authorization;
    if (typeof auth === "string" && auth.startsWith("Bearer ")) token = auth.slice("Bearer ".length);
    if ("token" in args) {
      if (token === null && typeof args.token === "string") token = args.token;
      delete args.token;
    }
    const at = Date.now();
    const outage = this.#outages.get(method);
    if (outage && at < outage.until) {
      this.#record({ method, args, token, at, status: outage.status });
      res.writeHead(outage.status, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    const limited = this.#rateLimits.get(method);
    const overChannel = method === "chat.postMessage" ? this.#overChannelLimit(String(args.channel ?? ""), at) : 0;
    if (overChannel > 0 || (limited && limited.length > 0)) {
      const seconds = overChannel || limited!.shift()!;
      this.#record({ method, args, token, at, status: 429 });
      sendJson(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(seconds) });
      return;
    }
    const failed = this.#failures.get(method)?.shift();
    const problems = MESSAGE_METHODS.has(method) ? messageProblems(args) : [];
    const response = failed
      ? { ok: false, error: failed }
      : problems.length
        ? { ok: false, error: "invalid_blocks", response_metadata: { messages: problems } }
        : this.#answer(method, args);
    this.#record({ method, args, token, at, status: 200, response });
    const delay = this.#delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    sendJson(res, 200, response);
  }

  #handleUpload(path: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const fileId = decodeURIComponent(path.split("/").pop() ?? "");
    const filename = this.#pendingUploads.get(fileId);
    if (filename === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("unknown upload");
      return;
    }
    let bytes = raw;
    const ctype = req.headers["content-type"] ?? "";
    if (ctype.startsWith("multipart/form-data")) {
      const parts = parseMultipart(raw, ctype);
      const part = parts.find((p) => p.filename !== undefined) ?? parts[0];
      bytes = part ? part.data : Buffer.alloc(0);
    }
    this.uploads.set(fileId, { filename, bytes });
    res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
  }

  #answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const str = (k: string): string | undefined => (typeof args[k] === "string" ? (args[k] as string) : undefined);
    switch (method) {
      case "api.test":
        return { ok: true, args };
      case "apps.connections.open":
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: "not_allowed_token_type" };
      case "auth.test":
        return {
          ok: true,
          url: "https://t1.slack.com/",
          team: "Team One",
          user: "als-bot",
          team_id: "T1",
          user_id: "UBOT",
          bot_id: "B1",
          is_enterprise_install: false,
        };
      case "chat.postMessage": {
        const ts = this.#nextTs();
        const channel = dmFor(str("channel") ?? "");
        return { ok: true, channel, ts, message: this.#message(args, ts) };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.#nextTs() };
      case "chat.update": {
        const ts = str("ts") ?? "";
        return { ok: true, channel: str("channel") ?? "", ts, text: str("text") ?? "", message: this.#message(args, ts) };
      }
      case "chat.delete":
        return { ok: true, channel: str("channel") ?? "", ts: str("ts") ?? "" };
      case "conversations.open": {
        const first = (str("users") ?? "").split(",")[0]?.trim() ?? "";
        const id = str("channel") ?? (first ? `D${first}` : "");
        if (!id) return { ok: false, error: "users_list_not_supplied" };
        return { ok: true, no_op: true, already_open: true, channel: { id } };
      }
      case "views.publish": {
        const user = str("user_id");
        const view = isRecord(args.view) ? args.view : undefined;
        if (!user || !view) return { ok: false, error: "invalid_arguments" };
        if (JSON.stringify(view).length > 250_000) return { ok: false, error: "view_too_large" };
        const problems = homeViewProblems(view);
        if (problems.length) return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
        this.#homes.set(user, view);
        const id = `V${String(++this.#seq).padStart(6, "0")}`;
        return { ok: true, view: { ...view, id, team_id: "T1", app_id: "A1", bot_id: "B1", hash: `${Date.now()}.fakehash${this.#seq}` } };
      }
      case "views.open":
      case "views.push":
      case "views.update": {
        const view = isRecord(args.view) ? args.view : {};
        const id = str("view_id") ?? `V${String(++this.#seq).padStart(6, "0")}`;
        return {
          ok: true,
          view: {
            ...view,
            id,
            team_id: "T1",
            app_id: "A1",
            bot_id: "B1",
            hash: `${Date.now()}.fakehash${this.#seq}`,
            root_view_id: id,
            state: { values: {} },
          },
        };
      }
      case "users.info": {
        const id = str("user") ?? "";
        if (!id) return { ok: false, error: "user_not_found" };
        const u = this.#users.get(id) ?? {};
        const name = u.name ?? id.toLowerCase();
        const realName = u.real_name ?? `User ${id}`;
        const tz = u.tz ?? "Europe/London";
        return {
          ok: true,
          user: {
            id,
            team_id: "T1",
            name,
            deleted: false,
            real_name: realName,
            tz,
            tz_label: tz === "Europe/London" ? "Greenwich Mean Time" : tz,
            tz_offset: 0,
            is_bot: false,
            profile: {
              real_name: realName,
              display_name: u.display_name ?? name,
              real_name_normalized: realName,
              display_name_normalized: u.display_name ?? name,
              team: "T1",
            },
          },
        };
      }
      case "files.getUploadURLExternal": {
        const filename = str("filename");
        if (!filename) return { ok: false, error: "invalid_arguments" };
        const fileId = `F${String(++this.#seq).padStart(8, "0")}`;
        this.#pendingUploads.set(fileId, filename);
        const alt = str("alt_text");
        if (alt) this.altTexts.set(fileId, alt);
        return { ok: true, upload_url: `${this.#origin}/upload/v1/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = Array.isArray(args.files) ? args.files : [];
        const out: Record<string, unknown>[] = [];
        for (const f of files) {
          if (!isRecord(f) || typeof f.id !== "string") return { ok: false, error: "invalid_arguments" };
          if (!this.uploads.has(f.id)) return { ok: false, error: "file_not_found" };
          const title = typeof f.title === "string" ? f.title : this.uploads.get(f.id)!.filename;
          out.push({ id: f.id, title, name: this.uploads.get(f.id)!.filename });
        }
        return { ok: true, files: out };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  #message(args: Record<string, unknown>, ts: string): Record<string, unknown> {
    const msg: Record<string, unknown> = {
      type: "message",
      subtype: "bot_message",
      text: typeof args.text === "string" ? args.text : "",
      user: "UBOT",
      bot_id: "B1",
      app_id: "A1",
      team: "T1",
      ts,
    };
    if (args.blocks !== undefined) msg.blocks = args.blocks;
    if (typeof args.thread_ts === "string") msg.thread_ts = args.thread_ts;
    return msg;
  }
}

// ---------------------------------------------------------------- helpers

/** The methods that post a message, whose blocks Slack checks against its limits. */
const MESSAGE_METHODS = new Set(["chat.postMessage", "chat.postEphemeral", "chat.update"]);

/**
 * Slack's Block Kit limits on a message, as Slack refuses it (`invalid_blocks`): at most 50 blocks; a section's
 * text at most 3,000 characters, at most 10 fields of at most 2,000 each; at most 25 elements in an actions block.
 */
export function messageProblems(args: Record<string, unknown>): string[] {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Record<string, unknown>[]) : [];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push(`[ERROR] must provide no more than 50 items [json-pointer:/blocks]`);
  blocks.forEach((b, i) => {
    const text = isRecord(b.text) ? String(b.text.text ?? "") : "";
    if (text.length > 3000) problems.push(`[ERROR] must be less than 3001 characters [json-pointer:/blocks/${i}/text/text]`);
    const fields = Array.isArray(b.fields) ? (b.fields as Record<string, unknown>[]) : [];
    if (fields.length > 10) problems.push(`[ERROR] must provide no more than 10 items [json-pointer:/blocks/${i}/fields]`);
    fields.forEach((f, j) => {
      if (String(f.text ?? "").length > 2000)
        problems.push(`[ERROR] must be less than 2001 characters [json-pointer:/blocks/${i}/fields/${j}/text]`);
    });
    if (Array.isArray(b.elements) && b.type === "actions" && b.elements.length > 25)
      problems.push(`[ERROR] must provide no more than 25 items [json-pointer:/blocks/${i}/elements]`);
  });
  return problems;
}

/**
 * Slack's limits on a Home tab view, as Slack refuses one: type `home`, at most 100 blocks, a header's text at most
 * 150 characters, and the message limits on each block (messageProblems).
 */
export function homeViewProblems(view: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (view.type !== "home") problems.push(`[ERROR] must be home [json-pointer:/view/type]`);
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Record<string, unknown>[]) : [];
  if (blocks.length > 100) problems.push(`[ERROR] must provide no more than 100 items [json-pointer:/view/blocks]`);
  blocks.forEach((b, i) => {
    if (b.type === "header" && isRecord(b.text) && String(b.text.text ?? "").length > 150)
      problems.push(`[ERROR] must be less than 151 characters [json-pointer:/view/blocks/${i}/text/text]`);
    const buttons = Array.isArray(b.elements) ? (b.elements as Record<string, unknown>[]) : [];
    buttons.forEach((e, j) => {
      if (typeof e.value === "string" && e.value.length > 2000)
        problems.push(`[ERROR] must be less than 2001 characters [json-pointer:/view/blocks/${i}/elements/${j}/value]`);
    });
  });
  return [...problems, ...messageProblems({ blocks: blocks.slice(0, 50) }), ...messageProblems({ blocks: blocks.slice(50) })];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Posting to a user id lands in the bot's DM with them, as on Slack. */
function dmFor(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
}

/** Form, JSON or multipart body (plus query string) → args, with JSON-stringified nested values parsed back. */
function parseBody(req: IncomingMessage, raw: Buffer, url: URL): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) args[k] = v;
  const ctype = (req.headers["content-type"] ?? "").toLowerCase();
  if (raw.length === 0) return args;
  if (ctype.startsWith("application/json")) {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (isRecord(parsed)) Object.assign(args, parsed);
    return args;
  }
  if (ctype.startsWith("multipart/form-data")) {
    for (const part of parseMultipart(raw, req.headers["content-type"] ?? "")) {
      args[part.name] = part.filename !== undefined ? part.data : unflatten(part.name, part.data.toString("utf8"));
    }
    return args;
  }
  for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) args[k] = unflatten(k, v);
  return args;
}

function unflatten(key: string, value: string): unknown {
  if (TEXT_KEYS.has(key)) return value;
  const first = value.trimStart()[0];
  if (first !== "{" && first !== "[") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

type Part = { name: string; filename?: string; contentType?: string; data: Buffer };

function parseMultipart(raw: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === "--") break; // closing delimiter
    if (raw.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (raw.subarray(end - 2, end).toString() === "\r\n") end -= 2;
    const chunk = raw.subarray(start, end);
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString("utf8");
      const data = Buffer.from(chunk.subarray(headerEnd + 4));
      const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
      const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? "";
      const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
      const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      const part: Part = { name, data };
      if (filename !== undefined) part.filename = filename;
      if (partType !== undefined) part.contentType = partType.trim();
      parts.push(part);
    }
    pos = next;
  }
  return parts;
}
