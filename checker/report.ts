import type { MemoryFigures } from "./explore/memory.ts";
import type { ExploreResult, SimulationFigures, StopReason, Trace } from "./explore/result.ts";
import type { FairnessLevel, FairnessLevels, Model } from "./model.ts";
import type { Property, PropertyKind } from "./props/property.ts";
import { explainLinearizability, type LinearizabilityExplanation } from "./report/linearizability.ts";
import { loopFairness, type LoopFairness } from "./report/loop.ts";
import { processesOf, traceReport } from "./report/steps.ts";
import type { Config } from "./spec.ts";

/*
 * The result document: what `interleave check`, `tlc --module`, `tlc <spec>` and `crosscheck` print with --json, and
 * what every renderer reads (text today; trace files, diagrams, JUnit and CI summaries read the same fields). Values
 * inside traces are in the ITF value encoding (./trace/itf.ts), process ids named where the spec declares them.
 */

/** State-space reductions a run used: symmetry of interchangeable processes (one state per orbit). */
export interface Reductions {
  readonly symmetry: boolean;
}

/**
 * A property's kind, named the same by every command: the explorer's kinds, "temporal" for a TLA+ PROPERTY of a
 * module checked alone (`tlc --module`, whose formula the checker cannot classify), and "exception" when the model's
 * code threw.
 */
export type PropertyKindName = PropertyKind | "temporal" | "exception";

/**
 * An action as data, with a `kind`: "init" (the initial state); for actor systems "deliver" and "drop" (`from`, `to`,
 * `message`), "invoke" (`client`, `operation`), "local" (`process`, `event`), "crash" (`process`); "tla" for a step of a
 * TLC trace that was not replayed (`name`, TLC's action, and `location`, where TLC says it is defined); a model's own
 * kinds otherwise ("action" with `value` when its actionData has no kind). Process ids are names.
 */
export interface ActionReport {
  readonly kind: string;
  readonly [field: string]: unknown;
}

/** One step of a trace: the action taken (kind "init" for the first state), its readable label, and the state reached. */
export interface StepReport {
  readonly action: ActionReport;
  readonly label: string;
  /** The state in ITF encoding: the model's view (source "model") or the TLA+ variables (source "tla"). */
  readonly state: unknown;
  /** For a TLC trace replayed on the implementation: TLC's own state (its TLA+ variables, ITF). */
  readonly tla?: unknown;
}

/**
 * A counterexample: a path from an initial state. A lasso when `loopsBackTo` is set: the last step's state is the
 * state of step `loopsBackTo` again (the loop repeats forever), or, when `loopsBackTo` is the last index, the last
 * state stutters forever.
 */
export interface TraceReport {
  /** "model": states are the model's view (for an actor system: processes by name, network, crashed, history); "tla": TLA+ variables. */
  readonly source: "model" | "tla";
  readonly steps: readonly StepReport[];
  readonly loopsBackTo: number | null;
  /** For a lasso of the explorer: the fair actions enabled along the loop, and which step of it takes each. */
  readonly loop?: LoopFairness;
}

/** One property's verdict: true holds, false violated, null undecided (a search stopped early, or left unchecked). */
export interface PropertyReport {
  readonly name: string;
  readonly kind: PropertyKindName;
  readonly holds: boolean | null;
  /** The TLA+ twin's name, when the property declares one. */
  readonly tla?: string;
  /** For kind "exception": the step whose code threw, and the error. */
  readonly error?: string;
  /** Why the verdict is what it is when it alone would mislead (a simulation: "not checked", "not violated in N traces"). */
  readonly note?: string;
  /** A simulation's counterexample: the length in states of the walk that found it, before shrinking. */
  readonly shrunkFrom?: number;
  readonly trace?: TraceReport;
  /** For a violated `linearizable`: the operations of the last state's history, and why no order of them works. */
  readonly explanation?: LinearizabilityExplanation;
}

/** A process of an actor system: its name (ids are shown as names) and its role. Listed by id. */
export interface ProcessReport {
  readonly name: string;
  readonly role: string;
}

/** One comparison of a cross-check and whether the explorer and TLC agree on it. */
export interface Comparison {
  readonly what: string;
  readonly agree: boolean;
  readonly detail: string;
}

/** A cross-check's outcome: the comparisons, and TLC's own document for the same configuration. */
export interface CrossCheckReport {
  readonly agree: boolean;
  readonly comparisons: readonly Comparison[];
  readonly tlc: ResultDocument;
}

