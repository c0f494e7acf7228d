import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { always } from "../../checker/props/property.ts";
import { decode } from "../../checker/state/decode.ts";
import { encode, sameEncoding } from "../../checker/state/encode.ts";
import { frozenHashInto, hashInto, hashTripleInto } from "../../checker/state/hash.ts";

const hash = (value: unknown): string => {
  const out = new Uint32Array(2);
  hashInto(value, out);
  return `${out[0]}:${out[1]}`;
};

/** Asserts that the fingerprint and the encoding both say `a` and `b` are the same value (or both say they differ). */
function expectSame(a: unknown, b: unknown, same: boolean): void {
  expect(hash(a) === hash(b)).toBe(same);
  expect(encode(a) === encode(b)).toBe(same);
}

describe("Maps and Sets are values, in canonical order", () => {
  it("equal Maps built in different insertion orders are equal", () => {
    expectSame(
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 3],
      ]),
      new Map([
        ["c", 3],
        ["a", 1],
        ["b", 2],
      ]),
      true,
    );
    expectSame(
      new Map([
        [2, "x"],
        [10, "y"],
        [-1, "z"],
      ]),
      new Map([
        [10, "y"],
        [-1, "z"],
        [2, "x"],
      ]),
      true,
    );
    const keyedByRecords = new Map<unknown, number>([
      [{ id: 1, at: "s" }, 1],
      ["k", 2],
      [3, 3],
    ]);
    expectSame(
      keyedByRecords,
      new Map<unknown, number>([
        [3, 3],
        [{ at: "s", id: 1 }, 1],
        ["k", 2],
      ]),
      true,
    );
  });

  it("equal Sets built in different insertion orders are equal", () => {
    expectSame(new Set(["x", "y", "z"]), new Set(["z", "x", "y"]), true);
    expectSame(new Set([3, 1, 2]), new Set([2, 3, 1]), true);
    expectSame(new Set<unknown>([[1, 2], { a: 1 }, null]), new Set<unknown>([null, { a: 1 }, [1, 2]]), true);
  });

  it("Maps with different contents differ", () => {
    const m = new Map([
      ["a", 1],
      ["b", 2],
    ]);
    expectSame(
      m,
      new Map([
        ["a", 1],
        ["b", 3],
      ]),
      false,
    ); // a value
    expectSame(
      m,
      new Map([
        ["a", 1],
        ["c", 2],
      ]),
      false,
    ); // a key
    expectSame(
      m,
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 0],
      ]),
      false,
    ); // one more entry
    expectSame(
      m,
      new Map([
        ["a", 2],
        ["b", 1],
      ]),
      false,
    ); // values swapped between keys
    expectSame(
      new Map<unknown, string>([
        [1, "a"],
        ["1", "b"],
      ]),
      new Map<unknown, string>([
        [1, "b"],
        ["1", "a"],
      ]),
      false,
    );
    expectSame(new Map([["k", undefined]]), new Map(), false); // an entry holding undefined is an entry
  });

  it("the counter kept in a Map is seen: explore no longer takes every count for one state", () => {
    const counter: Model<{ counts: Map<string, number> }, "inc"> = {
      initialStates: () => [{ counts: new Map([["n", 0]]) }],
      actions: (s) => (s.counts.get("n")! < 5 ? ["inc"] : []),
      next: (s) => ({ counts: new Map([["n", s.counts.get("n")! + 1]]) }),
      describe: () => "inc",
      actionData: () => "inc",
      isFinal: () => true,
    };
    const result = explore(counter, { properties: [always("below-3", (s) => s.counts.get("n")! < 3)] });
    expect(result.properties[0]!.holds).toBe(false);
    expect(explore(counter, { properties: [] }).distinctStates).toBe(6);
  });

  it("a Set is not the array, record or Map holding the same elements; a Map is not a record or array of pairs", () => {
    const values = [
      new Set([1, 2]),
      [1, 2],
      { 0: 1, 1: 2 },
      new Map([
        [1, 1],
        [2, 2],
      ]),
      new Map([["a", 1]]),
      { a: 1 },
      [["a", 1]],
      new Set([["a", 1]]),
      new Map(),
      new Set(),
      [],
      {},
      new Set([[]]),
      new Map([[[], []]]),
    ];
    expect(new Set(values.map(hash)).size).toBe(values.length);
    expect(new Set(values.map(encode)).size).toBe(values.length);
  });

  it("a Set of digit strings is not a Set of numbers; mixed elements are ordered by kind whatever the insertion order", () => {
    expectSame(new Set(["1", "2"]), new Set([1, 2]), false);
    expectSame(new Set<unknown>(["a", 1]), new Set<unknown>([1, "a"]), true);
  });
});

