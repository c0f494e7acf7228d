import {
  CHECKPOINT,
  SEALED,
  filledSlots,
  replay,
  slotKey,
  swfLogRoles,
  type BackendState,
  type LogValue,
} from "../../src/protocols/swf-log/index.ts";
import { actorModel, always, defineSpec, eventually, intKey, noDeadlock, sometimes, terminates, type RoleStates, type SystemState } from "interleave";
import type { StoreItem, StoreState } from "interleave/actor";
import { swfLogPairing } from "./tla.ts";

/*
 * "SWF Oracle to DynamoDB" in the notes: a shard's write-ahead log moved from Oracle to DynamoDB. Our reading:
 *
 * - The log is append only, one table item per slot, `{seq_id, entry, writer}` (seq_id is the slot in the item's
 *   key), written with DynamoDB's conditional put (`expect: absent`): "won't stomp state". The table is
 *   interleave/actor's conditionalStore; requests and replies travel the network, so a write sent early can land late.
 * - Two backends: b1 owns the shard at start, b2 is the backend consistent hashing gives the shard to next. Ownership
 *   moves by ALF's lease: b1's start is its heartbeat to b2; b1 holds the lease for `term` units of its own clock and
 *   writes nothing once its timer says the lease ended; b2 declares b1 down `guard` units of its own clock after the
 *   heartbeat reached it. Lease renewal is not modeled: one term is the window in which b1 did not renew (it failed,
 *   or was cut off: `partitions=1` lets the network isolate b1), and the model covers one change of ownership.
 * - "Will take N write spots in the log (how many writes per operation)": we read N (`window`) as how many log
 *   writes an owner keeps in flight, beyond the slots it has applied; so after the lease lapsed the old owner may
 *   still write up to N slots past the last one it applied. The new owner reads the checkpoint, then walks the log
 *   from there with conditional puts of "sealed": a refused put hands back the old owner's entry, which it replays;
 *   once one of its seals landed, at slot g, the old owner can never get past g - 1 in order, so it can never write
 *   past g + N - 1, and the new owner fills the slots up to there and owns the log from g + N. A late conditional
 *   write of the old owner finds its slot sealed, is refused, and tells the old owner it was deposed.
 * - The in-memory state is the list of entries applied, in log order; an owner applies an entry once it and every
 *   earlier slot are acknowledged, and writes one checkpoint `{upTo, entries}` (conditional on the checkpoint's
 *   version) after its first `checkpoint` entries. The new owner's state is rebuilt by replay from the checkpoint.
 *
 * Properties (the issue's): no log slot is written twice (`no-overwrite`: every slot item is at version 1); no entry
 * of the deposed owner follows one of its successor in the log, in slot order (`owner-order`); every backend's
 * in-memory state, and the checkpoint, equal the replay of the log up to the slot they cover (`replay-matches`); once
 * the successor owns the log, the state the old owner held is a prefix of the state the successor rebuilt
 * (`successor-holds-owner-state`). Besides: the lease's timing alone (`exclusive-lease`: never does b1 believe it
 * holds the lease while b2 took over) holds thanks to the guard, which covers the clocks' drift; yet the log needs
 * the seals, because writes sent within the lease land after it. Liveness: b2 eventually applies all its entries
 * (`successor-completes`), under weak fairness of delivery, local steps, timers, time and healing. Two `sometimes`
 * show the interesting runs are reached: b1 deposed by a seal, and b2 completing with entries of b1 it replayed.
 *
 * Wrong variants: `no-seal` (the new owner reads up to the first empty slot and appends from there; an entry of the
 * old owner in flight lands after the successor's, and with window=1 only liveness fails: one write in flight is
 * fenced by the conditional put alone), `unconditional-put` (the owners' appends are plain puts, the seals stay
 * conditional: a late write stomps a seal), `no-drift-guard` (b2 waits only `term` on its clock: the lease is not
 * exclusive, though the log stays safe: sealing does not depend on timing). Both backends have the same window; a
 * successor sealing fewer slots than the old owner's window would be another wrong variant, not modeled.
 *
 * Time: interleave's abstraction (checker/actors/environment.ts), stated again in SwfLog.tla: global ticks no process
 * reads; at each tick every backend with a running timer advances its clock by one of `rates` (drift=1: 1 or 2 units;
 * drift=0: 1 unit), timers are punctual (no tick while one is due); the state keeps each timer's remaining units,
 * never a clock. Message delays are unbounded. The guard is max(rates) * ceil(term / min(rates)) + 1: b1's timer fires
 * within ceil(term / min) ticks of its start, b2's not before guard / max ticks after the heartbeat arrived (later).
 */

type Roles = ReturnType<typeof swfLogRoles>;
type Procs = RoleStates<Roles>;

const ownerIndex = 0; // b1 in the backends role
const successorIndex = 1; // b2

/** Whether the log holds an entry of b1 (id 1) after an entry of b2 (id 2). */
function deposedAfterSuccessor(table: StoreState): boolean {
  let successorSeen = false;
  for (const slot of filledSlots(table)) {
    const { entry, writer } = (table[slotKey(slot)] as StoreItem).value as LogValue;
    if (entry === SEALED) continue;
    if (writer === 2) successorSeen = true;
    else if (successorSeen) return true;
  }
  return false;
}

const sameList = (a: readonly string[] | null, b: readonly string[]) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

