------------------------------- MODULE Paxos -------------------------------
(***************************************************************************)
(* Single-decree Paxos at the level of detail of src/protocols/paxos and   *)
(* checker/actors: proposers 0..NProposers-1 (proposer p proposes value    *)
(* p + 1 with ballot p + 1, one attempt each), then the acceptors, then    *)
(* the learners; the same messages on an unordered, non-duplicating        *)
(* network (a bag), and crash-stop steps for acceptors. Acceptors keep     *)
(* every proposal they accepted (votes, a ghost) so that "chosen" (a       *)
(* majority accepted it in one ballot) is exact. specs/paxos/model.ts maps *)
(* each explored state to these variables (toTla).                         *)
(*                                                                          *)
(* The known-wrong variant is the constant AcceptWithoutPromiseCheck: an   *)
(* acceptor accepts a proposal below the ballot it promised.               *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS NProposers, NAcceptors, NLearners, MaxCrashes, Nil, AcceptWithoutPromiseCheck

Proposers == 0 .. NProposers - 1
\* Under SYMMETRY (MC*Symmetry.cfg, interleave tlc --symmetry) Acceptors is overridden by model values that TLC
\* permutes: the acceptors' ids are only compared for equality and membership here, never ordered or added.
Acceptors == NProposers .. NProposers + NAcceptors - 1
Learners == NProposers + NAcceptors .. NProposers + NAcceptors + NLearners - 1
Majority == NAcceptors \div 2 + 1
Max(a, b) == IF a > b THEN a ELSE b

VARIABLES prop,     \* prop[p]: [phase, promises, highest, value]
          acc,      \* acc[a]: [promised, accepted, votes]
          lrn,      \* lrn[l]: [heard (<<ballot, acceptor>> pairs), learned]
          net,      \* the messages in flight: a bag, message -> number of copies
          crashed   \* the crashed acceptors

vars == <<prop, acc, lrn, net, crashed>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE PutEach(_, _)
PutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN PutEach(Put(bag, m), ms \ {m})

Init ==
  /\ prop = [p \in Proposers |-> [phase |-> "idle", promises |-> {}, highest |-> Nil, value |-> Nil]]
  /\ acc = [a \in Acceptors |-> [promised |-> 0, accepted |-> Nil, votes |-> {}]]
  /\ lrn = [l \in Learners |-> [heard |-> {}, learned |-> Nil]]
  /\ net = <<>>
  /\ crashed = {}

(* Phase 1: proposer p asks every acceptor to promise its ballot. *)
Propose(p) ==
  /\ prop[p].phase = "idle"
  /\ prop' = [prop EXCEPT ![p].phase = "preparing"]
  /\ net' = PutEach(net, {[from |-> p, to |-> a, type |-> "prepare", ballot |-> p + 1] : a \in Acceptors})
  /\ UNCHANGED <<acc, lrn, crashed>>

(* Phase 2 starts with a majority of promises: the value of the highest-ballot proposal reported, else p's own. *)
ProposerReceive(m, bag) ==
  LET p == m.to
      st == prop[p]
      promises == st.promises \cup {m.from}
      highest == IF m.accepted # Nil /\ (st.highest = Nil \/ m.accepted.ballot > st.highest.ballot) THEN m.accepted ELSE st.highest
      value == IF highest = Nil THEN p + 1 ELSE highest.value
  IN /\ UNCHANGED <<acc, lrn>>
     /\ IF m.type = "promise" /\ m.ballot = p + 1 /\ st.phase = "preparing" /\ m.from \notin st.promises
        THEN IF Cardinality(promises) < Majority
             THEN /\ prop' = [prop EXCEPT ![p] = [st EXCEPT !.promises = promises, !.highest = highest]]
                  /\ net' = bag
             ELSE /\ prop' = [prop EXCEPT ![p] = [phase |-> "accepting", promises |-> promises, highest |-> highest, value |-> value]]
                  /\ net' = PutEach(bag, {[from |-> p, to |-> a, type |-> "accept", ballot |-> p + 1, value |-> value] : a \in Acceptors})
        ELSE /\ prop' = prop
             /\ net' = bag

AcceptorReceive(m, bag) ==
  LET a == m.to
      st == acc[a]
  IN /\ UNCHANGED <<prop, lrn>>
     /\ IF m.type = "prepare" /\ m.ballot > st.promised
        THEN /\ acc' = [acc EXCEPT ![a].promised = m.ballot]
             /\ net' = Put(bag, [from |-> a, to |-> m.from, type |-> "promise", ballot |-> m.ballot, accepted |-> st.accepted])
        ELSE IF m.type = "accept" /\ (m.ballot >= st.promised \/ AcceptWithoutPromiseCheck)
        THEN LET proposal == [ballot |-> m.ballot, value |-> m.value]
             IN /\ acc' = [acc EXCEPT ![a] = [promised |-> Max(st.promised, m.ballot), accepted |-> proposal,
                                               votes |-> {v \in st.votes : v.ballot # m.ballot} \cup {proposal}]]
                /\ net' = PutEach(bag, {[from |-> a, to |-> l, type |-> "accepted", ballot |-> m.ballot, value |-> m.value] : l \in Learners})
        ELSE /\ acc' = acc
             /\ net' = bag

(* A learner learns a value once a majority of acceptors report accepting it in one ballot. *)
LearnerReceive(m, bag) ==
  LET l == m.to
      st == lrn[l]
      heard == st.heard \cup {<<m.ballot, m.from>>}
  IN /\ UNCHANGED <<prop, acc>>
     /\ net' = bag
     /\ IF m.type = "accepted" /\ st.learned = Nil /\ <<m.ballot, m.from>> \notin st.heard
        THEN lrn' = [lrn EXCEPT ![l] = [heard |-> heard,
                       learned |-> IF Cardinality({h \in heard : h[1] = m.ballot}) >= Majority THEN m.value ELSE Nil]]
        ELSE lrn' = lrn

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ LET bag == Take(net, m) IN
     IF m.to \in Proposers THEN ProposerReceive(m, bag)
     ELSE IF m.to \in Acceptors THEN AcceptorReceive(m, bag)
     ELSE LearnerReceive(m, bag)
  /\ UNCHANGED crashed

Crash(a) ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ a \notin crashed
  /\ crashed' = crashed \cup {a}
  /\ UNCHANGED <<prop, acc, lrn, net>>

Next ==
  \/ \E p \in Proposers : Propose(p)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ \E a \in Acceptors : Crash(a)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Fairness as the explorer's (checker/actors/system.ts): weak fairness of *)
(* each proposer's proposal and of delivering each message to a live       *)
(* process; a crash is never owed. Msgs is every message that can be sent. *)
(***************************************************************************)
Ballots == 1 .. NProposers
Proposals == [ballot : Ballots, value : Ballots]
Msgs == [from : Proposers, to : Acceptors, type : {"prepare"}, ballot : Ballots]
        \cup [from : Proposers, to : Acceptors, type : {"accept"}, ballot : Ballots, value : Ballots]
        \cup [from : Acceptors, to : Proposers, type : {"promise"}, ballot : Ballots, accepted : Proposals \cup {Nil}]
        \cup [from : Acceptors, to : Learners, type : {"accepted"}, ballot : Ballots, value : Ballots]

FairSpec ==
  /\ Spec
  /\ \A p \in Proposers : WF_vars(Propose(p))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/paxos/model.ts.                     *)
(***************************************************************************)

Learned == {lrn[l].learned : l \in {x \in Learners : lrn[x].learned # Nil}}
AllChosen == {v \in UNION {{x.value : x \in acc[a].votes} : a \in Acceptors} :
                \E b \in UNION {{x.ballot : x \in acc[a].votes} : a \in Acceptors} :
                  Cardinality({a \in Acceptors : [ballot |-> b, value |-> v] \in acc[a].votes}) >= Majority}

Agreement == Cardinality(AllChosen) <= 1
Validity == AllChosen \cup Learned \subseteq 1 .. NProposers
LearnedIsChosen == Learned \subseteq AllChosen

(* The twin of `sometimes value-chosen`: TLC must find this invariant violated. *)
NothingChosen == AllChosen = {}

(* Final: every learner learned a value (crashed processes count as done; learners do not crash). *)
Final == \A l \in Learners : lrn[l].learned # Nil
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
EventuallyChosen == <>(AllChosen # {})
=============================================================================
