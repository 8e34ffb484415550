/**
 * The evidence CSV that e-portfolio tools import: RFC 4180 — a header line, CRLF line ends (the last
 * record too), fields quoted when they hold a comma, a double quote, CR or LF, with inner quotes doubled.
 * Text inside a field is kept exactly as written (including its own line breaks), except that a cell that would
 * start a spreadsheet formula is prefixed with a single quote (see field).
 */
import type { EvidenceRow } from "../domain/draft/compile.ts";

const EVIDENCE_CSV_HEADER = ["date", "duration_minutes", "category", "text", "criteria"] as const;

/**
 * One field. A cell a spreadsheet would read as a formula (one starting with =, +, -, @, a tab or a carriage return)
 * gets a leading single quote, as OWASP's "CSV Injection" advice recommends, so it shows as text; the stored entry
 * is unchanged, only this file carries the quote.
 */
function field(value: string | number): string {
  const text = String(value);
  const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function evidenceCsv(rows: EvidenceRow[]): string {
  const lines = [
    EVIDENCE_CSV_HEADER.join(","),
    ...rows.map((r) => [r.date, r.durationMinutes, r.category, r.text, r.criteria].map(field).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
