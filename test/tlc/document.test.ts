import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import { crosscheckDocument, pairedTlcDocument } from "../../checker/crosscheck/documents.ts";
import { twinsOf, type PairedTlcResult } from "../../checker/crosscheck/paired-tlc.ts";
import { formatReport } from "../../checker/report-text.ts";
import { tlcModuleDocument } from "../../checker/report/tlc.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { readChecks } from "../../checker/tlc/config-file.ts";
import { parseTlcOutput, type TlcViolation } from "../../checker/tlc/output.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { isItf, splitRegister } from "../report/fixtures.ts";

const output = (folder: string, name: string) => parseTlcOutput(readFileSync(new URL(`${folder}/${name}.out`, import.meta.url), "utf8"));
const checks = (folder: string, cfg: string) => readChecks(fileURLToPath(new URL(`${folder}/${cfg}.cfg`, import.meta.url)));
const run = { spec: "M", variant: "cfg", config: {}, seconds: 1.5, continued: false };

describe("TLC's report on a module as a result document (tlc --module)", () => {
  it("a temporal violation: kind temporal, TLC's actions as data, a lasso with its step back, ITF states", () => {
    const document = tlcModuleDocument(run, output("fixtures", "temporal-lasso"), checks("fixtures", "LV"));
    expect(document).toMatchObject({ tool: "tlc", strategy: "bfs", reductions: { symmetry: false }, complete: false });
    expect(document.tlcVersion).toMatch(/^\d{4}\./);
    const done = document.properties.find((p) => p.name === "Done")!;
    expect(done).toMatchObject({ kind: "temporal", holds: false, tla: "Done" });
    const trace = done.trace!;
    expect(trace.source).toBe("tla");
    expect(trace.steps[0]).toMatchObject({ action: { kind: "init" }, label: "initial state" });
    expect(trace.steps[1]!.action).toEqual({ kind: "tla", name: "Next", location: "line 5, col 9 to line 5, col 39 of module LV" });
    expect(trace.steps.map((s) => (s.state as { x: number }).x)).toEqual([0, 1, 2, 0]);
    expect(trace.steps.at(-1)!.state).toEqual(trace.steps[trace.loopsBackTo!]!.state);
    expect(trace.steps[0]!.state).toEqual({ f: ["a", "b"], x: 0 });
    for (const step of trace.steps) expect(isItf(step.state)).toBe(true);
    expect(formatReport(document)).toContain("  4. Next  → back to state 1\n       x: 2 → 0");
  });

  it("an invariant violation (kind always) with sets and sequences in ITF; deadlock; a stuttering lasso", () => {
    const bad = tlcModuleDocument(run, output("fixtures", "invariant"), checks("fixtures", "Bad")).properties.find((p) => p.name === "Bad")!;
    expect(bad).toMatchObject({ kind: "always", holds: false });
    expect(bad.trace!.steps[2]!.state).toMatchObject({
      y: [
        { a: 0, b: { "#set": [0] } },
        { a: 1, b: { "#set": [1] } },
      ],
    });
    const deadlock = tlcModuleDocument(run, output("fixtures", "deadlock"), checks("fixtures", "DL")).properties.find((p) => p.kind === "deadlock")!;
    expect(deadlock).toMatchObject({ name: "no-deadlock", holds: false });
    const stuttering = output("fixtures", "temporal-lasso").violations[0]!;
    const { trace } = tlcModuleDocument(
      run,
      { ...output("fixtures", "temporal-lasso"), violations: [{ ...stuttering, loopsBackTo: null, stutters: true }] },
      checks("fixtures", "LV"),
    ).properties[0]!;
    expect(trace!.loopsBackTo).toBe(trace!.steps.length - 1);
  });

  it("a failed Assert, which the .cfg names nowhere, is a violation too", () => {
    const document = tlcModuleDocument(run, output("messages", "assert"), checks("messages", "AS"));
    expect(document.properties.filter((p) => p.holds === false).map((p) => p.name)).toContain("assert");
  });
});

