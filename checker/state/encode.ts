/**
 * Canonical encoding of plain data as a string: equal data gives the same string whatever the key order.
 * For keys and memo tables off the hot path; the explorer fingerprints states with ./hash.ts.
 */

/** The canonical string of a plain-data value (object keys sorted; arrays in order). */
export function encode(value: unknown): string {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`state holds a non-finite number: ${value}`);
      return String(value);
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "t" : "f";
    case "undefined":
      return "u";
    case "object":
      return value === null ? "n" : encodeObject(value);
    default:
      throw new TypeError(`state holds a ${typeof value}; states must be plain data`);
  }
}

function encodeObject(value: object): string {
  let text: string;
  if (Array.isArray(value)) {
    text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + encode(value[i]);
    text += "]";
  } else {
    const keys = Object.keys(value).sort();
    text = "{";
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) text += (text.length === 1 ? "" : ",") + JSON.stringify(key) + ":" + encode(field);
    }
    text += "}";
  }
  return text;
}
