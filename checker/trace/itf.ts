import { inCanonicalOrder } from "../state/encode.ts";
import { UsageError } from "../errors.ts";
import { explainNonPlain } from "../state/plain-data.ts";

/**
 * Plain data in the ITF value encoding (Apalache/Quint's Informal Trace Format): records are records, arrays
 * sequences, a Map `{"#map": [[k, v], ...]}` and a Set `{"#set": [...]}` (both in canonical order: numbers,
 * then strings, then other keys by encoding), integers beyond 2^53 and bigints `{"#bigint": "..."}`; `null` is JSON null and
 * an undefined field is left out. What has no ITF form (undefined elsewhere than in a field) is `{"#unserializable"}`;
 * what is not plain data, a PlainDataError.
 */
export function toItf(value: unknown): unknown {
  try {
    return itf(value);
  } catch (error) {
    throw explainNonPlain(value, error);
  }
}

function itf(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      return Number.isSafeInteger(value) || !Number.isInteger(value) ? value + 0 : { "#bigint": BigInt(value).toString() }; // -0 + 0 is 0
    case "bigint":
      return { "#bigint": value.toString() };
    case "string":
    case "boolean":
      return value;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(itf);
      if (value instanceof Map) return { "#map": inCanonicalOrder([...value], ([k]) => k).map(([k, v]) => [itf(k), itf(v)]) };
      if (value instanceof Set) return { "#set": inCanonicalOrder([...value], (e) => e).map(itf) };
      return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[reservedKeyRefused(k), itf(v)]])));
    default:
      return { "#unserializable": String(value) };
  }
}

/** A record key for ITF: one starting with "#" would read back as a tag (`#set`, `#map`, …), so it is refused. */
function reservedKeyRefused(key: string): string {
  if (key.charCodeAt(0) === 35)
    throw new UsageError(`a record key starting with "#" (${JSON.stringify(key)}) has no exact ITF form: rename the field`);
  return key;
}

/** An ITF value back as plain data: `#map` a Map, `#set` a Set, `#tup` an array, `#bigint` a bigint (for renderers). */
export function fromItf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(fromItf);
  const record = value as Record<string, unknown>;
  if (Array.isArray(record["#map"])) return new Map((record["#map"] as [unknown, unknown][]).map(([k, v]) => [fromItf(k), fromItf(v)]));
  if (Array.isArray(record["#set"])) return new Set((record["#set"] as unknown[]).map(fromItf));
  if (Array.isArray(record["#tup"])) return (record["#tup"] as unknown[]).map(fromItf);
  if (typeof record["#bigint"] === "string") return BigInt(record["#bigint"]);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromItf(v)]));
}
