import { describe, expect, it } from "vitest";
import { check, type ResultDocument } from "interleave";
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import { isItf, splitRegister } from "./fixtures.ts";

/** Every value in a trace (states, actions) is ITF, JSON survives a round trip unchanged, and no null is disguised. */
function expectItfTraces(document: ResultDocument) {
  expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  expect(JSON.stringify(document)).not.toContain("#unserializable");
  for (const p of document.properties)
    for (const step of p.trace?.steps ?? []) {
      expect(isItf(step.state), JSON.stringify(step.state)).toBe(true);
      expect(isItf(step.action), JSON.stringify(step.action)).toBe(true);
    }
}

describe("the explorer's result document", () => {
  it("names the search: strategy, fairness, reductions, and the processes by id with their roles", async () => {
    const document = await check(splitRegister);
    expect(document).toMatchObject({
      tool: "interleave",
      strategy: "bfs",
      fairness: {},
      reductions: { symmetry: false },
      processes: [
        { name: "s1", role: "servers" },
        { name: "s2", role: "servers" },
        { name: "c1", role: "clients" },
        { name: "c2", role: "clients" },
      ],
    });
    expect((await check(splitRegister, { strategy: "dfs", fairness: { deliver: "strong" } })).strategy).toBe("dfs");
    expect((await check(splitRegister, { fairness: { deliver: "strong" } })).fairness).toEqual({ deliver: "strong" });
    const simulated = await check(splitRegister, { simulate: { seed: 1, traces: 50 } });
    expect(simulated.strategy).toBe("simulate");
    expect(simulated).not.toHaveProperty("fairness");
  });

  it("gives each step a structured action and its label, states as the view with ids named, in ITF with real null", async () => {
    const document = await check(splitRegister);
    const linearizable = document.properties.find((p) => p.name === "linearizable")!;
    expect(linearizable).toMatchObject({ kind: "linearizable", holds: false, tla: "Linearizable" });
    const steps = linearizable.trace!.steps;
    expect(linearizable.trace!.source).toBe("model");
    expect(steps[0]).toMatchObject({ action: { kind: "init" }, label: "initial state" });
    expect(steps.slice(1).map((s) => s.action)).toEqual([
      { kind: "invoke", client: "c1", operation: { op: "write", value: 1 } },
      { kind: "deliver", from: "c1", to: "s1", message: { type: "write", value: 1, client: "c1" } },
      { kind: "deliver", from: "s1", to: "c1", message: { type: "ack" } },
      { kind: "invoke", client: "c2", operation: { op: "read" } },
      { kind: "deliver", from: "c2", to: "s2", message: { type: "read" } },
      { kind: "deliver", from: "s2", to: "c2", message: { type: "value", value: null } },
    ]);
    expect(steps[2]!.label).toBe("s1 receives write(value: 1, client: c1) from c1");
    expect(steps[2]!.state).toMatchObject({
      s1: { value: 1, lastWriter: "c1", seen: ["c1"] },
      s2: { value: null, lastWriter: null, seen: [] },
      network: [{ from: "s1", to: "c1", message: { type: "ack" } }],
      crashed: [],
      history: [{ client: "c1", call: { op: "write", value: 1 } }],
    });
    expect(steps.at(-1)!.state).toMatchObject({ history: expect.arrayContaining([{ client: "c2", ret: null }]) });
    expectItfTraces(document);
  });

  it("explains the linearizability violation: every operation as an interval of steps, and the orders that fail", async () => {
    const linearizable = (await check(splitRegister)).properties.find((p) => p.name === "linearizable")!;
    expect(linearizable.explanation).toEqual({
      spec: "register",
      operations: [
        { client: "c1", operation: { op: "write", value: 1 }, result: "ok", called: 1, returned: 3 },
        { client: "c2", operation: { op: "read" }, result: null, called: 4, returned: 6 },
      ],
      core: [0, 1],
      refuted: [{ order: [0, 1], expected: 1 }],
      refutedLeftOut: 0,
    });
  });

  it("reports symmetry when a run uses it, and a lasso's fair actions", async () => {
    const spec = await loadSpec("two-phase-commit", examplesDir);
    const reduced = await check(spec, { variant: "coordinator-crash", set: { rms: 2 }, symmetry: true });
    expect(reduced.reductions).toEqual({ symmetry: true });
    const full = await check(spec, { variant: "coordinator-crash", set: { rms: 2 }, continue: true });
    const lasso = full.properties.find((p) => p.name === "prepared-decides")!.trace!;
    expect(lasso.loopsBackTo).toBe(lasso.steps.length - 1);
    expect(lasso.loop).toEqual({ enabledThroughout: [], strongSometimes: [], unfair: [] });
    expect(lasso.steps.at(-1)!.state).toMatchObject({ crashed: ["tm"] });
    expectItfTraces(full);
  });
});
