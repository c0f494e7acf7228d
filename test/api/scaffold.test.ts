import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { scaffold } from "../../checker/scaffold.ts";

const made: string[] = [];
const project = (manifest: object) => {
  const dir = mkdtempSync(join(tmpdir(), "interleave-scaffold-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  made.push(dir);
  return dir;
};
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("interleave new", () => {
  it("writes the protocol, the spec, its TLA+ module and a test, with the names filled in", () => {
    const dir = project({ type: "module" });
    const { files } = scaffold({ name: "fair-queue", dir });
    expect(files).toEqual([
      "src/protocols/fair-queue/index.ts",
      "specs/fair-queue/model.ts",
      "specs/fair-queue/FairQueue.tla",
      "test/fair-queue.test.ts",
    ]);
    const model = readFileSync(join(dir, "specs/fair-queue/model.ts"), "utf8");
    expect(model).toContain('import { fairQueueRoles, type ClientState } from "../../src/protocols/fair-queue/index.js"');
    expect(model).toContain('tlaModule: "FairQueue"');
    expect(readFileSync(join(dir, "specs/fair-queue/FairQueue.tla"), "utf8")).toMatch(/^-+ MODULE FairQueue -+$/m);
    expect(files.map((f) => readFileSync(join(dir, f), "utf8")).join("")).not.toMatch(/__\w+__/);
  });

  it("writes .mts files, importing .mjs, when the project is not an ES module package", () => {
    const dir = project({ type: "commonjs" });
    const { files } = scaffold({ name: "lock", dir });
    expect(files).toContain("specs/lock/model.mts");
    expect(readFileSync(join(dir, "test/lock.test.mts"), "utf8")).toContain('from "../specs/lock/model.mjs"');
  });

  it("refuses names that are not spec names, and files that exist unless forced", () => {
    const dir = project({ type: "module" });
    for (const name of ["MyLock", "my_lock", "-lock", "lock-", "1lock", ""]) expect(() => scaffold({ name, dir })).toThrow(UsageError);
    scaffold({ name: "lock", dir });
    writeFileSync(join(dir, "specs/lock/model.ts"), "// mine");
    expect(() => scaffold({ name: "lock", dir })).toThrow(/already exist.*--force/);
    expect(readFileSync(join(dir, "specs/lock/model.ts"), "utf8")).toBe("// mine");
    scaffold({ name: "lock", dir, force: true });
    expect(readFileSync(join(dir, "specs/lock/model.ts"), "utf8")).toContain("defineSpec");
    expect(existsSync(join(dir, "test/lock.test.ts"))).toBe(true);
  });
});
