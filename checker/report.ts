import type { MemoryFigures } from "./explore/memory.ts";
import type { ExploreResult, SimulationFigures, StopReason } from "./explore/result.ts";
import type { Model } from "./model.ts";
import type { Config } from "./spec.ts";
import { toItf } from "./trace/itf.ts";

/** State-space reductions a run used: symmetry of interchangeable processes (one state per orbit). */
export interface Reductions {
  readonly symmetry: boolean;
}

/** The result document of DESIGN.md, shared by `interleave check` and `interleave tlc`. */
export interface ResultDocument {
  readonly tool: "interleave" | "tlc";
  readonly spec: string;
  readonly variant: string;
  readonly config: Config;
  readonly complete: boolean;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly seconds: number;
  /** Estimated chance that two distinct states shared a fingerprint (TLC's optimistic estimate). */
  readonly collisionProbability?: number;
  /** The reductions the run used, when any: counts are then of orbits (symmetry), not of states. */
  readonly reductions?: Reductions;
  /** The search threads, when more than one (the result is the same as with one). */
  readonly workers?: number;
  /** Present when the search did not complete: a bound (max-states, memory), interrupted, a violation, or a simulation's traces all walked. */
  readonly stopReason?: StopReason;
  /** The memory bound, the peak heap in use, and the heap the search grew by per distinct state (an estimate). */
  readonly memory?: MemoryFigures;
  /** For a simulation (`check --simulate`): its seed, traces and walk length; `complete` is then always false. */
  readonly simulation?: SimulationFigures;
  readonly properties: readonly {
    readonly name: string;
    readonly kind: string;
    readonly holds: boolean | null;
    /** For kind "exception": the step whose code threw, and the error. */
    readonly error?: string;
    /** Why the verdict is what it is when it alone would mislead (a simulation: "not checked", "not violated in N traces"). */
    readonly note?: string;
    /** A simulation's counterexample: the length in states of the walk that found it, before shrinking. */
    readonly shrunkFrom?: number;
    readonly trace?: { readonly steps: readonly { readonly action: string; readonly state: unknown }[]; readonly loopsBackTo: number | null };
  }[];
}

/** The explorer's result as a result document; trace states are the model's view in ITF encoding. */
export function explorerDocument<S, A>(
  run: { spec: string; variant: string; config: Config; reductions?: Reductions; workers?: number },
  result: ExploreResult<S, A>,
  model: Model<S, A>,
): ResultDocument {
  const view = (s: S) => toItf(model.view ? model.view(s) : s);
  return {
    tool: "interleave",
    ...run,
    complete: result.complete,
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    seconds: Math.round(result.seconds * 1000) / 1000,
    collisionProbability: result.collisionProbability,
    ...(result.stopReason && { stopReason: result.stopReason }),
    ...(result.memory && { memory: result.memory }),
    ...(result.simulation && { simulation: result.simulation }),
    properties: result.properties.map((p) => ({
      name: p.name,
      kind: p.kind,
      holds: p.holds,
      ...(p.error !== undefined && { error: p.error }),
      ...(p.note !== undefined && { note: p.note }),
      ...(p.shrunkFrom !== undefined && { shrunkFrom: p.shrunkFrom }),
      ...(p.trace && {
        trace: {
          steps: p.trace.steps.map((step) => ({ action: step.action === null ? "init" : model.describe(step.action), state: view(step.state) })),
          loopsBackTo: p.trace.loopsBackTo,
        },
      }),
    })),
  };
}
