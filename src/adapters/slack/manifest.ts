import { type CommandDecl, commandKey } from "../../../commands/define.ts";
import { allCommands } from "../../../commands/index.ts";
import { messageShortcuts } from "../../../commands/shortcuts.ts";

/** The one slash command: Slack's slash commands share a namespace per workspace, so the vocabulary lives under it. */
const SLACK_COMMAND = "/als";

/** The bot scopes the app asks for: the manifest's `oauth_config` and the OAuth installer's `scopes` both read this list. */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "im:write",
  "users:read",
  "files:write",
  "channels:read",
  "groups:read",
];

/** The parts of a Slack app manifest this app uses. */
export type SlackManifest = {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; url: string; description: string; usage_hint: string; should_escape: boolean }[];
    shortcuts: { name: string; type: "message"; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
};

/**
 * Slack's app manifest: one slash command `/als` whose text is the vocabulary without its slash
 * (`/als meeting next`), with mentions escaped to `<@U…>` ids, the message shortcuts of commands/shortcuts.ts ("Save to
 * my log", delivered as `message_action` payloads to the interactivity URL; the `commands` scope covers them), and the
 * Home tab on (`app_home_opened`). Every request URL is
 * `${requestUrl}/slack/events` (default host https://example.com, to be replaced when installing).
 * The usage hint lists, per family, the first command that needs no options.
 */
export function slackManifest(decls: readonly CommandDecl[] = allCommands, opts: { requestUrl?: string } = {}): SlackManifest {
  const url = `${(opts.requestUrl ?? "https://example.com").replace(/\/+$/, "")}/slack/events`;
  return {
    display_information: {
      name: "Action Learning Companion",
      description: "Meetings, fair presenter rotation, reminders and a draft learning log for action learning sets.",
      background_color: "#2f4858",
    },
    features: {
      // The Home tab shows each person their sets (src/app/home.ts); the Messages tab keeps the bot's DMs.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: "als", always_online: true },
      slash_commands: [
        {
          command: SLACK_COMMAND,
          url,
          description: "Your action learning set: type /als help for every command",
          usage_hint: usageHint(decls),
          should_escape: true,
        },
      ],
      shortcuts: Object.entries(messageShortcuts).map(([id, s]) => ({
        name: s.name,
        type: "message" as const,
        callback_id: id,
        description: s.description,
      })),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, request_url: url },
      event_subscriptions: { request_url: url, bot_events: ["app_home_opened", "member_joined_channel"] },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

function usageHint(decls: readonly CommandDecl[]): string {
  const picks = new Map<string, string>();
  for (const decl of decls) {
    const needsNothing = Object.values(decl.options).every((o) => !o.required);
    if (needsNothing && !picks.has(decl.name)) picks.set(decl.name, commandKey(decl));
  }
  return [...picks.values()].join(" | ");
}
