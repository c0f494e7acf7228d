/**
 * Canonical encoding of plain data as a string: equal data gives the same string whatever the key order
 * or Map/Set insertion order, and different data different strings. For keys and memo tables off the hot
 * path; the explorer fingerprints states with ./hash.ts. What is plain data: ./plain-data.ts.
 */
import { explainNonPlain, maxDepth, notPlain } from "./plain-data.ts";

/**
 * The canonical string of a plain-data value: records `{"k":v}` (keys sorted, undefined fields left out),
 * arrays `[a,b]`, Maps `M{k:v}` and Sets `S[a,b]` (in canonical order, see inCanonicalOrder), bigints `5n`, -0 as `0`.
 * Throws a PlainDataError naming the path to the first value that is not plain data.
 */
export function encode(value: unknown): string {
  try {
    return encodeAt(value, 0);
  } catch (error) {
    throw explainNonPlain(value, error);
  }
}

/** `encode` for a value found `depth` levels down; throws the bare `notPlain` (the caller explains it). For ./hash.ts. */
export function encodeAt(value: unknown, depth: number): string {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw notPlain;
      return String(value); // String(-0) is "0"
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "t" : "f";
    case "undefined":
      return "u";
    case "bigint":
      return `${value}n`;
    case "object":
      return value === null ? "n" : encodeObject(value, depth + 1);
    default:
      throw notPlain;
  }
}

function encodeObject(value: object, depth: number): string {
  if (depth > maxDepth) throw notPlain;
  const proto: unknown = Object.getPrototypeOf(value);
  let text: string;
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) throw notPlain;
    text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + encodeAt(value[i], depth);
    return text + "]";
  }
  if (proto === Object.prototype || proto === null) {
    const keys = Object.keys(value).sort();
    text = "{";
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) text += (text.length === 1 ? "" : ",") + JSON.stringify(key) + ":" + encodeAt(field, depth);
    }
    return text + "}";
  }
  if (proto === Map.prototype) {
    const entries = inCanonicalOrder([...(value as ReadonlyMap<unknown, unknown>)], ([k]) => k, depth);
    return `M{${entries.map(([k, v]) => `${encodeAt(k, depth)}:${encodeAt(v, depth)}`).join(",")}}`;
  }
  if (proto === Set.prototype) {
    const elements = inCanonicalOrder([...(value as ReadonlySet<unknown>)], (e) => e, depth);
    return `S[${elements.map((e) => encodeAt(e, depth)).join(",")}]`;
  }
  throw notPlain;
}

/**
 * True when `encode(x) === encode(y)`, found without building either string: for telling whether a value is one
 * already seen. Both must be plain data (this does not check it).
 */
export function sameEncoding(x: unknown, y: unknown): boolean {
  if (x === y) return true; // -0 and 0 included
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false; // distinct primitives encode differently
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameEncoding(x[i], y[i])) return false;
    return true;
  }
  const [px, py]: unknown[] = [Object.getPrototypeOf(x), Object.getPrototypeOf(y)];
  if (px === Map.prototype || px === Set.prototype || py === Map.prototype || py === Set.prototype) return encode(x) === encode(y);
  const [rx, ry] = [x as Record<string, unknown>, y as Record<string, unknown>];
  let fields = 0;
  for (const key of Object.keys(rx)) {
    if (rx[key] === undefined) continue; // an undefined field is an absent one
    fields++;
    if (!sameEncoding(rx[key], ry[key])) return false;
  }
  for (const key of Object.keys(ry)) if (ry[key] !== undefined) fields--;
  return fields === 0;
}

/**
 * `items` (Map entries, Set elements) sorted by `keyOf(item)` in the canonical order: numbers numerically, then
 * bigints, then strings by code unit, then anything else by encoding. Throws `notPlain` if two keys are equal
 * data (two distinct `{a: 1}` objects, which a Map or Set allows), or one is not plain data.
 */
export function inCanonicalOrder<T>(items: readonly T[], keyOf: (item: T) => unknown, depth = 0): T[] {
  const keyed = items.map((item): readonly [number, number | bigint | string, T] => {
    const key = keyOf(item);
    switch (typeof key) {
      case "number":
        if (!Number.isFinite(key)) throw notPlain;
        return [0, key, item];
      case "bigint":
        return [1, key, item];
      case "string":
        return [2, key, item];
      default:
        return [3, encodeAt(key, depth), item];
    }
  });
  keyed.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  for (let i = 1; i < keyed.length; i++) if (keyed[i - 1]![0] === keyed[i]![0] && keyed[i - 1]![1] === keyed[i]![1]) throw notPlain;
  return keyed.map(([, , item]) => item);
}
