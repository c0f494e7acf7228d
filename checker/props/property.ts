import type { HistoryEvent } from "../../src/actor/index.ts";
import type { SequentialSpec } from "./sequential.ts";

/** A property to check on the reachable state graph of a model. */
export type Property<S> =
  | { readonly kind: "always"; readonly name: string; readonly holds: (state: S) => boolean }
  | { readonly kind: "sometimes"; readonly name: string; readonly holds: (state: S) => boolean }
  | { readonly kind: "deadlock"; readonly name: string }
  | { readonly kind: "termination"; readonly name: string }
  | { readonly kind: "eventually"; readonly name: string; readonly holds: (state: S) => boolean }
  | { readonly kind: "leadsTo"; readonly name: string; readonly from: (state: S) => boolean; readonly to: (state: S) => boolean }
  | {
      readonly kind: "linearizable";
      readonly name: string;
      readonly history: (state: S) => readonly HistoryEvent[];
      readonly spec: SequentialSpec;
    };

export type PropertyKind = Property<unknown>["kind"];

/** The properties decided on fair infinite executions (lassos) rather than on single states. */
export type LivenessProperty<S> = Extract<Property<S>, { kind: "termination" | "eventually" | "leadsTo" }>;

export const isLiveness = <S>(p: Property<S>): p is LivenessProperty<S> => p.kind === "termination" || p.kind === "eventually" || p.kind === "leadsTo";

/** Invariant: `holds` is true in every reachable state. */
export const always = <S>(name: string, holds: (state: S) => boolean): Property<S> => ({ kind: "always", name, holds });

/** Reachability: some reachable state satisfies `holds`; unreached means the check is vacuous and fails. */
export const sometimes = <S>(name: string, holds: (state: S) => boolean): Property<S> => ({ kind: "sometimes", name, holds });

/** No reachable state that is not final has zero successors. */
export const noDeadlock = <S>(name = "no-deadlock"): Property<S> => ({ kind: "deadlock", name });

/**
 * Every fair execution reaches a final state or a state with no successor (that one is a deadlock, reported
 * by noDeadlock); a fair cycle of non-final states is reported as a lasso. TLA+: <>(Final \/ ~ENABLED Next).
 */
export const terminates = <S>(name = "terminates"): Property<S> => ({ kind: "termination", name });

/** <>P: every fair execution from an initial state reaches a state where `holds` is true. */
export const eventually = <S>(name: string, holds: (state: S) => boolean): Property<S> => ({ kind: "eventually", name, holds });

/** P ~> Q: from every reachable state where `from` holds, every fair execution reaches a state where `to` holds. */
export const leadsTo = <S>(name: string, from: (state: S) => boolean, to: (state: S) => boolean): Property<S> => ({ kind: "leadsTo", name, from, to });

/** In every reachable state, the recorded client history is linearizable w.r.t. `spec`. */
export const linearizable = <S>(
  name: string,
  history: (state: S) => readonly HistoryEvent[],
  spec: SequentialSpec,
): Property<S> => ({ kind: "linearizable", name, history, spec });
