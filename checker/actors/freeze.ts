import { findNonPlain, formatPath, shallowProblem } from "../state/plain-data.ts";

/**
 * Freezes a value a handler produced, deeply, and checks on the way that it is plain data. A handler that later
 * changes a state or message in place (instead of returning a new one) then fails at once with a TypeError
 * rather than corrupting states the explorer has stored; a value that is not plain data is refused with its path
 * from `where` (a process name, or a message's sender and receiver, computed only then), e.g. `c1.pending: a class instance (Foo)`.
 * Parts already frozen (shared with an earlier state) are not walked again. A Map's or Set's mutators are
 * replaced by ones that throw, since Object.freeze does not stop them.
 */
export function freezePlain<T>(value: T, where: string | (() => string)): T {
  if (!freeze(value)) refuse(value, typeof where === "string" ? where : where());
  return value;
}

/** Freezes `value` deeply; false when some part of it is not plain data (checked properly by findNonPlain). */
function freeze(value: unknown): boolean {
  if (typeof value === "function" || typeof value === "symbol") return false;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return true;
  if (shallowProblem(value) !== undefined) return false; // a class instance, a getter, a symbol key, ...
  if (value instanceof Map || value instanceof Set) {
    for (const method of value instanceof Map ? mapMutators : setMutators)
      Object.defineProperty(value, method, { value: refuseChange(value, method) });
    Object.freeze(value);
    const items = value instanceof Map ? [...value.keys(), ...value.values()] : [...value];
    return items.every(freeze);
  }
  Object.freeze(value);
  if (Array.isArray(value)) return value.every(freeze);
  for (const key in value) if (!freeze((value as Record<string, unknown>)[key])) return false;
  return true;
}

function refuse(value: unknown, where: string): never {
  const found = findNonPlain(value);
  if (!found) throw new Error(`internal: ${where} failed the plain-data check but no culprit was found`);
  const rule = "states and messages must be plain data: records, arrays, Map, Set, strings, finite numbers, booleans, null";
  found.message = `${formatPath(found.path, where)}: ${found.what} (${rule})`;
  throw found;
}

const mapMutators = ["set", "delete", "clear"] as const;
const setMutators = ["add", "delete", "clear"] as const;

const refuseChange = (collection: Map<unknown, unknown> | Set<unknown>, method: string) => () => {
  const kind = collection instanceof Map ? "Map" : "Set";
  throw new TypeError(
    `${kind}.${method} on a state or message the explorer holds: states are immutable; copy it (new ${kind}(old)) and change the copy`,
  );
};
