import { execa } from "execa";
import { describe, expect, it } from "vitest";
import type { ResultDocument } from "../../checker/report.ts";

const cli = (...args: string[]) => execa("node", ["bin/interleave.js", ...args], { reject: false });
const json = (stdout: string) => JSON.parse(stdout) as ResultDocument;

describe("interleave check --simulate", () => {
  it("finds ABD reader-no-writeback's bug (exit 1); the same seed prints the same document", async () => {
    const args = ["check", "abd", "--variant", "reader-no-writeback", "--simulate", "--seed", "3", "--json"];
    const [first, second] = await Promise.all([cli(...args), cli(...args)]);
    expect(first.exitCode, first.stderr).toBe(1);
    const a = json(first.stdout);
    expect(a).toMatchObject({ complete: false, stopReason: "violation", simulation: { seed: 3, maxDepth: 100, tracesAsked: 10_000 } });
    expect(a.properties.find((p) => p.name === "linearizable")).toMatchObject({ holds: false });
    expect(a.properties.find((p) => p.name === "terminates")).toMatchObject({ holds: null, note: expect.stringContaining("not checked") });
    expect(json(second.stdout).properties).toEqual(a.properties);
  });

  it("without a violation exits 3, printing the seed it drew", async () => {
    const r = await cli("check", "lamport-clocks", "--simulate", "--traces", "20", "--depth", "5");
    expect(r.exitCode, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/simulation: 20 of 20 traces, walks of up to 5 states, seed \d+ \(--seed \d+ repeats it\)/);
    expect(r.stdout).toContain("a simulation proves nothing");
  });

  it.each([
    [["check", "abd", "--seed", "1"], "check does not take --seed"],
    [["check", "abd", "--simulate", "--max-states", "5"], "check --simulate does not take --max-states"],
    [["check", "abd", "--simulate", "--seed", "4294967296"], "--seed takes an integer from 0 to 4294967295"],
    [["check", "abd", "--simulate", "--traces", "0"], "--traces takes a positive integer"],
    [["check", "abd", "--memory", "lots"], "--memory takes a size such as 512m or 4g"],
    [["check", "abd", "--memory", "900t"], "more than this process's heap limit"],
  ])("%j → exit 2 with one line", async (args, mention) => {
    const r = await cli(...args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(mention);
  });
});

describe("interleave check --memory", () => {
  it("a tiny bound on a large model stops with exit 3 and partial counts, no crash", async () => {
    const r = await cli("check", "abd", "--set", "servers=5", "--set", "clients=3", "--set", "ops=w1,w2,rr", "--memory", "1m", "--json");
    expect(r.exitCode, r.stderr).toBe(3);
    const document = json(r.stdout);
    expect(document).toMatchObject({ complete: false, stopReason: "memory", memory: { limitBytes: 2 ** 20 } });
    expect(document.distinctStates).toBeGreaterThan(0);
    expect(document.properties.every((p) => p.holds !== false)).toBe(true);
    const text = await cli("check", "abd", "--memory", "1m");
    expect(text.exitCode).toBe(3);
    expect(text.stdout).toContain("search STOPPED: the heap in use reached the memory bound (1 MiB), --memory");
    expect(text.stdout).toMatch(/bytes\/state\)/);
  });
});
