import type { HistoryEvent, Id, Operation } from "../../src/actor/index.ts";
import { encode, sameEncoding } from "../state/encode.ts";
import type { SequentialSpec } from "./sequential.ts";

/** One client operation of a history: where it was called and, unless pending, where it returned. */
export interface HistoryOperation {
  readonly client: Id;
  readonly operation: Operation;
  readonly call: number;
  /** Index of the response event; undefined while the operation is pending. */
  readonly ret: number | undefined;
  readonly result: unknown;
}

/** Pairs each call with its client's next response; throws on a malformed history. */
export function operations(history: readonly HistoryEvent[]): HistoryOperation[] {
  const ops: { client: Id; operation: Operation; call: number; ret: number | undefined; result: unknown }[] = [];
  const pending = new Map<Id, number>();
  history.forEach((event, i) => {
    const open = pending.get(event.client);
    if ("call" in event) {
      if (open !== undefined)
        throw new Error(`malformed history: client ${event.client} calls at event ${i} while its call at event ${ops[open]!.call} is pending`);
      pending.set(event.client, ops.length);
      ops.push({ client: event.client, operation: event.call, call: i, ret: undefined, result: undefined });
    } else {
      if (open === undefined) throw new Error(`malformed history: client ${event.client} returns at event ${i} with no pending call`);
      ops[open]!.ret = i;
      ops[open]!.result = event.ret;
      pending.delete(event.client);
    }
  });
  return ops;
}

/**
 * A linearization of the history (indexes into `operations(history)` in order), or undefined if none
 * exists. All completed operations are placed, pending ones may be; real-time order is respected and each
 * completed operation's result is the spec's. Wing & Gong's search, memoized on the placed set × spec state,
 * without recursion (no stack limit on long histories). Operations are in call order, and everything before
 * `first` is placed, so each step only looks at the window of operations from `first` to the earliest pending
 * response: a history with little concurrency is checked in about linear time.
 */
export function linearization(history: readonly HistoryEvent[], spec: SequentialSpec): readonly number[] | undefined {
  const ops = operations(history);
  const completed = ops.filter((o) => o.ret !== undefined).length;
  const placed = new PlacedSet(ops.length);
  const order: number[] = [];
  const failed = new Set<string>();
  interface Frame {
    readonly state: unknown;
    readonly done: number;
    readonly deadline: number;
    readonly key: string;
    next: number;
    chosen: number;
  }
  const frame = (state: unknown, done: number): Frame => {
    // The earliest response among unplaced completed operations: anything placed next must be called before it.
    let deadline = Infinity;
    for (let i = placed.first; i < ops.length && ops[i]!.call <= deadline; i++) {
      if (!placed.has(i) && ops[i]!.ret !== undefined) deadline = Math.min(deadline, ops[i]!.ret!);
    }
    return { state, done, deadline, key: `${placed.key()}|${encode(state)}`, next: placed.first, chosen: -1 };
  };
  const frames = [frame(spec.init, 0)];
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!;
    if (top.done === completed) return order;
    let child: Frame | undefined;
    while (child === undefined && top.next < ops.length && ops[top.next]!.call <= top.deadline) {
      const i = top.next++;
      const op = ops[i]!;
      if (placed.has(i)) continue;
      const step = spec.apply(top.state, op.operation);
      if (op.ret !== undefined && encode(step.result) !== encode(op.result)) continue;
      placed.add(i);
      const next = frame(step.state, top.done + (op.ret !== undefined ? 1 : 0));
      if (failed.has(next.key)) {
        placed.remove(i);
        continue;
      }
      order.push(i);
      top.chosen = i;
      child = next;
    }
    if (child !== undefined) {
      frames.push(child);
      continue;
    }
    failed.add(top.key);
    frames.pop();
    const parent = frames[frames.length - 1];
    if (parent !== undefined) {
      placed.remove(parent.chosen);
      order.pop();
    }
  }
  return undefined;
}

/** Which operations are placed: all those before `first`, and the set `above` of those after it. */
class PlacedSet {
  private readonly flags: Uint8Array;
  private readonly above = new Set<number>();
  first = 0;

  constructor(size: number) {
    this.flags = new Uint8Array(size);
  }

  has(i: number): boolean {
    return this.flags[i] === 1;
  }

  add(i: number): void {
    this.flags[i] = 1;
    if (i !== this.first) {
      this.above.add(i);
      return;
    }
    this.first++;
    while (this.first < this.flags.length && this.flags[this.first] === 1) this.above.delete(this.first++);
  }

  remove(i: number): void {
    this.flags[i] = 0;
    if (i >= this.first) {
      this.above.delete(i);
      return;
    }
    for (let j = i + 1; j < this.first; j++) this.above.add(j);
    this.first = i;
  }

  /** The set as a short exact string: `first`, then the placed operations after it. */
  key(): string {
    return `${this.first}:${[...this.above].sort((a, b) => a - b).join(",")}`;
  }
}

/** True when the history is linearizable with respect to `spec`. */
export function isLinearizable(history: readonly HistoryEvent[], spec: SequentialSpec): boolean {
  return linearization(history, spec) !== undefined;
}

