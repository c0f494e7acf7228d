import { describe, expect, it } from "vitest";
import { answer, conditionalStore, isStoreReply, isStoreRequest, meets, samePlain, type StoreState } from "../../src/actor/store.ts";
import { recorder } from "../helpers/recorder.ts";

describe("the conditional store", () => {
  const empty: StoreState = {};

  it("reads nothing where nothing was written; an unconditional put writes version 1, then 2", () => {
    expect(answer(empty, { store: "get", key: "k", tag: 7 }).reply).toEqual({ store: "got", key: "k", item: null, tag: 7 });
    const first = answer(empty, { store: "put", key: "k", value: "a" });
    expect(first.reply).toEqual({ store: "put-ok", key: "k", version: 1 });
    const second = answer(first.state, { store: "put", key: "k", value: "b" });
    expect(second.state).toEqual({ k: { value: "b", version: 2 } });
    expect(answer(second.state, { store: "get", key: "k" }).reply).toEqual({ store: "got", key: "k", item: { value: "b", version: 2 } });
  });

  it("a put expecting a version writes only at that version, and a refusal returns the item as it is", () => {
    const { state } = answer(empty, { store: "put", key: "k", value: "a" });
    const stale = answer(state, { store: "put", key: "k", value: "x", expect: { version: 0 }, tag: "w" });
    expect(stale.state).toBe(state);
    expect(stale.reply).toEqual({ store: "put-failed", key: "k", item: { value: "a", version: 1 }, tag: "w" });
    expect(answer(state, { store: "put", key: "k", value: "x", expect: { version: 1 } }).reply).toMatchObject({ store: "put-ok", version: 2 });
  });

  it("a put expecting absence writes once: the second is refused (a log slot is never overwritten)", () => {
    const once = answer(empty, { store: "put", key: "slot1", value: "e1", expect: { absent: true } });
    expect(once.reply.store).toBe("put-ok");
    const twice = answer(once.state, { store: "put", key: "slot1", value: "sealed", expect: { absent: true } });
    expect(twice.reply.store).toBe("put-failed");
    expect(twice.state).toEqual({ slot1: { value: "e1", version: 1 } });
  });

  it("a put expecting a field's value compares plain data by content", () => {
    const lease = { value: { owner: "w1", counter: [1, { n: 2 }] }, version: 3 };
    expect(meets(lease, { field: "owner", equals: "w1" })).toBe(true);
    expect(meets(lease, { field: "owner", equals: "w2" })).toBe(false);
    expect(meets(lease, { field: "counter", equals: [1, { n: 2 }] })).toBe(true);
    expect(meets(lease, { field: "counter", equals: [1, { n: 3 }] })).toBe(false);
    expect(meets(undefined, { field: "owner", equals: undefined })).toBe(false);
    expect(meets({ value: 5, version: 1 }, { field: "owner", equals: undefined })).toBe(false);
  });

  it("samePlain: records by content whatever their key order; arrays and records differ", () => {
    expect(samePlain({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(samePlain({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(samePlain([1], { 0: 1 })).toBe(false);
    expect(samePlain(null, {})).toBe(false);
  });

  it("as an actor: answers the sender, starts from its initial items at version 1, persists each write, and refuses what is not a request", () => {
    const store = conditionalStore<unknown>("table", { lease: { owner: null } });
    expect(store.init()).toEqual({ lease: { value: { owner: null }, version: 1 } });
    const { out, sent, persisted } = recorder<unknown>();
    const next = store.receive(store.init(), 4, { store: "put", key: "lease", value: { owner: "w1" }, expect: { version: 1 } }, out);
    expect(sent).toEqual([[4, { store: "put-ok", key: "lease", version: 2 }]]);
    expect(next.lease).toEqual({ value: { owner: "w1" }, version: 2 });
    expect(() => store.receive(next, 4, { hello: 1 }, out)).toThrow(/table received \{"hello":1\}, not a get or put/);
    expect(persisted).toEqual([next]); // the write, before its reply
    expect(store.recover!(persisted[0], out)).toBe(next);
    expect(store.recover!(null, out)).toEqual(store.init());
    expect(isStoreRequest({ store: "get", key: "k" })).toBe(true);
    expect(isStoreReply({ store: "put-failed", key: "k", item: null })).toBe(true);
    expect(isStoreReply({ store: "get", key: "k" })).toBe(false);
  });
});
