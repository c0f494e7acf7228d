import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";
import type { ResultDocument } from "../report.ts";
import type { JudgedRun } from "../trace-files/judge.ts";
import { junitXml } from "../trace-files/junit.ts";
import { appendStepSummary } from "../trace-files/summary.ts";
import { writeTraceFiles } from "../trace-files/write.ts";
import type { Args } from "./args.ts";

/**
 * What a run writes besides its report: with --trace-dir each counterexample's files, with --junit the JUnit report,
 * and when GITHUB_STEP_SUMMARY is set (GitHub Actions) the job summary. What was written is said on stderr, so
 * stdout stays the report (or the JSON).
 */
export function writeRunFiles(args: Pick<Args, "traceDir" | "junit">, runs: readonly JudgedRun[], env: NodeJS.ProcessEnv = process.env): void {
  if (args.traceDir !== undefined)
    writeTraces(
      args.traceDir,
      runs.map((r) => r.document),
    );
  if (args.junit !== undefined) {
    try {
      mkdirSync(dirname(args.junit), { recursive: true });
      writeFileSync(args.junit, junitXml(runs));
    } catch (error) {
      throw new UsageError(`--junit ${args.junit}: cannot write there (${(error as Error).message})`);
    }
    process.stderr.write(`wrote the JUnit report to ${args.junit}\n`);
  }
  if (appendStepSummary(runs, env, args.traceDir === undefined ? {} : { traceDir: args.traceDir }))
    process.stderr.write(`appended the summary to ${env.GITHUB_STEP_SUMMARY}\n`);
}

/** Writes the documents' counterexamples into `dir` and says how many on stderr (tlc and crosscheck use it too). */
export function writeTraces(dir: string, documents: readonly ResultDocument[]): void {
  const written = writeTraceFiles(documents, dir);
  const count = written.length / 3;
  process.stderr.write(
    count === 0 ? `no counterexample to write into ${dir}\n` : `wrote ${count} counterexample(s) into ${dir} (.itf.json, .mmd, .html)\n`,
  );
}
