/**
 * Draws a chart specification (src/export/progress-chart-spec.ts) as an SVG with Apache ECharts' server-side SVG
 * renderer (no DOM, no canvas, no browser), then as a PNG with resvg (a prebuilt binary from the npm registry, no
 * build step). Text is drawn in DejaVu Sans Condensed from the `dejavu-fonts-ttf` package, never from the machine's fonts, so
 * the image is the same on every machine and no label comes out as empty boxes; Chinese, Japanese and Korean names are
 * drawn in Noto Sans from CJK_FONT_PACKAGES when installed (see `cjkFontFiles`).
 */
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { BarChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { CHART_FONT, type ChartSpec } from "./progress-chart-spec.ts";

use([BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * The npm packages of Noto Sans (OFL-1.1) whose OpenType files cover the names DejaVu lacks: Simplified Chinese (with
 * Japanese kana), and Korean, whose Hangul the first lacks.
 */
export const CJK_FONT_PACKAGES = ["@embedpdf/fonts-sc", "@embedpdf/fonts-kr"] as const;

const resolvePackage = createRequire(import.meta.url).resolve;
const fontDir = join(dirname(resolvePackage("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = [
  join(fontDir, "DejaVuSansCondensed.ttf"),
  join(fontDir, "DejaVuSansCondensed-Bold.ttf"),
  ...cjkFontFiles((name) => resolvePackage(name)),
];

/**
 * The OpenType files of CJK_FONT_PACKAGES (each one's `fonts/*.otf`, regular weight), skipping a package not
 * installed. resvg falls back per glyph among the fonts it is given, so 李雷 is drawn in Noto Sans SC, 김민준 in Noto Sans
 * KR and the rest in DejaVu. `resolve` finds a package's package.json (injected for tests).
 */
export function cjkFontFiles(resolve: (id: string) => string): string[] {
  return CJK_FONT_PACKAGES.flatMap((name) => fontFilesOf(name, resolve));
}

function fontFilesOf(name: string, resolve: (id: string) => string): string[] {
  let root: string;
  try {
    root = dirname(resolve(`${name}/package.json`));
  } catch {
    // The published packages export only their entry point (dist/index.*), not their package.json.
    try {
      root = dirname(dirname(resolve(name)));
    } catch {
      return [];
    }
  }
  const dir = join(root, "fonts");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(otf|ttf)$/i.test(f) && !/bold|black|heavy|light|thin|medium/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The chart as an SVG document. */
export function chartSvg(spec: ChartSpec): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An SVG document as PNG bytes, at its own size, text in the bundled DejaVu Sans Condensed; drawn off the event loop. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return new Uint8Array(image.asPng());
}

/** The chart as a PNG image. */
export const chartPng = (spec: ChartSpec): Promise<Uint8Array> => svgToPng(chartSvg(spec));
