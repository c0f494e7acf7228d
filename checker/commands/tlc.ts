import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { readChecks } from "../tlc/config-file.ts";
import { tlcDocument } from "../tlc/document.ts";
import { installTlc } from "../tlc/install.ts";
import { pinnedRelease } from "../tlc/locate.ts";
import type { TlcReport } from "../tlc/output.ts";
import { runTlc } from "../tlc/run.ts";
import { print } from "../tlc/value.ts";
import type { ResultDocument } from "../report.ts";
import { countsText, verdictText } from "../report-text.ts";
import { exitCodeOf } from "../run.ts";
import type { Args } from "./args.ts";
import { interruptible } from "./interrupt.ts";
import { tlcSpecCommand } from "./paired.ts";

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
  const document = tlcDocument(
    { spec: basename(module, ".tla"), variant: basename(config, ".cfg"), config: {}, seconds, continued: args.continue },
    report,
    readChecks(config),
  );
  process.stdout.write(args.json ? `${JSON.stringify(document, null, 2)}\n` : humanTlcReport(document, report));
  return exitCodeOf(document);
}

function humanTlcReport(doc: ResultDocument, report: TlcReport): string {
  const version = report.version;
  const lines = [
    `${doc.spec} (${doc.variant}) with TLC ${version}`,
    `  ${countsText(doc)}`,
    `  ${doc.complete ? "search complete" : "search STOPPED at the first violation (--continue explores on): verdicts marked ? are undecided"}`,
  ];
  for (const p of doc.properties) lines.push(`  ${p.name}  ${p.kind}  ${verdictText(p.holds)}`);
  for (const warning of report.warnings) lines.push(`  TLC warns: ${warning}`);
  for (const v of report.violations) {
    lines.push("", `Counterexample to ${v.properties.length > 0 ? v.properties.join(", ") : (v.property ?? v.kind)} (${v.states.length} states):`);
    v.states.forEach((state, i) => {
      lines.push(`  ${i + 1}. ${state.action}`);
      for (const [name, value] of Object.entries(state.variables)) lines.push(`       /\\ ${name} = ${print(value)}`);
    });
    if (v.loopsBackTo !== null) lines.push(`  back to state ${v.loopsBackTo + 1}`);
    if (v.stutters) lines.push("  then stuttering");
  }
  return `${lines.join("\n")}\n`;
}

/** `interleave tlc:install`: downloads the pinned TLC release into the per-user cache. */
export async function tlcInstallCommand(args: Args): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError("tlc:install takes no arguments");
  const path = await installTlc();
  process.stdout.write(`installed TLC ${pinnedRelease.version} at ${path} (SHA-256 verified)\n`);
  return 0;
}
