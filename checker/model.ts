/**
 * The Model contract: anything with initial states, labelled enabled actions and a next-state function
 * can be explored. States must be immutable plain data (records, arrays, Map, Set, strings, finite numbers,
 * bigints, booleans, null; Map and Set are compared by content); anything else is refused (checker/state/plain-data.ts).
 */
export interface Model<S, A> {
  /** The initial states (TLC's Init). */
  initialStates(): readonly S[];
  /** The actions enabled in `state`, in a deterministic order. */
  actions(state: S): readonly A[];
  /** The state reached by taking `action` (one of `actions(state)`) in `state`. */
  next(state: S, action: A): S;
  /** A one-line human description of an action, e.g. "s1 delivers Read(1) from c1". */
  describe(action: A): string;
  /** The action as plain data for JSON traces (ITF-encodable). */
  actionData(action: A): unknown;
  /** A state that may legitimately have no successor (not a deadlock). */
  isFinal(state: S): boolean;
  /**
   * What fairness an action is owed when liveness is checked: its kind (fairness levels are chosen per kind,
   * weak by default) and a key naming the same action in every state where it is enabled (e.g. the delivery
   * of one message); keys must differ across kinds. Undefined for an action that need never happen (a
   * crash, a loss). Without this method every action is owed weak fairness, named by `describe` (kind "action").
   */
  fairness?(action: A): { readonly kind: string; readonly key: string } | undefined;
  /**
   * What the model cuts short, when it does (e.g. "time stops after 6 ticks (time.horizon)"): safety verdicts then cover
   * the executions within the bound only, and liveness is left unchecked, since a cut execution stutters where the system
   * goes on. Said in every result.
   */
  readonly bound?: string;
  /** The state as a person reads it (names instead of indexes); plain data. Defaults to the state. */
  view?(state: S): unknown;
  /**
   * Optional, for speed: writes a 64-bit fingerprint of `state` into `out` ([hi, lo], unsigned) that depends on the
   * state's content only (equal states, however built, get equal fingerprints; different ones differ but by a hash
   * collision), refusing what is not plain data as `hashInto` does. Absent: the state is hashed whole
   * (checker/state/hash.ts). Call it through `fingerprint` (checker/state/fingerprint.ts).
   */
  fingerprint?(state: S, out: Uint32Array): void;
  /**
   * Interchangeable processes, when the model declares them (actorModel's `symmetry` option). The explorer uses
   * it only when a run asks for it (`check(spec, { symmetry: true })`, `--symmetry`): see ModelSymmetry.
   */
  symmetry?: ModelSymmetry<S>;
}

/**
 * A group of renamings under which the model behaves the same: renaming a state and then taking a step gives
 * the same states as taking the step and then renaming; every property must be symmetric too (it holds in a
 * state exactly when it holds in each renaming of it). The explorer then stores one state per orbit.
 */
export interface ModelSymmetry<S> {
  /** The orbit's representative: one of the state's renamings, the same one for the state and for each of its renamings. */
  canonical(state: S): S;
  /** Renamings that generate the group (e.g. "s1 ↔ s2" and a rotation of the servers), named, for the self-check. */
  readonly generators: readonly { readonly name: string; rename(state: S): S }[];
}

/** A function from a model's states to a verdict. */
export type StatePredicate<S> = (state: S) => boolean;

/** How strongly the actions of one kind are owed a turn: weak (WF), strong (SF), or none. */
export type FairnessLevel = "weak" | "strong" | "none";

/** Fairness level per action kind; a kind not named is weakly fair. */
export type FairnessLevels = Readonly<Record<string, FairnessLevel>>;
