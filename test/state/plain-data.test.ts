import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { always } from "../../checker/props/property.ts";
import { encode } from "../../checker/state/encode.ts";
import { hashInto } from "../../checker/state/hash.ts";
import { assertPlainData, findNonPlain, formatPath, maxDepth, PlainDataError, type PathStep } from "../../checker/state/plain-data.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";

class Foo {
  x = 1;
}
class Log extends Array<number> {}
class Counts extends Map<string, number> {}

const hash = (value: unknown): string => {
  const out = new Uint32Array(2);
  hashInto(value, out);
  return `${out[0]}:${out[1]}`;
};

/** The PlainDataError `f` throws (fails the test if it throws anything else, or nothing). */
function rejection(f: () => unknown): PlainDataError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(PlainDataError);
    return error as PlainDataError;
  }
  throw new Error("expected a PlainDataError, nothing was thrown");
}

const selfHolding = () => {
  const node: { a: unknown[] } = { a: [1] };
  node.a.push({ back: node });
  return { procs: [node] };
};
const mapHoldingItself = () => {
  const m = new Map<string, unknown>();
  m.set("me", [m]);
  return { m };
};
const setHoldingItself = () => {
  const s = new Set<unknown>([1]);
  s.add({ s });
  return s;
};
const mapKeyedByItself = () => {
  const m = new Map<unknown, number>();
  m.set(m, 1);
  return { m };
};

/** [label, value, path, what] for values that hold something other than plain data. */
const cases: [string, () => unknown, PathStep[], string | RegExp][] = [
  ["a class instance", () => ({ procs: [0, 0, { pending: new Foo() }] }), ["procs", 2, "pending"], "a class instance (Foo)"],
  ["a function", () => ({ handler: function onTick() {} }), ["handler"], "a function (onTick)"],
  ["an arrow function at the root", () => () => 1, [], "a function"],
  ["a symbol", () => ({ tag: [Symbol("t")] }), ["tag", 0], "a symbol (Symbol(t))"],
  ["NaN", () => ({ x: { y: NaN } }), ["x", "y"], "a non-finite number (NaN)"],
  ["Infinity", () => [1, Infinity], [1], "a non-finite number (Infinity)"],
  ["-Infinity", () => ({ t: -Infinity }), ["t"], "a non-finite number (-Infinity)"],
  ["a Date", () => ({ at: new Date(0) }), ["at"], "a class instance (Date)"],
  ["a RegExp", () => ({ re: /x/ }), ["re"], "a class instance (RegExp)"],
  ["a typed array", () => ({ bytes: new Uint8Array(2) }), ["bytes"], "a class instance (Uint8Array)"],
  ["a WeakMap", () => ({ w: new WeakMap() }), ["w"], "a class instance (WeakMap)"],
  ["a Promise", () => ({ p: Promise.resolve(1) }), ["p"], "a class instance (Promise)"],
  ["a subclass of Array", () => ({ log: Log.from([1, 2]) }), ["log"], "a class instance (Log)"],
  ["a subclass of Map", () => ({ c: new Counts() }), ["c"], "a class instance (Counts)"],
  [
    "an object with an inherited prototype",
    () => ({ o: Object.create({ hidden: 1 }) }),
    ["o"],
    "an object with a prototype other than Object.prototype",
  ],
  ["a class instance as a Map value", () => ({ m: new Map([["k", new Foo()]]) }), ["m", { mapValue: "k" }], "a class instance (Foo)"],
  [
    "a class instance as a Map key",
    () => ({
      m: new Map<unknown, number>([
        ["a", 1],
        [new Foo(), 2],
      ]),
    }),
    ["m", { mapKey: 1 }],
    "a class instance (Foo)",
  ],
  ["a function in a Set", () => ({ s: new Set([1, () => 2]) }), ["s", { setElement: 1 }], "a function"],
  ["a cycle through a record and an array", selfHolding, ["procs", 0, "a", 1, "back"], "a cycle: this is procs[0] again, so it contains itself"],
  ["a cycle through a Map value", mapHoldingItself, ["m", { mapValue: "me" }, 0], "a cycle: this is m again, so it contains itself"],
  ["a cycle through a Set", setHoldingItself, [{ setElement: 1 }, "s"], "a cycle: this is (root) again, so it contains itself"],
  ["a Map keyed by itself", mapKeyedByItself, ["m", { mapKey: 0 }], "a cycle: this is m again, so it contains itself"],
  [
    "a Map with two equal keys",
    () => ({
      m: new Map([
        [{ k: 1 }, "a"],
        [{ k: 1 }, "b"],
      ]),
    }),
    ["m"],
    /^a Map with two equal keys \(\{"k":1\}\)/,
  ],
  ["a Set with two equal elements", () => ({ s: new Set([[1, 2], [3], [1, 2]]) }), ["s"], /^a Set with two equal elements \(\[1,2\]\)/],
  [
    "a value nested too deep",
    () => ({ top: nest(maxDepth) }),
    ["top", ...Array<string>(maxDepth - 1).fill("a")],
    `a value nested more than ${maxDepth} levels deep`,
  ],
];

