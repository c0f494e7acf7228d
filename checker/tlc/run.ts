import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { execa } from "execa";
import { UsageError } from "../errors.ts";
import { javaCommand, tlaToolsClasspath } from "./locate.ts";
import { parseTlcOutput, type TlcReport } from "./output.ts";

export interface TlcRunOptions {
  /** The .tla file of the module to check. */
  readonly module: string;
  /** The .cfg file; defaults to the module's name with .cfg. */
  readonly config?: string;
  readonly workers?: number;
  /** Seconds before TLC is stopped (a UsageError). */
  readonly timeoutSeconds?: number;
  /** Write every reachable state to this file (TLC's -dump), for comparing reachable sets. */
  readonly dump?: string;
  /** Keep going after a violation (TLC's -continue). */
  readonly continueAfterViolation?: boolean;
  /** Stops TLC (Ctrl-C). */
  readonly signal?: AbortSignal;
}

/** Runs TLC in tool mode with a private metadir and parses what it reports; TLC's failures are UsageErrors. */
export async function runTlc(options: TlcRunOptions): Promise<{ report: TlcReport; seconds: number; output: string }> {
  const module = resolve(options.module);
  const config = resolve(options.config ?? module.replace(/\.tla$/, ".cfg"));
  const classpath = tlaToolsClasspath();
  const metadir = mkdtempSync(join(tmpdir(), "interleave-tlc-"));
  const args = [
    "-XX:+UseParallelGC",
    "-cp",
    classpath,
    "tlc2.TLC",
    "-tool",
    "-workers",
    String(options.workers ?? 1),
    "-metadir",
    metadir,
    "-config",
    config,
    ...(options.dump ? ["-dump", resolve(options.dump)] : []),
    ...(options.continueAfterViolation ? ["-continue"] : []),
    basename(module),
  ];
  const started = performance.now();
  try {
    const run = await execa(javaCommand(), args, {
      cwd: dirname(module),
      reject: false,
      all: true,
      timeout: (options.timeoutSeconds ?? 3600) * 1000,
      ...(options.signal ? { cancelSignal: options.signal } : {}),
    });
    if (run.timedOut) throw new UsageError(`TLC timed out after ${options.timeoutSeconds ?? 3600} s`);
    if (run.isCanceled) throw new UsageError("TLC was cancelled");
    if ((run as { code?: string }).code === "ENOENT") throw new UsageError(`Java not found (${javaCommand()}): install a JDK 11+ or set JAVA_HOME`);
    const output = run.all ?? "";
    if (/OutOfMemoryError/.test(output)) throw new UsageError("TLC ran out of memory (raise the JVM heap with JAVA_TOOL_OPTIONS=-Xmx…)");
    if (!output.includes("@!@!@STARTMSG")) throw new UsageError(`TLC did not run: ${firstLine(output) || `exit code ${run.exitCode}`}`);
    return { report: parseTlcOutput(output), seconds: (performance.now() - started) / 1000, output };
  } finally {
    rmSync(metadir, { recursive: true, force: true });
  }
}

const firstLine = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? "";
