import type { Actor, Id, Out, StoreReply, StoreRequest } from "../../actor/index.ts";
import { isStoreReply } from "../../actor/index.ts";
import { CHECKPOINT, SEALED, slotKey, slotOf, type Checkpoint, type LogValue, type SwfMessage } from "./log.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface BackendFlaws {
  /** A new owner replays the log up to its first empty slot and appends from there, sealing nothing. */
  readonly noSeal?: boolean;
  /** The owner's log appends are unconditional puts: a late write lands whatever the slot holds. */
  readonly unconditionalPut?: boolean;
}

/**
 * A backend's phases: `idle` (the first owner before it starts), `standby` (the successor, watching the owner's
 * lease), `replaying` (the successor after the lease lapsed: reading the checkpoint, then replaying and sealing),
 * `owner` (appending its entries), `done` (all its entries applied), `expired` (its lease ran out before it was done:
 * it writes nothing more) and `deposed` (a put of its was refused: another owner fenced the log).
 */
export type Phase = "idle" | "standby" | "replaying" | "owner" | "done" | "expired" | "deposed";

/** A backend's state: its in-memory state (the entries applied, in log order, up to slot `upTo`) and its progress. */
export interface BackendState {
  readonly phase: Phase;
  /** The in-memory state: every entry of log slots 1..upTo, in slot order (sealed slots hold none). */
  readonly entries: readonly string[];
  /** The last log slot applied (or passed, when sealed). */
  readonly upTo: number;
  /** The slot of its own first entry (0 before it owns the shard). */
  readonly first: number;
  /** How many of its own entries it has sent to the log. */
  readonly written: number;
  /** Its own slots acknowledged beyond `upTo` (waiting for an earlier slot), ascending. */
  readonly acked: readonly number[];
  /** The first slot it sealed while taking over (0: none yet). */
  readonly sealFrom: number;
  /** The checkpoint item's version it knows (its conditional checkpoint write expects it). */
  readonly ckptVersion: number;
}

export interface BackendOptions {
  readonly name: string;
  readonly self: Id;
  readonly store: Id;
  /** The first owner: holds the lease at start and tells `successor` (its heartbeat). Otherwise the successor. */
  readonly firstOwner: boolean;
  /** The backend that takes the shard over when the lease lapses (the first owner's heartbeat goes there). */
  readonly successor?: Id;
  /** How many entries it appends once it owns the shard. */
  readonly entries: number;
  /** The notes' N write spots: at most this many of its log writes in flight, beyond the slots it applied. */
  readonly window: number;
  /** The owner's lease, in units of its own clock, from its heartbeat. */
  readonly term: number;
  /** The successor's wait, in units of its own clock, from the heartbeat until it takes over. */
  readonly guard: number;
  /** After how many of its own entries applied the owner writes a checkpoint (0: never). */
  readonly checkpointAfter: number;
  readonly flaws?: BackendFlaws;
}

type Reply = Extract<SwfMessage, { store: "got" | "put-ok" | "put-failed" }>;

/**
 * A backend of the shard. The first owner appends its entries with conditional puts (`absent`), at most `window` in
 * flight, applying each to its in-memory state once it and every earlier slot are acknowledged; a refused put means
 * another owner fenced the log, and it stops. The successor, when its timer says the owner's lease lapsed, reads the
 * checkpoint and walks the log from there with conditional puts of "sealed": a refused one returns the old owner's
 * entry, which it replays; once it has sealed a slot, it goes on until `window` slots from that one are filled, then
 * owns the log from the next slot.
 */
