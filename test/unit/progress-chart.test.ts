import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { type MemberRecord, type ProgressTimelines, progressTimelines } from "../../src/domain/facilitation/progress-timeline.ts";
import { CJK_FONT_PACKAGES, chartPng, chartSvg, cjkFontFiles, svgToPng } from "../../src/export/progress-chart.ts";
import { progressAltText, progressChartSpec, SERIES } from "../../src/export/progress-chart-spec.ts";
import { darkPixels, decodePng } from "../support/png.ts";

const zone = "Europe/London";
const at = (iso: string) => new Date(iso);
const due = (date: string) => ({ date, zone });
const meetings = (n: number, attended: (k: number) => boolean, presented: (k: number) => boolean) =>
  Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    startsAt: new Date(Date.UTC(2027, i, 12, 10)),
    attended: attended(i + 1),
    presented: presented(i + 1),
  }));

/** Ana: three meetings; actions agreed before the first, at the first (by number) and after the second. */
const ana: MemberRecord = {
  name: "Ana",
  meetings: meetings(
    3,
    (k) => k !== 2,
    (k) => k === 1,
  ),
  actions: [
    { createdAt: at("2027-01-05T09:00Z"), meetingNumber: null, due: due("2027-01-20"), status: "done", outcomeAt: at("2027-03-01T09:00Z") },
    { createdAt: at("2027-03-20T09:00Z"), meetingNumber: 1, due: due("2027-02-01"), status: "open", outcomeAt: null },
    { createdAt: at("2027-02-20T09:00Z"), meetingNumber: null, due: null, status: "partly", outcomeAt: at("2027-03-25T09:00Z") },
  ],
};

describe("the progress chart's counts", () => {
  test("each action counts at its meeting's period; outcomes when recorded; overdue at each period's end", () => {
    const t = progressTimelines([ana], at("2027-04-01T09:00Z"));
    assert.deepEqual(
      t.columns.map((c) => c.number),
      [1, 2, 3],
    );
    assert.deepEqual(t.members[0]!.cells, [
      // Before meeting 1 counts at 1; the action linked to meeting 1 counts there whenever it was typed.
      // At meeting 2's start (12 Feb) the first action is overdue (due 20 Jan, no outcome until 1 Mar).
      { attended: true, presented: true, agreed: 2, outcomes: 0, overdue: 1 },
      // By 12 Mar the first has its outcome (1 Mar, in period 2) and the second is not yet agreed (20 Mar).
      { attended: false, presented: false, agreed: 1, outcomes: 1, overdue: 0 },
      // Now (1 Apr): the second, due 1 Feb, is open.
      { attended: true, presented: false, agreed: 0, outcomes: 1, overdue: 1 },
    ]);
    assert.deepEqual(t.members[0]!.totals, { held: 3, attended: 2, presented: 1, agreed: 3, outcomes: 2, overdue: 1 });
  });

  test("with no meeting held there is one period, so far, without attendance", () => {
    const t = progressTimelines([{ ...ana, meetings: [] }], at("2027-04-01T09:00Z"));
    assert.deepEqual(t.columns, [{ number: null, startsAt: null }]);
    assert.deepEqual(t.members[0]!.cells, [{ attended: null, presented: null, agreed: 3, outcomes: 2, overdue: 1 }]);
  });
});

/** A set of `names.length` members over `count` meetings, each member's pattern varied by their place. */
function setOf(names: string[], count: number): ProgressTimelines {
  const records = names.map((name, j) => ({
    name,
    meetings: meetings(
      count,
      (k) => (k + j) % 3 !== 0,
      (k) => k % names.length === j,
    ),
    actions: Array.from({ length: j + 1 }, (_, a) => ({
      createdAt: new Date(Date.UTC(2027, a % count, 13)),
      meetingNumber: null,
      due: due(`2027-0${(a % count) + 2}-01`),
      status: a % 2 ? "done" : "open",
      outcomeAt: a % 2 ? new Date(Date.UTC(2027, (a % count) + 1, 20)) : null,
    })),
  }));
  return progressTimelines(records, new Date(Date.UTC(2027, count, 1)));
}

type AnySeries = { name: string; type: string; data: unknown[]; xAxisIndex: number };
const seriesOf = (spec: ReturnType<typeof progressChartSpec>) => spec.option.series as AnySeries[];
const named = (spec: ReturnType<typeof progressChartSpec>, name: string) => seriesOf(spec).filter((s) => s.name === name);
const points = (spec: ReturnType<typeof progressChartSpec>, name: string) => named(spec, name).reduce((n, s) => n + s.data.length, 0);