describe("TLC on a paired spec (tlc <spec>), its traces replayed on the implementation", () => {
  const instance = splitRegister.build({ servers: 2 }, "main");
  const pairing: TlaPairing<unknown> = { toTla: (s) => ({ state: plainToTla(s) }), constants: {} };
  const paired = { model: instance.model, properties: instance.properties, pairing, twins: twinsOf(instance.properties) };
  const explored = explore(instance.model, { properties: instance.properties });
  const trace = explored.properties.find((p) => p.name === "linearizable")!.trace!;
  /** TLC's counterexample as TLC would print it: the projections of the explorer's trace. */
  const violation: TlcViolation = {
    kind: "invariant",
    property: "Linearizable",
    properties: ["Linearizable"],
    states: trace.steps.map((s, i) => ({
      action: i === 0 ? "<Initial predicate>" : "<Step line 1, col 1 to line 2, col 2 of module M>",
      variables: pairing.toTla(s.state),
    })),
    loopsBackTo: null,
    stutters: false,
  };
  const tlc = (v: TlcViolation): PairedTlcResult => ({
    version: "2.19",
    counts: {
      version: "2.19",
      distinctStates: 30,
      generatedStates: 38,
      queue: 0,
      depth: 7,
      success: true,
      collisionProbability: null,
      violations: [],
      warnings: [],
    },
    reachable: undefined,
    verdicts: new Map([["linearizable", { holds: false, violation: v }]]),
    seconds: 2,
  });
  const run = { spec: "split-register", variant: "main", config: { servers: 2 } };

  it("names each property as the explorer does, with the explorer's states, actions and explanation, TLC's state beside", () => {
    const document = pairedTlcDocument(run, paired, tlc(violation));
    expect(document).toMatchObject({ tool: "tlc", tlcVersion: "2.19", strategy: "bfs", fairness: {}, complete: true, distinctStates: 30 });
    expect(document.processes!.map((p) => p.name)).toEqual(["s1", "s2", "c1", "c2"]);
    const p = document.properties[0]!;
    expect(p).toMatchObject({ name: "linearizable", kind: "linearizable", tla: "Linearizable", holds: false });
    expect(p.trace!.source).toBe("model");
    expect(p.trace!.steps[1]!.action).toEqual({ kind: "invoke", client: "c1", operation: { op: "write", value: 1 } });
    expect(p.trace!.steps[1]!.tla).toMatchObject({ state: { history: [{ client: 2, call: { op: "write", value: 1 } }] } });
    expect(p.explanation!.core).toEqual([0, 1]);
    for (const step of p.trace!.steps) expect(isItf(step.tla)).toBe(true);
    expect(formatReport(document)).toContain("Counterexample to linearizable (7 states, TLC's trace replayed on the implementation):");
  });

  it("keeps TLC's own trace (TLA+ states in ITF, no raw TLA+ values) when it does not replay", () => {
    const wrong = { ...violation, states: [violation.states[0]!, { ...violation.states[1]!, variables: { state: plainToTla({ nowhere: 1 }) } }] };
    const p = pairedTlcDocument(run, paired, tlc(wrong)).properties[0]!;
    expect(p.trace!.source).toBe("tla");
    expect(p.trace!.steps[1]).toMatchObject({ action: { kind: "tla", name: "Step" }, state: { state: { nowhere: 1 } } });
    expect(JSON.stringify(p)).not.toMatch(/"kind":"(record|fn|seq|set)"/);
  });

  it("a cross-check's document is the explorer's with the comparisons and TLC's document inside", () => {
    const theirs = pairedTlcDocument(run, paired, tlc(violation));
    const ours = { ...theirs, tool: "interleave" as const };
    const comparisons = [{ what: "depth", agree: false, detail: "explorer 7, TLC 8" }];
    expect(crosscheckDocument(ours, theirs, comparisons).crosscheck).toEqual({ agree: false, comparisons, tlc: theirs });
  });
});
