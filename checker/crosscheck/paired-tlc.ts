import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { UsageError } from "../errors.ts";
import type { Instance, TlaPairing } from "../spec.ts";
import { twinOf, type Property, type TlaTwin } from "../props/property.ts";
import { HashedStates } from "./compare.ts";
import { forEachDumpedState } from "../tlc/dump.ts";
import type { TlcReport, TlcViolation } from "../tlc/output.ts";
import { runTlc } from "../tlc/run.ts";

/** What TLC found for a paired configuration: full counts, the reachable set, and each twin's outcome. */
export interface PairedTlcResult {
  readonly version: string;
  /** Counts of the run without invariants (the whole reachable space). */
  readonly counts: TlcReport;
  /** Every reachable state (from -dump), when asked for. */
  readonly reachable: HashedStates | undefined;
  /** Property name → verdict and, for a violated invariant, TLC's counterexample. */
  readonly verdicts: ReadonlyMap<string, { holds: boolean; violation?: TlcViolation }>;
  readonly seconds: number;
}

/** Each property's TLA+ twin, by property name (properties without one are left out). */
export type Twins = ReadonlyMap<string, TlaTwin>;

/** The twins the properties declare. */
export const twinsOf = (properties: readonly Property<never>[]): Twins =>
  new Map(
    properties.flatMap((p) => {
      const twin = twinOf(p as Property<unknown>);
      return twin ? [[p.name, twin] as const] : [];
    }),
  );

/** The TLA+ pairing of an instance and its module file, or a UsageError saying why the configuration has none. */
export function pairingOf<S>(
  spec: { name: string; dir: string; tlaModule?: string },
  instance: Instance<S, unknown>,
): { pairing: TlaPairing<S>; moduleFile: string } {
  if (!spec.tlaModule) throw new UsageError(`spec "${spec.name}" has no TLA+ pairing`);
  if (!instance.tla)
    throw new UsageError(
      `this configuration of ${spec.name} has no TLA+ twin (see its model.ts for the configurations ${spec.tlaModule}.tla states)`,
    );
  return { pairing: instance.tla, moduleFile: join(spec.dir, `${instance.tla.module ?? spec.tlaModule}.tla`) };
}

/**
 * Runs TLC on the spec's module at the instance's constants: once per property twin (each run stops at
 * its own violation, so every verdict is decided) and once without invariants for the full counts
 * (and, with `dump`, the reachable set). With `symmetry`, under TLC's SYMMETRY (see symmetricModel): the
 * temporal properties are then left out, as the explorer does not decide liveness under symmetry either.
 */
