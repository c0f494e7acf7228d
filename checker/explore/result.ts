import type { PropertyKind } from "../props/property.ts";
import type { MemoryFigures } from "./memory.ts";

/**
 * Why a search ended before deciding everything: a bound (--max-states, --memory), Ctrl-C or a caller's stop,
 * the first violation (or the model's code throwing), or, for a simulation, the traces asked for all walked.
 */
export type StopReason = "max-states" | "memory" | "interrupted" | "violation" | "traces-done";

/** One step of a counterexample: the action that led here (null for the initial state) and the state. */
export interface TraceStep<S, A> {
  readonly action: A | null;
  readonly state: S;
}

/** A counterexample: a path from an initial state; a lasso when `loopsBackTo` names the step it returns to. */
export interface Trace<S, A> {
  readonly steps: readonly TraceStep<S, A>[];
  /** For a lasso, the index of the step whose state the last step reaches again; null for a finite path. */
  readonly loopsBackTo: number | null;
}

/** A property's verdict: true holds, false violated, null undecided (the search stopped at a bound). */
export interface PropertyResult<S, A> {
  readonly name: string;
  /** A property's kind, or "exception" when the model's code threw (the search then stops). */
  readonly kind: PropertyKind | "exception";
  readonly holds: boolean | null;
  readonly trace?: Trace<S, A>;
  /** For "exception": the step that threw and the error's message. */
  readonly error?: string;
  /** Why the verdict is what it is, when the verdict alone would mislead (e.g. a simulation does not decide liveness). */
  readonly note?: string;
  /** A simulation's counterexample: the length in states of the walk that found it, before it was shrunk to `trace`. */
  readonly shrunkFrom?: number;
}

/** What one exploration found, with counts defined as TLC defines them. */
export interface ExploreResult<S, A> {
  /** Breadth-first, depth-first, or random walks (checker/explore/simulate.ts; never complete). */
  readonly strategy: "bfs" | "dfs" | "simulate";
  readonly complete: boolean;
  readonly distinctStates: number;
  /** Initial states plus every successor computed, duplicates included. */
  readonly generatedStates: number;
  /** BFS levels (initial states are level 1); for DFS, the longest path in the DFS tree; for a simulation, the longest walk in states. */
  readonly depth: number;
  readonly seconds: number;
  readonly collisionProbability: number;
  readonly properties: readonly PropertyResult<S, A>[];
  /** Present when the search did not complete: why it stopped. */
  readonly stopReason?: StopReason;
  /** The memory bound, the peak heap and the heap per distinct state. */
  readonly memory?: MemoryFigures;
  /** For a simulation: its seed, the walks it took and how long they could be. */
  readonly simulation?: SimulationFigures;
}

/** What a simulation ran: trace i of a seed always takes the same walk, so (seed, traces) reproduces a run. */
export interface SimulationFigures {
  readonly seed: number;
  /** The first trace's index and the number of traces asked for (a share of a run split between threads starts past 0). */
  readonly firstTrace: number;
  readonly tracesAsked: number;
  /** The traces walked (fewer than asked when the run stopped early). */
  readonly traces: number;
  /** The longest walk allowed, in states (the initial state included). */
  readonly maxDepth: number;
  /** The index of the trace that found the first violation. */
  readonly violationTrace?: number;
}

/** Progress of a running search, reported now and then. */
export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly queue: number;
  readonly depth: number;
  readonly seconds: number;
}
