/**
 * States as bytes, for a search's queue: `pack` writes a state's content exactly, `unpack` builds a state equal to it
 * in content (the same keys in the same order, the same array holes, -0 kept, numbers to the bit). What is kept:
 * - undefined, null, booleans, numbers inline (small integers as varints, others as 64-bit floats);
 * - strings and bigints by reference to a SharedValues table (a message key held by a million states is stored once),
 *   and so is each record's list of keys (its shape);
 * - objects that are not extensible (frozen: the actor model freezes and interns every part of its states) by
 *   reference too: `unpack` gives back the very same object, so what is keyed by identity (interned process states,
 *   remembered steps, kept hashes) keeps working, and a part shared by many states is stored once;
 * - so are objects held by the table already, and a state's parts it shares with the state it came from (`inherit`);
 * - the other objects (records, arrays, Maps, Sets) inline, member by member, as copies: states are plain data,
 *   compared by content (the visited set already takes two states equal in content for one), so a copy is the same state.
 * The root is rebuilt when it is a record or an array, frozen again if it was. A part that is not plain data (a
 * function, a symbol, a class instance, a cycle) cannot be kept exactly and is refused: a PlainDataError (a UsageError)
 * naming its path. Each packed state must be unpacked exactly once: that releases its references (a queue let go
 * whole takes its table with it).
 */
import { explainNonPlain, maxDepth, notPlain } from "./plain-data.ts";
import { SharedValues } from "./shared-values.ts";

const UNDEFINED = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const INT = 4;
const NEGATIVE_ZERO = 5;
const FLOAT = 6;
const SHARED = 7;
const ARRAY = 8;
const RECORD = 9;
const NULL_RECORD = 10; // a record whose prototype is null
const MAP = 11;
const SET = 12;
const HOLE = 13; // an array's missing element
const FROZEN = 0x10; // with ARRAY, RECORD or NULL_RECORD: the root, frozen

type BuildRecord = (values: readonly unknown[], at: number) => Record<string, unknown>;