describe("numbers, holes, undefined and bigints", () => {
  it("-0 is 0: JavaScript says -0 === 0, and so do states (normalised, not rejected)", () => {
    expectSame(-0, 0, true);
    expectSame({ x: [-0] }, { x: [0] }, true);
    expectSame(new Set([-0, 1]), new Set([0, 1]), true);
    expect(encode(-0)).toBe("0");
  });

  it("distinguishes numbers that differ, integers and fractions, and large integers", () => {
    expectSame(1, 1.5, false);
    expectSame(2 ** 31, 2 ** 31 + 1, false);
    expectSame(2 ** 53, 2 ** 53 + 2, false);
    expectSame(0.1 + 0.2, 0.3, false);
    expectSame(1, "1", false);
  });

  it("an undefined field is an absent one; an array hole is an undefined element, not a missing one", () => {
    expectSame({ a: 1, b: undefined }, { a: 1 }, true);
    // eslint-disable-next-line no-sparse-arrays
    expectSame([, 1], [undefined, 1], true);
    // eslint-disable-next-line no-sparse-arrays
    expectSame([, 1], [1], false);
    // eslint-disable-next-line no-sparse-arrays
    expectSame([, 1], [null, 1], false);
    expectSame({ a: null }, {}, false);
  });

  it("a bigint is exact and never equal to a number or string", () => {
    expectSame(1n, 1, false);
    expectSame(1n, "1", false);
    expectSame(2n ** 70n, 2n ** 70n + 1n, false);
    expectSame({ n: 2n ** 70n }, { n: 2n ** 70n }, true);
    expect(encode(-5n)).toBe("-5n");
  });

  it("record key order does not matter, shared sub-objects count like copies", () => {
    const shared = { x: [1, { y: 2 }] };
    expectSame({ a: shared, b: shared }, { b: { x: [1, { y: 2 }] }, a: { x: [1, { y: 2 }] } }, true);
    expectSame(Object.assign(Object.create(null), { a: 1 }), { a: 1 }, true);
  });
});

/** Deterministic pseudo-random numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A deep copy with record keys, Map entries and Set elements inserted in a random order. */
function reshuffle(value: unknown, next: () => number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => reshuffle(v, next));
  if (value instanceof Map) return new Map(shuffled([...value], next).map(([k, v]) => [reshuffle(k, next), reshuffle(v, next)]));
  if (value instanceof Set) return new Set(shuffled([...value], next).map((v) => reshuffle(v, next)));
  return Object.fromEntries(shuffled(Object.entries(value), next).map(([k, v]) => [k, reshuffle(v, next)]));
}

/** Equality of plain data written independently of encode and hash: the oracle. */
function plainEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => plainEqual(x, b[i]));
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => [...b].some(([k2, v2]) => plainEqual(k, k2) && plainEqual(v, v2)));
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    return [...a].every((x) => [...b].some((y) => plainEqual(x, y)));
  }
  const defined = (r: object) => Object.entries(r).filter(([, v]) => v !== undefined);
  const [ea, eb] = [defined(a), defined(b)];
  return ea.length === eb.length && ea.every(([k, v]) => Object.hasOwn(b, k) && plainEqual(v, (b as Record<string, unknown>)[k]));
}

/** Drops later members equal (by the oracle) to earlier ones: distinct objects alike are rejected in a Map or Set. */
const distinct = <T>(items: readonly T[], keyOf: (item: T) => unknown): T[] =>
  items.filter((item, i) => items.findIndex((other) => plainEqual(keyOf(other), keyOf(item))) === i);

