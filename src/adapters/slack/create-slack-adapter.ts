import type { AddressInfo } from "node:net";
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Installation,
  type InstallationQuery,
  type InstallationStore,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { formRequestOf } from "../../app/command-form.ts";
import type { Deps } from "../../app/context.ts";
import { executeCommand, type HandlerIndex } from "../../app/dispatch.ts";
import { entryFormFields, formKindOf, readEntryForm } from "../../app/entry-form.ts";
import { formPresets, PREFILL_LIMIT } from "../../app/form-presets.ts";
import { decodeButton } from "../../app/reply.ts";
import { ensureWorkspace } from "../../store/people.ts";
import { findSetByChannel } from "../../store/sets.ts";
import { firstSightOfSlackEvent } from "../../store/slack-events.ts";
import { deleteSlackInstallation, findSlackInstallation, installationKey, saveSlackInstallation } from "../../store/slack-installations.ts";
import type { Adapter } from "../adapter.ts";
import { type CommandRequest, commandFormRequest, commandInput, entryFormRequest } from "../command-input.ts";
import { SLACK_CLIENT_LIMITS } from "../send-limits.ts";
import { boltLogger, safeError } from "./bolt-logger.ts";
import { COMMAND_MODAL, commandModal, readCommandModal } from "./command-modal.ts";
import { typedCommandText } from "./command-text.ts";
import { deliverOutgoing, deliverReminder, type SlackPlace } from "./deliver.ts";
import { ENTRY_KIND_BLOCK, ENTRY_MODAL, ENTRY_TEXT_BLOCK, entryModal, readEntryModal } from "./entry-modal.ts";
import { slackHealth, watchRateLimits } from "./health.ts";
import { readSlackMention } from "./render.ts";

export type SlackOptions = {
  signingSecret: string;
  /** Single-workspace mode: the bot token. Leave out and give `oauth` for installs into many workspaces. */
  botToken?: string;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  /** Socket Mode instead of HTTP when set. */
  appToken?: string;
  /** The Web API base URL (default Slack's own); tests and offline evaluation point it at a local Slack. */
  apiUrl?: string;
  /**
   * The port to listen on (0 asks for a free one; `port()` then says which). In Socket Mode, the port of
   * Bolt's small HTTP server for `routes` (none is opened without routes).
   */
  port?: number;
  /** HTTP only: the path Slack posts to (default /slack/events). */
  endpoint?: string;
  /** Extra HTTP routes Bolt serves beside Slack's (the health and metrics endpoints, src/ops/health.ts). */
  routes?: CustomRoute[];
};

/**
 * The Slack adapter, and its Bolt app (for the OAuth routes and tests). `notReady` says what keeps it
 * from being ready: the bot token's `auth.test` at start failed (tried again at each check until it
 * succeeds), or Socket Mode is not connected; empty when ready.
 */
export type SlackAdapter = Adapter & {
  app: App;
  /** The HTTP port it listens on once `start()` has resolved; null in Socket Mode or before. */
  port(): number | null;
  notReady(): Promise<string[]>;
};

/**
 * The Slack adapter on Bolt: one `/als` command whose text is the command vocabulary, buttons, the entry
 * form, and reminder delivery. Every request is acknowledged at once; the work follows the ack.
 */
