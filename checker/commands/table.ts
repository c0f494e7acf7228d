/** Every option of the `interleave` command: its type, the placeholder of its value, and what it does. */
export const optionTable = {
  variant: { type: "string", value: "V", doc: "the variant to check (default main; interleave list shows them)" },
  set: { type: "string", multiple: true, value: "key=value", doc: "a configuration value that differs from the variant's defaults" },
  "max-states": { type: "string", value: "N", doc: "stop after N distinct states (the result is then incomplete, exit 3)" },
  strategy: { type: "string", value: "bfs|dfs", doc: "breadth-first (default: shortest counterexamples) or depth-first" },
  continue: { type: "boolean", doc: "explore everything even after a violation (TLC's -continue)" },
  fairness: {
    type: "string",
    multiple: true,
    value: "kind=level",
    doc: "per action kind (deliver, invoke, local, timer, tick, recover, heal): weak (default), strong, none",
  },
  all: { type: "boolean", doc: "every spec and variant at its defaults" },
  symmetry: {
    type: "boolean",
    doc: "one state per orbit of the processes the spec declares interchangeable (counts are orbits; liveness is left unchecked)",
  },
  memory: { type: "string", value: "SIZE", doc: "stop once the heap in use passes SIZE, e.g. 512m or 4g (default 80% of the heap limit; exit 3)" },
  simulate: {
    type: "boolean",
    doc: "random walks for spaces too big to exhaust; checks safety only, proves nothing (exit 1 on a violation, else 3)",
  },
  seed: { type: "string", value: "S", doc: "the simulation's seed, 0 to 4294967295 (default random, printed): the same seed, the same walks" },
  depth: { type: "string", value: "D", doc: "the longest walk of a simulation, in states (default 100)" },
  traces: { type: "string", value: "N", doc: "the walks of a simulation (default 10,000)" },
  module: { type: "string", value: "Path.tla", doc: "a TLA+ module on disk" },
  config: { type: "string", value: "Path.cfg", doc: "its TLC config (default: the .cfg beside the module)" },
  record: { type: "boolean", doc: "record the run in the spec's tlc-baseline.json (only when the explorer agrees with it)" },
  emit: { type: "string", value: "Path.tla", doc: "write the model module (and its .cfg) beside the TLA+ twin instead of running TLC" },
  workers: { type: "string", value: "N", doc: "threads: check's search threads, TLC's -workers (default 1)" },
  timeout: { type: "string", value: "S", doc: "stop TLC after S seconds" },
  markdown: { type: "boolean", doc: "print the comparison as a Markdown table" },
  "trace-dir": {
    type: "string",
    value: "DIR",
    doc: "write each counterexample into DIR: <spec>[.<variant>].<property>.itf.json (ITF), .mmd (Mermaid sequence diagram), .html (a page)",
  },
  junit: { type: "string", value: "FILE", doc: "write a JUnit XML report: one test case per spec, variant and property" },
  html: { type: "string", value: "OUT", doc: "also write the trace as a self-contained HTML page" },
  mmd: { type: "string", value: "OUT", doc: "also write the trace as a Mermaid sequence diagram" },
  dir: { type: "string", value: "DIR", doc: "the project to write into (default: the folder of the nearest package.json)" },
  force: { type: "boolean", doc: "overwrite files that exist" },
  json: { type: "boolean", doc: "print JSON on stdout instead of a report" },
  specs: { type: "string", value: "DIR", doc: "the folder of spec folders (default: specs/ beside the nearest package.json)" },
  examples: { type: "boolean", doc: "use the specs bundled with Interleave" },
  port: { type: "string", value: "N", doc: "explore: the port on 127.0.0.1 to serve the page on (default: a free one)" },
  trace: { type: "string", value: "FILE.itf.json", doc: "explore: a counterexample to show first (an ITF trace of this spec and configuration)" },
} as const satisfies Record<string, { type: "string" | "boolean"; multiple?: boolean; value?: string; doc: string }>;

export type OptionName = keyof typeof optionTable;

