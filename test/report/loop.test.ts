import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { eventually } from "../../checker/props/property.ts";
import { explorerDocument } from "../../checker/report.ts";
import { formatReport } from "../../checker/report-text.ts";

type Action = "step" | "spin" | "reset";

/**
 * A counter mod 3 that never reaches 5: `step` adds one, `spin` keeps the state (always enabled), `reset` (owed no
 * fairness, like a crash) goes back to 0. When `halting`, only 2 can reset, and nothing else: to 3, where nothing is enabled.
 */
const counter = (halting: boolean): Model<number, Action> => ({
  initialStates: () => [0],
  actions: (x) => (x === 3 ? [] : !halting ? ["step", "spin", "reset"] : x === 2 ? ["reset"] : ["step", "spin"]),
  next: (x, a) => (a === "step" ? (x + 1) % 3 : a === "spin" ? x : halting && x === 2 ? 3 : 0),
  describe: (a) => a,
  actionData: (a) => ({ kind: a }),
  isFinal: () => true,
  fairness: (a) => (a === "reset" ? undefined : { kind: a, key: a }),
});

const lassoDocument = (halting: boolean, fairness = {}) => {
  const model = counter(halting);
  const result = explore(model, { properties: [eventually("reaches-5", (x: number) => x === 5)], fairness });
  return explorerDocument({ spec: "counter", variant: "main", config: {} }, result, model, { fairness });
};

describe("a lasso's loop, and why it is fair", () => {
  it("lists the fair actions enabled in every state of the loop with the steps that take them, and those owed nothing", () => {
    const document = lassoDocument(false);
    const trace = document.properties[0]!.trace!;
    expect(trace.loopsBackTo).not.toBeNull();
    const loop = trace.loop!;
    expect(loop.enabledThroughout.map((a) => [a.label, a.kind, a.fairness]).sort()).toEqual([
      ["spin", "spin", "weak"],
      ["step", "step", "weak"],
    ]);
    for (const a of loop.enabledThroughout) {
      expect(a.takenAt.length).toBeGreaterThan(0);
      for (const i of a.takenAt) expect(trace.steps[i]!.label).toBe(a.label);
    }
    expect(loop.enabledThroughout[0]!.action).toEqual({ kind: loop.enabledThroughout[0]!.label });
    expect(loop.unfair).toEqual(["reset"]);
    expect(formatReport(document)).toMatch(/The loop \(states \d+ to \d+\) repeats forever; the actions owed fairness/);
    expect(formatReport(document)).toMatch(/ {4}step {2}\(weak fairness of step; taken at step \d+/);
    expect(formatReport(document)).toContain("Enabled but owed no fairness: reset");
  });

  it("under strong fairness a kind is listed as such", () => {
    const loop = lassoDocument(false, { spin: "strong" }).properties[0]!.trace!.loop!;
    expect(loop.enabledThroughout.find((a) => a.label === "spin")!.fairness).toBe("strong");
  });

  it("a state that stutters forever has no fair action enabled, and says what is enabled but owed nothing", () => {
    const document = lassoDocument(true);
    const trace = document.properties[0]!.trace!;
    expect(trace.loopsBackTo).toBe(trace.steps.length - 1);
    expect(trace.loop).toEqual({ enabledThroughout: [], strongSometimes: [], unfair: ["reset"] });
    const text = formatReport(document);
    expect(text).toContain(`stuttering: state ${trace.steps.length} forever`);
    expect(text).toContain(`No action owed fairness is enabled in state ${trace.steps.length}, so the execution may stay there forever.`);
  });
});
