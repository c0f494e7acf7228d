import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Exhaustive checks take seconds, and minutes on a loaded machine; the limits only guard against a hung run,
// they assert no speed. Test files mostly wait (on explorations in worker threads, on the CLI in child processes),
// so at least two run at once: vitest's default of one fewer than the cores would leave one of two cores idle.
// Inside this repository the package's own name resolves to its sources, as tsconfig.json's paths say.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^interleave$/, replacement: source("./checker/index.ts") },
      { find: /^interleave\/actor$/, replacement: source("./src/actor/index.ts") },
      { find: /^interleave\/vitest$/, replacement: source("./checker/vitest.ts") },
    ],
  },
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
