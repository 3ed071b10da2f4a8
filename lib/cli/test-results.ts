import "server-only";
import { existsSync, readFileSync } from "node:fs";

/** The outcome of one suite: counts of passed and failed checks. */
export type SuiteResult = { suite: string; passed: number; failed: number; note?: string };

/** A suite that is a single check (lint, type check, build): one pass or one failure. */
export function singleCheck(suite: string, exitCode: number): SuiteResult {
  return exitCode === 0 ? { suite, passed: 1, failed: 0 } : { suite, passed: 0, failed: 1 };
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { status: string; assertionResults: unknown[] }[];
};

/** Counts from vitest's JSON report; a file that failed before running any test counts as a failure. */
export function vitestResult(suite: string, reportPath: string, exitCode: number): SuiteResult {
  if (!existsSync(reportPath)) return { suite, passed: 0, failed: 1, note: "no report written" };
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as VitestJson;
  const brokenFiles = report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0);
  const failed = report.numFailedTests + brokenFiles.length;
  return {
    suite,
    passed: report.numPassedTests,
    failed: failed === 0 && exitCode !== 0 ? 1 : failed,
    note: report.numPendingTests ? `${report.numPendingTests} skipped: see the list above` : undefined,
  };
}

type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

/** Counts from Playwright's JSON report (flaky counts as failed: retries are off). */
export function playwrightResult(suite: string, reportPath: string, exitCode: number): SuiteResult {
  if (!existsSync(reportPath)) return { suite, passed: 0, failed: 1, note: "no report written" };
  const { stats } = JSON.parse(readFileSync(reportPath, "utf8")) as PlaywrightJson;
  const failed = stats.unexpected + stats.flaky;
  return {
    suite,
    passed: stats.expected,
    failed: failed === 0 && exitCode !== 0 ? 1 : failed,
    note: stats.skipped ? `${stats.skipped} skipped` : undefined,
  };
}

export function totals(results: SuiteResult[]): { passed: number; failed: number } {
  return results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }), {
    passed: 0,
    failed: 0,
  });
}
