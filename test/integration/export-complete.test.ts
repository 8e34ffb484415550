/**
 * `/log export` is "everything stored about you": every row of every table that names the person, with each of
 * its values. The tables and their person columns are read from prisma/schema.prisma, so a new table (or column)
 * that names a person fails here until the scenario fills it and the export carries it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { BASE, createHarness, type Harness, replies } from "../support/harness.ts";

type Field = { name: string; type: string; relationTo: string | null; relationFields: string[] };

/** Each model of the schema with its fields: name, type (without ? or []), and the columns a @relation(fields:) names. */
function schemaModels(text: string): Map<string, Field[]> {
  const models = new Map<string, Field[]>();
  const blocks = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const names = new Set(blocks.map((b) => b[1]!));
  for (const [, name, body] of blocks) {
    const fields: Field[] = [];
    for (const line of body!.split("\n")) {
      const m = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!m || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const rel = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(m[4]!);
      fields.push({
        name: m[1]!,
        type: m[2]!,
        relationTo: names.has(m[2]!) ? m[2]! : null,
        relationFields: rel ? rel[1]!.split(",").map((s) => s.trim()) : [],
      });
    }
    models.set(name!, fields);
  }
  return models;
}

/** Values kept only so the bot can check a secret the person holds (a feed URL's token): no content of theirs. */
const NOT_CONTENT = new Set(["tokenHash"]);

/** Columns ending in Id, with no @relation, that name something other than a person (a platform's id, a meeting). */
const NOT_A_PERSON = new Set(["externalId", "eventId", "dmChannelId", "channelId", "voiceChannelId", "meetingId", "platformEventId"]);

/** Every (model, column) that names a person: a relation to Person, or an unrelated …Id column not in NOT_A_PERSON. */
function personColumns(models: Map<string, Field[]>): { model: string; column: string }[] {
  const out = [{ model: "Person", column: "id" }];
  for (const [model, fields] of models) {
    const related = new Set(fields.flatMap((f) => f.relationFields));
    for (const f of fields) {
      if (f.relationTo === "Person") for (const column of f.relationFields) out.push({ model, column });
      const scalarId = f.type === "String" && f.relationTo === null && f.name.endsWith("Id") && f.name !== "id";
      if (scalarId && !related.has(f.name) && !NOT_A_PERSON.has(f.name)) out.push({ model, column: f.name });
    }
  }
  return out;
}

const delegate = (model: string) => `${model[0]!.toLowerCase()}${model.slice(1)}`;

describe("/log export carries every row that names the person, from every table of the schema", () => {
  let h: Harness;
  const exports = new Map<string, string>();
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${BASE}
/log problem text:"Ana's rota keeps being overridden"
/log action text:"Ask for a weekly slot" due:2027-01-20 problem:1 support:"My manager"
/log outcome action:2 text:"Got the slot" effective:very
/meeting rsvp yes
/away until:2027-01-08 note:"Ana's training course"
/feedback text:"Ana likes the questioning round"
as Sam
/meeting schedule when:"2027-01-20 16:00" duration:1h
/review member:@Ana text:"Sam's review of Ana"
/facilitation reflect text:"Sam filled silences too quickly"
/facilitation session meeting:1 text:"Sam's plan for meeting 1"
as Ana
/review reply text:"Ana's reply to Sam"
clock 2027-01-12T12:30Z
as Sam
/meeting close present:@Ana,@Ben`);
    const sam = await h.db.person.findFirstOrThrow({ where: { externalId: "Sam" } });
    const set = await h.db.learningSet.findFirstOrThrow();
    await h.db.advisorNote.create({ data: { setId: set.id, authorId: sam.id, text: "Sam's own note", createdAt: new Date() } });
    await h.db.calendarFeed.create({ data: { tokenHash: "0".repeat(64), personId: sam.id, setId: set.id, createdAt: new Date() } });
    // Words of a refused command, as a platform with forms keeps them for the refusal's button (the console keeps none).
    const ana = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    const raw = JSON.stringify({ text: "Ana's words: kept while refused", due: "someday" });
    await h.db.keptText.create({ data: { personId: ana.id, channelId: set.channelId, key: "log action", raw, createdAt: new Date() } });
    for (const who of ["Ana", "Sam"]) {
      const out = replies(await h.run(`as ${who}\n/log export`));
      const path = out
        .find((l) => l.trim().startsWith("[file "))
        ?.trim()
        .slice(6, -1);
      assert.ok(path, out.join("\n"));
      exports.set(who, readFileSync(path, "utf8"));
    }
  });
  afterAll(() => h.close());

  const models = schemaModels(readFileSync("prisma/schema.prisma", "utf8"));
  const columns = personColumns(models);

  test("the schema's person columns are found (the parser reads the schema)", () => {
    const found = columns.map((c) => `${c.model}.${c.column}`);
    for (const known of ["Entry.authorId", "Review.memberId", "Review.advisorId", "Feedback.authorId", "FacilitationEntry.authorId"]) {
      assert.ok(found.includes(known), `${known} in ${found.join(", ")}`);
    }
  });

  test.each(columns)("$model $column: every row naming Ana or Sam is in their export, value by value", async ({ model, column }) => {
    const table = (h.db as unknown as Record<string, { findMany: (a: unknown) => Promise<Record<string, unknown>[]> }>)[delegate(model)]!;
    const fields = models.get(model)!.filter((f) => f.relationTo === null);
    const content = fields.filter(
      (f) =>
        (f.type === "String" || f.type === "DateTime") &&
        f.name !== "id" &&
        f.name !== "key" &&
        !f.name.endsWith("Id") &&
        !NOT_CONTENT.has(f.name),
    );
    let rows = 0;
    for (const who of ["Ana", "Sam"]) {
      const person = await h.db.person.findFirstOrThrow({ where: { externalId: who } });
      const exported = exports.get(who)!;
      for (const row of await table.findMany({ where: { [column]: person.id } })) {
        rows++;
        for (const f of content) {
          const value = row[f.name];
          if (value === null || value === undefined || value === "") continue;
          const shown = JSON.stringify(value instanceof Date ? value.toISOString() : value);
          assert.ok(exported.includes(shown), `${who}'s export lacks ${model}.${f.name} = ${shown} (a row by ${column})`);
        }
      }
    }
    assert.ok(rows > 0, `the scenario has no ${model} row naming Ana or Sam by ${column}: add one, and export it`);
  });
});