/** Plain values from a small domain, so that equal values turn up often among random pairs. */
const { plain } = fc.letrec<{ plain: unknown }>((tie) => ({
  plain: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.constantFrom(0, -0, 1, 2, 0.5, 2 ** 40, "", "a", "b", true, false, null, undefined, 1n, 2n ** 64n),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 3 }),
    fc.array(tie("plain"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "b", "c", "d e"), tie("plain"), { maxKeys: 3 }),
    fc.array(fc.tuple(tie("plain"), tie("plain")), { maxLength: 3 }).map((entries) => new Map(distinct(entries, ([k]) => k))),
    fc.array(tie("plain"), { maxLength: 3 }).map((items) => new Set(distinct(items, (x) => x))),
  ),
}));

describe("properties over random plain values", () => {
  it("hash and encoding ignore record key order and Map/Set insertion order (deep copies, shuffled)", () => {
    fc.assert(
      fc.property(plain, fc.integer(), (value, seed) => {
        const copy = reshuffle(value, random(seed));
        expect(hash(copy)).toBe(hash(value));
        expect(encode(copy)).toBe(encode(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("encodings are equal iff fingerprints are equal iff the values are equal (by an independent oracle)", () => {
    let equalPairs = 0;
    fc.assert(
      fc.property(plain, plain, fc.boolean(), fc.integer(), (a, other, copy, seed) => {
        const b = copy ? reshuffle(a, random(seed)) : other;
        const same = plainEqual(a, b);
        if (same) equalPairs++;
        expect(encode(a) === encode(b)).toBe(same);
        expect(hash(a) === hash(b)).toBe(same);
      }),
      { numRuns: 4000 },
    );
    expect(equalPairs).toBeGreaterThan(1000); // the property was exercised on both sides
  });

  it("decode inverts encode: the decoded value is equal data (a message key handed to another search thread)", () => {
    fc.assert(
      fc.property(plain, (v) => {
        const decoded = decode(encode(v));
        expect(plainEqual(decoded, v)).toBe(true);
        expect(encode(decoded)).toBe(encode(v));
      }),
      { numRuns: 2000 },
    );
    expect(() => decode("[1,")).toThrow(/not a canonical encoding/);
  });

  it("sameEncoding(a, b) says exactly whether the encodings are equal, without building them", () => {
    let equalPairs = 0;
    fc.assert(
      fc.property(plain, plain, fc.boolean(), fc.integer(), (a, other, copy, seed) => {
        const b = copy ? reshuffle(a, random(seed)) : other;
        const same = encode(a) === encode(b);
        if (same) equalPairs++;
        expect(sameEncoding(a, b)).toBe(same);
        expect(sameEncoding(b, a)).toBe(same);
      }),
      { numRuns: 4000 },
    );
    expect(equalPairs).toBeGreaterThan(1000);
  });

  it("hashTripleInto is hashInto of the triple; frozenHashInto is hashInto, kept for frozen objects", () => {
    const [x, y] = [new Uint32Array(2), new Uint32Array(2)];
    fc.assert(
      fc.property(fc.integer(), fc.integer(), plain, (from, to, msg) => {
        hashTripleInto(from, to, msg, x);
        hashInto([from, to, msg], y);
        expect([...x]).toEqual([...y]);
        const frozen = Object.freeze({ msg });
        frozenHashInto(frozen, x);
        hashInto({ msg }, y);
        expect([...x]).toEqual([...y]);
        frozenHashInto(frozen, x); // the kept hash
        expect([...x]).toEqual([...y]);
      }),
      { numRuns: 1000 },
    );
  });

  it("wrapping a value in a Map, Set, array or record never gives the value of another wrapping", () => {
    fc.assert(
      fc.property(plain, (v) => {
        const wraps = [[v], { v }, new Set([v]), new Map([[v, v]]), [[v, v]]];
        expect(new Set(wraps.map(hash)).size).toBe(wraps.length);
        expect(new Set(wraps.map(encode)).size).toBe(wraps.length);
      }),
      { numRuns: 500 },
    );
  });
});
