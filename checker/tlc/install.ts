import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";
import { cachedJar, pinnedRelease } from "./locate.ts";

/**
 * Downloads the pinned TLC release into the per-user cache and checks its SHA-256. Offline, or on a
 * hash mismatch, it throws a UsageError and leaves no partial file. Returns the jar's path.
 */
export async function installTlc(options: { url?: string; sha256?: string; target?: string } = {}): Promise<string> {
  const url = options.url ?? pinnedRelease.url;
  const expected = options.sha256 ?? pinnedRelease.sha256;
  const target = options.target ?? cachedJar();
  let bytes: Buffer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new UsageError(`could not download TLC from ${url} (${(error as Error).message}); offline? set TLA2TOOLS_JAR to a tla2tools.jar instead`);
  }
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== expected) throw new UsageError(`TLC download from ${url} has SHA-256 ${actual}, expected ${expected}; nothing was installed`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}
