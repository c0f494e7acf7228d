import type { Value } from "./spec.ts";

/**
 * A configuration as `key=value` words, e.g. "servers=3 crashes=1". Apart from spec.ts so that printing a report
 * (the CLI's main thread) does not load the schema library spec.ts validates with.
 */
export const configText = (config: Readonly<Record<string, Value>>): string =>
  Object.entries(config)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
