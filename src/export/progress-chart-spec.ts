/**
 * The progress chart as a chart specification (an Apache ECharts option) and its text alternative, from the counts
 * of `progressTimelines`: members by meetings. Each member has a band: a strip with one mark per held meeting
 * (filled: attended, hollow: absent, a diamond over it: a presenter turn) above bars per meeting (actions agreed,
 * outcomes recorded, overdue at the period's end). Only names, counts and meeting dates go in. Pure: rendering to
 * an image is src/export/progress-chart.ts.
 */
import type { EChartsOption, SeriesOption } from "echarts";
import { DateTime } from "luxon";
import { plural } from "../domain/plural.ts";
import type { MemberTimeline, ProgressColumn, ProgressTimelines } from "../domain/progress-timeline.ts";

/** The chart's series names, which its legend shows; the tests find series by them. */
export const SERIES = {
  attended: "Attended",
  absent: "Absent",
  presented: "Presenter turn",
  agreed: "Actions agreed",
  outcomes: "Outcomes recorded",
  overdue: "Overdue actions",
} as const;

/** Colours told apart with the common forms of colour blindness (the Okabe–Ito palette), and by shape. */
const COLOURS = { attended: "#222222", presented: "#E69F00", agreed: "#0072B2", outcomes: "#009E73", overdue: "#D55E00" };

/** The font the image is drawn with; src/export/progress-chart.ts loads it from the `dejavu-fonts-ttf` package (its widths are close to those ECharts assumes when it lays out text without a canvas). */
export const CHART_FONT = "DejaVu Sans Condensed";

/** A chart to draw: its size in pixels and its ECharts option. */
export type ChartSpec = { width: number; height: number; option: EChartsOption };

const TOP = 92;
const BOTTOM = 56;
const LEFT = 150;
const RIGHT = 24;
const STRIP = 18;

/** A column's axis label: "#3" and the meeting's day in the set's zone ("12 Mar"), or "so far". */
function columnLabel(c: ProgressColumn, timeZone: string): string {
  if (c.number === null || c.startsAt === null) return "so far";
  return `#${c.number}\n${DateTime.fromJSDate(c.startsAt, { zone: timeZone }).setLocale("en-US").toFormat("d LLL")}`;
}

/**
 * The chart of `timelines` for the set `setName`: one band per member in the order given. `single` (one member's
 * `/progress member:` timeline) draws a taller band with each bar's count on it. Dates read in `timeZone`.
 */
export function progressChartSpec(
  timelines: ProgressTimelines,
  opts: { title: string; subtitle: string; timeZone: string; single?: boolean },
): ChartSpec {
  const { columns, members } = timelines;
  const band = opts.single ? 260 : 92;
  const width = LEFT + RIGHT + Math.max(columns.length * (opts.single ? 56 : 36), 560);
  const height = TOP + BOTTOM + members.length * band;
  const labels = columns.map((c) => columnLabel(c, opts.timeZone));
  const grid: object[] = [];
  const xAxis: object[] = [];
  const yAxis: object[] = [];
  const series: SeriesOption[] = [];
  members.forEach((m, i) => {
    const top = TOP + i * band;
    const last = i === members.length - 1;
    const strip = grid.length;
    grid.push({ left: LEFT, right: RIGHT, top, height: STRIP });
    grid.push({ left: LEFT, right: RIGHT, top: top + STRIP + 6, height: band - STRIP - 22 });
    xAxis.push({ type: "category", gridIndex: strip, data: labels, show: false });
    xAxis.push({
      type: "category",
      gridIndex: strip + 1,
      data: labels,
      axisLabel: { show: last, interval: 0, fontSize: 10, color: "#333" },
      axisTick: { show: false },
    });
    yAxis.push({
      type: "category",
      gridIndex: strip,
      data: [m.name],
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { fontSize: 12, fontWeight: "bold", color: "#111", width: LEFT - 16, overflow: "truncate" },
    });
    yAxis.push({
      type: "value",
      gridIndex: strip + 1,
      minInterval: 1,
      splitNumber: 2,
      axisLabel: { fontSize: 9, color: "#666" },
      splitLine: { lineStyle: { color: "#eee" } },
    });
    series.push(...memberSeries(m, columns, labels, strip, Boolean(opts.single)));
  });
  const option: EChartsOption = {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT },
    title: {
      text: opts.title,
      subtext: opts.subtitle,
      left: 12,
      top: 8,
      textStyle: { fontSize: 16, color: "#111" },
      subtextStyle: { fontSize: 11, color: "#444" },
    },
    legend: {
      top: 56,
      left: 12,
      itemWidth: 14,
      itemHeight: 10,
      itemGap: 16,
      textStyle: { fontSize: 11, color: "#222" },
      data: Object.values(SERIES),
    },
    grid,
    xAxis,
    yAxis,
    series,
  } as EChartsOption;
  return { width, height, option };
}

