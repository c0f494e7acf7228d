import { loadSpec, specNames } from "../discover.ts";
import { readBaseline, type BaselineEntry } from "../tlc/baseline.ts";
import { baselineDifferences, exploreBaselineEntry, type ExplorerFigures } from "../tlc/baseline-check.ts";
import { UsageError } from "../errors.ts";
import { specsRootOf, type Args } from "./args.ts";

interface Row {
  readonly spec: string;
  readonly entry: BaselineEntry;
  readonly explorer: ExplorerFigures;
  readonly differences: readonly string[];
}

/**
 * `interleave baselines [<spec>...] [--markdown] [--json]`: explores every configuration recorded from
 * TLC and compares; exit 0 when all agree, 1 when any differs.
 */
export async function baselinesCommand(args: Args): Promise<number> {
  const root = specsRootOf(args);
  const known = specNames(root);
  const unknown = args.positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown spec "${unknown[0]}"; specs: ${known.join(", ")}`);
  const rows: Row[] = [];
  for (const name of args.positionals.length > 0 ? args.positionals : known) {
    const spec = await loadSpec(name, root);
    for (const entry of readBaseline(spec).entries) {
      const explorer = exploreBaselineEntry(spec, entry);
      rows.push({ spec: name, entry, explorer, differences: baselineDifferences(entry, explorer) });
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ spec: r.spec, variant: r.entry.variant, config: r.entry.config, tlc: { ...r.entry }, explorer: r.explorer, agree: r.differences.length === 0, differences: r.differences })), null, 2)}\n`);
  else process.stdout.write(`${(args.markdown ? markdownTable(rows) : textLines(rows)).join("\n")}\n`);
  return rows.every((r) => r.differences.length === 0) ? 0 : 1;
}

const n = (x: number) => x.toLocaleString("en");
const configText = (entry: BaselineEntry) => Object.entries(entry.config).map(([k, v]) => `${k}=${v}`).join(" ");
const pair = (a: number, b: number) => (a === b ? n(a) : `${n(a)} / ${n(b)} ✗`);

/** Each property's verdict: ✓ holds, ✗ violated, and explorer/TLC when the two differ. */
function verdictsText(row: Row): string {
  const mark = (v: boolean | null | undefined) => (v === true ? "✓" : v === false ? "✗" : "?");
  return Object.entries(row.entry.verdicts).map(([name, tlc]) => `${name} ${row.explorer.verdicts[name] === tlc ? mark(tlc) : `${mark(row.explorer.verdicts[name])}/${mark(tlc)}`}`).join(", ");
}

/** The README's table: explorer and TLC side by side (one figure where they agree). */
function markdownTable(rows: readonly Row[]): string[] {
  return [
    "| spec | variant | configuration | distinct | generated | depth | verdicts (explorer = TLC) | explorer s | TLC s |",
    "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ...rows.map((r) => `| ${r.spec} | ${r.entry.variant} | ${configText(r.entry)} | ${pair(r.explorer.distinctStates, r.entry.distinctStates)} | ${pair(r.explorer.generatedStates, r.entry.generatedStates)} | ${pair(r.explorer.depth, r.entry.depth)} | ${verdictsText(r)} | ${r.explorer.seconds.toFixed(2)} | ${r.entry.seconds.toFixed(2)} |`),
  ];
}

function textLines(rows: readonly Row[]): string[] {
  return rows.map((r) => {
    const head = `${r.differences.length === 0 ? "✓" : "✗"} ${r.spec} (${r.entry.variant}) ${configText(r.entry)}: ${n(r.explorer.distinctStates)} states, depth ${r.explorer.depth}, ${r.explorer.seconds.toFixed(2)} s`;
    return r.differences.length === 0 ? `${head}; agrees with TLC ${r.entry.tlcVersion}` : `${head}; DIFFERS from TLC ${r.entry.tlcVersion}: ${r.differences.join("; ")}`;
  });
}
