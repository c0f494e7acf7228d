import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { examplesDir, loadSpec, specNames, specsDir } from "../../checker/discover.ts";
import { SpecError, UsageError } from "../../checker/errors.ts";
import { scaffold } from "../../checker/scaffold.ts";

const project = mkdtempSync(join(tmpdir(), "interleave-discover-"));
writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
scaffold({ name: "my-lock", dir: project });
mkdirSync(join(project, "elsewhere", "broken"), { recursive: true });
writeFileSync(join(project, "elsewhere", "broken", "model.ts"), "export default 42;\n");
symlinkSync(join(project, "specs", "my-lock"), join(project, "elsewhere", "linked"));
mkdirSync(join(project, "src", "deep"), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("finding specs in the user's project", () => {
  it("uses specs/ beside the nearest package.json, from any folder inside the project", () => {
    expect(specsDir({ cwd: join(project, "src", "deep") })).toBe(join(project, "specs"));
    expect(specNames(join(project, "specs"))).toEqual(["my-lock"]);
  });

  it("--specs DIR points elsewhere, and a symlinked spec folder counts", () => {
    expect(specNames(specsDir({ specs: "elsewhere", cwd: project }))).toEqual(["broken", "linked"]);
    expect(() => specsDir({ specs: "nowhere", cwd: project })).toThrow(/--specs nowhere: no such folder/);
  });

  it("loads a spec by name or by the path of its model file, with its folder", async () => {
    const byName = await loadSpec("my-lock", join(project, "specs"));
    const byPath = await loadSpec(join(project, "elsewhere", "linked", "model.ts"), join(project, "specs"));
    expect(byName.name).toBe("my-lock");
    expect(byPath.name).toBe("my-lock");
    expect(byName.dir).toBe(join(project, "specs", "my-lock"));
  });

  it("an unknown name lists the known ones; a file that is not a spec is a SpecError", async () => {
    await expect(loadSpec("no-such", join(project, "specs"))).rejects.toThrow(/unknown spec "no-such" in .*; specs: my-lock/);
    await expect(loadSpec("broken", join(project, "elsewhere"))).rejects.toThrow(SpecError);
    await expect(loadSpec("no-such", join(project, "specs"))).rejects.toThrow(UsageError);
  });

  it("the bundled protocols stay reachable as examples", () => {
    expect(specNames(examplesDir)).toEqual([
      "abd",
      "alf-lease",
      "chain-replication",
      "kinesis-shards",
      "lamport-clocks",
      "paxos",
      "swf-log",
      "timestamp-register",
      "two-phase-commit",
      "write-ahead-log",
      "write-once-chain",
    ]);
  });
});
