import type { Id } from "../../src/actor/index.ts";
import type { Network } from "./system.ts";
import { decode } from "../state/decode.ts";
import { encode, sameEncoding } from "../state/encode.ts";
import { freezePlain } from "./freeze.ts";
import { hashTripleInto } from "../state/hash.ts";

/** A message in flight. */
export interface Envelope {
  readonly from: Id;
  readonly to: Id;
  readonly msg: unknown;
  /** With bounded delays (`time.maxDelay`): how many more ticks may pass while the message is in flight. */
  readonly left?: number;
}

/** A registered envelope: its key, and the low half of its content hash (the high half files it). */
interface Registered {
  readonly envelope: Envelope;
  readonly key: string;
  readonly lo: number;
  readonly next: Registered | undefined;
}

/**
 * The messages in flight, held in the state as envelope keys (canonical encodings, interned here), in
 * one canonical array whatever the semantics:
 * unordered and lossy — a bag, keys sorted, copies side by side;
 * duplicating — a set (delivery leaves the message in place), keys sorted;
 * fifo — grouped by channel (from, to) in ascending order, each channel in send order.
 */
export class Channels {
  private readonly envelopes = new Map<string, Envelope>();
  /** Registered envelopes by the high half of their content hash, so a message sent again is found without encoding it. */
  private readonly byHash = new Map<number, Registered>();
  private readonly hash = new Uint32Array(2);

  constructor(readonly semantics: Network) {}

  /**
   * The key of an envelope, registering it: the same string object for every message equal to one seen before
   * (found by content hash and confirmed by content, so never mistaken), the canonical encoding otherwise. A message
   * not seen before is first passed through `admit` (which freezes it and refuses what is not plain data, naming
   * where it came from); one equal to a message seen before is not kept, so it need not be.
   */
  keyOf(from: Id, to: Id, msg: unknown, admit: (msg: unknown) => unknown = (m) => m, left?: number): string {
    try {
      hashTripleInto(from, to, msg, this.hash);
    } catch (error) {
      admit(msg); // its own words for what is wrong, when it has some
      throw error;
    }
    const hi = this.hash[0]! | 0;
    const lo = this.hash[1]! | 0;
    const first = this.byHash.get(hi);
    for (let r = first; r !== undefined; r = r.next) {
      const e = r.envelope;
      if (r.lo === lo && e.from === from && e.to === to && e.left === left && sameEncoding(e.msg, msg)) return r.key;
    }
    admit(msg);
    const key = encode(left === undefined ? [from, to, msg] : [from, to, msg, left]);
    let envelope = this.envelopes.get(key);
    if (envelope === undefined) this.envelopes.set(key, (envelope = left === undefined ? { from, to, msg } : { from, to, msg, left }));
    this.byHash.set(hi, { envelope, key, lo, next: first });
    return key;
  }

  /** The envelope behind a key. */
  envelope(key: string): Envelope {
    return this.envelopes.get(key) ?? this.registerDecoded(key);
  }

  /** A key this instance never made (a state handed over from another search thread): its envelope, decoded and registered. */
  private registerDecoded(key: string): Envelope {
    const [from, to, msg, left] = decode(key) as [Id, Id, unknown, number | undefined];
    const envelope = freezePlain(left === undefined ? { from, to, msg } : { from, to, msg, left }, "a message handed to a search thread");
    this.envelopes.set(key, envelope);
    return envelope;
  }

  /** The key of the same message after one more tick in flight (bounded delays; its `left` is at least 1). */
  aged(key: string): string {
    let older = this.older.get(key);
    if (older === undefined) {
      const { from, to, msg, left } = this.envelope(key);
      this.older.set(key, (older = this.keyOf(from, to, msg, undefined, left! - 1)));
    }
    return older;
  }
  private readonly older = new Map<string, string>();

  /** The network with the envelopes of `keys` added. */
  add(network: readonly string[], keys: readonly string[]): readonly string[] {
    return this.change(network, -1, this.arrival(keys));
  }

  /** Keys sent in one step, in the order `change` adds them: sorted, except on a fifo network (send order). A new array. */
  arrival(keys: readonly string[]): readonly string[] {
    return this.semantics === "fifo" ? keys.slice() : keys.slice().sort(); // code-unit order, as `<` compares
  }

  /**
   * The network without the envelope at `removed` (none when −1) and with the envelopes of `sent` (as `arrival`
   * gave them) added, built in one pass: the same array as `add(remove(network, removed), sent)`.
   */
  change(network: readonly string[], removed: number, sent: readonly string[]): readonly string[] {
    if (this.semantics === "fifo") {
      const result = network.slice();
      if (removed >= 0) result.splice(removed, 1);
      for (const key of sent) result.splice(this.channelEnd(result, this.envelope(key)), 0, key);
      return result;
    }
    const set = this.semantics === "duplicating";
    const result: string[] = new Array<string>(network.length + sent.length - (removed >= 0 ? 1 : 0));
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < network.length || j < sent.length) {
      if (i === removed) {
        i++;
        continue;
      }
      if (j < sent.length && (i >= network.length || sent[j]! < network[i]!)) {
        const key = sent[j++]!;
        if (!set || ((n === 0 || result[n - 1] !== key) && network[i] !== key)) result[n++] = key;
      } else result[n++] = network[i++]!;
    }
    if (n < result.length) result.length = n; // only on a duplicating network, where a message already in flight is not added again
    return result;
  }

  /** Whether a delivery may pick the envelope at `index`: the first copy of each distinct message, or each channel's head for fifo. */
  deliverableAt(network: readonly string[], index: number): boolean {
    if (index === 0) return true;
    if (this.semantics === "fifo") return channelOrder(this.envelope(network[index - 1]!), this.envelope(network[index]!)) !== 0;
    return network[index - 1] !== network[index];
  }

  /** Indexes of the envelopes a delivery may pick: each distinct message, or each channel's head for fifo. */
  deliverable(network: readonly string[]): number[] {
    if (this.semantics !== "fifo") return this.distinct(network);
    const heads: number[] = [];
    for (let i = 0; i < network.length; i++)
      if (i === 0 || channelOrder(this.envelope(network[i - 1]!), this.envelope(network[i]!)) !== 0) heads.push(i);
    return heads;
  }

  /** Indexes of the first copy of each distinct envelope (a bag's copies give the same successor). */
  distinct(network: readonly string[]): number[] {
    const indexes: number[] = [];
    for (let i = 0; i < network.length; i++) if (this.semantics === "fifo" || i === 0 || network[i - 1] !== network[i]) indexes.push(i);
    return indexes;
  }

  /** The network after delivering the envelope at `index`: it leaves, except on a duplicating network. */
  take(network: readonly string[], index: number): readonly string[] {
    return this.semantics === "duplicating" ? network : this.remove(network, index);
  }

  /** The index a delivery removes from the network: `index`, or −1 on a duplicating network (the message stays). */
  taken(index: number): number {
    return this.semantics === "duplicating" ? -1 : index;
  }

  /** The network without the envelope at `index`. */
  remove(network: readonly string[], index: number): readonly string[] {
    return this.change(network, index, []);
  }

  private channelEnd(network: readonly string[], e: Envelope): number {
    let i = 0;
    while (i < network.length && channelOrder(this.envelope(network[i]!), e) <= 0) i++;
    return i;
  }
}

const channelOrder = (a: Envelope, b: Envelope) => a.from - b.from || a.to - b.to;
