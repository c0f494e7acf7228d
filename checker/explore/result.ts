import type { PropertyKind } from "../props/property.ts";

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
}

/** What one exploration found, with counts defined as TLC defines them. */
export interface ExploreResult<S, A> {
  readonly strategy: "bfs" | "dfs";
  readonly complete: boolean;
  readonly distinctStates: number;
  /** Initial states plus every successor computed, duplicates included. */
  readonly generatedStates: number;
  /** BFS levels (initial states are level 1); for DFS, the longest path in the DFS tree. */
  readonly depth: number;
  readonly seconds: number;
  readonly collisionProbability: number;
  readonly properties: readonly PropertyResult<S, A>[];
}

/** Progress of a running search, reported now and then. */
export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly queue: number;
  readonly depth: number;
  readonly seconds: number;
}
