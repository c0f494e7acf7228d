import { describe, expect, it } from "vitest";
import type { Actor, Id } from "../../src/actor/index.ts";
import { actorModel, type Network, type SystemAction, type SystemState } from "../../checker/actors/system.ts";
import { explore } from "../../checker/explore/search.ts";
import { encode } from "../../checker/state/encode.ts";
import { fingerprint } from "../../checker/state/fingerprint.ts";
import { hashInto } from "../../checker/state/hash.ts";
import { PlainDataError } from "../../checker/state/plain-data.ts";

/** A register server: stores `{ v, seen }` (the last value written, and which clients it heard from, as a Set) and acks. */
const server: Actor<{ readonly v: number; readonly seen: ReadonlySet<Id> }, { readonly w: number } | "ack"> = {
  name: "s",
  init: () => ({ v: 0, seen: new Set() }),
  receive(state, from, msg, out) {
    if (msg === "ack") return state;
    out.send(from, "ack");
    return { v: msg.w, seen: new Set([...state.seen, from]) };
  },
};

/** A client writing its own number twice, waiting for each ack. */
const writer = (name: string, w: number): Actor<{ readonly left: number; readonly waiting: boolean }, { readonly w: number } | "ack"> => ({
  name,
  init: () => ({ left: 2, waiting: false }),
  invoke(state, out) {
    if (state.waiting || state.left === 0) return undefined;
    out.invoked({ op: "write", value: w });
    out.send(0, { w });
    return { left: state.left - 1, waiting: true };
  },
  receive(state, _from, msg, out) {
    if (msg !== "ack" || !state.waiting) return state;
    out.returned("ok");
    return { ...state, waiting: false };
  },
  done: (state) => state.left === 0 && !state.waiting,
});

const system = (network: Network) => actorModel({ servers: [server], clients: [writer("c1", 1), writer("c2", 2)] }, { network });

/** A deep copy, with record keys, Set elements and arrays rebuilt in reverse order where order is not content. */
function rebuilt(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(rebuilt);
  if (value instanceof Set) return new Set([...value].reverse().map(rebuilt));
  if (value instanceof Map) return new Map([...value].reverse().map(([k, v]) => [rebuilt(k), rebuilt(v)]));
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, rebuilt(v)]),
  );
}

/** Every reachable state, each with the fingerprint it got right after `next` made it, and every distinct encoding. */
function reachable(model: ReturnType<typeof system>) {
  const fp = new Uint32Array(2);
  const found: { state: SystemState; fp: string }[] = [];
  const seen = new Set<string>();
  const queue = [...model.initialStates()];
  for (const s of queue) {
    fingerprint(model, s, fp);
    found.push({ state: s, fp: `${fp[0]}:${fp[1]}` });
    seen.add(encode(s));
  }
  for (let i = 0; i < queue.length; i++) {
    for (const action of model.actions(queue[i]!)) {
      const next = model.next(queue[i]!, action);
      fingerprint(model, next, fp); // right after next: the fingerprint is derived from the parent's parts
      found.push({ state: next, fp: `${fp[0]}:${fp[1]}` });
      const e = encode(next);
      if (!seen.has(e)) {
        seen.add(e);
        queue.push(next);
      }
    }
  }
  return { found, distinct: seen.size };
}