/** One way to call a command: what it is called, its positional arguments and the options it takes. */
export interface CommandForm {
  /** How messages name it, e.g. "tlc --module". */
  readonly label: string;
  /** Its positional arguments as the usage shows them. */
  readonly synopsis: string;
  readonly summary: string;
  readonly options: readonly OptionName[];
  /** The form applies when this option is given (else the command's form without `when`). */
  readonly when?: OptionName;
  /** How many positional arguments it takes, when fixed (else the command checks them). */
  readonly positionals?: { readonly min: number; readonly max: number };
}

const where = ["specs", "examples"] as const;
const none = { min: 0, max: 0 };

const form = (label: string, synopsis: string, summary: string, options: readonly OptionName[], more: Partial<CommandForm> = {}): CommandForm => ({
  label,
  synopsis,
  summary,
  options,
  ...more,
});

/** The commands and their forms, in the order the usage lists them. */
export const commandTable: Readonly<Record<string, readonly CommandForm[]>> = {
  list: [form("list", "", "each spec with its variants, configuration keys and defaults", ["json", ...where], { positionals: none })],
  check: [
    form("check", "<spec|model file>", "explore every interleaving of a configuration and check its properties", [
      ...([
        "variant",
        "set",
        "max-states",
        "strategy",
        "continue",
        "fairness",
        "memory",
        "symmetry",
        "workers",
        "json",
        "trace-dir",
        "junit",
      ] as const),
      ...where,
    ]),
    form(
      "check --simulate",
      "<spec|model file>",
      "random walks through a configuration too big to exhaust, checking its safety properties; a counterexample is shrunk",
      [
        ...(["simulate", "seed", "depth", "traces", "variant", "set", "continue", "memory", "workers", "json", "trace-dir", "junit"] as const),
        ...where,
      ],
      { when: "simulate" },
    ),
    form(
      "check --all",
      "",
      "check every spec and variant at its defaults (flawed variants must fail as declared)",
      [...(["all", "max-states", "strategy", "continue", "fairness", "memory", "workers", "json", "trace-dir", "junit"] as const), ...where],
      { when: "all", positionals: none },
    ),
  ],
  tlc: [
    form("tlc <spec>", "<spec>", "run TLC on a spec's TLA+ twin at a configuration", [
      ...(["variant", "set", "record", "emit", "json", "workers", "timeout", "fairness", "symmetry", "trace-dir"] as const),
      ...where,
    ]),
    form(
      "tlc --module",
      "",
      "run TLC on any TLA+ module, as a result document",
      ["module", "config", "workers", "timeout", "continue", "json", "trace-dir"],
      {
        when: "module",
        positionals: none,
      },
    ),
  ],
  crosscheck: [
    form("crosscheck", "<spec>", "explore a configuration and run TLC on it; exit 0 when they agree", [
      ...(["variant", "set", "json", "workers", "timeout", "fairness", "trace-dir"] as const),
      ...where,
    ]),
  ],
  baselines: [form("baselines", "[<spec>...]", "explore every configuration recorded from TLC and compare", ["markdown", "json", ...where])],
  trace: [
    form(
      "trace",
      "<FILE.itf.json>",
      "print a saved counterexample (an ITF trace) as the text report does; --html, --mmd write it as a page, a diagram",
      ["html", "mmd"],
      {
        positionals: { min: 1, max: 1 },
      },
    ),
  ],
  new: [
    form("new", "<name>", "scaffold a working protocol: its actors, spec, TLA+ twin and a vitest test", ["dir", "force"], {
      positionals: { min: 1, max: 1 },
    }),
  ],
  explore: [
    form("explore", "<spec|model file>", "a web page to step through a configuration by hand, see each property there, and walk a counterexample", [
      ...(["variant", "set", "port", "trace"] as const),
      ...where,
    ]),
  ],
  "tlc:install": [form("tlc:install", "", "download the pinned TLC release (SHA-256 checked) into the user cache", [], { positionals: none })],
};
