/**
 * A 64-bit fingerprint of plain data computed by walking it, with no intermediate string: two 32-bit
 * lanes fed the same canonical token stream (object keys in sorted order, so key order is irrelevant).
 * Equal data gives equal fingerprints; the result is written to `out` ([hi, lo]) to avoid allocation.
 * Maps and Sets are walked in canonical order (./encode.ts's inCanonicalOrder), so insertion order is irrelevant.
 * The walk also checks types, prototypes and depth (a cycle shows up as depth), cheaply, and leaves naming the
 * culprit to ./plain-data.ts; own-property checks (getters, symbol keys) would cost too much here and are left out.
 */
import { inCanonicalOrder } from "./encode.ts";
import { explainNonPlain, maxDepth, notPlain } from "./plain-data.ts";

let a = 0;
let b = 0;
const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

function mix(x: number): void {
  a = Math.imul(a ^ x, 0x01000193);
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  b ^= Math.imul(k, 0x1b873593);
  b = (b << 13) | (b >>> 19);
  b = (Math.imul(b, 5) + 0xe6546b64) | 0;
}

/**
 * Strings recur (keys, tags, message keys): each one's own 64-bit hash is computed once and reused. The two lanes
 * are finalized, so that a sum of string hashes is itself a good hash of a bag of strings (./fingerprint.ts's use).
 */
const stringHashes = new Map<string, Int32Array>();

function mixString(s: string): void {
  const h = stringHash(s);
  mix(0x5354);
  mix(h[0]!);
  mix(h[1]!);
}

/** The 64-bit hash of a string's characters, [hi, lo] as signed 32-bit, finalized; kept per string (do not change the array). */
export function stringHash(s: string): Int32Array {
  let h = stringHashes.get(s);
  if (h === undefined) {
    const [outerA, outerB] = [a, b];
    a = 0x811c9dc5 ^ s.length;
    b = 0x9747b28c;
    for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
    h = Int32Array.of(fmix(a), fmix(b ^ s.length));
    [a, b] = [outerA, outerB];
    if (stringHashes.size > 1 << 20) stringHashes.clear();
    stringHashes.set(s, h);
  }
  return h;
}

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function walk(value: unknown, depth: number): void {
  switch (typeof value) {
    case "number":
      if ((value | 0) === value) {
        mix(1); // -0 lands here too: it is 0
        mix(value);
      } else {
        if (!Number.isFinite(value)) throw notPlain;
        float[0] = value;
        mix(2);
        mix(floatWords[0]!);
        mix(floatWords[1]!);
      }
      return;
    case "string":
      mixString(value);
      return;
    case "boolean":
      mix(value ? 3 : 4);
      return;
    case "undefined":
      mix(5);
      return;
    case "object":
      if (value === null) mix(6);
      else if (Array.isArray(value)) {
        if (++depth > maxDepth || Object.getPrototypeOf(value) !== Array.prototype) throw notPlain;
        mix(7);
        mix(value.length);
        for (let i = 0; i < value.length; i++) walk(value[i], depth); // a hole reads as undefined
      } else walkRecord(value as Record<string, unknown>, depth + 1);
      return;
    case "bigint":
      mix(12);
      mixString(value.toString());
      return;
    default:
      throw notPlain;
  }
}

/** A Map or Set (anything else is not plain data). */
function walkCollection(value: object, proto: unknown, depth: number): void {
  if (proto === Map.prototype) {
    const map = value as ReadonlyMap<unknown, unknown>;
    const keys = inOrder([...map.keys()], depth);
    mix(10);
    mix(keys.length);
    for (let i = 0; i < keys.length; i++) {
      walk(keys[i], depth);
      walk(map.get(keys[i]), depth); // an entry holding undefined is still an entry: Map{k → undefined} is not Map{}
    }
  } else if (proto === Set.prototype) {
    const elements = inOrder([...(value as ReadonlySet<unknown>)], depth);
    mix(11);
    mix(elements.length);
    for (let i = 0; i < elements.length; i++) walk(elements[i], depth);
  } else throw notPlain;
}

/** Map keys or Set elements in the canonical order of ./encode.ts, without its allocations when all are strings or numbers. */
function inOrder(items: unknown[], depth: number): unknown[] {
  if (items.length < 2) return items;
  let strings = true;
  let numbers = true;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (typeof x !== "string") strings = false;
    if (typeof x !== "number" || !Number.isFinite(x)) numbers = false;
  }
  if (strings) return items.sort(); // code-unit order; a Map's or Set's strings are distinct
  if (numbers) return items.sort((x, y) => (x as number) - (y as number)); // distinct too (-0 is 0 as a key)
  return inCanonicalOrder(items, (x) => x, depth);
}

function walkRecord(record: Record<string, unknown>, depth: number): void {
  if (depth > maxDepth) throw notPlain;
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) return walkCollection(record, proto, depth);
  const keys = Object.keys(record);
  if (!isSorted(keys)) keys.sort();
  mix(8);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const field = record[key];
    if (field === undefined) continue; // an absent field and an undefined one are the same state
    mixString(key);
    walk(field, depth);
  }
  mix(9);
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/**
 * Fingerprints `value` into `out[0]` (hi) and `out[1]` (lo), unsigned 32-bit. Throws a PlainDataError naming
 * the path to the first value that is not plain data (see ./plain-data.ts).
 */
