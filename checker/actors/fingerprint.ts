import { frozenHashInto, hashInto, hashWordsInto, stringHash } from "../state/hash.ts";
import type { SystemState } from "./system.ts";

/**
 * The fingerprint of an actor system's state, from the hashes of its parts: each process's state, the crashed
 * ids, the messages in flight (each key's hash, in the network's canonical order) and the history. A function of
 * the state's content alone, as `hashInto` is, since each part's hash is.
 *
 * Process states and histories are frozen and shared by reference between a state and its successors, so the
 * work is in the parts a step made anew. The successors of one state are fingerprinted in turn: the model says
 * which state `next` came from (`derived`), that parent's parts are hashed once (frozen parts' hashes are kept
 * by identity), and a successor's part that is the parent's own object takes the parent's hash.
 */
export class SystemFingerprint {
  private words: Int32Array;
  private readonly part = new Uint32Array(2);
  /** The last state `next` returned, and the state it came from. */
  private child: SystemState | undefined;
  private childOf: SystemState | undefined;
  /** The parent whose parts' hashes are in `parentWords` (per process: hi, lo; then the history's). */
  private parent: SystemState | undefined;
  private readonly parentWords: Int32Array;

  constructor(processes: number) {
    this.words = new Int32Array(4 * processes + 64);
    this.parentWords = new Int32Array(2 * processes + 2);
  }

  /** Tells that `next(parent, …)` returned `child`, so that its fingerprint can reuse the parent's parts. */
  derived(parent: SystemState, child: SystemState): void {
    this.childOf = parent;
    this.child = child;
  }

  /** Writes the fingerprint of `state` into `out` ([hi, lo]); a PlainDataError naming the path if some part is not plain data. */
  of(state: SystemState, out: Uint32Array): void {
    try {
      const parent = state === this.child ? this.childOf : undefined;
      if (parent !== undefined && parent.procs.length === state.procs.length) {
        if (parent !== this.parent) this.hashParent(parent);
        this.hashParts(state, out, parent);
      } else this.hashParts(state, out, undefined);
    } catch (error) {
      this.parent = undefined;
      hashInto(state, out); // walks the whole state, to name the path from its root
      throw error;
    }
  }

  private hashParent(parent: SystemState): void {
    const { procs, history } = parent;
    const words = this.parentWords;
    const part = this.part;
    this.parent = undefined; // until its hashes are all in
    for (let i = 0; i < procs.length; i++) {
      frozenHashInto(procs[i], part);
      words[2 * i] = part[0]!;
      words[2 * i + 1] = part[1]!;
    }
    frozenHashInto(history, part);
    words[2 * procs.length] = part[0]!;
    words[2 * procs.length + 1] = part[1]!;
    this.parent = parent;
  }

  /** The fingerprint of `state`, taking the hashes of the parts it shares with `parent` (whose hashes are in parentWords). */
  private hashParts(state: SystemState, out: Uint32Array, parent: SystemState | undefined): void {
    const { procs, crashed, network, history } = state;
    const part = this.part;
    const needed = 2 * procs.length + crashed.length + 2 * network.length + 8;
    if (needed > this.words.length) this.words = new Int32Array(2 * needed);
    const words = this.words;
    const known = this.parentWords;
    let w = 0;
    words[w++] = procs.length;
    for (let i = 0; i < procs.length; i++) {
      if (parent !== undefined && procs[i] === parent.procs[i]) {
        words[w++] = known[2 * i]!;
        words[w++] = known[2 * i + 1]!;
        continue;
      }
      frozenHashInto(procs[i], part); // interned by the model: hashed once per content
      words[w++] = part[0]!;
      words[w++] = part[1]!;
    }
    words[w++] = crashed.length;
    for (let i = 0; i < crashed.length; i++) words[w++] = checkedId(crashed[i]);
    // Keys are canonical encodings of their envelopes, in the network's canonical order: the string is the content.
    words[w++] = network.length;
    for (let i = 0; i < network.length; i++) {
      const h = stringHash(checkedKey(network[i]));
      words[w++] = h[0]!;
      words[w++] = h[1]!;
    }
    if (parent !== undefined && history === parent.history) {
      words[w++] = known[2 * procs.length]!;
      words[w++] = known[2 * procs.length + 1]!;
    } else {
      frozenHashInto(history, part);
      words[w++] = part[0]!;
      words[w++] = part[1]!;
    }
    hashWordsInto(words, w, out);
  }
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
