/**
 * Shortcuts on a chat message: what a person picks from a message's own menu (Slack's message shortcut, Discord's
 * message context-menu command). Data only, like every declaration here: the Slack manifest and Discord's command
 * JSON are generated from this catalog (`npm run commands:gen`), and each shortcut's behaviour lives in src/app.
 */

/** One message shortcut, as both platforms list it. */
export type MessageShortcut = {
  /** The name shown in the message's menu: at most 24 characters (Slack's limit; Discord allows 32). */
  name: string;
  /** What it does, for Slack's shortcut list (at most 150 characters; Discord's message commands have none). */
  description: string;
};

/** Every message shortcut, keyed by the id the platforms send back (Slack's `callback_id`). */
export const messageShortcuts = {
  save_to_log: {
    name: "Save to my log",
    description: "Keep this message's words as a private entry in your learning log",
  },
} as const satisfies Record<string, MessageShortcut>;

/** A message shortcut's id: the key Slack sends as `callback_id`. */
export type MessageShortcutId = keyof typeof messageShortcuts;

/** The shortcut a Discord message command's name (or Slack `callback_id`) is, if any. */
export function messageShortcutNamed(name: string): MessageShortcutId | undefined {
  return (Object.keys(messageShortcuts) as MessageShortcutId[]).find((id) => id === name || messageShortcuts[id].name === name);
}
