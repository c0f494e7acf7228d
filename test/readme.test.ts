/**
 * The README's guide "Check your own protocol" cannot rot: each code block marked `<!-- scaffold: FILE -->` is
 * exactly what `interleave new my-lock` writes, and each block marked `<!-- output: ARGS -->` is part of what the
 * CLI prints for those arguments on the scaffolded spec.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { scaffold } from "../checker/scaffold.ts";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const bin = fileURLToPath(new URL("../bin/interleave.js", import.meta.url));
const blocks = (marker: string) =>
  [...readme.matchAll(new RegExp(`<!-- ${marker}: (.+?) -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => [m[1]!, m[2]!] as const);

const project = mkdtempSync(join(tmpdir(), "interleave-readme-"));
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "guide", type: "module" }));
scaffold({ name: "my-lock", dir: project });
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the README's guide", () => {
  it("shows the scaffold and the CLI's output", () => {
    expect(blocks("scaffold").map(([file]) => file)).toEqual(["src/protocols/my-lock/index.ts", "specs/my-lock/model.ts", "test/my-lock.test.ts"]);
    expect(blocks("output")).toHaveLength(1);
  });

  it.each(blocks("scaffold"))("%s is the file interleave new writes", (file, shown) => {
    expect(shown).toBe(readFileSync(join(project, file), "utf8"));
  });

  it.each(blocks("output"))("interleave %s prints what the guide shows", async (args, shown) => {
    const r = await execa("node", [bin, ...args.split(" "), "--specs", join(project, "specs")], { reject: false });
    expect(r.stdout).toContain(shown.trimEnd());
  });
});
