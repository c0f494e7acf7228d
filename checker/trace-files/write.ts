import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import type { ResultDocument } from "../report.ts";
import { counterexamplesOf, fileBase, type Counterexample } from "./counterexample.ts";
import { traceHtml } from "./html.ts";
import { itfText } from "./itf.ts";
import { mermaidText } from "./mermaid.ts";

/** The files of one counterexample: ITF, Mermaid and HTML, by extension. */
export function traceFileTexts(c: Counterexample): { readonly "itf.json": string; readonly mmd: string; readonly html: string } {
  return { "itf.json": itfText(c), mmd: mermaidText(c), html: traceHtml(c) };
}

/**
 * Writes `<base>.itf.json`, `<base>.mmd` and `<base>.html` into `dir` (made if missing) for each violated property of
 * the documents that has a trace (base: ./counterexample.ts fileBase); returns the paths written. A folder that
 * cannot be written is a UsageError.
 */
export function writeTraceFiles(documents: readonly ResultDocument[], dir: string): string[] {
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const document of documents)
      for (const c of counterexamplesOf(document))
        for (const [extension, text] of Object.entries(traceFileTexts(c))) {
          const path = join(dir, `${fileBase(c)}.${extension}`);
          writeFileSync(path, text);
          written.push(path);
        }
  } catch (error) {
    if (error instanceof Error && "code" in error) throw new UsageError(`--trace-dir ${dir}: cannot write there (${(error as Error).message})`);
    throw error;
  }
  return written;
}
