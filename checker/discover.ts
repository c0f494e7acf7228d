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

/** Loads `specs/<name>/model.ts`; an unknown name is a UsageError listing the known ones. */
export async function loadSpec(name: string): Promise<Spec> {
  const names = specNames();
  if (!names.includes(name)) throw new UsageError(`unknown spec "${name}"; specs: ${names.join(", ")}`);
  const module = (await import(pathToFileURL(join(specsRoot, name, "model.ts")).href)) as { default?: Spec };
  const spec = module.default;
  if (!spec || typeof spec.build !== "function" || spec.name !== name) throw new Error(`specs/${name}/model.ts must export default defineSpec({ name: "${name}", ... })`);
  return spec;
}
