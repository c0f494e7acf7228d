/**
 * States packed into bytes for the search's queue (checker/state/pack.ts) must come back exactly: the same keys in the
 * same order, the same array holes, -0 and NaN to the bit, the same prototypes, Map and Set entries in the same order,
 * and frozen parts as the very same objects. A state that cannot be kept exactly is refused, naming its path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Packer } from "../../checker/state/pack.ts";
import { PlainDataError } from "../../checker/state/plain-data.ts";
import { isUsageError } from "../../checker/errors.ts";

/**
 * Whether `copy` is `original` rebuilt exactly: primitives by Object.is; a frozen object below the root must be the
 * same object; any other object the same kind, prototype, own keys in order, holes, and members, recursively.
 */
function sameExactly(original: unknown, copy: unknown, root = true): boolean {
  if (typeof original !== "object" || original === null) return Object.is(original, copy);
  if (typeof copy !== "object" || copy === null) return false;
  if (!root && !Object.isExtensible(original)) return copy === original;
  if (Object.getPrototypeOf(original) !== Object.getPrototypeOf(copy) || Object.isFrozen(original) !== Object.isFrozen(copy)) return false;
  if (original instanceof Map) {
    const [a, b] = [[...original], [...(copy as Map<unknown, unknown>)]];
    return a.length === b.length && a.every(([k, v], i) => sameExactly(k, b[i]![0], false) && sameExactly(v, b[i]![1], false));
  }
  if (original instanceof Set) {
    const [a, b] = [[...original], [...(copy as Set<unknown>)]];
    return a.length === b.length && a.every((x, i) => sameExactly(x, b[i], false));
  }
  if (Array.isArray(original)) {
    const other = copy as unknown[];
    if (original.length !== other.length) return false;
    for (let i = 0; i < original.length; i++) if (i in original !== i in other || !sameExactly(original[i], other[i], false)) return false;
    return true;
  }
  const [a, b] = [Object.keys(original), Object.keys(copy)];
  if (a.length !== b.length || a.some((key, i) => key !== b[i])) return false;
  return a.every((key) => sameExactly((original as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key], false));
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const members = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
    members.forEach(deepFreeze);
  }
  return value;
};

/** Plain values of every kind the packer writes, some of their parts frozen (kept by reference), some sparse. */
const { plain } = fc.letrec<{ plain: unknown }>((tie) => ({
  plain: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.constantFrom(0, -0, 1, -1, 127, 128, -65, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, 0.5, NaN, Infinity, -Infinity, 1e-300),
    fc.constantFrom("", "a", "é", "\u2028", '"', "__proto__", true, false, null, undefined, 0n, -1n, 2n ** 64n),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 4 }),
    fc.bigInt(),
    fc.array(tie("plain"), { maxLength: 4 }),
    fc.sparseArray(tie("plain"), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom("a", "b", "0", "7", "d e", "__proto__", "constructor"), tie("plain"), { maxKeys: 4 }),
    fc.dictionary(fc.constantFrom("x", "y"), tie("plain"), { maxKeys: 2 }).map((r) => Object.assign(Object.create(null) as object, r)),
    fc.array(fc.tuple(tie("plain"), tie("plain")), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.array(tie("plain"), { maxLength: 3 }).map((items) => new Set(items)),
    tie("plain").map(deepFreeze),
  ),
}));

