/**
 * Building verdicts once a search has run, shared by the sequential and the parallel explorer: the liveness query
 * of each liveness property, lassos, and the "model threw" verdict.
 */
import type { Model } from "../model.ts";
import type { LivenessQuery } from "../props/liveness.ts";
import type { LivenessProperty } from "../props/property.ts";
import type { EdgeStore } from "./edges.ts";
import { goal, trigger } from "./monitor.ts";
import type { PropertyResult, Trace } from "./result.ts";

/** What the liveness query reads of a finished search, per state id. */
export interface LivenessFacts {
  /** States 0 … n−1 were explored. */
  readonly n: number;
  readonly graph: EdgeStore;
  readonly isInitial: (id: number) => boolean;
  readonly isFinal: (id: number) => boolean;
  /** The property's trigger/goal bits of a state. */
  readonly bits: (id: number) => number;
  readonly strong: (fairClass: number) => boolean;
}

/** The states a liveness property's bad execution may visit and start from. */
export function livenessQuery<S>(property: LivenessProperty<S>, facts: LivenessFacts): LivenessQuery {
  const { n, strong, graph, bits } = facts;
  switch (property.kind) {
    case "termination":
      return { n, strong, trigger: facts.isInitial, allowed: (v) => !facts.isFinal(v) && graph.degree(v) > 0 };
    case "eventually":
      return { n, strong, trigger: facts.isInitial, allowed: (v) => (bits(v) & goal) === 0 };
    case "leadsTo":
      return { n, strong, trigger: (v) => (bits(v) & trigger) !== 0, allowed: (v) => (bits(v) & goal) === 0 };
  }
}

/**
 * Extends the path to a state by the stem and the cycle of a lasso. The last step's state is the state at
 * `loopsBackTo` again, so the action that closes the loop is kept; with an empty cycle the last state
 * stutters forever and `loopsBackTo` is the last step.
 */
export function lasso<S, A>(prefix: Trace<S, A>, stem: readonly number[], cycle: readonly number[], model: Model<S, A>): Trace<S, A> {
  const steps = [...prefix.steps];
  const walk = (actions: readonly number[]) => {
    let state = steps[steps.length - 1]!.state;
    for (const k of actions) {
      const action = model.actions(state)[k]!;
      state = model.next(state, action);
      steps.push({ action, state });
    }
  };
  walk(stem);
  const loopsBackTo = steps.length - 1;
  walk(cycle);
  return { steps, loopsBackTo };
}

/** The verdict "the model's code threw": the trace to the state where it did (none for the initial states), and the step. */
export function exceptionResult<S, A>(trace: Trace<S, A> | undefined, step: string, message: string): PropertyResult<S, A> {
  return { name: "no-exception", kind: "exception", holds: false, ...(trace && { trace }), error: `${step} threw ${message}` };
}
