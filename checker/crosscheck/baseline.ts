import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Either, Schema } from "effect";
import { UsageError } from "../errors.ts";
import type { Config } from "../spec.ts";

/**
 * One recorded TLC run of a paired configuration. A run under SYMMETRY (`symmetry: true`) records orbit counts and
 * the verdicts of the safety properties only, and no reachable-set digest: TLC's dump then holds whichever member
 * of each orbit its search met first, which the explorer's search need not meet first (the entry of the same
 * configuration without symmetry compares the whole reachable set).
 */
const Entry = Schema.Struct({
  variant: Schema.String,
  config: Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number) }),
  symmetry: Schema.optional(Schema.Boolean),
  distinctStates: Schema.Number.pipe(Schema.int(), Schema.nonNegative()),
  generatedStates: Schema.Number.pipe(Schema.int(), Schema.nonNegative()),
  depth: Schema.Number.pipe(Schema.int(), Schema.nonNegative()),
  verdicts: Schema.Record({ key: Schema.String, value: Schema.Boolean }),
  reachableDigest: Schema.optional(Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))),
  tlcVersion: Schema.String,
  jarSha256: Schema.String,
  seconds: Schema.Number,
});
const Baseline = Schema.Struct({ spec: Schema.String, entries: Schema.Array(Entry) });

export type BaselineEntry = typeof Entry.Type;
export type BaselineFile = typeof Baseline.Type;

/** A spec's name and folder: where its baseline lives. */
export interface SpecFolder {
  readonly name: string;
  readonly dir: string;
}

export const baselinePath = (spec: SpecFolder): string => join(spec.dir, "tlc-baseline.json");

/** The committed baseline of a spec (no entries when there is none); a corrupt file is a UsageError. */
export function readBaseline(spec: SpecFolder): BaselineFile {
  const path = baselinePath(spec);
  return existsSync(path) ? readBaselineFile(path) : { spec: spec.name, entries: [] };
}

/** A baseline file, decoded with its schema; anything else is a UsageError naming the file. */
export function readBaselineFile(path: string): BaselineFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`corrupt baseline ${path}: not JSON (${(error as Error).message})`);
  }
  const decoded = Schema.decodeUnknownEither(Baseline)(json);
  if (Either.isLeft(decoded)) throw new UsageError(`corrupt baseline ${path}: ${decoded.left.message.split("\n").slice(0, 3).join(" ")}`);
  return decoded.right;
}

/** Adds or replaces the entry for (variant, config, symmetry) and writes the file. */
export function recordBaseline(spec: SpecFolder, entry: BaselineEntry): void {
  const file = readBaseline(spec);
  const same = (e: BaselineEntry) => e.variant === entry.variant && sameConfig(e.config, entry.config) && !!e.symmetry === !!entry.symmetry;
  const entries = [...file.entries.filter((e) => !same(e)), entry];
  writeFileSync(baselinePath(spec), `${JSON.stringify({ spec: spec.name, entries }, null, 2)}\n`);
}

export const sameConfig = (a: Config, b: Config): boolean => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** SHA-256 of the first file on the TLC classpath (the jar). */
export function jarSha256(classpath: string): string {
  const first = classpath.split(":").find((p) => p && existsSync(p) && statSync(p).isFile());
  return first ? createHash("sha256").update(readFileSync(first)).digest("hex") : "unknown (classpath is a folder)";
}
