/**
 * The evidence CSV (DESIGN §5) that e-portfolio tools import: RFC 4180 — a header line, CRLF line ends (the last
 * record too), fields quoted when they hold a comma, a double quote, CR or LF, with inner quotes doubled.
 * Text inside a field is kept exactly as written (including its own line breaks).
 */
import type { EvidenceRow } from "../domain/draft.ts";

export const EVIDENCE_CSV_HEADER = ["date", "duration_minutes", "category", "text", "criteria"] as const;

function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function evidenceCsv(rows: EvidenceRow[]): string {
  const lines = [
    EVIDENCE_CSV_HEADER.join(","),
    ...rows.map((r) => [r.date, r.durationMinutes, r.category, r.text, r.criteria].map(field).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
