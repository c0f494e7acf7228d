import type { HistoryEvent } from "../../src/actor/index.ts";
import type { SequentialSpec } from "./sequential.ts";

/** A property to check on the reachable state graph of a model. */
export type Property<S> =
  | { readonly kind: "always"; readonly name: string; readonly holds: (state: S) => boolean }
  | { readonly kind: "sometimes"; readonly name: string; readonly holds: (state: S) => boolean }
  | { readonly kind: "deadlock"; readonly name: string }
  | { readonly kind: "termination"; readonly name: string }
  | {
      readonly kind: "linearizable";
      readonly name: string;
      readonly history: (state: S) => readonly HistoryEvent[];
      readonly spec: SequentialSpec;
    };

export type PropertyKind = Property<unknown>["kind"];

/** Invariant: `holds` is true in every reachable state. */
export const always = <S>(name: string, holds: (state: S) => boolean): Property<S> => ({ kind: "always", name, holds });

/** Reachability: some reachable state satisfies `holds`; unreached means the check is vacuous and fails. */
export const sometimes = <S>(name: string, holds: (state: S) => boolean): Property<S> => ({ kind: "sometimes", name, holds });

/** No reachable state that is not final has zero successors. */
export const noDeadlock = <S>(name = "no-deadlock"): Property<S> => ({ kind: "deadlock", name });

/** The reachable graph has no cycle: every execution is finite. A cycle is reported as a lasso. */
export const terminates = <S>(name = "terminates"): Property<S> => ({ kind: "termination", name });

/** In every reachable state, the recorded client history is linearizable w.r.t. `spec`. */
export const linearizable = <S>(
  name: string,
  history: (state: S) => readonly HistoryEvent[],
  spec: SequentialSpec,
): Property<S> => ({ kind: "linearizable", name, history, spec });
