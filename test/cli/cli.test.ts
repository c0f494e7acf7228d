import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliBatch } from "../helpers/cli.ts";

const newDir = mkdtempSync(join(tmpdir(), "interleave-new-"));
afterAll(() => rmSync(newDir, { recursive: true, force: true }));

const badInputs: [string[], string][] = [
  [["new"], "new takes <name>, got none"],
  [["new", "a", "b"], 'new takes <name>, got "a" "b"'],
  [["check", "nope"], 'unknown spec "nope"'],
  [["check", "abd", "--variant", "bogus"], 'unknown variant "bogus"'],
  [["check", "abd", "--set", "colour=red"], 'unknown key "colour"'],
  [["check", "abd", "--set", "servers=many"], "servers accepts an integer"],
  [["check", "abd", "--set", "servers=0"], "servers accepts an integer"],
  [["check", "abd", "--set", "network=carrier-pigeon"], "network accepts one of"],
  [["check", "abd", "--set", "ops=x"], "ops accepts"],
  [["check", "abd", "--set", "clients=3"], "ops gives 2 client script(s) but clients=3"],
  [["check", "abd", "--set", "servers"], "--set takes key=value"],
  [["check", "abd", "--max-states", "-4"], "--max-states"],
  [["check", "abd", "--frobnicate"], "frobnicate"],
  [["check"], "check needs a spec name"],
  [["launch"], 'unknown command "launch"'],
  [["tlc"], "tlc needs a spec name or --module"],
  [["tlc", "--module", "nowhere.tla"], "--module takes an existing .tla file"],
  [["tlc", "abd", "--set", "network=fifo"], "has no TLA+ twin"],
  [["crosscheck", "paxos", "--fairness", "deliver=strong"], "the TLA+ twins state weak fairness"],
  [["check", "paxos", "--fairness", "deliver=sometimes"], "--fairness takes kind=level"],
  [["check", "paxos", "--variant", "dueling-proposers", "--set", "learners=1"], "set learners=0 and crashes=0"],
  [["tlc", "--module", "test/tlc/fixtures/MC.tla", "--workers", "0"], "--workers takes a positive integer"],
];

/** This file's command lines but those that need a process of their own, run in one process. */
const batched = cliBatch([
  ["list", "--json"],
  ["check", "abd", "--max-states", "50", "--json"],
  ["new", "my-lock", "--dir", newDir],
  ...badInputs.map(([args]) => args),
]);

/** A usage error: exit 2, exactly one line on stderr, no stack trace. */
async function expectUsageError(args: string[], mentions: string) {
  const r = await batched(args);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain(mentions);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("interleave CLI", () => {
  it("lists specs with variants and keys", async () => {
    const r = await batched(["list", "--json"]);
    expect(r.exitCode).toBe(0);
    const abd = JSON.parse(r.stdout).find((s: { name: string }) => s.name === "abd");
    expect(abd.variants.map((v: { name: string }) => v.name)).toEqual(["main", "reader-no-writeback", "writer-no-query", "two-crashes"]);
    expect(abd.keys.map((k: { name: string }) => k.name)).toEqual(["servers", "clients", "ops", "crashes", "network"]);
  });

  it("check --json prints only the result document; exit 0 when everything holds", async () => {
    const r = await cli("check", "abd", "--set", "clients=1", "--set", "ops=w1r", "--set", "crashes=0", "--json");
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ tool: "interleave", spec: "abd", variant: "main", complete: true });
    expect(doc.config).toMatchObject({ servers: 3, crashes: 0, network: "unordered" });
    expect(doc.properties.every((p: { holds: boolean }) => p.holds)).toBe(true);
  });

  it("exit 1 and a readable counterexample for a violated property", async () => {
    const r = await cli("check", "abd", "--variant", "reader-no-writeback");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("linearizable");
    expect(r.stdout).toContain("VIOLATED");
    expect(r.stdout).toMatch(/Counterexample to linearizable \(\d+ states\)/);
    expect(r.stdout).toMatch(/2\. c\d invokes/);
  });

  it("exit 3 with partial counts when stopped at --max-states", async () => {
    const r = await batched(["check", "abd", "--max-states", "50", "--json"]);
    expect(r.exitCode).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.complete).toBe(false);
    expect(doc.distinctStates).toBe(50);
  });

  it("interleave new <name> is wired to the new command", async () => {
    const r = await batched(["new", "my-lock", "--dir", newDir]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(newDir, "specs", "my-lock", "model.ts"))).toBe(true);
  });

  it("a usage error from a process of its own: exit 2 with one line", async () => {
    const r = await cli("check", "abd", "--frobnicate");
    expect([r.exitCode, r.stderr.trim().split("\n")]).toEqual([2, [expect.stringContaining("check does not take --frobnicate")]]);
  });

  it.each(badInputs)("bad input %j → exit 2 with one line", async (args, mentions) => {
    await expectUsageError(args, mentions);
  });
});