/** One way a linearization can stand after a prefix: the spec's state and the pending calls that took effect, with their results. */
interface Configuration {
  readonly state: unknown;
  /** Per client with a pending call that already took effect: its result (absent: not yet taken effect). */
  readonly done: ReadonlyMap<Id, unknown>;
}

/**
 * Linearizability decided event by event, by just-in-time linearization (Lowe, "Testing for linearizability",
 * 2017): after a prefix of a history, every configuration a linearization of it can be in. A call adds a pending
 * operation; a response keeps the configurations in which its operation has taken effect, earlier or now (after
 * any of the other pending operations), with the result it returned; operations still pending at the end may or may
 * not have taken effect. The prefix is linearizable iff a configuration is left, the same verdict as
 * `isLinearizable`. A frontier is immutable, so the frontier of a history extends to each continuation's: checking
 * a history one event longer than one checked before costs one event, not the whole history.
 */
export class Frontier {
  private constructor(
    readonly spec: SequentialSpec,
    /** Events read so far. */
    readonly length: number,
    /** Each client's pending operation, and the index of its call. */
    private readonly pending: ReadonlyMap<Id, { readonly operation: Operation; readonly call: number }>,
    private readonly configurations: readonly Configuration[],
  ) {}

  /** The frontier of the empty history. */
  static initial(spec: SequentialSpec): Frontier {
    return new Frontier(spec, 0, new Map(), [{ state: spec.init, done: new Map() }]);
  }

  /** True when the events read so far are linearizable. */
  get linearizable(): boolean {
    return this.configurations.length > 0;
  }

  /** The frontier after one more event; throws on a malformed history, as `operations` does. */
  after(event: HistoryEvent): Frontier {
    const i = this.length;
    const open = this.pending.get(event.client);
    if ("call" in event) {
      if (open !== undefined)
        throw new Error(`malformed history: client ${event.client} calls at event ${i} while its call at event ${open.call} is pending`);
      const pending = new Map(this.pending).set(event.client, { operation: event.call, call: i });
      return new Frontier(this.spec, i + 1, pending, this.configurations);
    }
    if (open === undefined) throw new Error(`malformed history: client ${event.client} returns at event ${i} with no pending call`);
    const pending = new Map(this.pending);
    pending.delete(event.client);
    return new Frontier(this.spec, i + 1, pending, this.configurations.length === 0 ? [] : this.responded(event.client, event.ret));
  }

  /** The configurations in which `client`'s pending operation has taken effect with result `result`, that operation dropped. */
  private responded(client: Id, result: unknown): Configuration[] {
    const kept = new Map<string, Configuration>();
    const seen = new Set<string>();
    const work = this.configurations.slice();
    for (const c of work) seen.add(keyOf(c));
    while (work.length > 0) {
      const c = work.pop()!;
      if (c.done.has(client)) {
        if (sameEncoding(c.done.get(client), result)) {
          const done = new Map(c.done);
          done.delete(client);
          const k = keyOf({ state: c.state, done });
          if (!kept.has(k)) kept.set(k, { state: c.state, done });
        }
        continue;
      }
      // Some pending operation not yet in effect takes effect now: the responding one, or another before it.
      for (const [other, { operation }] of this.pending) {
        if (c.done.has(other)) continue;
        const step = this.spec.apply(c.state, operation);
        const next = { state: step.state, done: new Map(c.done).set(other, step.result) };
        const k = keyOf(next);
        if (!seen.has(k)) {
          seen.add(k);
          work.push(next);
        }
      }
    }
    return [...kept.values()];
  }
}

/** A configuration as an exact string: the spec's state, and each client that took effect with its result, in client order. */
function keyOf(c: Configuration): string {
  let key = encode(c.state);
  for (const client of [...c.done.keys()].sort((a, b) => a - b)) key += `|${client}:${encode(c.done.get(client))}`;
  return key;
}

/**
 * Linearizability of many histories that share prefixes (the histories of an explorer's states, each its parent's
 * plus the events of one step): each history's frontier is kept, found again by the history array or by walking
 * the events (as objects) from the longest prefix already read, so a history is read once however many states
 * hold it, and a longer one from where its prefix left off. Events are immutable, as states are.
 */
export class LinearizabilityMemo {
  private readonly root: PrefixNode;
  private readonly byHistory = new WeakMap<readonly HistoryEvent[], Frontier>();

  constructor(spec: SequentialSpec) {
    this.root = { frontier: Frontier.initial(spec), next: new WeakMap() };
  }

  /** True when `history` is linearizable; throws on a malformed history. */
  holds(history: readonly HistoryEvent[]): boolean {
    const known = this.byHistory.get(history);
    if (known !== undefined) return known.linearizable;
    let node = this.root;
    for (const event of history) {
      if (typeof event !== "object" || event === null) throw new Error(`malformed history: ${String(event)} is not an event`);
      let child = node.next.get(event);
      if (child === undefined) {
        child = { frontier: node.frontier.after(event), next: new WeakMap() };
        node.next.set(event, child);
      }
      node = child;
    }
    this.byHistory.set(history, node.frontier);
    return node.frontier.linearizable;
  }
}

interface PrefixNode {
  readonly frontier: Frontier;
  readonly next: WeakMap<HistoryEvent, PrefixNode>;
}
