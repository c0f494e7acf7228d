import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { UsageError } from "./errors.ts";
import type { Spec } from "./spec.ts";

/** The folder holding one sub-folder per spec. */
export const specsRoot = fileURLToPath(new URL("../specs/", import.meta.url));

/** Names of the specs: the sub-folders of specs/ that have a model.ts, sorted. */
export function specNames(): string[] {
  return readdirSync(specsRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(specsRoot, d.name, "model.ts")))
    .map((d) => d.name)
    .sort();
}

/**
 * Loads `specs/<name>/model.ts`. An unknown name is a UsageError listing the known ones; a module that
 * fails to load or does not export a spec is a UsageError saying why, in one line.
 */
export async function loadSpec(name: string): Promise<Spec> {
  const names = specNames();
  if (!names.includes(name)) throw new UsageError(`unknown spec "${name}"; specs: ${names.join(", ")}`);
  const file = `specs/${name}/model.ts`;
  const module = (await import(pathToFileURL(join(specsRoot, name, "model.ts")).href).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${file} failed to load: ${reason}`);
  })) as { default?: Spec };
  const spec = module.default;
  if (!spec || typeof spec.build !== "function" || spec.name !== name) throw new UsageError(`${file} must export default defineSpec({ name: "${name}", ... })`);
  return spec;
}
