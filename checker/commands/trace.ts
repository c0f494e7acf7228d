import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { traceHtml } from "../trace-files/html.ts";
import { readItfTrace } from "../trace-files/itf.ts";
import { mermaidText } from "../trace-files/mermaid.ts";
import { counterexampleText } from "../trace-files/text.ts";
import type { Args } from "./args.ts";

/**
 * `interleave trace FILE.itf.json [--html OUT] [--mmd OUT]`: a saved counterexample (written by --trace-dir, or an
 * ITF trace of another tool) printed as the text report prints it, and written as a page or a Mermaid diagram.
 */
export async function traceCommand(args: Args): Promise<number> {
  const file = args.positionals[0]!;
  if (!existsSync(file)) throw new UsageError(`no file ${file} (trace takes an .itf.json file, e.g. one written by check --trace-dir)`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as Error).message})`);
  }
  const counterexample = readItfTrace(text, file);
  process.stdout.write(counterexampleText(counterexample));
  const write = (out: string, what: string, content: string) => {
    try {
      writeFileSync(out, content);
    } catch (error) {
      throw new UsageError(`--${what} ${out}: cannot write there (${(error as Error).message})`);
    }
    process.stderr.write(`wrote ${out}\n`);
  };
  if (args.html !== undefined) write(args.html, "html", traceHtml(counterexample));
  if (args.mmd !== undefined) write(args.mmd, "mmd", mermaidText(counterexample));
  return 0;
}
