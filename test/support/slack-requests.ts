/**
 * Sends requests to a Bolt HTTP receiver exactly as Slack does: the same body shapes and content types
 * (slash commands form-urlencoded; interactivity as form `payload=<json>`; Events API as JSON), signed with
 * Slack's v0 scheme: `X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody))`
 * and `X-Slack-Request-Timestamp: <unix seconds>`.
 */
import { createHmac } from "node:crypto";

export type SlackTarget = {
  url: string /* the Bolt receiver's endpoint, e.g. http://127.0.0.1:PORT/slack/events */;
  signingSecret: string;
};
export type SlackResponse = { status: number; body: string; json: unknown /* null when the body is not JSON */ };
export type SignOpts = {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Send a signature that does not match the body (signed with a wrong secret). */
  forgeSignature?: boolean;
  /** Send neither X-Slack-Signature nor X-Slack-Request-Timestamp. */
  omitHeaders?: boolean;
};

const DEFAULT_TEAM_ID = "T1";
const API_APP_ID = "A1";
const TEAM_DOMAIN = "t1";
/** The (deprecated) verification token Slack still puts in every body. */
const VERIFICATION_TOKEN = "fake-verification-token";

/** `v0=<hex>` for `rawBody` at `timestamp`, as Slack computes it. */
function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/** The headers Slack sends with `rawBody` (content type included). */
function signedHeaders(signingSecret: string, rawBody: string, contentType: string, opts: SignOpts = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    Accept: "application/json,*/*",
  };
  if (opts.omitHeaders) return headers;
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = opts.forgeSignature ? `${signingSecret}-forged` : signingSecret;
  headers["X-Slack-Request-Timestamp"] = String(timestamp);
  headers["X-Slack-Signature"] = slackSignature(secret, timestamp, rawBody);
  return headers;
}

/** POSTs `rawBody` signed, returning status, text and parsed JSON (null if not JSON). */
async function sendSigned(
  t: SlackTarget,
  rawBody: string,
  contentType: string,
  opts: SignOpts = {},
  extraHeaders: Record<string, string> = {},
): Promise<SlackResponse> {
  const res = await fetch(t.url, {
    method: "POST",
    headers: { ...signedHeaders(t.signingSecret, rawBody, contentType, opts), ...extraHeaders },
    body: rawBody,
  });
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body === "" ? null : (JSON.parse(body) as unknown);
  } catch {
    json = null;
  }
  return { status: res.status, body, json };
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

let triggerSeq = 0;
function triggerId(): string {
  triggerSeq += 1;
  return `${1000000000 + triggerSeq}.${2000000000 + triggerSeq}.${createHmac("md5", "t").update(String(triggerSeq)).digest("hex")}`;
}

function nowTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, "0")}`;
}

function defaultResponseUrl(teamId: string, kind: "commands" | "actions"): string {
  // Real Slack hooks host; tests that call respond() should pass FakeSlack.responseUrl() instead.
  return `https://hooks.slack.com/${kind}/${teamId}/${1000 + triggerSeq}/fakeResponseUrlSecret`;
}

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function userOf(p: { userId: string; userName: string }, teamId: string): Record<string, unknown> {
  return { id: p.userId, username: p.userName, name: p.userName, team_id: teamId };
}

/** A slash command invocation, form-urlencoded like Slack's. */
export function slashCommand(
  t: SlackTarget,
  p: {
    text: string;
    userId: string;
    userName: string;
    channelId: string;
    teamId?: string;
    command?: string;
    triggerId?: string;
    responseUrl?: string;
  },
  opts?: SignOpts,
): Promise<SlackResponse> {
  const teamId = p.teamId ?? DEFAULT_TEAM_ID;
  const body = formBody({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: p.channelId,
    channel_name: p.channelId.startsWith("D") ? "directmessage" : "als-set",
    user_id: p.userId,
    user_name: p.userName,
    command: p.command ?? "/als",
    text: p.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: "false",
    response_url: p.responseUrl ?? defaultResponseUrl(teamId, "commands"),
    trigger_id: p.triggerId ?? triggerId(),
  });
  return sendSigned(t, body, FORM, opts);
}

