---------------------------- MODULE KinesisShards ----------------------------
(***************************************************************************)
(* Kinesis shard leases with checkpoint/replay, at the level of detail of  *)
(* src/protocols/kinesis-shards and checkpoint/actors: workers 0..W-1 and  *)
(* the lease table (process W, a store with conditional puts) holding the  *)
(* one shard's item [value, version], value = [owner, lease, checkpoint,   *)
(* shardEnd, result]. The shard is closed: records 1..N, immutable data.   *)
(* Messages (requests to the table and its replies) travel an unordered,   *)
(* non-duplicating network (a bag).                                         *)
(*                                                                          *)
(* A worker reads the item; an unowned lease it takes at once, a held one  *)
(* after its expiry timer ran Expiry units with the item unchanged, by a   *)
(* put conditional on the version it read. Holding the lease it processes  *)
(* the records after the stored checkpoint one at a time, writing the      *)
(* checkpoint with the state (result) in one put conditional on its last   *)
(* version; a failed put sends it back to watching; after the last record  *)
(* it writes SHARD_END. No worker takes a lease whose number reached       *)
(* MaxLease (the model's bound on grants).                                  *)
(*                                                                          *)
(* Time, as the explorer states it (checker/actors/environment.ts): a      *)
(* global tick no process reads; each running timer loses one unit a tick  *)
(* (rates [1]); no tick while a timer is due (0); expiry[w] is worker w's  *)
(* timer (-1: not running). Crash-stop: up to MaxCrashes workers crash,    *)
(* keep their state, lose their timer; messages to them stay undelivered.  *)
(*                                                                          *)
(* Known-wrong variants: CheckpointBeforeProcessing (a record is           *)
(* checkpointed before it is processed) and UnconditionalCheckpoint        *)
(* (checkpoint puts carry no condition).                                    *)
(*                                                                          *)
(* FairSpec states the explorer's fairness: weak fairness of each worker's *)
(* start, of its timer, of the tick, and of delivering each message. A     *)
(* worker has at most one request or reply in flight (OneRequestAtATime,  *)
(* checked as an invariant), and a message to or from it stays the same   *)
(* until delivered, so weak fairness of delivering some message from w,   *)
(* and some message to w, is weak fairness of each message.                *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS W, N, Expiry, MaxLease, MaxCrashes, Nil, CheckpointBeforeProcessing, UnconditionalCheckpoint

Workers == 0 .. W - 1
T == W            \* the lease table's id
Key == "shard0"
Stream == [i \in 1 .. N |-> i]

VARIABLES worker,  \* worker[w]: [phase, version, lease, checkpoint, position, result]
          table,   \* the shard's item: [value |-> [owner, lease, checkpoint, shardEnd, result], version]
          net,     \* the messages in flight: a bag, message -> number of copies
          crashed, \* the crashed workers
          expiry   \* expiry[w]: units left on worker w's expiry timer; -1 when it does not run

vars == <<worker, table, net, crashed, expiry>>

BagPut(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
BagTake(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE BagPutEach(_, _)
BagPutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN BagPutEach(BagPut(bag, m), ms \ {m})

Blank(phase) == [phase |-> phase, version |-> 0, lease |-> 0, checkpoint |-> 0, position |-> 0, result |-> <<>>]

GetMsg(w) == [from |-> w, to |-> T, store |-> "get", key |-> Key]
PutMsg(w, st, value, conditional) ==
  IF conditional THEN [from |-> w, to |-> T, store |-> "put", key |-> Key, value |-> value, expect |-> [version |-> st.version]]
  ELSE [from |-> w, to |-> T, store |-> "put", key |-> Key, value |-> value]

(* A worker's step: its next state, the messages it sends (at most one), whether it (re)starts its expiry timer. *)
Step(st, msgs, timer) == [st |-> st, msgs |-> msgs, timer |-> timer]

(* Taking the lease seen in st over: the same checkpoint and state, w as owner, the next lease number. *)
TakeLease(w, st) ==
  LET lease == st.lease + 1
  IN Step([st EXCEPT !.phase = "taking", !.lease = lease],
          {PutMsg(w, st, [owner |-> w, lease |-> lease, checkpoint |-> st.checkpoint, shardEnd |-> FALSE, result |-> st.result], TRUE)},
          FALSE)

(* Reading an item (read, or returned by a failed put): done if the shard ended, else take the lease or watch it. *)
Observe(w, item) ==
  LET r == item.value
      seen == [phase |-> "watching", version |-> item.version, lease |-> r.lease, checkpoint |-> r.checkpoint,
               position |-> r.checkpoint, result |-> r.result]
  IN IF r.shardEnd THEN Step(Blank("done"), {}, FALSE)
     ELSE IF r.owner = Nil /\ r.lease < MaxLease THEN TakeLease(w, seen)
     ELSE Step(seen, {}, TRUE)

(* The holder's next write: process the next record and checkpoint it, or SHARD_END after the last. *)
Advance(w, st) ==
  LET Write(next, end) ==
        Step(next, {PutMsg(w, next, [owner |-> w, lease |-> next.lease, checkpoint |-> next.position, shardEnd |-> end,
                                     result |-> next.result], ~UnconditionalCheckpoint)}, FALSE)
      pos == st.position + 1
  IN IF st.position = N THEN Write([st EXCEPT !.phase = "ending"], TRUE)
     ELSE IF CheckpointBeforeProcessing THEN Write([st EXCEPT !.phase = "writing", !.position = pos], FALSE)
     ELSE Write([st EXCEPT !.phase = "writing", !.position = pos, !.result = Append(@, Stream[pos])], FALSE)

WorkerReceive(w, m) ==
  LET st == worker[w]
  IN IF m.store = "got" /\ st.phase = "observing" THEN Observe(w, m.item)
     ELSE IF m.store = "put-failed" /\ st.phase \in {"taking", "writing", "ending"} THEN Observe(w, m.item)
     ELSE IF m.store = "put-ok" /\ st.phase = "taking" THEN Advance(w, [st EXCEPT !.version = m.version])
     ELSE IF m.store = "put-ok" /\ st.phase = "writing"
     THEN Advance(w, [st EXCEPT !.version = m.version, !.checkpoint = st.position,
                                !.result = IF CheckpointBeforeProcessing THEN Append(@, Stream[st.position]) ELSE @])
     ELSE IF m.store = "put-ok" /\ st.phase = "ending" THEN Step(Blank("done"), {}, FALSE)
     ELSE Assert(FALSE, <<"unexpected reply", w, m>>)

(* Worker w takes step r; bag is the network after the delivery (if any); its timer is first stopped if `fired`. *)
Apply(w, r, bag, fired) ==
  /\ worker' = [worker EXCEPT ![w] = r.st]
  /\ net' = BagPutEach(bag, r.msgs)
  /\ expiry' = [expiry EXCEPT ![w] = IF r.timer THEN Expiry ELSE IF fired THEN -1 ELSE @]
  /\ UNCHANGED <<table, crashed>>

(* The table answers a request: a read, or a put that succeeds if its condition holds (the version goes up by one). *)
TableReceive(m, bag) ==
  LET ok == m.store = "put" /\ ("expect" \in DOMAIN m => table.version = m.expect.version)
      reply == IF m.store = "get" THEN [from |-> T, to |-> m.from, store |-> "got", key |-> Key, item |-> table]
               ELSE IF ok THEN [from |-> T, to |-> m.from, store |-> "put-ok", key |-> Key, version |-> table.version + 1]
               ELSE [from |-> T, to |-> m.from, store |-> "put-failed", key |-> Key, item |-> table]
  IN /\ table' = IF ok THEN [value |-> m.value, version |-> table.version + 1] ELSE table
     /\ net' = BagPut(bag, reply)
     /\ UNCHANGED <<worker, crashed, expiry>>

Init ==
  /\ worker = [w \in Workers |-> Blank("idle")]
  /\ table = [value |-> [owner |-> Nil, lease |-> 0, checkpoint |-> 0, shardEnd |-> FALSE, result |-> <<>>], version |-> 1]
  /\ net = <<>>
  /\ crashed = {}
  /\ expiry = [w \in Workers |-> -1]

(* A worker's local event "start": it reads the table. *)
Start(w) ==
  /\ w \notin crashed
  /\ worker[w].phase = "idle"
  /\ worker' = [worker EXCEPT ![w] = Blank("observing")]
  /\ net' = BagPut(net, GetMsg(w))
  /\ UNCHANGED <<table, crashed, expiry>>

(* Worker w's expiry timer fires: it takes the lease over, or (no grant left) reads the table again. *)
Fire(w) ==
  /\ expiry[w] = 0
  /\ Assert(worker[w].phase = "watching", <<"expiry fired while", worker[w].phase>>)
  /\ Apply(w, IF worker[w].lease < MaxLease THEN TakeLease(w, worker[w]) ELSE Step(Blank("observing"), {GetMsg(w)}, FALSE), net, TRUE)

(* Time passes: every running timer loses a unit; never while one is due. (A set, not \E: TLC would generate the *)
(* step once per running timer, and the counts of generated states would no longer be the explorer's.)          *)
Tick ==
  /\ {w \in Workers : expiry[w] > 0} # {}
  /\ \A w \in Workers : expiry[w] # 0
  /\ expiry' = [w \in Workers |-> IF expiry[w] > 0 THEN expiry[w] - 1 ELSE expiry[w]]
  /\ UNCHANGED <<worker, table, net, crashed>>

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ IF m.to = T THEN TableReceive(m, BagTake(net, m)) ELSE Apply(m.to, WorkerReceive(m.to, m), BagTake(net, m), FALSE)

(* A worker crashes (crash-stop): it keeps its state, loses its timer, and receives nothing more. *)
Crash(w) ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ w \notin crashed
  /\ crashed' = crashed \cup {w}
  /\ expiry' = [expiry EXCEPT ![w] = -1]
  /\ UNCHANGED <<worker, table, net>>

Next ==
  \/ \E w \in Workers : Start(w) \/ Fire(w) \/ Crash(w)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ Tick

Spec == Init /\ [][Next]_vars

DeliverFrom(w) == \E m \in DOMAIN net : m.from = w /\ Deliver(m)
DeliverTo(w) == \E m \in DOMAIN net : m.to = w /\ Deliver(m)

FairSpec ==
  /\ Spec
  /\ \A w \in Workers : WF_vars(Start(w)) /\ WF_vars(Fire(w)) /\ WF_vars(DeliverFrom(w)) /\ WF_vars(DeliverTo(w))
  /\ WF_vars(Tick)

(***************************************************************************)
(* Properties, twins of those in specs/kinesis-shards/model.ts.            *)
(***************************************************************************)

Item == table.value
Holders == {w \in Workers : worker[w].phase \in {"writing", "ending"}}
Prefix(k) == [i \in 1 .. k |-> i]

ExactlyOnce == Item.result = Prefix(Item.checkpoint)
NoLoss == Item.shardEnd => Item.result = Prefix(N)
LeaseFenced == \A w \in Holders : Item.lease >= worker[w].lease
NoRegression == \A w \in Holders : Item.checkpoint >= worker[w].checkpoint
InFlight(w) == {m \in DOMAIN net : m.from = w \/ m.to = w}
OneRequestAtATime == \A w \in Workers : Cardinality(InFlight(w)) <= 1 /\ \A m \in InFlight(w) : net[m] = 1

(* The twin of `sometimes lease-taken-over`: TLC must find this invariant violated. *)
NeverTakenOver == Item.lease < 2

Final == \A w \in Workers : w \in crashed \/ worker[w].phase = "done"
NoDeadlock == Final \/ ENABLED Next

OwnerDown == Item.owner # Nil /\ Item.owner \in crashed
ExpiredLeaseTakenOver == (OwnerDown /\ ~Item.shardEnd /\ Item.lease < MaxLease) ~> (Item.shardEnd \/ ~OwnerDown)
ShardEnds == <>(Item.shardEnd \/ (OwnerDown /\ Item.lease = MaxLease))
=============================================================================
