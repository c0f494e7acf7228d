import { readFileSync } from "node:fs";
import { loadSpec } from "../discover.ts";
import { UsageError } from "../errors.ts";
import { CheckJob } from "../explorer-ui/check-job.ts";
import { walkFile, type LoadedTrace } from "../explorer-ui/replay.ts";
import { serveExplorer } from "../explorer-ui/server.ts";
import { openSession, type ExplorerSession } from "../explorer-ui/session.ts";
import { specsRootOf, type Args } from "./args.ts";

/** An ITF trace file walked on the session's model; a UsageError (one line) when it cannot be read or does not walk. */
function traceFile(session: ExplorerSession, file: string): LoadedTrace {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--trace ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  return walkFile(session, text, file);
}

/**
 * `interleave explore <spec> …`: serves the interactive explorer on 127.0.0.1 until Ctrl-C (then exit 0). The page's
 * check runs in `check`'s search thread, on the same spec, variant and settings.
 */
export async function exploreCommand(args: Args): Promise<number> {
  const [name, ...extra] = args.positionals;
  if (name === undefined) throw new UsageError("explore needs a spec name or a model file (interleave list shows the specs)");
  if (extra.length > 0) throw new UsageError(`explore takes one spec, got also: ${extra.join(" ")}`);
  const where = { specs: args.specs, examples: args.examples };
  const spec = await loadSpec(name, specsRootOf(where));
  const session = openSession(spec, { variant: args.variant, set: args.set });
  const trace = args.trace === undefined ? undefined : traceFile(session, args.trace);
  const check = new CheckJob({ kind: "one", where, name, variant: args.variant, set: args.set, search: { strategy: "bfs", workers: 1 } });
  const server = await serveExplorer(session, { ...(args.port !== undefined && { port: args.port }), check, ...(trace && { trace }) });
  process.stdout.write(`interleave explore: ${spec.name} (${session.variant}) at ${server.url}\n  Ctrl-C stops the server.\n`);
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await server.close();
  process.stdout.write("interleave explore: stopped\n");
  return 0;
}
