import { beforeAll, describe, expect, it } from "vitest";
import type { ResultDocument } from "interleave";
import { counterexamplesOf, type Counterexample } from "../../checker/trace-files/counterexample.ts";
import { readItfTrace } from "../../checker/trace-files/itf.ts";
import { escapeMermaid, mermaidText } from "../../checker/trace-files/mermaid.ts";
import { firstCounterexample, handMade, linearizability, loopingLasso, nasty, stutteringLasso } from "./fixtures.ts";
import { mermaidProblems } from "./grammars.ts";

let documents: ResultDocument[];
beforeAll(async () => {
  documents = [await linearizability(), await stutteringLasso(), await loopingLasso()];
});
const all = (): Counterexample[] => [...documents.flatMap(counterexamplesOf), handMade()];

describe("Mermaid sequence diagrams", () => {
  it("pass the grammar check: participants first, arrows well formed, loop and end balanced, no raw ; # < > &", () => {
    for (const c of all()) expect(mermaidProblems(mermaidText(c)), `${c.property.name}\n${mermaidText(c)}`).toEqual([]);
  });

  it("the grammar check fails on what Mermaid rejects", () => {
    expect(mermaidProblems("sequenceDiagram\n  a->>b: hi\n")).toHaveLength(2);
    expect(mermaidProblems("sequenceDiagram\n  participant a\n  loop x\n  a->>a: hi\n")).toEqual(["1 block(s) not closed by end"]);
    expect(mermaidProblems("sequenceDiagram\n  participant a\n  a->>a: x; y\n")[0]).toContain('raw ";"');
    expect(mermaidProblems("sequenceDiagram\n  participant end\n")[0]).toContain("not a plain identifier");
    expect(mermaidProblems("graph TD\n")).toHaveLength(1);
  });

  it("draw a lifeline per process, an arrow per delivered message, calls and returns as notes", () => {
    const c = firstCounterexample(documents[0]!);
    const text = mermaidText(c);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith("  participant "))).toEqual([
      "  participant s1",
      "  participant s2",
      "  participant c1",
      "  participant c2",
    ]);
    const delivered = c.property.trace.steps.filter((s) => s.action.kind === "deliver").length;
    expect(lines.filter((l) => /^\s+\w+->>\w+: /.test(l))).toHaveLength(delivered);
    expect(text).toMatch(/c1->>s1: \d+\. write\(value: 1, client: c1\)/);
    expect(text).toMatch(/Note over c1: \d+\. invokes write\(value: 1\)/);
    expect(text).toMatch(/Note over c2: \d+\. returns null/);
    expect(lines.filter((l) => l.trim() !== "").at(-1)).toBe("  Note over s1,c2: ✗ linearizable violated in state " + c.property.trace.steps.length);
  });

  it("put a lasso's loop in a loop block: the loop's steps for a cycle, a stuttering note for a state that stays", () => {
    const cycle = firstCounterexample(documents[2]!, "terminates");
    const trace = cycle.property.trace;
    const text = mermaidText(cycle);
    const inside = text.slice(text.indexOf("  loop "), text.indexOf("\n  end\n"));
    const steps = [...inside.matchAll(/: (\d+)\. /g)].map((m) => Number(m[1]));
    expect(steps[0]).toBe(trace.loopsBackTo! + 2);
    expect(steps.at(-1)).toBe(trace.steps.length);
    expect(inside).toContain(`back to state ${trace.loopsBackTo! + 1}`);
    const stutter = mermaidText(firstCounterexample(documents[1]!, "prepared-decides"));
    expect(stutter).toMatch(
      / {2}Note over tm: \d+\. ✗ crashes\n {2}loop forever\n {4}Note over tm,rm2: \d+\. stuttering: state \d+ forever\n {2}end\n/,
    );
  });

  it("give a trace without processes (TLA+ states) one lifeline with a note per step: its action and what it changed", () => {
    const tla = {
      vars: ["x", "f"],
      states: [
        { "#meta": { index: 0 }, x: 0, f: { "#map": [[1, "a"]] } },
        { "#meta": { index: 1 }, x: 1, f: { "#map": [[1, "a"]] } },
        { "#meta": { index: 2 }, x: 1, f: { "#map": [[1, "b;"]] } },
      ],
      loop: 0,
    };
    const text = mermaidText(readItfTrace(JSON.stringify(tla), "t.itf.json"));
    expect(mermaidProblems(text)).toEqual([]);
    expect(text).toContain("  participant system\n  loop forever: steps 2 to 3, back to state 1\n    Note over system: 2. step 2: x: 0 → 1\n");
    expect(text).toContain('Note over system: 3. step 3: f: [1] "a" → "b#59;"');
  });

  it("escape what Mermaid reads as syntax, alias participants that are not plain ids, mark lost messages", () => {
    const text = mermaidText(handMade());
    expect(text).toContain("  participant P1 as end\n  participant P2 as node 2\n");
    expect(text).toContain("P1-xP2: 3. lost: say(text: ");
    expect(text).toContain("Note over P2: 4. ✗ crashes");
    expect(text).toContain("Note over P2: 6. ↺ recovers\n  Note over P1: 7. ✂ isolated\n  Note over P1,P2: 8. time passes (end +2)\n");
    expect(text).toContain("Note over P1: 9. ⏰ timer a#59;b #35;c #60;b#62;x#60;/b#62; #38; ");
    expect(text).toContain("Note over P1,P2: 10. the partition heals");
    expect(text).not.toContain(nasty);
    expect(escapeMermaid("a;b#c<d>&e\nf")).toBe("a#59;b#35;c#60;d#62;#38;e f");
  });
});
