import { join, relative } from "node:path";
import { loadSpecs } from "../discover.ts";
import { configText } from "../spec.ts";
import { UsageError } from "../errors.ts";
import { specsRootOf, type Args } from "./args.ts";

/** `interleave list [--json]`: each spec with its variants, configuration keys and defaults. */
export async function listCommand(args: Args): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError("list takes no arguments");
  const specs = await loadSpecs(specsRootOf(args));
  const entries = specs.map((spec) => ({
    name: spec.name,
    summary: spec.summary,
    tla: spec.tlaModule ? relative(process.cwd(), join(spec.dir, `${spec.tlaModule}.tla`)) : null,
    variants: Object.entries(spec.variants).map(([name, v]) => ({ name, summary: v.summary, defaults: v.defaults ?? {}, fails: v.fails ?? [] })),
    keys: Object.entries(spec.keys).map(([name, k]) => ({ name, default: k.default, accepts: k.accepts, doc: k.doc })),
  }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${e.name}: ${e.summary}`);
    if (e.tla) lines.push(`  TLA+ twin: ${e.tla} (interleave tlc ${e.name}, interleave crosscheck ${e.name})`);
    lines.push("  variants:");
    for (const v of e.variants) {
      const defaults = Object.keys(v.defaults).length > 0 ? `defaults ${configText(v.defaults)}` : "";
      const extra = [defaults, v.fails.length > 0 ? `fails ${v.fails.join(", ")}` : ""].filter(Boolean).join("; ");
      lines.push(`    ${v.name.padEnd(24)} ${v.summary}${extra ? ` (${extra})` : ""}`);
    }
    lines.push("  keys (--set key=value):");
    for (const k of e.keys) lines.push(`    ${`${k.name}=${k.default}`.padEnd(24)} ${k.doc}; ${k.accepts}`);
    lines.push("");
  }
  process.stdout.write(lines.join("\n"));
  return 0;
}
