/**
 * Values built to collide: each group holds different values that a naive fingerprint would take for one (joined
 * strings, flattened nesting, keys holding the text of a path, numbers written as text). The fingerprint and the
 * canonical encoding must both tell every member of a group apart, since one state taken for another is a wrong verdict.
 */
import { describe, expect, it } from "vitest";
import { encode } from "../../checker/state/encode.ts";
import { hashInto } from "../../checker/state/hash.ts";

const hash = (value: unknown): string => {
  const out = new Uint32Array(2);
  hashInto(value, out);
  return `${out[0]}:${out[1]}`;
};

const groups: Record<string, readonly unknown[]> = {
  "strings joined or split": [["ab"], ["a", "b"], ["a,b"], ['a","b'], ["a", "", "b"], ["", "ab"], ["ab", ""], "ab", 'a"b', "a\u0000b", "a\\b"],
  "nesting flattened or moved": [[[1], [2]], [[1, 2]], [1, [2]], [[1], 2], [1, 2], [[[1, 2]]], [[], [1, 2]], [[1, 2], []], [[]], [], [[], []]],
  "record fields shifted between keys": [
    { a: "b", c: "d" },
    { a: "bc", "": "d" },
    { ab: "", c: "d" },
    { a: ["b", "c"], d: null },
    { "a:b": 1 },
    { a: { b: 1 } },
    { "a.b": 1 },
    { a: 1, b: [] },
    { a: [], b: 1 },
    { a: [1], b: [] },
    { a: [], b: [1] },
  ],
  "numbers, their text and their kind": [1, "1", 1n, "1n", [1], ["1"], 10, "10", 0.1, "0.1", true, "true", null, "null", 0, "0", false, ""],
  "keys and values of a Map swapped or merged": [
    new Map([["a", "b"]]),
    new Map([["b", "a"]]),
    new Map([["ab", ""]]),
    new Map([["a,b", 1]]),
    new Map<unknown, unknown>([[["a"], "b"]]),
    new Map<unknown, unknown>([
      ["a", 1],
      ["b", 2],
    ]),
    new Map<unknown, unknown>([
      ["a", 2],
      ["b", 1],
    ]),
    new Map<unknown, unknown>([[{ a: 1 }, 2]]),
    new Map<unknown, unknown>([[{ a: 2 }, 1]]),
  ],
  "elements of a Set regrouped": [
    new Set(["a", "b"]),
    new Set(["ab"]),
    new Set(["a,b"]),
    new Set([["a", "b"]]),
    new Set([["a"], ["b"]]),
    new Set([1, 2]),
    new Set([12]),
  ],
};

describe("values built to collide under a naive fingerprint are told apart", () => {
  it.each(Object.entries(groups))("%s", (_, values) => {
    expect(new Set(values.map(encode)).size).toBe(values.length);
    expect(new Set(values.map(hash)).size).toBe(values.length);
  });

  it("across the groups, values with different encodings have different fingerprints", () => {
    const all = Object.values(groups).flat();
    const distinct = all.filter((v, i) => all.findIndex((w) => encode(w) === encode(v)) === i);
    expect(new Set(distinct.map(hash)).size).toBe(distinct.length);
  });
});
