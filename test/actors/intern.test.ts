import { describe, expect, it } from "vitest";
import { Interner } from "../../checker/actors/intern.ts";
import { ProcessMemo } from "../../checker/actors/memo.ts";
import { encode } from "../../checker/state/encode.ts";

describe("interning: one object per content", () => {
  it("equal content gives the first object met, whatever the key order, Set order or sharing; other content its own", () => {
    const interner = new Interner();
    const admitted: unknown[] = [];
    const admit = <T>(v: T): T => (admitted.push(v), Object.freeze(v));
    const first = interner.intern({ a: 1, s: new Set([1, 2]), l: [0, 1] }, admit);
    expect(interner.intern({ l: [0, 1], s: new Set([2, 1]), a: 1 }, admit)).toBe(first);
    expect(interner.intern({ a: 1, s: new Set([1, 2]), l: [0, 2] }, admit)).not.toBe(first);
    expect(interner.intern({ a: 1, s: new Set([1, 2]), l: [0, 1], extra: undefined }, admit)).toBe(first); // an undefined field is an absent one
    expect(admitted).toHaveLength(2); // new content only: the copies were never kept, so never admitted
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("past its limit it starts afresh: equal content is interned anew, never mistaken for other content", () => {
    const interner = new Interner(2);
    const freeze = <T>(v: T): T => Object.freeze(v);
    const values = Array.from({ length: 6 }, (_, i) => ({ i }));
    const interned = values.map((v) => interner.intern(v, freeze));
    interned.forEach((v, i) => expect(encode(v)).toBe(encode({ i })));
    const again = interner.intern({ i: 5 }, freeze); // kept since the last fresh start
    expect(again).toBe(interned[5]);
    const older = interner.intern({ i: 0 }, freeze); // dropped at a fresh start: interned anew, equal content
    expect(encode(older)).toBe(encode({ i: 0 }));
    expect(interner.intern({ i: 0 }, freeze)).toBe(older);
  });

  it("primitives are admitted (checked) and returned as they are", () => {
    const interner = new Interner();
    expect(interner.intern("idle", (v) => v)).toBe("idle");
    expect(() =>
      interner.intern(Number.NaN, () => {
        throw new Error("not plain");
      }),
    ).toThrow("not plain");
  });
});

describe("remembered steps", () => {
  it("answers per process, state and event; objects by identity, primitives by value", () => {
    const memo = new ProcessMemo<string>(2);
    const state = Object.freeze({ n: 1 });
    memo.set(0, state, "e", "A");
    memo.set(1, state, "e", "B");
    memo.set(0, "idle", "e", "C");
    expect(memo.get(0, state, "e")).toBe("A");
    expect(memo.get(1, state, "e")).toBe("B");
    expect(memo.get(0, { n: 1 }, "e")).toBeUndefined(); // another object: interning makes equal states one object
    expect(memo.get(0, "idle", "e")).toBe("C");
    expect(memo.get(0, "idle", "f")).toBeUndefined();
  });

  it("past its limit it starts afresh: older answers are forgotten, never confused", () => {
    const memo = new ProcessMemo<number>(2, 3);
    const states = [0, 1, 2, 3].map((n) => Object.freeze({ n }));
    states.forEach((s, i) => memo.set(0, s, "e", i));
    expect(memo.get(0, states[3], "e")).toBe(3);
    expect(memo.get(0, states[0], "e")).toBeUndefined();
  });
});
