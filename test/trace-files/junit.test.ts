import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResultDocument } from "interleave";
import type { PropertyReport } from "../../checker/report.ts";
import { asExpected, type JudgedRun } from "../../checker/trace-files/judge.ts";
import { junitXml } from "../../checker/trace-files/junit.ts";
import { elements, parseXml, type XmlElement } from "./grammars.ts";
import { linearizability, nasty } from "./fixtures.ts";

/**
 * The structure of the JUnit XML schemas (Ant's junit-4.xsd, Jenkins' junit-10.xsd) as a check: testsuites of
 * testsuite of testcase, the attributes they require, at most one failure or skipped per test case with its required
 * attributes, counts that add up. Returns the parsed tree.
 */
function expectJunit(xml: string): XmlElement {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const root = parseXml(xml);
  expect(root.name).toBe("testsuites");
  const number = (e: XmlElement, a: string) => {
    expect(e.attributes[a], `${e.name} ${a}`).toMatch(/^[0-9]+(\.[0-9]+)?$/);
    return Number(e.attributes[a]);
  };
  const totals = { tests: 0, failures: 0, skipped: 0 };
  for (const suite of root.children) {
    expect(suite.name).toBe("testsuite");
    expect(suite.attributes.name).toBeTruthy();
    expect(suite.attributes.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(suite.attributes.hostname).toBeTruthy();
    number(suite, "time");
    expect(number(suite, "errors")).toBe(0);
    const [first, ...cases] = suite.children;
    expect(first!.name).toBe("properties");
    for (const p of first!.children) expect(Object.keys(p.attributes).sort()).toEqual(["name", "value"]);
    let failures = 0;
    let skipped = 0;
    for (const c of cases) {
      expect(c.name).toBe("testcase");
      expect(c.attributes.name).toBeTruthy();
      expect(c.attributes.classname).toBeTruthy();
      number(c, "time");
      const verdicts = c.children.filter((e) => e.name === "failure" || e.name === "skipped" || e.name === "error");
      expect(verdicts.length).toBeLessThanOrEqual(1);
      for (const child of c.children) expect(["failure", "skipped", "system-out"]).toContain(child.name);
      const failure = verdicts.find((v) => v.name === "failure");
      if (failure) {
        failures++;
        expect(failure.attributes.message).toBeTruthy();
        expect(failure.attributes.type).toBeTruthy();
      }
      if (verdicts.some((v) => v.name === "skipped")) skipped++;
    }
    expect(number(suite, "tests")).toBe(cases.length);
    expect(number(suite, "failures")).toBe(failures);
    expect(number(suite, "skipped")).toBe(skipped);
    totals.tests += cases.length;
    totals.failures += failures;
    totals.skipped += skipped;
  }
  expect(number(root, "tests")).toBe(totals.tests);
  expect(number(root, "failures")).toBe(totals.failures);
  expect(number(root, "skipped")).toBe(totals.skipped);
  return root;
}

const document = (variant: string, holds: readonly (boolean | null)[], complete = false, spec = "toy"): ResultDocument => ({
  tool: "interleave",
  spec,
  variant,
  config: { n: 2 },
  strategy: "bfs",
  reductions: { symmetry: false },
  complete,
  distinctStates: 10,
  generatedStates: 20,
  depth: 3,
  seconds: 0.5,
  ...(!complete && { stopReason: holds.includes(false) ? "violation" : "max-states" }),
  properties: holds.map((h, i): PropertyReport => ({ name: `p${i}`, kind: "always", holds: h })),
});

const cases = (root: XmlElement, suite = 0) =>
  root.children[suite]!.children.slice(1).map((c) => ({
    name: c.attributes.name,
    status: c.children.find((e) => e.name === "failure") ? "failed" : c.children.find((e) => e.name === "skipped") ? "skipped" : "passed",
  }));

let real: ResultDocument;
beforeAll(async () => {
  real = await linearizability();
});

describe("the JUnit report", () => {
  it("has the schema's structure, one test case per spec × variant × property, the counterexample in the failure", () => {
    const runs: JudgedRun[] = [
      { document: real, fails: [] },
      { document: real, fails: ["linearizable"] },
    ];
    const root = expectJunit(junitXml(runs));
    expect(root.children.map((s) => s.children.length - 1)).toEqual([real.properties.length, real.properties.length]);
    const failure = [...elements(root.children[0]!)].find((e) => e.name === "failure")!;
    expect(failure.attributes.message).toBe("linearizable violated");
    expect(failure.text).toContain("Counterexample to linearizable");
    expect(failure.text).toContain("Why linearizable fails");
    // Declared: a pass, with the counterexample kept in system-out.
    const declared = root.children[1]!.children.find((c) => c.attributes.name === "linearizable")!;
    expect(declared.children.map((c) => c.name)).toEqual(["system-out"]);
    expect(declared.children[0]!.text).toContain("violated, as the variant declares");
    expect(root.children[1]!.attributes.failures).toBe("0");
  });

  it("judges as check --all: declared violations pass, others fail; undecided are skipped unless they alone fail the run", () => {
    const verdicts = (run: JudgedRun) => cases(expectJunit(junitXml([run])));
    expect(verdicts({ document: document("main", [false, null]), fails: [] })).toEqual([
      { name: "p0", status: "failed" },
      { name: "p1", status: "skipped" },
    ]);
    expect(verdicts({ document: document("flawed", [false, null]), fails: ["p0"] })).toEqual([
      { name: "p0", status: "passed" },
      { name: "p1", status: "skipped" },
    ]);
    expect(verdicts({ document: document("flawed", [true, false]), fails: ["p0"] }).map((c) => c.status)).toEqual(["failed", "failed"]);
    // A search stopped at a bound before deciding: the main variant is not as expected.
    expect(verdicts({ document: document("main", [null, null]), fails: [] }).map((c) => c.status)).toEqual(["failed", "failed"]);
    // A flawed variant whose declared failure holds (a complete search) fails; one that holds with another declared violation passes.
    expect(verdicts({ document: document("flawed", [true, true], true), fails: ["p1"] })).toEqual([
      { name: "p0", status: "passed" },
      { name: "p1", status: "failed" },
    ]);
    expect(verdicts({ document: document("flawed", [false, true], true), fails: ["p0", "p1"] }).map((c) => c.status)).toEqual(["passed", "passed"]);
  });

  it("fails a run exactly when check --all says it is not as declared", () => {
    const verdict = fc.constantFrom<boolean | null>(true, false, null);
    fc.assert(
      fc.property(
        fc.array(verdict, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 4 }),
        (holds, complete, declared) => {
          const doc = document("v", holds, complete && !holds.includes(false));
          const run = { document: doc, fails: doc.properties.filter((_, i) => declared[i]).map((p) => p.name) };
          const root = expectJunit(junitXml([run]));
          expect(root.attributes.failures === "0").toBe(asExpected(run));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("escapes names, values and counterexamples (they read back as written)", () => {
    const doc = { ...document(`v${nasty}`, [false], false, `spec${nasty}`), config: { text: nasty } };
    const root = expectJunit(junitXml([{ document: doc, fails: [] }]));
    expect(root.children[0]!.attributes.name).toBe(`spec${nasty} (v${nasty})`);
    expect(root.children[0]!.children[0]!.children.find((p) => p.attributes.name === "config")!.attributes.value).toBe(`text=${nasty}`);
    expect(root.children[0]!.children[1]!.attributes.classname).toBe(`spec${nasty}.v${nasty}`);
    const control = { ...doc, properties: [{ name: "p\u0001", kind: "exception" as const, holds: false, error: "bad \u001b[31m thing" }] };
    expect(() => expectJunit(junitXml([{ document: control, fails: [] }]))).not.toThrow();
  });
});
