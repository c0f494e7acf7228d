--------------------------- MODULE WriteOnceChain ---------------------------
(***************************************************************************)
(* The notes' write-once register from a chain ("Consensus") at the level  *)
(* of detail of src/protocols/write-once-chain and checker/actors: chain   *)
(* nodes 0..NNodes-1 (0 the head, the last the tail), then the proposers   *)
(* (proposer i proposes value i - NNodes + 1), then the readers; the same  *)
(* messages on an unordered, non-duplicating network (a bag), and crash-   *)
(* stop steps for nodes. A node keeps the first value it receives and      *)
(* passes the value it holds down the chain; the tail answers proposers    *)
(* and readers. Nothing reconfigures the chain: it is not fault tolerant,  *)
(* and with a crash EveryProposerLearns fails (a proposer waits forever).  *)
(*                                                                          *)
(* The known-wrong variant is the constant LastWriteWins: nodes overwrite  *)
(* with every write.                                                       *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS NNodes, NProposers, NReaders, MaxCrashes, Nil, LastWriteWins

Nodes == 0 .. NNodes - 1
Tail == NNodes - 1
Proposers == NNodes .. NNodes + NProposers - 1
Readers == NNodes + NProposers .. NNodes + NProposers + NReaders - 1

VARIABLES node,     \* node[n]: [value]
          prop,     \* prop[p]: [proposed, learned]
          rdr,      \* rdr[r]: [phase, result]
          net,      \* the messages in flight: a bag, message -> number of copies
          crashed   \* the crashed nodes

vars == <<node, prop, rdr, net, crashed>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

Init ==
  /\ node = [n \in Nodes |-> [value |-> Nil]]
  /\ prop = [p \in Proposers |-> [proposed |-> FALSE, learned |-> Nil]]
  /\ rdr = [r \in Readers |-> [phase |-> "idle", result |-> Nil]]
  /\ net = <<>>
  /\ crashed = {}

Propose(p) ==
  /\ ~prop[p].proposed
  /\ prop' = [prop EXCEPT ![p].proposed = TRUE]
  /\ net' = Put(net, [from |-> p, to |-> 0, type |-> "propose", value |-> p - NNodes + 1])
  /\ UNCHANGED <<node, rdr, crashed>>

Read(r) ==
  /\ rdr[r].phase = "idle"
  /\ rdr' = [rdr EXCEPT ![r].phase = "reading"]
  /\ net' = Put(net, [from |-> r, to |-> Tail, type |-> "read"])
  /\ UNCHANGED <<node, prop, crashed>>

(* A node keeps the first value (or, flawed, every value) and passes what it holds on, or answers as the tail. *)
NodeReceive(m, bag) ==
  LET n == m.to IN
  /\ UNCHANGED <<prop, rdr>>
  /\ IF m.type = "read"
     THEN /\ net' = Put(bag, [from |-> n, to |-> m.from, type |-> "readReply", value |-> node[n].value])
          /\ UNCHANGED node
     ELSE LET proposer == IF m.type = "propose" THEN m.from ELSE m.proposer
              value == IF node[n].value = Nil \/ LastWriteWins THEN m.value ELSE node[n].value
          IN /\ node' = [node EXCEPT ![n].value = value]
             /\ net' = Put(bag, IF n = Tail THEN [from |-> n, to |-> proposer, type |-> "decided", value |-> value]
                                ELSE [from |-> n, to |-> n + 1, type |-> "write", value |-> value, proposer |-> proposer])

ProposerReceive(m, bag) ==
  /\ net' = bag
  /\ prop' = IF m.type = "decided" /\ prop[m.to].learned = Nil THEN [prop EXCEPT ![m.to].learned = m.value] ELSE prop
  /\ UNCHANGED <<node, rdr>>

ReaderReceive(m, bag) ==
  /\ net' = bag
  /\ rdr' = IF m.type = "readReply" /\ rdr[m.to].phase = "reading" THEN [rdr EXCEPT ![m.to] = [phase |-> "read", result |-> m.value]] ELSE rdr
  /\ UNCHANGED <<node, prop>>

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ LET bag == Take(net, m) IN
     IF m.to \in Nodes THEN NodeReceive(m, bag)
     ELSE IF m.to \in Proposers THEN ProposerReceive(m, bag)
     ELSE ReaderReceive(m, bag)
  /\ UNCHANGED crashed

Crash(n) ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ n \notin crashed
  /\ crashed' = crashed \cup {n}
  /\ UNCHANGED <<node, prop, rdr, net>>

Next ==
  \/ \E p \in Proposers : Propose(p)
  \/ \E r \in Readers : Read(r)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ \E n \in Nodes : Crash(n)

Spec == Init /\ [][Next]_vars

(* Every message the processes can send: the universe the fairness of delivery ranges over. *)
Values == 1 .. NProposers
Msgs == [from : Proposers, to : {0}, type : {"propose"}, value : Values]
        \cup [from : Nodes, to : Nodes, type : {"write"}, value : Values, proposer : Proposers]
        \cup [from : {Tail}, to : Proposers, type : {"decided"}, value : Values]
        \cup [from : Readers, to : {Tail}, type : {"read"}]
        \cup [from : {Tail}, to : Readers, type : {"readReply"}, value : Values \cup {Nil}]

(* The explorer's fairness (checker/actors/system.ts): each local step and each delivery to a live    *)
(* process is weakly fair; a crash is never owed.                                                     *)
FairSpec ==
  /\ Spec
  /\ \A p \in Proposers : WF_vars(Propose(p))
  /\ \A r \in Readers : WF_vars(Read(r))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/write-once-chain/model.ts.          *)
(***************************************************************************)

Outcomes == {prop[p].learned : p \in {x \in Proposers : prop[x].learned # Nil}}
              \cup {rdr[r].result : r \in {x \in Readers : rdr[x].result # Nil}}

Agreement == Cardinality(Outcomes) <= 1
Validity == Outcomes \subseteq 1 .. NProposers

(* The twin of `sometimes value-decided`: TLC must find this invariant violated. *)
NothingDecided == \A p \in Proposers : prop[p].learned = Nil

(* The explorer's deadlock check with its final states: every proposer learned the outcome. *)
(* Final: every proposer learned the outcome (nodes and readers are always done). *)
Final == \A p \in Proposers : prop[p].learned # Nil
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
EveryProposerLearns == <>Final
=============================================================================
