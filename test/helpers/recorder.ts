import type { Out } from "../../src/actor/index.ts";

/** An Out that records what a handler did: the messages it sent and the history events it reported. */
export function recorder<M>() {
  const sent: [number, M][] = [];
  const events: unknown[] = [];
  const out: Out<M> = { send: (to, m) => sent.push([to, m]), invoked: (op) => events.push({ call: op }), returned: (v) => events.push({ ret: v }) };
  return { out, sent, events };
}
