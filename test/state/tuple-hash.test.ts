import { describe, expect, it } from "vitest";
import { frozenHashInto, tupleHashInto } from "../../checker/state/hash.ts";

const hashOf = (tuple: readonly unknown[]) => {
  const out = new Uint32Array(2);
  tupleHashInto(tuple, out);
  return [...out];
};

describe("a tuple hashed from its elements' hashes", () => {
  it("is a function of content: the same for equal tuples, frozen or not, whether its elements' hashes were kept or not", () => {
    const a = Object.freeze({ phase: "idle", votes: Object.freeze([Object.freeze({ ballot: 1, value: 2 })]) });
    frozenHashInto(a, new Uint32Array(2)); // its hash kept
    const copy = { votes: [{ value: 2, ballot: 1 }], phase: "idle" }; // equal content, fields in another order, nothing kept
    const frozen = hashOf(Object.freeze([a, 3, null]));
    expect(hashOf([copy, 3, null])).toEqual(frozen);
    expect(hashOf(Object.freeze([a, 3, null]))).toEqual(frozen);
  });

  it("tells apart other content, another order and another length", () => {
    const seen = new Set(
      [[1, 2], [2, 1], [1, 2, undefined], [1], [], [[1, 2]], [{ x: 1 }, 2], [{ x: 2 }, 2], ["1", 2]].map((t) => hashOf(t).join(":")),
    );
    expect(seen.size).toBe(9);
  });

  it("refuses what is not plain data, naming where", () => {
    expect(() => hashOf([1, new Date(0)])).toThrow(/\[1\]/);
  });
});
