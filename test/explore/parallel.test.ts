import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import { exploreParallel } from "../../checker/explore/parallel/explore.ts";
import { SharedTable, EARLIER, NEW, THIS_LEVEL } from "../../checker/explore/parallel/table.ts";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import { isUsageError } from "../../checker/errors.ts";
import type { ResultDocument } from "../../checker/report.ts";
import { check } from "../../checker/run.ts";

const grid = fileURLToPath(new URL("./fixtures/grid/model.ts", import.meta.url));

/** What must not depend on the number of threads: counts, depth, verdicts, and each trace step by step. */
function summary<S, A>(result: ExploreResult<S, A>, model: Model<S, A>) {
  return {
    complete: result.complete,
    distinct: result.distinctStates,
    generated: result.generatedStates,
    depth: result.depth,
    stopReason: result.stopReason,
    properties: result.properties.map((p) => ({
      name: p.name,
      holds: p.holds,
      error: p.error,
      loopsBackTo: p.trace?.loopsBackTo,
      steps: p.trace?.steps.map((s) => (s.action === null ? "init" : model.describe(s.action))),
    })),
  };
}

interface Case {
  readonly spec: string;
  readonly variant?: string;
  readonly set?: readonly string[];
  readonly options?: { readonly continueAfterViolation?: boolean; readonly maxStates?: number };
}

/** Explores a case on this thread and with `threads` search threads (handing over early, so they do the work). */
async function both({ spec: name, variant = "main", set = [], options = {} }: Case, threads: number) {
  const spec = await loadSpec(name, examplesDir);
  const config = resolveConfig(spec, variant, set);
  const { model, properties } = buildInstance(spec, config, variant);
  const sequential = explore(model, { properties, ...options });
  const source = { file: spec.file, variant, config, properties: properties.map((p) => p.name) };
  const parallel = await exploreParallel(model, source, { properties, threads, handOverWidth: 4, ...options });
  return { sequential: summary(sequential, model), parallel: summary(parallel, model) };
}

describe("parallel BFS gives the sequential BFS's result, traces included", () => {
  const cases: readonly Case[] = [
    { spec: grid },
    { spec: grid, variant: "violates" },
    { spec: grid, variant: "violates", options: { continueAfterViolation: true } },
    { spec: grid, options: { maxStates: 500 } },
    { spec: grid, variant: "throws" },
    { spec: "two-phase-commit" },
    { spec: "two-phase-commit", variant: "commit-without-all-votes" },
    { spec: "two-phase-commit", variant: "coordinator-crash", options: { continueAfterViolation: true } },
    { spec: "write-once-chain", variant: "one-crash", options: { continueAfterViolation: true } },
    { spec: "paxos", variant: "dueling-proposers" },
    { spec: "chain-replication", variant: "read-at-head" },
    // Time, timers, recovery and partitions: ticks, environments and bounded delays handed between threads.
    { spec: "alf-lease", variant: "lease-from-receipt", options: { continueAfterViolation: true } },
    { spec: "alf-lease", set: ["crashes=0", "partitions=1"] },
    { spec: "write-ahead-log", variant: "ack-before-durable" },
    { spec: "write-ahead-log", set: ["crashes=1", "clients=1"] },
    { spec: "kinesis-shards" },
    { spec: "swf-log", variant: "no-seal", options: { continueAfterViolation: true } },
  ];
  for (const c of cases) {
    const label = `${c.spec === grid ? "grid" : c.spec} ${c.variant ?? "main"} ${(c.set ?? []).join(" ")} ${JSON.stringify(c.options ?? {})}`;
    it(`${label}, 2 threads`, async () => {
      const { sequential, parallel } = await both(c, 2);
      expect(parallel).toEqual(sequential);
    });
  }

  it("with 3 threads, and a table that grows while they insert", async () => {
    const { sequential, parallel } = await both({ spec: grid, set: ["size=220", "deep=1000"] }, 3);
    expect(sequential.distinct).toBe(221 * 221);
    expect(parallel).toEqual(sequential);
  });

  it("a state that is not plain data, met by a search thread, is a UsageError naming its path", async () => {
    const spec = await loadSpec(grid, examplesDir);
    const config = resolveConfig(spec, "main", ["flaw=not-plain"]);
    const { model, properties } = buildInstance(spec, config, "main");
    const source = { file: spec.file, variant: "main", config, properties: properties.map((p) => p.name) };
    const error = await exploreParallel(model, source, { properties, threads: 2, handOverWidth: 4 }).catch((e: unknown) => e);
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/when/);
  });
});

describe("check() with workers", () => {
  const comparable = ({ seconds, memory, workers, ...document }: ResultDocument) => (void [seconds, memory, workers], document);

  it("gives the document of one thread, traces included, for a spec loaded from its file", async () => {
    const spec = await loadSpec("two-phase-commit", examplesDir);
    for (const variant of ["main", "commit-without-all-votes"] as const) {
      const one = await check(spec, { variant });
      const two = await check(spec, { variant, workers: 2 });
      expect(two.workers).toBe(2);
      expect(comparable(two)).toEqual(comparable(one));
    }
  });

  it("refuses workers > 1 for a spec it cannot load in another thread", async () => {
    const { file, dir, ...inline } = await loadSpec("two-phase-commit", examplesDir);
    void [file, dir];
    await expect(check(inline, { workers: 2 })).rejects.toThrow(/needs a spec loaded from its file/);
  });
});

describe("the shared fingerprint table", () => {
  it("tells new, this level's and earlier fingerprints apart, keeps the smallest claim, and grows", () => {
    const table = new SharedTable(SharedTable.create(1 << 12, 1 << 24, 1), 1);
    table.enter();
    expect(table.insert(1, 2, 5, 3)).toBe(NEW);
    expect(table.insert(1, 2, 4, 9)).toBe(THIS_LEVEL);
    expect(table.insert(1, 2, 4, 7)).toBe(THIS_LEVEL);
    expect(table.insert(1, 2, 6, 0)).toBe(THIS_LEVEL);
    const slot = table.find(1, 2);
    expect([table.parentAt(slot), table.actionAt(slot)]).toEqual([4, 7]);
    table.setId(slot, 0);
    expect(table.insert(1, 2, 0, 0)).toBe(EARLIER);
    const n = 10_000;
    for (let i = 1; i < n; i++) {
      expect(table.insert(i * 7919, -i, i, 0)).toBe(NEW);
      table.setId(table.find(i * 7919, -i), i);
      if (table.crowded) {
        table.leave();
        table.grow();
        table.enter();
      }
    }
    table.leave();
    table.flushCount();
    expect(table.size).toBe(n);
    expect(table.bytes).toBeGreaterThan((1 << 12) * 7 * 4); // it grew
    for (let i = 1; i < n; i++) expect(table.idOf(i * 7919, -i)).toBe(i);
    expect(table.idOf(1, 2)).toBe(0);
    expect(table.find(3, 3)).toBe(-1);
  });
});
