import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { chainClient, chainNode, type ChainMessage } from "../../src/protocols/chain-replication/index.ts";

const recorder = () => recorderOf<ChainMessage>();

describe("chain replication node", () => {
  const head = chainNode({ name: "n1", id: 0, successor: 1 });
  const tail = chainNode({ name: "n3", id: 2, successor: null });

  it("as head, stamps a client's write with the next version, applies it and passes it down", () => {
    const r = recorder();
    expect(head.receive({ version: [3, 1], value: 7 }, 4, { type: "write", rid: 2, value: 9 }, r.out)).toEqual({ version: [4, 0], value: 9 });
    expect(r.sent).toEqual([[1, { type: "update", version: [4, 0], value: 9, client: 4, rid: 2 }]]);
  });

  it("applies an update only if newer, passes it on either way, and the tail acknowledges to the client", () => {
    const r = recorder();
    const state = { version: [2, 0] as const, value: 5 };
    expect(tail.receive(state, 1, { type: "update", version: [1, 0], value: 4, client: 3, rid: 1 }, r.out)).toBe(state);
    expect(tail.receive(state, 1, { type: "update", version: [2, 1], value: 6, client: 4, rid: 1 }, r.out)).toEqual({ version: [2, 1], value: 6 });
    expect(r.sent).toEqual([
      [3, { type: "ack", rid: 1 }],
      [4, { type: "ack", rid: 1 }],
    ]);
  });

  it("answers a read with its value", () => {
    const r = recorder();
    tail.receive({ version: [1, 0], value: 5 }, 4, { type: "read", rid: 3 }, r.out);
    expect(r.sent).toEqual([[4, { type: "readReply", rid: 3, value: 5 }]]);
  });
});

describe("chain replication client", () => {
  const nodes = [0, 1, 2];
  const client = (readAtHead = false) => chainClient({ name: "c1", nodes, script: [{ op: "write", value: 1 }, { op: "read" }], readAtHead });

  it("writes at the head and reads at the tail (or the head, flawed); answers with other request ids are stale", () => {
    const c = client();
    const r = recorder();
    let state = c.invoke!(c.init(), r.out)!;
    expect(c.receive(state, 2, { type: "ack", rid: 0 }, r.out)).toBe(state);
    state = c.receive(state, 2, { type: "ack", rid: 1 }, r.out);
    state = c.invoke!(state, r.out)!;
    expect(r.sent).toEqual([
      [0, { type: "write", rid: 1, value: 1 }],
      [2, { type: "read", rid: 2 }],
    ]);
    c.receive(state, 2, { type: "readReply", rid: 2, value: 1 }, r.out);
    expect(r.events).toEqual([{ call: { op: "write", value: 1 } }, { ret: "ok" }, { call: { op: "read" } }, { ret: 1 }]);
    const flawed = client(true);
    const f = recorder();
    flawed.invoke!({ ...flawed.init(), next: 1 }, f.out);
    expect(f.sent).toEqual([[0, { type: "read", rid: 1 }]]);
  });

  it("after the head's fail-stop notice it sends to the new head", () => {
    const c = client();
    const r = recorder();
    const told = c.onCrash!(c.init(), 0, r.out);
    expect(told.down).toEqual([0]);
    c.invoke!(told, r.out);
    expect(r.sent).toEqual([[1, { type: "write", rid: 1, value: 1 }]]);
  });
});
