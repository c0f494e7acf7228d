import { isUsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import { isLiveness, type Property } from "../props/property.ts";
import { collisionProbability, fingerprint } from "../state/fingerprint.ts";
import { VisitedSet } from "../state/visited.ts";
import { memoryBound, MemoryMeter } from "./memory.ts";
import { Monitor } from "./monitor.ts";
import type { ExploreResult, Progress, PropertyResult, StopReason, Trace, TraceStep } from "./result.ts";
import { shrink, type ShrinkOptions } from "./shrink.ts";

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

/**
 * Walks traces [firstTrace, firstTrace + traces) of `seed` on `model`, checking the safety properties (always,
 * linearizable, deadlock; sometimes-properties are recorded when witnessed) on every state visited, and stops at
 * the first violation (or walks on, when told to), whose walk it shrinks. Deterministic: the same model and options
 * give the same result.
 * Counts: generatedStates = states visited, duplicates included; distinctStates = distinct fingerprints among them.
 */
export function simulate<S, A>(model: Model<S, A>, options: SimulateOptions<S>): ExploreResult<S, A> {
  const started = performance.now();
  const maxDepth = options.depth ?? simulationDefaults.depth;
  const tracesAsked = options.traces ?? simulationDefaults.traces;
  const firstTrace = options.firstTrace ?? 0;
  const progressEvery = options.progressEvery ?? 20_000;
  const safety = options.properties.filter((p) => !isLiveness(p));
  const monitor = new Monitor(safety);
  const meter = new MemoryMeter(memoryBound(options.memory));
  const seen = new VisitedSet();
  const fp = new Uint32Array(2);
  let generated = 0;
  let depth = 0;
  let traces = 0;
  let stopped: StopReason | undefined;
  /** Each violated property's first violation: the trace that found it and the walk up to the violating state. */
  const violations = new Map<string, { trace: number; steps: TraceStep<S, A>[] }>();
  const safetyLeft = () => monitor.watches.some((w) => w.found < 0 && w.property.kind !== "sometimes");
  let thrown: { trace: number; steps: TraceStep<S, A>[] | undefined; step: string; message: string } | undefined;
  let doing: "listing" | "stepping" | "checking" | "final" = "checking"; // what the model's code was doing, if it throws

  const progressOf = (): Progress => ({
    distinctStates: seen.size,
    generatedStates: generated,
    queue: tracesAsked - traces,
    depth,
    seconds: (performance.now() - started) / 1000,
  });
  /** Counts and checks a state on the current walk; true when it violates a property. */
  const visit = (state: S, length: number): boolean => {
    generated++;
    if (length > depth) depth = length;
    fingerprint(model, state, fp);
    seen.add(fp[0]!, fp[1]!, -1, 0, 0);
    if (generated % progressEvery === 0) options.onProgress?.(progressOf());
    if ((generated & 1023) === 0 && (options.signal?.aborted || options.shouldStop?.())) stopped ??= "interrupted";
    if ((generated & 4095) === 0 && meter.exceeded()) stopped ??= "memory";
    doing = "checking";
    return monitor.onState(state, generated);
  };

  let initials: readonly S[] = [];
  try {
    initials = model.initialStates();
  } catch (error) {
    thrown = thrownBy(error, firstTrace, undefined, "computing the initial states");
  }
  for (let t = firstTrace; t < firstTrace + tracesAsked && !stopped && !thrown && initials.length > 0; t++) {
    traces++;
    const random = walkRandom(options.seed, t);
    const faultWeight = random.fraction();
    const steps: TraceStep<S, A>[] = [{ action: null, state: initials[random.below(initials.length)]! }];
    let action: A | undefined;
    try {
      let state = steps[0]!.state;
      /** Keeps the walk so far for each property the state just visited violates (the monitor marks them with its number). */
      const record = () => {
        for (const w of monitor.watches)
          if (w.found === generated && w.property.kind !== "sometimes") violations.set(w.property.name, { trace: t, steps: steps.slice() });
        if (!options.continueAfterViolation || !safetyLeft()) stopped ??= "violation";
      };
      if (visit(state, 1)) record();
      while (!stopped && steps.length < maxDepth) {
        doing = "listing";
        const actions = model.actions(state);
        if (actions.length === 0) {
          doing = "final";
          if (monitor.onExpanded(generated, 0, model.isFinal(state))) record();
          break;
        }
        action = pick(model, actions, random, faultWeight);
        doing = "stepping";
        state = model.next(state, action);
        steps.push({ action, state });
        if (visit(state, steps.length)) record();
      }
    } catch (error) {
      const after = action === undefined ? "the initial state" : `the state after ${model.describe(action)}`;
      const step = {
        listing: "listing the enabled actions",
        stepping: action === undefined ? "" : model.describe(action),
        checking: `checking the properties of ${after}`,
        final: "deciding whether the state is final",
      }[doing];
      // The trace ends at the state whose expansion or whose properties threw.
      thrown = thrownBy(error, t, doing === "checking" && steps.length > 1 ? steps.slice(0, -1) : steps, step);
      stopped = "violation";
    }
  }
  if (!stopped) stopped = "traces-done";

  const properties: PropertyResult<S, A>[] = monitor.watches.map(({ property, found }) => {
    const base = { name: property.name, kind: property.kind };
    if (property.kind === "sometimes")
      return found >= 0 ? { ...base, holds: true } : { ...base, holds: null, note: `not witnessed in ${traces.toLocaleString("en")} traces` };
    const violation = violations.get(property.name);
    if (found >= 0 && violation) return { ...base, holds: false, ...shrunk(model, violation.steps, property, options.shrink) };
    return { ...base, holds: null, note: `not violated in ${traces.toLocaleString("en")} traces` };
  });
  const liveness = options.properties.filter(isLiveness).map((property): PropertyResult<S, A> => ({
    name: property.name,
    kind: property.kind,
    holds: null,
    note: "not checked: a simulation decides safety properties only",
  }));
  const firstViolation = Math.min(...[...violations.values()].map((v) => v.trace), thrown?.trace ?? Infinity);
  const all = options.properties.map((p) => [...properties, ...liveness].find((r) => r.name === p.name)!);
  if (thrown) all.push(exceptionResult(thrown));
  return {
    strategy: "simulate",
    complete: false,
    distinctStates: seen.size,
    generatedStates: generated,
    depth,
    seconds: (performance.now() - started) / 1000,
    collisionProbability: collisionProbability(seen.size, generated),
    properties: all,
    stopReason: stopped,
    memory: meter.figures(seen.size),
    simulation: {
      seed: options.seed,
      firstTrace,
      tracesAsked,
      traces,
      maxDepth,
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

/**
 * An action of `actions`: a kind chosen among the kinds enabled, each weighing 1 except fault kinds, which weigh
 * `faultWeight`; then an action of that kind, uniformly.
 */
function pick<S, A>(model: Model<S, A>, actions: readonly A[], random: WalkRandom, faultWeight: number): A {
  if (actions.length === 1) return actions[0]!;
  const byKind = new Map<string, { actions: A[]; weight: number }>();
  let total = 0;
  for (const action of actions) {
    const { kind, fault } = kindOf(model, action);
    const same = byKind.get(kind);
    if (same) same.actions.push(action);
    else {
      const weight = fault ? faultWeight : 1;
      byKind.set(kind, { actions: [action], weight });
      total += weight;
    }
  }
  const kinds = [...byKind.values()];
  let chosen = kinds[random.below(kinds.length)]!; // only when every kind enabled weighs 0
  for (let r = random.fraction() * total, i = 0; total > 0 && i < kinds.length; i++) {
    chosen = kinds[i]!;
    if ((r -= chosen.weight) < 0) break;
  }
  return chosen.actions[random.below(chosen.actions.length)]!;
}

/**
 * An action's kind for the weighting (its fairness kind, else its data's `kind` field, else "action") and whether
 * it is a fault: an action the model owes no fairness (`fairness` returns undefined: a crash, a loss).
 */
export function kindOf<S, A>(model: Model<S, A>, action: A): { readonly kind: string; readonly fault: boolean } {
  const fair = model.fairness?.(action);
  if (fair) return { kind: fair.kind, fault: false };
  const data = model.actionData(action) as { kind?: unknown } | null;
  const kind = typeof data === "object" && data !== null && typeof data.kind === "string" ? data.kind : "action";
  return { kind, fault: model.fairness !== undefined };
}

/** The random choices of one trace: a small fast generator (sfc32) seeded from (seed, trace) alone. */
export interface WalkRandom {
  /** A uniform integer in [0, n). */
  below(n: number): number;
  /** A uniform number in [0, 1). */
  fraction(): number;
}

/** The generator of trace `trace` of `seed`: independent of every other trace, so any share of traces can run anywhere. */
export function walkRandom(seed: number, trace: number): WalkRandom {
  let a = seed >>> 0;
  let b = trace >>> 0;
  let c = 0x9e3779b9 ^ Math.floor(trace / 2 ** 32);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next(); // let the seed's bits spread
  const fraction = () => next() / 2 ** 32;
  return { below: (n) => Math.floor(fraction() * n), fraction };
}

function thrownBy<S, A>(error: unknown, trace: number, steps: TraceStep<S, A>[] | undefined, step: string) {
  if (isUsageError(error)) throw error; // bad input (e.g. a value that is not plain data), not a violation
  return { trace, steps, step, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The verdict "the model's code threw", with the walk to the state where it did (not shrunk). */
function exceptionResult<S, A>(thrown: { steps: TraceStep<S, A>[] | undefined; step: string; message: string }): PropertyResult<S, A> {
  return {
    name: "no-exception",
    kind: "exception",
    holds: false,
    ...(thrown.steps && { trace: { steps: thrown.steps, loopsBackTo: null } }),
    error: `${thrown.step} threw ${thrown.message}`,
  };
}
