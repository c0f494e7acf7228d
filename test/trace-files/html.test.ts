import { beforeAll, describe, expect, it } from "vitest";
import type { ResultDocument } from "interleave";
import { counterexamplesOf, type Counterexample } from "../../checker/trace-files/counterexample.ts";
import { traceHtml } from "../../checker/trace-files/html.ts";
import { stepTableHtml } from "../../checker/trace-files/step-table.ts";
import { elements, parseHtml, type XmlElement } from "./grammars.ts";
import { firstCounterexample, handMade, linearizability, loopingLasso, nasty, stutteringLasso } from "./fixtures.ts";

let documents: ResultDocument[];
beforeAll(async () => {
  documents = [await linearizability(), await stutteringLasso(), await loopingLasso()];
});
const all = (): Counterexample[] => [...documents.flatMap(counterexamplesOf), handMade()];

const byClass = (root: XmlElement, name: string, cls: string) =>
  [...elements(root)].filter((e) => e.name === name && (e.attributes.class ?? "").split(" ").includes(cls));
const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join("");

describe("the HTML trace page", () => {
  it("is well formed, with unique ids and every link to an id of the page", () => {
    for (const c of all()) {
      const root = parseHtml(traceHtml(c));
      expect(root.name).toBe("html");
      const ids = [...elements(root)].map((e) => e.attributes.id).filter((id): id is string => id !== undefined);
      expect(new Set(ids).size, c.property.name).toBe(ids.length);
      const hrefs = [...elements(root)].map((e) => e.attributes.href).filter((h): h is string => h !== undefined);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect(href.startsWith("#"), href).toBe(true);
        expect(ids, href).toContain(href.slice(1));
      }
    }
  });

  it("is self-contained: no script, nothing fetched (no src, no link, no url(), no @import), no http(s) address", () => {
    for (const c of all()) {
      const html = traceHtml(c);
      const root = parseHtml(html);
      const names = new Set([...elements(root)].map((e) => e.name));
      for (const fetched of ["script", "link", "img", "iframe", "object", "embed", "image", "use"]) expect(names.has(fetched), fetched).toBe(false);
      expect([...elements(root)].filter((e) => "src" in e.attributes || "xlink:href" in e.attributes)).toEqual([]);
      expect(html).not.toMatch(/url\((?!#)|@import|https?:\/\//); // url(#id): a marker of the page
    }
  });

  it("shows the diagram, the history as a timeline, and a row per step with what it changed", () => {
    const c = firstCounterexample(documents[0]!);
    const steps = c.property.trace.steps.length;
    const root = parseHtml(traceHtml(c));
    expect(byClass(root, "svg", "sequence")).toHaveLength(1);
    const timeline = byClass(root, "svg", "timeline");
    expect(timeline).toHaveLength(1);
    expect(byClass(timeline[0]!, "g", "op")).toHaveLength(c.property.explanation!.operations.length);
    expect(byClass(timeline[0]!, "g", "core")).toHaveLength(c.property.explanation!.core.length);
    const rows = [...elements(root)].filter((e) => e.name === "tr" && /^step-\d+$/.test(e.attributes.id ?? ""));
    expect(rows.map((r) => r.attributes.id)).toEqual(Array.from({ length: steps }, (_, i) => `step-${i + 1}`));
    expect(textOf(rows[1]!)).toContain("c1 invokes write(value: 1)");
    expect(byClass(rows[1]!, "span", "add").map(textOf)).toContain("+ c1→s1 write(value: 1, client: c1)");
    const arrows = byClass(root, "g", "msg");
    expect(arrows).toHaveLength(c.property.trace.steps.filter((s) => s.action.kind === "deliver").length);
    expect(textOf(root)).toContain("Why linearizable fails");
  });

  it("marks a lasso's loop in the table and the diagram, and says why it is fair", () => {
    const c = firstCounterexample(documents[2]!, "terminates");
    const { loopsBackTo, steps } = c.property.trace;
    const root = parseHtml(traceHtml(c));
    const inLoop = [...elements(root)].filter((e) => e.name === "tr" && (e.attributes.class ?? "").includes("in-loop")).map((e) => e.attributes.id);
    expect(inLoop).toEqual(Array.from({ length: steps.length - 1 - loopsBackTo! }, (_, i) => `step-${loopsBackTo! + 2 + i}`));
    expect(byClass(root, "g", "loop")).toHaveLength(1);
    expect(textOf(root)).toContain(`→ back to state ${loopsBackTo! + 1}`);
    expect(textOf(root)).toContain("repeats forever");
    const stutter = parseHtml(traceHtml(firstCounterexample(documents[1]!, "prepared-decides")));
    expect(textOf(stutter)).toContain("stuttering: state");
  });

  it("escapes names and values: the hand-made trace's text shows as written", () => {
    const c = handMade();
    const root = parseHtml(traceHtml(c));
    expect(textOf(root)).toContain(`something ${nasty}`);
    expect([...elements(root)].find((e) => e.name === "title")!.text).toContain("hand<made> (v&1)");
    expect(byClass(root, "g", "lost")).toHaveLength(1);
    const threw = parseHtml(traceHtml({ ...c, property: { ...c.property, error: `step 5 threw Error: ${nasty}` } }));
    expect(byClass(threw, "pre", "error").map(textOf)).toEqual([`step 5 threw Error: ${nasty}`]);
  });

  it("the step table stands alone, for another page to embed", () => {
    const c = firstCounterexample(documents[0]!);
    const table = parseHtml(stepTableHtml(c.property.trace, { bare: new Set(["s1", "s2", "c1", "c2"]) }));
    expect(table.name).toBe("table");
    expect([...elements(table)].filter((e) => e.name === "tr")).toHaveLength(c.property.trace.steps.length + 1);
  });
});
