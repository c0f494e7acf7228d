import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mergeShares, type MergePlan } from "../../checker/explore/parallel/simulate-merge.ts";
import type { Key } from "../../checker/explore/parallel/simulate-visits.ts";
import type { ShareRecord } from "../../checker/explore/simulate-walk.ts";
import { callOffThread } from "../helpers/off-thread.ts";
import type { Outcome, SimulationCase } from "./fixtures/simulate-both.ts";

const grid = fileURLToPath(new URL("./fixtures/grid/model.ts", import.meta.url));
const walks = fileURLToPath(new URL("./fixtures/walks/model.ts", import.meta.url));

/** The case on one thread, and on 2 and 3 threads (in a worker thread: the walks take seconds). */
const both = (c: SimulationCase) =>
  callOffThread<{ sequential: Outcome; parallel: Outcome[]; shares: number[][] }>(
    new URL("./fixtures/simulate-both.ts", import.meta.url),
    "simulateBoth",
    [c, [2, 3]],
  );

const documentOf = (outcome: Outcome) => {
  if (!("document" in outcome)) throw new Error(outcome.error);
  return outcome.document as {
    stopReason: string;
    simulation: { traces: number; tracesAsked: number };
    properties: { name: string; holds: unknown }[];
  };
};

describe("a simulation on 2 and 3 threads gives the document one thread gives", () => {
  /** Each case with what its sequential run must show (so that it covers what its label says). */
  const cases: readonly (SimulationCase & { label: string; stops: string; violated: string[]; mayRerun?: boolean })[] = [
    {
      label: "two-phase commit, commit-without-all-votes (violated in the first trace)",
      ...{ spec: "two-phase-commit", variant: "commit-without-all-votes", seed: 1, traces: 400 },
      ...{ stops: "violation", violated: ["atomicity", "commit-needs-all-yes"] },
    },
    {
      label: "ABD reader-no-writeback (violated in trace 791)",
      ...{ spec: "abd", variant: "reader-no-writeback", seed: 3, traces: 2_000, chunk: 16 },
      ...{ stops: "violation", violated: ["linearizable"] },
    },
    { label: "two-phase commit, correct: every trace walked", spec: "two-phase-commit", seed: 7, traces: 600, stops: "traces-done", violated: [] },
    { label: "ABD, correct: every trace walked", spec: "abd", seed: 5, traces: 300, stops: "traces-done", violated: [] },
    {
      label: "two-phase commit, commit-without-all-votes, --continue",
      ...{ spec: "two-phase-commit", variant: "commit-without-all-votes", seed: 1, traces: 600, continue: true },
      ...{ stops: "traces-done", violated: ["atomicity", "commit-needs-all-yes", "no-deadlock"] },
    },
    {
      label: "grid, violated, --continue",
      spec: grid,
      variant: "violates",
      seed: 4,
      traces: 200,
      continue: true,
      stops: "traces-done",
      violated: ["short"],
    },
    { label: "grid: a step throws (trace 194)", spec: grid, variant: "throws", seed: 3, traces: 300, stops: "violation", violated: ["no-exception"] },
    {
      label: "walks: a property's check throws before the property is violated",
      ...{ spec: walks, variant: "check-throws", seed: 3, traces: 200, chunk: 1, continue: true },
      ...{ stops: "violation", violated: ["no-exception"] },
    },
    {
      // A thread that has not seen from-3 violated checks it on a walk from 5 and throws: the merge walks again on one thread.
      label: "walks: a check that throws only where the sequential run skips it",
      ...{ spec: walks, variant: "check-throws", seed: 0, traces: 200, chunk: 1, continue: true },
      ...{ stops: "traces-done", violated: ["from-3"], mayRerun: true },
    },
  ];
  for (const { label, stops, violated, mayRerun, ...c } of cases)
    it(label, async () => {
      const { sequential, parallel, shares } = await both(c);
      const expected = documentOf(sequential);
      expect(expected.stopReason).toBe(stops);
      expect(expected.properties.filter((p) => p.holds === false).map((p) => p.name)).toEqual(violated);
      for (const outcome of parallel) expect(outcome).toEqual(sequential);
      if (stops === "traces-done" && !mayRerun)
        for (const walked of shares) {
          expect(walked.slice(1).some((n) => n > 0)).toBe(true); // the helpers walked some traces (how many varies with the load)…
          expect(walked.reduce((a, b) => a + b, 0)).toBe(expected.simulation.tracesAsked); // …and no trace was walked twice
        }
    });

  it("bad input met by any thread is the same UsageError", async () => {
    const { sequential, parallel } = await both({ spec: grid, set: ["flaw=not-plain"], seed: 3, traces: 300 });
    expect(sequential).toMatchObject({ error: expect.stringMatching(/^PlainDataError: .*Date/) });
    for (const outcome of parallel) expect(outcome).toEqual(sequential);
  });
});

