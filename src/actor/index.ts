/**
 * The actor contract. A process is a deterministic state machine over immutable plain data: given its
 * state and one event (a delivered message, a local event it takes on its own, or for a client the
 * invocation of its next operation) it
 * returns its next state and records what it sends through `Out`. Ids are indexes into the system's actors.
 */
export type Id = number;

/** A client operation as plain data, e.g. `{ op: "write", value: 1 }` or `{ op: "read" }`. */
export interface Operation {
  readonly op: string;
  readonly [field: string]: unknown;
}

/** One entry of the client history: an invocation or a response, in the order they happened. */
export type HistoryEvent = { readonly client: Id; readonly call: Operation } | { readonly client: Id; readonly ret: unknown };

/** What a handler does besides changing its own state: send messages, invoke and complete operations. */
export interface Out<M> {
  send(to: Id, message: M): void;
  /** Records that this client invoked `operation` (appended to the history). */
  invoked(operation: Operation): void;
  /** Records that this client's pending operation returned `value`. */
  returned(value: unknown): void;
  /**
   * Starts this process's timer `name`, or restarts it if it runs: it fires (`onTimer`) once this process's local
   * clock has advanced by `duration` units (a positive integer). Needs the model's `time` option.
   */
  setTimer(name: string, duration: number): void;
  /** Stops this process's timer `name`; nothing when it does not run. */
  cancelTimer(name: string): void;
  /** This process's local clock: needs the model's `time.horizon` (a readable clock puts time into the state). */
  now(): number;
  /**
   * Replaces this process's durable record with `record` (plain data), durable once the step ends: it survives a
   * crash and is what `recover` rebuilds from. Needs the model's `recover` option.
   */
  persist(record: unknown): void;
}

/** A process: a server, or a client that also has operations to invoke. */
export interface Actor<S, M> {
  /** A short readable name, e.g. "s1" or "c2". */
  readonly name: string;
  /** The initial state (no messages are sent at start). */
  init(): S;
  /** Handles a message delivered from `from`. */
  receive(state: S, from: Id, message: M, out: Out<M>): S;
  /**
   * Clients only: the state after invoking the next operation, or `undefined` when the client cannot
   * invoke now (busy or out of operations). Must call `out.invoked`.
   */
  invoke?(state: S, out: Out<M>): S | undefined;
  /**
   * Local events the process may take on its own in `state` (a local computation, a send it decides to
   * make, a unilateral decision), by name; each is a separate successor. None when absent.
   */
  localEvents?(state: S): readonly string[];
  /** Takes `event`, one of `localEvents(state)`. */
  onLocalEvent?(state: S, event: string, out: Out<M>): S;
  /**
   * Fail-stop notice: process `crashed` has just crashed. Called on every live process in the same step
   * as the crash (a perfect failure detector, such as chain replication's master). Absent: not notified.
   */
  onCrash?(state: S, crashed: Id, out: Out<M>): S;
  /** Timer `name`, set by `out.setTimer`, has fired: this process's clock has advanced by its duration. */
  onTimer?(state: S, name: string, out: Out<M>): S;
  /**
   * Crash-recovery: the process comes back after a crash with only `durable`, the record it last persisted
   * (null if none), and returns its new state. Its volatile state and timers were lost in the crash.
   */
  recover?(durable: unknown, out: Out<M>): S;
  /** Clients only: true when the client has nothing more to do. Servers are always done. */
  done?(state: S): boolean;
}

/**
 * A system's processes by role, e.g. `{ servers: [...], clients: [...] }`. Ids count up from 0 through the
 * roles in the order they are listed, so `servers[0]` is 0 and `clients[0]` comes after the last server.
 */
export type Roles<M = any> = Readonly<Record<string, readonly Actor<any, M>[]>>;

/** The state type of an actor. */
export type StateOf<T> = T extends Actor<infer S, any> ? S : never;

/**
 * The ids a system's roles get, from how many processes each role has, e.g. `assignIds({ server: 1, clients: 2 })`
 * is `{ server: [0], clients: [1, 2] }`: ids count up from 0 through the roles in the order listed, as a
 * system built from `Roles` numbers them. Use it to tell actors their peers' ids.
 */
export function assignIds<const R extends string>(counts: Readonly<Record<R, number>>): { readonly [K in R]: readonly Id[] } {
  let next = 0;
  const ids = {} as Record<R, Id[]>;
  for (const role of Object.keys(counts) as R[]) ids[role] = Array.from({ length: counts[role] }, () => next++);
  return ids;
}

export { conditionalStore, isStoreReply, isStoreRequest, answer, meets, samePlain } from "./store.ts";
export type { StoreCondition, StoreItem, StoreReply, StoreRequest, StoreState } from "./store.ts";
