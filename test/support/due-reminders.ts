/**
 * Outbox rows as a tick would have planned them, for delivery tests against the local platforms: a set of one
 * workspace with its people, and reminders to them (DMs) or to channels.
 */
import assert from "node:assert/strict";
import type { Delivery } from "../../src/app/destination.ts";
import type { Database } from "../../src/store/open-database.ts";
import { insertOutbox } from "../../src/store/outbox.ts";

/** A reminder to seed: a DM to `to` (a person's platform id) or, with no `to`, a post in `channel`. */
export type Planned = { text: string; to?: string; channel?: string };

/**
 * One workspace of `platform` with a set in `channelId` and a person for each id in `people`; returns their row
 * ids, and `due`, which records reminders as due at `at` (due a minute before it), as a tick would have planned them.
 */
export async function seedSet(db: Database, platform: string, workspace: string, channelId: string, people: string[], now: Date) {
  const ws = await db.workspace.create({ data: { platform, externalId: workspace } });
  const set = await db.learningSet.create({ data: { workspaceId: ws.id, channelId, name: "Limits", timeZone: "UTC" } });
  const ids = new Map<string, string>();
  for (const externalId of people) {
    const p = await db.person.create({ data: { workspaceId: ws.id, externalId, displayName: externalId, timeZone: "UTC" } });
    ids.set(externalId, p.id);
  }
  let n = 0;
  const due = async (reminders: Planned[], at: Date = now) => {
    const rows = reminders.map((r) => {
      const delivery: Delivery = {
        platform,
        workspaceId: workspace,
        channelId: r.channel ?? channelId,
        to: r.to ? { kind: "dm", externalId: r.to, displayName: r.to, timeZone: "UTC" } : { kind: "channel" },
        reply: { text: r.text },
      };
      const i = n++;
      return {
        id: `row-${i}`,
        key: `limits:${i}`,
        kind: r.to ? "log-action" : "meeting-post",
        setId: set.id,
        personId: r.to ? ids.get(r.to)! : null,
        payload: JSON.stringify(delivery),
        sendAt: new Date(at.getTime() - 60_000),
        staleAt: new Date(at.getTime() + 86_400_000),
        status: "pending" as const,
        reason: null,
      };
    });
    assert.equal((await insertOutbox(db, rows, now)).length, rows.length);
  };
  return { ids, due };
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);
