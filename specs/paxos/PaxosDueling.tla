---------------------------- MODULE PaxosDueling ----------------------------
(***************************************************************************)
(* Single-decree Paxos with proposers that retry: the dueling-proposers    *)
(* variant of specs/paxos/model.ts, at the level of detail of              *)
(* src/protocols/paxos (retrying-proposer.ts, acceptor.ts with answersAll, *)
(* ballot-ranks.ts). Proposers 0..NProposers-1 (proposer p proposes value  *)
(* p + 1, first with ballot p + 1), then the acceptors; no learners and no *)
(* crashes. An acceptor answers every request: a promise or an acceptance, *)
(* else a nack naming the higher ballot it promised. A proposer is done    *)
(* when a majority accepted its proposal; once every acceptor answered a   *)
(* failed attempt it starts a new one with a ballot just above the highest *)
(* one refused it.                                                         *)
(*                                                                          *)
(* The abstraction that keeps it finite: ballots are only compared, so     *)
(* after every step they are renamed to their ranks 1..k among the ballots *)
(* in use (0 stays "none"), and ghost votes of a ballot no acceptor can    *)
(* accept any more and no majority accepted are forgotten (Canon). A new   *)
(* ballot "just above t" is made by shifting every ballot above t up by    *)
(* one. The renaming is a bisimulation, so a lasso here is a real run with *)
(* ever higher ballots: two proposers preempting each other forever.       *)
(*                                                                          *)
(* Steps are written as functions from the state to the next "world"       *)
(* (a record of the variables), so that Canon can be applied to it.        *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS NProposers, NAcceptors, Nil

Proposers == 0 .. NProposers - 1
\* Under SYMMETRY (MC*Symmetry.cfg, interleave tlc --symmetry) Acceptors is overridden by model values that TLC
\* permutes: the acceptors' ids are only compared for equality and membership here, never ordered or added.
Acceptors == NProposers .. NProposers + NAcceptors - 1
Values == 1 .. NProposers
Majority == NAcceptors \div 2 + 1
Max(a, b) == IF a > b THEN a ELSE b

VARIABLES prop,  \* prop[p]: [phase, ballot, promises, highest, value, acks, waiting, preempted]
          acc,   \* acc[a]: [promised, accepted, votes]
          net    \* the messages in flight: a bag, message -> number of copies

vars == <<prop, acc, net>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE PutEach(_, _)
PutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN PutEach(Put(bag, m), ms \ {m})

(* A proposer's state at the start of an attempt with ballot b, and the prepares it sends. *)
Attempt(b) == [phase |-> "preparing", ballot |-> b, promises |-> {}, highest |-> Nil, value |-> Nil, acks |-> {}, waiting |-> NAcceptors, preempted |-> 0]
Prepares(p, b) == {[from |-> p, to |-> a, type |-> "prepare", ballot |-> b] : a \in Acceptors}

(***************************************************************************)
(* Worlds, and the renaming of ballots throughout one.                     *)
(***************************************************************************)
World == [prop |-> prop, acc |-> acc, net |-> net]

(* The world with every ballot b > 0 replaced by F(b); F must be injective. *)
Rename(w, F(_)) ==
  LET RB(b) == IF b = 0 THEN 0 ELSE F(b)
      RP(x) == IF x = Nil THEN Nil ELSE [ballot |-> RB(x.ballot), value |-> x.value]
      RM(m) == CASE m.type = "promise" -> [m EXCEPT !.ballot = RB(@), !.accepted = RP(@)]
                 [] m.type = "nack" -> [m EXCEPT !.ballot = RB(@), !.promised = RB(@)]
                 [] OTHER -> [m EXCEPT !.ballot = RB(@)]
  IN [prop |-> [p \in Proposers |-> [w.prop[p] EXCEPT !.ballot = RB(@), !.highest = RP(@), !.preempted = RB(@)]],
      acc |-> [a \in Acceptors |-> [promised |-> RB(w.acc[a].promised), accepted |-> RP(w.acc[a].accepted),
                                     votes |-> {RP(v) : v \in w.acc[a].votes}]],
      net |-> [m \in {RM(x) : x \in DOMAIN w.net} |-> w.net[CHOOSE x \in DOMAIN w.net : RM(x) = m]]]

(* Forget the ghost votes of ballots that no acceptor can accept (all promised above) and no majority accepted. *)
Prune(w) ==
  LET lowest == CHOOSE x \in {w.acc[a].promised : a \in Acceptors} : \A a \in Acceptors : x <= w.acc[a].promised
      VotesFor(b) == Cardinality({a \in Acceptors : \E v \in w.acc[a].votes : v.ballot = b})
  IN [w EXCEPT !.acc = [a \in Acceptors |-> [w.acc[a] EXCEPT !.votes = {v \in @ : v.ballot >= lowest \/ VotesFor(v.ballot) >= Majority}]]]

BallotsOf(w) ==
  ( {w.prop[p].ballot : p \in Proposers} \cup {w.prop[p].preempted : p \in Proposers}
    \cup {w.prop[p].highest.ballot : p \in {q \in Proposers : w.prop[q].highest # Nil}}
    \cup {w.acc[a].promised : a \in Acceptors}
    \cup {w.acc[a].accepted.ballot : a \in {b \in Acceptors : w.acc[b].accepted # Nil}}
    \cup UNION {{v.ballot : v \in w.acc[a].votes} : a \in Acceptors}
    \cup {m.ballot : m \in DOMAIN w.net}
    \cup {m.accepted.ballot : m \in {x \in DOMAIN w.net : x.type = "promise" /\ x.accepted # Nil}}
    \cup {m.promised : m \in {x \in DOMAIN w.net : x.type = "nack"}} ) \ {0}

(* The canonical world: votes pruned, then ballots renamed to their ranks. *)
Canon(w) ==
  LET pruned == Prune(w)
      used == BallotsOf(pruned)
  IN Rename(pruned, LAMBDA b : Cardinality({x \in used : x <= b}))

Enter(w) == LET c == Canon(w) IN prop' = c.prop /\ acc' = c.acc /\ net' = c.net

(* Proposer p starts a new attempt with a ballot just above t: every ballot above t moves up by one. *)
Retry(w, p, t) ==
  LET shifted == Rename(w, LAMBDA b : IF b > t THEN b + 1 ELSE b)
  IN [shifted EXCEPT !.prop[p] = Attempt(t + 1), !.net = PutEach(@, Prepares(p, t + 1))]

(***************************************************************************)
(* Steps.                                                                  *)
(***************************************************************************)
Init ==
  /\ prop = [p \in Proposers |-> [phase |-> "idle", ballot |-> p + 1, promises |-> {}, highest |-> Nil, value |-> Nil,
                                  acks |-> {}, waiting |-> 0, preempted |-> 0]]
  /\ acc = [a \in Acceptors |-> [promised |-> 0, accepted |-> Nil, votes |-> {}]]
  /\ net = <<>>

Propose(p) ==
  /\ prop[p].phase = "idle"
  /\ Enter([World EXCEPT !.prop[p] = Attempt(prop[p].ballot), !.net = PutEach(net, Prepares(p, prop[p].ballot))])

AcceptorWorld(m, bag) ==
  LET a == m.to
      st == acc[a]
      Reply(msg) == Put(bag, [from |-> a, to |-> m.from] @@ msg)
  IN IF m.type = "prepare" /\ m.ballot > st.promised
     THEN [World EXCEPT !.acc[a].promised = m.ballot, !.net = Reply([type |-> "promise", ballot |-> m.ballot, accepted |-> st.accepted])]
     ELSE IF m.type = "accept" /\ m.ballot >= st.promised
     THEN LET proposal == [ballot |-> m.ballot, value |-> m.value]
          IN [World EXCEPT !.acc[a] = [promised |-> Max(st.promised, m.ballot), accepted |-> proposal,
                                        votes |-> {v \in st.votes : v.ballot # m.ballot} \cup {proposal}],
                           !.net = Reply([type |-> "accepted", ballot |-> m.ballot, value |-> m.value])]
     ELSE [World EXCEPT !.net = Reply([type |-> "nack", ballot |-> m.ballot, promised |-> st.promised])]

ProposerWorld(m, bag) ==
  LET p == m.to
      st == prop[p]
      counted == [st EXCEPT !.waiting = @ - 1]
      promises == st.promises \cup {m.from}
      highest == IF m.type = "promise" /\ m.accepted # Nil /\ (st.highest = Nil \/ m.accepted.ballot > st.highest.ballot)
                 THEN m.accepted ELSE st.highest
      acks == st.acks \cup {m.from}
      \* The proposer after this answer, and what it sends, unless the attempt is over.
      after == CASE m.type = "nack" -> [counted EXCEPT !.preempted = Max(@, m.promised)]
                 [] m.type = "promise" /\ st.phase = "preparing" /\ Cardinality(promises) >= Majority ->
                      [counted EXCEPT !.phase = "accepting", !.promises = promises, !.highest = highest,
                                      !.value = IF highest = Nil THEN p + 1 ELSE highest.value, !.waiting = @ + NAcceptors]
                 [] m.type = "promise" /\ st.phase = "preparing" -> [counted EXCEPT !.promises = promises, !.highest = highest]
                 [] m.type = "accepted" /\ st.phase = "accepting" -> [counted EXCEPT !.acks = acks]
                 [] OTHER -> counted
      sent == IF after.phase = "accepting" /\ st.phase = "preparing"
              THEN PutEach(bag, {[from |-> p, to |-> a, type |-> "accept", ballot |-> st.ballot, value |-> after.value] : a \in Acceptors})
              ELSE bag
  IN IF m.ballot # st.ballot \/ st.phase \in {"idle", "done"}
     THEN [World EXCEPT !.net = bag]
     ELSE IF Cardinality(after.acks) >= Majority
     THEN [World EXCEPT !.prop[p] = [after EXCEPT !.phase = "done", !.promises = {}, !.highest = Nil, !.acks = {}, !.waiting = 0, !.preempted = 0],
                        !.net = bag]
     ELSE IF after.waiting = 0
     THEN Retry([World EXCEPT !.prop[p] = after, !.net = bag], p, after.preempted)
     ELSE [World EXCEPT !.prop[p] = after, !.net = sent]

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ Enter(IF m.to \in Acceptors THEN AcceptorWorld(m, Take(net, m)) ELSE ProposerWorld(m, Take(net, m)))

Next ==
  \/ \E p \in Proposers : Propose(p)
  \/ \E m \in DOMAIN net : Deliver(m)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Fairness as the explorer's (checker/actors/system.ts): weak fairness of *)
(* each proposer's first proposal and of delivering each message. Msgs is  *)
(* every message with ballots up to MaxBallot; BallotsBounded checks that  *)
(* no reachable state uses a higher one, so the universe is complete.      *)
(***************************************************************************)
MaxBallot == 2 * (NProposers + NAcceptors)
Ballots == 1 .. MaxBallot
Proposals == [ballot : Ballots, value : Values]
Msgs == [from : Proposers, to : Acceptors, type : {"prepare"}, ballot : Ballots]
        \cup [from : Proposers, to : Acceptors, type : {"accept"}, ballot : Ballots, value : Values]
        \cup {m \in [from : Acceptors, to : Proposers, type : {"promise"}, ballot : Ballots, accepted : Proposals \cup {Nil}] :
                m.accepted = Nil \/ m.accepted.ballot < m.ballot}
        \cup [from : Acceptors, to : Proposers, type : {"accepted"}, ballot : Ballots, value : Values]
        \cup {m \in [from : Acceptors, to : Proposers, type : {"nack"}, ballot : Ballots, promised : Ballots] : m.promised > m.ballot}

FairSpec ==
  /\ Spec
  /\ \A p \in Proposers : WF_vars(Propose(p))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/paxos/model.ts.                     *)
(***************************************************************************)
AllVotes == UNION {acc[a].votes : a \in Acceptors}
AllChosen == {x.value : x \in {v \in AllVotes : Cardinality({a \in Acceptors : v \in acc[a].votes}) >= Majority}}

Agreement == Cardinality(AllChosen) <= 1
Validity == AllChosen \subseteq Values
BallotsBounded == BallotsOf(World) \subseteq Ballots

(* The twin of `sometimes value-chosen`: TLC must find this invariant violated. *)
NothingChosen == AllChosen = {}

Final == \A p \in Proposers : prop[p].phase = "done"
NoDeadlock == Final \/ ENABLED Next

Terminates == <>(Final \/ ~ENABLED Next)
EventuallyChosen == <>(AllChosen # {})
=============================================================================
