import { describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import SummaryReporter from "./summary-reporter.ts";

/** A test file as the reporter reads it: its errors outside tests, and its tests' states. */
const module = (states: string[], errors = 0) =>
  ({
    errors: () => Array(errors).fill({}),
    children: { allTests: () => states.map((state) => ({ result: () => ({ state }) })) },
  }) as unknown as TestModule;

/** The line the reporter writes at exit for these modules and unhandled errors. */
function closingLine(modules: TestModule[], unhandled: number): string {
  let atExit: (() => void) | undefined;
  const once = vi.spyOn(process, "once").mockImplementation(((event: string, listener: () => void) => {
    if (event === "exit") atExit = listener;
    return process;
  }) as typeof process.once);
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    new SummaryReporter().onTestRunEnd(modules, Array(unhandled).fill({ message: "Timeout calling onTaskUpdate" }));
    atExit!();
  } finally {
    once.mockRestore();
    write.mockRestore();
  }
  return written.join("");
}

describe("the summary line", () => {
  it("counts passed, failed and skipped tests, and a file that failed to load as one failure", () => {
    const line = closingLine([module(["passed", "passed", "skipped"]), module(["failed", "passed"]), module([], 1)], 0);
    expect(line).toBe("tests: 3 passed, 2 failed, 1 skipped\n");
  });

  it("says how many unhandled errors there were: vitest then fails the run though every test passed", () => {
    expect(closingLine([module(["passed"])], 1)).toBe("tests: 1 passed, 0 failed, 0 skipped; 1 unhandled error\n");
    expect(closingLine([module(["passed"])], 2)).toBe("tests: 1 passed, 0 failed, 0 skipped; 2 unhandled errors\n");
  });
});
