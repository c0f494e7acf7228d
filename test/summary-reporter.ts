import type { SerializedError } from "vitest";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one plain closing line after vitest's own report: "tests: N passed, N failed, N skipped", and when there were
 * any, "; N unhandled errors" (vitest then exits 1 even if every test passed, so the line says why). A test file with
 * errors outside its tests (one that fails to load) counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      if (module.errors().length > 0) count.failed++; // a file that failed to load or errored outside its tests
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") count.passed++;
        else if (state === "failed") count.failed++;
        else count.skipped++;
      }
    }
    const unhandled = unhandledErrors.length === 0 ? "" : `; ${unhandledErrors.length} unhandled error${unhandledErrors.length === 1 ? "" : "s"}`;
    const line = `tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped${unhandled}\n`;
    // Written at exit so that it closes the output, after vitest's own summary.
    process.once("exit", () => process.stdout.write(line));
  }
}
