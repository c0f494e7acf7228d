import { formatValue } from "../actors/format.ts";
import { encode } from "../state/encode.ts";

/**
 * What changed between two plain-data values, one line per change: `path: old → new` for fields,
 * `path: + x` / `path: − x` for elements of lists that gained or lost elements, and of lists of labels.
 */
export function diff(before: unknown, after: unknown, path = ""): string[] {
  if (encode(before) === encode(after)) return [];
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    (before.length !== after.length || [...before, ...after].every((x) => typeof x === "string"))
  ) {
    return listChanges(before, after, path); // lists of labels (messages in flight, history) change by element
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diff(before[k], after[k], path === "" ? k : `${path}.${k}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length > 0 && isRecord(before[0])) {
    return before.flatMap((b, i) => diff(b, after[i], `${path}[${i}]`));
  }
  return [`${path}: ${formatValue(before)} → ${formatValue(after)}`];
}

/** Lines showing a full value, field by field, for the initial state. */
export function describeState(state: unknown): string[] {
  if (!isRecord(state)) return [formatValue(state)];
  return Object.entries(state).map(([k, v]) => `${k}: ${formatValue(v)}`);
}

function listChanges(before: readonly unknown[], after: readonly unknown[], path: string): string[] {
  const remaining = new Map<string, number>();
  for (const b of before) remaining.set(encode(b), (remaining.get(encode(b)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const a of after) {
    const n = remaining.get(encode(a)) ?? 0;
    if (n > 0) remaining.set(encode(a), n - 1);
    else added.push(a);
  }
  const removed = before.filter((b) => {
    const n = remaining.get(encode(b)) ?? 0;
    if (n === 0) return false;
    remaining.set(encode(b), n - 1);
    return true;
  });
  const show = (v: unknown) => (typeof v === "string" ? v : formatValue(v));
  return [...removed.map((r) => `${path}: − ${show(r)}`), ...added.map((a) => `${path}: + ${show(a)}`)];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}
