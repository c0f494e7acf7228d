/**
 * Plain data in the ITF value encoding (Apalache/Quint's Informal Trace Format): objects are records,
 * arrays sequences, integers beyond 2^53 `{"#bigint"}`; `null` has no ITF form and becomes `{"#unserializable": "null"}`.
 */
export function toItf(value: unknown): unknown {
  if (value === null || value === undefined) return { "#unserializable": String(value) };
  if (typeof value === "number") return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : { "#bigint": BigInt(value).toString() };
  if (typeof value === "bigint") return { "#bigint": value.toString() };
  if (Array.isArray(value)) return value.map(toItf);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toItf(v)]));
  return value;
}
