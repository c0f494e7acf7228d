import { frozenHashInto, hashInto, hashWordsInto, stringHash, tupleHashInto } from "../state/hash.ts";
import type { Network, SystemState } from "./system.ts";

/**
 * The fingerprint of an actor system's state, from the hashes of its parts: the processes' states, the crashed
 * ids, the messages in flight, the history and (time, recovery, partitions) the environment. A function of the state's content alone, as `hashInto` is, since
 * each part's hash is:
 * - each process state and the history are hashed whole (`hashInto`), the hash kept by identity when they are frozen
 *   (the actor model interns them: one object per content, so each content is walked once); the tuple of process
 *   states is hashed from theirs (`tupleHashInto`), kept too;
 * - a message key is the canonical encoding of its envelope, so its string hash is the message's content; a bag or
 *   set of messages is hashed as the count and the sum of its keys' hashes, a fifo network as the keys in order.
 * A sum changes by the keys a step takes and sends, so a successor's network is hashed from its parent's
 * (`derived`), without a look at each message in flight.
 */
export class SystemFingerprint {
  private words: Int32Array;
  private readonly part = new Uint32Array(2);
  private readonly bag: boolean;
  /** The last state `next` returned, the state it came from, and how the step changed the network's sums. */
  private child: SystemState | undefined;
  private childOf: SystemState | undefined;
  private delta: Int32Array | undefined;
  /** The last parent, and the hashes of its processes' states and history and (bag) its network's sums. */
  private parent: SystemState | undefined;
  private readonly parentHashes = new Int32Array(6);
  private readonly sum = new Int32Array(2);

  constructor(semantics: Network) {
    this.words = new Int32Array(64);
    this.bag = semantics === "unordered" || semantics === "lossy"; // a set (duplicating) drops a key sent twice: summed whole
  }

  /**
   * Tells that `next(parent, …)` returned `child`. When the step's only change to the network was taking one key (at
   * most) and sending some, `delta` is `keySums(sent, taken)`, so that the child's network is hashed from the parent's.
   */
  derived(parent: SystemState, child: SystemState, delta?: Int32Array): void {
    this.childOf = parent;
    this.child = child;
    this.delta = delta;
  }

  /** Writes the fingerprint of `state` into `out` ([hi, lo]); a PlainDataError naming the path if some part is not plain data. */
  of(state: SystemState, out: Uint32Array): void {
    try {
      this.hashParts(state, out);
    } catch (error) {
      hashInto(state, out); // walks the whole state, to name the path from its root
      throw error;
    }
  }

  private hashParts(state: SystemState, out: Uint32Array): void {
    const { procs, crashed, network, history } = state;
    const part = this.part;
    const needed = crashed.length + (this.bag ? 3 : 2 * network.length + 1) + 8;
    if (needed > this.words.length) this.words = new Int32Array(2 * needed);
    const words = this.words;
    const parent = state === this.child ? this.childOf : undefined;
    if (parent !== undefined && parent !== this.parent) this.hashParent(parent);
    const known = this.parentHashes;
    let w = 0;
    if (parent !== undefined && procs === parent.procs) {
      words[w++] = known[0]!;
      words[w++] = known[1]!;
    } else {
      tupleHashInto(procs, part);
      words[w++] = part[0]!;
      words[w++] = part[1]!;
    }
    words[w++] = crashed.length;
    for (let i = 0; i < crashed.length; i++) words[w++] = checkedId(crashed[i]);
    words[w++] = network.length;
    if (this.bag) {
      this.networkSum(state, parent);
      words[w++] = this.sum[0]!;
      words[w++] = this.sum[1]!;
    } else {
      for (let i = 0; i < network.length; i++) {
        const h = stringHash(checkedKey(network[i]));
        words[w++] = h[0]!;
        words[w++] = h[1]!;
      }
    }
    if (parent !== undefined && history === parent.history) {
      words[w++] = known[2]!;
      words[w++] = known[3]!;
    } else {
      frozenHashInto(history, part);
      words[w++] = part[0]!;
      words[w++] = part[1]!;
    }
    if (state.env !== undefined) {
      frozenHashInto(state.env, part); // interned and frozen: its hash is kept by identity
      words[w++] = part[0]!;
      words[w++] = part[1]!;
    }
    hashWordsInto(words, w, out);
  }

  /** Keeps the hashes of the parent's parts that its successors share. */
  private hashParent(parent: SystemState): void {
    this.parent = undefined; // until its hashes are all in
    const known = this.parentHashes;
    tupleHashInto(parent.procs, this.part);
    known[0] = this.part[0]!;
    known[1] = this.part[1]!;
    frozenHashInto(parent.history, this.part);
    known[2] = this.part[0]!;
    known[3] = this.part[1]!;
    if (this.bag) {
      sumOf(parent.network, this.sum);
      known[4] = this.sum[0]!;
      known[5] = this.sum[1]!;
    }
    this.parent = parent;
  }

  /** The sums of the hashes of `state`'s network keys into `sum`: from its parent's when `derived` said how it changed. */
  private networkSum(state: SystemState, parent: SystemState | undefined): void {
    if (parent === undefined || this.delta === undefined) return sumOf(state.network, this.sum);
    this.sum[0] = (this.parentHashes[4]! + this.delta[0]!) | 0;
    this.sum[1] = (this.parentHashes[5]! + this.delta[1]!) | 0;
  }
}

/**
 * How a network's sums of key hashes change when the keys `sent` arrive and the key `taken` (if any) leaves: the sums of
 * the sent keys' hashes less the taken key's, lane by lane (mod 2^32), as a new array [hi, lo].
 */
export function keySums(sent: readonly string[], taken?: string): Int32Array {
  const sums = new Int32Array(2);
  sumOf(sent, sums);
  if (taken !== undefined) {
    const h = stringHash(taken);
    sums[0] = (sums[0]! - h[0]!) | 0;
    sums[1] = (sums[1]! - h[1]!) | 0;
  }
  return sums;
}

/** The sums, lane by lane (mod 2^32), of the keys' string hashes. */
function sumOf(network: readonly string[], sum: Int32Array): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < network.length; i++) {
    const h = stringHash(checkedKey(network[i]));
    hi = (hi + h[0]!) | 0;
    lo = (lo + h[1]!) | 0;
  }
  sum[0] = hi;
  sum[1] = lo;
}

/** Crashed ids are integers the model wrote; anything else means the state was not made by it. */
function checkedId(id: unknown): number {
  if (typeof id !== "number" || (id | 0) !== id) throw new Error(`internal: crashed holds ${String(id)}, not a process id`);
  return id;
}

function checkedKey(key: unknown): string {
  if (typeof key !== "string") throw new Error(`internal: the network holds ${typeof key}, not a message key`);
  return key;
}
