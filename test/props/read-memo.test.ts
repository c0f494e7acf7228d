import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReadMemo } from "../../checker/props/read-memo.ts";

/** A predicate that counts its runs. */
function counted<S>(predicate: (s: S) => unknown) {
  const counter = { runs: 0, predicate: (s: S) => (counter.runs++, predicate(s)) };
  return counter;
}

type State = { readonly procs: readonly number[]; readonly net: readonly string[]; readonly flag: boolean };

describe("a predicate's answers remembered by what it reads", () => {
  // Shared frozen parts, as interned process tuples are; the network a fresh unfrozen array each time.
  const tuples = [
    [0, 1],
    [1, 1],
    [2, 0],
    [3, 3],
  ].map((t) => Object.freeze(t));
  const states = fc.array(
    fc.record({ procs: fc.constantFrom(...tuples), net: fc.array(fc.constantFrom("a", "b"), { maxLength: 3 }), flag: fc.boolean() }),
    { maxLength: 60 },
  );

  it("gives the predicate's answer on every state, reading fields conditionally (fast-check)", () => {
    fc.assert(
      fc.property(states, (list) => {
        // Reads flag, then the processes or the network: the tree branches on flag.
        const predicate = (s: State) => (s.flag ? s.procs[0]! < 2 : s.net.length > 1 || s.procs[1] === 1);
        const memo = new ReadMemo(predicate);
        for (const s of list) expect(memo.holds(s)).toBe(predicate(s));
      }),
    );
  });

  it("runs the predicate once per distinct value of what it reads", () => {
    const p = counted((s: State) => s.procs[0]! + s.procs[1]! > 2);
    const memo = new ReadMemo(p.predicate);
    const answers = [0, 1, 2, 3, 0, 1, 2, 3, 3].map((i) => memo.holds({ procs: tuples[i]!, net: [], flag: false }));
    expect(answers).toEqual([false, false, false, true, false, false, false, true, true]);
    expect(p.runs).toBe(4);
  });

  it("runs the predicate whenever it reads a value that cannot be told apart by identity (unfrozen), still answering right", () => {
    const p = counted((s: State) => s.net.includes("a"));
    const memo = new ReadMemo(p.predicate);
    const net = ["a"]; // the same array, not frozen: could change under the same identity
    expect(memo.holds({ procs: tuples[0]!, net, flag: false })).toBe(true);
    net[0] = "b";
    expect(memo.holds({ procs: tuples[0]!, net, flag: false })).toBe(false);
    expect(p.runs).toBe(2);
  });

  it("soon runs a predicate directly when it seldom finds an answer (here: it reads an unfrozen array each time)", () => {
    const states: State[] = Array.from({ length: 4096 }, (_, i) => ({ procs: tuples[i % 4]!, net: [String(i)], flag: false }));
    let direct = 0;
    const memo = new ReadMemo((s: State) => (states.includes(s) && direct++, s.net.length > 0));
    for (const s of states) expect(memo.holds(s)).toBe(true);
    expect(direct).toBeGreaterThan(4096 - 1100); // handed the state itself, not a recording proxy, after the first judgement
  });

  it("tells −0 from 0 and NaN from other numbers", () => {
    const predicate = (s: { x: number }) => Object.is(s.x, -0) || Number.isNaN(s.x);
    const memo = new ReadMemo(predicate);
    for (const x of [0, -0, 0, -0, Number.NaN, 1, Number.NaN, -0]) expect(memo.holds({ x })).toBe(predicate({ x }));
  });

  it("stops remembering a predicate that looks at the state other than by reading fields (keys, in)", () => {
    const p = counted((s: Record<string, unknown>) => Object.keys(s).length > 1);
    const memo = new ReadMemo(p.predicate);
    expect(memo.holds({ a: 1 })).toBe(false);
    expect(memo.holds({ a: 1, b: 2 })).toBe(true); // no field read: a tree would have said "always false"
    const q = counted((s: Record<string, unknown>) => "b" in s);
    const inMemo = new ReadMemo(q.predicate);
    expect([{ a: 1 }, { a: 1, b: 2 }, { a: 1 }].map((s) => inMemo.holds(s))).toEqual([false, true, false]);
    expect(q.runs).toBe(3);
  });

  it("stops remembering a predicate whose reads contradict its tree, and answers as it does from then on", () => {
    let calls = 0;
    // Not a function of what it reads: the first run reads a, later runs read b.
    const predicate = (s: { a: number; b: number }) => (calls++ === 0 ? s.a > 0 : s.b > 0);
    const memo = new ReadMemo(predicate);
    expect(memo.holds({ a: 1, b: 0 })).toBe(true);
    expect(memo.holds({ a: 2, b: 0 })).toBe(false); // a miss on a: run, reads b, contradiction: off
    expect(memo.holds({ a: 1, b: 0 })).toBe(false); // run again, not the answer filed for a = 1
  });

  it("a cache the predicate keys by the state object never answers for another state", () => {
    let last: unknown;
    let lastAnswer = false;
    const predicate = (s: State) => (s === last ? lastAnswer : ((last = s), (lastAnswer = s.procs[0] === 0)));
    const memo = new ReadMemo(predicate);
    const answers = [0, 1, 0, 1].map((i) => memo.holds({ procs: tuples[i]!, net: [], flag: false }));
    expect(answers).toEqual([true, false, true, false]);
  });

  it("a predicate that throws is not remembered: it throws again", () => {
    const memo = new ReadMemo((s: { x: number }) => {
      if (s.x === 1) throw new Error("boom");
      return true;
    });
    expect(() => memo.holds({ x: 1 })).toThrow("boom");
    expect(() => memo.holds({ x: 1 })).toThrow("boom");
    expect(memo.holds({ x: 2 })).toBe(true);
  });

  it("past its limit it starts afresh and keeps answering right", () => {
    const p = counted((s: { x: number }) => s.x % 3 === 0);
    const memo = new ReadMemo(p.predicate, 2);
    for (let round = 0; round < 3; round++) for (let x = 0; x < 5; x++) expect(memo.holds({ x })).toBe(x % 3 === 0);
    expect(p.runs).toBeGreaterThan(5);
  });
});
