// Prints one line `N passed, N failed[, N skipped]` at the end of a Vitest run, counting test cases.
// With MERCATO_COUNT_FILE set, also writes the counts as JSON there so scripts/test.js can sum runs.
//
// A file that fails outside any test (syntax/import error, failing beforeAll/afterAll) or an
// unhandled error would otherwise leave "0 failed"; each such failure counts as one failed case so
// the line never reads green when the run is red. `errors` in the JSON says how many of those.
import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Failures outside test cases (module/suite errors, unhandled errors), already included in `failed`. */
  errors: number;
  reason: TestRunEndReason;
}

export function countModules(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): RunCounts {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0, errors: 0, reason };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failed++;
      else counts.skipped++; // skipped, todo, or never reached (pending)
    }
    let outsideErrors = module.errors().length;
    for (const suite of module.children.allSuites()) outsideErrors += suite.errors().length;
    if (outsideErrors > 0) counts.errors++;
  }
  counts.errors += unhandledErrors.length;
  counts.failed += counts.errors;
  return counts;
}

export function formatCounts(counts: Pick<RunCounts, 'passed' | 'failed' | 'skipped'>): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const counts = countModules(testModules, unhandledErrors, reason);
    const file = process.env.MERCATO_COUNT_FILE;
    if (file) writeFileSync(file, `${JSON.stringify(counts)}\n`);
    process.stdout.write(`${formatCounts(counts)}\n`);
  }
}
