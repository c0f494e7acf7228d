import { isUsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import { encode } from "../state/encode.ts";
import { Monitor } from "./monitor.ts";
import type { Trace, TraceStep } from "./result.ts";
import { explore } from "./search.ts";

/*
 * Shrinking a counterexample found by a random walk: delta debugging over its schedule (drop chunks of steps,
 * halving the chunk down to single steps, until nothing more can go), then a bounded BFS from the initial states,
 * which finds the shortest counterexample outright when it lies within its budget.
 */

/** How hard to shrink: replays of shorter schedules, and states for the final breadth-first search (0: none). */
export interface ShrinkOptions {
  readonly maxReplays?: number;
  readonly bfsStates?: number;
}

/** A shrunk counterexample and how it was obtained. */
export interface Shrunk<S, A> {
  readonly trace: Trace<S, A>;
  /** Schedules replayed, and whether the bounded BFS found the final (shorter) trace. */
  readonly replays: number;
  readonly byBfs: boolean;
}

/**
 * A shorter trace violating `property` (an always, linearizable or deadlock property) from the same initial state,
 * never longer than `trace`. A replayed step is matched by its label and its action data (describe and actionData),
 * so it names the same action in another state; a step no longer enabled is skipped.
 */
export function shrink<S, A>(model: Model<S, A>, trace: Trace<S, A>, property: Property<S>, options: ShrinkOptions = {}): Shrunk<S, A> {
  const maxReplays = options.maxReplays ?? 5_000;
  const initial = trace.steps[0]!.state;
  let replays = 0;
  const attempt = (keys: readonly string[]) => {
    replays++;
    return replaySchedule(model, initial, keys, property);
  };
  let best = attempt(trace.steps.slice(1).map((step) => actionKey(model, step.action!)));
  if (!best) return { trace, replays, byBfs: false }; // not reproducible by labels (a model whose labels are ambiguous)
  for (let improved = true; improved && replays < maxReplays;) {
    improved = false;
    for (let chunk = Math.max(1, best.keys.length >> 1); chunk >= 1 && replays < maxReplays; chunk = chunk === 1 ? 0 : chunk >> 1) {
      for (let i = 0; i < best.keys.length && replays < maxReplays;) {
        const found = attempt([...best.keys.slice(0, i), ...best.keys.slice(i + chunk)]);
        if (found) {
          best = found;
          improved = true;
        } else i += chunk;
      }
    }
  }
  const shortest = bfsShorter(model, property, best.steps.length, options.bfsStates ?? 10_000);
  if (shortest) return { trace: shortest, replays, byBfs: true };
  return { trace: best.steps.length < trace.steps.length ? { steps: best.steps, loopsBackTo: null } : trace, replays, byBfs: false };
}

/** What names an action across states: its label and its data, encoded. */
export const actionKey = <S, A>(model: Model<S, A>, action: A): string => `${model.describe(action)}\u0000${encode(model.actionData(action))}`;

/**
 * Replays a schedule from `initial`, skipping steps not enabled, and stops at the first state that violates
 * `property`: the steps taken and their keys, or undefined when no state violates it (or the model's code throws).
 */
export function replaySchedule<S, A>(
  model: Model<S, A>,
  initial: S,
  keys: readonly string[],
  property: Property<S>,
): { steps: TraceStep<S, A>[]; keys: string[] } | undefined {
  const monitor = new Monitor([property]);
  const steps: TraceStep<S, A>[] = [{ action: null, state: initial }];
  const taken: string[] = [];
  let state = initial;
  const deadEnd = (actions: readonly A[]) => actions.length === 0 && monitor.onExpanded(steps.length - 1, 0, model.isFinal(state));
  try {
    if (monitor.onState(state, 0)) return { steps, keys: taken };
    for (const key of keys) {
      const actions = model.actions(state);
      if (deadEnd(actions)) return { steps, keys: taken };
      const action = actions.find((a) => actionKey(model, a) === key);
      if (action === undefined) continue;
      state = model.next(state, action);
      steps.push({ action, state });
      taken.push(key);
      if (monitor.onState(state, steps.length - 1)) return { steps, keys: taken };
    }
    return deadEnd(model.actions(state)) ? { steps, keys: taken } : undefined;
  } catch (error) {
    if (isUsageError(error)) throw error;
    return undefined; // a shorter schedule on which the model's code throws is another bug, not this one
  }
}

/** The shortest trace violating `property` when a BFS of at most `budget` states finds one shorter than `length` states. */
function bfsShorter<S, A>(model: Model<S, A>, property: Property<S>, length: number, budget: number): Trace<S, A> | undefined {
  if (budget <= 0 || length <= 2) return undefined;
  const result = explore(model, { properties: [property], maxStates: budget });
  const trace = result.properties.find((p) => p.name === property.name && p.holds === false)?.trace;
  return trace && trace.steps.length < length ? trace : undefined;
}
