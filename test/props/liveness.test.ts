import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import type { FairnessLevels, Model } from "../../checker/model.ts";
import { eventually, leadsTo, terminates } from "../../checker/props/property.ts";
import { callOffThread } from "../helpers/off-thread.ts";
import type { ringTermination } from "./ring.ts";

/** A small labelled graph: each action names its fairness kind; "crash" actions are owed nothing. */
type Act = { readonly name: string; readonly kind: string; readonly to: string };
function labelled(graph: Record<string, readonly Act[]>, options: { final?: readonly string[] } = {}): Model<string, Act> {
  return {
    initialStates: () => ["init"],
    actions: (s) => graph[s] ?? [],
    next: (_, a) => a.to,
    describe: (a) => a.name,
    actionData: (a) => a.name,
    isFinal: (s) => options.final?.includes(s) ?? false,
    fairness: (a) => (a.kind === "crash" ? undefined : { kind: a.kind, key: a.name }),
  };
}
const act = (name: string, to: string, kind = "deliver"): Act => ({ name, kind, to });
const verdict = (model: Model<string, Act>, property: Parameters<typeof explore<string, Act>>[1]["properties"][number], fairness?: FairnessLevels) =>
  explore(model, { properties: [property], fairness }).properties[0]!;
const states = (p: ReturnType<typeof verdict>) => p.trace!.steps.map((s) => s.state);

describe("liveness under fairness", () => {
  // init spins on itself forever while "deliver m" stays enabled.
  const spinner = labelled({ init: [act("spin", "init", "local"), act("deliver m", "done")] }, { final: ["done"] });

  it("weak fairness: an action enabled forever is taken, so a spin loop is not a counterexample", () => {
    expect(
      verdict(
        spinner,
        eventually("delivered", (s) => s === "done"),
      ).holds,
    ).toBe(true);
    expect(verdict(spinner, terminates()).holds).toBe(true);
  });

  it("without fairness for deliveries, the spin loop is a lasso back to its own state", () => {
    const p = verdict(
      spinner,
      eventually("delivered", (s) => s === "done"),
      { deliver: "none" },
    );
    expect(p.holds).toBe(false);
    expect(states(p)).toEqual(["init", "init"]);
    expect(p.trace!.loopsBackTo).toBe(0);
  });

  // "go" is enabled only in a, and the toggle between a and b keeps disabling it.
  const toggler = labelled({ init: [act("toggle", "b", "local"), act("go", "done")], b: [act("toggle back", "init", "local")] }, { final: ["done"] });

  it("weak fairness lets an intermittently enabled action starve; strong fairness does not", () => {
    const weak = verdict(
      toggler,
      eventually("went", (s) => s === "done"),
    );
    expect(weak.holds).toBe(false);
    expect(states(weak)).toEqual(["init", "b", "init"]);
    expect(weak.trace!.loopsBackTo).toBe(0);
    expect(
      verdict(
        toggler,
        eventually("went", (s) => s === "done"),
        { deliver: "strong" },
      ).holds,
    ).toBe(true);
  });

  it("a state where only unfair actions are enabled stutters forever: a lasso on its last state", () => {
    const model = labelled(
      { init: [act("send", "sent")], sent: [act("crash", "dead", "crash"), act("deliver", "done")], dead: [act("crash again", "dead", "crash")] },
      { final: ["done"] },
    );
    const p = verdict(
      model,
      eventually("delivered", (s) => s === "done"),
    );
    expect(p.holds).toBe(false);
    expect(states(p)).toEqual(["init", "sent", "dead"]);
    expect(p.trace!.loopsBackTo).toBe(2);
  });

  it("termination ignores dead ends (those are deadlocks) and finds fair cycles of non-final states", () => {
    const deadEnd = labelled({ init: [act("a", "stuck"), act("b", "done")] }, { final: ["done"] });
    expect(verdict(deadEnd, terminates()).holds).toBe(true);
    const loop = labelled({ init: [act("a", "x")], x: [act("b", "y")], y: [act("c", "x"), act("crash", "done", "crash")] }, { final: ["done"] });
    const p = verdict(loop, terminates());
    expect(p.holds).toBe(false);
    expect(states(p)).toEqual(["init", "x", "y", "x"]);
    expect(p.trace!.loopsBackTo).toBe(1);
  });

  it("leadsTo is checked from every state where its trigger holds, not only from the initial states", () => {
    const model = labelled({
      init: [act("ask", "asked")],
      asked: [act("answer", "answered"), act("crash", "lost", "crash")],
      answered: [act("ask again", "asked")],
      lost: [],
    });
    const asked = (s: string) => s === "asked";
    const p = verdict(
      model,
      leadsTo("answered", asked, (s) => s === "answered"),
    );
    expect(p.holds).toBe(false);
    expect(states(p)).toEqual(["init", "asked", "lost"]);
    expect(p.trace!.loopsBackTo).toBe(2);
    expect(
      verdict(
        model,
        leadsTo("asked-once", (s) => s === "init", asked),
      ).holds,
    ).toBe(true);
  });

  it("decides a cycle of 200,000 states without recursion", async () => {
    const n = 200_000;
    const p = await callOffThread<ReturnType<typeof ringTermination>>(new URL("./ring.ts", import.meta.url), "ringTermination", [n]);
    expect(p.holds).toBe(false);
    expect(p.trace!.steps).toHaveLength(n + 1);
    expect(p.trace!.loopsBackTo).toBe(0);
  });
});
