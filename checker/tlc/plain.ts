import { explainNonPlain, notPlain } from "../state/plain-data.ts";
import { modelValue, sealed, tlaFunction, tlaRecord, tlaSeq, tlaSet, type TlaValue } from "./value.ts";

/** The model value TLA+ specs here use for "no value" (null in TypeScript). */
export const nil = modelValue("Nil");

/**
 * Plain data as a TLA+ value: null (and undefined) is Nil, arrays are sequences, objects records, a Map a
 * function (`k :> v @@ ...`), a Set a set, a bigint an integer. Throws a PlainDataError for what is not plain data.
 */
export function plainToTla(value: unknown): TlaValue {
  try {
    return toTla(value);
  } catch (error) {
    throw explainNonPlain(value, error);
  }
}

/**
 * The TLA+ value of each deeply frozen plain object met (the actor model interns its process states, frozen): a state
 * shared by many global states is converted once, and its value, frozen too, lets `canonical` keep its text.
 */
const ofFrozen = new WeakMap<object, TlaValue>();
/** While converting an object: whether everything converted since it began was deeply frozen. */
let allFrozen = true;

function toTla(value: unknown): TlaValue {
  if (typeof value !== "object" || value === null) return toTlaPrimitive(value);
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = ofFrozen.get(value);
    if (known !== undefined) return known;
  }
  const outer = allFrozen;
  allFrozen = true;
  try {
    const converted = toTlaObject(value);
    const deep = frozen && allFrozen;
    if (deep) ofFrozen.set(value, sealed(converted));
    allFrozen = outer && deep;
    return converted;
  } catch (error) {
    allFrozen = outer;
    throw error;
  }
}

function toTlaPrimitive(value: unknown): TlaValue {
  if (value === null || value === undefined) return nil;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw notPlain;
    return value + 0; // -0 is 0
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`plainToTla: ${value}n is beyond ±2^53`);
    return n;
  }
  throw notPlain;
}

function toTlaObject(value: object): TlaValue {
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value) && proto === Array.prototype) return tlaSeq(value.map(toTla));
  if (proto === Map.prototype) return tlaFunction([...(value as ReadonlyMap<unknown, unknown>)].map(([k, v]) => [toTla(k), toTla(v)] as const));
  if (proto === Set.prototype) return tlaSet([...(value as ReadonlySet<unknown>)].map(toTla));
  if (proto !== Object.prototype && proto !== null) throw notPlain;
  return tlaRecord(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTla(v)])));
}
