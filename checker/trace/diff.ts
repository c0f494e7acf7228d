import { isEnvelope, showItf, specialOf } from "./show.ts";

/*
 * What a step changed, between two states in ITF encoding, as lines a person reads: one line per top-level field
 * (a process, the network, the history), listing its changes. Collections change by element whatever their lengths
 * (`network: − c1→s1 query(rid: 1), + s1→c1 queryReply(…)`): lists and sets as bags (what left, what arrived), maps by
 * key; records by field (`c1: phase "idle" → "query", rid 0 → 1`). Short lists of plain values of one length (tuples
 * such as timestamps) change as a whole (`ts [0, 0] → [1, 3]`).
 */

/** One change: where (the path from the top-level field) and what, e.g. `["c1", "phase"]`, `"idle" → "query"`. */
export interface Change {
  readonly path: readonly string[];
  readonly text: string;
}

/** The changes from `before` to `after` (ITF values), in field order. */
export function changes(before: unknown, after: unknown, bare: ReadonlySet<string> = new Set(), path: readonly string[] = []): Change[] {
  if (sameItf(before, after)) return [];
  const show = (v: unknown) => showItf(v, bare);
  const whole = (): Change[] => [{ path, text: `${show(before)} → ${show(after)}` }];
  const a = tagged(before);
  const b = tagged(after);
  if (a.tag !== b.tag) return whole();
  switch (a.tag) {
    case "#set":
      return bagChanges(a.value as unknown[], b.value as unknown[], path, show);
    case "#map":
      return mapChanges(a.value as [unknown, unknown][], b.value as [unknown, unknown][], path, bare);
    case "list": {
      const [x, y] = [a.value as unknown[], b.value as unknown[]];
      const tuple = x.length === y.length && x.length <= 4 && [...x, ...y].every((e) => e === null || typeof e !== "object");
      return tuple ? whole() : bagChanges(x, y, path, show);
    }
    case "record": {
      const [x, y] = [a.value as Record<string, unknown>, b.value as Record<string, unknown>];
      if (isEnvelope(x) || isEnvelope(y)) return whole();
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      return keys.flatMap((k) => (k in x && k in y ? changes(x[k], y[k], bare, [...path, k]) : fieldChange(x, y, k, path, show)));
    }
    default:
      return whole();
  }
}

/** A field present on one side only. */
function fieldChange(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  k: string,
  path: readonly string[],
  show: (v: unknown) => string,
): Change[] {
  return [{ path: [...path, k], text: k in x ? `− ${show(x[k])}` : `+ ${show(y[k])}` }];
}

/** Elements that left and arrived, counting copies (a bag). */
function bagChanges(before: readonly unknown[], after: readonly unknown[], path: readonly string[], show: (v: unknown) => string): Change[] {
  const remaining = new Map<string, number>();
  for (const x of after) remaining.set(canonicalJson(x), (remaining.get(canonicalJson(x)) ?? 0) + 1);
  const removed = before.filter((x) => {
    const n = remaining.get(canonicalJson(x)) ?? 0;
    if (n > 0) remaining.set(canonicalJson(x), n - 1);
    return n === 0;
  });
  const added = after.filter((x) => {
    const n = remaining.get(canonicalJson(x)) ?? 0;
    if (n > 0) remaining.set(canonicalJson(x), n - 1);
    return n > 0;
  });
  return [...removed.map((x) => ({ path, text: `− ${show(x)}` })), ...added.map((x) => ({ path, text: `+ ${show(x)}` }))];
}

/** Keys that left, arrived, or whose value changed (then by what changed inside, under `[key]`). */
function mapChanges(
  before: readonly [unknown, unknown][],
  after: readonly [unknown, unknown][],
  path: readonly string[],
  bare: ReadonlySet<string>,
): Change[] {
  const show = (v: unknown) => showItf(v, bare);
  const old = new Map(before.map(([k, v]) => [canonicalJson(k), [k, v] as const]));
  const now = new Map(after.map(([k, v]) => [canonicalJson(k), [k, v] as const]));
  const out: Change[] = [];
  for (const [key, [k, v]] of old) {
    const there = now.get(key);
    if (there === undefined) out.push({ path, text: `− ${show(k)} ↦ ${show(v)}` });
    else out.push(...changes(v, there[1], bare, [...path, `[${show(k)}]`]));
  }
  for (const [key, [k, v]] of now) if (!old.has(key)) out.push({ path, text: `+ ${show(k)} ↦ ${show(v)}` });
  return out;
}

/** A value's ITF shape: "#set", "#map", "list", "record", or "other" (primitives, tuples, bigints, model values). */
function tagged(value: unknown): { tag: string; value: unknown } {
  if (Array.isArray(value)) return { tag: "list", value };
  if (typeof value !== "object" || value === null) return { tag: "other", value };
  const special = specialOf(value);
  if (special === undefined) return { tag: "record", value };
  return special[0] === "#set" || special[0] === "#map" ? { tag: special[0], value: special[1] } : { tag: "other", value };
}

/** JSON with record keys sorted: equal ITF values give equal text. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`)
    .join(",")}}`;
}

const sameItf = (a: unknown, b: unknown) => a === b || canonicalJson(a) === canonicalJson(b);

/**
 * The changes as lines, one per top-level field: `c1: phase "idle" → "query", rid 0 → 1` (a field's own change has
 * no path: `c1: "idle" → "waiting"`), wrapped after a comma past `width` characters, continuations aligned.
 */
export function changeLines(list: readonly Change[], width = 130): string[] {
  const byTop = new Map<string, { parts: string[]; where: string | undefined }>();
  for (const c of list) {
    const [top = "", ...rest] = c.path;
    const where = rest.reduce((p, s) => (s.startsWith("[") || p === "" ? `${p}${s}` : `${p}.${s}`), "");
    const group = byTop.get(top) ?? { parts: [], where: undefined };
    // Changes of one field in a row name it once: `promises − a1, − a2`.
    group.parts.push(where === "" || where === group.where ? c.text : `${where} ${c.text}`);
    group.where = where;
    byTop.set(top, group);
  }
  return [...byTop].flatMap(([top, { parts }]) => wrap(top === "" ? "" : `${top}: `, parts, width));
}

/** Lines showing a state, one per top-level field (the initial state in full). */
export function stateLines(state: unknown, bare: ReadonlySet<string> = new Set()): string[] {
  const a = tagged(state);
  if (a.tag !== "record") return [showItf(state, bare)];
  return Object.entries(state as Record<string, unknown>).map(([k, v]) => `${k}: ${showItf(v, bare)}`);
}

/** `head` then the parts joined by ", ", a new line (indented under the first part) when the next part would pass `width`. */
function wrap(head: string, parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = head;
  for (const [i, part] of parts.entries()) {
    const piece = i < parts.length - 1 ? `${part},` : part;
    if (line.length > head.length && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = " ".repeat(head.length) + piece;
    } else line = line.length > head.length ? `${line} ${piece}` : `${line}${piece}`;
  }
  lines.push(line);
  return lines;
}
