import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;

/** Source files under a folder of the project, as paths relative to the root with `/` separators. */
function sourceFiles(folder: string, exclude: string[] = []): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (exclude.some((x) => path === x || path.startsWith(`${x}/`))) continue;
      if (entry.isDirectory()) visit(path);
      else if (SOURCE.test(entry.name)) out.push(path);
    }
  };
  visit(folder);
  return out.sort();
}

/** Blanks out comments (keeping line breaks) so that doc comments may name what the code must not do. */
function stripComments(text: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === quote || (c === "\n" && quote !== "`")) quote = null;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
      out += text[i] ?? "";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop - 1;
    } else {
      if (c === '"' || c === "'" || c === "`") quote = c;
      out += c;
    }
  }
  return out;
}

/** Module specifiers imported, re-exported or required on each line. */
function importsOnLine(line: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  return [...line.matchAll(re)].map((m) => m[1]!);
}

type Rule = { what: string; test: (spec: string, file: string) => boolean };
type Offence = { file: string; line: number; what: string; text: string };

const pkg = (name: string) => (spec: string) => spec === name || spec.startsWith(`${name}/`);
const into = (folder: string) => (spec: string, file: string) =>
  spec.startsWith(".") &&
  `${relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join("/")}/`.startsWith(`${folder}/`);

/** Reads each file and lists every line that imports something a rule forbids, or matches a forbidden pattern. */
function offences(files: string[], imports: Rule[], patterns: { what: string; re: RegExp }[] = []): Offence[] {
  const found: Offence[] = [];
  for (const file of files) {
    const lines = stripComments(readFileSync(join(root, file), "utf8")).split("\n");
    lines.forEach((text, i) => {
      for (const spec of importsOnLine(text)) {
        for (const rule of imports)
          if (rule.test(spec, file)) found.push({ file, line: i + 1, what: `imports ${spec} (${rule.what})`, text });
      }
      for (const p of patterns) if (p.re.test(text)) found.push({ file, line: i + 1, what: p.what, text });
    });
  }
  return found;
}

function report(found: Offence[]): string {
  return found.map((o) => `  ${o.file}:${o.line}: ${o.what}\n      ${o.text.trim()}`).join("\n");
}