/** One member's series: attendance and presenter marks in their strip (grid `strip`), bars in the grid below it. */
function memberSeries(m: MemberTimeline, columns: ProgressColumn[], labels: string[], strip: number, single: boolean): SeriesOption[] {
  const marks = (pick: (i: number) => boolean) =>
    labels.flatMap((label, i) => (columns[i]!.number !== null && pick(i) ? [[label, m.name]] : []));
  const onStrip = { xAxisIndex: strip, yAxisIndex: strip, type: "scatter" as const, symbolSize: 11 };
  const bar = (name: string, colour: string, value: (i: number) => number) => ({
    name,
    type: "bar" as const,
    xAxisIndex: strip + 1,
    yAxisIndex: strip + 1,
    itemStyle: { color: colour },
    barGap: "10%",
    barMaxWidth: 24,
    label: { show: single, position: "top" as const, fontSize: 10, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : "") },
    data: m.cells.map((_, i) => value(i)),
  });
  return [
    { ...onStrip, name: SERIES.attended, itemStyle: { color: COLOURS.attended }, data: marks((i) => m.cells[i]!.attended === true) },
    {
      ...onStrip,
      name: SERIES.absent,
      itemStyle: { color: "#ffffff", borderColor: "#888888", borderWidth: 1.5 },
      data: marks((i) => m.cells[i]!.attended === false),
    },
    {
      ...onStrip,
      name: SERIES.presented,
      symbol: "diamond",
      symbolSize: 17,
      z: 3,
      itemStyle: { color: "rgba(0,0,0,0)", borderColor: COLOURS.presented, borderWidth: 2.5 },
      data: marks((i) => m.cells[i]!.presented === true),
    },
    bar(SERIES.agreed, COLOURS.agreed, (i) => m.cells[i]!.agreed),
    bar(SERIES.outcomes, COLOURS.outcomes, (i) => m.cells[i]!.outcomes),
    bar(SERIES.overdue, COLOURS.overdue, (i) => m.cells[i]!.overdue),
  ] as SeriesOption[];
}

/** One member's totals in words, as the text alternative gives them. */
function totalsLine(m: MemberTimeline): string {
  const t = m.totals;
  return `${m.name}: attended ${t.attended} of ${t.held}, presented ${t.presented}, ${plural(t.agreed, "action")} agreed, ${plural(t.outcomes, "outcome")} recorded, ${t.overdue} overdue`;
}

/**
 * The chart's text alternative for screen readers: what it shows and each member's totals (the same counts as the
 * chart), within `max` characters (Slack's image alt text takes 1,000; a longer one ends "…"). With one member
 * (`/progress member:`) it speaks of that member's timeline.
 */
export function progressAltText(timelines: ProgressTimelines, setName: string, max = 1000): string {
  const held = plural(timelines.columns.filter((c) => c.number !== null).length, "meeting");
  const shows = "showing attendance, presenter turns, actions agreed, outcomes recorded and overdue actions per meeting.";
  const [only] = timelines.members;
  const head =
    timelines.members.length === 1 && only
      ? `Timeline of ${only.name} in "${setName}" over ${held} held, ${shows}`
      : `Progress chart for "${setName}": ${plural(timelines.members.length, "member")} by ${held} held, ${shows}`;
  const each = timelines.members.map(totalsLine).join("; ");
  const text = each ? `${head} ${each}.` : head;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
