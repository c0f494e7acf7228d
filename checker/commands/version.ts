import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version of Interleave: that of the first package.json named "interleave" at or above `from` (this module,
 * whether it runs from the sources or from dist/).
 */
export function packageVersion(from: string | URL = import.meta.url): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === "interleave" && typeof manifest.version === "string") return manifest.version;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of interleave at or above ${fileURLToPath(from)}`);
  }
}
