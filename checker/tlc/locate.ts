import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../errors.ts";

/** The TLC release `interleave tlc:install` downloads, pinned by its SHA-256. */
export const pinnedRelease = {
  version: "1.8.0 (TLC 2026.07.18.145032, rev 30cc360)",
  url: "https://github.com/tlaplus/tlaplus/releases/download/v1.8.0/tla2tools.jar",
  sha256: "cc4803dce2a8ffaf0f5920a9dc39df4b5ee34ab4cb53fb58ac557277a7e516b3",
} as const;

/** The per-user cache folder for TLC: $XDG_CACHE_HOME/interleave, else ~/.cache/interleave. */
export function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "interleave");
}

/** Where tlc:install puts the pinned jar. */
export const cachedJar = (): string => join(cacheDir(), "tla2tools-1.8.0.jar");

/** The classpath holding tlc2.TLC: TLA2TOOLS_JAR (a jar or a classpath), else the cached jar; a UsageError when neither exists. */
export function tlaToolsClasspath(): string {
  const fromEnv = process.env.TLA2TOOLS_JAR;
  if (fromEnv) {
    const missing = fromEnv.split(":").filter((p) => p && !existsSync(p));
    if (missing.length > 0) throw new UsageError(`TLA2TOOLS_JAR names ${missing.join(", ")}, which does not exist`);
    return fromEnv;
  }
  if (existsSync(cachedJar())) return cachedJar();
  throw new UsageError(`TLC not found: set TLA2TOOLS_JAR to tla2tools.jar, or run "interleave tlc:install" to download TLC ${pinnedRelease.version}`);
}

/** The java executable: $JAVA_HOME/bin/java when set, else `java` on the PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/** True when TLC can run here (Java answers and tla2tools is found); the reason otherwise. */
export async function tlcAvailability(): Promise<{ available: boolean; reason: string }> {
  try {
    tlaToolsClasspath();
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
  const { execa } = await import("execa");
  const probe = await execa(javaCommand(), ["-version"], { reject: false });
  return probe.exitCode === 0
    ? { available: true, reason: "" }
    : { available: false, reason: `Java not found (${javaCommand()} -version failed): install a JDK 11+ or set JAVA_HOME` };
}
