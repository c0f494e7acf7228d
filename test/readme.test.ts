/**
 * The README's guide "Check your own protocol" cannot rot: each code block marked `<!-- scaffold: FILE -->` is
 * exactly what `interleave new my-lock` writes, and each block marked `<!-- output: ARGS -->` is part of what the
 * CLI prints for those arguments on the scaffolded spec. The blocks marked `<!-- example: FILE -->` (a timed lock)
 * are written into the same project and checked, with the verdicts and the counterexample the README describes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

describe("the README's timed lock", () => {
  const examples = blocks("example");
  for (const [file, text] of examples) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  const check = (...args: string[]) => execa("node", [bin, "check", "timed-lock", ...args, "--specs", join(project, "specs")], { reject: false });

  it("is a protocol and a spec", () => {
    expect(examples.map(([file]) => file)).toEqual(["src/protocols/timed-lock/index.ts", "specs/timed-lock/model.ts"]);
  });

  it("holds, and the lease counted from the grant fails in 11 states through a fast server clock", async () => {
    const main = await check();
    expect(main.exitCode, main.stderr).toBe(0);
    const wrong = await check("--variant", "lease-from-grant");
    expect(wrong.exitCode, wrong.stderr).toBe(1);
    expect(wrong.stdout).toContain("Counterexample to one-holder (11 states)");
    expect(wrong.stdout).toContain("time passes (server +3, c1 +2)");
    expect(readme).toContain("`--variant lease-from-grant` fails `one-holder` in 11 states");
  });
});
