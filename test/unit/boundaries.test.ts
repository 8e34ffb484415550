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
