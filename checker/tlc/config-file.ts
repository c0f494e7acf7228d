import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

/** What a TLC .cfg asks to check: invariant and property names, and whether deadlock is checked. */
export interface TlcChecks {
  readonly invariants: readonly string[];
  readonly properties: readonly string[];
  readonly checkDeadlock: boolean;
}

const sections = new Set([
  "CONSTANT",
  "CONSTANTS",
  "INIT",
  "NEXT",
  "SPECIFICATION",
  "INVARIANT",
  "INVARIANTS",
  "PROPERTY",
  "PROPERTIES",
  "SYMMETRY",
  "VIEW",
  "CONSTRAINT",
  "CONSTRAINTS",
  "ACTION_CONSTRAINT",
  "ACTION_CONSTRAINTS",
  "CHECK_DEADLOCK",
  "POSTCONDITION",
  "ALIAS",
]);

/** Reads the names listed under INVARIANT(S) and PROPERTY(IES) and the CHECK_DEADLOCK setting. */
export function readChecks(path: string): TlcChecks {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read TLC config ${path}`);
  }
  const words = text
    .replace(/\\\*.*$/gm, "")
    .replace(/\(\*[\s\S]*?\*\)/g, "")
    .split(/\s+/)
    .filter(Boolean);
  const invariants: string[] = [];
  const properties: string[] = [];
  let checkDeadlock = true;
  let section = "";
  for (const word of words) {
    if (sections.has(word)) section = word;
    else if (section.startsWith("INVARIANT")) invariants.push(word);
    else if (section.startsWith("PROPERT")) properties.push(word);
    else if (section === "CHECK_DEADLOCK") checkDeadlock = word !== "FALSE";
  }
  return { invariants, properties, checkDeadlock };
}