export function createSlackAdapter(deps: Deps, handlers: HandlerIndex, opts: SlackOptions): SlackAdapter {
  // Bounded so that no try outlives the outbox's time limit for a send (../send-limits.ts).
  const clientOptions = {
    timeout: SLACK_CLIENT_LIMITS.timeout,
    retryConfig: { ...SLACK_CLIENT_LIMITS.retryConfig },
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
  };
  const installationStore = opts.oauth ? databaseInstallationStore(deps) : undefined;
  const oauth = opts.oauth
    ? {
        clientId: opts.oauth.clientId,
        clientSecret: opts.oauth.clientSecret,
        stateSecret: opts.oauth.stateSecret,
        scopes: BOT_SCOPES,
        installationStore,
        installerOptions: { clientOptions },
      }
    : {};
  const logger = boltLogger(deps.logger);
  const customRoutes = opts.routes ?? [];
  const socket = opts.appToken
    ? new SocketModeReceiver({
        appToken: opts.appToken,
        logger,
        customRoutes,
        ...oauth,
        installerOptions: { clientOptions, ...(opts.port !== undefined ? { port: opts.port } : {}) },
      })
    : undefined;
  const receiver =
    socket ??
    new HTTPReceiver({ signingSecret: opts.signingSecret, endpoints: opts.endpoint ?? "/slack/events", logger, customRoutes, ...oauth });
  const app = new App({
    ...(opts.botToken ? { token: opts.botToken } : oauth),
    signingSecret: opts.signingSecret,
    receiver,
    clientOptions,
    logger,
    deferInitialization: true, // initialised in start(), where a failed auth.test is reported, not thrown (./health.ts)
  });
  const health = slackHealth(app, socket, opts.botToken);
  watchRateLimits(app, deps);
  // A listener that throws after its ack (a refused Web API call, say) is logged here, not on Bolt's console.
  app.error(async (error) => {
    deps.logger.error({ err: safeError(error), code: error.code }, "slack listener failed");
  });
  let port: number | null = null;

  /** The bot token for a workspace: the single one, or the one its OAuth install stored. */
  const tokenFor = async (teamId: string): Promise<string> => {
    if (opts.botToken) return opts.botToken;
    const installation = (await installationStore!.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })) as {
      bot?: { token?: string };
    };
    if (!installation.bot?.token) throw new Error(`no Slack installation with a bot token for team ${teamId}`);
    return installation.bot.token;
  };

  /** Runs a command as `place.userId` in `place.channelId` of team `teamId`, without posting its replies. */
  const execute = (teamId: string, place: SlackPlace, userName: string | undefined, request: CommandRequest) =>
    executeCommand(
      deps,
      handlers,
      commandInput(
        {
          platform: "slack",
          workspaceId: teamId,
          channelId: place.channelId,
          userId: place.userId,
          userName,
          readMention: readSlackMention,
        },
        request,
      ),
    );

  const run = async (client: WebClient, teamId: string, place: SlackPlace, userName: string | undefined, request: CommandRequest) => {
    const result = await execute(teamId, place, userName, request);
    for (const out of result.outgoing) await deliverOutgoing(client, out, place);
  };

  app.command("/als", async ({ command, ack, client }) => {
    await ack();
    const text = typedCommandText(command.text).trim();
    const place = { channelId: command.channel_id, userId: command.user_id };
    if (text === "log") {
      await client.views.open({ trigger_id: command.trigger_id, view: entryModal(command.channel_id) as never });
      return;
    }
    const asked = formRequestOf(`/${text}`);
    if (asked?.form.prefilled) {
      const where = { platform: "slack", workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id };
      const given = await formPresets(deps, where, asked.form, asked.given, PREFILL_LIMIT.slack);
      await client.views.open({ trigger_id: command.trigger_id, view: commandModal(command.channel_id, asked.form, given) as never });
      return;
    }
    await run(client, command.team_id, place, command.user_name, { text: `/${text === "" ? "help" : text}` });
  });

  app.action(/.+/, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const target = decodeButton(action.value ?? "");
    if (!target) return;
    const kind = formKindOf(target.command);
    if (kind) {
      await client.views.open({ trigger_id: body.trigger_id, view: entryModal(target.channelId, kind) as never });
      return;
    }
    const asked = formRequestOf(target.command);
    if (asked) {
      const where = { platform: "slack", workspaceId: body.team?.id ?? "", channelId: target.channelId, userId: body.user.id };
      const given = asked.form.prefilled ? await formPresets(deps, where, asked.form, asked.given, PREFILL_LIMIT.slack) : asked.given;
      await client.views.open({ trigger_id: body.trigger_id, view: commandModal(target.channelId, asked.form, given) as never });
      return;
    }
    await run(client, body.team?.id ?? "", { channelId: target.channelId, userId: body.user.id }, body.user.name, {
      text: target.command,
    });
  });

  /**
   * Runs a submitted form's command as its submitter. A refusal stays on the open form: on the field of the option it
   * names when `onForm(name)` (the form has that field), else on `fallbackBlock`. Accepted, the form closes and the
   * command's replies are posted.
   */
  const submitForm = async (
    ack: (answer?: FieldErrors) => Promise<void>,
    client: WebClient,
    body: { team: { id: string } | null; user: { id: string; name: string } },
    channelId: string,
    request: CommandRequest,
    onForm: (name: string) => boolean,
    fallbackBlock: string,
  ) => {
    const place = { channelId, userId: body.user.id };
    const result = await execute(body.team?.id ?? "", place, body.user.name, request);
    if (!result.ok) return void (await ack(fieldErrors(result.outgoing.map((o) => o.reply.text).join(" "), onForm, fallbackBlock)));
    await ack();
    for (const out of result.outgoing) await deliverOutgoing(client, out, place);
  };

  app.view(ENTRY_MODAL, async ({ ack, body, view, client }) => {
    const { kind, text, fields } = readEntryModal(view.state.values as never);
    if (!kind) return void (await ack({ response_action: "errors", errors: { [ENTRY_KIND_BLOCK]: "Choose what you are recording." } }));
    const onForm = (name: string) => name in fields || entryFormFields(kind).some((f) => f.name === name);
    const raw = readEntryForm(kind, text, fields);
    if (!raw.ok) return void (await ack(fieldErrors(raw.message, onForm, ENTRY_TEXT_BLOCK)));
    await submitForm(
      (answer) => (answer ? ack(answer) : ack()),
      client,
      body,
      view.private_metadata,
      entryFormRequest(kind, text, raw.value),
      onForm,
      ENTRY_TEXT_BLOCK,
    );
  });

  app.view(COMMAND_MODAL, async ({ ack, body, view, client }) => {
    const submitted = readCommandModal(view.private_metadata, view.state.values as never);
    if (!submitted) return void (await ack());
    const { channelId, form, values } = submitted;
    const onForm = (name: string) => form.fields.some((f) => f.name === name);
    await submitForm(
      (answer) => (answer ? ack(answer) : ack()),
      client,
      body,
      channelId,
      commandFormRequest(form, values),
      onForm,
      form.fields[0]!.name,
    );
  });

  // A retried event is handled once, whichever process it reaches: the ids are kept in the database.
  app.event("member_joined_channel", async ({ event, body, client }) => {
    const id = (body as { event_id?: string }).event_id;
    if (id && !(await firstSightOfSlackEvent(deps.db, id, deps.clock.now()))) {
      deps.logger.debug({ eventId: id }, "slack event seen before: ignored");
      return;
    }
    const workspace = await ensureWorkspace(deps.db, "slack", (body as { team_id?: string }).team_id ?? "");
    const set = await findSetByChannel(deps.db, workspace.id, event.channel);
    if (!set || set.memberships.some((m) => m.person.externalId === event.user)) return;
    await client.chat.postEphemeral({
      channel: event.channel,
      user: event.user,
      text: `Welcome! This channel is the action learning set "${set.name}". An advisor adds members with /als set add member:@you; /als help shows what the bot does.`,
    });
  });

  return {
    platform: "slack",
    app,
    deliver: async (d, _key, dm) => deliverReminder(app.client, d, await tokenFor(d.workspaceId), dm),
    onRateLimited: (listener) => {
      // Reminders go through the app's own client (with each workspace's token): its 429s are theirs. The client
      // pauses for Retry-After, then retries after its retry policy's back-off (1–2 s for a first retry): both are waiting.
      const onLimit = (retrySec: number) => listener("slack", retrySec * 1000 + FIRST_RETRY_BACKOFF_MS);
      app.client.on(webApi.WebClientEvent.RATE_LIMITED, onLimit);
      return () => void app.client.off(webApi.WebClientEvent.RATE_LIMITED, onLimit);
    },
    start: async () => {
      await health.init();
      // The receiver starts even if initialisation failed, so that the health endpoints say so.
      const server = (await receiver.start(opts.port ?? 0)) as unknown;
      const address = (server as { address?: () => AddressInfo | string | null })?.address?.();
      port = address && typeof address === "object" ? address.port : null;
      deps.logger.info({ port, socketMode: Boolean(opts.appToken) }, "Slack adapter started");
    },
    stop: async () => {
      await app.stop();
      port = null;
    },
    port: () => port,
    notReady: () => health.notReady(),
  };
}

