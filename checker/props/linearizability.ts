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
      if (open !== undefined) throw new Error(`malformed history: client ${event.client} calls at event ${i} while its call at event ${ops[open]!.call} is pending`);
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
 * completed operation's result is the spec's (Wing & Gong search, memoized on placed set × spec state).
 */
export function linearization(history: readonly HistoryEvent[], spec: SequentialSpec): readonly number[] | undefined {
  const ops = operations(history);
  const completed = ops.filter((o) => o.ret !== undefined).length;
  const placed = new Uint8Array(ops.length);
  const order: number[] = [];
  const failed = new Set<string>();

  const search = (state: unknown, placedCompleted: number): boolean => {
    if (placedCompleted === completed) return true;
    const key = `${Array.from(placed).join("")}|${encode(state)}`;
    if (failed.has(key)) return false;
    // The earliest response among unplaced completed operations: anything placed next must be called before it.
    let deadline = Infinity;
    for (let i = 0; i < ops.length; i++) if (!placed[i] && ops[i]!.ret !== undefined) deadline = Math.min(deadline, ops[i]!.ret!);
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (placed[i] || op.call > deadline) continue;
      const step = spec.apply(state, op.operation);
      if (op.ret !== undefined && encode(step.result) !== encode(op.result)) continue;
      placed[i] = 1;
      order.push(i);
      if (search(step.state, placedCompleted + (op.ret !== undefined ? 1 : 0))) return true;
      placed[i] = 0;
      order.pop();
    }
    failed.add(key);
    return false;
  };
  return search(spec.init, 0) ? order : undefined;
}

/** True when the history is linearizable with respect to `spec`. */
export function isLinearizable(history: readonly HistoryEvent[], spec: SequentialSpec): boolean {
  return linearization(history, spec) !== undefined;
}
