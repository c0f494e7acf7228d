import type { Id } from "../../src/actor/index.ts";
import type { Network } from "./system.ts";
import { encode } from "../state/encode.ts";

/** A message in flight. */
export interface Envelope {
  readonly from: Id;
  readonly to: Id;
  readonly msg: unknown;
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

  constructor(readonly semantics: Network) {}

  /** The key of an envelope, registering it. */
  keyOf(from: Id, to: Id, msg: unknown): string {
    const key = encode([from, to, msg]);
    if (!this.envelopes.has(key)) this.envelopes.set(key, { from, to, msg });
    return key;
  }

  /** The envelope behind a key. */
  envelope(key: string): Envelope {
    const e = this.envelopes.get(key);
    if (e === undefined) throw new Error(`internal: unknown envelope ${key}`);
    return e;
  }

  /** The network with the envelopes of `keys` added. */
  add(network: readonly string[], keys: readonly string[]): readonly string[] {
    const result = network.slice();
    for (const key of keys) {
      if (this.semantics === "fifo") {
        result.splice(this.channelEnd(result, this.envelope(key)), 0, key);
        continue;
      }
      const at = lowerBound(result, key);
      if (this.semantics === "duplicating" && result[at] === key) continue;
      result.splice(at, 0, key);
    }
    return result;
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

  /** The network without the envelope at `index`. */
  remove(network: readonly string[], index: number): readonly string[] {
    const result = network.slice();
    result.splice(index, 1);
    return result;
  }

  private channelEnd(network: readonly string[], e: Envelope): number {
    let i = 0;
    while (i < network.length && channelOrder(this.envelope(network[i]!), e) <= 0) i++;
    return i;
  }
}

const channelOrder = (a: Envelope, b: Envelope) => a.from - b.from || a.to - b.to;

function lowerBound(network: readonly string[], key: string): number {
  let lo = 0;
  let hi = network.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (network[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