export function backend(options: BackendOptions): Actor<BackendState, SwfMessage> {
  const { name, self, store, window, flaws = {} } = options;
  const put = (out: Out<SwfMessage>, request: Omit<Extract<StoreRequest, { store: "put" }>, "store">) =>
    out.send(store, { store: "put", ...request });
  const entryName = (state: BackendState, slot: number) => `${name}.${slot - state.first + 1}`;
  const ownApplied = (state: BackendState) => (state.first === 0 ? 0 : Math.max(0, state.upTo - state.first + 1));

  /** The successor's next step of its walk: seal slot `slot` (or, flawed, read it). */
  const walk = (state: BackendState, slot: number, out: Out<SwfMessage>): BackendState => {
    if (flaws.noSeal) out.send(store, { store: "get", key: slotKey(slot) });
    else put(out, { key: slotKey(slot), value: { entry: SEALED, writer: self } satisfies LogValue, expect: { absent: true } });
    return state;
  };

  const becomeOwner = (state: BackendState, first: number): BackendState => ({ ...state, phase: "owner", first, written: 0, acked: [] });

  /** After the successor filled slot `slot` (sealed it, or found an entry there): walk on, or own the log. */
  const filled = (state: BackendState, slot: number, out: Out<SwfMessage>): BackendState =>
    state.sealFrom > 0 && slot >= state.sealFrom + window - 1 ? becomeOwner(state, slot + 1) : walk(state, slot + 1, out);

  /** The owner's slot `slot` was acknowledged: apply what is now contiguous; done, and a checkpoint, when due. */
  const acknowledged = (state: BackendState, slot: number, out: Out<SwfMessage>): BackendState => {
    const acked = [...state.acked, slot].sort((a, b) => a - b);
    let { upTo, entries } = state;
    while (acked[0] === upTo + 1) {
      acked.shift();
      upTo++;
      entries = [...entries, entryName(state, upTo)];
    }
    const next: BackendState = { ...state, acked, upTo, entries };
    const holding = state.phase === "owner";
    if (holding && options.checkpointAfter > 0 && ownApplied(state) < options.checkpointAfter && ownApplied(next) >= options.checkpointAfter)
      put(out, { key: CHECKPOINT, value: { upTo, entries } satisfies Checkpoint, expect: { version: state.ckptVersion } });
    if (holding && ownApplied(next) === options.entries) {
      out.cancelTimer("lease");
      return { ...next, phase: "done" };
    }
    return next;
  };

  const onReply = (state: BackendState, reply: Reply, out: Out<SwfMessage>): BackendState => {
    if (reply.key === CHECKPOINT) {
      if (reply.store !== "got" || state.phase !== "replaying" || reply.item === null) return state; // its own checkpoint's outcome
      const checkpoint = reply.item.value as Checkpoint;
      return walk({ ...state, entries: checkpoint.entries, upTo: checkpoint.upTo, ckptVersion: reply.item.version }, checkpoint.upTo + 1, out);
    }
    const slot = slotOf(reply.key);
    if (slot === undefined) throw new Error(`${name} got a reply about ${reply.key}, not a log slot`);
    if (state.phase === "replaying") {
      if (reply.store === "put-ok") return filled({ ...state, upTo: slot, sealFrom: state.sealFrom || slot }, slot, out);
      if (reply.store === "got" && reply.item === null) return becomeOwner(state, slot);
      const { entry } = reply.item!.value as LogValue;
      if (entry === SEALED) return { ...state, phase: "deposed" }; // another backend fenced this log
      const replayed = { ...state, upTo: slot, entries: [...state.entries, entry] };
      return reply.store === "got" ? walk(replayed, slot + 1, out) : filled(replayed, slot, out);
    }
    if (state.phase !== "owner" && state.phase !== "expired") return state;
    if (reply.store === "put-ok") return acknowledged(state, slot, out);
    out.cancelTimer("lease");
    return { ...state, phase: "deposed" };
  };

  return {
    name,
    init: () => ({
      phase: options.firstOwner ? "idle" : "standby",
      entries: [],
      upTo: 0,
      first: options.firstOwner ? 1 : 0,
      written: 0,
      acked: [],
      sealFrom: 0,
      ckptVersion: options.firstOwner ? 1 : 0,
    }),
    localEvents(state) {
      if (state.phase === "idle") return ["start"];
      const slot = state.first + state.written;
      return state.phase === "owner" && state.written < options.entries && slot <= state.upTo + window ? ["append"] : [];
    },
    onLocalEvent(state, event, out) {
      if (event === "start") {
        out.setTimer("lease", options.term);
        if (options.successor !== undefined) out.send(options.successor, { type: "heartbeat" });
        return { ...state, phase: "owner" };
      }
      const slot = state.first + state.written;
      const value: LogValue = { entry: entryName(state, slot), writer: self };
      put(out, { key: slotKey(slot), value, ...(!flaws.unconditionalPut && { expect: { absent: true } }) });
      return { ...state, written: state.written + 1 };
    },
    receive(state, _from, message, out) {
      if (isStoreReply(message)) return onReply(state, message, out);
      if ("type" in message && message.type === "heartbeat" && state.phase === "standby") out.setTimer("lease", options.guard);
      return state;
    },
    onTimer(state, _name, out) {
      if (state.phase === "standby") {
        out.send(store, { store: "get", key: CHECKPOINT });
        return { ...state, phase: "replaying" };
      }
      return state.phase === "owner" ? { ...state, phase: "expired" } : state;
    },
    done: (state) => state.phase === "done" || state.phase === "expired" || state.phase === "deposed",
  };
}
