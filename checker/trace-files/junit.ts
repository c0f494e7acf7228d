import { configText } from "../config-text.ts";
import { counterexamplesOf } from "./counterexample.ts";
import { outcomes, type JudgedRun, type Outcome } from "./judge.ts";
import { escapeXml } from "./markup.ts";
import { counterexampleText } from "./text.ts";

/*
 * Runs as a JUnit XML report (the layout of Ant's and Jenkins' junit schemas, read by CI services): `<testsuites>`,
 * a `<testsuite>` per run (spec × variant) with its configuration and counts as properties, a `<testcase>` per
 * property (classname `<spec>.<variant>`). Judged as `check --all` judges (./judge.ts): a violation the variant
 * declares passes, with its counterexample in `<system-out>`; any other violation is a `<failure>` whose body is the
 * counterexample as the text report prints it; an undecided property is `<skipped>` unless it alone makes the run
 * fail. A run's time is shared evenly among its test cases (the properties are checked in one search).
 */

interface Case {
  readonly name: string;
  readonly outcome: Outcome;
  readonly body?: string;
}

/** The JUnit XML of the runs; `timestamp` (default now) dates the suites. */
export function junitXml(runs: readonly JudgedRun[], options: { readonly timestamp?: Date } = {}): string {
  const timestamp = (options.timestamp ?? new Date()).toISOString().slice(0, 19);
  const suites = runs.map((run) => suite(run, timestamp));
  const total = (key: "tests" | "failures" | "skipped") => suites.reduce((n, s) => n + s.counts[key], 0);
  const seconds = runs.reduce((t, r) => t + r.document.seconds, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="interleave" tests="${total("tests")}" failures="${total("failures")}" errors="0" skipped="${total("skipped")}" time="${time(seconds)}">`,
    ...suites.map((s) => s.xml),
    "</testsuites>",
    "",
  ].join("\n");
}

function suite(run: JudgedRun, timestamp: string): { xml: string; counts: { tests: number; failures: number; skipped: number } } {
  const { document } = run;
  const judged = outcomes(run);
  const texts = new Map(counterexamplesOf(document).map((c) => [c.property.name, counterexampleText(c)]));
  const cases: Case[] = judged.properties.map(([p, outcome]) => ({ name: p.name, outcome, ...(texts.has(p.name) && { body: texts.get(p.name)! }) }));
  if (judged.run) cases.push({ name: "search", outcome: judged.run });
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.status === "failed").length,
    skipped: cases.filter((c) => c.outcome.status === "skipped").length,
  };
  const classname = `${document.spec}.${document.variant}`;
  const each = document.seconds / Math.max(1, cases.length);
  const properties = [
    ["spec", document.spec],
    ["variant", document.variant],
    ["config", configText(document.config)],
    ["declared failures", run.fails.join(" ")],
    ["distinct states", String(document.distinctStates)],
    ["generated states", String(document.generatedStates)],
    ["depth", String(document.depth)],
    ["complete", String(document.complete)],
  ];
  const attributes =
    `name="${attr(`${document.spec} (${document.variant})`)}" tests="${counts.tests}" ` +
    `failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="${time(document.seconds)}" timestamp="${timestamp}" hostname="localhost"`;
  const xml = [
    `  <testsuite ${attributes}>`,
    `    <properties>`,
    ...properties.map(([name, value]) => `      <property name="${attr(name!)}" value="${attr(value!)}"/>`),
    `    </properties>`,
    ...cases.map((c) => testcase(c, classname, each)),
    `  </testsuite>`,
  ].join("\n");
  return { xml, counts };
}

function testcase(c: Case, classname: string, seconds: number): string {
  const head = `    <testcase name="${attr(c.name)}" classname="${attr(classname)}" time="${time(seconds)}"`;
  const { outcome } = c;
  switch (outcome.status) {
    case "failed":
      return (
        `${head}>\n      <failure message="${attr(outcome.message)}" ` +
        `type="${c.body ? "counterexample" : "verdict"}">${text(c.body ?? outcome.message)}</failure>\n    </testcase>`
      );
    case "skipped":
      return `${head}>\n      <skipped message="${attr(outcome.message)}"/>\n    </testcase>`;
    case "passed": {
      const out = [outcome.note, c.body].filter((s) => s !== undefined).join("\n");
      return out === "" ? `${head}/>` : `${head}>\n      <system-out>${text(out)}</system-out>\n    </testcase>`;
    }
  }
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, line feed, carriage return). */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const text = (s: string) => escapeXml(s.replace(notXml, "�"));
const attr = (s: string) => text(s).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
const time = (seconds: number) => (Math.round(seconds * 1000) / 1000).toFixed(3);