/** The result document (see the comment at the top of this file). */
export interface ResultDocument {
  /** Who explored: the explorer ("interleave") or TLC ("tlc"; a cross-check is the explorer's document with TLC's inside). */
  readonly tool: "interleave" | "tlc";
  /** TLC's version, for tool "tlc". */
  readonly tlcVersion?: string;
  readonly spec: string;
  readonly variant: string;
  readonly config: Config;
  /** Breadth-first, depth-first, or random walks (`--simulate`). TLC searches breadth-first. */
  readonly strategy: "bfs" | "dfs" | "simulate";
  /**
   * The fairness liveness was checked under: a level per action kind; a kind not named is weakly fair. Absent when
   * the run checked no liveness (a simulation) or its fairness is the TLA+ module's own (`tlc --module`).
   */
  readonly fairness?: FairnessLevels;
  readonly reductions: Reductions;
  /** The search threads, when more than one (the result is the same as with one). */
  readonly workers?: number;
  /** What the model cuts short (Model.bound): safety verdicts cover the executions within it; liveness is left unchecked. */
  readonly bound?: string;
  /** An actor system's processes, by id. */
  readonly processes?: readonly ProcessReport[];
  readonly complete: boolean;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly seconds: number;
  /** Estimated chance that two distinct states shared a fingerprint (TLC's optimistic estimate). */
  readonly collisionProbability?: number;
  /** Present when the search did not complete: a bound (max-states, memory), interrupted, a violation, or a simulation's traces all walked. */
  readonly stopReason?: StopReason;
  /** The memory bound, the peak heap in use, and the heap the search grew by per distinct state (an estimate). */
  readonly memory?: MemoryFigures;
  /** For a simulation (`check --simulate`): its seed, traces and walk length; `complete` is then always false. */
  readonly simulation?: SimulationFigures;
  /** TLC's warnings, one line each. */
  readonly warnings?: readonly string[];
  readonly properties: readonly PropertyReport[];
  /** For `interleave crosscheck`: how the explorer and TLC compare. */
  readonly crosscheck?: CrossCheckReport;
}

/** What a run was, besides its result: the spec, variant and configuration, and the search's settings. */
export interface RunInfo {
  readonly spec: string;
  readonly variant: string;
  readonly config: Config;
  readonly reductions?: Reductions;
  readonly workers?: number;
}

/** What the document of an explorer run is built from besides the model: the properties (for explanations) and the fairness used. */
export interface ExplorerContext<S> {
  readonly properties?: readonly Property<S>[];
  readonly fairness?: FairnessLevels;
}

/**
 * The explorer's result as a result document: trace states are the model's view in ITF encoding, actions structured
 * with their labels; a violated linearizability property is explained when `context.properties` is given, and a
 * lasso's loop shows its fair actions.
 */
export function explorerDocument<S, A>(
  run: RunInfo,
  result: ExploreResult<S, A>,
  model: Model<S, A>,
  context: ExplorerContext<S> = {},
): ResultDocument {
  const livenessChecked = result.strategy !== "simulate";
  const processes = processesOf(model);
  const levels = context.fairness ?? {};
  return {
    tool: "interleave",
    spec: run.spec,
    variant: run.variant,
    config: run.config,
    strategy: result.strategy,
    ...(livenessChecked && { fairness: levels }),
    reductions: run.reductions ?? { symmetry: false },
    ...(run.workers !== undefined && run.workers > 1 && { workers: run.workers }),
    ...(model.bound !== undefined && { bound: model.bound }),
    ...(processes && { processes }),
    complete: result.complete,
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    seconds: Math.round(result.seconds * 1000) / 1000,
    collisionProbability: result.collisionProbability,
    ...(result.stopReason && { stopReason: result.stopReason }),
    ...(result.memory && { memory: result.memory }),
    ...(result.simulation && { simulation: result.simulation }),
    properties: result.properties.map((p): PropertyReport => {
      const declared = context.properties?.find((d) => d.name === p.name);
      return {
        name: p.name,
        kind: p.kind,
        holds: p.holds,
        ...(declared?.tla !== undefined && { tla: declared.tla }),
        ...(p.error !== undefined && { error: p.error }),
        ...(p.note !== undefined && { note: p.note }),
        ...(p.shrunkFrom !== undefined && { shrunkFrom: p.shrunkFrom }),
        ...(p.trace && modelTrace(model, p.trace, { declared, violated: p.holds === false, levels })),
      };
    }),
  };
}

/**
 * A trace on the model as the document has it (./report/steps.ts), with a lasso's loop fairness under `levels`,
 * and for a violated `linearizable` property the explanation of its last history.
 */
export function modelTrace<S, A>(
  model: Model<S, A>,
  trace: Trace<S, A>,
  options: { readonly declared?: Property<S>; readonly violated: boolean; readonly levels: FairnessLevels },
): { trace: TraceReport; explanation?: LinearizabilityExplanation } {
  const { declared } = options;
  const loop = trace.loopsBackTo !== null ? loopFairness(model, trace, levelOf(options.levels)) : undefined;
  const explanation =
    options.violated && declared?.kind === "linearizable"
      ? explainLinearizability(
          trace.steps.map((s) => declared.history(s.state)),
          declared.spec,
          processesOf(model)?.map((q) => q.name),
        )
      : undefined;
  return { trace: { ...traceReport(model, trace), ...(loop && { loop }) }, ...(explanation && { explanation }) };
}

/** The level an action kind is owed under `levels` (weak when not named). */
export const levelOf =
  (levels: FairnessLevels) =>
  (kind: string): FairnessLevel =>
    levels[kind] ?? "weak";
