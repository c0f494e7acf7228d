import { checkCommand } from "./commands/check.ts";
import { listCommand } from "./commands/list.ts";
import { tlcCommand, tlcInstallCommand } from "./commands/tlc.ts";
import { crosscheckCommand } from "./commands/paired.ts";
import { baselinesCommand } from "./commands/baselines.ts";
import { parse } from "./commands/args.ts";
import { UsageError } from "./errors.ts";

const usage = `usage:
  interleave list [--json]
  interleave check <spec> [--variant V] [--set key=value]... [--max-states N] [--strategy bfs|dfs] [--continue] [--fairness kind=weak|strong|none]... [--json]
  interleave check --all [--json]
  interleave tlc <spec> [--variant V] [--set key=value]... [--record] [--emit Path.tla] [--json]
  interleave crosscheck <spec> [--variant V] [--set key=value]... [--json]
  interleave tlc --module Path.tla [--config Path.cfg] [--workers N] [--timeout S] [--continue] [--json]
  interleave baselines [<spec>...] [--markdown] [--json]   explore every configuration recorded from TLC and compare
  interleave tlc:install                  download the pinned TLC release (SHA-256 checked) into the user cache
exit codes: 0 all properties hold, 1 a property is violated, 2 bad usage or input, 3 stopped at a bound`;

const commands: Record<string, (args: ReturnType<typeof parse>) => Promise<number>> = {
  list: listCommand,
  check: checkCommand,
  tlc: tlcCommand,
  "tlc:install": tlcInstallCommand,
  crosscheck: crosscheckCommand,
  baselines: baselinesCommand,
};

/** Runs the `interleave` command; returns its exit code. Usage errors print one line on stderr (exit 2). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  try {
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(commands).join(", ")}`);
    return await run(parse(rest));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`interleave: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
