import type { ProcessReport, PropertyKindName, PropertyReport, ResultDocument, TraceReport } from "../report.ts";

/*
 * What every trace file renders: one violated property's counterexample with the run it came from. Built from a
 * result document (counterexamplesOf) or read back from an .itf.json file (./itf.ts), so the Mermaid, HTML and text
 * renderers work the same on a fresh run and on a saved trace.
 */

/** A violated property with its trace, and the run it came from. */
export interface Counterexample {
  readonly run: TraceRun;
  readonly property: TracedProperty;
}

/** A result document without its properties and cross-check: what a trace file keeps of the run. */
export type RunHeader = Omit<ResultDocument, "properties" | "crosscheck">;

/** The run a trace came from: all of its header for Interleave's traces, only a name for an ITF trace written by another tool. */
export type TraceRun = Partial<RunHeader> & Pick<RunHeader, "spec" | "variant">;

/** A property's report with its trace; `kind` is unknown (absent) for an ITF trace written by another tool. */
export type TracedProperty = Omit<PropertyReport, "kind" | "trace"> & { readonly kind?: PropertyKindName; readonly trace: TraceReport };

/** The counterexamples of a document: each violated property that has a trace (the model's exception included), in order. */
export function counterexamplesOf(document: ResultDocument): Counterexample[] {
  const run = runHeader(document);
  return document.properties.flatMap((property) =>
    property.holds === false && property.trace ? [{ run, property: property as TracedProperty }] : [],
  );
}

/** The document without its properties and cross-check. */
export function runHeader(document: ResultDocument): RunHeader {
  const { properties: _properties, crosscheck: _crosscheck, ...run } = document;
  return run;
}

/** The processes of the run, by id (empty for a model that is not an actor system, or a trace from another tool). */
export const processesOf = (c: Counterexample): readonly ProcessReport[] => c.run.processes ?? [];

/** Process names, shown without quotes wherever they appear in values. */
export const bareNames = (c: Counterexample): ReadonlySet<string> => new Set(processesOf(c).map((p) => p.name));

/**
 * The base name of a counterexample's files: `<spec>.<property>` for the main variant, `<spec>.<variant>.<property>`
 * otherwise (so the variants of `check --all` do not overwrite each other); characters other than letters, digits,
 * `-` and `_` become `_`.
 */
export function fileBase(c: Counterexample): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_") || "_";
  const parts = c.run.variant === "main" || c.run.variant === "" ? [c.run.spec, c.property.name] : [c.run.spec, c.run.variant, c.property.name];
  return parts.map(safe).join(".");
}
