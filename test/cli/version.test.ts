import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { packageVersion } from "../../checker/commands/version.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "interleave-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { version } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string };

describe("the version", () => {
  it("is that of the first package.json named interleave above the module", () => {
    const root = join(work, "walk");
    mkdirSync(join(root, "nested", "dist", "checker"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "interleave", version: "9.8.7" }));
    writeFileSync(join(root, "nested", "package.json"), JSON.stringify({ name: "someone-else", version: "1.0.0" }));
    expect(packageVersion(pathToFileURL(join(root, "nested", "dist", "checker", "cli.js")))).toBe("9.8.7");
    expect(packageVersion()).toBe(version);
  });

  it("compiled to dist/, the CLI finds its version and runs its search thread", async () => {
    const pkg = join(work, "pkg");
    mkdirSync(pkg, { recursive: true });
    cpSync(join(repo, "package.json"), join(pkg, "package.json"));
    cpSync(join(repo, "bin"), join(pkg, "bin"), { recursive: true });
    symlinkSync(join(repo, "node_modules"), join(pkg, "node_modules"));
    symlinkSync(join(repo, "specs"), join(pkg, "specs"));
    // Type errors elsewhere in a work in progress do not stop tsc from emitting.
    await execa("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", join(pkg, "dist")], { cwd: repo, reject: false });
    expect(existsSync(join(pkg, "dist", "checker", "commands", "search-worker.js"))).toBe(true);
    const cli = (...args: string[]) => execa("node", [join(pkg, "bin", "interleave.js"), ...args], { cwd: work, reject: false });
    expect((await cli("--version")).stdout).toBe(version);
    const r = await cli("check", "abd", "--examples", "--set", "servers=2", "--set", "crashes=0", "--set", "ops=w1,r", "--json");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tool: "interleave", spec: "abd", complete: true });
    const bad = await cli("check", "abd", "--examples", "--set", "colour=red");
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, 'interleave: unknown key "colour" for abd; keys: servers, clients, ops, crashes, network']);
  });
});
