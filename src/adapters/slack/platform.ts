import { z } from "zod";
import { platformEntry } from "../platform-entry.ts";
import { createSlackAdapter, type SlackOptions } from "./create-slack-adapter.ts";

/** Slack's variables (see .env.example): a bot token for one workspace, or the OAuth trio for many; Socket Mode with an app token. */
const env = {
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: z.url("SLACK_API_URL must be a URL, e.g. https://slack.com/api/").optional(),
};

type SlackSettings = z.infer<z.ZodObject<typeof env>>;

const oauthCount = (s: SlackSettings) => [s.SLACK_CLIENT_ID, s.SLACK_CLIENT_SECRET, s.SLACK_STATE_SECRET].filter(Boolean).length;

/**
 * Slack on Bolt: configured by a signing secret with a bot token or OAuth; serves Slack's requests, and the health
 * endpoints, on PORT (in Socket Mode, Bolt's small HTTP server on PORT serves the endpoints).
 */
export const slackPlatform = platformEntry({
  env,
  problems: (s) => {
    const oauth = oauthCount(s);
    return [
      oauth !== 0 && oauth !== 3 ? "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together (OAuth installs)" : "",
      (s.SLACK_BOT_TOKEN || oauth) && !s.SLACK_SIGNING_SECRET ? "SLACK_SIGNING_SECRET is needed with SLACK_BOT_TOKEN or OAuth" : "",
      s.SLACK_SIGNING_SECRET && !s.SLACK_BOT_TOKEN && !oauth
        ? "SLACK_SIGNING_SECRET needs SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* trio (OAuth)"
        : "",
    ].filter(Boolean);
  },
  configured: (s) => Boolean(s.SLACK_SIGNING_SECRET && (s.SLACK_BOT_TOKEN || s.SLACK_CLIENT_ID)),
  create: ({ deps, handlers, routes }, s) => createSlackAdapter(deps, handlers, slackOptions(s, routes)),
  describe: (adapter, s) => (s.SLACK_APP_TOKEN ? "slack (socket mode)" : `slack (http on port ${adapter.port() ?? s.PORT})`),
  serves: ({ PORT }) => ({ port: PORT, where: `port ${PORT} (through Bolt)` }),
});

function slackOptions(s: SlackSettings & { PORT: number }, routes: SlackOptions["routes"]): SlackOptions {
  return {
    signingSecret: s.SLACK_SIGNING_SECRET!,
    port: s.PORT,
    ...(routes ? { routes } : {}),
    ...(s.SLACK_BOT_TOKEN ? { botToken: s.SLACK_BOT_TOKEN } : {}),
    ...(s.SLACK_CLIENT_ID
      ? { oauth: { clientId: s.SLACK_CLIENT_ID, clientSecret: s.SLACK_CLIENT_SECRET!, stateSecret: s.SLACK_STATE_SECRET! } }
      : {}),
    ...(s.SLACK_APP_TOKEN ? { appToken: s.SLACK_APP_TOKEN } : {}),
    ...(s.SLACK_API_URL ? { apiUrl: s.SLACK_API_URL } : {}),
  };
}