describe("pack and unpack", () => {
  it("give back every value exactly, frozen parts as the same objects", () => {
    const packer = new Packer();
    fc.assert(
      fc.property(plain, (value) => {
        const n = packer.pack(value);
        const copy = packer.unpack(packer.buffer.slice(0, n), 0);
        expect(packer.end).toBe(n);
        expect(sameExactly(value, copy)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(packer.sharedValues).toBe(0); // every reference taken by a pack was released by its unpack
  });

  it("keep many values side by side in one buffer, unpacked in any order, and let go of what no packed value holds", () => {
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 20 }), fc.integer(), (values, seed) => {
        const packer = new Packer();
        const bytes = new Uint8Array(1 << 16);
        const starts: number[] = [];
        let at = 0;
        for (const value of values) {
          starts.push(at);
          at = packer.packInto(value, bytes, at, bytes.length);
          expect(at).toBeGreaterThan(0);
        }
        const order = values.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101));
        for (const i of order) expect(sameExactly(values[i], packer.unpack(bytes, starts[i]!))).toBe(true);
        expect(packer.sharedValues).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("write a record's key order, a null prototype, an own __proto__ key and a frozen root as they were", () => {
    const packer = new Packer();
    const roundTrip = <T>(value: T): T => packer.unpack(packer.buffer.slice(0, packer.pack(value)), 0) as T;
    const ordered = roundTrip({ b: 1, a: 2, 10: 3, 2: 4 });
    expect(Object.keys(ordered)).toEqual(["2", "10", "b", "a"]);
    const bare = roundTrip(Object.assign(Object.create(null) as object, { x: 1 }));
    expect(Object.getPrototypeOf(bare)).toBe(null);
    const own = roundTrip(JSON.parse('{"__proto__": 5, "k": 1}') as object);
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype);
    expect(Object.keys(own)).toEqual(["__proto__", "k"]);
    expect(Object.getOwnPropertyDescriptor(own, "__proto__")?.value).toBe(5);
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${39 - i}`, i]));
    expect(Object.entries(roundTrip(wide))).toEqual(Object.entries(wide)); // past the keys a literal is made for
    const frozen = roundTrip(Object.freeze({ a: [1] }));
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(frozen.a)).toBe(false);
    expect(Object.is(roundTrip([-0])[0], -0)).toBe(true);
    expect(roundTrip([NaN])[0]).toBeNaN();
    expect(1 in roundTrip([1, , 3])).toBe(false);
  });

  it("keep a frozen part shared by many states once, and a parent's parts by reference in its successors", () => {
    const packer = new Packer();
    const shared = Object.freeze({ servers: Object.freeze([1, 2, 3]) });
    const inherited: string[] = []; // not frozen: a parent's part its successor keeps
    const parent = { procs: shared, crashed: inherited, network: ["m1"] };
    const child = { procs: shared, crashed: inherited, network: ["m1", "m2"] };
    const bytes = new Uint8Array(4096);
    const parentEnd = packer.packInto(parent, bytes, 0, bytes.length);
    packer.inherit(parent);
    const childEnd = packer.packInto(child, bytes, parentEnd, bytes.length);
    expect(packer.sharedValues).toBe(5); // the shape, the procs, the parent's crashed list, "m1", "m2"
    const [p, c] = [packer.unpack(bytes, 0) as typeof parent, packer.unpack(bytes, parentEnd) as typeof child];
    expect(packer.end).toBe(childEnd);
    expect(p.procs).toBe(shared);
    expect(c.procs).toBe(shared);
    expect(p.crashed).not.toBe(inherited); // the parent's own list was written inline: a copy, equal
    expect(p.crashed).toEqual([]);
    expect(c.crashed).toBe(inherited); // the successor's, inherited from the parent: the same list
    expect(c.network).toEqual(["m1", "m2"]);
    expect(packer.sharedValues).toBe(0);
  });

  it("give up on a value that does not fit the room given, holding nothing of it", () => {
    const packer = new Packer();
    const bytes = new Uint8Array(64);
    const value = { text: "x".repeat(10), items: Array.from({ length: 40 }, (_, i) => i) };
    expect(packer.packInto(value, bytes, 0, bytes.length)).toBe(-1);
    expect(packer.sharedValues).toBe(0);
    const n = packer.pack(value); // the growing buffer takes it
    expect(sameExactly(value, packer.unpack(packer.buffer.slice(0, n), 0))).toBe(true);
  });
});

describe("pack refuses what cannot be kept exactly, naming the path", () => {
  const refusal = (value: unknown): PlainDataError => {
    const packer = new Packer();
    try {
      packer.pack(value);
    } catch (error) {
      expect(isUsageError(error)).toBe(true);
      expect(packer.sharedValues).toBe(0); // what it took before the refusal is let go
      return error as PlainDataError;
    }
    throw new Error("not refused");
  };

  it("a function, a symbol, a class instance or a cycle in a part written inline", () => {
    expect(refusal({ network: ["m"], procs: [{ step: () => 1 }] }).message).toMatch(/^procs\[0\]\.step: a function/);
    expect(refusal({ tag: Symbol("t") }).message).toMatch(/^tag: a symbol/);
    class Timer {}
    expect(refusal({ a: "s", timers: new Map([["t", new Timer()]]) }).message).toMatch(/^timers\.get\("t"\): a class instance \(Timer\)/);
    const cyclic: Record<string, unknown> = { name: "n" };
    cyclic.self = cyclic;
    expect(refusal({ root: cyclic }).message).toMatch(/^root\.self: a cycle/);
  });
});
