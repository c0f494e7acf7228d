import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Exhaustive checks take seconds; the limit only guards against a hung run, it asserts no speed.
// Inside this repository the package's own name resolves to its sources, as tsconfig.json's paths say.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^interleave$/, replacement: source("./checker/index.ts") },
      { find: /^interleave\/actor$/, replacement: source("./src/actor/index.ts") },
      { find: /^interleave\/vitest$/, replacement: source("./checker/vitest.ts") },
    ],
  },
  test: { testTimeout: 300_000, hookTimeout: 60_000, reporters: ["default", "./test/summary-reporter.ts"] },
});
