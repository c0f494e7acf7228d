import type { Operation } from "../src/actor/index.ts";
import { UsageError } from "./errors.ts";
import { patternKey, type ConfigKey } from "./spec.ts";

/** Parses register client scripts such as "w1,rr" into one script per client: `w<n>` writes n, `r` reads. */
export function parseRegisterScripts(ops: string): Operation[][] {
  return ops
    .split(",")
    .map((script) =>
      Array.from(script.matchAll(/w(\d+)|r/g), ([, value]) => (value === undefined ? { op: "read" } : { op: "write", value: Number(value) })),
    );
}

/** The `ops` configuration key of a register spec: one script per client, separated by commas. */
export const registerOpsKey = (defaultOps: string): ConfigKey<string> =>
  patternKey({
    doc: "each client's operations, comma-separated: w<n> writes n, r reads",
    default: defaultOps,
    pattern: /^(w\d+|r)+(,(w\d+|r)+)*$/,
    accepts: 'scripts like "w1,rr" (w<n> writes n, r reads; one per client)',
  });

/** The scripts of `ops`, checked against the number of clients; throws UsageError when they differ. */
export function registerScripts(ops: string | number | undefined, clients: number): Operation[][] {
  const scripts = parseRegisterScripts(String(ops));
  if (scripts.length !== clients)
    throw new UsageError(`ops gives ${scripts.length} client script(s) but clients=${clients}; give one script per client, separated by commas`);
  return scripts;
}
