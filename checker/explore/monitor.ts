import { LinearizabilityMemo } from "../props/linearizability.ts";
import { isLiveness, type LivenessProperty, type Property } from "../props/property.ts";
import { ReadMemo } from "../props/read-memo.ts";

/** A property as evaluated during a search: the state id of its first witness or violation, if any. */
interface Watch<S> {
  readonly property: Property<S>;
  /** For always/linearizable/deadlock: first violating state; for sometimes: first witness. */
  found: number;
  /** A per-state test, for the properties decided one state at a time. */
  readonly test?: (state: S) => boolean;
}

/**
 * Evaluates the state properties on each new state and the deadlock check on each expanded state,
 * remembering the first (under BFS, the shallowest) state that decides each.
 */
export class Monitor<S> {
  readonly watches: readonly Watch<S>[];
  private readonly perState: Watch<S>[];
  private readonly deadlock: Watch<S> | undefined;

  constructor(properties: readonly Property<S>[]) {
    this.watches = properties.map((property) => ({ property, found: -1, test: stateTest(property) }));
    this.perState = this.watches.filter((w) => w.test !== undefined);
    this.deadlock = this.watches.find((w) => w.property.kind === "deadlock");
    this.liveness = properties.filter(isLiveness).map((property) => ({ property, bits: new StateBytes() }));
    this.livenessTests = this.liveness.flatMap(({ property, bits }): LivenessTest<S>[] => {
      const bitsOf = livenessBits(property);
      return bitsOf ? [{ bits, bitsOf }] : [];
    });
  }

  /** The liveness properties' state predicates (answers remembered as the safety properties' are), with their bits. */
  private readonly livenessTests: readonly LivenessTest<S>[];

  /** The liveness properties, with the state bits they are decided on after the search. */
  readonly liveness: readonly LivenessWatch<S>[];
  /** Bit 0: the state is final (set when it is expanded). */
  readonly finals = new StateBytes();

  /** True when some property needs the state graph (the liveness properties). */
  get needsGraph(): boolean {
    return this.liveness.length > 0;
  }

  /** Evaluates the per-state properties not yet decided on a newly discovered state; true on a violation. */
  onState(state: S, id: number): boolean {
    let violated = false;
    for (const test of this.livenessTests) test.bits.set(id, test.bitsOf(state));
    for (const w of this.perState) {
      if (w.found >= 0) continue;
      const ok = w.test!(state);
      if (w.property.kind === "sometimes" ? ok : !ok) {
        w.found = id;
        violated ||= w.property.kind !== "sometimes";
      }
    }
    return violated;
  }

  /** Records a deadlock when an expanded state has no successor and is not final; true when it does. */
  onExpanded(id: number, successors: number, final: boolean): boolean {
    if (final && this.liveness.length > 0) this.finals.set(id, 1);
    if (!this.deadlock || this.deadlock.found >= 0 || successors > 0 || final) return false;
    this.deadlock.found = id;
    return true;
  }
}

/** A liveness property and, per state id, its predicates' bits (`trigger`, `goal`). */
export interface LivenessWatch<S> {
  readonly property: LivenessProperty<S>;
  readonly bits: StateBytes;
}

/** A liveness property's bits of a state, with where they are kept. */
interface LivenessTest<S> {
  readonly bits: StateBytes;
  readonly bitsOf: (state: S) => number;
}

/**
 * A liveness property's bits of a state: `trigger` when a leadsTo's `from` holds, `goal` when eventually's or leadsTo's
 * `to` does (answers remembered as the safety properties' are); undefined for other kinds.
 */
export function livenessBits<S>(property: Property<S>): ((state: S) => number) | undefined {
  const remembered = (predicate: (state: S) => boolean) => {
    const answers = new ReadMemo(predicate);
    return (state: S) => answers.holds(state);
  };
  if (property.kind === "eventually") {
    const holds = remembered(property.holds);
    return (state) => (holds(state) ? goal : 0);
  }
  if (property.kind === "leadsTo") {
    const from = remembered(property.from);
    const to = remembered(property.to);
    return (state) => (from(state) ? trigger : 0) | (to(state) ? goal : 0);
  }
  return undefined;
}

/** Bits of a leadsTo's `from` (trigger) and of eventually's or leadsTo's `to` (goal). */
export const trigger = 1;
export const goal = 2;

/** One byte per state id, growing as states are found. */
export class StateBytes {
  private bytes = new Uint8Array(1 << 14);

  set(id: number, value: number): void {
    while (id >= this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[id] = value;
  }

  get(id: number): number {
    return id < this.bytes.length ? this.bytes[id]! : 0;
  }
}

export function stateTest<S>(property: Property<S>): ((state: S) => boolean) | undefined {
  switch (property.kind) {
    case "always":
    case "sometimes": {
      // Answers kept by the parts of the state the predicate reads (e.g. the same processes' states, whatever the network).
      const answers = new ReadMemo(property.holds);
      return (state) => answers.holds(state);
    }
    case "linearizable": {
      // Each history is read once however many states hold it, and from where its longest prefix read before left off.
      const memo = new LinearizabilityMemo(property.spec);
      const answers = new ReadMemo((state: S) => memo.holds(property.history(state)));
      return (state) => answers.holds(state);
    }
    default:
      return undefined;
  }
}
