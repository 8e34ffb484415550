/**
 * The statuses a meeting and an action can have, each listed once; the types come from the lists. The database
 * stores them as text: `meetingStatusOf` and `actionStatusOf` read a stored value back, refusing any other word
 * (only these are ever written). Which changes between them are allowed is in lifecycle.ts.
 */

/** scheduled: still to be held · closed: held, attendance and the next date recorded · cancelled. */
export const MEETING_STATUSES = ["scheduled", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** open: no outcome yet · done, partly, dropped: the outcome the owner recorded. */
export const ACTION_STATUSES = ["open", "done", "partly", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

function oneOf<T extends string>(list: readonly T[], what: string, stored: string): T {
  const found = list.find((s) => s === stored);
  if (found === undefined) throw new Error(`Unknown ${what} status in the database: "${stored}"`);
  return found;
}

/** A meeting's stored status; throws on a word that is not one (the database holds only these). */
export function meetingStatusOf(stored: string): MeetingStatus {
  return oneOf(MEETING_STATUSES, "meeting", stored);
}

/** An action's stored status; throws on a word that is not one (the database holds only these). */
export function actionStatusOf(stored: string): ActionStatus {
  return oneOf(ACTION_STATUSES, "action", stored);
}
