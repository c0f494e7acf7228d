import { loadSpec, specNames } from "../discover.ts";
import { readBaseline, type BaselineEntry } from "../crosscheck/baseline.ts";
import { baselineDifferences, exploreBaselineEntry, type ExplorerFigures } from "../crosscheck/baseline-check.ts";
import { UsageError } from "../errors.ts";
import { configText } from "../spec.ts";
import { verdictMark } from "../report-text.ts";
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
  if (args.json) process.stdout.write(`${JSON.stringify(rows.map(jsonRow), null, 2)}\n`);
  else process.stdout.write(`${(args.markdown ? markdownTable(rows) : textLines(rows)).join("\n")}\n`);
  return rows.every((r) => r.differences.length === 0) ? 0 : 1;
}

const jsonRow = (r: Row) => ({
  spec: r.spec,
  variant: r.entry.variant,
  config: r.entry.config,
  tlc: { ...r.entry },
  explorer: r.explorer,
  agree: r.differences.length === 0,
  differences: r.differences,
});

const n = (x: number) => x.toLocaleString("en");
/** A recorded configuration as words, marked when it was recorded under symmetry (counts of orbits). */
const configOf = (entry: BaselineEntry) => `${configText(entry.config)}${entry.symmetry ? " symmetry: on" : ""}`;
const pair = (a: number, b: number) => (a === b ? n(a) : `${n(a)} / ${n(b)} ✗`);

/** Each property's verdict: ✓ holds, ✗ violated, and explorer/TLC when the two differ. */
function verdictsText(row: Row): string {
  const both = (name: string, tlc: boolean) => {
    const ours = row.explorer.verdicts[name];
    return ours === tlc ? verdictMark(tlc) : `${verdictMark(ours)}/${verdictMark(tlc)}`;
  };
  return Object.entries(row.entry.verdicts)
    .map(([name, tlc]) => `${name} ${both(name, tlc)}`)
    .join(", ");
}

/** The README's table: explorer and TLC side by side (one figure where they agree). */
function markdownTable(rows: readonly Row[]): string[] {
  return [
    "| spec | variant | configuration | distinct | generated | depth | verdicts (explorer = TLC) | explorer s | TLC s |",
    "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ...rows.map((row) => {
      const { entry, explorer } = row;
      const cells = [
        row.spec,
        entry.variant,
        configOf(entry),
        pair(explorer.distinctStates, entry.distinctStates),
        pair(explorer.generatedStates, entry.generatedStates),
        pair(explorer.depth, entry.depth),
        verdictsText(row),
        explorer.seconds.toFixed(2),
        entry.seconds.toFixed(2),
      ];
      return `| ${cells.join(" | ")} |`;
    }),
  ];
}

function textLines(rows: readonly Row[]): string[] {
  return rows.map((r) => {
    const figures = `${n(r.explorer.distinctStates)} states, depth ${r.explorer.depth}, ${r.explorer.seconds.toFixed(2)} s`;
    const head = `${r.differences.length === 0 ? "✓" : "✗"} ${r.spec} (${r.entry.variant}) ${configOf(r.entry)}: ${figures}`;
    const tlc = `TLC ${r.entry.tlcVersion}`;
    return r.differences.length === 0 ? `${head}; agrees with ${tlc}` : `${head}; DIFFERS from ${tlc}: ${r.differences.join("; ")}`;
  });
}
