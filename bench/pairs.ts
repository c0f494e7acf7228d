/**
 * The paired configurations to run side by side: each one recorded from TLC (tlc-baseline.json, without symmetry)
 * whose committed model module specs/<spec>/MC*.tla states exactly its constants, with the properties the recording
 * found violated. Chosen: every one of at least 10^5 distinct states, and the largest below 10^5 and below 10^4.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { examplesDir, loadSpecs } from "../checker/discover.ts";
import { twinOf } from "../checker/props/property.ts";
import { readBaseline } from "../checker/crosscheck/baseline.ts";
import { buildInstance, configText, resolveConfig } from "../checker/spec.ts";

/** A paired configuration and its committed model module (MC*.tla beside MC*.cfg). */
export interface PairedCase {
  readonly spec: string;
  readonly variant: string;
  /** The configuration as `key=value` words for `interleave check --set`. */
  readonly settings: readonly string[];
  readonly module: string;
  readonly dir: string;
  /** Distinct states as TLC recorded them. */
  readonly distinct: number;
  /** The properties TLC's recording found violated, with their TLA+ twins (an INVARIANT or PROPERTY of the .cfg). */
  readonly violated: readonly { readonly property: string; readonly twin: string }[];
}

/** The MC_ definitions of a model module, as `name → value` (what `interleave tlc --emit` writes). */
function definitions(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^MC_(\w+) == (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

const sameMap = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Every recorded configuration (without symmetry) that has a committed model module. */
export async function pairedCases(): Promise<PairedCase[]> {
  const found: PairedCase[] = [];
  for (const spec of await loadSpecs(examplesDir)) {
    const modules = readdirSync(spec.dir)
      .filter((f) => /^MC\w*\.tla$/.test(f))
      .map((f) => ({ file: f, text: readFileSync(join(spec.dir, f), "utf8") }));
    for (const entry of readBaseline(spec).entries) {
      if (entry.symmetry) continue;
      const { tla, properties } = buildInstance(spec, resolveConfig(spec, entry.variant, entry.config), entry.variant);
      if (!tla) continue;
      const extended = tla.module ?? spec.tlaModule;
      const constants = new Map(Object.entries(tla.constants).filter(([name, value]) => name !== value));
      const match = modules.find(
        (m) => new RegExp(`^EXTENDS ${extended}$`, "m").test(m.text) && !/^CONSTANTS/m.test(m.text) && sameMap(definitions(m.text), constants),
      );
      if (!match) continue;
      const settings = configText(entry.config).split(" ");
      found.push({
        spec: spec.name,
        variant: entry.variant,
        settings,
        module: basename(match.file, ".tla"),
        dir: spec.dir,
        distinct: entry.distinctStates,
        violated: properties.flatMap((p) => {
          const twin = twinOf(p);
          return entry.verdicts[p.name] === false && twin ? [{ property: p.name, twin: Object.values(twin)[0] as string }] : [];
        }),
      });
    }
  }
  return found.sort((a, b) => a.distinct - b.distinct);
}

/** Every case of at least 10^5 states, and the largest case below each smaller power of ten down to 10^3. */
export function chosenCases(cases: readonly PairedCase[]): PairedCase[] {
  const large = cases.filter((c) => c.distinct >= 1e5);
  const smaller = [1e5, 1e4].flatMap((top) => cases.filter((c) => c.distinct < top && c.distinct >= top / 10).slice(-1));
  return [...smaller.reverse(), ...large];
}
