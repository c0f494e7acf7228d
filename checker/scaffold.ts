import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "./errors.ts";

/** What `interleave new` writes: a tiny working protocol, its spec, its TLA+ twin and a vitest test. */
export interface Scaffold {
  /** The project folder the files went into. */
  readonly root: string;
  /** The files written, relative to `root`. */
  readonly files: readonly string[];
}

/** A spec name: lower-case words joined by hyphens, e.g. "my-lock". */
const specName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The folder of templates shipped with the package (found from this module, compiled or not). */
function templatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "templates", "protocol"))) return join(dir, "templates", "protocol");
  }
  throw new Error("internal: the package's templates/protocol folder is missing");
}

/** True when the project's package.json says its .ts files are ES modules ("type": "module"). */
function isEsmProject(root: string): boolean {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { type?: string };
  return manifest.type === "module";
}

/** The project root: `dir` when given, else the folder of the nearest package.json at or above `cwd`. */
function projectRoot(dir: string | undefined, cwd: string): string {
  if (dir !== undefined) return dir;
  for (let at = cwd; ; at = dirname(at)) {
    if (existsSync(join(at, "package.json"))) return at;
    if (dirname(at) === at) throw new UsageError(`no package.json at or above ${cwd}: run inside your project (npm init), or give --dir DIR`);
  }
}

/**
 * Writes the scaffold of protocol `name` into a project: `src/protocols/<name>/index`, `specs/<name>/model`, the
 * TLA+ module `specs/<name>/<Module>.tla` and `test/<name>.test`. Files are `.ts`, or `.mts` when the project's
 * package.json does not say "type": "module". Refuses to overwrite unless `force`. Throws UsageError on a bad name.
 */
export function scaffold(options: {
  readonly name: string;
  readonly dir?: string | undefined;
  readonly force?: boolean;
  readonly cwd?: string;
}): Scaffold {
  const { name } = options;
  if (!specName.test(name)) throw new UsageError(`the name "${name}" is not a spec name: lower-case words joined by hyphens, e.g. my-lock`);
  const root = projectRoot(options.dir, options.cwd ?? process.cwd());
  const esm = existsSync(join(root, "package.json")) ? isEsmProject(root) : true;
  const [ext, js] = esm ? ["ts", "js"] : ["mts", "mjs"];
  const words = name.split("-");
  const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  const module = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  const fill = (text: string) =>
    text.replaceAll("__name__", name).replaceAll("__camel__", camel).replaceAll("__Module__", module).replaceAll("__js__", js);
  const plan: [string, string][] = [
    [`src/protocols/${name}/index.${ext}`, "protocol.ts.txt"],
    [`specs/${name}/model.${ext}`, "model.ts.txt"],
    [`specs/${name}/${module}.tla`, "spec.tla.txt"],
    [`test/${name}.test.${ext}`, "test.ts.txt"],
  ];
  const existing = plan.map(([file]) => file).filter((file) => existsSync(join(root, file)));
  if (existing.length > 0 && !options.force)
    throw new UsageError(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""} in ${root}; give --force to overwrite`);
  const templates = templatesDir();
  for (const [file, template] of plan) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), fill(readFileSync(join(templates, template), "utf8")));
  }
  return { root, files: plan.map(([file]) => file) };
}

/** What to tell the user after a scaffold: the files, and the commands to try next. */
export function scaffoldNextSteps(result: Scaffold, name: string, cwd: string): string {
  const where = relative(cwd, result.root) || ".";
  return [
    `wrote in ${where}:`,
    ...result.files.map((f) => `  ${f}`),
    "next:",
    `  npx interleave check ${name}                                 # holds`,
    `  npx interleave check ${name} --variant grant-without-check   # fails: a counterexample`,
    `  npx interleave crosscheck ${name}                            # against TLC (Java and tla2tools.jar)`,
    `  npx vitest run test/${name}.test                             # the same through the API`,
  ].join("\n");
}
