import type { Out } from "../../src/actor/index.ts";

/** An Out that records what a handler did: the messages it sent, the history events it reported, its timers and durable records. */
export function recorder<M>(clock = 0) {
  const sent: [number, M][] = [];
  const events: unknown[] = [];
  const timers: [string, number | null][] = [];
  const persisted: unknown[] = [];
  const out: Out<M> = {
    send: (to, m) => sent.push([to, m]),
    invoked: (op) => events.push({ call: op }),
    returned: (v) => events.push({ ret: v }),
    setTimer: (name, duration) => timers.push([name, duration]),
    cancelTimer: (name) => timers.push([name, null]),
    now: () => clock,
    persist: (record) => persisted.push(record),
  };
  return { out, sent, events, timers, persisted };
}
