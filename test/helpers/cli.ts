/**
 * Running the `interleave` command in tests. Each process costs a second or two of CPU (node, tsx, the checker's
 * modules), so the many cases that check what the command prints and its exit code run in one process per test
 * file (cliBatch), and only the tests about the process itself (signals, the compiled bin, the README) spawn their own.
 */
import { fileURLToPath } from "node:url";
import { execa } from "execa";

/** One run of the command: its exit code and what it printed. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
const driver = fileURLToPath(new URL("./cli-batch-main.ts", import.meta.url));

/** Runs `interleave args…` as a user does, in a process of its own (bin/interleave.js), without failing on its exit code. */
export async function cli(...args: string[]): Promise<CliRun> {
  const { exitCode, stdout, stderr } = await execa("node", [bin, ...args], { reject: false });
  return { exitCode: exitCode ?? -1, stdout, stderr };
}

/**
 * A batch of command lines run one after another by the CLI's `main` in a single process (tsx registered, as the bin
 * does), each with its own captured stdout, stderr and exit code. Started on first use; `run(args)` resolves to the
 * run of `args`, which must be one of `argvs`. A run that throws out of `main` (the bin would print a stack) rejects.
 */
export function cliBatch(argvs: readonly (readonly string[])[]): (args: readonly string[]) => Promise<CliRun> {
  let runs: Promise<Map<string, CliRun>> | undefined;
  const start = async () => {
    // The timeout, under the test's, turns a run that hangs into a failure that names it.
    const child = await execa("node", ["--import", "tsx", driver], { input: JSON.stringify(argvs), reject: false, timeout: 540_000 });
    if (child.exitCode !== 0) {
      const how = child.timedOut ? "timed out" : `exit ${child.exitCode}`;
      throw new Error(`the CLI batch failed (${how}); its stderr ends:\n${child.stderr.trim().split("\n").slice(-10).join("\n")}`);
    }
    const results = JSON.parse(child.stdout) as (CliRun & { thrown?: string })[];
    return new Map(argvs.map((argv, i) => [JSON.stringify(argv), results[i]!]));
  };
  return async (args) => {
    runs ??= start();
    const run = (await runs).get(JSON.stringify(args));
    if (!run) throw new Error(`${JSON.stringify(args)} is not in this file's CLI batch`);
    if ("thrown" in run) throw new Error(`interleave ${args.join(" ")} threw out of main: ${run.thrown}`);
    return run;
  };
}
