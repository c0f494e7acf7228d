import { describe, expect, it } from "vitest";
import { formatValue } from "../../checker/actors/format.ts";
import { PlainDataError } from "../../checker/state/plain-data.ts";
import { nil, plainToTla } from "../../checker/tlc/plain.ts";
import { canonical, print } from "../../checker/tlc/value.ts";
import { toItf } from "../../checker/trace/itf.ts";

describe("toItf: Maps and Sets in ITF form, null as null", () => {
  it("writes a Map as #map and a Set as #set, in canonical order whatever the insertion order", () => {
    expect(
      toItf(
        new Map<unknown, unknown>([
          ["b", 2],
          [10, 0],
          ["a", [1]],
          [3, null],
        ]),
      ),
    ).toEqual({
      "#map": [
        [3, null],
        [10, 0],
        ["a", [1]],
        ["b", 2],
      ],
    });
    expect(toItf(new Set(["y", "x"]))).toEqual({ "#set": ["x", "y"] });
    expect(JSON.stringify(toItf({ s: new Set([2, 1]) }))).toBe(JSON.stringify(toItf({ s: new Set([1, 2]) })));
    expect(toItf(new Map([[{ id: 2 }, new Set([{ k: 1 }])]]))).toEqual({ "#map": [[{ id: 2 }, { "#set": [{ k: 1 }] }]] });
  });

  it("writes null as JSON null, leaves out undefined fields, and keeps big integers exact", () => {
    expect(toItf({ a: null, b: undefined, c: [null] })).toEqual({ a: null, c: [null] });
    expect(Object.keys(toItf({ b: undefined }) as object)).toEqual([]);
    expect(toItf(2 ** 60)).toEqual({ "#bigint": "1152921504606846976" });
    expect(toItf(2n ** 70n)).toEqual({ "#bigint": "1180591620717411303424" });
    expect(Object.is(toItf(-0), 0)).toBe(true);
  });
});

describe("formatValue: Maps and Sets readable", () => {
  it("shows a Map as Map{k → v} and a Set as Set{a, b}, in canonical order", () => {
    expect(
      formatValue(
        new Map<string, unknown>([
          ["b", 2],
          ["a", [1, 2]],
        ]),
      ),
    ).toBe('Map{"a" → [1, 2], "b" → 2}');
    expect(formatValue(new Set([3, 1, 2]))).toBe("Set{1, 2, 3}");
    expect(formatValue({ type: "Ack", seen: new Set(["s2", "s1"]) })).toBe('Ack(seen: Set{"s1", "s2"})');
    expect(formatValue(new Map())).toBe("Map{}");
    expect(formatValue(5n)).toBe("5n");
  });
});

describe("plainToTla: a Map is a TLA+ function, a Set a TLA+ set", () => {
  it("maps a Map to a function and a Set to a set, whatever the insertion order", () => {
    const a = plainToTla(
      new Map([
        [1, "x"],
        [3, "y"],
      ]),
    );
    const b = plainToTla(
      new Map([
        [3, "y"],
        [1, "x"],
      ]),
    );
    expect(canonical(a)).toBe(canonical(b));
    expect(canonical(a)).toBe('(1 :> "x" @@ 3 :> "y")');
    expect(canonical(plainToTla(new Set(["b", "a"])))).toBe('{"a", "b"}');
    expect(canonical(plainToTla({ votes: new Map([["s1", true]]) }))).toBe("[votes |-> [s1 |-> TRUE]]");
    expect(print(plainToTla(new Set([null])))).toBe("{Nil}");
    expect(plainToTla(null)).toEqual(nil);
    expect(plainToTla(7n)).toBe(7);
  });

  it("rejects what is not plain data with a PlainDataError, and bigints beyond 2^53 with a RangeError", () => {
    expect(() => plainToTla({ at: new Date() })).toThrow(PlainDataError);
    expect(() => plainToTla({ n: NaN })).toThrow(PlainDataError);
    expect(() => plainToTla(2n ** 60n)).toThrow(RangeError);
  });
});
