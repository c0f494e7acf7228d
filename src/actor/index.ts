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
export type HistoryEvent =
  | { readonly client: Id; readonly call: Operation }
  | { readonly client: Id; readonly ret: unknown };

/** What a handler does besides changing its own state: send messages, invoke and complete operations. */
export interface Out<M> {
  send(to: Id, message: M): void;
  /** Records that this client invoked `operation` (appended to the history). */
  invoked(operation: Operation): void;
  /** Records that this client's pending operation returned `value`. */
  returned(value: unknown): void;
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
  /** Clients only: true when the client has nothing more to do. Servers are always done. */
  done?(state: S): boolean;
}

/** How the network treats messages in flight. */
export type Network = "unordered" | "fifo" | "duplicating" | "lossy";

export const networks: readonly Network[] = ["unordered", "fifo", "duplicating", "lossy"];

/** A whole system: its processes (index = Id), network semantics and crash-stop faults. */
export interface ActorSystem<M> {
  readonly actors: readonly Actor<any, M>[];
  readonly network: Network;
  /** How many processes may crash (crash-stop) in one execution. */
  readonly crashes: number;
  /** The processes that may crash; by default, none. */
  readonly crashable: readonly Id[];
  /**
   * Optional abstraction applied after every step: renames data throughout the processes' states and the
   * messages in flight to a canonical representative (e.g. ballots replaced by their rank, when the protocol
   * only compares them), so that an unbounded protocol has a finite model. It must be a bisimulation: the
   * renamed state must behave exactly as the original does. Return `procs` or `messages` themselves (the
   * same arrays) where nothing changes: the explorer then keeps them as they are.
   */
  readonly canonicalize?: (procs: readonly unknown[], messages: readonly InFlight<M>[]) => { readonly procs: readonly unknown[]; readonly messages: readonly InFlight<M>[] };
}

/** A message in flight, as `canonicalize` sees it. */
export interface InFlight<M> {
  readonly from: Id;
  readonly to: Id;
  readonly msg: M;
}
