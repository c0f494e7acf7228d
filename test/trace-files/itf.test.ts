import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResultDocument } from "interleave";
import { isUsageError } from "../../checker/errors.ts";
import { counterexamplesOf, type Counterexample } from "../../checker/trace-files/counterexample.ts";
import { itfText, itfTrace, looseItf, readItfTrace, strictItf } from "../../checker/trace-files/itf.ts";
import { fromItf, toItf } from "../../checker/trace/itf.ts";
import { firstCounterexample, handMade, linearizability, loopingLasso, stutteringLasso } from "./fixtures.ts";
import { itfProblems } from "./grammars.ts";

let documents: ResultDocument[];
beforeAll(async () => {
  documents = [await linearizability(), await stutteringLasso(), await loopingLasso()];
});
const all = (): Counterexample[] => [...documents.flatMap(counterexamplesOf), handMade()];

/** Reading `text` throws a UsageError whose message names the file and contains `mentions`. */
function expectRefused(text: string, mentions: string) {
  let thrown: unknown;
  try {
    readItfTrace(text, "bad.itf.json");
  } catch (error) {
    thrown = error;
  }
  expect(isUsageError(thrown), String(thrown)).toBe(true);
  expect((thrown as Error).message).toContain("bad.itf.json");
  expect((thrown as Error).message).toContain(mentions);
}

