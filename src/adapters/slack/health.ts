import { type App, type SocketModeReceiver, webApi } from "@slack/bolt";
import type { Deps } from "../../app/context.ts";

/**
 * The Slack adapter's readiness. The app is built with `deferInitialization`, so `init` runs Bolt's
 * initialisation — the bot token's `auth.test` in single-workspace mode — at start, where a failure is
 * reported, not thrown: the process keeps serving its health endpoints, and each readiness check tries
 * again until it succeeds (a Slack outage at start then heals by itself). In Socket Mode the socket
 * must also be connected.
 */
export function slackHealth(app: App, socket: SocketModeReceiver | undefined, botToken: string | undefined) {
  let socketState = "connecting";
  if (socket)
    for (const state of ["connecting", "connected", "reconnecting", "disconnecting", "disconnected"])
      socket.client.on(state, () => (socketState = state));
  let initProblem: string | null = "not started yet";
  const init = async () => {
    try {
      await app.init();
      initProblem = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      initProblem = botToken ? `auth.test failed: ${message}` : `could not initialise: ${message}`;
    }
  };
  let started = false;
  return {
    /** Initialises the app once, at start; resolves either way. */
    init: async () => {
      started = true;
      await init();
    },
    notReady: async (): Promise<string[]> => {
      if (initProblem && started) await init();
      return [
        ...(initProblem ? [initProblem] : []),
        ...(socket && socketState !== "connected" ? [`Socket Mode: not connected (${socketState})`] : []),
      ];
    },
  };
}

/**
 * Counts the Web API's rate-limit waits (a 429, then a retry) through `deps.ops`: on the app's own
 * client and on each per-workspace client Bolt hands a listener.
 */
export function watchRateLimits(app: App, deps: Deps): void {
  const watched = new WeakSet<webApi.WebClient>();
  const watch = (client: webApi.WebClient) => {
    if (watched.has(client)) return;
    watched.add(client);
    client.on(webApi.WebClientEvent.RATE_LIMITED, () => deps.ops?.rateLimited("slack"));
  };
  watch(app.client);
  app.use(async ({ client, next }) => {
    watch(client);
    await next();
  });
}