const PLATFORM_AND_IO: Rule[] = [
  { what: "Slack SDK", test: pkg("@slack/bolt") },
  { what: "Discord SDK", test: pkg("discord.js") },
  { what: "Prisma", test: (s) => s.startsWith("@prisma/") },
  { what: "the store", test: (s, f) => /(^|\/)\.\.\/store(\/|$)/.test(s) || into("src/store")(s, f) },
  { what: "scheduler library", test: pkg("node-cron") },
  { what: "database driver", test: pkg("better-sqlite3") },
  { what: "process (environment)", test: (s) => s === "process" || s === "node:process" },
];
const READS_ENV = { what: "reads process.env", re: /\bprocess\s*(?:\.\s*env\b|\[\s*["'`]env["'`]\s*\])/ };

test("src/domain and commands import no SDK, database, scheduler or store, and read no environment", () => {
  const files = [...sourceFiles("src/domain"), ...sourceFiles("commands", ["commands/generated"])];
  assert.ok(files.length > 0, "no files found to check");
  const found = offences(files, PLATFORM_AND_IO, [READS_ENV]);
  assert.equal(found.length, 0, `The pure core must stay platform- and I/O-free:\n${report(found)}`);
});

test("only src/store talks to the database", () => {
  const files = sourceFiles("src", ["src/store"]);
  const rules: Rule[] = [
    { what: "Prisma", test: (s) => s.startsWith("@prisma/") },
    { what: "database driver", test: pkg("better-sqlite3") },
    { what: "generated Prisma client", test: (s, f) => s.includes("store/generated") || into("src/store/generated")(s, f) },
  ];
  const found = offences(files, rules);
  assert.equal(found.length, 0, `Database access belongs in src/store (through its repositories):\n${report(found)}`);
});

test("the Prometheus client is used in src/ops only, and src/ops knows no chat platform", () => {
  const prom: Rule[] = [{ what: "Prometheus client", test: pkg("prom-client") }];
  const outside = offences(sourceFiles("src", ["src/ops"]), prom);
  assert.equal(outside.length, 0, `Metrics are recorded through the hooks in src/ops/hooks.ts:\n${report(outside)}`);
  const platforms: Rule[] = [
    { what: "Slack SDK", test: pkg("@slack/bolt") },
    { what: "Discord SDK", test: pkg("discord.js") },
    { what: "the adapters", test: (s, f) => into("src/adapters")(s, f) },
  ];
  const ops = sourceFiles("src/ops");
  assert.ok(ops.length > 0, "no files found to check");
  const found = offences(ops, platforms);
  assert.equal(found.length, 0, `src/ops serves every adapter through plain hooks:\n${report(found)}`);
});

test("src/domain and src/app take the time from the injected clock", () => {
  const files = [...sourceFiles("src/domain"), ...sourceFiles("src/app")];
  const found = offences(
    files,
    [],
    [
      { what: "new Date() reads the system clock", re: /\bnew\s+Date\b\s*(?:\(\s*\)|(?![\s(]))/ },
      { what: "Date.now() reads the system clock", re: /\bDate\s*\.\s*now\s*\(/ },
    ],
  );
  assert.equal(found.length, 0, `Use the clock passed in (ctx.now / Clock), not the system clock:\n${report(found)}`);
});

test("the scanner sees through comments but not through code", () => {
  const code = [
    "/** Never call new Date() here; process.env is read in src/config.ts. */",
    'const url = "https://example.com"; // a comment naming Date.now()',
    "const t = new Date();",
    'import { App } from "@slack/bolt";',
  ].join("\n");
  const lines = stripComments(code).split("\n");
  assert.equal(lines.length, 4);
  assert.doesNotMatch(lines[0]!, /Date|process/);
  assert.equal(lines[1]!.trim(), 'const url = "https://example.com";');
  assert.match(lines[2]!, /new Date\(\)/);
  assert.deepEqual(importsOnLine(lines[3]!), ["@slack/bolt"]);
  assert.deepEqual(importsOnLine('const m = await import("node-cron");'), ["node-cron"]);
  assert.ok(into("src/store")("../store/sets.ts", "src/domain/x.ts"));
  assert.ok(!into("src/store")("./day.ts", "src/domain/x.ts"));
});

test("the repository explains itself: no source cites a design document that lives outside it", () => {
  const outside = /DESIGN §|\.\.\/shared\//;
  const files = ["src", "commands", "scripts", "test"].flatMap((folder) =>
    sourceFiles(folder, ["src/store/generated", "src/store/generated-pg"]),
  );
  const citing = files.filter((f) => f !== "test/unit/boundaries.test.ts" && outside.test(readFileSync(join(root, f), "utf8")));
  assert.deepEqual(citing, [], "cite docs/architecture.md or the README instead");
});

/**
 * The layers, from the bottom (docs/architecture.md): a file may import from a lower layer, or from its own unit (its
 * folder under src/, `commands/`, or itself for a file directly in src/), never from a higher layer nor from another
 * unit of its own layer. A unit is named by its folder, so files moved into subfolders (src/domain/<area>/…,
 * src/app/handlers/<family>/…) keep their layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["src/domain", "src/clock.ts"],
  ["src/store", "src/export", "commands"],
  ["src/ops"],
  ["src/app"],
  ["src/scheduler"],
  ["src/adapters", "src/config.ts", "src/logger.ts"],
  ["src/main.ts"],
];
const GENERATED = ["src/store/generated", "src/store/generated-pg", "commands/generated"];

/** The unit a project path belongs to: `commands`, `src/<folder>`, or a file directly in src/. */
function unitOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "commands") return "commands";
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((units) => units.includes(unit));
}

/** Each source file of src/ and commands/ (generated code left out) with the project files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles("src", GENERATED), ...sourceFiles("commands", GENERATED)]) {
    const specs = stripComments(readFileSync(join(root, file), "utf8"))
      .split("\n")
      .flatMap(importsOnLine)
      .filter((s) => s.startsWith("."));
    graph.set(
      file,
      specs.map((s) =>
        relative(root, resolve(root, dirname(file), s))
          .split(sep)
          .join("/"),
      ),
    );
  }
  return graph;
}

/** The first import circle found (a path that ends where it starts), or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = onPath.indexOf(file);
    if (at >= 0) return [...onPath.slice(at), file];
    if (done.has(file) || !graph.has(file)) return null;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    onPath.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle;
  }
  return null;
}

test("imports point down the layers, or stay within their own unit", () => {
  const graph = importGraph();
  assert.ok(graph.size > 100, "no files found to check");
  const unplaced = [...new Set([...graph.keys()].map(unitOf))].filter((u) => layerOf(u) < 0);
  assert.deepEqual(unplaced, [], "every unit of src/ and commands/ has a layer in LAYERS");
  const offences = [...graph].flatMap(([file, targets]) =>
    targets
      .filter((target) => {
        const from = unitOf(file);
        const to = unitOf(target);
        return from !== to && layerOf(to) >= layerOf(from);
      })
      .map((target) => `  ${file} imports ${target} (${unitOf(target)} is not below ${unitOf(file)})`),
  );
  assert.deepEqual(offences, [], `Imports must point down the layers:\n${offences.join("\n")}`);
});

test("no import circle in src/ or commands/", () => {
  const circle = findCircle(importGraph());
  assert.equal(circle, null, `An import circle: ${circle?.join(" → ")}`);
});

test("the layer and circle checks catch what they are for", () => {
  assert.equal(unitOf("src/domain/reminders/rules/action-due.ts"), "src/domain");
  assert.equal(unitOf("src/app/handlers/meeting/move.ts"), "src/app");
  assert.equal(unitOf("commands/meeting.ts"), "commands");
  assert.equal(unitOf("src/main.ts"), "src/main.ts");
  assert.ok(layerOf("src/export") > layerOf("src/domain") && layerOf("src/app") > layerOf("src/export"));
  const circle = new Map([
    ["a.ts", ["b.ts"]],
    ["b.ts", ["c.ts"]],
    ["c.ts", ["a.ts"]],
  ]);
  assert.deepEqual(findCircle(circle), ["a.ts", "b.ts", "c.ts", "a.ts"]);
  assert.equal(
    findCircle(
      new Map([
        ["a.ts", ["b.ts"]],
        ["b.ts", []],
      ]),
    ),
    null,
  );
});