export async function runPairedTlc<S>(
  moduleFile: string,
  pairing: TlaPairing<S>,
  twins: Twins,
  options: { dump: boolean; workers?: number; timeoutSeconds?: number; signal?: AbortSignal; symmetry?: boolean },
): Promise<PairedTlcResult> {
  const module = basename(moduleFile, ".tla");
  const symmetry = options.symmetry ? symmetricSets(pairing) : undefined;
  const dir = mkdtempSync(join(tmpdir(), `interleave-${module}-`));
  try {
    copyFileSync(moduleFile, join(dir, `${module}.tla`));
    writeFileSync(join(dir, "MC.tla"), mcModule("MC", module, pairing, symmetry));
    const run = async (name: string, checks: Checks, dump: boolean) => {
      writeFileSync(join(dir, `${name}.cfg`), mcConfig(pairing, checks, symmetry));
      const dumpPath = join(dir, `${name}-states`);
      const result = await runTlc({
        module: join(dir, "MC.tla"),
        config: join(dir, `${name}.cfg`),
        workers: options.workers,
        timeoutSeconds: options.timeoutSeconds,
        signal: options.signal,
        ...(dump && { dump: dumpPath }),
      });
      return { ...result, dumpPath: `${dumpPath}.dump` };
    };
    const started = performance.now();
    const full = await run("Full", {}, options.dump);
    const verdicts = new Map<string, { holds: boolean; violation?: TlcViolation }>();
    for (const [property, twin] of twins) {
      if (symmetry && "property" in twin) continue;
      const checks: Checks =
        "property" in twin ? { property: twin.property } : { invariants: ["invariant" in twin ? twin.invariant : twin.violatedInvariant] };
      const { report } = await run(`Check_${"property" in twin ? twin.property : checks.invariants![0]}`, checks, false);
      const violation = report.violations[0];
      verdicts.set(
        property,
        "violatedInvariant" in twin ? { holds: violation !== undefined } : { holds: violation === undefined, ...(violation && { violation }) },
      );
    }
    let reachable: HashedStates | undefined;
    if (options.dump) {
      reachable = new HashedStates();
      await forEachDumpedState(full.dumpPath, (text) => reachable!.add(text));
    }
    return {
      version: full.report.version,
      counts: full.report,
      reachable,
      verdicts,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a model module `<name>.tla` (extending `module`) and `<name>.cfg` with every invariant twin, so
 * TLC can check the configuration directly (`interleave tlc --module <name>.tla`); with `symmetry`, under
 * TLC's SYMMETRY and without the temporal properties.
 */
export function emitModel(path: string, module: string, pairing: TlaPairing<unknown>, twins: Twins, options: { symmetry?: boolean } = {}): void {
  const name = basename(path, ".tla");
  const symmetry = options.symmetry ? symmetricSets(pairing) : undefined;
  writeFileSync(path, mcModule(name, module, pairing, symmetry));
  const invariants = [...twins.values()].flatMap((t) => ("invariant" in t ? [t.invariant] : []));
  const properties = symmetry ? [] : [...twins.values()].flatMap((t) => ("property" in t ? [t.property] : []));
  writeFileSync(path.replace(/\.tla$/, ".cfg"), mcConfig(pairing, { invariants, properties }, symmetry));
}

/**
 * TLC's SYMMETRY for a pairing (TlaPairing.symmetric): each definition holding a symmetric role's ids is
 * overridden by a set of model values (declared as constants of the model module), and the symmetry is the union
 * of their permutations (TLC closes it into the product group). TLC keeps, like the explorer, one state per orbit;
 * its fingerprint is the least over the permutations. A UsageError when the pairing declares no symmetric set.
 */
export function symmetricSets(pairing: TlaPairing<unknown>): Readonly<Record<string, readonly string[]>> {
  const sets = pairing.symmetric ?? {};
  if (Object.keys(sets).length === 0)
    throw new UsageError("--symmetry: the TLA+ pairing declares no symmetric set (TlaPairing.symmetric: definition → model values)");
  return sets;
}

/** The model module: the spec extended with one definition per constant that is not a model value, and the symmetry sets. */
function mcModule(name: string, module: string, pairing: TlaPairing<unknown>, symmetry?: Readonly<Record<string, readonly string[]>>): string {
  const definitions = Object.entries(pairing.constants)
    .filter(([constant, value]) => constant !== value && !(symmetry && constant in symmetry))
    .map(([constant, value]) => `MC_${constant} == ${value}`);
  if (!symmetry) return `---- MODULE ${name} ----\nEXTENDS ${module}\n${definitions.join("\n")}\n====\n`;
  const sets = Object.entries(symmetry);
  const symmetric = [
    `CONSTANTS ${sets.flatMap(([, values]) => values).join(", ")}`,
    ...definitions,
    ...sets.map(([definition, values]) => `MC_${definition} == {${values.join(", ")}}`),
    `MC_Symmetry == ${sets.map(([definition]) => `Permutations(MC_${definition})`).join(" \\cup ")}`,
  ];
  return `---- MODULE ${name} ----\nEXTENDS ${module}, TLC\n${symmetric.join("\n")}\n====\n`;
}

/** What one TLC run checks: invariants, and temporal properties (which need the fair specification). */
interface Checks {
  readonly invariants?: readonly string[];
  readonly properties?: readonly string[];
  readonly property?: string;
}

/**
 * The model configuration: constants, the behaviour spec (Init/Next, or FairSpec when a temporal property
 * is checked), the invariants and properties asked for; deadlock is an invariant twin.
 */
function mcConfig(pairing: TlaPairing<unknown>, checks: Checks, symmetry?: Readonly<Record<string, readonly string[]>>): string {
  const constants = [
    ...Object.entries(pairing.constants)
      .filter(([name]) => !(symmetry && name in symmetry))
      .map(([name, value]) => (name === value ? `  ${name} = ${name}` : `  ${name} <- MC_${name}`)),
    ...Object.entries(symmetry ?? {}).flatMap(([definition, values]) => [
      ...values.map((v) => `  ${v} = ${v}`),
      `  ${definition} <- MC_${definition}`,
    ]),
  ];
  const invariants = checks.invariants ?? [];
  const properties = [...(checks.properties ?? []), ...(checks.property ? [checks.property] : [])];
  return [
    ...(constants.length ? ["CONSTANTS", ...constants] : []),
    ...(properties.length ? ["SPECIFICATION FairSpec"] : ["INIT Init", "NEXT Next"]),
    ...(invariants.length ? [`INVARIANT ${invariants.join(" ")}`] : []),
    ...(properties.length ? [`PROPERTY ${properties.join(" ")}`] : []),
    ...(symmetry ? ["SYMMETRY MC_Symmetry"] : []),
    "CHECK_DEADLOCK FALSE",
    "",
  ].join("\n");
}
