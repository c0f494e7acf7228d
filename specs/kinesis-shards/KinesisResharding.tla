-------------------------- MODULE KinesisResharding --------------------------
(***************************************************************************)
(* Kinesis resharding at the level of detail of src/protocols/kinesis-     *)
(* shards (producer.ts, stream.ts) and checker/actors: the producer p      *)
(* (process 0) puts Script's partition keys one at a time to the stream    *)
(* (process 1), which numbers each record {epoch}.{shardId}.{subSeq} from  *)
(* the shard's own generator. One split (the stream's local event) closes *)
(* the first shard and splits its hash bucket on the next bit of the       *)
(* key's hash (Hash[k] % 2^depth) into two children in a new epoch; a put  *)
(* to the closed shard is redirected to the child now holding the key.     *)
(* Shard handles in messages and routes are 0-based indexes into shards,   *)
(* as in the implementation. No time, no crashes; the network is a bag.    *)
(*                                                                          *)
(* Known-wrong variants: SplitWithoutEpoch (the children keep the parent's *)
(* epoch) and ClosedShardAccepts (no redirect).                             *)
(*                                                                          *)
(* FairSpec states the explorer's fairness: weak fairness of the           *)
(* producer's put, of the split, and of delivering each message. At most   *)
(* one message is ever in flight (OneMessageAtATime, checked), so weak     *)
(* fairness of delivering some message is that of each message.           *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS Script, Hash, Nil, SplitWithoutEpoch, ClosedShardAccepts

P == 0
S == 1
Keys == {Script[i] : i \in 1 .. Len(Script)}

VARIABLES producer, \* [next, routes, pending]: the next script index (0-based), each key's shard handle, a put in flight
          shards,   \* the stream's shards: <<[epoch, id, depth, end, records]>>, end = Nil while open
          net       \* the messages in flight: a bag, message -> number of copies

vars == <<producer, shards, net>>

BagPut(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
BagTake(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

(* The producer's count of records of the key of its (0-based) script entry i, up to it: 1, 2, ... *)
CountOf(i) == Cardinality({j \in 1 .. i + 1 : Script[j] = Script[i + 1]})
PutMsg(st) ==
  LET key == Script[st.next + 1]
  IN [from |-> P, to |-> S, type |-> "put", shard |-> st.routes[key], key |-> key, n |-> CountOf(st.next)]

Init ==
  /\ producer = [next |-> 0, routes |-> [k \in Keys |-> 0], pending |-> FALSE]
  /\ shards = <<[epoch |-> 0, id |-> 0, depth |-> 0, end |-> Nil, records |-> <<>>]>>
  /\ net = <<>>

(* The producer's local event "put": the next record of its script, to the shard its routes name. *)
Put ==
  /\ ~producer.pending
  /\ producer.next < Len(Script)
  /\ producer' = [producer EXCEPT !.pending = TRUE]
  /\ net' = BagPut(net, PutMsg(producer))
  /\ UNCHANGED shards

(* The stream's local event "split" (once): the first shard closes, two children open. *)
Split ==
  /\ Len(shards) = 1
  /\ LET p == shards[1]
         Child(id) == [epoch |-> IF SplitWithoutEpoch THEN p.epoch ELSE p.epoch + 1, id |-> id, depth |-> p.depth + 1,
                       end |-> Nil, records |-> <<>>]
     IN shards' = <<[p EXCEPT !.end = Len(p.records)], Child(p.id), Child(p.id + 2 ^ p.depth)>>
  /\ UNCHANGED <<producer, net>>

(* The handle of the child of shard p that holds key now. *)
ChildOf(p, key) == CHOOSE i \in 0 .. Len(shards) - 1 : shards[i + 1].depth = p.depth + 1 /\ shards[i + 1].id = Hash[key] % 2 ^ (p.depth + 1)

StreamReceive(m, bag) ==
  LET s == shards[m.shard + 1]
  IN IF s.end # Nil /\ ~ClosedShardAccepts
     THEN /\ net' = BagPut(bag, [from |-> S, to |-> P, type |-> "redirect", shard |-> ChildOf(s, m.key)])
          /\ UNCHANGED <<producer, shards>>
     ELSE LET seq == <<s.epoch, s.id, Len(s.records) + 1>>
          IN /\ shards' = [shards EXCEPT ![m.shard + 1].records = Append(@, [key |-> m.key, n |-> m.n, seq |-> seq])]
             /\ net' = BagPut(bag, [from |-> S, to |-> P, type |-> "ack", seq |-> seq])
             /\ UNCHANGED producer

ProducerReceive(m, bag) ==
  /\ Assert(producer.pending, <<"unasked reply", m>>)
  /\ UNCHANGED shards
  /\ IF m.type = "ack"
     THEN /\ producer' = [producer EXCEPT !.next = @ + 1, !.pending = FALSE]
          /\ net' = bag
     ELSE LET st == [producer EXCEPT !.routes[Script[producer.next + 1]] = m.shard]
          IN /\ producer' = st
             /\ net' = BagPut(bag, PutMsg(st))

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ IF m.to = S THEN StreamReceive(m, BagTake(net, m)) ELSE ProducerReceive(m, BagTake(net, m))

Next == Put \/ Split \/ \E m \in DOMAIN net : Deliver(m)

Spec == Init /\ [][Next]_vars

DeliverAny == \E m \in DOMAIN net : Deliver(m)

FairSpec == Spec /\ WF_vars(Put) /\ WF_vars(Split) /\ WF_vars(DeliverAny)

(***************************************************************************)
(* Properties, twins of those in specs/kinesis-shards/resharding.ts.       *)
(***************************************************************************)

Records == UNION {{shards[j].records[i] : i \in 1 .. Len(shards[j].records)} : j \in 1 .. Len(shards)}
SeqBefore(a, b) == a[1] < b[1] \/ (a[1] = b[1] /\ (a[2] < b[2] \/ (a[2] = b[2] /\ a[3] < b[3])))

PerKeyOrder == \A r1, r2 \in Records : r1.key = r2.key /\ r1.n < r2.n => SeqBefore(r1.seq, r2.seq)
ClosedShardsSealed == \A j \in 1 .. Len(shards) : shards[j].end = Nil \/ Len(shards[j].records) = shards[j].end
OneMessageAtATime == Cardinality(DOMAIN net) <= 1 /\ \A m \in DOMAIN net : net[m] = 1

(* The twin of `sometimes key-spans-split`: TLC must find this invariant violated. *)
NeverSpansSplit ==
  ~\E k \in Keys : /\ \E i \in 1 .. Len(shards[1].records) : shards[1].records[i].key = k
                   /\ \E j \in 2 .. Len(shards) : \E i \in 1 .. Len(shards[j].records) : shards[j].records[i].key = k

Final == producer.next = Len(Script)
NoDeadlock == Final \/ ENABLED Next
EveryPutAcknowledged == <>Final
=============================================================================
