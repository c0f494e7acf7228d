import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../checker/discover.ts";
import { runSpec } from "../../checker/run.ts";
import { counterexamplesOf } from "../../checker/trace-files/counterexample.ts";
import { itfText } from "../../checker/trace-files/itf.ts";
import { cliBatch } from "../helpers/cli.ts";

const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "interleave-explore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const other = join(dir, "other.itf.json");
writeFileSync(other, JSON.stringify({ vars: ["x"], states: [{ x: 1 }] }));

const usageErrors: [string[], RegExp][] = [
  [["explore"], /^interleave: explore needs a spec name/],
  [["explore", "two-phase-commit", "--port", "0"], /^interleave: --port takes a port from 1 to 65535/],
  [["explore", "two-phase-commit", "--set", "rms=99"], /^interleave: bad value for rms/],
  [["explore", "two-phase-commit", "--trace", "/nonexistent.itf.json"], /^interleave: --trace \/nonexistent\.itf\.json: no such file/],
  [["explore", "two-phase-commit", "--max-states", "5"], /^interleave: explore does not take --max-states/],
  [
    ["explore", "two-phase-commit", "--trace", other],
    new RegExp(
      String.raw`other\.itf\.json does not walk on two-phase-commit \(main\) rms=3 crashes=0: ` +
        String.raw`state 1 of the trace is none of the model's 1 initial state.*\(the file is a trace of other, in TLA\+ variables\)`,
    ),
  ],
];
/** The usage errors' command lines and the help, run in one process. */
const batched = cliBatch([...usageErrors.map(([args]) => args), ["explore", "--help"]]);

describe("interleave explore", () => {
  it("serves on a free port of 127.0.0.1, prints the URL, shows a --trace file first, and stops on Ctrl-C with exit 0", async () => {
    const variant = "commit-without-all-votes";
    const spec = await loadSpec("two-phase-commit", fileURLToPath(new URL("../../specs/", import.meta.url)));
    const [counterexample] = counterexamplesOf(runSpec(spec, { variant, set: ["rms=2"] }).document);
    const file = join(dir, "saved.itf.json");
    writeFileSync(file, itfText(counterexample!));
    const child = execa("node", [bin, "explore", "two-phase-commit", "--variant", variant, "--set", "rms=2", "--trace", file], { reject: false });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", () => reject(new Error(`exited before serving: ${out}`)));
    });
    const model = (await (await fetch(`${url}api/model`)).json()) as { spec: string; config: Record<string, number>; trace: any };
    expect(model).toMatchObject({ spec: "two-phase-commit", config: { rms: 2 } });
    expect(model.trace).toMatchObject({ source: "saved.itf.json", property: counterexample!.property.name });
    expect(model.trace.steps.map((s: { label: string }) => s.label)).toEqual(counterexample!.property.trace.steps.map((s) => s.label));
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("interleave explore: stopped");
  });

  it("explore --help says how it exits", async () => {
    const r = await batched(["explore", "--help"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("usage: interleave explore <spec|model file> [--variant V] [--set key=value]... [--port N] [--trace FILE.itf.json]");
    expect(r.stdout).toContain("exit codes: 0 stopped by Ctrl-C");
  });

  it.each(usageErrors)("%j: one line, exit 2", async (args, line) => {
    const r = await batched(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
