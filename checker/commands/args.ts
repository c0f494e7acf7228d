import { examplesDir, specsDir } from "../discover.ts";
import { UsageError } from "../errors.ts";
import type { FairnessLevels } from "../model.ts";

/** The options of a command line (parsed by ./parse.ts); each command takes only those of its own table (./table.ts). */
export interface Args {
  readonly positionals: readonly string[];
  readonly variant: string;
  readonly set: readonly string[];
  readonly json: boolean;
  readonly all: boolean;
  readonly maxStates: number | undefined;
  readonly strategy: "bfs" | "dfs";
  /** Explore everything even after a violation (TLC's -continue). */
  readonly continue: boolean;
  /** Fairness level per action kind for liveness (`--fairness deliver=strong`). */
  readonly fairness: FairnessLevels;
  /** check: stop once the heap in use passes this many bytes (`--memory 512m`). */
  readonly memory: number | undefined;
  /** check --simulate: random walks instead of an exhaustive search, with their seed, longest walk (states) and count. */
  readonly simulate: boolean;
  readonly seed: number | undefined;
  readonly depth: number | undefined;
  readonly traces: number | undefined;
  /** check, tlc <spec>: symmetry reduction (one state per orbit of the interchangeable processes). */
  readonly symmetry: boolean;
  /** tlc: a TLA+ module on disk, its .cfg, TLC workers, a timeout in seconds. */
  readonly module: string | undefined;
  readonly config: string | undefined;
  /** check: search threads; tlc: TLC's -workers (default 1 for both). */
  readonly workers: number | undefined;
  readonly timeout: number | undefined;
  /** tlc <spec>: write the run into specs/<spec>/tlc-baseline.json. */
  readonly record: boolean;
  /** tlc <spec>: write the model module (and its .cfg) to this .tla path instead of running TLC. */
  readonly emit: string | undefined;
  /** baselines: print the comparison as a Markdown table. */
  readonly markdown: boolean;
  /** check, tlc, crosscheck: write each counterexample's ITF, Mermaid and HTML files into this folder. */
  readonly traceDir: string | undefined;
  /** check: write a JUnit XML report to this file. */
  readonly junit: string | undefined;
  /** trace: write the saved trace as an HTML page, a Mermaid diagram, to these files. */
  readonly html: string | undefined;
  readonly mmd: string | undefined;
  /** new: the project to write into (default: the nearest package.json's folder), and whether to overwrite files. */
  readonly dir: string | undefined;
  readonly force: boolean;
  /** Where the specs are: a folder of spec folders (default: specs/ of the nearest package.json). */
  readonly specs: string | undefined;
  /** Use the specs bundled with Interleave (the examples). */
  readonly examples: boolean;
  /** explore: the port to serve on (undefined: a free one), and an ITF trace file to show first. */
  readonly port: number | undefined;
  readonly trace: string | undefined;
}

/** The folder of specs the arguments choose (`--specs DIR`, `--examples`, else specs/ of the nearest package.json). */
export function specsRootOf(args: Pick<Args, "specs" | "examples">): string {
  if (args.examples && args.specs !== undefined) throw new UsageError("give --specs DIR or --examples, not both");
  return args.examples ? examplesDir : specsDir({ specs: args.specs });
}
