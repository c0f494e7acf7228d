import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandTable } from "../../checker/commands/table.ts";
import { cli, cliBatch } from "../helpers/cli.ts";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const commandHelps: [string[], string[]][] = [
  [
    ["check", "--help"],
    ["usage: interleave check --all", "usage: interleave check <spec|model file> [--variant V] [--set key=value]...", "--json"],
  ],
  [["check", "abd", "--set", "servers=3", "--help"], ["usage: interleave check <spec|model file>"]],
  [["help", "check"], ["usage: interleave check <spec|model file>"]],
  [["list", "--help"], ["usage: interleave list [--json] [--specs DIR] [--examples]"]],
  [
    ["tlc", "--help"],
    ["usage: interleave tlc --module Path.tla [--config Path.cfg]", "usage: interleave tlc <spec> [--variant V]"],
  ],
  [["crosscheck", "-h"], ["usage: interleave crosscheck <spec> [--variant V]"]],
  [["baselines", "--help"], ["usage: interleave baselines [<spec>...] [--markdown] [--json]"]],
  [["new", "--help"], ["usage: interleave new <name> [--dir DIR] [--force]"]],
  [["tlc:install", "--help"], ["usage: interleave tlc:install\n"]],
];
const unknown = [
  ["help", "launch"],
  ["launch", "--help"],
];

/** The command lines of this file but the bare command and --version (each in a process of its own), run in one process. */
const batched = cliBatch([["--help"], ["-h"], ["help"], ...commandHelps.map(([args]) => args), ...unknown]);

describe("usage, help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("interleave %s prints the overall usage on stdout, exit 0", async (...args) => {
    const r = await batched(args);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^usage: interleave <command>/);
    for (const command of Object.keys(commandTable)) expect(r.stdout).toContain(`\n  ${command}`);
    expect(r.stdout).toContain("new <name>");
  });

  it("a bare interleave prints the usage on stderr, exit 2", async () => {
    const r = await cli();
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^usage: interleave <command>/);
  });

  it("interleave --version prints the version of package.json", async () => {
    const r = await cli("--version");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(version);
  });

  it.each(commandHelps)("interleave %j prints that command's usage, exit 0", async (args, mentions) => {
    const r = await batched(args);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    for (const m of mentions) expect(r.stdout).toContain(m);
    expect(r.stdout).not.toContain("commands:");
  });

  it("a command's help lists only the options it takes", async () => {
    const r = await batched(["list", "--help"]);
    expect(r.stdout).not.toContain("--set");
    expect(r.stdout).not.toContain("--workers");
  });

  it.each(unknown.map((args) => [args]))("%j is an unknown command, exit 2", async (args) => {
    const r = await batched(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain('unknown command "launch"');
  });
});
