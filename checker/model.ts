/**
 * The Model contract: anything with initial states, labelled enabled actions and a next-state function
 * can be explored. States must be immutable plain data (objects, arrays, strings, finite numbers,
 * booleans, null); a model that means a set or a bag keeps it as a sorted array so equal states are equal data.
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
  /** The state as a person reads it (names instead of indexes); plain data. Defaults to the state. */
  view?(state: S): unknown;
}

/** A function from a model's states to a verdict. */
export type StatePredicate<S> = (state: S) => boolean;
