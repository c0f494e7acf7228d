import type { HistoryEvent, Id, Operation } from "../../src/actor/index.ts";
import { encode } from "../state/encode.ts";
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
