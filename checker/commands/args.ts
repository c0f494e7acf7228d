import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import type { FairnessLevel, FairnessLevels } from "../model.ts";

/** The options every command may take; each command rejects those it does not use. */
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
  /** tlc: a TLA+ module on disk, its .cfg, TLC workers, a timeout in seconds. */
  readonly module: string | undefined;
  readonly config: string | undefined;
  readonly workers: number;
  readonly timeout: number | undefined;
  /** tlc <spec>: write the run into specs/<spec>/tlc-baseline.json. */
  readonly record: boolean;
  /** tlc <spec>: write the model module (and its .cfg) to this .tla path instead of running TLC. */
  readonly emit: string | undefined;
  /** baselines: print the comparison as a Markdown table. */
  readonly markdown: boolean;
}

const options = {
  variant: { type: "string" },
  set: { type: "string", multiple: true },
  json: { type: "boolean" },
  all: { type: "boolean" },
  "max-states": { type: "string" },
  strategy: { type: "string" },
  continue: { type: "boolean" },
  fairness: { type: "string", multiple: true },
  module: { type: "string" },
  config: { type: "string" },
  workers: { type: "string" },
  timeout: { type: "string" },
  record: { type: "boolean" },
  emit: { type: "string" },
  markdown: { type: "boolean" },
} as const;

/** A positive integer option, or a UsageError naming it. */
function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--${name} takes a positive integer, got "${raw}"`);
  return Number(raw);
}

const levels: readonly FairnessLevel[] = ["weak", "strong", "none"];

/** `kind=level` settings, e.g. deliver=strong; a UsageError on anything else. */
function fairnessOf(settings: readonly string[]): FairnessLevels {
  const result: Record<string, FairnessLevel> = {};
  for (const setting of settings) {
    const m = /^([a-z][a-z-]*)=(\w+)$/.exec(setting);
    if (!m || !levels.includes(m[2] as FairnessLevel)) throw new UsageError(`--fairness takes kind=level with level weak, strong or none (kinds of actor systems: deliver, invoke, local), got "${setting}"`);
    result[m[1]!] = m[2] as FairnessLevel;
  }
  return result;
}

/** Parses command-line arguments; anything unknown or malformed is a UsageError. */
export function parse(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]}; options: ${Object.keys(options).map((o) => `--${o}`).join(", ")}`);
  }
  const { values, positionals } = parsed;
  const strategy = values.strategy ?? "bfs";
  if (strategy !== "bfs" && strategy !== "dfs") throw new UsageError(`--strategy takes bfs or dfs, got "${strategy}"`);
  return {
    positionals,
    variant: values.variant ?? "main",
    set: values.set ?? [],
    json: values.json ?? false,
    all: values.all ?? false,
    maxStates: positive("max-states", values["max-states"]),
    strategy,
    continue: values.continue ?? false,
    fairness: fairnessOf(values.fairness ?? []),
    module: values.module,
    config: values.config,
    workers: positive("workers", values.workers) ?? 1,
    timeout: positive("timeout", values.timeout),
    record: values.record ?? false,
    emit: values.emit,
    markdown: values.markdown ?? false,
  };
}
