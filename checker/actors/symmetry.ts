import type { HistoryEvent, Id, Roles, StateOf } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import type { ModelSymmetry } from "../model.ts";
import { frozenHashInto, hashInto } from "../state/hash.ts";
import { freezePlain } from "./freeze.ts";
import type { Channels } from "./network.ts";
import type { Environment } from "./environment.ts";
import type { MessageOf, SystemState } from "./system.ts";

/*
 * Symmetry of interchangeable processes (Stateright's `Representative`/`Rewrite<Id>`, TLC's SYMMETRY).
 *
 * The spec declares which roles are interchangeable; the user turns the reduction on (`--symmetry`). A renaming
 * permutes the ids of each symmetric role among themselves (the group is the product of one permutation group per
 * role) and is applied consistently to the whole system state:
 * - by the checker: the position of each process state (procs[π(i)] = the state of i), the envelopes' `from` and
 *   `to`, the crashed set and the clients named in the history; with time, recovery or partitions, the position of
 *   each process's timers, durable record and clock, and the isolated set;
 * - by the spec: ids held inside process states and messages. Ids are bare numbers in the protocol's plain data,
 *   so only the spec knows where they are (a client's set of servers heard, a coordinator's yes votes): it gives,
 *   per role whose states hold such ids, a function renaming them (and one for messages, and per role one for
 *   durable records), like Stateright's `Rewrite<Id>` implementations. Timer names are not renamed. Operations and
 *   return values in the history are not renamed: they must not hold ids of a symmetric role.
 *
 * The representative of a state's orbit is, over every renaming in the group, the renamed state with the least
 * 64-bit key, a hash of the renamed state (TLC takes the least fingerprint over its permutations likewise): it is
 * the same state for every member of the orbit, so the explorer stores exactly one state per orbit and its distinct
 * count equals TLC's under SYMMETRY on a faithful twin. Every renaming is tried (the keys are cheap, see Renamer),
 * so groups are capped (maxRenamings).
 *
 * A declaration that misses an id would merge states that are not alike, or split alike ones: the explorer checks
 * every declaration on a sample of the states it meets (explore/symmetry.ts) and refuses it loudly when renaming
 * and stepping do not commute.
 */

/** A renaming of process ids: `id(x)` is the id that process x gets. */
export type Rename = (id: Id) => Id;

/** Which processes of an actor system are interchangeable, and where their ids hide inside states and messages. */
export interface SymmetryOptions<R extends Roles> {
  /**
   * The roles whose processes are interchangeable: same code, no id of their own built into it, and every property
   * of the spec symmetric in them. Their processes must be all crashable or none.
   */
  readonly roles: readonly (keyof R & string)[];
  /**
   * For each role whose process states hold ids of processes of a symmetric role (the role itself or another): the
   * state with every such id renamed by `id`, kept canonical (a sorted list of ids sorted again).
   */
  readonly rename?: { readonly [K in keyof R]?: (state: StateOf<R[K][number]>, id: Rename) => StateOf<R[K][number]> };
  /** The message with every id of a symmetric role's process renamed by `id`; needed when messages hold such ids. */
  readonly renameMessage?: (message: MessageOf<R>, id: Rename) => MessageOf<R>;
  /** For each role whose durable records (crash-recovery) hold ids of a symmetric role's processes: the record renamed. */
  readonly renameDurable?: { readonly [K in keyof R]?: (record: unknown, id: Rename) => unknown };
}

/** The most renamings a state's representative is searched among (8! — eight interchangeable processes). */
export const maxRenamings = 40_320;

/** What the actor system tells its symmetry: the roles' ids, the processes' names, the network, the crashable and partitionable processes. */
export interface ActorSystemLayout {
  readonly ids: Readonly<Record<string, readonly Id[]>>;
  readonly names: readonly string[];
  readonly channels: Channels;
  readonly crashable: readonly Id[];
  readonly partitionable: readonly Id[];
  /** Interns an environment (one object per content), so that renamed environments are shared as the model's are. */
  readonly internEnv?: (env: Environment) => Environment;
}