/**
 * A button click (`block_actions`). With `channelId` the button is in a message (container type "message",
 * with `channel`, `message` and `response_url`); without it, in a modal (container type "view", with `view`).
 */
export function blockAction(
  t: SlackTarget,
  p: {
    userId: string;
    userName: string;
    channelId?: string;
    teamId?: string;
    actionId: string;
    value: string;
    blockId?: string;
    triggerId?: string;
    messageTs?: string;
    responseUrl?: string;
  },
  opts?: SignOpts,
): Promise<SlackResponse> {
  const teamId = p.teamId ?? DEFAULT_TEAM_ID;
  const blockId = p.blockId ?? "actions";
  const action = {
    type: "button",
    action_id: p.actionId,
    block_id: blockId,
    text: { type: "plain_text", text: p.value, emoji: true },
    value: p.value,
    action_ts: nowTs(),
  };
  const block = {
    type: "actions",
    block_id: blockId,
    elements: [{ type: "button", action_id: p.actionId, text: action.text, value: p.value }],
  };
  const payload: Record<string, unknown> = {
    type: "block_actions",
    user: userOf(p, teamId),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: p.triggerId ?? triggerId(),
    team: { id: teamId, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if (p.channelId !== undefined) {
    const messageTs = p.messageTs ?? "1700000000.000100";
    payload.container = { type: "message", message_ts: messageTs, channel_id: p.channelId, is_ephemeral: false };
    payload.channel = { id: p.channelId, name: p.channelId.startsWith("D") ? "directmessage" : "als-set" };
    payload.message = {
      type: "message",
      subtype: "bot_message",
      user: "UBOT",
      bot_id: "B1",
      app_id: API_APP_ID,
      team: teamId,
      text: "",
      ts: messageTs,
      blocks: [block],
    };
    payload.response_url = p.responseUrl ?? defaultResponseUrl(teamId, "actions");
  } else {
    const viewId = "V000001";
    payload.container = { type: "view", view_id: viewId };
    payload.view = modalView({ id: viewId, teamId, blocks: [block], privateMetadata: "", callbackId: "", values: {}, buttons: false });
  }
  return sendSigned(t, formBody({ payload: JSON.stringify(payload) }), FORM, opts);
}

/** A modal as Slack describes it in payloads; `buttons`: with Cancel and Submit (an input form), or none (a message-like modal). */
function modalView(v: {
  id: string;
  teamId: string;
  blocks: unknown[];
  privateMetadata: string;
  callbackId: string;
  values: unknown;
  buttons: boolean;
}) {
  const text = (t: string) => ({ type: "plain_text", text: t, emoji: true });
  return {
    id: v.id,
    team_id: v.teamId,
    type: "modal",
    blocks: v.blocks,
    private_metadata: v.privateMetadata,
    callback_id: v.callbackId,
    state: { values: v.values },
    hash: "1700000000.fakehash",
    title: text("ALS"),
    clear_on_close: false,
    notify_on_close: false,
    close: v.buttons ? text("Cancel") : null,
    submit: v.buttons ? text("Submit") : null,
    previous_view_id: null,
    root_view_id: v.id,
    app_id: API_APP_ID,
    external_id: "",
    app_installed_team_id: v.teamId,
    bot_id: "B1",
  };
}

/** A modal submission (`view_submission`); `values` is `view.state.values` (block_id → action_id → value). */
export function viewSubmission(
  t: SlackTarget,
  p: {
    userId: string;
    userName: string;
    teamId?: string;
    callbackId: string;
    privateMetadata: string;
    values: Record<string, Record<string, { type: string; value?: string; selected_option?: { value: string } }>>;
  },
  opts?: SignOpts,
): Promise<SlackResponse> {
  const teamId = p.teamId ?? DEFAULT_TEAM_ID;
  const viewId = "V000002";
  const blocks = Object.entries(p.values).flatMap(([blockId, actions]) =>
    Object.entries(actions).map(([actionId, v]) => ({
      type: "input",
      block_id: blockId,
      label: { type: "plain_text", text: blockId, emoji: true },
      optional: false,
      dispatch_action: false,
      element: { type: v.type, action_id: actionId },
    })),
  );
  const payload = {
    type: "view_submission",
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: userOf(p, teamId),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: modalView({
      id: viewId,
      teamId,
      blocks,
      privateMetadata: p.privateMetadata,
      callbackId: p.callbackId,
      values: p.values,
      buttons: true,
    }),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return sendSigned(t, formBody({ payload: JSON.stringify(payload) }), FORM, opts);
}

/** An Events API delivery (JSON `event_callback`); `retryNum` adds Slack's retry headers. */
export function eventCallback(
  t: SlackTarget,
  p: { eventId: string; event: Record<string, unknown>; teamId?: string },
  opts: SignOpts & { retryNum?: number; retryReason?: string } = {},
): Promise<SlackResponse> {
  const teamId = p.teamId ?? DEFAULT_TEAM_ID;
  const body = JSON.stringify({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: API_APP_ID,
    event: p.event,
    type: "event_callback",
    event_id: p.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-fake-${p.eventId}`,
  });
  const extra: Record<string, string> = {};
  if (opts.retryNum !== undefined) {
    extra["X-Slack-Retry-Num"] = String(opts.retryNum);
    extra["X-Slack-Retry-Reason"] = opts.retryReason ?? "http_timeout";
  }
  return sendSigned(t, body, JSON_TYPE, opts, extra);
}

/** Someone opened the app's Home tab (or its Messages tab): the Events API's `app_home_opened`, as Slack sends it. */
export function appHomeOpened(
  t: SlackTarget,
  p: { eventId: string; userId: string; teamId?: string; tab?: "home" | "messages" },
  opts?: SignOpts,
): Promise<SlackResponse> {
  const event = {
    type: "app_home_opened",
    user: p.userId,
    channel: `D${p.userId}`,
    tab: p.tab ?? "home",
    event_ts: nowTs(),
  };
  return eventCallback(t, { eventId: p.eventId, event, ...(p.teamId ? { teamId: p.teamId } : {}) }, opts);
}

/**
 * A message shortcut chosen on a message (`message_action`), as Slack sends it to the interactivity URL: the
 * shortcut's `callback_id`, the message (its author's `user`, absent for an app's message, its `ts` and `text` with
 * Slack's entities `&amp;` `&lt;` `&gt;`) and a `response_url` (pass FakeSlack.responseUrl() to read a reply).
 */
export function messageShortcut(
  t: SlackTarget,
  p: {
    callbackId: string;
    userId: string;
    userName: string;
    channelId: string;
    message: { user?: string; text: string; ts: string };
    teamId?: string;
    triggerId?: string;
    responseUrl?: string;
  },
  opts?: SignOpts,
): Promise<SlackResponse> {
  const teamId = p.teamId ?? DEFAULT_TEAM_ID;
  const message: Record<string, unknown> = { type: "message", text: p.message.text, ts: p.message.ts, team: teamId };
  if (p.message.user) Object.assign(message, { user: p.message.user, client_msg_id: `msg-${p.message.ts}` });
  else Object.assign(message, { subtype: "bot_message", bot_id: "B2" });
  const payload = {
    type: "message_action",
    token: VERIFICATION_TOKEN,
    action_ts: nowTs(),
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: userOf(p, teamId),
    channel: { id: p.channelId, name: p.channelId.startsWith("D") ? "directmessage" : "als-set" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: p.callbackId,
    trigger_id: p.triggerId ?? triggerId(),
    response_url: p.responseUrl ?? defaultResponseUrl(teamId, "actions"),
    message_ts: p.message.ts,
    message,
  };
  return sendSigned(t, formBody({ payload: JSON.stringify(payload) }), FORM, opts);
}
