import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { compileFacilitationDraft } from "../../src/domain/facilitation-draft.ts";
import type { FacilitationDraftInput, FacilitationReview } from "../../src/domain/facilitation-draft-types.ts";

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const review = (member: string, day: string, text: string, reply: string | null = null): FacilitationReview => ({
  member,
  text,
  createdAt: at(day),
  replied: reply !== null,
  reply,
  repliedAt: reply === null ? null : at(day),
});
const member = (name: string) => ({ name, shares: true, entries: 3, actions: 1, outcomes: 1 });

function input(reviews: FacilitationReview[]): FacilitationDraftInput {
  return {
    advisor: "Sam",
    coAdvisors: [],
    setName: "Set",
    programmeStart: null,
    programmeEnd: null,
    slotMinutes: 45,
    reviewEvery: 3,
    members: [member("Ana"), member("Ben"), member("Cleo")],
    meetings: [],
    entries: [],
    notes: [],
    reviews,
    feedback: [],
    now: at("2027-08-02"),
    timeZone: "Europe/London",
  };
}

describe("the advisor's draft M5.37 log, 2.4 reviews of individuals' progress", () => {
  test("one section per member in the table's order, each member's reviews oldest first, a former member last", () => {
    // Given in the order the advisor wrote them: Cleo first, then Ben, Ana, and someone who has left the set.
    const draft = compileFacilitationDraft(
      input([
        review("Ana", "2027-07-27", "Ana's last review.", "Ana's second reply."),
        review("Cleo", "2027-02-23", "Cleo's only review."),
        review("Dana", "2027-01-26", "Dana's review, before she left."),
        review("Ana", "2027-03-23", "Ana's first review.", "Ana's first reply."),
        review("Ben", "2027-03-10", "Ben's review."),
      ]),
    );
    const start = draft.blocks.findIndex((b) => b.kind === "heading" && b.text === "Reviews of individuals' progress (2.4)");
    const end = draft.blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level <= 2);
    const section = draft.blocks.slice(start, end);
    const headings = section.filter((b) => b.kind === "heading" && b.level === 3).map((b) => (b.kind === "heading" ? b.text : ""));
    assert.deepEqual(headings, ["Ana", "Ben", "Cleo", "Dana"]);
    const paragraphs = section.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    assert.deepEqual(paragraphs.slice(0, 4), [
      "My review, 23 Mar 2027: Ana's first review.",
      "Ana's reply on 23 Mar 2027: Ana's first reply.",
      "My review, 27 Jul 2027: Ana's last review.",
      "Ana's reply on 27 Jul 2027: Ana's second reply.",
    ]);
  });
});

describe("the advisor's draft M5.37 log, as the unit states it", () => {
  test("states no word range the unit does not give (M5.37 sets none): the words are counted, not judged", async () => {
    const { draftToMarkdown } = await import("../../src/export/draft-markdown.ts");
    const draft = compileFacilitationDraft(input([review("Ana", "2027-03-23", "Ana holds her one-to-ones now.")]));
    const md = draftToMarkdown(draft);
    assert.doesNotMatch(md, /1,500|7,000|asks for \d/);
    assert.ok(!draft.warnings.some((w) => /words? of your own/.test(w)), draft.warnings.join("\n"));
    assert.match(md, /The unit sets no word count: ask your centre what length it expects\./);
  });

  test("a review that names a third party gets a prompt to anonymise it before submission; one that names none, none", () => {
    const prompts = (d: ReturnType<typeof compileFacilitationDraft>) =>
      d.blocks.flatMap((b) => (b.kind === "prompt" ? b.items : [])).filter((p) => /anonymise/.test(p));
    const naming = compileFacilitationDraft(
      input([review("Ana", "2027-03-23", "Ana is tackling Kerry's lateness head on, and has asked Ben for his notes.")]),
    );
    assert.deepEqual(prompts(naming), [
      'Your reviews name Kerry, Ben: before you submit, anonymise them (a role or an initial: "a team lead", "K."), unless your centre says otherwise.',
    ]);
    const plain = compileFacilitationDraft(input([review("Ana", "2027-03-23", "Ana now opens each one-to-one with a question.")]));
    assert.deepEqual(prompts(plain), []);
  });
});
