import { defineConfig } from "vitest/config";

// Exhaustive checks take seconds; the limit only guards against a hung run, it asserts no speed.
export default defineConfig({
  test: { testTimeout: 300_000, hookTimeout: 60_000, reporters: ["default", "./test/summary-reporter.ts"] },
});