describe("the actor model's fingerprint", () => {
  it.each(["unordered", "fifo", "duplicating", "lossy"] as const)(
    "on a %s network: a function of the content only (equal for a rebuilt copy), and distinct states differ",
    (network) => {
      const model = system(network);
      const { found, distinct } = reachable(model);
      const fp = new Uint32Array(2);
      const byFingerprint = new Map<string, string>();
      for (const { state, fp: derived } of found) {
        fingerprint(model, rebuilt(state) as SystemState, fp); // not interned, not frozen, no parent: hashed from scratch
        expect(`${fp[0]}:${fp[1]}`).toBe(derived);
        const e = encode(state);
        expect(byFingerprint.get(derived) ?? e).toBe(e); // one content per fingerprint
        byFingerprint.set(derived, e);
      }
      expect(byFingerprint.size).toBe(distinct);
      expect(distinct).toBeGreaterThan(20);
    },
  );

  it("is the whole-state hash's verdict on the explorer's counts: the same distinct states as hashing states whole", () => {
    for (const network of ["unordered", "fifo", "duplicating", "lossy"] as const) {
      const model = system(network);
      const { fingerprint: _own, ...hashedWhole } = model; // the same model without its fingerprint hook
      expect(explore(hashedWhole, { properties: [] })).toMatchObject({
        distinctStates: reachable(model).distinct,
        generatedStates: explore(model, { properties: [] }).generatedStates,
      });
    }
  });

  it("tells fifo orders apart: the same messages in another order on a channel are another state", () => {
    const model = system("fifo");
    const [init] = model.initialStates();
    const [fa, fb] = [new Uint32Array(2), new Uint32Array(2)];
    // Two messages on one channel (c1 → s), in either order: two states.
    const key = (w: number) => encode([1, 0, { w }]); // c1 → s: a message key is its envelope's canonical encoding
    const twice = (first: number, second: number): SystemState => ({ ...init!, network: [key(first), key(second)] });
    const [x, y] = [twice(1, 2), twice(2, 1)];
    fingerprint(model, x, fa);
    fingerprint(model, y, fb);
    expect(encode(x)).not.toBe(encode(y));
    expect([...fa]).not.toEqual([...fb]);
  });

  it("refuses a process state that is not plain data with the path from the state's root", () => {
    const cyclic: Actor<{ readonly self?: unknown }, never> = {
      name: "loop",
      init: () => ({}),
      receive: (state) => state,
      localEvents: (state) => (state.self === undefined ? ["tie"] : []),
      onLocalEvent() {
        const node: { self?: unknown } = {};
        node.self = [node];
        return node;
      },
    };
    const model = actorModel({ loops: [cyclic] });
    const [init] = model.initialStates();
    const error = (() => {
      try {
        model.next(init!, model.actions(init!)[0]!);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlainDataError);
    const expected = (() => {
      try {
        const node: { self?: unknown } = {};
        node.self = [node];
        hashInto({ ...init!, procs: [node] }, new Uint32Array(2));
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect((error as Error).message).toBe(expected);
    expect((error as Error).message).toMatch(/^procs\[0\]\.self\[0\]: a cycle/);
  });

  it("refuses a class instance in a process state naming the process, as freezing it always did", () => {
    class Box {
      x = 1;
    }
    const boxer: Actor<{ readonly box?: unknown }, never> = {
      name: "b1",
      init: () => ({}),
      receive: (state) => state,
      localEvents: (state) => (state.box === undefined ? ["box"] : []),
      onLocalEvent: () => ({ box: new Box() }),
    };
    const model = actorModel({ boxers: [boxer] });
    const [init] = model.initialStates();
    expect(() => model.next(init!, model.actions(init!)[0]!)).toThrow(/^b1\.box: a class instance \(Box\)/);
  });
});

describe("steps remembered per process state and event", () => {
  it("runs a handler once per (state content, event), and the states it returns are one frozen object per content", () => {
    let receives = 0;
    const counting: typeof server = { ...server, receive: (...args) => (receives++, server.receive(...args)) };
    const model = actorModel({ servers: [counting], clients: [writer("c1", 1), writer("c2", 2)] });
    const result = explore(model, { properties: [] });
    const { found } = reachable(actorModel({ servers: [server], clients: [writer("c1", 1), writer("c2", 2)] }));
    expect(result.distinctStates).toBe(new Set(found.map((f) => f.fp)).size);
    // Distinct (server state, message) pairs that reach the server, counted from the reachable states themselves.
    const pairs = new Set<string>();
    for (const { state } of found)
      for (const key of state.network) {
        const e = model.envelope(key);
        if (e.to === 0) pairs.add(`${encode(state.procs[0])} ${key}`);
      }
    expect(receives).toBe(pairs.size);
    // Equal process states reached along different paths are the same object.
    const servers = new Map<string, unknown>();
    const seen: SystemState[] = [];
    explore(model, { properties: [], onNewState: (s) => seen.push(s) });
    for (const s of seen) {
      const e = encode(s.procs[0]);
      expect(servers.get(e) ?? s.procs[0]).toBe(s.procs[0]);
      servers.set(e, s.procs[0]);
      expect(Object.isFrozen(s.procs[0])).toBe(true);
    }
    expect(servers.size).toBeGreaterThan(2);
  });

  it("an action applied to a state it was not listed for is refused, not taken from memory", () => {
    const model = system("unordered");
    const [init] = model.initialStates();
    const invoke = model.actions(init!).find((a): a is Extract<SystemAction, { kind: "invoke" }> => a.kind === "invoke")!;
    const busy = model.next(init!, invoke);
    expect(() => model.next(busy, invoke)).toThrow(/c1 cannot invoke in this state/);
  });
});
