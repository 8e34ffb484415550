/**
 * How scripts/test.ts counts one vitest lane from vitest's JSON report and its exit status. A test file whose worker
 * process dies (an abort in a native module, an `process.exit` from a test) leaves its tests in the report with no
 * result (status `pending`, counted as neither passed, failed, skipped nor todo): each of those counts as failed, and
 * so does a lane that exits non-zero with nothing failed in its report (an unhandled error, or no report at all).
 */
import { readFileSync } from "node:fs";

export type Counts = { passed: number; failed: number; skipped: number };

/** The fields of vitest's JSON report (`--reporter=json`) that the counts read. */
type Report = {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
};

/** A lane's counts, and the test files that ended without a result for some of their tests (their worker died). */
export function laneCounts(reportFile: string, exitStatus: number | null): Counts & { unfinished: string[] } {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  } catch {
    return { passed: 0, failed: 1, skipped: 0, unfinished: [] }; // vitest died before reporting: one failure
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  const withoutResult = report.numTotalTests - report.numPassedTests - report.numFailedTests - skipped;
  const unfinished = report.testResults
    .filter((file) => file.assertionResults.some((t) => t.status === "pending"))
    .map((file) => file.name);
  let failed = report.numFailedTests + Math.max(0, withoutResult);
  if (exitStatus !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests, failed, skipped, unfinished };
}
