import { inCanonicalOrder } from "../state/encode.ts";

/**
 * Compact one-line rendering of plain data, for messages, operations and state diffs: a record with a
 * string `type` (or `op`) as `tag(fields)`, a Map as `Map{k → v}`, a Set as `Set{a, b}` (both in canonical order).
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value instanceof Map)
    return `Map{${sorted([...value], ([k]) => k)
      .map(([k, v]) => `${formatValue(k)} → ${formatValue(v)}`)
      .join(", ")}}`;
  if (value instanceof Set)
    return `Set{${sorted([...value], (e) => e)
      .map(formatValue)
      .join(", ")}}`;
  const record = value as Record<string, unknown>;
  const tag = typeof record.type === "string" ? record.type : typeof record.op === "string" ? record.op : undefined;
  const fields = Object.entries(record)
    .filter(([key]) => tag === undefined || (key !== "type" && key !== "op"))
    .map(([key, v]) => `${key}: ${formatValue(v)}`)
    .join(", ");
  return tag === undefined ? `{${fields}}` : `${tag}(${fields})`;
}

/** `items` in canonical order (./encode.ts), or as given if something in them is not plain data. */
function sorted<T>(items: readonly T[], keyOf: (item: T) => unknown): readonly T[] {
  try {
    return inCanonicalOrder(items, keyOf);
  } catch {
    return items;
  }
}
