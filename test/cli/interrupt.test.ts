import { existsSync, readFileSync } from "node:fs";
import { execa } from "execa";
import { describe, expect, it, vi } from "vitest";
import { withStopFlag } from "../../checker/commands/interrupt.ts";
import { searchOffThread } from "../../checker/commands/search-thread.ts";
import type { Progress } from "../../checker/explore/result.ts";

const big = ["bin/interleave.js", "check", "abd", "--set", "servers=5", "--set", "crashes=0"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CPU seconds process `pid` has used, all its threads (Linux's /proc; clock ticks of 1/100 s); Infinity once it is gone. */
function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return Infinity;
  }
  const fields = stat.split(")").at(-1)!.trim().split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, fields 14 and 15 of stat
}

/**
 * Resolves once process `pid` has used `seconds` of CPU: on a loaded machine the child starts slowly, so what says
 * that it is searching is the work it has done, not the time since it started. Without /proc, after `seconds` of wall time.
 */
async function afterCpu(pid: number, seconds: number) {
  if (!existsSync("/proc/self/stat")) return sleep(seconds * 1000);
  while (cpuSeconds(pid) < seconds) await sleep(100);
}
const distinct = (report: string) => Number(/([\d,]+) distinct states/.exec(report)![1]!.replaceAll(",", ""));

describe("the search runs in a worker thread", () => {
  it("Ctrl-C stops the search and prints the partial figures, exit 3", async () => {
    const child = execa("node", big, { reject: false });
    await afterCpu(child.pid!, 6); // started (two or three CPU seconds, the search thread's included) and searching for a while
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
