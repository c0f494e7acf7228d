import type { Worker } from "node:worker_threads";
import type { Args } from "./commands/args.ts";
import { commandHelp, overallUsage } from "./commands/help.ts";
import { InternalError } from "./commands/internal-error.ts";
import { parseCommand } from "./commands/parse.ts";
import { packageVersion } from "./commands/version.ts";
import { isUsageError } from "./errors.ts";

/** What bin/interleave.js hands main besides the arguments. */
export interface MainOptions {
  /** check's search thread when the bin started one early (no job yet), once; undefined when there is none or it ended. */
  readonly takeSearchThread?: () => Worker | undefined;
}

type Command = (args: Args, options: MainOptions) => Promise<number>;

/**
 * Each command's code, loaded when it runs (so that `check` leaves the spec and explorer modules to its search
 * thread, and --help stays quick); its options are declared in commands/table.ts.
 */
const commands: Record<string, () => Promise<Command>> = {
  list: async () => (await import("./commands/list.ts")).listCommand,
  check: async () => {
    const { checkCommand } = await import("./commands/check.ts");
    return (args, options) => checkCommand(args, options.takeSearchThread);
  },
  tlc: async () => (await import("./commands/tlc.ts")).tlcCommand,
  "tlc:install": async () => (await import("./commands/tlc.ts")).tlcInstallCommand,
  crosscheck: async () => (await import("./commands/paired.ts")).crosscheckCommand,
  baselines: async () => (await import("./commands/baselines.ts")).baselinesCommand,
  trace: async () => (await import("./commands/trace.ts")).traceCommand,
  new: async () => (await import("./commands/new.ts")).newCommand,
  explore: async () => (await import("./commands/explore.ts")).exploreCommand,
};

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/** What to print instead of running a command (the usage, a command's help, the version), or undefined to run it. */
function information(argv: readonly string[]): { text: string; stream: "stdout" | "stderr"; code: number } | undefined {
  const [command, ...rest] = argv;
  if (command === undefined) return { text: overallUsage(), stream: "stderr", code: 2 };
  if (command === "--version") return { text: `${packageVersion()}\n`, stream: "stdout", code: 0 };
  if (isHelp(command) || (command === "help" && rest.length === 0)) return { text: overallUsage(), stream: "stdout", code: 0 };
  if (command === "help" && rest.length === 1) return { text: commandHelp(rest[0]!), stream: "stdout", code: 0 };
  if (command in commands && rest.some(isHelp)) return { text: commandHelp(command), stream: "stdout", code: 0 };
  return undefined;
}

/**
 * Runs the `interleave` command; returns its exit code. Usage errors print one line on stderr (exit 2), as do
 * failures of Interleave itself in the search thread (exit 4).
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  try {
    const info = information(argv);
    if (info) {
      process[info.stream].write(info.text);
      return info.code;
    }
    const [command, ...rest] = argv as [string, ...string[]];
    const args = parseCommand(command, rest);
    return await (
      await commands[command]!()
    )(args, options);
  } catch (error) {
    if (isUsageError(error)) {
      process.stderr.write(`interleave: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InternalError) {
      process.stderr.write(`interleave: internal error: ${error.message}\n`);
      return 4;
    }
    throw error;
  }
}
