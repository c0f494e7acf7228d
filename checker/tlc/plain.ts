import { modelValue, tlaRecord, tlaSeq, type TlaValue } from "./value.ts";

/** The model value TLA+ specs here use for "no value" (null in TypeScript). */
export const nil = modelValue("Nil");

/** Plain data as a TLA+ value: null is Nil, arrays are sequences, objects are records. */
export function plainToTla(value: unknown): TlaValue {
  if (value === null || value === undefined) return nil;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return tlaSeq(value.map(plainToTla));
  return tlaRecord(Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainToTla(v)])));
}