describe("the chart follows the data", () => {
  const a = setOf(["Ana", "Ben", "Cleo"], 4);
  const b = setOf(["Dev", "Łucja Żółć"], 2);
  const opts = { title: "Progress", subtitle: "As at", timeZone: zone };
  const specA = progressChartSpec(a, opts);
  const specB = progressChartSpec(b, opts);

  test("one attendance mark per member and meeting, a bar per member, meeting and measure, the members' names as labels", () => {
    for (const [spec, t] of [
      [specA, a],
      [specB, b],
    ] as const) {
      const members = t.members.length;
      const held = t.columns.length;
      assert.equal(points(spec, SERIES.attended) + points(spec, SERIES.absent), members * held);
      assert.equal(
        points(spec, SERIES.attended),
        t.members.reduce((n, m) => n + m.totals.attended, 0),
      );
      assert.equal(
        points(spec, SERIES.presented),
        t.members.reduce((n, m) => n + m.totals.presented, 0),
      );
      for (const name of [SERIES.agreed, SERIES.outcomes, SERIES.overdue]) {
        assert.equal(named(spec, name).length, members, `${name}: a series per member`);
        assert.equal(points(spec, name), members * held, `${name}: a bar per member and meeting`);
      }
      const labels = (spec.option.yAxis as { type: string; data?: string[] }[]).filter((y) => y.type === "category").flatMap((y) => y.data);
      assert.deepEqual(
        labels,
        t.members.map((m) => m.name),
      );
      const agreed = named(spec, SERIES.agreed).map((s) => s.data);
      assert.deepEqual(
        agreed,
        t.members.map((m) => m.cells.map((c) => c.agreed)),
      );
      assert.deepEqual(
        named(spec, SERIES.overdue).map((s) => s.data),
        t.members.map((m) => m.cells.map((c) => c.overdue)),
      );
    }
    const xLabels = (specA.option.xAxis as { data: string[] }[])[1]!.data;
    assert.deepEqual(xLabels, ["#1\n12 Jan", "#2\n12 Feb", "#3\n12 Mar", "#4\n12 Apr"]);
  });

  test("the SVG names every member; the PNGs are valid, of the chart's size, drawn, and differ between the sets", async () => {
    const svgA = chartSvg(specA);
    for (const name of ["Ana", "Ben", "Cleo"]) assert.match(svgA, new RegExp(`>${name}<`));
    assert.match(chartSvg(specB), /Łucja Żółć/);
    const pngA = await chartPng(specA);
    const pngB = await chartPng(specB);
    const imageA = decodePng(pngA);
    const imageB = decodePng(pngB);
    assert.deepEqual([imageA.width, imageA.height], [specA.width, specA.height]);
    assert.deepEqual([imageB.width, imageB.height], [specB.width, specB.height]);
    assert.ok(specA.height > specB.height, "three members' bands are taller than two");
    assert.ok(darkPixels(imageA) > 500, "text and marks are drawn");
    assert.notDeepEqual(pngA, pngB);
  });

  test("the text alternative gives each member's totals, as counts; one member's speaks of their timeline", () => {
    const alt = progressAltText(a, "Leading change");
    assert.match(alt, /^Progress chart for "Leading change": 3 members by 4 meetings held, showing attendance/);
    for (const m of a.members) {
      const t = m.totals;
      assert.ok(
        alt.includes(
          `${m.name}: attended ${t.attended} of 4, presented ${t.presented}, ${t.agreed} action${t.agreed === 1 ? "" : "s"} agreed, ${t.outcomes} outcome${t.outcomes === 1 ? "" : "s"} recorded, ${t.overdue} overdue`,
        ),
        `${m.name}'s totals in: ${alt}`,
      );
    }
    const one = progressTimelines([ana], at("2027-04-01T09:00Z"));
    assert.equal(
      progressAltText(one, "Leading change"),
      'Timeline of Ana in "Leading change" over 3 meetings held, showing attendance, presenter turns, actions agreed, outcomes recorded and overdue actions per meeting. Ana: attended 2 of 3, presented 1, 3 actions agreed, 2 outcomes recorded, 1 overdue.',
    );
  });

  test("a long text alternative is cut to Slack's 1,000 characters", () => {
    const many = setOf(
      Array.from({ length: 16 }, (_, i) => `Member number ${i + 1}`),
      3,
    );
    const alt = progressAltText(many, "Leading change");
    assert.equal(alt.length, 1000);
    assert.ok(alt.endsWith("…"));
    assert.ok(progressAltText(many, "Leading change", Number.POSITIVE_INFINITY).length > 1000);
  });
});

describe("names in Chinese, Japanese or Korean script are drawn, not boxes", () => {
  const textSvg = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="28" font-size="24" font-family="DejaVu Sans Condensed">${text}</text></svg>`;
  const cjkInstalled = cjkFontFiles((id) => createRequire(import.meta.url).resolve(id)).length > 0;

  test("the chart loads the regular OpenType files of the Noto Sans CJK package when it is installed, and nothing when not", () => {
    const root = mkdtempSync(join(tmpdir(), "als-cjk-"));
    mkdirSync(join(root, "fonts"));
    for (const f of ["NotoSansHans-Regular.otf", "NotoSansHans-Bold.otf", "README.txt"]) writeFileSync(join(root, "fonts", f), "");
    writeFileSync(join(root, "package.json"), "{}");
    assert.deepEqual(
      cjkFontFiles((id) => (id === `${CJK_FONT_PACKAGES[0]}/package.json` ? join(root, "package.json") : id)),
      [join(root, "fonts", "NotoSansHans-Regular.otf")],
    );
    assert.deepEqual(
      cjkFontFiles(() => {
        throw new Error("Cannot find module");
      }),
      [],
    );
    rmSync(root, { recursive: true, force: true });
  });

  // Two names drawn as the same empty boxes give the same image; drawn in a font that has their glyphs, they differ.
  test.runIf(cjkInstalled)(`李雷, 韩梅梅, かな and 김민준 are drawn in Noto Sans (${CJK_FONT_PACKAGES.join(", ")})`, async () => {
    for (const [name, swapped] of [
      ["李雷", "雷李"],
      ["かな", "なか"],
      ["김민준", "준민김"],
      ["한국", "국한"],
    ]) {
      assert.notDeepEqual(await svgToPng(textSvg(name!)), await svgToPng(textSvg(swapped!)), `${name} drawn as boxes`);
    }
    assert.ok(darkPixels(decodePng(await svgToPng(textSvg("韩梅梅")))) > 50);
  });
});