export function hashInto(value: unknown, out: Uint32Array): void {
  a = 0x811c9dc5;
  b = 0x9747b28c;
  try {
    walk(value, 0);
  } catch (error) {
    throw explainNonPlain(value, error);
  }
  finish(out);
}

/** `hashInto([x, y, value], out)` without building the array (e.g. a message with its sender and receiver). */
export function hashTripleInto(x: number, y: number, value: unknown, out: Uint32Array): void {
  a = 0x811c9dc5;
  b = 0x9747b28c;
  try {
    mix(7);
    mix(3);
    walk(x, 1);
    walk(y, 1);
    walk(value, 1);
  } catch (error) {
    throw explainNonPlain([x, y, value], error);
  }
  finish(out);
}

/**
 * A 64-bit hash of the first `n` 32-bit words of `words` (e.g. the hashes of a state's parts, with tags and
 * counts), finalized like `hashInto`'s. Callers make the word stream unambiguous themselves.
 */
export function hashWordsInto(words: Int32Array, n: number, out: Uint32Array): void {
  // `mix` and `finish` on local lanes (module variables live in memory): the same hash, without a load and store per step.
  let x = 0x811c9dc5 ^ n;
  let y = 0x9747b28c;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    x = Math.imul(x ^ w, 0x01000193);
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    y ^= Math.imul(k, 0x1b873593);
    y = (y << 13) | (y >>> 19);
    y = (Math.imul(y, 5) + 0xe6546b64) | 0;
  }
  a = x;
  b = y;
  finish(out);
}

/** A frozen object's hash, kept by identity: a frozen plain-data object (frozen deeply) cannot change. */
const frozenHashes = new WeakMap<object, { readonly hi: number; readonly lo: number }>();

/**
 * `hashInto` for a part of a state that is shared between states by reference: a frozen object's hash is kept
 * (by identity) and reused; anything else is hashed each time. Only deeply frozen data may be passed (as the
 * actor model's states are: checker/actors/freeze.ts).
 */
export function frozenHashInto(value: unknown, out: Uint32Array): void {
  if (typeof value !== "object" || value === null) return hashInto(value, out);
  const known = frozenHashes.get(value); // only frozen objects are kept, and frozen is for good
  if (known !== undefined) {
    out[0] = known.hi;
    out[1] = known.lo;
    return;
  }
  hashInto(value, out);
  if (Object.isFrozen(value)) frozenHashes.set(value, { hi: out[0]! | 0, lo: out[1]! | 0 }); // signed: small integers, not boxed numbers
}

/** Records `out` (from `hashInto(value, out)`) as the hash of `value`, if `value` is a frozen object, for `frozenHashInto`. */
export function keepHash(value: unknown, out: Uint32Array): void {
  if (typeof value === "object" && value !== null && Object.isFrozen(value)) frozenHashes.set(value, { hi: out[0]! | 0, lo: out[1]! | 0 });
}

/** A tuple's hash from its elements' (`tupleHashInto`), kept by identity when the tuple is frozen. */
const tupleHashes = new WeakMap<object, { readonly hi: number; readonly lo: number }>();
let tupleWords = new Int32Array(64);
const elementHash = new Uint32Array(2);

/**
 * A hash of an array from its elements' hashes (`frozenHashInto` each: an element with a kept hash is not walked
 * again), for arrays of shared parts such as the actor model's process states; kept by identity when the array is
 * frozen. A function of content, like `hashInto`, but not equal to it: hash a given part always one way or the other.
 */
export function tupleHashInto(tuple: readonly unknown[], out: Uint32Array): void {
  const known = tupleHashes.get(tuple);
  if (known !== undefined) {
    out[0] = known.hi;
    out[1] = known.lo;
    return;
  }
  if (!Array.isArray(tuple) || Object.getPrototypeOf(tuple) !== Array.prototype) throw explainNonPlain(tuple, notPlain);
  const n = tuple.length;
  if (2 * n + 1 > tupleWords.length) tupleWords = new Int32Array(4 * n + 2);
  const words = tupleWords;
  words[0] = n;
  try {
    for (let i = 0; i < n; i++) {
      frozenHashInto(tuple[i], elementHash);
      words[2 * i + 1] = elementHash[0]!;
      words[2 * i + 2] = elementHash[1]!;
    }
  } catch (error) {
    throw explainNonPlain(tuple, error); // the path from the tuple
  }
  hashWordsInto(words, 2 * n + 1, out);
  if (Object.isFrozen(tuple)) tupleHashes.set(tuple, { hi: out[0]! | 0, lo: out[1]! | 0 });
}

/** Records `out` (from `tupleHashInto(tuple, out)`) as the hash of `tuple`, if frozen (for an Interner of tuples). */
export function keepTupleHash(tuple: unknown, out: Uint32Array): void {
  if (typeof tuple === "object" && tuple !== null && Object.isFrozen(tuple)) tupleHashes.set(tuple, { hi: out[0]! | 0, lo: out[1]! | 0 });
}

function finish(out: Uint32Array): void {
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  out[0] = a >>> 0;
  out[1] = b >>> 0;
}
