import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { backend, replay, SEALED, swfLogRoles, type BackendState, type SwfMessage } from "../../src/protocols/swf-log/index.ts";
import type { StoreReply } from "../../src/actor/index.ts";

const recorder = () => recorderOf<SwfMessage>();
const options = { store: 0, window: 2, term: 1, guard: 2, checkpointAfter: 1 };
const b1 = backend({ ...options, name: "b1", self: 1, firstOwner: true, successor: 2, entries: 2 });
const b2 = backend({ ...options, name: "b2", self: 2, firstOwner: false, entries: 1 });

const started = (): BackendState => b1.onLocalEvent!(b1.init(), "start", recorder().out);
const appended = (state: BackendState, times: number): BackendState => {
  for (let i = 0; i < times; i++) state = b1.onLocalEvent!(state, "append", recorder().out);
  return state;
};
const putOk = (key: string, version = 1): StoreReply => ({ store: "put-ok", key, version });
const item = (entry: string, writer: number, version = 1) => ({ value: { entry, writer }, version });

describe("swf-log: the first owner", () => {
  it("starts with its lease (a timer of one term) and its heartbeat to the successor", () => {
    const r = recorder();
    expect(b1.localEvents!(b1.init())).toEqual(["start"]);
    const state = b1.onLocalEvent!(b1.init(), "start", r.out);
    expect(state.phase).toBe("owner");
    expect(r.timers).toEqual([["lease", 1]]);
    expect(r.sent).toEqual([[2, { type: "heartbeat" }]]);
    expect(b1.localEvents!(state)).toEqual(["append"]);
  });

  it("appends with conditional puts, at most N (window) beyond the slots it applied", () => {
    const r = recorder();
    let state = b1.onLocalEvent!(started(), "append", r.out);
    state = b1.onLocalEvent!(state, "append", r.out);
    expect(r.sent).toEqual([
      [0, { store: "put", key: "log/1", value: { entry: "b1.1", writer: 1 }, expect: { absent: true } }],
      [0, { store: "put", key: "log/2", value: { entry: "b1.2", writer: 1 }, expect: { absent: true } }],
    ]);
    expect(state.written).toBe(2);
    expect(b1.localEvents!(state)).toEqual([]); // its two entries are written: nothing more to append
    const three = backend({ ...options, name: "b1", self: 1, firstOwner: true, successor: 2, entries: 3 });
    const full = [1, 2].reduce((s) => three.onLocalEvent!(s, "append", recorder().out), three.onLocalEvent!(three.init(), "start", recorder().out));
    expect(three.localEvents!(full)).toEqual([]); // slot 3 > upTo 0 + window 2
    expect(three.localEvents!(three.receive(full, 0, putOk("log/1"), recorder().out))).toEqual(["append"]);
  });

  it("applies an entry once it and every earlier slot are acknowledged, checkpoints after its first, and is done after its last", () => {
    const early = recorder();
    let state = b1.receive(appended(started(), 2), 0, putOk("log/2"), early.out);
    expect(state).toMatchObject({ upTo: 0, entries: [], acked: [2] });
    expect(early.sent).toEqual([]);
    const r = recorder();
    state = b1.receive(state, 0, putOk("log/1"), r.out);
    expect(state).toMatchObject({ phase: "done", upTo: 2, entries: ["b1.1", "b1.2"], acked: [] });
    expect(r.sent).toEqual([[0, { store: "put", key: "checkpoint", value: { upTo: 2, entries: ["b1.1", "b1.2"] }, expect: { version: 1 } }]]);
    expect(r.timers).toEqual([["lease", null]]);
    expect(b1.done!(state)).toBe(true);
  });

  it("is deposed by a refused put (its slot was sealed) and stops its lease", () => {
    const r = recorder();
    const state = b1.receive(appended(started(), 2), 0, { store: "put-failed", key: "log/1", item: item(SEALED, 2) }, r.out);
    expect(state.phase).toBe("deposed");
    expect(r.timers).toEqual([["lease", null]]);
    expect(b1.localEvents!(state)).toEqual([]);
    expect(b1.receive(state, 0, putOk("log/2"), recorder().out)).toBe(state);
  });

  it("writes nothing once its lease timer fired, but still applies what is acknowledged", () => {
    const expired = b1.onTimer!(appended(started(), 1), "lease", recorder().out);
    expect(expired.phase).toBe("expired");
    expect(b1.localEvents!(expired)).toEqual([]);
    const r = recorder();
    const state = b1.receive(expired, 0, putOk("log/1"), r.out);
    expect(state).toMatchObject({ phase: "expired", upTo: 1, entries: ["b1.1"] });
    expect(r.sent).toEqual([]); // no checkpoint without the lease
  });

  it("with the unconditional-put flaw, appends carry no condition", () => {
    const flawed = backend({ ...options, name: "b1", self: 1, firstOwner: true, successor: 2, entries: 2, flaws: { unconditionalPut: true } });
    const r = recorder();
    flawed.onLocalEvent!(flawed.onLocalEvent!(flawed.init(), "start", recorder().out), "append", r.out);
    expect(r.sent).toEqual([[0, { store: "put", key: "log/1", value: { entry: "b1.1", writer: 1 } }]]);
  });
});