/** The symmetry of an actor system from its declaration; a UsageError for a declaration that cannot be right. */
export function actorSymmetry<R extends Roles>(declared: SymmetryOptions<R>, layout: ActorSystemLayout): ModelSymmetry<SystemState> {
  const roles = symmetricRoles(declared, layout);
  const group = groupOf(roles, layout.names.length);
  const renamer = new Renamer(declared, layout, roles, group);
  return {
    canonical: (state) => renamer.representative(state),
    generators: generatorsOf(roles, layout).map(({ name, map }) => ({
      name,
      rename: (state: SystemState) => freezePlain(renamer.apply(state, map), `symmetry: the state renamed by ${name}`),
    })),
  };
}

/** The declared roles' ids; a UsageError for an unknown role, a rename of an unknown role, or a symmetric role crashable in part. */
function symmetricRoles<R extends Roles>(declared: SymmetryOptions<R>, layout: ActorSystemLayout): (readonly Id[])[] {
  const known = Object.keys(layout.ids);
  const named = [...declared.roles, ...Object.keys(declared.rename ?? {}), ...Object.keys(declared.renameDurable ?? {})];
  const unknown = named.find((role) => !known.includes(role));
  if (unknown !== undefined) throw new UsageError(`symmetry names role "${unknown}"; roles: ${known.join(", ")}`);
  if (declared.roles.length === 0) throw new UsageError("symmetry needs at least one role whose processes are interchangeable");
  const twice = declared.roles.find((role, i) => declared.roles.indexOf(role) !== i);
  if (twice !== undefined) throw new UsageError(`symmetry names role "${twice}" twice`);
  const roles = declared.roles.map((role) => layout.ids[role]!);
  for (const [i, ids] of roles.entries()) {
    for (const [fault, able] of [
      ["crash", layout.crashable],
      ["be isolated", layout.partitionable],
    ] as const) {
      const may = ids.filter((id) => able.includes(id));
      if (may.length > 0 && may.length < ids.length) {
        const names = (list: readonly Id[]) => list.map((id) => layout.names[id]).join(", ");
        throw new UsageError(
          `symmetry of role "${declared.roles[i]}": ${names(may)} may ${fault} ` +
            `but ${names(ids.filter((id) => !may.includes(id)))} may not; interchangeable processes may all ${fault} or none`,
        );
      }
    }
  }
  const size = roles.reduce((n, ids) => n * factorial(ids.length), 1);
  if (size > maxRenamings)
    throw new UsageError(
      `symmetry of ${declared.roles.join(", ")} gives ${size.toLocaleString("en")} renamings of each state; ` +
        `at most ${maxRenamings.toLocaleString("en")} are searched (8 interchangeable processes)`,
    );
  return roles;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Every renaming of the group, as id → new id; the identity first. */
function groupOf(roles: readonly (readonly Id[])[], processes: number): Int32Array[] {
  let maps: Int32Array[] = [Int32Array.from({ length: processes }, (_, i) => i)];
  for (const ids of roles) {
    const next: Int32Array[] = [];
    for (const order of permutations(ids)) {
      for (const map of maps) {
        const extended = map.slice();
        ids.forEach((id, k) => (extended[id] = order[k]!));
        next.push(extended);
      }
    }
    maps = next;
  }
  return maps;
}

/** Every ordering of `items`, the given order first. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

/** Generators of each role's permutation group: the swap of its first two processes and, from three on, a rotation. */
function generatorsOf(roles: readonly (readonly Id[])[], layout: ActorSystemLayout): { name: string; map: Int32Array }[] {
  const identity = () => Int32Array.from({ length: layout.names.length }, (_, i) => i);
  const name = (id: Id) => layout.names[id]!;
  return roles.flatMap((ids) => {
    if (ids.length < 2) return [];
    const swap = identity();
    [swap[ids[0]!], swap[ids[1]!]] = [ids[1]!, ids[0]!];
    const generators = [{ name: `${name(ids[0]!)} ↔ ${name(ids[1]!)}`, map: swap }];
    if (ids.length >= 3) {
      const rotation = identity();
      ids.forEach((id, k) => (rotation[id] = ids[(k + 1) % ids.length]!));
      generators.push({ name: `${[...ids, ids[0]!].map(name).join(" → ")}`, map: rotation });
    }
    return generators;
  });
}

/**
 * Applies renamings to system states, and finds a state's representative without renaming the whole state for
 * each element of the group. Each renaming gets a 64-bit key computed from the pieces of the state it would give
 * (each position's process state, the envelopes, the crashed set, the history's clients), whose hashes are cached:
 * a process state that holds no ids hashes the same under every renaming, one that does is renamed and hashed once
 * per renaming and remembered (process states are shared between states); an envelope's renamed key and hash are
 * remembered per renaming. The key is a function of the renamed state alone, so the renaming with the least key
 * names the same state for every member of an orbit; only that one is built. Two different renamed states with the
 * same key (a 64-bit coincidence) could only split an orbit in two, never join two orbits: the explorer fingerprints
 * the state built, not the key.
 */
class Renamer<R extends Roles> {
  /** Per process id: the function renaming ids inside its state, if its role declares one. */
  private readonly renameState: (((state: unknown, id: Rename) => unknown) | undefined)[];
  /** Per process id: the function renaming ids inside its durable record, if its role declares one. */
  private readonly renameDurable: (((record: unknown, id: Rename) => unknown) | undefined)[];
  /** Processes of the symmetric roles: only their ids move. */
  private readonly symmetric: ReadonlySet<Id>;
  /** Per group element: the process each position receives (the inverse renaming). */
  private readonly inverse: Int32Array[];
  /** Per group element (by index): envelope key → its renamed key and that key's hash. */
  private readonly envelopes: Map<string, RenamedKey>[];
  private envelopesCached = 0;
  /** Per process id: process state → its hash under each group element (two words each), or under all when it holds no ids. */
  private readonly processHashes: WeakMap<object, Uint32Array>[];
  /** The same for durable records, under each process's `renameDurable`. */
  private readonly durableHashes: WeakMap<object, Uint32Array>[];
  private readonly fp = new Uint32Array(2);

  constructor(
    private readonly declared: SymmetryOptions<R>,
    private readonly layout: ActorSystemLayout,
    roles: readonly (readonly Id[])[],
    private readonly group: readonly Int32Array[],
  ) {
    this.renameState = layout.names.map(() => undefined);
    for (const [role, rename] of Object.entries(declared.rename ?? {}))
      for (const id of layout.ids[role]!) this.renameState[id] = rename as (state: unknown, id: Rename) => unknown;
    this.renameDurable = layout.names.map(() => undefined);
    for (const [role, rename] of Object.entries(declared.renameDurable ?? {}))
      for (const id of layout.ids[role]!) this.renameDurable[id] = rename as (record: unknown, id: Rename) => unknown;
    this.symmetric = new Set(roles.flat());
    this.inverse = group.map((map) => {
      const inverse = new Int32Array(map.length);
      map.forEach((to, from) => (inverse[to] = from));
      return inverse;
    });
    this.envelopes = group.map(() => new Map());
    // One cache per rename function (and one for none): a state object shared by processes of two roles is hashed for each.
    const caches = new Map<unknown, WeakMap<object, Uint32Array>>();
    const cacheFor = (rename: unknown) => caches.get(rename) ?? caches.set(rename, new WeakMap()).get(rename)!;
    this.processHashes = this.renameState.map(cacheFor);
    this.durableHashes = this.renameDurable.map(cacheFor);
  }

  /** The renaming `map` (id → new id) as a function, refusing what is not a process id. */
  private renaming(map: Int32Array): Rename {
    return (x) => {
      if (!Number.isInteger(x) || x < 0 || x >= map.length) throw new Error(`symmetry: a rename function was given ${String(x)}, not a process id`);
      return map[x]!;
    };
  }

  /** The state renamed by `map` (id → new id). */
  apply(state: SystemState, map: Int32Array, g?: number): SystemState {
    const id = this.renaming(map);
    const procs = new Array<unknown>(map.length);
    for (let i = 0; i < map.length; i++) {
      const rename = this.renameState[i];
      // A process down (crash-recovery) has no state (null): nothing in it to rename.
      procs[map[i]!] = rename && state.procs[i] !== null ? rename(state.procs[i], id) : state.procs[i];
    }
    return {
      procs,
      crashed: state.crashed.length === 0 ? state.crashed : state.crashed.map(id).sort((a, b) => a - b),
      network:
        state.network.length === 0
          ? state.network
          : this.layout.channels.add(
              [],
              state.network.map((key) => (g === undefined ? this.renameEnvelope(key, map, id) : this.envelope(key, g).key)),
            ),
      history: this.historyMoves(state) ? state.history.map((e): HistoryEvent => ({ ...e, client: id(e.client) })) : state.history,
      ...(state.env !== undefined && { env: this.renameEnv(state.env, map, id) }),
    };
  }

  /** The environment renamed by `map`: each process's timers, durable record and clock moved to its new id, the isolated renamed. */
  private renameEnv(env: Environment, map: Int32Array, id: Rename): Environment {
    const moved = <T>(items: readonly T[], rename?: (item: T, i: Id) => T): T[] => {
      const out = new Array<T>(items.length);
      items.forEach((item, i) => (out[map[i]!] = rename ? rename(item, i) : item));
      return out;
    };
    const renamed: Environment = {
      ...env,
      timers: moved(env.timers),
      durable: moved(env.durable, (record, i) => {
        const rename = this.renameDurable[i];
        return rename && record !== null ? freezePlain(rename(record, id), "symmetry: a renamed durable record") : record;
      }),
      isolated: env.isolated.length === 0 ? env.isolated : env.isolated.map(id).sort((a, b) => a - b),
      ...(env.clocks && { clocks: moved(env.clocks) }),
    };
    return this.layout.internEnv ? this.layout.internEnv(renamed) : renamed;
  }

  /** Whether renamings move some process named in the history (a symmetric process invoked or returned). */
  private historyMoves(state: SystemState): boolean {
    return state.history.some((e) => this.symmetric.has(e.client));
  }

  /** The orbit's representative: the renaming of `state` with the least key (the state itself when that is the identity). */
  representative(state: SystemState): SystemState {
    const { group, inverse } = this;
    const n = state.procs.length;
    const hashes = new Array<Uint32Array>(n);
    for (let i = 0; i < n; i++) hashes[i] = this.processHash(state.procs[i], i);
    const fifo = this.layout.channels.semantics === "fifo";
    const historyMoves = this.historyMoves(state);
    let best = 0;
    let bestA = 0;
    let bestB = 0;
    for (let g = 0; g < group.length; g++) {
      const map = group[g]!;
      const back = inverse[g]!;
      lanes.a = 0x6a09e667;
      lanes.b = 0xbb67ae85;
      for (let p = 0; p < n; p++) {
        const i = back[p]!;
        const h = hashes[i]!;
        const at = h.length === 2 ? 0 : 2 * g;
        mix(h[at]!);
        mix(h[at + 1]!);
      }
      mix(0x4e4554);
      if (fifo) {
        // Per-channel order matters: the envelopes' hashes in the renamed network's own order.
        const entries = state.network.map((k) => this.envelope(k, g));
        const byKey = new Map(entries.map((e) => [e.key, e]));
        for (const key of this.layout.channels.add(
          [],
          entries.map((e) => e.key),
        )) {
          const e = byKey.get(key)!;
          mix(e.a);
          mix(e.b);
        }
      } else {
        // A bag or a set: the order of the envelopes is canonical (sorted), so their hashes combine by sums.
        let sumA = 0;
        let sumB = 0;
        for (const key of state.network) {
          const e = this.envelope(key, g);
          sumA = (sumA + e.a) | 0;
          sumB = (sumB + e.b) | 0;
        }
        mix(state.network.length);
        mix(sumA);
        mix(sumB);
      }
      mix(0x435253);
      mix(state.crashed.length);
      let crashed = 0;
      for (const c of state.crashed) crashed = (crashed + scramble(map[c]!)) | 0;
      mix(crashed);
      if (historyMoves) for (const e of state.history) mix(map[e.client]!);
      if (state.env !== undefined) this.mixEnv(state.env, g, map, back);
      const a = lanes.a >>> 0;
      const b = lanes.b >>> 0;
      if (g === 0 || a < bestA || (a === bestA && b < bestB)) [best, bestA, bestB] = [g, a, b];
    }
    return best === 0 ? state : this.apply(state, group[best]!, best);
  }

  /**
   * Mixes what renaming `g` (`back`: the process each position receives) gives of an environment: each position's
   * timers, durable record (its hashes kept as a process state's are) and clock, and the isolated set.
   */
  private mixEnv(env: Environment, g: number, map: Int32Array, back: Int32Array): void {
    mix(0x454e56);
    for (let p = 0; p < back.length; p++) {
      const i = back[p]!;
      frozenHashInto(env.timers[i], this.fp); // frozen and shared: hashed once
      mix(this.fp[0]!);
      mix(this.fp[1]!);
      const h = this.hashes(env.durable[i], this.renameDurable[i], this.durableHashes[i]!);
      const at = h.length === 2 ? 0 : 2 * g;
      mix(h[at]!);
      mix(h[at + 1]!);
      if (env.clocks) mix(env.clocks[i]!);
    }
    let isolated = 0;
    for (const x of env.isolated) isolated = (isolated + scramble(map[x]!)) | 0;
    mix(env.isolated.length);
    mix(isolated);
  }

  /** A process state's hash: two words when it holds no ids (the same under every renaming), else two per group element. */
  private processHash(state: unknown, id: Id): Uint32Array {
    return this.hashes(state, this.renameState[id], this.processHashes[id]!);
  }

  /** A value's hash under each renaming by `rename` (two words when there is none, or the value is null), kept in `cache`. */
  private hashes(state: unknown, rename: ((value: unknown, id: Rename) => unknown) | undefined, cache: WeakMap<object, Uint32Array>): Uint32Array {
    const cacheable = typeof state === "object" && state !== null;
    const known = cacheable ? cache.get(state) : undefined;
    if (known !== undefined) return known;
    let hashes: Uint32Array;
    if (!rename || state === null) {
      hashInto(state, this.fp);
      hashes = Uint32Array.of(this.fp[0]!, this.fp[1]!);
    } else {
      hashes = new Uint32Array(2 * this.group.length);
      this.group.forEach((map, g) => {
        hashInto(rename(state, this.renaming(map)), this.fp);
        hashes[2 * g] = this.fp[0]!;
        hashes[2 * g + 1] = this.fp[1]!;
      });
    }
    if (cacheable) cache.set(state, hashes);
    return hashes;
  }

  /** An envelope renamed by group element `g`, with its key's hash; remembered. */
  private envelope(key: string, g: number): RenamedKey {
    const cache = this.envelopes[g]!;
    let renamed = cache.get(key);
    if (renamed === undefined) {
      const map = this.group[g]!;
      const to = this.renameEnvelope(key, map, this.renaming(map));
      hashInto(to, this.fp);
      renamed = { key: to, a: this.fp[0]!, b: this.fp[1]! };
      if (++this.envelopesCached > 1 << 21) {
        for (const c of this.envelopes) c.clear();
        this.envelopesCached = 0;
      }
      cache.set(key, renamed);
    }
    return renamed;
  }

  /** The key of an envelope with its ends and its message renamed. */
  private renameEnvelope(key: string, map: Int32Array, id: Rename): string {
    const e = this.layout.channels.envelope(key);
    const msg = this.declared.renameMessage
      ? freezePlain(this.declared.renameMessage(e.msg as MessageOf<R>, id), "symmetry: a renamed message")
      : e.msg;
    return this.layout.channels.keyOf(map[e.from]!, map[e.to]!, msg, undefined, e.left);
  }
}

/** An envelope's key under one renaming, and that key's hash. */
interface RenamedKey {
  readonly key: string;
  readonly a: number;
  readonly b: number;
}

/** Two 32-bit lanes mixed as ../state/hash.ts mixes (FNV-1a and murmur3 steps), for the keys of renamings. */
const lanes = { a: 0, b: 0 };

function mix(x: number): void {
  lanes.a = Math.imul(lanes.a ^ x, 0x01000193);
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  let b = lanes.b ^ Math.imul(k, 0x1b873593);
  b = (b << 13) | (b >>> 19);
  lanes.b = (Math.imul(b, 5) + 0xe6546b64) | 0;
}

/** An id spread over 32 bits, so that sums of ids do not collide as small numbers would. */
const scramble = (x: number): number => {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
};
