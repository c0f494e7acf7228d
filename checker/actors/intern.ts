import { sameEncoding } from "../state/encode.ts";
import { frozenHashInto, keepHash, keepTupleHash, tupleHashInto } from "../state/hash.ts";

/** An interned value, filed by the high half of its hash. */
interface Interned {
  readonly value: object;
  readonly lo: number;
  readonly next: Interned | undefined;
}

/**
 * One object per content: a value equal as plain data to one interned before is replaced by that one, so that
 * equal process states (or histories) reached along different paths are the same frozen object. Equality is
 * found by content hash and confirmed by content (never assumed from the hash). Identity then stands for content,
 * which lets the actor model remember steps by state object and fingerprints keep hashes by object.
 */
export class Interner {
  private readonly byHash = new Map<number, Interned>();
  private count = 0;
  private readonly hash = new Uint32Array(2);

  /**
   * `limit`: how many values are kept before starting afresh (values met again are then interned anew).
   * `hashing`: how values are hashed and their hashes kept (`tuples`: arrays hashed from their elements' hashes).
   */
  constructor(
    private readonly limit = 1 << 20,
    private readonly hashing: Hashing = wholeValues,
  ) {}

  /**
   * The interned value equal to `value`; if none, `value` itself once `admit` has frozen it and checked that it is
   * plain data (throwing, with its own words, if not). A value the hash walk refuses is passed to `admit` too, for
   * those words; if `admit` finds nothing wrong (a cycle, say), `explain(error)` is thrown.
   */
  intern<T>(value: T, admit: (value: T) => T, explain: (error: unknown) => unknown = (error) => error): T {
    if (typeof value !== "object" || value === null) return admit(value);
    try {
      this.hashing.hash(value, this.hash);
    } catch (error) {
      admit(value);
      throw explain(error);
    }
    const hi = this.hash[0]! | 0;
    const lo = this.hash[1]! | 0;
    const first = this.byHash.get(hi);
    for (let e = first; e !== undefined; e = e.next) if (e.lo === lo && (e.value === value || sameEncoding(e.value, value))) return e.value as T;
    admit(value);
    this.hashing.keep(value, this.hash);
    if (++this.count > this.limit) {
      this.byHash.clear();
      this.count = 1;
      this.byHash.set(hi, { value, lo, next: undefined });
    } else this.byHash.set(hi, { value, lo, next: first });
    return value;
  }
}

/** How an Interner hashes a value into [hi, lo] and keeps the hash of a value it admitted. */
export interface Hashing {
  hash(value: object, out: Uint32Array): void;
  keep(value: object, out: Uint32Array): void;
}

/** Values hashed whole (`frozenHashInto`): any plain data. */
export const wholeValues: Hashing = { hash: frozenHashInto, keep: keepHash };

/** Arrays hashed from their elements' hashes (`tupleHashInto`): tuples of values interned (and so hashed) before. */
export const tuples: Hashing = { hash: (value, out) => tupleHashInto(value as readonly unknown[], out), keep: keepTupleHash };