/** Slack's answer that keeps a modal open with an error under one of its blocks. */
type FieldErrors = { response_action: "errors"; errors: Record<string, string> };

/**
 * A refusal shown on a form: under the block of the option it names (`Option due: …`, `Missing option text: …`)
 * when `onForm(name)`, else under `fallbackBlock`; cut to Slack's 150 characters.
 */
function fieldErrors(message: string, onForm: (name: string) => boolean, fallbackBlock: string): FieldErrors {
  const name = /^(?:Missing option|Option) (\w+):/.exec(message)?.[1];
  const block = name !== undefined && onForm(name) ? name : fallbackBlock;
  return { response_action: "errors", errors: { [block]: message.slice(0, 150) } };
}

/** The longest back-off of the WebClient's default retry policy before its first retry (node-retry: 1 s, randomised up to ×2). */
const FIRST_RETRY_BACKOFF_MS = 2_000;

/** The scopes the app asks for (the same as the generated manifest's). */
const BOT_SCOPES = ["commands", "chat:write", "chat:write.public", "im:write", "users:read", "files:write", "channels:read", "groups:read"];

/** Bolt's installation store on our database: one row per workspace (or org) that installed the app. */
function databaseInstallationStore(deps: Deps): InstallationStore {
  return {
    storeInstallation: async (installation: Installation) =>
      saveSlackInstallation(
        deps.db,
        installationKey({
          isEnterpriseInstall: installation.isEnterpriseInstall,
          enterpriseId: installation.enterprise?.id,
          teamId: installation.team?.id,
        }),
        installation,
        deps.clock.now(),
      ),
    fetchInstallation: async (query: InstallationQuery<boolean>) => {
      const found = await findSlackInstallation(deps.db, installationKey(query));
      if (!found) throw new Error(`the app is not installed in ${installationKey(query)}`);
      return found as Installation;
    },
    deleteInstallation: async (query: InstallationQuery<boolean>) => deleteSlackInstallation(deps.db, installationKey(query)),
  };
}