function nest(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("values that are not plain data are rejected, naming the path to them", () => {
  it.each(cases)("%s: hashInto, encode and findNonPlain agree on path and what", (_, make, path, what) => {
    for (const f of [() => hash(make()), () => encode(make()), () => assertPlainData(make())]) {
      const error = rejection(f);
      expect(error.path).toEqual(path);
      if (typeof what === "string") expect(error.what).toBe(what);
      else expect(error.what).toMatch(what);
      expect(error.message.startsWith(`${formatPath(path)}: ${error.what}`)).toBe(true);
    }
  });

  // plainToTla does not look for equal Map keys or Set elements, nor limit depth (it may recurse as deep as the stack allows)
  const forTla = cases.filter(([label]) => !label.includes("equal") && !label.includes("deep"));
  it.each(forTla)("%s: plainToTla rejects it with the same path", (_, make, path) => {
    expect(rejection(() => plainToTla(make())).path).toEqual(path);
  });

  it("words the message as path: what", () => {
    expect(rejection(() => hash({ procs: [0, 0, { pending: new Foo() }] })).message).toMatch(/^procs\[2\]\.pending: a class instance \(Foo\) \(/);
    const nested = { "a key": { m: new Map([[{ id: 1 }, NaN]]) } };
    expect(rejection(() => encode(nested)).message).toMatch(/^\["a key"\]\.m\.get\(\{"id":1\}\): a non-finite number/);
    expect(rejection(() => hash(() => 1)).message).toMatch(/^\(root\): a function/);
  });

  it("formats paths JavaScript-like, after an optional root, eliding the middle of long ones", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath([], "c1")).toBe("c1");
    expect(formatPath(["procs", 2, "pending"])).toBe("procs[2].pending");
    expect(formatPath(["pending", "x-y"], "c1")).toBe('c1.pending["x-y"]');
    expect(formatPath([{ mapValue: { id: 1 } }, { mapKey: 0 }], "c1")).toBe('c1.get({"id":1}){key 0}');
    expect(formatPath([0, { setElement: 3 }])).toBe("[0]{element 3}");
    expect(formatPath(Array<string>(30).fill("a"))).toBe(`${Array(12).fill("a").join(".")}…(6 more)…${".a".repeat(12)}`);
  });

  it("is a usage error (the CLI prints one line), an Error, named PlainDataError", () => {
    const error = rejection(() => hash({ d: new Date() }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PlainDataError");
  });

  it("accepts a value nested exactly maxDepth levels, and shared (acyclic) sub-objects however often they recur", () => {
    expect(() => hash({ top: nest(maxDepth - 1) })).not.toThrow();
    const shared = { big: [1, 2, 3], m: new Map([["k", [4]]]) };
    const state = { procs: [shared, shared, { again: shared }], s: new Set([shared.big]) };
    expect(findNonPlain(state)).toBeUndefined();
    expect(hash(state)).toBe(hash(structuredClone(state)));
    expect(encode(state)).toBe(encode(structuredClone(state)));
  });

  it("finds a cycle in a deep value without overflowing the stack", () => {
    const top = { a: {} as Record<string, unknown> };
    let at = top.a;
    for (let i = 0; i < 5000; i++) at = at.a = {};
    at.a = top;
    expect(rejection(() => hash(top)).what).toMatch(/^a value nested more than|^a cycle/);
    expect(rejection(() => assertPlainData(top)).path.length).toBeLessThanOrEqual(maxDepth);
  });

  it("leaves the hash usable after a rejection", () => {
    const before = hash({ a: [1, "x"] });
    rejection(() => hash({ a: [1, new Foo()] }));
    expect(hash({ a: [1, "x"] })).toBe(before);
  });
});

describe("assertPlainData also checks own properties (the fast walks do not: see plain-data.ts)", () => {
  it.each([
    [
      "a getter",
      () => ({
        p: [
          {
            get n() {
              return 1;
            },
          },
        ],
      }),
      ["p", 0, "n"],
      "an accessor property (getter or setter)",
    ],
    [
      "a setter",
      () => ({ p: Object.defineProperty({}, "n", { set() {}, enumerable: true }) }),
      ["p", "n"],
      "an accessor property (getter or setter)",
    ],
    ["a symbol key", () => ({ p: { [Symbol("k")]: 1 } }), ["p"], "a property keyed by a symbol (Symbol(k))"],
    [
      "a non-enumerable property",
      () => ({ p: Object.defineProperty({ a: 1 }, "hidden", { value: 2 }) }),
      ["p", "hidden"],
      "a non-enumerable property",
    ],
    ["a named property on an array", () => ({ p: Object.assign([1, 2], { extra: 3 }) }), ["p", "extra"], "a named property on an array"],
  ] as const)("rejects %s", (_, make, path, what) => {
    const error = rejection(() => assertPlainData(make()));
    expect(error.path).toEqual(path);
    expect(error.what).toBe(what);
  });

  it("accepts holes, null-prototype records, frozen values, and Maps and Sets with own (non-enumerable) properties", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [1, , 3];
    const frozenMap = Object.freeze(Object.defineProperty(new Map([["a", 1]]), "set", { value: () => {} }));
    const frozenSet = Object.defineProperty(new Set([1]), "add", { value: () => {} });
    const value = { holey, bare: Object.assign(Object.create(null), { a: 1 }), frozen: Object.freeze({ x: [1] }), frozenMap, frozenSet };
    expect(findNonPlain(value)).toBeUndefined();
    expect(() => hash(value)).not.toThrow();
  });
});

describe("explore rejects a state holding non-plain data instead of checking it", () => {
  it("throws a PlainDataError at the first state holding it, naming the path", () => {
    const model: Model<{ n: number; at?: Date }, "tick"> = {
      initialStates: () => [{ n: 0 }],
      actions: (s) => (s.n < 5 ? ["tick"] : []),
      next: (s) => (s.n === 2 ? { n: 3, at: new Date(0) } : { ...s, n: s.n + 1 }),
      describe: () => "tick",
      actionData: () => "tick",
      isFinal: () => true,
    };
    const error = rejection(() => explore(model, { properties: [always("small", (s) => s.n < 10)] }));
    expect(error.path).toEqual(["at"]);
  });
});

describe('record keys starting with "#" (ITF tags: #set, #map, #bigint, …)', () => {
  it("are refused as plain data, naming the path", () => {
    const error = rejection(() => assertPlainData({ a: [{ "#set": [1, 2] }] }));
    expect(error.message).toMatch(/a key starting with "#"/);
    expect(formatPath(error.path)).toMatch(/a\[0\]/);
  });

  it("are refused by the ITF encoding, which would read them back as tags", async () => {
    const { toItf } = await import("../../checker/trace/itf.ts");
    expect(() => toItf({ ok: 1, nested: { "#map": [] } })).toThrow(/nested\["#map"\]: a key starting with "#"/);
    expect(toItf({ "a#b": 1 })).toEqual({ "a#b": 1 });
  });
});
