import { randomInt } from "node:crypto";
import { UsageError } from "./errors.ts";
import { explore } from "./explore/search.ts";
import { exploreParallel } from "./explore/parallel/explore.ts";
import { simulateParallel } from "./explore/parallel/simulate.ts";
import { simulate, type SimulateOptions } from "./explore/simulate.ts";
import { safetyOnly, uncheckedUnderSymmetry, withLivenessUnchecked } from "./explore/symmetry.ts";
import type { ExploreResult, Progress } from "./explore/result.ts";
import type { FairnessLevels } from "./model.ts";
import { explorerDocument, type ResultDocument } from "./report.ts";
import { buildInstance, resolveConfig, validateSpec, type Config, type ConfigOf, type Instance, type Keys, type Spec } from "./spec.ts";

/** How to check a spec: which variant and configuration, and how to search. */
export interface CheckOptions<K extends Keys = Keys, V extends string = string> {
  /** The variant (default "main"). */
  readonly variant?: V | "main";
  /** Configuration values that differ from the variant's defaults: typed values, or `key=value` strings. */
  readonly set?: Partial<ConfigOf<K>> | readonly string[];
  /** Stop once this many distinct states are found (the result is then incomplete). */
  readonly maxStates?: number;
  /** "bfs" (default: shortest counterexamples) or "dfs". */
  readonly strategy?: "bfs" | "dfs";
  /** Explore everything even after a violation (TLC's -continue). */
  readonly continue?: boolean;
  /** Fairness level per action kind for liveness (a kind not named is weakly fair). */
  readonly fairness?: FairnessLevels;
  /** Stops the search as at a bound when aborted. */
  readonly signal?: AbortSignal;
  /** Polled during the search (every 1,024 states); once it returns true the search stops as at a bound. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: Progress) => void;
  /** Stop once the heap in use passes this many bytes (default: 80% of the heap limit); the result is then incomplete. */
  readonly memory?: number;
  /** Random walks instead of an exhaustive search, for spaces too big to exhaust (never complete; see explore/simulate.ts). */
  readonly simulate?: SimulationSettings;
  /**
   * Symmetry reduction: one state per orbit of the processes the model declares interchangeable (actorModel's
   * `symmetry`), so counts are of orbits. Every property must be symmetric. Liveness properties are left unchecked
   * (verdict null, with a note): see explore/symmetry.ts.
   */
  readonly symmetry?: boolean;
  /**
   * Search threads for an exhaustive breadth-first search or a simulation (default 1). With more, the search runs in
   * parallel (./explore/parallel/; a simulation splits its traces) and gives the same result; each thread builds the
   * model from the spec's file, so the spec must come from `loadSpec` (the CLI's specs do). A depth-first search runs
   * on this thread.
   */
  readonly workers?: number;
}

/** A simulation: its seed (default: random, reported in the document), the longest walk in states, and how many traces. */
export interface SimulationSettings {
  /** An integer from 0 to 2^32 − 1; the same seed gives the same walks and the same counterexample. */
  readonly seed?: number;
  /** The longest walk, in states (default 100). */
  readonly depth?: number;
  /** The traces to walk (default 10,000), from trace `firstTrace` (default 0). */
  readonly traces?: number;
  readonly firstTrace?: number;
}

/** One explorer run of a spec's variant: the configuration, the instance built, the raw result and its document. */
export interface Run {
  readonly spec: Spec;
  readonly variant: string;
  readonly config: Config;
  readonly instance: Instance<unknown, unknown>;
  readonly result: ExploreResult<unknown, unknown>;
  readonly document: ResultDocument;
}

/**
 * Builds and explores one configuration of a spec, on several threads when `options.workers` > 1 (see CheckOptions).
 * Throws UsageError for a bad configuration.
 */
export async function runSpecInParallel(spec: Spec & { readonly file?: string }, options: CheckOptions = {}): Promise<Run> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`workers takes a positive integer, got ${workers}`);
  if (workers === 1 || (!options.simulate && options.strategy === "dfs")) return runSpec(spec, options);
  if (spec.file === undefined)
    throw new UsageError(`workers=${workers} needs a spec loaded from its file (loadSpec), so that each thread can build the model`);
  const variant = options.variant ?? "main";
  const config = resolveConfig(spec, variant, options.set ?? []);
  const instance = buildInstance(spec, config, variant);
  if (options.simulate) {
    const source = { file: spec.file, variant, config, properties: instance.properties.map((p) => p.name) };
    const result = await simulateParallel(instance.model, source, { ...simulationOptions(instance, options, options.simulate), threads: workers });
    return {
      spec,
      variant,
      config,
      instance,
      result,
      document: explorerDocument({ spec: spec.name, variant, config, workers }, result, instance.model, documentContext(instance, options)),
    };
  }
  const unchecked = livenessUnchecked(instance, options);
  const properties = unchecked ? safetyOnly(instance.properties) : instance.properties;
  const source = { file: spec.file, variant, config, properties: properties.map((p) => p.name) };
  const explored = await exploreParallel(instance.model, source, { properties, threads: workers, ...searchSettings(options) });
  const result = unchecked ? withLivenessUnchecked(explored, instance.properties, unchecked) : explored;
  const run = { spec: spec.name, variant, config, workers, ...(options.symmetry && { reductions: { symmetry: true } }) };
  return { spec, variant, config, instance, result, document: explorerDocument(run, result, instance.model, documentContext(instance, options)) };
}

