import { isUsageError, UsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import { isLiveness, type Property } from "../props/property.ts";
import { collisionProbability } from "../state/fingerprint.ts";
import { memoryBound, MemoryMeter } from "./memory.ts";
import { mergeShares, type MergedSimulation } from "./parallel/simulate-merge.ts";
import type { ExploreResult, Progress, PropertyResult, Trace, TraceStep } from "./result.ts";
import { shrink, type ShrinkOptions } from "./shrink.ts";
import { walkShare, walkSteps, type ShareFigures, type ShareThrow, type WalkPlan } from "./simulate-walk.ts";

export { kindOf, walkRandom, type WalkRandom } from "./simulate-walk.ts";

/*
 * Random simulation, for state spaces too big to exhaust: seeded random walks from the initial states, checking
 * the safety properties on every state visited. Never complete: it finds bugs, it does not prove their absence.
 *
 * Weighting: at each state the walk picks an action kind among the kinds enabled (deliver, invoke, local, crash,
 * drop, …), then one action of that kind uniformly. Each kind weighs 1, except fault kinds (actions the model owes
 * no fairness: `fairness` returns undefined for a crash, a loss), which weigh the trace's fault weight, drawn once
 * per trace uniformly from [0, 1). So a crash enabled beside twenty deliveries is taken about as often as all of them
 * together in a trace of weight near 1, and seldom in a trace of weight near 0: rare steps are taken, and some walks
 * still run long without faults (two-phase commit's commit needs some 16 steps without the coordinator crashing;
 * with every kind weighing 1, none of 10,000 walks of seed 7 got there). An action's kind is its fairness kind, else the `kind`
 * field of its action data, else all actions are of one kind.
 */

export interface SimulateOptions<S> {
  readonly properties: readonly Property<S>[];
  /** The seed: trace i's walk depends only on (seed, i), an unsigned 32-bit integer. */
  readonly seed: number;
  /** The longest walk, in states (the initial state included); default 100. */
  readonly depth?: number;
  /** How many traces to walk (default 10,000), from trace `firstTrace` (default 0): a share of a run split between threads. */
  readonly traces?: number;
  readonly firstTrace?: number;
  /** Walk on after a violation, to find violations of the other properties (each property keeps its first). */
  readonly continueAfterViolation?: boolean;
  /** How to shrink a counterexample (default: delta debugging, then a BFS of 10,000 states); false keeps the walk as found. */
  readonly shrink?: ShrinkOptions | false;
  /** Stop once the heap in use passes this many bytes (default: 80% of the heap limit). */
  readonly memory?: number;
  /** Polled every 1,024 states visited; once it returns true (or the signal is aborted) the run stops. */
  readonly shouldStop?: () => boolean;
  readonly signal?: AbortSignal;
  /** Called about every `progressEvery` states visited; `queue` is the number of traces left. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
}

/** The defaults of a simulation. */
export const simulationDefaults = { depth: 100, traces: 10_000 } as const;

/** The walks a simulation's options ask for. */
export function walkPlan<S>(options: SimulateOptions<S>): WalkPlan {
  return {
    seed: options.seed,
    maxDepth: options.depth ?? simulationDefaults.depth,
    firstTrace: options.firstTrace ?? 0,
    tracesAsked: options.traces ?? simulationDefaults.traces,
    continueAfterViolation: options.continueAfterViolation ?? false,
    progressEvery: options.progressEvery ?? 20_000,
  };
}

/**
 * Walks traces [firstTrace, firstTrace + traces) of `seed` on `model`, checking the safety properties (always,
 * linearizable, deadlock; sometimes-properties are recorded when witnessed) on every state visited, and stops at
 * the first violation (or walks on, when told to), whose walk it shrinks. Deterministic: the same model and options
 * give the same result, which ./parallel/simulate.ts also gives on several threads.
 * Counts: generatedStates = states visited, duplicates included; distinctStates = distinct fingerprints among them.
 */
export function simulate<S, A>(model: Model<S, A>, options: SimulateOptions<S>): ExploreResult<S, A> {
  const started = performance.now();
  const plan = walkPlan(options);
  const meter = new MemoryMeter(memoryBound(options.memory));
  const walked = options.properties.filter((p) => !isLiveness(p));
  let claimed = false;
  const record = walkShare(
    model,
    walked,
    plan,
    {
      claim: () => (claimed ? undefined : ((claimed = true), { start: plan.firstTrace, end: plan.firstTrace + plan.tracesAsked })),
      pastStop: () => false,
      violated: () => {},
      threw: () => {},
      interruption: () => (options.signal?.aborted || options.shouldStop?.() ? "interrupted" : undefined),
      interrupt: () => {},
      progress: (figures, report) => {
        if (report) options.onProgress?.(progressOf(figures, plan, started));
      },
    },
    meter,
  );
  const merged = mergeShares([record], { ...plan, kinds: walked.map((p) => p.kind) });
  if (merged === "rerun") throw new Error("a simulation on one thread cannot be undecided"); // one share skips what the sequential run skips
  return simulationResult(model, options, merged, { started, meter });
}

/** A share's figures as progress: `queue` is the number of traces left. */
export const progressOf = (figures: ShareFigures, plan: WalkPlan, started: number): Progress => ({
  distinctStates: figures.distinct,
  generatedStates: figures.generated,
  queue: plan.tracesAsked - figures.traces,
  depth: figures.depth,
  seconds: (performance.now() - started) / 1000,
});

/**
 * The result of a simulation from its merged shares: verdicts, counts, and each violation's walk (replayed from
 * its trace's seed) shrunk. Rethrows bad input (a UsageError) met where the run stopped.
 */
export function simulationResult<S, A>(
  model: Model<S, A>,
  options: SimulateOptions<S>,
  merged: MergedSimulation,
  run: { readonly started: number; readonly meter: MemoryMeter },
): ExploreResult<S, A> {
  const plan = walkPlan(options);
  const { traces, thrown } = merged;
  const usage = thrown?.usage;
  if (usage) throw isUsageError(thrown.error) ? thrown.error : Object.assign(new UsageError(usage.message), { name: usage.name });
  const initials = thrown?.key.event === -1 ? [] : model.initialStates();
  const walk = (trace: number, length: number) => walkSteps(model, initials, plan.seed, trace, length);
  const walked = options.properties.filter((p) => !isLiveness(p));
  const properties = walked.map((property, i): PropertyResult<S, A> => {
    const base = { name: property.name, kind: property.kind };
    const found = merged.found[i];
    if (property.kind === "sometimes")
      return found ? { ...base, holds: true } : { ...base, holds: null, note: `not witnessed in ${traces.toLocaleString("en")} traces` };
    if (found) return { ...base, holds: false, ...shrunk(model, walk(found.trace, Math.floor(found.event / 2) + 1), property, options.shrink) };
    return { ...base, holds: null, note: `not violated in ${traces.toLocaleString("en")} traces` };
  });
  const liveness = options.properties.filter(isLiveness).map((property): PropertyResult<S, A> => ({
    name: property.name,
    kind: property.kind,
    holds: null,
    note: "not checked: a simulation decides safety properties only",
  }));
  const violationTraces = walked.flatMap((p, i) => (p.kind !== "sometimes" && merged.found[i] ? [merged.found[i]!.trace] : []));
  const firstViolation = Math.min(...violationTraces, thrown?.key.trace ?? Infinity);
  const all = options.properties.map((p) => [...properties, ...liveness].find((r) => r.name === p.name)!);
  if (thrown) all.push(exceptionResult(thrown.traceLength > 0 ? walk(thrown.key.trace, thrown.traceLength) : undefined, thrown));
  return {
    strategy: "simulate",
    complete: false,
    distinctStates: merged.distinct,
    generatedStates: merged.generated,
    depth: merged.depth,
    seconds: (performance.now() - run.started) / 1000,
    collisionProbability: collisionProbability(merged.distinct, merged.generated),
    properties: all,
    stopReason: merged.stopReason,
    memory: run.meter.figures(merged.distinct),
    simulation: {
      seed: plan.seed,
      firstTrace: plan.firstTrace,
      tracesAsked: plan.tracesAsked,
      traces,
      maxDepth: plan.maxDepth,
      ...(firstViolation < Infinity && { violationTrace: firstViolation }),
    },
  };
}

/** The trace of a violation, shrunk unless told not to, with the length of the walk that found it. */
function shrunk<S, A>(
  model: Model<S, A>,
  steps: readonly TraceStep<S, A>[],
  property: Property<S>,
  options: ShrinkOptions | false | undefined,
): { trace: Trace<S, A>; shrunkFrom: number } {
  const found: Trace<S, A> = { steps, loopsBackTo: null };
  const trace = options === false ? found : shrink(model, found, property, options).trace;
  return { trace, shrunkFrom: steps.length };
}

/** The verdict "the model's code threw", with the walk to the state where it did (not shrunk). */
function exceptionResult<S, A>(steps: TraceStep<S, A>[] | undefined, thrown: ShareThrow): PropertyResult<S, A> {
  return {
    name: "no-exception",
    kind: "exception",
    holds: false,
    ...(steps && { trace: { steps, loopsBackTo: null } }),
    error: `${thrown.step} threw ${thrown.message}`,
  };
}
