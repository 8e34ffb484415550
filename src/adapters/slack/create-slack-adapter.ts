import type { AddressInfo } from "node:net";
import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Deps } from "../../app/context.ts";
import type { Destination } from "../../app/destination.ts";
import type { HandlerIndex } from "../../app/dispatch.ts";
import { type Adapter, withDeliver } from "../adapter.ts";
import { withStoredDm } from "../dm-cache.ts";
import { SLACK_CLIENT_LIMITS, type SlackClientLimits } from "../send-limits.ts";
import { boltLogger, safeError } from "./bolt-logger.ts";
import { type ChannelPace, ChannelPacer, SLACK_CHANNEL_PACE } from "./channel-pace.ts";
import { sendToSlack } from "./deliver.ts";
import { slackHealth, watchRateLimits } from "./health.ts";
import { type HomePublisherOptions, homePublisher } from "./home-publisher.ts";
import { databaseInstallationStore } from "./installation-store.ts";
import { registerListeners } from "./listeners/index.ts";
import { SLACK_BOT_SCOPES } from "./manifest.ts";
import { profileZones } from "./profile-zones.ts";

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
  /**
   * The Web API client's time limit per try and its retries (default SLACK_CLIENT_LIMITS); whatever is given must
   * end before the outbox gives a send up (../send-limits.ts). Tests shrink both with the outbox's time limit.
   */
  clientLimits?: SlackClientLimits;
  /** How fast posts go in one channel (default SLACK_CHANNEL_PACE, Slack's own); tests give a faster one. */
  channelPace?: ChannelPace;
  /** How Home tabs are published (default `HOME_PUBLISHING`, ./home-publisher.ts); tests shorten the waits. */
  homePublishing?: HomePublisherOptions;
};

/**
 * The Slack adapter, and its Bolt app (for the OAuth routes and tests). `notReady` says what keeps it
 * from being ready: the bot token's `auth.test` at start failed (tried again at each check until it
 * succeeds), or Socket Mode is not connected; empty when ready.
 */
export type SlackAdapter = Adapter & {
  app: App;
  /** Resolves once no Home tab is waiting to be published or being published. */
  homesIdle(): Promise<void>;
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
  const limits = opts.clientLimits ?? SLACK_CLIENT_LIMITS;
  const clientOptions = {
    timeout: limits.timeout,
    retryConfig: { ...limits.retryConfig },
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
  };
  const installationStore = opts.oauth ? databaseInstallationStore(deps) : undefined;
  const oauth = opts.oauth
    ? {
        clientId: opts.oauth.clientId,
        clientSecret: opts.oauth.clientSecret,
        stateSecret: opts.oauth.stateSecret,
        scopes: SLACK_BOT_SCOPES,
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
    const installation = await installationStore!.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    if (!installation.bot?.token) throw new Error(`no Slack installation with a bot token for team ${teamId}`);
    return installation.bot.token;
  };

  const pacer = new ChannelPacer(opts.channelPace ?? SLACK_CHANNEL_PACE);
  // Every post, reminder or reply, waits for its channel's turn: a person's DMs are one channel, a channel is one.
  const paceKey = (d: Destination) => (d.to.kind === "dm" ? `${d.workspaceId} dm ${d.to.externalId}` : `${d.workspaceId} ${d.channelId}`);
  const sender = async (destination: Destination) => ({
    client: app.client,
    token: await tokenFor(destination.workspaceId),
    pace: () => pacer.take(paceKey(destination)),
  });
  // A reply by DM (or the actor's files) without a reminder's cached channel uses the person's cached one (../dm-cache.ts).
  const send: Adapter["send"] = async (destination, reply, options) =>
    sendToSlack(
      await sender(destination),
      destination,
      reply,
      await withStoredDm(deps.db, destination, options, Boolean(reply.files?.length)),
    );
  const homes = homePublisher(
    deps,
    async (teamId, userId, view) => void (await app.client.views.publish({ token: await tokenFor(teamId), user_id: userId, view })),
    opts.homePublishing,
  );
  registerListeners(app, { deps, handlers, send, homes, profileZone: profileZones(app.client, tokenFor, deps.logger) });

  return withDeliver<Omit<SlackAdapter, "deliver">>({
    platform: "slack",
    app,
    send,
    paceOf: (delivery) => pacer.waitOf(paceKey(delivery)),
    onRateLimited: (listener) => {
      // Every send (reminders and command replies) goes through the app's own client, with each workspace's token:
      // its 429s are theirs. The client pauses for Retry-After, then retries after its retry policy's back-off (1–2 s for a first retry): both are waiting.
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
      homes.stop();
      await app.stop();
      port = null;
    },
    port: () => port,
    homesIdle: () => homes.idle(),
    notReady: () => health.notReady(),
  });
}

/** The longest back-off of the WebClient's default retry policy before its first retry (node-retry: 1 s, randomised up to ×2). */
const FIRST_RETRY_BACKOFF_MS = 2_000;
