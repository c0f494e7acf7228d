import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { abdClient, abdServer, type AbdMessage, type ClientState } from "../../src/protocols/abd/index.ts";

const recorder = () => recorderOf<AbdMessage>();

describe("ABD server", () => {
  const server = abdServer("s1");
  it("answers a query with its timestamp and value, unchanged", () => {
    const r = recorder();
    const state = { ts: [2, 4] as const, value: 7 };
    expect(server.receive(state, 4, { type: "query", rid: 3 }, r.out)).toBe(state);
    expect(r.sent).toEqual([[4, { type: "queryReply", rid: 3, ts: [2, 4], value: 7 }]]);
  });

  it("adopts an update only when its timestamp is later, and acknowledges either way", () => {
    const r = recorder();
    const state = { ts: [2, 4] as const, value: 7 };
    expect(server.receive(state, 3, { type: "update", rid: 1, ts: [2, 3], value: 9 }, r.out)).toBe(state);
    expect(server.receive(state, 5, { type: "update", rid: 1, ts: [2, 5], value: 9 }, r.out)).toEqual({ ts: [2, 5], value: 9 });
    expect(r.sent.map(([to, m]) => [to, m.type])).toEqual([
      [3, "updateAck"],
      [5, "updateAck"],
    ]);
  });
});

describe("ABD client", () => {
  const servers = [0, 1, 2];
  const writer = abdClient({ name: "c1", id: 3, servers, script: [{ op: "write", value: 5 }] });
  const reader = (flaws = {}) => abdClient({ name: "c2", id: 4, servers, script: [{ op: "read" }], flaws });

  function deliver(client: typeof writer, state: ClientState, from: number, m: AbdMessage) {
    const r = recorder();
    return { state: client.receive(state, from, m, r.out), ...r };
  }

  it("a write queries every server, then writes (max counter + 1, own id) after a majority", () => {
    const r = recorder();
    const querying = writer.invoke!(writer.init(), r.out)!;
    expect(r.events).toEqual([{ call: { op: "write", value: 5 } }]);
    expect(r.sent).toEqual(servers.map((s) => [s, { type: "query", rid: 1 }]));
    const one = deliver(writer, querying, 0, { type: "queryReply", rid: 1, ts: [3, 4], value: 1 });
    expect(one.sent).toEqual([]);
    const two = deliver(writer, one.state, 2, { type: "queryReply", rid: 1, ts: [1, 3], value: 2 });
    expect(two.sent).toEqual(servers.map((s) => [s, { type: "update", rid: 2, ts: [4, 3], value: 5 }]));
    expect(two.state.phase).toBe("update");
  });

  it("ignores stale and repeated replies", () => {
    const querying = writer.invoke!(writer.init(), recorder().out)!;
    expect(deliver(writer, querying, 0, { type: "queryReply", rid: 0, ts: [9, 9], value: 1 }).state).toBe(querying);
    const once = deliver(writer, querying, 0, { type: "queryReply", rid: 1, ts: [0, 0], value: null }).state;
    expect(deliver(writer, once, 0, { type: "queryReply", rid: 1, ts: [0, 0], value: null }).state).toBe(once);
  });

  it("a read writes back the highest value it saw and returns it after a majority of acks", () => {
    const client = reader();
    let state = client.invoke!(client.init(), recorder().out)!;
    state = deliver(client, state, 0, { type: "queryReply", rid: 1, ts: [1, 3], value: 5 }).state;
    const back = deliver(client, state, 1, { type: "queryReply", rid: 1, ts: [0, 0], value: null });
    expect(back.sent).toEqual(servers.map((s) => [s, { type: "update", rid: 2, ts: [1, 3], value: 5 }]));
    const ack1 = deliver(client, back.state, 2, { type: "updateAck", rid: 2 });
    const ack2 = deliver(client, ack1.state, 0, { type: "updateAck", rid: 2 });
    expect(ack2.events).toEqual([{ ret: 5 }]);
    expect(client.done!(ack2.state)).toBe(true);
  });

  it("flaw reader-skips-write-back: the read returns right after the query phase", () => {
    const client = reader({ readerSkipsWriteBack: true });
    let state = client.invoke!(client.init(), recorder().out)!;
    state = deliver(client, state, 0, { type: "queryReply", rid: 1, ts: [1, 3], value: 5 }).state;
    const done = deliver(client, state, 1, { type: "queryReply", rid: 1, ts: [0, 0], value: null });
    expect(done.events).toEqual([{ ret: 5 }]);
    expect(done.sent).toEqual([]);
  });

  it("flaw writer-skips-query: the write goes straight to the update phase with a local timestamp", () => {
    const client = abdClient({ name: "c1", id: 3, servers, script: [{ op: "write", value: 5 }], flaws: { writerSkipsQuery: true } });
    const r = recorder();
    client.invoke!(client.init(), r.out);
    expect(r.sent).toEqual(servers.map((s) => [s, { type: "update", rid: 1, ts: [1, 3], value: 5 }]));
  });
});
