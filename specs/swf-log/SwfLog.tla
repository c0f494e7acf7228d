------------------------------- MODULE SwfLog -------------------------------
(***************************************************************************)
(* SWF's shard log on DynamoDB ("SWF Oracle to DynamoDB" in the notes) at  *)
(* the level of detail of src/protocols/swf-log and checker/actors: the    *)
(* table (process 0, a store with conditional puts), the first owner b1    *)
(* (process 1) and its successor b2 (process 2), the same messages on an   *)
(* unordered, non-duplicating network (a bag). specs/swf-log/tla.ts maps    *)
(* each explored state to these variables (toTla).                          *)
(*                                                                          *)
(* The log is one table item per slot, [entry, writer] at a version; an    *)
(* owner appends with conditional puts (expect absent), at most Window in   *)
(* flight beyond the slots it applied, and applies an entry once it and    *)
(* every earlier slot are acknowledged. b1's start is its lease and its    *)
(* ALF heartbeat to b2; b1 writes nothing after its timer says the lease   *)
(* ended. b2, Guard units of its clock after the heartbeat reached it,     *)
(* reads the checkpoint and walks the log with conditional puts of         *)
(* "sealed" (a refused one hands back b1's entry, which it replays); from  *)
(* the first slot g it sealed it fills the slots up to g + Window - 1,      *)
(* then appends from g + Window. A refused put deposes its writer.          *)
(*                                                                          *)
(* Time, as in checker/actors/environment.ts: a global tick no process     *)
(* reads; at each tick every backend with a running timer advances its     *)
(* clock by some r \in Rates (drift); timers are punctual (no tick while a *)
(* timer is due); the state keeps each timer's remaining units, never a    *)
(* clock. Message delays are unbounded. With MaxPartitions = 1 the network *)
(* may isolate b1 once (messages to and from it are held) until it heals.  *)
(*                                                                          *)
(* Known-wrong variants: NoSeal (b2 reads up to the first empty slot and   *)
(* appends from there), UnconditionalPut (the owners' appends carry no     *)
(* condition); the no-drift-guard variant is Guard = Term.                 *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each local step (b1's start, each backend's append),   *)
(* each backend's timer, the tick, the healing of a partition and the      *)
(* delivery of each message.                                               *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS OwnerEntries,      \* entries b1 appends
          SuccessorEntries,  \* entries b2 appends after taking over
          Window,            \* N: an owner's log writes in flight
          Term,              \* b1's lease, in units of its clock
          Guard,             \* b2's wait after the heartbeat, in units of its clock
          Rates,             \* how far a clock may advance in one tick
          CheckpointAfter,   \* an owner checkpoints after this many of its entries applied (0: never)
          MaxPartitions,     \* isolations of b1
          Nil,
          NoSeal,
          UnconditionalPut

Table == 0
Backends == {1, 2}
Sealed == "sealed"
Entries(p) == IF p = 1 THEN OwnerEntries ELSE SuccessorEntries
Name(p, k) == (IF p = 1 THEN "b1." ELSE "b2.") \o ToString(k)
SlotKey(s) == "log/" \o ToString(s)
(* No slot beyond this is ever touched: b1's entries, b2's walk past them, its own entries. *)
MaxSlot == OwnerEntries + 2 * Window + SuccessorEntries
Slots == 1 .. MaxSlot
SlotOf(k) == CHOOSE s \in Slots : SlotKey(s) = k
Max(a, b) == IF a > b THEN a ELSE b

VARIABLES log,        \* slot -> [entry, writer, version]: the log's items
          ckpt,       \* the checkpoint item: [upTo, entries, version]
          b,          \* b[p]: backend p's state, field for field as BackendState (acked a set)
          net,        \* the messages in flight: a bag, message -> number of copies
          timer,      \* timer[p]: units left on p's timer "lease", Nil when not running
          isolated,   \* the isolated processes
          isolations  \* isolations so far

vars == <<log, ckpt, b, net, timer, isolated, isolations>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

Init ==
  /\ log = <<>>
  /\ ckpt = [upTo |-> 0, entries |-> <<>>, version |-> 1]
  /\ b = [p \in Backends |-> [phase |-> IF p = 1 THEN "idle" ELSE "standby", entries |-> <<>>, upTo |-> 0,
                              first |-> IF p = 1 THEN 1 ELSE 0, written |-> 0, acked |-> {}, sealFrom |-> 0,
                              ckptVersion |-> IF p = 1 THEN 1 ELSE 0]]
  /\ net = <<>>
  /\ timer = [p \in Backends |-> Nil]
  /\ isolated = {}
  /\ isolations = 0

(***************************************************************************)
(* The table: conditional puts and gets, one reply to the sender.          *)
(***************************************************************************)
ItemOf(key) ==
  IF key = "checkpoint" THEN [value |-> [upTo |-> ckpt.upTo, entries |-> ckpt.entries], version |-> ckpt.version]
  ELSE LET s == SlotOf(key) IN
       IF s \in DOMAIN log THEN [value |-> [entry |-> log[s].entry, writer |-> log[s].writer], version |-> log[s].version]
       ELSE Nil

Meets(item, expect) ==
  IF "absent" \in DOMAIN expect THEN item = Nil ELSE item # Nil /\ item.version = expect.version

TableReceive(m, bag) ==
  LET item == ItemOf(m.key)
      reply(r) == net' = Put(bag, [from |-> Table, to |-> m.from, key |-> m.key] @@ r)
  IN /\ UNCHANGED <<b, timer, isolated, isolations>>
     /\ IF m.store = "get"
        THEN /\ reply([store |-> "got", item |-> item])
             /\ UNCHANGED <<log, ckpt>>
        ELSE IF "expect" \in DOMAIN m /\ ~Meets(item, m.expect)
        THEN /\ reply([store |-> "put-failed", item |-> item])
             /\ UNCHANGED <<log, ckpt>>
        ELSE LET version == IF item = Nil THEN 1 ELSE item.version + 1
             IN /\ reply([store |-> "put-ok", version |-> version])
                /\ IF m.key = "checkpoint"
                   THEN /\ ckpt' = [upTo |-> m.value.upTo, entries |-> m.value.entries, version |-> version]
                        /\ UNCHANGED log
                   ELSE /\ log' = LET s == SlotOf(m.key)
                                  IN [x \in DOMAIN log \cup {s} |->
                                        IF x = s THEN [entry |-> m.value.entry, writer |-> m.value.writer, version |-> version]
                                        ELSE log[x]]
                        /\ UNCHANGED ckpt

(***************************************************************************)
(* The backends.                                                           *)
(***************************************************************************)
ToTable(p, fields) == [from |-> p, to |-> Table] @@ fields
OwnApplied(st) == IF st.first = 0 THEN 0 ELSE Max(0, st.upTo - st.first + 1)

(* The successor's next step of its walk: seal slot s (or, flawed, read it), from state st. *)
WalkMsg(p, s) ==
  IF NoSeal THEN ToTable(p, [store |-> "get", key |-> SlotKey(s)])
  ELSE ToTable(p, [store |-> "put", key |-> SlotKey(s), value |-> [entry |-> Sealed, writer |-> p], expect |-> [absent |-> TRUE]])
Walk(p, st, s, bag) ==
  /\ b' = [b EXCEPT ![p] = st]
  /\ net' = Put(bag, WalkMsg(p, s))
  /\ UNCHANGED timer

BecomeOwner(st, f) == [st EXCEPT !.phase = "owner", !.first = f, !.written = 0, !.acked = {}]

(* After the successor filled slot s: walk on, or own the log from s + 1. *)
Filled(p, st, s, bag) ==
  IF st.sealFrom > 0 /\ s >= st.sealFrom + Window - 1
  THEN /\ b' = [b EXCEPT ![p] = BecomeOwner(st, s + 1)]
       /\ net' = bag
       /\ UNCHANGED timer
  ELSE Walk(p, st, s + 1, bag)

(* The highest slot u such that every slot from st.upTo + 1 to u is in acked. *)
RECURSIVE Contiguous(_, _)
Contiguous(u, acked) == IF u + 1 \in acked THEN Contiguous(u + 1, acked) ELSE u

(* Owner p's slot s was acknowledged: apply what is now contiguous; a checkpoint and done when due. *)
Acknowledged(p, st, s, bag) ==
  LET acked == st.acked \cup {s}
      upTo == Contiguous(st.upTo, acked)
      entries == st.entries \o [i \in 1 .. upTo - st.upTo |-> Name(p, st.upTo + i - st.first + 1)]
      next == [st EXCEPT !.acked = acked \ (st.upTo + 1 .. upTo), !.upTo = upTo, !.entries = entries]
      holding == st.phase = "owner"
      checkpoint == holding /\ CheckpointAfter > 0 /\ OwnApplied(st) < CheckpointAfter /\ OwnApplied(next) >= CheckpointAfter
      finished == holding /\ OwnApplied(next) = Entries(p)
  IN /\ net' = IF checkpoint
               THEN Put(bag, ToTable(p, [store |-> "put", key |-> "checkpoint", value |-> [upTo |-> upTo, entries |-> entries],
                                         expect |-> [version |-> st.ckptVersion]]))
               ELSE bag
     /\ b' = [b EXCEPT ![p] = IF finished THEN [next EXCEPT !.phase = "done"] ELSE next]
     /\ timer' = IF finished THEN [timer EXCEPT ![p] = Nil] ELSE timer

Unchanged(bag) == /\ net' = bag
                  /\ UNCHANGED <<b, timer>>

ReplyToBackend(p, m, bag) ==
  LET st == b[p] IN
  IF m.key = "checkpoint"
  THEN IF m.store = "got" /\ st.phase = "replaying" /\ m.item # Nil
       THEN Walk(p, [st EXCEPT !.entries = m.item.value.entries, !.upTo = m.item.value.upTo, !.ckptVersion = m.item.version],
                 m.item.value.upTo + 1, bag)
       ELSE Unchanged(bag)
  ELSE LET s == SlotOf(m.key) IN
  IF st.phase = "replaying"
  THEN IF m.store = "put-ok"
       THEN Filled(p, [st EXCEPT !.upTo = s, !.sealFrom = IF st.sealFrom > 0 THEN st.sealFrom ELSE s], s, bag)
       ELSE IF m.store = "got" /\ m.item = Nil
       THEN /\ b' = [b EXCEPT ![p] = BecomeOwner(st, s)]
            /\ net' = bag
            /\ UNCHANGED timer
       ELSE IF m.item.value.entry = Sealed
       THEN /\ b' = [b EXCEPT ![p].phase = "deposed"]
            /\ net' = bag
            /\ UNCHANGED timer
       ELSE LET replayed == [st EXCEPT !.upTo = s, !.entries = Append(@, m.item.value.entry)]
            IN IF m.store = "got" THEN Walk(p, replayed, s + 1, bag) ELSE Filled(p, replayed, s, bag)
  ELSE IF st.phase \notin {"owner", "expired"}
  THEN Unchanged(bag)
  ELSE IF m.store = "put-ok"
  THEN Acknowledged(p, st, s, bag)
  ELSE /\ b' = [b EXCEPT ![p].phase = "deposed"]
       /\ timer' = [timer EXCEPT ![p] = Nil]
       /\ net' = bag

BackendReceive(p, m, bag) ==
  /\ UNCHANGED <<log, ckpt, isolated, isolations>>
  /\ IF "type" \in DOMAIN m
     THEN /\ net' = bag
          /\ b' = b
          /\ timer' = IF b[p].phase = "standby" THEN [timer EXCEPT ![p] = Guard] ELSE timer
     ELSE ReplyToBackend(p, m, bag)

LinkCut(from, to) == from # to /\ (from \in isolated \/ to \in isolated)

(* Message m, in flight on a link that is not cut, is delivered. *)
Deliver(m) ==
  /\ m \in DOMAIN net
  /\ ~LinkCut(m.from, m.to)
  /\ IF m.to = Table THEN TableReceive(m, Take(net, m)) ELSE BackendReceive(m.to, m, Take(net, m))

(* b1 starts: its lease, and its heartbeat to b2. *)
Start(p) ==
  /\ b[p].phase = "idle"
  /\ b' = [b EXCEPT ![p].phase = "owner"]
  /\ timer' = [timer EXCEPT ![p] = Term]
  /\ net' = Put(net, [from |-> p, to |-> 2, type |-> "heartbeat"])
  /\ UNCHANGED <<log, ckpt, isolated, isolations>>

(* Owner p sends its next entry, within its window. *)
AppendEntry(p) ==
  LET st == b[p]
      slot == st.first + st.written
      fields == [store |-> "put", key |-> SlotKey(slot), value |-> [entry |-> Name(p, st.written + 1), writer |-> p]]
  IN /\ st.phase = "owner"
     /\ st.written < Entries(p)
     /\ slot <= st.upTo + Window
     /\ b' = [b EXCEPT ![p].written = @ + 1]
     /\ net' = Put(net, ToTable(p, IF UnconditionalPut THEN fields ELSE fields @@ [expect |-> [absent |-> TRUE]]))
     /\ UNCHANGED <<log, ckpt, timer, isolated, isolations>>

(* p's timer fires: b2 in standby takes over (reads the checkpoint); b1 as owner lets its lease expire. *)
TimerFires(p) ==
  /\ timer[p] = 0
  /\ timer' = [timer EXCEPT ![p] = Nil]
  /\ UNCHANGED <<log, ckpt, isolated, isolations>>
  /\ IF b[p].phase = "standby"
     THEN /\ b' = [b EXCEPT ![p].phase = "replaying"]
          /\ net' = Put(net, ToTable(p, [store |-> "get", key |-> "checkpoint"]))
     ELSE /\ b' = IF b[p].phase = "owner" THEN [b EXCEPT ![p].phase = "expired"] ELSE b
          /\ net' = net

Moving == {p \in Backends : timer[p] # Nil}

(* Time passes: no timer is due; each backend with a running timer advances its clock by one of Rates. *)
Tick ==
  /\ Moving # {}
  /\ \A p \in Moving : timer[p] > 0
  /\ \E adv \in [Moving -> Rates] :
       timer' = [p \in Backends |-> IF p \in Moving THEN Max(0, timer[p] - adv[p]) ELSE Nil]
  /\ UNCHANGED <<log, ckpt, b, net, isolated, isolations>>

Isolate(p) ==
  /\ isolations < MaxPartitions
  /\ p \notin isolated
  /\ isolated' = isolated \cup {p}
  /\ isolations' = isolations + 1
  /\ UNCHANGED <<log, ckpt, b, net, timer>>

Heal ==
  /\ isolated # {}
  /\ isolated' = {}
  /\ UNCHANGED <<log, ckpt, b, net, timer, isolations>>

Next ==
  \/ Start(1)
  \/ \E p \in Backends : AppendEntry(p)
  \/ \E p \in Backends : TimerFires(p)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ Tick
  \/ Isolate(1)
  \/ Heal

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Msgs: a finite superset of every message the configuration can send,   *)
(* the universe the fairness of delivery ranges over (TLC enumerates it    *)
(* for each WF conjunct, so it is kept close to what each backend sends).  *)
(* b1 writes slots 1..OwnerEntries and may checkpoint its first entries;   *)
(* b2 seals, reads and appends anywhere, and its checkpoint holds some of  *)
(* b1's entries in order (a seal may land before an earlier entry of b1)   *)
(* then its own, over at most Window sealed slots. Versions: a slot is     *)
(* written at most three times, the checkpoint at most twice after start.  *)
(***************************************************************************)
Prefix(p, n) == [i \in 1 .. n |-> Name(p, i)]
RECURSIVE Subseqs(_)
Subseqs(n) == IF n = 0 THEN {<<>>} ELSE Subseqs(n - 1) \cup {s \o <<Name(1, n)>> : s \in Subseqs(n - 1)}
OwnCkpts(p) ==
  IF p = 1 THEN {[upTo |-> i, entries |-> Prefix(1, i)] : i \in 1 .. OwnerEntries}
  ELSE {[upTo |-> Len(s) + j + k, entries |-> s \o Prefix(2, j)] : s \in Subseqs(OwnerEntries), j \in 1 .. SuccessorEntries, k \in 0 .. Window}
CkptValues == {[upTo |-> 0, entries |-> <<>>]} \cup OwnCkpts(1) \cup OwnCkpts(2)
OwnValues(p) == {[entry |-> Name(p, k), writer |-> p] : k \in 1 .. Entries(p)}
Writable(p) == OwnValues(p) \cup (IF p = 2 THEN {[entry |-> Sealed, writer |-> 2]} ELSE {})
SlotItems == [value : Writable(1) \cup Writable(2), version : 1 .. 3]
CkptItems == [value : CkptValues, version : 1 .. 3]
KeysOf(p) == {SlotKey(s) : s \in IF p = 1 THEN 1 .. OwnerEntries ELSE Slots}
Requests(p) ==
  {ToTable(p, [store |-> "put", key |-> k, value |-> v, expect |-> [absent |-> TRUE]]) : k \in KeysOf(p), v \in Writable(p)}
  \cup {ToTable(p, [store |-> "put", key |-> "checkpoint", value |-> v, expect |-> [version |-> n]]) : v \in OwnCkpts(p), n \in 1 .. 3}
  \cup (IF UnconditionalPut THEN {ToTable(p, [store |-> "put", key |-> k, value |-> v]) : k \in KeysOf(p), v \in OwnValues(p)} ELSE {})
  \cup (IF p = 2 THEN {ToTable(p, [store |-> "get", key |-> k]) : k \in {"checkpoint"} \cup (IF NoSeal THEN KeysOf(p) ELSE {})} ELSE {})
Replies(p) ==
  {[from |-> Table, to |-> p, store |-> "put-ok", key |-> k, version |-> n] : k \in KeysOf(p) \cup {"checkpoint"}, n \in 1 .. 3}
  \cup {[from |-> Table, to |-> p, store |-> "put-failed", key |-> k, item |-> i] : k \in KeysOf(p), i \in SlotItems}
  \cup {[from |-> Table, to |-> p, store |-> "put-failed", key |-> "checkpoint", item |-> i] : i \in CkptItems}
  \cup (IF p = 2 THEN {[from |-> Table, to |-> p, store |-> "got", key |-> "checkpoint", item |-> i] : i \in CkptItems} ELSE {})
  \cup (IF p = 2 /\ NoSeal THEN {[from |-> Table, to |-> p, store |-> "got", key |-> k, item |-> i] : k \in KeysOf(p), i \in {Nil} \cup SlotItems}
       ELSE {})
Msgs == {[from |-> 1, to |-> 2, type |-> "heartbeat"]} \cup UNION {Requests(p) \cup Replies(p) : p \in Backends}

(* Not a twin: TLC checked it as an INVARIANT (Init/Next) on the recorded configurations, so no message in flight *)
(* lacks its fairness.                                                                                            *)
MsgsCoverNet == DOMAIN net \subseteq Msgs

FairSpec ==
  /\ Spec
  /\ WF_vars(Start(1))
  /\ \A p \in Backends : WF_vars(AppendEntry(p)) /\ WF_vars(TimerFires(p))
  /\ WF_vars(Tick)
  /\ WF_vars(Heal)
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/swf-log/model.ts.                   *)
(***************************************************************************)

NoOverwrite == \A s \in DOMAIN log : log[s].version = 1

OwnerOrder == ~\E i, j \in DOMAIN log :
                 /\ i < j
                 /\ log[i].entry # Sealed /\ log[j].entry # Sealed
                 /\ log[i].writer = 2 /\ log[j].writer = 1

(* The entries of slots 1..u in order, sealed slots skipped; Nil when one of them is empty. *)
RECURSIVE ReplayFrom(_, _, _)
ReplayFrom(s, u, acc) ==
  IF s > u THEN acc
  ELSE IF s \notin DOMAIN log THEN Nil
  ELSE ReplayFrom(s + 1, u, IF log[s].entry = Sealed THEN acc ELSE Append(acc, log[s].entry))
Replay(u) == ReplayFrom(1, u, <<>>)

ReplayMatches == /\ Replay(ckpt.upTo) = ckpt.entries
                 /\ \A p \in Backends : Replay(b[p].upTo) = b[p].entries

IsPrefix(s, t) == Len(s) <= Len(t) /\ SubSeq(t, 1, Len(s)) = s
SuccessorHoldsOwnerState == b[2].phase \in {"owner", "done"} => IsPrefix(b[1].entries, b[2].entries)

ExclusiveLease == ~(b[1].phase = "owner" /\ b[2].phase \in {"replaying", "owner", "done"})

(* The twins of the `sometimes` properties: TLC must find these invariants violated. *)
NeverDeposed == b[1].phase # "deposed"
NeverReplaysOldEntries == ~(b[2].phase = "done" /\ \E i \in DOMAIN b[2].entries : \E k \in 1 .. OwnerEntries : b[2].entries[i] = Name(1, k))

(* The explorer's final states: every backend is done, expired or deposed (the table is always done). *)
Final == \A p \in Backends : b[p].phase \in {"done", "expired", "deposed"}
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
SuccessorCompletes == <>(b[2].phase = "done")
=============================================================================