/** An object literal of `keys` taking its values from `v[a…]`; null where a literal will not do. */
function literalFor(keys: readonly string[]): BuildRecord | null {
  // "__proto__" in a literal would set the prototype; past a few dozen keys a literal gains nothing.
  if (keys.includes("__proto__") || keys.length > 32) return null;
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: v[a + ${i}]`);
  try {
    return new Function("v", "a", `return { ${fields.join(", ")} };`) as BuildRecord;
  } catch {
    return null; // code generation disallowed (--disallow-code-generation-from-strings)
  }
}

/**
 * The keys of a record, in order, and how to build a record of them from values. A record built key by key (keyed
 * stores) takes about 25 ns a key; the records of a shape are built by an object literal made for it once (its keys
 * written as JSON string literals), as fast as the model's own literals, and in the same key order.
 */
class Shape {
  readonly keys: readonly string[];
  private literal: BuildRecord | null | undefined; // null: built key by key

  constructor(keys: string[]) {
    this.keys = Object.freeze(keys);
  }

  /** A record of these keys holding `values[at…]`, in order. */
  record(values: readonly unknown[], at: number): Record<string, unknown> {
    if (this.literal === undefined) this.literal = literalFor(this.keys);
    return this.literal === null ? this.nullRecord(values, at, {}) : this.literal(values, at);
  }

  /** A record of these keys holding `values[at…]`, built key by key on `into` (default: a record with no prototype). */
  nullRecord(values: readonly unknown[], at: number, into: Record<string, unknown> = Object.create(null)): Record<string, unknown> {
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (key === "__proto__") Object.defineProperty(into, key, { value: values[at + i], enumerable: true, writable: true, configurable: true });
      else into[key] = values[at + i];
    }
    return into;
  }
}

/** A frozen record or array: a root rebuilt (and frozen again) rather than kept by reference. */
const isFrozenShell = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return (Array.isArray(v) || proto === Object.prototype || proto === null) && Object.isFrozen(v);
};

/** How many of a parent's parts are remembered (see `inherit`). */
const keptParts = 16;

/** How many record shapes are kept (a power of 2). */
const keptShapes = 16;

/** Thrown inside packInto when the value does not fit before the limit. */
const full = new Error("internal: packed state does not fit");

/** Writes states to bytes and reads them back; one instance per queue (its SharedValues are the queue's). */
export class Packer {
  /** The bytes of the last `pack`, from 0 to its return value; overwritten by the next. */
  buffer: Uint8Array = new Uint8Array(256);
  /** After `unpack`: where the packed state ended. */
  end = 0;
  private at = 0;
  private bytes: Uint8Array = this.buffer; // written by pack and packInto, read by unpack
  private stop = 0; // no byte is written from here on: the buffer's length for pack (it grows), the limit for packInto
  private grows = true; // pack's buffer grows; packInto gives up
  private readonly taken: number[] = []; // ids taken by the pack under way (up to takenCount), released if it fails
  private takenCount = 0;
  private readonly shapes: Shape[] = []; // the record shapes kept (see shapeOf)
  private readonly values: unknown[] = []; // a record's values as they are read (up to valueCount), nested ones after
  private valueCount = 0;
  private shapesMade = 0;
  private readonly parentParts: object[] = []; // see inherit
  private parentPartCount = 0;
  private readonly float = new Float64Array(1);
  private readonly floatBytes = new Uint8Array(this.float.buffer);

  constructor(private readonly shared = new SharedValues()) {}

  /** Packs `value` into `buffer`; returns its length. A PlainDataError naming the path to a part that cannot be kept exactly. */
  pack(value: unknown): number {
    this.bytes = this.buffer;
    this.stop = this.buffer.length;
    this.grows = true;
    this.at = 0;
    this.write(value);
    this.buffer = this.bytes;
    return this.at;
  }

  /**
   * Packs `value` into `bytes` from `at`, using no byte from `limit` on; returns where it ends, or −1 (nothing kept)
   * when it does not fit. Refuses what `pack` refuses.
   */
  packInto(value: unknown, bytes: Uint8Array, at: number, limit: number): number {
    this.bytes = bytes;
    this.stop = Math.min(limit, bytes.length);
    this.grows = false;
    this.at = at;
    try {
      this.write(value);
    } catch (error) {
      if (error !== full) throw error;
      this.at = -1;
    }
    this.bytes = this.buffer;
    return this.at;
  }

  private write(value: unknown): void {
    this.takenCount = 0;
    try {
      if (typeof value === "object" && value !== null && !Object.isExtensible(value) && isFrozenShell(value)) this.inline(value, 0, FROZEN);
      else this.value(value, 0);
    } catch (error) {
      for (let i = 0; i < this.takenCount; i++) this.shared.release(this.taken[i]!);
      throw error === full ? full : explainNonPlain(value, error);
    }
  }

  /** The value packed at `bytes[at…]`, its references released; `end` is set to where it ended. */
  unpack(bytes: Uint8Array, at: number): unknown {
    this.bytes = bytes;
    this.at = at;
    const value = this.read();
    this.end = this.at;
    this.bytes = this.buffer;
    return value;
  }

  /** How many strings, bigints and objects the packed states refer to. */
  get sharedValues(): number {
    return this.shared.size;
  }

  /** Bytes outside the JS heap: the buffer and the table's counts. */
  externalBytes(): number {
    return this.buffer.byteLength + this.shared.bytes();
  }

  private value(v: unknown, depth: number): void {
    switch (typeof v) {
      case "string":
        return this.reference(v);
      case "object":
        if (v === null) return this.byte(NULL);
        return this.object(v, depth);
      case "number":
        return this.number(v);
      case "boolean":
        return this.byte(v ? TRUE : FALSE);
      case "undefined":
        return this.byte(UNDEFINED);
      case "bigint":
        return this.reference(v);
      default:
        throw notPlain; // a function, a symbol
    }
  }

  /**
   * Tells the packer which state the next ones are successors of: its members that are objects but not frozen (a
   * record's fields, an array's items) are then kept by reference in its successors, as frozen ones are, rather than
   * copied. A successor shares its parent's unchanged parts; a copy would be the same content, but a cache keyed by
   * identity (the model's) would miss on it, and the copy's successors would carry it on.
   */
  inherit(parent: unknown): void {
    this.parentPartCount = 0;
    if (typeof parent !== "object" || parent === null) return;
    const proto: unknown = Object.getPrototypeOf(parent);
    if (Array.isArray(parent)) {
      for (let i = 0; i < parent.length && this.parentPartCount < keptParts; i++) this.inheritPart(parent[i]);
    } else if (proto === Object.prototype || proto === null) {
      for (const key in parent) if (this.parentPartCount < keptParts) this.inheritPart((parent as Record<string, unknown>)[key]);
    }
  }

  private inheritPart(part: unknown): void {
    if (typeof part === "object" && part !== null && Object.isExtensible(part)) this.parentParts[this.parentPartCount++] = part;
  }

  /** An object below the root: by reference when it is held already, frozen, or one of the parent's parts; else inline. */
  private object(v: object, depth: number): void {
    if (this.shared.has(v) || !Object.isExtensible(v)) return this.reference(v);
    const parts = this.parentParts;
    for (let i = 0; i < this.parentPartCount; i++) if (parts[i] === v) return this.reference(v);
    this.inline(v, depth, 0);
  }

  /** An object written member by member; `frozen` (FROZEN or 0) is set on the root only. */
  private inline(v: object, depth: number, frozen: number): void {
    if (++depth > maxDepth) throw notPlain; // a cycle shows up as depth
    const proto: unknown = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) throw notPlain;
      this.byte(ARRAY | frozen);
      this.varint(v.length);
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item === undefined && !(i in v)) this.byte(HOLE);
        else this.value(item, depth);
      }
    } else if (proto === Object.prototype || proto === null) {
      const shape = this.shapeOf(Object.keys(v));
      const keys = shape.keys;
      this.byte((proto === null ? NULL_RECORD : RECORD) | frozen);
      this.varint(this.take(shape));
      for (let i = 0; i < keys.length; i++) this.value((v as Record<string, unknown>)[keys[i]!], depth);
    } else if (proto === Map.prototype) {
      const map = v as ReadonlyMap<unknown, unknown>;
      this.byte(MAP);
      this.varint(map.size);
      for (const [key, item] of map) {
        this.value(key, depth);
        this.value(item, depth);
      }
    } else if (proto === Set.prototype) {
      const set = v as ReadonlySet<unknown>;
      this.byte(SET);
      this.varint(set.size);
      for (const item of set) this.value(item, depth);
    } else throw notPlain; // a class instance
  }

  /**
   * A record's shape (its keys, in order), one of a few kept: records of the same shape then share one entry in the
   * table, and a packed record names its shape once instead of each key.
   */
  private shapeOf(keys: string[]): Shape {
    const shapes = this.shapes;
    next: for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s]!;
      if (shape.keys.length !== keys.length) continue;
      for (let i = 0; i < keys.length; i++) if (shape.keys[i] !== keys[i]) continue next;
      return shape;
    }
    const shape = new Shape(keys);
    if (shapes.length < keptShapes) shapes.push(shape);
    else shapes[this.shapesMade++ & (keptShapes - 1)] = shape;
    return shape;
  }

  private number(v: number): void {
    if ((v | 0) === v) {
      if (v === 0 && 1 / v < 0) return this.byte(NEGATIVE_ZERO);
      this.byte(INT);
      return this.varint(((v << 1) ^ (v >> 31)) >>> 0); // zigzag: small magnitudes, small varints
    }
    this.float[0] = v; // any other number, to the bit (NaN and the infinities included, though plain data has none)
    this.byte(FLOAT);
    this.room(8);
    const bytes = this.bytes;
    for (let i = 0; i < 8; i++) bytes[this.at++] = this.floatBytes[i]!;
  }

  private reference(v: unknown): void {
    const id = this.take(v);
    if (this.at + 6 > this.stop) this.room(6);
    const bytes = this.bytes;
    if (id < 0x80) {
      bytes[this.at] = SHARED;
      bytes[this.at + 1] = id;
      this.at += 2;
    } else {
      bytes[this.at++] = SHARED;
      this.varint(id);
    }
  }

  private take(v: unknown): number {
    const id = this.shared.take(v);
    this.taken[this.takenCount++] = id;
    return id;
  }

  private byte(b: number): void {
    if (this.at >= this.stop) this.room(1);
    this.bytes[this.at++] = b;
  }

  private varint(n: number): void {
    if (this.at + 5 > this.stop) this.room(5);
    const bytes = this.bytes;
    while (n >= 0x80) {
      bytes[this.at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    bytes[this.at++] = n;
  }

  /** Makes room for `n` more bytes: `pack`'s buffer grows; `packInto` gives up. */
  private room(n: number): void {
    if (this.at + n <= this.stop) return;
    if (!this.grows) throw full;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
    this.stop = grown.length;
  }

  private readVarint(): number {
    const bytes = this.bytes;
    const first = bytes[this.at]!;
    if (first < 0x80) {
      this.at++;
      return first;
    }
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[this.at++]!;
      n += (b & 0x7f) * 2 ** shift; // not |=: lengths and ids may pass 2^31
      if (b < 0x80) return n;
      shift += 7;
    }
  }

  private read(): unknown {
    const tag = this.bytes[this.at++]!;
    if (tag === SHARED) return this.shared.release(this.readVarint()); // the most frequent
    switch (tag & ~FROZEN) {
      case UNDEFINED:
        return undefined;
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT: {
        const z = this.readVarint();
        return (z >>> 1) ^ -(z & 1);
      }
      case NEGATIVE_ZERO:
        return -0;
      case FLOAT:
        this.floatBytes.set(this.bytes.subarray(this.at, this.at + 8));
        this.at += 8;
        return this.float[0];
      case SHARED:
        return this.shared.release(this.readVarint());
      case ARRAY: {
        const n = this.readVarint();
        const array: unknown[] = [];
        for (let i = 0; i < n; i++) {
          if (this.bytes[this.at] === HOLE) {
            this.at++;
            array.length = i + 1;
          } else array.push(this.read());
        }
        return tag & FROZEN ? Object.freeze(array) : array;
      }
      case RECORD:
      case NULL_RECORD: {
        const shape = this.shared.release(this.readVarint()) as Shape;
        const values = this.values;
        const base = this.valueCount;
        for (let i = 0; i < shape.keys.length; i++) values[this.valueCount++] = this.read();
        const record = (tag & ~FROZEN) === RECORD ? shape.record(values, base) : shape.nullRecord(values, base);
        this.valueCount = base;
        return tag & FROZEN ? Object.freeze(record) : record;
      }
      case MAP: {
        const n = this.readVarint();
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const key = this.read();
          map.set(key, this.read());
        }
        return map;
      }
      case SET: {
        const n = this.readVarint();
        const set = new Set<unknown>();
        for (let i = 0; i < n; i++) set.add(this.read());
        return set;
      }
      default:
        throw new Error(`internal: packed state with unknown tag ${tag} at ${this.at - 1}`);
    }
  }
}
