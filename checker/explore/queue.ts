import { Packer } from "../state/pack.ts";

/**
 * When a frontier packs the states pushed into it: "always"; "never"; "auto" (the default) from the moment `startPacking`
 * is called: the search calls it once the memory in use passes `packShare` of its bound, so that a search that fits
 * with room to spare keeps its states as objects (packing and unpacking cost about a microsecond a state).
 */
export type Packing = "auto" | "always" | "never";

/** The share of a search's memory bound past which an "auto" frontier packs. */
export const packShare = 1 / 8;

/** Bytes per chunk of packed states (a state larger than this gets a chunk of its own). */
const chunkSize = 1 << 20;

/**
 * The states waiting to be expanded, with their ids, first in first out (BFS) or last in first out (DFS): held as
 * objects, or once packing (see Packing), packed (checker/state/pack.ts: 30 to 60 bytes for an actor system's state
 * whose objects take about 400) into chunks of bytes outside the JS heap, let go as they are read. Every state taken
 * is equal in content to the state pushed, its frozen and inherited parts the same objects.
 */
export class Frontier<S> {
  /** The id of the state `take` returned last. */
  id = -1;
  private objects: { state: S; id: number }[] = [];
  private head = 0; // objects before it are taken (first in first out)
  private readonly packed = new ChunkDeque();
  private readonly packer = new Packer();

  private packing: boolean;

  constructor(
    private readonly order: "fifo" | "lifo",
    private readonly when: Packing = "auto",
  ) {
    this.packing = when === "always";
  }

  /** From now on, states pushed are packed (unless this frontier never packs). */
  startPacking(): void {
    if (this.when !== "never") this.packing = true;
  }

  /** How many states wait. */
  get size(): number {
    return this.objects.length - this.head + this.packed.count;
  }

  /** Adds a state; a PlainDataError (UsageError) naming the path to a part of it that cannot be packed exactly. */
  push(state: S, id: number): void {
    // Packed states are all younger than the objects: taken first from the back, last from the front.
    if (this.packing) this.packed.append(this.packer, state, id);
    else this.objects.push({ state, id });
  }

  /** The next state, its id in `id`; only when `size` > 0. The states pushed next are taken for its successors. */
  take(): S {
    if (this.size === 0) throw new Error("internal: a state taken from an empty frontier");
    let state: S;
    if (this.order === "fifo") state = this.head < this.objects.length ? this.takeObject(this.objects[this.head++]!) : this.takeFirstPacked();
    else state = this.packed.count > 0 ? this.takeLastPacked() : this.takeObject(this.objects.pop()!);
    if (this.packing) this.packer.inherit(state);
    return state;
  }

  /** Bytes outside the JS heap: the chunks and the packer's own. */
  externalBytes(): number {
    return this.packed.bytes() + this.packer.externalBytes();
  }

  private takeObject(entry: { state: S; id: number }): S {
    if (this.head > 65_536 && this.head * 2 > this.objects.length) {
      this.objects.splice(0, this.head);
      this.head = 0;
    }
    this.id = entry.id;
    return entry.state;
  }

  private takeFirstPacked(): S {
    const bytes = this.packed.firstChunk();
    const at = this.packed.firstAt();
    const state = this.packer.unpack(bytes, at) as S;
    const end = this.packer.end;
    this.id = readUint32(bytes, end);
    if (readUint32(bytes, end + 4) !== end - at) throw new Error(`internal: packed state at ${at} ends at ${end}, not where its length says`);
    this.packed.dropFirst(end + 8 - at);
    return state;
  }

  private takeLastPacked(): S {
    const bytes = this.packed.lastChunk();
    const end = this.packed.lastEnd();
    const n = readUint32(bytes, end - 4);
    this.id = readUint32(bytes, end - 8);
    const start = end - 8 - n;
    const state = this.packer.unpack(bytes, start) as S;
    if (this.packer.end !== end - 8) throw new Error(`internal: packed state at ${start} ends at ${this.packer.end}, not where its length says`);
    this.packed.dropLast(n + 8);
    return state;
  }
}

const writeUint32 = (bytes: Uint8Array, at: number, n: number): void => {
  bytes[at] = n;
  bytes[at + 1] = n >>> 8;
  bytes[at + 2] = n >>> 16;
  bytes[at + 3] = n >>> 24;
};

const readUint32 = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

/**
 * Records of bytes in a row of chunks: appended at the back, read from the front or the back. A record never
 * straddles two chunks; a chunk read to its end is let go (one kept to be reused).
 */
class ChunkDeque {
  /** How many records are held. */
  count = 0;
  private readonly chunks: Uint8Array[] = [];
  private readonly ends: number[] = []; // per chunk, where its records end
  private start = 0; // where the first record of the first chunk begins
  private spare: Uint8Array | undefined;

  /** Appends `state` packed, followed by its id and its length (32 bits each). */
  append(packer: Packer, state: unknown, id: number): void {
    let last = this.chunks.length - 1;
    let chunk = this.chunks[last];
    let at = last < 0 ? -1 : packer.packInto(state, chunk!, this.ends[last]!, chunk!.length - 8);
    if (at < 0) {
      // A fresh chunk: the state fits in a whole one, or gets one of its own.
      chunk = this.spare ?? new Uint8Array(chunkSize);
      this.spare = undefined;
      at = packer.packInto(state, chunk, 0, chunk.length - 8);
      if (at < 0) {
        this.spare = chunk;
        const n = packer.pack(state);
        chunk = new Uint8Array(n + 8);
        chunk.set(packer.buffer.subarray(0, n));
        at = n;
      }
      this.chunks.push(chunk);
      this.ends.push(0);
      last++;
      if (last === 0) this.start = 0;
    }
    const begin = this.ends[last]!;
    writeUint32(chunk!, at, id);
    writeUint32(chunk!, at + 4, at - begin);
    this.ends[last] = at + 8;
    this.count++;
  }

  /** The first chunk. */
  firstChunk(): Uint8Array {
    return this.chunks[0]!;
  }

  /** Where the first record begins in the first chunk. */
  firstAt(): number {
    return this.start;
  }

  /** Removes the first record, `size` bytes long. */
  dropFirst(size: number): void {
    this.start += size;
    this.count--;
    if (this.start === this.ends[0]) {
      this.release(this.chunks.shift()!);
      this.ends.shift();
      this.start = 0;
    }
  }

  /** The last chunk. */
  lastChunk(): Uint8Array {
    return this.chunks[this.chunks.length - 1]!;
  }

  /** Where the last record ends in the last chunk. */
  lastEnd(): number {
    return this.ends[this.ends.length - 1]!;
  }

  /** Removes the last record, `size` bytes long. */
  dropLast(size: number): void {
    const last = this.chunks.length - 1;
    this.ends[last]! -= size;
    this.count--;
    if (this.ends[last] === (last === 0 ? this.start : 0)) {
      this.release(this.chunks.pop()!);
      this.ends.pop();
      if (this.chunks.length === 0) this.start = 0;
    }
  }

  /** Bytes held by the chunks. */
  bytes(): number {
    let total = this.spare?.length ?? 0;
    for (const chunk of this.chunks) total += chunk.length;
    return total;
  }

  private release(chunk: Uint8Array): void {
    if (chunk.length === chunkSize) this.spare = chunk;
  }
}
