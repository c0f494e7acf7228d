/**
 * Freezes a value a handler produced, deeply, so that a handler which later changes a state or message in
 * place (instead of returning a new one) fails at once with a TypeError rather than corrupting states the
 * explorer has already stored. Parts that are already frozen (shared with an earlier state) are not walked.
 * A Map's or Set's own mutators are replaced by ones that throw, since Object.freeze does not stop them.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Map || value instanceof Set) {
    for (const method of value instanceof Map ? mapMutators : setMutators) Object.defineProperty(value, method, { value: refuse(value, method) });
    for (const item of value instanceof Map ? [...value.keys(), ...value.values()] : value) deepFreeze(item);
  } else if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(value);
}

const mapMutators = ["set", "delete", "clear"] as const;
const setMutators = ["add", "delete", "clear"] as const;

const refuse = (collection: Map<unknown, unknown> | Set<unknown>, method: string) => () => {
  const kind = collection instanceof Map ? "Map" : "Set";
  throw new TypeError(`${kind}.${method} on a state or message the explorer holds: states are immutable; copy it (new ${kind}(old)) and change the copy`);
};
