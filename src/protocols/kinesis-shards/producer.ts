import type { Actor, Id } from "../../actor/index.ts";
import type { StreamMessage } from "./stream.ts";

/** A producer: the next record of its script to put, where it routes each key (a shard handle), whether a put is in flight. */
export interface ProducerState {
  readonly next: number;
  readonly routes: Readonly<Record<string, number>>;
  readonly pending: boolean;
}

/**
 * A producer putting the records of its script (partition keys, in order) one at a time: each to the shard its routes
 * name for the key (at first the stream's first shard), waiting for the sequence number before the next. A redirect
 * (the shard closed at a split) updates the route and requeues the record to the child.
 */
export function producer(options: { name: string; stream: Id; script: readonly string[] }): Actor<ProducerState, StreamMessage> {
  const { stream, script } = options;
  /** The producer's count of records of `key` up to the `index`th of the script: the record's value, 1, 2, … per key. */
  const countOf = (index: number) => script.slice(0, index + 1).filter((k) => k === script[index]).length;
  const put = (state: ProducerState, out: { send(to: Id, m: StreamMessage): void }) => {
    const key = script[state.next]!;
    out.send(stream, { type: "put", shard: state.routes[key]!, key, n: countOf(state.next) });
  };
  return {
    name: options.name,
    init: () => ({ next: 0, routes: Object.fromEntries([...new Set(script)].sort().map((k) => [k, 0])), pending: false }),
    localEvents: (state) => (!state.pending && state.next < script.length ? ["put"] : []),
    onLocalEvent(state, _event, out) {
      put(state, out);
      return { ...state, pending: true };
    },
    receive(state, from, message, out) {
      if (from !== stream || !state.pending) throw new Error(`${options.name} received ${JSON.stringify(message)} unasked`);
      if (message.type === "ack") return { ...state, next: state.next + 1, pending: false };
      if (message.type === "redirect") {
        const next = { ...state, routes: { ...state.routes, [script[state.next]!]: message.shard } };
        put(next, out);
        return next;
      }
      throw new Error(`${options.name} received ${JSON.stringify(message)}`);
    },
    done: (state) => state.next === script.length,
  };
}
