import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { readChecks } from "../tlc/config-file.ts";
import { installTlc } from "../tlc/install.ts";
import { pinnedRelease } from "../tlc/locate.ts";
import { runTlc } from "../tlc/run.ts";
import { tlcModuleDocument } from "../report/tlc.ts";
import { formatReport } from "../report-text.ts";
import { exitCodeOf } from "../run.ts";
import type { Args } from "./args.ts";
import { interruptible } from "./interrupt.ts";
import { tlcSpecCommand } from "./paired.ts";
import { writeTraces } from "./run-files.ts";

/** `interleave tlc --module Path.tla [--config Path.cfg] [--json]`: TLC on any TLA+ spec, as a result document. */
export async function tlcCommand(args: Args): Promise<number> {
  if (args.module === undefined) {
    if (args.positionals.length === 0) throw new UsageError("tlc needs a spec name or --module Path.tla (a spec on disk)");
    return tlcSpecCommand(args);
  }
  const module = resolve(args.module);
  if (!module.endsWith(".tla") || !existsSync(module)) throw new UsageError(`--module takes an existing .tla file, got "${args.module}"`);
  const config = resolve(args.config ?? module.replace(/\.tla$/, ".cfg"));
  if (!existsSync(config)) throw new UsageError(`no TLC config at ${config}; give one with --config Path.cfg`);
  const { report, seconds } = await interruptible((signal) =>
    runTlc({ module, config, workers: args.workers ?? 1, timeoutSeconds: args.timeout, continueAfterViolation: args.continue, signal }),
  );
  const document = tlcModuleDocument(
    { spec: basename(module, ".tla"), variant: basename(config, ".cfg"), config: {}, seconds, continued: args.continue },
    report,
    readChecks(config),
  );
  process.stdout.write(args.json ? `${JSON.stringify(document, null, 2)}\n` : formatReport(document));
  if (args.traceDir !== undefined) writeTraces(args.traceDir, [document]);
  return exitCodeOf(document);
}

/** `interleave tlc:install`: downloads the pinned TLC release into the per-user cache. */
export async function tlcInstallCommand(args: Args): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError("tlc:install takes no arguments");
  const path = await installTlc();
  process.stdout.write(`installed TLC ${pinnedRelease.version} at ${path} (SHA-256 verified)\n`);
  return 0;
}
