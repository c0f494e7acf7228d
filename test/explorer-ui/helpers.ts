import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadSpec } from "../../checker/discover.ts";
import type { CheckJob } from "../../checker/explorer-ui/check-job.ts";
import { serveExplorer, type ExplorerServer } from "../../checker/explorer-ui/server.ts";
import { openSession, type ExplorerSession } from "../../checker/explorer-ui/session.ts";

/** This repository's specs folder. */
export const specsRoot = fileURLToPath(new URL("../../specs/", import.meta.url));

/** The specs of these tests (a model that is not an actor system). */
export const fixturesRoot = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** A session on one of this repository's specs (or of `root`). */
export async function session(name: string, variant: string, set: readonly string[], root = specsRoot): Promise<ExplorerSession> {
  return openSession(await loadSpec(name, root), { variant, set });
}

/** A server for a session on a free port, with the check job the CLI would give it. */
export async function serve(s: ExplorerSession, check?: CheckJob): Promise<ExplorerServer> {
  return serveExplorer(s, check ? { check } : {});
}

/**
 * A Chromium to drive: $CHROMIUM_PATH when set (and there), else Debian's (`apt-get install chromium`) or one in another
 * usual place; undefined when there is none (the browser tests then skip, saying so on one line).
 */
export function chromiumPath(): string | undefined {
  const chosen = process.env.CHROMIUM_PATH;
  const candidates = chosen
    ? [chosen]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
  return candidates.find((p) => existsSync(p));
}