describe("ITF trace files", () => {
  it("read back as the counterexample written: states, actions, labels, loop, explanation, run", () => {
    for (const c of all()) expect(readItfTrace(itfText(c), "x.itf.json"), c.property.name).toEqual(c);
  });

  it("are strict ITF (itf-rs and Quint read them): no null, string #meta fields, every var in every state", () => {
    for (const c of all()) expect(itfProblems(JSON.parse(itfText(c))), c.property.name).toEqual([]);
    // The checker of strictness itself: null, a fraction and a non-string meta field are caught.
    expect(
      itfProblems({
        "#meta": { n: 1 },
        vars: ["x"],
        states: [
          { "#meta": { index: 0 }, x: null },
          { "#meta": {}, x: 0.5 },
        ],
      }),
    ).toHaveLength(3);
  });

  it("keep the lasso: loop is the state the last state is again (the last index when it stutters)", () => {
    const stutter = firstCounterexample(documents[1]!, "prepared-decides");
    const loop = firstCounterexample(documents[2]!, "terminates");
    const stutterFile = itfTrace(stutter);
    const loopFile = itfTrace(loop);
    expect(stutterFile.loop).toBe(stutterFile.states.length - 1);
    expect(loopFile.loop).toBe(loop.property.trace.loopsBackTo);
    expect(loopFile.loop).toBeLessThan(loopFile.states.length - 1);
    const { "#meta": lastMeta, ...last } = loopFile.states.at(-1)!;
    const { "#meta": backMeta, ...back } = loopFile.states[loopFile.loop!]!;
    expect(lastMeta).not.toEqual(backMeta);
    expect(last).toEqual(back);
    expect(itfTrace(firstCounterexample(documents[0]!))).not.toHaveProperty("loop");
  });

  it("name the variables, and describe the run in #meta with the format's fields", () => {
    const c = firstCounterexample(documents[0]!);
    const file = itfTrace(c);
    expect(file.vars).toEqual(["s1", "s2", "c1", "c2", "network", "crashed", "history"]);
    expect(file["#meta"]).toMatchObject({ format: "ITF", source: "split-register (main)" });
    expect(file["#meta"].description).toContain("Counterexample to linearizable");
    expect(file.states[1]!["#meta"]).toEqual({
      index: 1,
      label: c.property.trace.steps[1]!.label,
      action: JSON.stringify(c.property.trace.steps[1]!.action),
    });
  });

  it("put states that are not records of one set of fields under one variable, and read them back", () => {
    const base = handMade();
    const trace = {
      ...base.property.trace,
      steps: base.property.trace.steps.map((s, i) => ({ ...s, state: i % 2 === 0 ? [i, null] : { only: i } })),
    };
    const c = { ...base, property: { ...base.property, trace } };
    const file = itfTrace(c);
    expect(file.vars).toEqual(["state"]);
    expect(itfProblems(file)).toEqual([]);
    expect(readItfTrace(itfText(c), "x")).toEqual(c);
  });

  it("round-trip every plain value through the value encoding (toItf, strict ITF, JSON, fromItf)", () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.bigInt(),
        fc.string(),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((k) => !k.startsWith("#") && k !== "__proto__"),
          tie("value"),
          { maxKeys: 4 },
        ),
        fc.uniqueArray(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }).map((xs) => new Set(xs)),
        fc.array(fc.tuple(fc.oneof(fc.integer(), fc.string()), tie("value")), { maxLength: 3 }).map((es) => new Map(es)),
      ),
    })).value;
    fc.assert(
      fc.property(plain, (value) => {
        const encoded = toItf(value);
        const written = JSON.parse(JSON.stringify(strictItf(encoded)));
        expect(itfProblems({ "#meta": {}, vars: ["v"], states: [{ "#meta": { index: 0 }, v: written }] })).toEqual([]);
        const read = looseItf(written, "model");
        expect(read).toEqual(encoded);
        expect(fromItf(read)).toEqual(fromItf(encoded));
      }),
      { numRuns: 300 },
    );
  });

  it("keep a TLA+ model value named null in TLA+ states (only the model's states had JSON null)", () => {
    expect(looseItf({ "#unserializable": "null" }, "tla")).toEqual({ "#unserializable": "null" });
    expect(looseItf({ "#unserializable": "null" }, "model")).toBeNull();
    expect(looseItf({ "#unserializable": "0.5" }, "model")).toBe(0.5);
    expect(looseItf({ "#unserializable": "undefined" }, "model")).toEqual({ "#unserializable": "undefined" });
  });

  it("read traces of other tools: Apalache's example (#map, #set), Quint's with mbt::actionTaken", () => {
    const apalache = {
      "#meta": { source: "MC_MissionariesAndCannibalsTyped.tla" },
      vars: ["bank_of_boat", "who_is_on_bank"],
      states: [
        {
          "#meta": { index: 0 },
          bank_of_boat: "E",
          who_is_on_bank: {
            "#map": [
              ["E", { "#set": ["c1", "m1"] }],
              ["W", { "#set": [] }],
            ],
          },
        },
        {
          "#meta": { index: 1 },
          bank_of_boat: "W",
          who_is_on_bank: {
            "#map": [
              ["E", { "#set": ["c1"] }],
              ["W", { "#set": ["m1"] }],
            ],
          },
        },
      ],
    };
    const read = readItfTrace(JSON.stringify(apalache), "a.itf.json");
    expect(read.run.spec).toBe("MC_MissionariesAndCannibalsTyped");
    expect(read.property.trace.source).toBe("tla");
    expect(read.property.trace.steps.map((s) => s.label)).toEqual(["initial state", "step 2"]);
    expect(read.property.trace.steps[1]!.state).toEqual({ bank_of_boat: "W", who_is_on_bank: apalache.states[1]!.who_is_on_bank });
    const quint = {
      "#meta": { source: "lock.qnt" },
      vars: ["held", "mbt::actionTaken", "mbt::nondetPicks"],
      states: [
        { "#meta": { index: 0 }, held: { "#bigint": "0" }, "mbt::actionTaken": "init", "mbt::nondetPicks": {} },
        { "#meta": { index: 1 }, held: { "#bigint": "1" }, "mbt::actionTaken": "acquire", "mbt::nondetPicks": {} },
      ],
      loop: 1,
    };
    const q = readItfTrace(JSON.stringify(quint), "q.itf.json");
    expect(q.property.trace.steps.map((s) => s.label)).toEqual(["init", "acquire"]);
    expect(q.property.trace.steps[1]!.state).toEqual({ held: { "#bigint": "1" } });
    expect(q.property.trace.loopsBackTo).toBe(1);
  });

  it("refuse what is not an ITF trace, naming the file and the problem", () => {
    expectRefused("{not json", "bad.itf.json");
    expectRefused(JSON.stringify({ vars: [], states: [] }), "states");
    expectRefused(JSON.stringify({ vars: ["x"], states: [{ x: 1 }], loop: 1 }), "loop 1");
    expectRefused(JSON.stringify({ vars: ["x", "y"], states: [{ x: 1 }] }), 'no value for "y"');
    expectRefused(JSON.stringify({ "#meta": { interleave: "{}" }, vars: [], states: [{}] }), "#meta.interleave");
    const c = JSON.parse(itfText(handMade()));
    c.states[1]["#meta"].action = "{oops";
    expectRefused(JSON.stringify(c), "state 1's #meta.action is not JSON");
  });
});