describe("swf-log: the successor", () => {
  const replaying = (): BackendState => {
    const r = recorder();
    const watching = b2.receive(b2.init(), 1, { type: "heartbeat" }, r.out);
    expect(r.timers).toEqual([["lease", 2]]);
    const fired = recorder();
    const state = b2.onTimer!(watching, "lease", fired.out);
    expect(fired.sent).toEqual([[0, { store: "get", key: "checkpoint" }]]);
    return state;
  };

  it("waits for the heartbeat, then takes over when its timer fires: it reads the checkpoint", () => {
    expect(b2.init().phase).toBe("standby");
    expect(b2.localEvents!(b2.init())).toEqual([]);
    expect(replaying().phase).toBe("replaying");
  });

  it("replays from the checkpoint and seals: an entry found is replayed, then N slots from the first seal are filled", () => {
    let r = recorder();
    let state = b2.receive(replaying(), 0, { store: "got", key: "checkpoint", item: { value: { upTo: 1, entries: ["b1.1"] }, version: 2 } }, r.out);
    expect(state).toMatchObject({ upTo: 1, entries: ["b1.1"], ckptVersion: 2 });
    expect(r.sent).toEqual([[0, { store: "put", key: "log/2", value: { entry: SEALED, writer: 2 }, expect: { absent: true } }]]);
    r = recorder();
    state = b2.receive(state, 0, { store: "put-failed", key: "log/2", item: item("b1.2", 1) }, r.out);
    expect(state).toMatchObject({ upTo: 2, entries: ["b1.1", "b1.2"], sealFrom: 0 });
    expect(r.sent.map(([, m]) => (m as { key: string }).key)).toEqual(["log/3"]);
    r = recorder();
    state = b2.receive(state, 0, putOk("log/3"), r.out);
    expect(state).toMatchObject({ phase: "replaying", sealFrom: 3, upTo: 3 });
    expect(r.sent.map(([, m]) => (m as { key: string }).key)).toEqual(["log/4"]);
    r = recorder();
    state = b2.receive(state, 0, putOk("log/4"), r.out);
    expect(state).toMatchObject({ phase: "owner", first: 5, upTo: 4, entries: ["b1.1", "b1.2"] });
    expect(r.sent).toEqual([]);
    r = recorder();
    state = b2.onLocalEvent!(state, "append", r.out);
    expect(r.sent).toEqual([[0, { store: "put", key: "log/5", value: { entry: "b2.1", writer: 2 }, expect: { absent: true } }]]);
    r = recorder();
    state = b2.receive(state, 0, putOk("log/5"), r.out);
    expect(state).toMatchObject({ phase: "done", upTo: 5, entries: ["b1.1", "b1.2", "b2.1"] });
    expect(r.sent).toEqual([[0, { store: "put", key: "checkpoint", value: { upTo: 5, entries: ["b1.1", "b1.2", "b2.1"] }, expect: { version: 2 } }]]);
  });

  it("finding a slot sealed by another backend, it is deposed", () => {
    const state = b2.receive(
      replaying(),
      0,
      { store: "got", key: "checkpoint", item: { value: { upTo: 0, entries: [] }, version: 1 } },
      recorder().out,
    );
    expect(b2.receive(state, 0, { store: "put-failed", key: "log/1", item: item(SEALED, 3) }, recorder().out).phase).toBe("deposed");
  });

  it("with the no-seal flaw, it reads the log and appends from the first empty slot", () => {
    const flawed = backend({ ...options, name: "b2", self: 2, firstOwner: false, entries: 1, flaws: { noSeal: true } });
    let state = flawed.onTimer!(flawed.receive(flawed.init(), 1, { type: "heartbeat" }, recorder().out), "lease", recorder().out);
    let r = recorder();
    state = flawed.receive(state, 0, { store: "got", key: "checkpoint", item: { value: { upTo: 0, entries: [] }, version: 1 } }, r.out);
    expect(r.sent).toEqual([[0, { store: "get", key: "log/1" }]]);
    r = recorder();
    state = flawed.receive(state, 0, { store: "got", key: "log/1", item: item("b1.1", 1) }, r.out);
    expect(r.sent).toEqual([[0, { store: "get", key: "log/2" }]]);
    state = flawed.receive(state, 0, { store: "got", key: "log/2", item: null }, recorder().out);
    expect(state).toMatchObject({ phase: "owner", first: 2, entries: ["b1.1"] });
  });
});

describe("swf-log: the log", () => {
  it("replays entries in slot order, skipping sealed slots; an empty slot in range leaves nothing to replay", () => {
    const table = { "log/1": item("b1.1", 1), "log/2": item(SEALED, 2), "log/3": item("b1.2", 1), "log/5": item("b2.1", 2) };
    expect(replay(table, 3)).toEqual(["b1.1", "b1.2"]);
    expect(replay(table, 0)).toEqual([]);
    expect(replay(table, 5)).toBeNull();
  });

  it("the system: the table (id 0) holding the empty log's checkpoint, then b1 and b2", () => {
    const roles = swfLogRoles({ ownerEntries: 2, successorEntries: 1, window: 2, term: 1, guard: 2, checkpointAfter: 1 });
    expect(roles.table[0]!.init()).toEqual({ checkpoint: { value: { upTo: 0, entries: [] }, version: 1 } });
    expect(roles.backends.map((b) => b.name)).toEqual(["b1", "b2"]);
  });
});
