import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SpecError, UsageError, isUsageError } from "./errors.ts";
import { validateSpec, type Spec } from "./spec.ts";

/** A spec as loaded from disk: the spec, its model file and the folder holding it (and its TLA+ module, baselines). */
export type LoadedSpec = Spec & { readonly file: string; readonly dir: string };

/** The file names a spec's model may have, in the order they are looked for. */
const modelFiles = ["model.ts", "model.mts", "model.js", "model.mjs"];

/** The specs bundled with Interleave, as examples: this package's own specs/ folder. */
export const examplesDir = fileURLToPath(new URL(existsSync(new URL("../specs/", import.meta.url)) ? "../specs/" : "../../specs/", import.meta.url));

/**
 * The folder of specs to use: `--specs DIR` when given, else `specs/` beside the nearest package.json at or
 * above `cwd`. A UsageError when there is none.
 */
export function specsDir(options: { readonly specs?: string | undefined; readonly cwd?: string } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  if (options.specs !== undefined) {
    const dir = resolve(cwd, options.specs);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--specs ${options.specs}: no such folder`);
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return join(dir, "specs");
    if (dirname(dir) === dir) throw new UsageError(`no package.json at or above ${cwd}: run inside your project, or give --specs DIR`);
  }
}

/** The model file of the spec in `folder`, if it has one. */
const modelFileIn = (folder: string): string | undefined => modelFiles.map((f) => join(folder, f)).find((f) => existsSync(f));

/** Names of the specs in `root`: its sub-folders (or symlinks to folders) that hold a model file, sorted. */
export function specNames(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name), { throwIfNoEntry: false })?.isDirectory() && modelFileIn(join(root, name)) !== undefined)
    .sort();
}

/** True when the argument names a model file rather than a spec (a path ending in .ts/.mts/.js/.mjs). */
export const isModelPath = (arg: string): boolean => /\.(m?ts|m?js)$/.test(arg);

/** True when the argument names a TypeScript file. */
const isTypeScript = (file: string): boolean => /\.m?ts$/.test(file);

let typeScriptLoader: Promise<void> | undefined;

/**
 * Makes this thread able to import TypeScript. Run from its sources, the checker is itself TypeScript, so a loader
 * (tsx, vitest) is already there; compiled, it registers tsx here, once per thread, at the first TypeScript spec.
 */
const loadTypeScript = (): Promise<void> =>
  import.meta.url.endsWith(".ts") ? Promise.resolve() : (typeScriptLoader ??= import("tsx/esm/api").then(({ register }) => void register()));

/**
 * Loads a spec by name from `root`, or from a model file's path, and validates it. An unknown name is a
 * UsageError listing the known ones; a module that fails to load or is not a spec is a SpecError, in one line.
 */
export async function loadSpec(nameOrPath: string, root: string): Promise<LoadedSpec> {
  let file: string;
  if (isModelPath(nameOrPath)) {
    file = resolve(nameOrPath);
    if (!existsSync(file)) throw new UsageError(`no such model file: ${nameOrPath}`);
  } else {
    const names = specNames(root);
    const found = names.includes(nameOrPath) ? modelFileIn(join(root, nameOrPath)) : undefined;
    if (found === undefined)
      throw new UsageError(`unknown spec "${nameOrPath}" in ${shown(root)}; specs: ${names.join(", ") || "none (interleave new <name> writes one)"}`);
    file = found;
  }
  const label = shown(file);
  if (isTypeScript(file)) await loadTypeScript();
  const module = (await import(pathToFileURL(file).href).catch((error: unknown) => {
    if (isUsageError(error)) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(basename(dirname(file)), `${label} failed to load: ${reason}`);
  })) as { default?: Spec };
  const spec = module.default;
  if (!spec || typeof spec !== "object")
    throw new SpecError(basename(dirname(file)), `${label} must export default defineSpec({ name, summary, keys, variants, build })`);
  validateSpec(spec);
  return { ...spec, file, dir: dirname(file) };
}

/** Every spec in `root`, loaded and validated. */
export async function loadSpecs(root: string): Promise<LoadedSpec[]> {
  const specs: LoadedSpec[] = [];
  for (const name of specNames(root)) specs.push(await loadSpec(name, root));
  return specs;
}

/** A path as a person reads it: relative to the working folder when inside it. */
const shown = (path: string): string => {
  const r = relative(process.cwd(), path);
  return r === "" ? "." : r.startsWith("..") ? path : r;
};
