import { isUsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import { fingerprint } from "../state/fingerprint.ts";
import type { MemoryMeter } from "./memory.ts";
import { Monitor } from "./monitor.ts";
import { IntList } from "./parallel/int-list.ts";
import { FirstVisits, type Key, type PackedVisits } from "./parallel/simulate-visits.ts";
import type { StopReason, TraceStep } from "./result.ts";

/*
 * The random walks of a simulation (./simulate.ts says how they are weighted) and a share of them: the traces one
 * thread walks, recorded so that shares walked on several threads merge into exactly the sequential run's result
 * (./parallel/simulate-merge.ts). A share records what it found by place (trace, event), never by order of discovery.
 */

/** What a simulation walks: trace i of `seed`, for i in [firstTrace, firstTrace + tracesAsked), each up to `maxDepth` states. */
export interface WalkPlan {
  readonly seed: number;
  readonly maxDepth: number;
  readonly firstTrace: number;
  readonly tracesAsked: number;
  readonly continueAfterViolation: boolean;
  readonly progressEvery: number;
}

/** A share's figures so far, for progress. */
export interface ShareFigures {
  readonly generated: number;
  readonly distinct: number;
  readonly traces: number;
  readonly depth: number;
}

/** How a share takes its traces and hears of the other shares (on one thread: one range, and nobody else). */
export interface Coordination {
  /** The next traces to walk, [start, end), or undefined when none is left. */
  claim(): { readonly start: number; readonly end: number } | undefined;
  /** True when another share found that the run stops before trace `trace`'s walk could matter. */
  pastStop(trace: number): boolean;
  /** This share found safety property `watch` (its index among the properties walked) violated in trace `trace`. */
  violated(watch: number, trace: number): void;
  /** The model's code threw in trace `trace`. */
  threw(trace: number): void;
  /** Polled every 1,024 states: a reason to stop now (Ctrl-C, another thread's memory bound), if any. */
  interruption(): StopReason | undefined;
  /** This share reached the memory bound: the others stop too. */
  interrupt(reason: StopReason): void;
  /** Every 1,024 states, and every `progressEvery` states (then `report` is true). */
  progress(figures: ShareFigures, report: boolean): void;
}

/** The model's code threw: where, what it was doing (the step, as the result names it), and the walk to report. */
export interface ShareThrow {
  /** Event −1 of the first trace: computing the initial states. */
  readonly key: Key;
  /** It threw while the state's properties were checked (see the merge: another thread may have checked fewer). */
  readonly checking: boolean;
  readonly step: string;
  readonly message: string;
  /** Bad input (a UsageError: its name and message), rethrown if the run gets that far. */
  readonly usage?: { readonly name: string; readonly message: string };
  /** The error itself, on the thread that caught it. */
  readonly error?: unknown;
  /** The states of the walk reported with it (0: none). */
  readonly traceLength: number;
}

/** What a share walked and found, by place. */
export interface ShareRecord {
  /** How many initial states the model has (0: nothing to walk). */
  readonly initialStates: number;
  /** The traces walked to their end, as [start, end) pairs in the order claimed, and each one's length in states. */
  readonly ranges: readonly number[];
  readonly lengths: Int32Array;
  /** Where the share stopped inside a trace (a violation, a throw, an interruption): it knows that trace up to this event. */
  readonly stop?: Key;
  /** Why it stopped, when it was interrupted (Ctrl-C, memory). */
  readonly interrupted?: StopReason;
  /** For each property walked, this share's first place deciding it (a violation; for `sometimes` a witness). */
  readonly found: readonly (Key | null)[];
  readonly thrown?: ShareThrow;
  readonly visits: FirstVisits | PackedVisits;
}

/**
 * Walks the traces `coordination` hands out, checking `properties` (safety properties and sometimes-properties,
 * in the order the result lists them) on every state visited. Stops at its first violation (with
 * `continueAfterViolation`, once every safety property is violated), at an exception, or when interrupted.
 */
export function walkShare<S, A>(
  model: Model<S, A>,
  properties: readonly Property<S>[],
  plan: WalkPlan,
  coordination: Coordination,
  meter: MemoryMeter,
): ShareRecord {
  const monitor = new Monitor(properties);
  const watches = monitor.watches;
  const isSafety = watches.map((w) => w.property.kind !== "sometimes");
  const found: (Key | null)[] = watches.map(() => null);
  const visits = new FirstVisits();
  const lengths = new IntList();
  const ranges: number[] = [];
  const fp = new Uint32Array(2);
  let safetyLeft = isSafety.filter(Boolean).length;
  let visited = 0; // states visited: the monitor's id of the state being checked
  let depth = 0;
  let traces = 0;
  let stop: Key | undefined;
  let interrupted: StopReason | undefined;
  let thrown: ShareThrow | undefined;
  let doing: "listing" | "stepping" | "checking" | "final" = "checking"; // what the model's code was doing, if it throws
  let event = 0;

  const figures = (): ShareFigures => ({ generated: visited, distinct: visits.size, traces, depth });
  /** Keys the watches the last check decided; true when that stops the share. Safety verdicts at a state that threw are not kept. */
  const decided = (trace: number, safety = true): boolean => {
    let violated = false;
    for (let i = 0; i < watches.length; i++) {
      if (watches[i]!.found !== visited || found[i] !== null || (isSafety[i] && !safety)) continue;
      found[i] = { trace, event };
      if (!isSafety[i]) continue;
      violated = true;
      safetyLeft--;
      coordination.violated(i, trace);
    }
    return violated && (!plan.continueAfterViolation || safetyLeft === 0);
  };
  /** Counts and checks the state at position `p` of trace `trace`; true when the share must stop there. */
  const visit = (state: S, trace: number, p: number): boolean => {
    visited++;
    if (p >= depth) depth = p + 1;
    event = 2 * p;
    fingerprint(model, state, fp);
    visits.add(fp[0]!, fp[1]!, trace, event);
    if ((visited & 1023) === 0) interrupted ??= coordination.interruption();
    if ((visited & 1023) === 0 || visited % plan.progressEvery === 0) coordination.progress(figures(), visited % plan.progressEvery === 0);
    if ((visited & 4095) === 0 && !interrupted && meter.exceeded()) coordination.interrupt((interrupted = "memory"));
    doing = "checking";
    monitor.onState(state, visited);
    return decided(trace) || interrupted !== undefined;
  };
  const threw = (error: unknown, trace: number, step: string, traceLength: number): void => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const usage = isUsageError(error) && { name: error.name, message: error.message };
    thrown = { key: { trace, event }, checking: doing === "checking", step, message, ...(usage && { usage }), error, traceLength };
    stop = thrown.key;
    coordination.threw(trace);
  };

  let initials: readonly S[] = [];
  try {
    initials = model.initialStates();
  } catch (error) {
    event = -1;
    threw(error, plan.firstTrace, "computing the initial states", 0);
  }
  /** Stops the share at the current event of trace `t`; false. */
  const stopAt = (t: number): false => {
    stop = { trace: t, event };
    return false;
  };
  /** Walks trace `t`; false when the share stops inside it. */
  const walk = (t: number): boolean => {
    traces++;
    const random = walkRandom(plan.seed, t);
    const faultWeight = random.fraction();
    let state: S = initials[random.below(initials.length)]!;
    let action: A | undefined;
    let p = 0;
    doing = "checking";
    try {
      if (visit(state, t, 0)) return stopAt(t);
      while (p + 1 < plan.maxDepth) {
        event = 2 * p + 1;
        doing = "listing";
        const actions = model.actions(state);
        if (actions.length === 0) {
          doing = "final";
          if (monitor.onExpanded(visited, 0, model.isFinal(state)) && decided(t)) return stopAt(t);
          break;
        }
        action = pick(model, actions, random, faultWeight);
        doing = "stepping";
        state = model.next(state, action);
        p++;
        if (visit(state, t, p)) return stopAt(t);
      }
    } catch (error) {
      if (doing === "checking") decided(t, false); // what the properties checked before the one that threw witnessed
      const after = action === undefined ? "the initial state" : `the state after ${model.describe(action)}`;
      const step = {
        listing: "listing the enabled actions",
        stepping: action === undefined ? "" : model.describe(action),
        checking: `checking the properties of ${after}`,
        final: "deciding whether the state is final",
      }[doing];
      // The trace ends at the state whose expansion or whose properties threw.
      threw(error, t, step, doing === "checking" && p > 0 ? p : p + 1);
      return false;
    }
    lengths.push(p + 1);
    return true;
  };

  for (let range = initials.length > 0 && !stop ? coordination.claim() : undefined; range; range = stop ? undefined : coordination.claim()) {
    let t = range.start;
    while (t < range.end && !coordination.pastStop(t) && walk(t)) t++;
    if (t > range.start) ranges.push(range.start, t);
    if (t < range.end) break; // stopped, or past another share's stop: every later trace is too
  }
  coordination.progress(figures(), false);
  return {
    initialStates: initials.length,
    ranges,
    lengths: lengths.toArray(),
    ...(stop && { stop }),
    ...(interrupted && { interrupted }),
    found,
    ...(thrown && { thrown }),
    visits,
  };
}

/** The first `length` states of trace `trace`'s walk, replayed: the same walk the share took, for its counterexample. */
export function walkSteps<S, A>(model: Model<S, A>, initials: readonly S[], seed: number, trace: number, length: number): TraceStep<S, A>[] {
  const random = walkRandom(seed, trace);
  const faultWeight = random.fraction();
  let state: S = initials[random.below(initials.length)]!;
  const steps: TraceStep<S, A>[] = [{ action: null, state }];
  while (steps.length < length) {
    const actions = model.actions(state);
    if (actions.length === 0)
      throw new Error(`trace ${trace} replayed ends after ${steps.length} states, not ${length}: is the model deterministic?`);
    const action = pick(model, actions, random, faultWeight);
    state = model.next(state, action);
    steps.push({ action, state });
  }
  return steps;
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
