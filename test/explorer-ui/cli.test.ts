import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
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
    /other\.itf\.json does not walk on two-phase-commit \(main\) rms=3 crashes=0: state 1 of the trace is none of the model's 1 initial state.*\(the file is a trace of other, in TLA\+ variables\)/,
  ],
];
/** The usage errors' command lines, run in one process. */
const batched = cliBatch(usageErrors.map(([args]) => args));

describe("interleave explore", () => {
  it("serves on a free port of 127.0.0.1, prints the URL, and stops on Ctrl-C with exit 0", async () => {
    const child = execa("node", [bin, "explore", "two-phase-commit", "--set", "rms=2"], { reject: false });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", () => reject(new Error(`exited before serving: ${out}`)));
    });
    const model = (await (await fetch(`${url}api/model`)).json()) as { spec: string; config: Record<string, number> };
    expect(model).toMatchObject({ spec: "two-phase-commit", config: { rms: 2 } });
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("interleave explore: stopped");
  });

  it.each(usageErrors)("%j: one line, exit 2", async (args, line) => {
    const r = await batched(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