/** Builds and explores one configuration of a spec on this thread (synchronously). Throws UsageError for a bad configuration. */
export function runSpec(spec: Spec, options: CheckOptions = {}): Run {
  const variant = options.variant ?? "main";
  const config = resolveConfig(spec, variant, options.set ?? []);
  const instance = buildInstance(spec, config, variant);
  const result = options.simulate ? simulateInstance(instance, options, options.simulate) : exploreInstance(instance, options);
  const run = { spec: spec.name, variant, config, ...(options.symmetry && { reductions: { symmetry: true } }) };
  return { spec, variant, config, instance, result, document: explorerDocument(run, result, instance.model, documentContext(instance, options)) };
}

/** What the result document needs besides the result: the properties (to explain a violation) and the fairness used. */
const documentContext = (instance: Instance<unknown, unknown>, options: CheckOptions) => ({
  properties: instance.properties,
  ...(options.fairness && { fairness: options.fairness }),
});

function exploreInstance(instance: Instance<unknown, unknown>, options: CheckOptions) {
  const unchecked = livenessUnchecked(instance, options);
  const result = explore(instance.model, {
    properties: unchecked ? safetyOnly(instance.properties) : instance.properties,
    ...(options.strategy && { strategy: options.strategy }),
    ...searchSettings(options),
  });
  return unchecked ? withLivenessUnchecked(result, instance.properties, unchecked) : result;
}

/** Why a run leaves liveness unchecked (symmetry, or a model that cuts executions short), as the properties' note; undefined when it checks it. */
function livenessUnchecked(instance: Instance<unknown, unknown>, options: CheckOptions): string | undefined {
  if (options.symmetry) return uncheckedUnderSymmetry;
  const bound = instance.model.bound;
  return bound === undefined ? undefined : `not checked: ${bound}, and a cut execution stutters where the system goes on`;
}

/** The options an exhaustive search takes from CheckOptions, on one thread or several. */
const searchSettings = (options: CheckOptions) => ({
  ...(options.symmetry && { symmetry: true }),
  ...(options.maxStates !== undefined && { maxStates: options.maxStates }),
  ...(options.continue && { continueAfterViolation: true }),
  ...(options.fairness && { fairness: options.fairness }),
  ...(options.signal && { signal: options.signal }),
  ...(options.shouldStop && { shouldStop: options.shouldStop }),
  ...(options.onProgress && { onProgress: options.onProgress }),
  ...(options.memory !== undefined && { memory: options.memory }),
});

/** The options of an exhaustive search given to a simulation, which does not take them. */
const searchOnly = (options: CheckOptions): string[] =>
  [
    options.maxStates !== undefined && "maxStates",
    options.strategy !== undefined && "strategy",
    Object.keys(options.fairness ?? {}).length > 0 && "fairness",
    options.symmetry === true && "symmetry",
  ].filter((o): o is string => o !== false);

function simulateInstance(instance: Instance<unknown, unknown>, options: CheckOptions, settings: SimulationSettings) {
  return simulate(instance.model, simulationOptions(instance, options, settings));
}

/** A simulation's options from CheckOptions, checked (UsageError for an option of an exhaustive search, or a count out of range). */
function simulationOptions(instance: Instance<unknown, unknown>, options: CheckOptions, settings: SimulationSettings): SimulateOptions<unknown> {
  const ignored = searchOnly(options);
  if (ignored.length > 0) throw new UsageError(`a simulation does not take ${ignored.join(", ")} (options of an exhaustive search)`);
  const count = (name: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max))
      throw new UsageError(`simulate.${name} takes an integer from ${min} to ${max.toLocaleString("en")}, got ${value}`);
    return value;
  };
  count("seed", settings.seed, 0, 2 ** 32 - 1);
  count("depth", settings.depth, 1, 2 ** 31 - 1);
  count("traces", settings.traces, 1, Number.MAX_SAFE_INTEGER);
  count("firstTrace", settings.firstTrace, 0, Number.MAX_SAFE_INTEGER);
  return {
    properties: instance.properties,
    seed: settings.seed ?? randomInt(0, 2 ** 32),
    ...(settings.depth !== undefined && { depth: settings.depth }),
    ...(settings.traces !== undefined && { traces: settings.traces }),
    ...(settings.firstTrace !== undefined && { firstTrace: settings.firstTrace }),
    ...(options.continue && { continueAfterViolation: true }),
    ...(options.signal && { signal: options.signal }),
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.memory !== undefined && { memory: options.memory }),
  };
}

/**
 * Checks a spec: validates it (a misspelt property in a variant's `fails` is a SpecError), explores the chosen
 * variant and configuration, and returns the result document. Throws UsageError (ConfigError, SpecError) on bad input.
 */
export async function check<K extends Keys, V extends string>(spec: Spec<K, any, any, V>, options: CheckOptions<K, V> = {}): Promise<ResultDocument> {
  validateSpec(spec as unknown as Spec);
  return (await runSpecInParallel(spec as unknown as Spec, options as CheckOptions)).document;
}

/**
 * The exit code a result document stands for: 1 a property violated, 3 stopped before completing (a simulation
 * always) or a property left unchecked, 0 all hold.
 */
export function exitCodeOf(document: ResultDocument): 0 | 1 | 3 {
  if (document.properties.some((p) => p.holds === false)) return 1;
  // A complete search can leave a property unchecked (liveness under symmetry): not every property holds, then.
  return document.complete && document.properties.every((p) => p.holds === true) ? 0 : 3;
}
