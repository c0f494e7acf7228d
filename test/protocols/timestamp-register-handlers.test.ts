import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { registerClient, storageNode, type RegisterClientState, type RegisterMessage } from "../../src/protocols/timestamp-register/index.ts";

const recorder = () => recorderOf<RegisterMessage>();

describe("storage node", () => {
  const node = storageNode("n1");
  it("answers a read with its version and value, unchanged", () => {
    const r = recorder();
    const state = { version: [2, 4] as const, value: 7 };
    expect(node.receive(state, 4, { type: "read", rid: 3 }, r.out)).toBe(state);
    expect(r.sent).toEqual([[4, { type: "readReply", rid: 3, version: [2, 4], value: 7 }]]);
  });

  it("stores a write only when its version is newer, and acknowledges either way", () => {
    const r = recorder();
    const state = { version: [2, 4] as const, value: 7 };
    expect(node.receive(state, 3, { type: "write", rid: 1, version: [2, 3], value: 9 }, r.out)).toBe(state);
    expect(node.receive(state, 5, { type: "write", rid: 1, version: [3, 3], value: 9 }, r.out)).toEqual({ version: [3, 3], value: 9 });
    expect(r.sent.map(([to, m]) => [to, m.type])).toEqual([
      [3, "writeAck"],
      [5, "writeAck"],
    ]);
  });
});

describe("register client", () => {
  const nodes = [0, 1, 2];
  const write5 = [{ op: "write", value: 5 }];
  const twoPhase = registerClient({ name: "c1", id: 3, nodes, script: write5, stamping: { kind: "two-phase" } });

  function invoke(client: typeof twoPhase) {
    const r = recorder();
    return { state: client.invoke!(client.init(), r.out)!, ...r };
  }

  it("a two-phase write first reads every node", () => {
    const { state, sent, events } = invoke(twoPhase);
    expect(state).toMatchObject({ phase: "read", rid: 1 });
    expect(sent).toEqual(nodes.map((n) => [n, { type: "read", rid: 1 }]));
    expect(events).toEqual([{ call: { op: "write", value: 5 } }]);
  });

  it("after a majority of read replies it writes a version above the highest it heard", () => {
    let { state } = invoke(twoPhase);
    const r = recorder();
    state = twoPhase.receive(state, 0, { type: "readReply", rid: 1, version: [4, 9], value: 1 }, r.out);
    state = twoPhase.receive(state, 0, { type: "readReply", rid: 1, version: [7, 9], value: 2 }, r.out); // a duplicate node: ignored
    expect(state.heard).toEqual([0]);
    state = twoPhase.receive(state, 2, { type: "readReply", rid: 1, version: [2, 8], value: 3 }, r.out);
    expect(state).toMatchObject({ phase: "write", rid: 2, version: [5, 3], value: 5 });
    expect(r.sent).toEqual(nodes.map((n) => [n, { type: "write", rid: 2, version: [5, 3], value: 5 }]));
  });

  it("a local-clock write stamps with its own clock at once: offset plus its writes", () => {
    const skewed = registerClient({ name: "c1", id: 3, nodes, script: write5, stamping: { kind: "local-clock", offset: 4 } });
    const { state, sent } = invoke(skewed);
    expect(state).toMatchObject({ phase: "write", version: [5, 3], writes: 1 });
    expect(sent[0]).toEqual([0, { type: "write", rid: 1, version: [5, 3], value: 5 }]);
  });

  it("a read returns the newest value of a majority; stale replies are ignored", () => {
    const reader = registerClient({ name: "c2", id: 4, nodes, script: [{ op: "read" }], stamping: { kind: "two-phase" } });
    let state: RegisterClientState = reader.invoke!(reader.init(), recorder().out)!;
    const r = recorder();
    state = reader.receive(state, 1, { type: "readReply", rid: 0, version: [9, 9], value: 9 }, r.out);
    state = reader.receive(state, 1, { type: "readReply", rid: 1, version: [1, 3], value: 5 }, r.out);
    state = reader.receive(state, 2, { type: "readReply", rid: 1, version: [0, 0], value: null }, r.out);
    expect(r.events).toEqual([{ ret: 5 }]);
    expect(state.phase).toBe("idle");
    expect(reader.done!(state)).toBe(true);
  });
});
