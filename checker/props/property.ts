import type { HistoryEvent } from "../../src/actor/index.ts";
import type { SequentialSpec } from "./sequential.ts";

/** Where a property is declared: its unique name and, optionally, its TLA+ twin's name. */
interface Named {
  readonly name: string;
  /**
   * The TLA+ twin: the invariant that states it (for `sometimes`, an invariant TLC must find violated), or for
   * a liveness property a temporal formula checked as a PROPERTY of the module's FairSpec. Absent: explorer only.
   */
  readonly tla?: string;
}

/**
 * A property to check on the reachable state graph of a model. Its predicates are pure functions of the state they are
 * given: the explorer may answer for a state from an earlier one whose fields it read were the same (./read-memo.ts).
 */
export type Property<S> = Named &
  (
    | { readonly kind: "always"; readonly holds: (state: S) => boolean }
    | { readonly kind: "sometimes"; readonly holds: (state: S) => boolean }
    | { readonly kind: "deadlock" }
    | { readonly kind: "termination" }
    | { readonly kind: "eventually"; readonly holds: (state: S) => boolean }
    | { readonly kind: "leadsTo"; readonly from: (state: S) => boolean; readonly to: (state: S) => boolean }
    | { readonly kind: "linearizable"; readonly history: (state: S) => readonly HistoryEvent[]; readonly spec: SequentialSpec }
  );

export type PropertyKind = Property<unknown>["kind"];

/** The options every property takes: its TLA+ twin. */
export interface PropertyOptions {
  readonly tla?: string;
}

/** The properties decided on fair infinite executions (lassos) rather than on single states. */
export type LivenessProperty<S> = Extract<Property<S>, { kind: "termination" | "eventually" | "leadsTo" }>;

export const isLiveness = <S>(p: Property<S>): p is LivenessProperty<S> =>
  p.kind === "termination" || p.kind === "eventually" || p.kind === "leadsTo";

/** How a property's twin is stated in TLA+: an invariant, an invariant TLC must violate, or a temporal property. */
export type TlaTwin = { readonly invariant: string } | { readonly violatedInvariant: string } | { readonly property: string };

/** The twin of a property, from its kind and its `tla` name; undefined when it has none. */
export function twinOf(property: Property<unknown>): TlaTwin | undefined {
  if (property.tla === undefined) return undefined;
  if (isLiveness(property)) return { property: property.tla };
  return property.kind === "sometimes" ? { violatedInvariant: property.tla } : { invariant: property.tla };
}

const withTwin = (options: PropertyOptions | undefined) => (options?.tla === undefined ? {} : { tla: options.tla });

/** Invariant: `holds` is true in every reachable state. */
export const always = <S>(name: string, holds: (state: S) => boolean, options?: PropertyOptions): Property<S> => ({
  kind: "always",
  name,
  holds,
  ...withTwin(options),
});

/** Reachability: some reachable state satisfies `holds`; unreached means the check is vacuous and fails. */
export const sometimes = <S>(name: string, holds: (state: S) => boolean, options?: PropertyOptions): Property<S> => ({
  kind: "sometimes",
  name,
  holds,
  ...withTwin(options),
});

/** No reachable state that is not final has zero successors. Named "no-deadlock" unless told otherwise. */
export const noDeadlock = <S>(options?: PropertyOptions & { readonly name?: string }): Property<S> => ({
  kind: "deadlock",
  name: options?.name ?? "no-deadlock",
  ...withTwin(options),
});

/**
 * Every fair execution reaches a final state or a state with no successor (that one is a deadlock, reported
 * by noDeadlock); a fair cycle of non-final states is reported as a lasso. TLA+: <>(Final \/ ~ENABLED Next).
 */
export const terminates = <S>(options?: PropertyOptions & { readonly name?: string }): Property<S> => ({
  kind: "termination",
  name: options?.name ?? "terminates",
  ...withTwin(options),
});

/** <>P: every fair execution from an initial state reaches a state where `holds` is true. */
export const eventually = <S>(name: string, holds: (state: S) => boolean, options?: PropertyOptions): Property<S> => ({
  kind: "eventually",
  name,
  holds,
  ...withTwin(options),
});

/** P ~> Q: from every reachable state where `from` holds, every fair execution reaches a state where `to` holds. */
export const leadsTo = <S>(name: string, from: (state: S) => boolean, to: (state: S) => boolean, options?: PropertyOptions): Property<S> => ({
  kind: "leadsTo",
  name,
  from,
  to,
  ...withTwin(options),
});

/** In every reachable state, the recorded client history is linearizable w.r.t. `spec`. */
export const linearizable = <S>(
  name: string,
  history: (state: S) => readonly HistoryEvent[],
  spec: SequentialSpec,
  options?: PropertyOptions,
): Property<S> => ({ kind: "linearizable", name, history, spec, ...withTwin(options) });