/** A share's record, built by hand: traces walked in full with their lengths, where it stopped, what it found, its visits. */
function share(r: {
  ranges: number[];
  lengths: number[];
  found: (Key | null)[];
  visits?: [number, Key][];
  stop?: Key;
  interrupted?: "interrupted" | "memory";
  thrown?: { key: Key; checking: boolean };
}): ShareRecord {
  const visits = r.visits ?? [];
  return {
    initialStates: 1,
    ranges: r.ranges,
    lengths: Int32Array.from(r.lengths),
    found: r.found,
    ...(r.stop && { stop: r.stop }),
    ...(r.interrupted && { interrupted: r.interrupted }),
    ...(r.thrown && { thrown: { ...r.thrown, step: "s", message: "m", traceLength: 1 } }),
    visits: {
      hi: Uint32Array.from(visits.map(([fp]) => fp)),
      lo: Uint32Array.from(visits.map(() => 0)),
      trace: Float64Array.from(visits.map(([, k]) => k.trace)),
      event: Uint32Array.from(visits.map(([, k]) => k.event)),
    },
  };
}

const plan = (kinds: MergePlan["kinds"], continueAfterViolation = false): MergePlan => ({
  firstTrace: 0,
  tracesAsked: 6,
  continueAfterViolation,
  kinds,
});
const at = (trace: number, event: number): Key => ({ trace, event });

describe("the merge rule", () => {
  // A walked traces 0, 1 and 4 and stopped at a violation in trace 5; B walked trace 2 and stopped at a violation in trace 3.
  const a = share({
    ranges: [0, 2, 4, 5],
    lengths: [3, 4, 2],
    found: [at(5, 2), at(0, 0)],
    stop: at(5, 2),
    visits: [
      [1, at(0, 0)],
      [2, at(0, 2)],
      [9, at(4, 0)],
    ],
  });
  const b = share({
    ranges: [2, 3],
    lengths: [5],
    found: [at(3, 4), null],
    stop: at(3, 4),
    visits: [
      [1, at(2, 0)],
      [3, at(3, 4)],
    ],
  });

  it("the earliest violation over the shares wins, and the counts are cut there", () => {
    expect(mergeShares([a, b], plan(["always", "sometimes"]))).toEqual({
      stopReason: "violation",
      traces: 4,
      generated: 3 + 4 + 5 + 3,
      distinct: 3, // fingerprints 1, 2, 3; 9 comes after the cut
      depth: 5,
      found: [at(3, 4), at(0, 0)],
    });
  });

  it("with --continue, the run stops where the last safety property is first violated", () => {
    const c = share({ ranges: [0, 3], lengths: [2, 2, 2], found: [at(1, 2), null] });
    const d = share({ ranges: [3, 5], lengths: [2, 2], found: [at(3, 0), at(4, 2)], stop: at(5, 0) });
    expect(mergeShares([c, d], plan(["always", "always"], true))).toMatchObject({
      stopReason: "violation",
      traces: 5,
      generated: 8 + 2,
      found: [at(1, 2), at(4, 2)],
    });
    expect(mergeShares([c, d], plan(["always", "always"], false))).toMatchObject({ traces: 2, generated: 2 + 2, found: [at(1, 2), null] });
  });

  it("an interrupted run is cut at the first place no share reached", () => {
    const c = share({ ranges: [0, 2], lengths: [3, 3], found: [null], stop: at(2, 4), interrupted: "interrupted" });
    const d = share({ ranges: [3, 5], lengths: [3, 3], found: [at(4, 0)] });
    expect(mergeShares([c, d], plan(["always"]))).toMatchObject({ stopReason: "interrupted", traces: 3, generated: 3 + 3 + 3, found: [null] });
  });

  it("a trace nobody walked, without an interruption, is an error, not a silent gap", () => {
    const c = share({ ranges: [0, 2], lengths: [3, 3], found: [null] });
    const d = share({ ranges: [3, 6], lengths: [3, 3, 3], found: [null] });
    expect(() => mergeShares([c, d], plan(["always"]))).toThrow("left trace 2 unwalked");
  });

  it("a check that threw where the sequential run may have skipped it asks for a rerun; elsewhere the throw stands", () => {
    const found = share({ ranges: [0, 3], lengths: [2, 2, 2], found: [at(1, 2), null] });
    const threw = (own: Key | null, checking: boolean) =>
      share({ ranges: [], lengths: [], found: [own, null], stop: at(3, 2), thrown: { key: at(3, 2), checking } });
    const merged = (other: ShareRecord) => mergeShares([found, other], plan(["always", "always"], true));
    expect(merged(threw(null, true))).toBe("rerun"); // property 0 was violated in trace 1, which the throwing share never saw
    expect(merged(threw(null, false))).toMatchObject({ stopReason: "violation", traces: 4, thrown: { key: at(3, 2) } }); // a step threw
    expect(merged(threw(at(3, 0), true))).toMatchObject({ thrown: { key: at(3, 2) } }); // the throwing share skipped it too
  });
});