/** Every backend's in-memory state, and the checkpoint, equal the replay of the log up to what they cover. */
function replayMatches({ table: [table], backends }: Procs): boolean {
  const checkpoint = table![CHECKPOINT]!.value as { upTo: number; entries: readonly string[] };
  if (!sameList(replay(table!, checkpoint.upTo), checkpoint.entries)) return false;
  return backends.every((b: BackendState | null) => b === null || sameList(replay(table!, b.upTo), b.entries));
}

/** Whether `a` is a prefix of `b`. */
const isPrefix = (a: readonly string[], b: readonly string[]) => a.length <= b.length && a.every((x, i) => x === b[i]);
/** The successor has replayed the log and owns it. */
const ownsLog = (b: BackendState) => b.phase === "owner" || b.phase === "done";
const believesOwner = (b: BackendState) => b.phase === "owner";
const tookOver = (b: BackendState) => b.phase === "replaying" || b.phase === "owner" || b.phase === "done";

export default defineSpec({
  name: "swf-log",
  summary: "SWF's log on DynamoDB: conditional appends, lease takeover, slots sealed against the old owner's late writes, replay",
  tlaModule: "SwfLog",
  keys: {
    entries: intKey({ doc: "entries the first owner b1 appends", default: 2, min: 1, max: 4 }),
    successorEntries: intKey({ doc: "entries the successor b2 appends after taking over", default: 1, min: 1, max: 3 }),
    window: intKey({ doc: "N: an owner's log writes in flight at once (the slots the new owner seals)", default: 2, min: 1, max: 3 }),
    term: intKey({ doc: "the owner's lease, in units of its clock", default: 1, min: 1, max: 3 }),
    drift: intKey({ doc: "clock drift: 0, every clock advances 1 unit a tick; 1, 1 or 2 units", default: 0, min: 0, max: 1 }),
    checkpoint: intKey({ doc: "an owner checkpoints after this many of its entries applied (0: never)", default: 1, min: 0, max: 4 }),
    partitions: intKey({ doc: "isolations of b1 by the network (heals eventually)", default: 1, min: 0, max: 1 }),
  },
  variants: {
    main: { summary: "conditional appends; the new owner seals N slots before appending" },
    "no-seal": {
      summary: "the new owner appends from the first empty slot, sealing nothing",
      fails: ["owner-order", "successor-holds-owner-state", "successor-completes"],
    },
    "unconditional-put": {
      summary: "the owners' appends are unconditional puts",
      fails: ["no-overwrite", "replay-matches", "successor-holds-owner-state", "deposed-write-refused"],
    },
    "no-drift-guard": {
      summary: "the successor waits the lease's term on its own clock, no margin for drift",
      fails: ["exclusive-lease"],
    },
  },
  build(config, variant) {
    const rates = config.drift === 0 ? [1] : [1, 2];
    const fullGuard = Math.max(...rates) * Math.ceil(config.term / Math.min(...rates)) + 1;
    const guard = variant === "no-drift-guard" ? config.term : fullGuard;
    const flaws = { noSeal: variant === "no-seal", unconditionalPut: variant === "unconditional-put" };
    const model = actorModel(
      swfLogRoles({
        ownerEntries: config.entries,
        successorEntries: config.successorEntries,
        window: config.window,
        term: config.term,
        guard,
        checkpointAfter: config.checkpoint,
        flaws,
      }),
      {
        time: { rates },
        partitions: config.partitions,
        partitionable: [1], // b1: the table is 0, the backends 1 and 2
        idFields: { states: { table: ["*.value.writer"] }, messages: ["value.writer", "item.value.writer"] },
      },
    );
    const at = (holds: (procs: Procs) => boolean) => (s: SystemState) => holds(model.roles(s));
    const table = (p: Procs) => p.table[0]!;
    const owner = (p: Procs) => p.backends[ownerIndex]!;
    const successor = (p: Procs) => p.backends[successorIndex]!;
    return {
      model,
      tla: swfLogPairing(model, {
        ownerEntries: config.entries,
        successorEntries: config.successorEntries,
        window: config.window,
        term: config.term,
        guard,
        rates,
        checkpointAfter: config.checkpoint,
        partitions: config.partitions,
        flaws,
      }),
      properties: [
        always(
          "no-overwrite",
          at((p) => filledSlots(table(p)).every((slot) => (table(p)[slotKey(slot)] as StoreItem).version === 1)),
          { tla: "NoOverwrite" },
        ),
        always(
          "owner-order",
          at((p) => !deposedAfterSuccessor(table(p))),
          { tla: "OwnerOrder" },
        ),
        always("replay-matches", at(replayMatches), { tla: "ReplayMatches" }),
        always(
          "successor-holds-owner-state",
          at((p) => !ownsLog(successor(p)) || isPrefix(owner(p).entries, successor(p).entries)),
          { tla: "SuccessorHoldsOwnerState" },
        ),
        always(
          "exclusive-lease",
          at((p) => !(believesOwner(owner(p)) && tookOver(successor(p)))),
          { tla: "ExclusiveLease" },
        ),
        sometimes(
          "deposed-write-refused",
          at((p) => owner(p).phase === "deposed"),
          { tla: "NeverDeposed" },
        ),
        sometimes(
          "successor-replays-old-entries",
          at((p) => successor(p).phase === "done" && successor(p).entries.some((e) => e.startsWith("b1."))),
          { tla: "NeverReplaysOldEntries" },
        ),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
        eventually(
          "successor-completes",
          at((p) => successor(p).phase === "done"),
          { tla: "SuccessorCompletes" },
        ),
      ],
    };
  },
});
