import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { parseSize } from "../explore/memory.ts";
import type { FairnessLevel, FairnessLevels } from "../model.ts";
import type { Args } from "./args.ts";
import { commandTable, optionTable, type CommandForm, type OptionName } from "./table.ts";

// Light on purpose (no spec or explorer modules): `interleave check` loads those in its search thread only.

/** A positive integer given as plain decimal digits (no sign, spaces, exponent or hex), or a UsageError naming the option. */
export function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && Number.isSafeInteger(value))) throw new UsageError(`--${name} takes a positive integer in decimal digits, got "${raw}"`);
  return value;
}

/** A simulation's seed: an unsigned 32-bit integer in decimal digits, or a UsageError. */
export function seedOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= 2 ** 32 - 1)) throw new UsageError(`--seed takes an integer from 0 to 4294967295 in decimal digits, got "${raw}"`);
  return value;
}

/** A TCP port from 1 to 65535 in decimal digits, or a UsageError. */
export function portOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 65535)) throw new UsageError(`--port takes a port from 1 to 65535 in decimal digits, got "${raw}"`);
  return value;
}

const levels: readonly FairnessLevel[] = ["weak", "strong", "none"];
/** The kinds of action fairness is chosen for: those of actor systems, and "action" for a model without `fairness`. */
const kinds = ["deliver", "invoke", "local", "timer", "tick", "recover", "heal", "action"];

/** `kind=level` settings, e.g. deliver=strong; a UsageError for an unknown kind or level. */
export function fairnessOf(settings: readonly string[]): FairnessLevels {
  const result: Record<string, FairnessLevel> = {};
  for (const setting of settings) {
    const [kind, level, ...rest] = setting.split("=");
    if (rest.length > 0 || level === undefined || !kinds.includes(kind!) || !levels.includes(level as FairnessLevel)) {
      throw new UsageError(`--fairness takes kind=level with kind ${kinds.join(", ")} and level ${levels.join(", ")}, got "${setting}"`);
    }
    result[kind!] = level as FairnessLevel;
  }
  return result;
}

/** The form of `command` the options choose (tlc: --module or a spec). */
function formOf(forms: readonly CommandForm[], given: ReadonlySet<string>): CommandForm {
  return forms.find((f) => f.when !== undefined && given.has(f.when)) ?? forms.find((f) => f.when === undefined)!;
}

const optionList = (form: CommandForm) => (form.options.length === 0 ? "no options" : form.options.map((o) => `--${o}`).join(", "));

/**
 * The options on the command line, name → as written (parsed leniently, so that every option is seen with its
 * value); a UsageError for a value that looks like an option (`--variant --json`).
 */
function optionsGiven(argv: readonly string[]): Map<string, string> {
  const { tokens } = parseArgs({ args: [...argv], options: optionTable, allowPositionals: true, strict: false, tokens: true });
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (token.value?.startsWith("-") && !token.inlineValue) {
      throw new UsageError(`${token.rawName} needs a value, got "${token.value}" (write ${token.rawName}=${token.value} if you mean it)`);
    }
    given.set(token.name, token.rawName);
  }
  return given;
}

/**
 * Parses the arguments of `command`: an option the command does not take, a malformed value or a wrong
 * number of arguments is a UsageError naming it and what the command takes.
 */
export function parseCommand(command: string, argv: readonly string[]): Args {
  const forms = commandTable[command];
  if (!forms) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(commandTable).join(", ")}`);
  const given = optionsGiven(argv);
  const form = formOf(forms, new Set(given.keys()));
  const stray = [...given].find(([name]) => !(form.options as readonly string[]).includes(name));
  if (stray) throw new UsageError(`${form.label} does not take ${stray[1]}; it takes ${optionList(form)} (interleave ${command} --help)`);
  const table = Object.fromEntries(form.options.map((o) => [o, optionTable[o]]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: table, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${form.label}: ${(error as Error).message.split("\n")[0]}`);
  }
  const { positionals } = parsed;
  const count = form.positionals;
  if (count && (positionals.length < count.min || positionals.length > count.max)) {
    const got = positionals.length === 0 ? "none" : positionals.map((p) => `"${p}"`).join(" ");
    throw new UsageError(`${form.label} takes ${form.synopsis || "no arguments"}, got ${got}`);
  }
  return argsOf(positionals, parsed.values as Partial<Record<OptionName, string | boolean | string[]>>);
}

/** The Args of parsed option values, with defaults and each value checked. */
function argsOf(positionals: readonly string[], values: Partial<Record<OptionName, string | boolean | string[]>>): Args {
  const text = (name: OptionName) => values[name] as string | undefined;
  const flag = (name: OptionName) => values[name] === true;
  const list = (name: OptionName) => (values[name] as string[] | undefined) ?? [];
  const strategy = text("strategy") ?? "bfs";
  if (strategy !== "bfs" && strategy !== "dfs") throw new UsageError(`--strategy takes bfs or dfs, got "${strategy}"`);
  return {
    positionals,
    variant: text("variant") ?? "main",
    set: list("set"),
    json: flag("json"),
    all: flag("all"),
    maxStates: positiveInteger("max-states", text("max-states")),
    strategy,
    continue: flag("continue"),
    fairness: fairnessOf(list("fairness")),
    memory: text("memory") === undefined ? undefined : parseSize("memory", text("memory")!),
    simulate: flag("simulate"),
    seed: seedOf(text("seed")),
    depth: positiveInteger("depth", text("depth")),
    traces: positiveInteger("traces", text("traces")),
    symmetry: flag("symmetry"),
    module: text("module"),
    config: text("config"),
    workers: positiveInteger("workers", text("workers")),
    timeout: positiveInteger("timeout", text("timeout")),
    record: flag("record"),
    emit: text("emit"),
    markdown: flag("markdown"),
    traceDir: text("trace-dir"),
    junit: text("junit"),
    html: text("html"),
    mmd: text("mmd"),
    dir: text("dir"),
    force: flag("force"),
    specs: text("specs"),
    examples: flag("examples"),
    port: portOf(text("port")),
    trace: text("trace"),
  };
}
