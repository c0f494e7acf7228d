/**
 * Wall time and peak resident memory of one whole child process, the same way for the explorer and for TLC.
 * The peak is the kernel's own figure where GNU time is installed (`/usr/bin/time -f %M`: ru_maxrss from wait4,
 * exact, of the process and of the children it waited for); without it, on Linux, the high-water mark VmHWM of
 * /proc/<pid>/status read every 20 ms (the same figure, unless the peak comes in the last 20 ms of the run).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, execaSync } from "execa";

/** A finished process: its exit code and output, its wall time, and its peak resident set in KiB (undefined when unknown). */
export interface Measured {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly peakKiB: number | undefined;
}

const hasGnuTime = existsSync("/usr/bin/time") && execaSync("/usr/bin/time", ["-f", "%M", "true"], { reject: false }).exitCode === 0;

/** How peaks are read on this machine, for the table's notes. */
export const peakMethod: string = hasGnuTime
  ? "GNU time (ru_maxrss from wait4)"
  : existsSync("/proc/self/status")
    ? "VmHWM of /proc/<pid>/status, read every 20 ms"
    : "not measured (no GNU time, no /proc)";

/** Runs `command args` to its end (any exit code) in `cwd` with `env` added, timing it and reading its peak memory. */
export async function measure(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Measured> {
  const started = performance.now();
  if (hasGnuTime) {
    const dir = mkdtempSync(join(tmpdir(), "interleave-bench-"));
    try {
      const out = join(dir, "time");
      const run = await execa("/usr/bin/time", ["-f", "%M", "-o", out, command, ...args], { ...options, reject: false });
      const seconds = (performance.now() - started) / 1000;
      // GNU time writes "Command exited with non-zero status N" first when it did; the figure is the last line.
      const peakKiB = Number(readFileSync(out, "utf8").trim().split("\n").at(-1));
      return {
        exitCode: run.exitCode ?? -1,
        stdout: run.stdout,
        stderr: run.stderr,
        seconds,
        peakKiB: Number.isFinite(peakKiB) ? peakKiB : undefined,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const child = execa(command, args, { ...options, reject: false });
  let peakKiB: number | undefined;
  const poll = setInterval(() => (peakKiB = highWater(child.pid) ?? peakKiB), 20);
  try {
    const run = await child;
    return { exitCode: run.exitCode ?? -1, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000, peakKiB };
  } finally {
    clearInterval(poll);
  }
}

/** VmHWM of a live process in KiB, or undefined (no /proc, or the process is gone). */
function highWater(pid: number | undefined): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
