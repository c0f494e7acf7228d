import { execa } from "execa";
import { describe, expect, it, vi } from "vitest";
import { withStopFlag } from "../../checker/commands/interrupt.ts";
import { searchOffThread } from "../../checker/commands/search-thread.ts";
import type { Progress } from "../../checker/explore/result.ts";

const big = ["bin/interleave.js", "check", "abd", "--set", "servers=5", "--set", "crashes=0"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const distinct = (report: string) => Number(/([\d,]+) distinct states/.exec(report)![1]!.replaceAll(",", ""));

describe("the search runs in a worker thread", () => {
  it("Ctrl-C stops the search and prints the partial figures, exit 3", async () => {
    const child = execa("node", big, { reject: false });
    await sleep(4_000); // started (about a second) and searching for a while
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode, r.stderr).toBe(3);
    expect(r.stdout).toContain("search STOPPED");
    expect(r.stdout).toMatch(/linearizable\s+linearizable\s+\? undecided/);
    expect(distinct(r.stdout)).toBeGreaterThanOrEqual(1_024);
    expect(r.stderr).toContain("stopping the search");
  });

  it("a first Ctrl-C raises the stop flag, a second ends the process at once (exit 130)", async () => {
    // Two signals sent at once to a process may arrive as one, so this drives the handler itself.
    const others = process.listeners("SIGINT");
    process.removeAllListeners("SIGINT");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await withStopFlag(async (flag) => {
        expect(Atomics.load(flag, 0)).toBe(0);
        process.emit("SIGINT");
        expect([Atomics.load(flag, 0), exit.mock.calls.length]).toEqual([1, 0]);
        expect(String(write.mock.calls[0]?.[0])).toContain("Ctrl-C again to quit at once");
        process.emit("SIGINT");
        expect(exit).toHaveBeenCalledWith(130);
      });
      expect(process.listenerCount("SIGINT")).toBe(0);
    } finally {
      exit.mockRestore();
      write.mockRestore();
      for (const listener of others) process.on("SIGINT", listener);
    }
  });

  it("the document crosses back whole: --json as before", async () => {
    const r = await execa("node", ["bin/interleave.js", "check", "abd", "--variant", "reader-no-writeback", "--json"], { reject: false });
    expect(r.exitCode).toBe(1);
    const linearizable = JSON.parse(r.stdout).properties.find((p: { name: string }) => p.name === "linearizable");
    expect(linearizable.holds).toBe(false);
    expect(linearizable.trace.steps.length).toBeGreaterThan(2);
  });

  it("a UsageError in the search thread is one line, exit 2", async () => {
    const r = await execa("node", ["bin/interleave.js", "check", "abd", "--set", "colour=red"], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(['interleave: unknown key "colour" for abd; keys: servers, clients, ops, crashes, network']);
  });

  it("any other error in the search thread is a one-line internal error, exit 4", async () => {
    const r = await execa("node", ["bin/interleave.js", "check", "test/cli/fixtures/throws/model.ts"], { reject: false });
    expect(r.exitCode).toBe(4);
    expect(r.stderr.trim().split("\n")).toEqual(["interleave: internal error: in the search thread: TypeError: no view here"]);
  });

  it("progress reports reach the main thread while the search runs", async () => {
    const reports: Progress[] = [];
    const job = { kind: "one", where: { specs: undefined, examples: true }, name: "abd", variant: "main", set: ["servers=5", "crashes=0"] } as const;
    const search = { maxStates: 45_000, strategy: "bfs", continue: false, fairness: {} } as const;
    const { runs, interrupted } = await searchOffThread({ ...job, search }, (p) => reports.push(p));
    expect(interrupted).toBe(false);
    expect(runs[0]!.document.distinctStates).toBe(45_000);
    expect(runs[0]!.exitCode).toBe(3);
    expect(reports.map((p) => p.distinctStates)).toEqual([20_000, 40_000]);
  });
});
