import { describe, expect, it } from "vitest";
import { check, formatReport, type ResultDocument } from "interleave";
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import { splitRegister } from "./fixtures.ts";

describe("the text report", () => {
  it("shows each step's changes by element and by process, ids as names, then why linearizability fails", async () => {
    const text = formatReport(await check(splitRegister));
    expect(text).toContain("  breadth-first search; liveness under weak fairness of every action kind\n");
    expect(text).toContain(
      [
        "  3. s1 receives write(value: 1, client: c1) from c1",
        "       s1: value null → 1, lastWriter null → c1, seen + c1",
        "       network: − c1→s1 write(value: 1, client: c1), + s1→c1 ack()",
        "  4. c1 receives ack() from s1",
        '       c1: "busy" → "done"',
        "       network: − s1→c1 ack()",
        '       history: + c1 returns "ok"',
      ].join("\n"),
    );
    expect(text).toContain(
      [
        "Why linearizable fails: no order of the operations in state 7's history is legal for a register.",
        '  * c1 write(value: 1) → "ok"  steps 2–4   ├─┤',
        "  * c2 read() → null           steps 5–7      ├─┤",
        "  All of them are needed: free any one (to take effect at any point after its call, or never) and the rest can be ordered.",
        "  Each order that respects real time (an operation after every one that returned before it was called) contradicts a register:",
        '    c1 write(value: 1) → "ok", c2 read() → null: a register returns 1 there, not null',
      ].join("\n"),
    );
  });

  it("says how the search ran: other fairness levels, symmetry", async () => {
    const document = await check(splitRegister, { fairness: { deliver: "strong", local: "none" } });
    expect(formatReport(document)).toContain("liveness under fairness deliver=strong local=none (other kinds weak)");
    const spec = await loadSpec("two-phase-commit", examplesDir);
    expect(formatReport(await check(spec, { set: { rms: 2 }, symmetry: true }))).toMatch(/distinct states \(symmetry: on\).*\n.*symmetry on/);
  });

  it("names the ids the bundled specs declare: a coordinator's yes votes", async () => {
    const spec = await loadSpec("two-phase-commit", examplesDir);
    const document = await check(spec, { variant: "commit-without-all-votes", set: { rms: 2 } });
    expect(formatReport(document)).toMatch(/tm: .*yes \+ rm\d/);
  });

  it("renders a cross-check's comparisons and TLC's side", () => {
    const tlc = { tool: "tlc", tlcVersion: "2.19", distinctStates: 5, generatedStates: 7, depth: 3, seconds: 1, reductions: { symmetry: false } };
    const document = {
      tool: "interleave",
      spec: "x",
      variant: "main",
      config: { n: 1 },
      strategy: "bfs",
      reductions: { symmetry: false },
      complete: true,
      distinctStates: 5,
      generatedStates: 7,
      depth: 3,
      seconds: 0.5,
      properties: [],
      crosscheck: {
        agree: false,
        comparisons: [
          { what: "distinctStates", agree: true, detail: "explorer 5, TLC 5" },
          { what: "reachable sets", agree: false, detail: "1 only in TLC" },
        ],
        tlc: { ...tlc, spec: "x", variant: "main", config: { n: 1 }, strategy: "bfs", complete: true, properties: [] },
      },
    } as ResultDocument;
    expect(formatReport(document)).toBe(
      [
        "x (main)  n=1",
        "  explorer: 5 distinct states, 7 generated, depth 3, 0.50 s",
        "  TLC 2.19: 5 distinct states, 7 generated, depth 3, 1.00 s (all runs)",
        "  ✓ distinctStates: explorer 5, TLC 5",
        "  ✗ reachable sets: 1 only in TLC",
        "the explorer and TLC DISAGREE",
        "",
      ].join("\n"),
    );
  });
});
