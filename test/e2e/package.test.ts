/**
 * The package as a user gets it: `npm pack` this project, install the tarball into a fresh npm project,
 * scaffold a protocol there with `interleave new`, check it from the project's npm script and through the API
 * in its own vitest run, write the README's timed lock (timers, drifting clocks) there and check it, and type-check
 * the project with the tsconfig `tsc --init` writes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "interleave-e2e-"));
const project = join(work, "project");

/** The environment without this vitest run's own variables, so the project's vitest starts afresh. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_ENV" && k !== "TEST"));
const run = (command: string, args: readonly string[]) => execa(command, args, { cwd: project, env, extendEnv: false, reject: false });

beforeAll(async () => {
  const packed = await execa("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: repo, env, extendEnv: false });
  const tarball = join(work, packed.stdout.trim().split("\n").at(-1)!);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "user-project", private: true, type: "module", scripts: { check: "interleave check my-lock" } }, null, 2),
  );
  const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, "vitest@3.2.4", "typescript@5.9.3"]);
  expect(install.exitCode, install.stderr).toBe(0);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed package in a fresh project", () => {
  it("ships compiled JavaScript and types, and no tests, bench or fixtures", () => {
    const installed = join(project, "node_modules", "interleave");
    const top = readdirSync(installed).sort();
    expect(top).toEqual(expect.arrayContaining(["bin", "dist", "package.json", "specs", "src", "templates"]));
    expect(top).not.toContain("test");
    expect(top).not.toContain("bench");
    expect(top).not.toContain("checker");
    expect(readdirSync(join(installed, "dist", "checker"))).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "vitest.js", "cli.js"]));
  });

  it("interleave new scaffolds a protocol; the npm script checks it (holds), its wrong variant fails with a trace", async () => {
    const created = await run("npx", ["interleave", "new", "my-lock"]);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stdout).toContain("specs/my-lock/model.ts");
    const holds = await run("npm", ["run", "--silent", "check"]);
    expect(holds.exitCode, holds.stdout + holds.stderr).toBe(0);
    expect(holds.stdout).toMatch(/mutual-exclusion\s+always\s+✓ holds/);
    const fails = await run("npx", ["interleave", "check", "my-lock", "--variant", "grant-without-check", "--json"]);
    expect(fails.exitCode).toBe(1);
    const violated = JSON.parse(fails.stdout).properties.find((p: { name: string }) => p.name === "mutual-exclusion");
    expect(violated.holds).toBe(false);
    expect(violated.trace.steps.length).toBeGreaterThan(3);
    const listed = await run("npx", ["interleave", "list"]);
    expect(listed.stdout).toContain("my-lock: a lock server granting one client at a time");
  });

  it("the scaffolded vitest test passes through the public API", async () => {
    const tested = await run("npx", ["vitest", "run"]);
    expect(tested.exitCode, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/3 passed/);
  });

  it("a protocol with timers and drifting clocks, the README's timed lock, written in the project: holds; its variant fails", async () => {
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    const examples = [...readme.matchAll(/<!-- example: (.+?) -->\n```\w*\n([\s\S]*?)```/g)];
    expect(examples).toHaveLength(2);
    for (const [, file, text] of examples) {
      mkdirSync(dirname(join(project, file!)), { recursive: true });
      writeFileSync(join(project, file!), text!);
    }
    const holds = await run("npx", ["interleave", "check", "timed-lock"]);
    expect(holds.exitCode, holds.stdout + holds.stderr).toBe(0);
    const fails = await run("npx", ["interleave", "check", "timed-lock", "--variant", "lease-from-grant"]);
    expect(fails.exitCode, fails.stderr).toBe(1);
    expect(fails.stdout).toMatch(/time passes \(server \+3, c1 \+2\)/);
  });

  it("the project type-checks with the tsconfig tsc --init writes", async () => {
    const init = await run("npx", ["tsc", "--init"]);
    expect(init.exitCode, init.stdout).toBe(0);
    const typed = await run("npx", ["tsc", "--noEmit"]);
    expect(typed.exitCode, typed.stdout + typed.stderr).toBe(0);
  });

  it("the bundled protocols are reachable as examples", async () => {
    const abd = await run("npx", [
      "interleave",
      "check",
      "abd",
      "--examples",
      "--set",
      "servers=1",
      "--set",
      "clients=1",
      "--set",
      "ops=w1r",
      "--set",
      "crashes=0",
    ]);
    expect(abd.exitCode, abd.stderr).toBe(0);
    expect(abd.stdout).toMatch(/linearizable\s+linearizable\s+✓ holds/);
  });
});
