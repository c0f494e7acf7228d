import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tlaRecordWithSets } from "../../checker/actors/tla.ts";
import { parseValue } from "../../checker/tlc/parse-value.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import {
  canonical,
  modelValue,
  normalize,
  print,
  tlaFunction,
  tlaRecord,
  tlaSeq,
  tlaSet,
  toItfValue,
  type TlaValue,
} from "../../checker/tlc/value.ts";
import { UsageError } from "../../checker/errors.ts";

/** Random TLA+ values of bounded depth. */
const { value } = fc.letrec<{ value: TlaValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("s1", "Nil", "c_2").map(modelValue),
    fc.array(tie("value"), { maxLength: 3 }).map(tlaSet),
    fc.array(tie("value"), { maxLength: 3 }).map(tlaSeq),
    fc
      .dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), tie("value"), { maxKeys: 3 })
      .filter((d) => Object.keys(d).length > 0)
      .map(tlaRecord),
    fc.array(fc.tuple(tie("value"), tie("value")), { minLength: 1, maxLength: 3 }).map(tlaFunction),
  ),
}));

describe("TLA+ values", () => {
  it("parses what TLC prints", () => {
    expect(parseValue('[a |-> 0, b |-> {0, 1}, c |-> <<"x", TRUE>>]')).toEqual(tlaRecord({ a: 0, b: tlaSet([0, 1]), c: tlaSeq(["x", true]) }));
    expect(parseValue("(s1 :> 1 @@ s2 :> -2)")).toEqual(
      tlaFunction([
        [modelValue("s1"), 1],
        [modelValue("s2"), -2],
      ]),
    );
    expect(parseValue("1..3")).toEqual(tlaSet([1, 2, 3]));
    expect(parseValue('"a\\"b\\\\c\\n"')).toBe('a"b\\c\n');
    expect(parseValue("<<>>")).toEqual(tlaSeq([]));
  });

  it("normalizes as TLC compares: a function on 1..n is a sequence, on strings a record; sets sorted", () => {
    expect(canonical(parseValue('(1 :> "a" @@ 2 :> "b")'))).toBe('<<"a", "b">>');
    expect(canonical(parseValue('("y" :> 1 @@ "x" :> 2)'))).toBe("[x |-> 2, y |-> 1]");
    expect(canonical(parseValue("{3, 1, 2, 1, -5}"))).toBe("{-5, 1, 2, 3}");
    expect(canonical(tlaSet([tlaSet([2, 1]), tlaSet([1, 2])]))).toBe("{{1, 2}}");
  });

  it("round-trips: parse(print(v)) is v, and canonical text is stable", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(parseValue(print(v))).toEqual(v);
        expect(canonical(parseValue(canonical(v)))).toBe(canonical(v));
      }),
      { numRuns: 500 },
    );
  });

  it("canonical text is the printed normal form", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonical(v)).toBe(print(normalize(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("normalizing is idempotent", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(normalize(normalize(v))).toEqual(normalize(v));
      }),
    );
  });

  it("encodes values in ITF", () => {
    expect(toItfValue(parseValue('[a |-> {1}, b |-> <<"x">>, c |-> (s1 :> TRUE)]'))).toEqual({
      a: { "#set": [1] },
      b: ["x"],
      c: { "#map": [[{ "#unserializable": "s1" }, true]] },
    });
  });

  it.each(["[a |-> ]", "{1, 2", "<<1 2>>", '"open', "(1 :> 2 @@ )", "1..", "@"])("rejects malformed %j with a UsageError", (text) => {
    expect(() => parseValue(text)).toThrow(UsageError);
    expect(() => parseValue(text)).toThrow(/malformed TLA\+ value/);
  });
});

describe("projections of frozen data are kept, and only those", () => {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === "object" && value !== null) {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  };

  it("a deeply frozen object converts once: the same sealed value, whose canonical text is the unsealed one's", () => {
    const state = deepFreeze({ heard: [2, 1], ts: [1, 0], value: "a\nb" });
    const first = plainToTla(state);
    expect(plainToTla(state)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(canonical(first)).toBe(canonical(plainToTla({ heard: [2, 1], ts: [1, 0], value: "a\nb" })));
    expect(canonical(first)).toBe(canonical(first));
  });

  it("a frozen object holding a mutable array is converted anew each time, so a change shows", () => {
    const heard = [1];
    const state = Object.freeze({ heard });
    const before = canonical(plainToTla(state));
    heard.push(2);
    expect(canonical(plainToTla(state))).not.toBe(before);
    expect(Object.isFrozen(plainToTla(state))).toBe(false);
  });

  it("records with sets: equal text whether made from frozen or mutable data", () => {
    const frozen = deepFreeze({ heard: [3, 1], n: 1 });
    const made = tlaRecordWithSets(frozen, ["heard"]);
    expect(tlaRecordWithSets(frozen, ["heard"])).toBe(made);
    expect(canonical(made)).toBe(canonical(tlaRecordWithSets({ heard: [1, 3], n: 1 }, ["heard"])));
    expect(canonical(made)).toBe("[heard |-> {1, 3}, n |-> 1]");
  });
});
