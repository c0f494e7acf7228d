--------------------------- MODULE TwoPhaseCommit ---------------------------
(***************************************************************************)
(* Two-phase commit at the level of detail of src/protocols/two-phase-commit*)
(* and checker/actors: the coordinator tm (process 0) and resource managers *)
(* 1..D, the same messages on an unordered, non-duplicating network (a     *)
(* bag), and each process's log with its forced writes and its count of    *)
(* messages sent (ghost counters for the notes' cost formulas).            *)
(*                                                                          *)
(* Forced: the coordinator's begin record (naming the participants) and    *)
(* commit record; each participant's prepared and commit records. Aborts   *)
(* are not forced. With these, a committed transaction costs 2 + 2D forced *)
(* writes and 4D messages, as the notes say; without the begin record      *)
(* (R*'s presumed nothing) it would be 1 + 2D.                             *)
(*                                                                          *)
(* The known-wrong variant is the constant CommitWithoutAllVotes: the      *)
(* coordinator commits on the first yes vote. With MaxCrashes = 1 the      *)
(* coordinator may crash (crash-stop); messages to it are then never       *)
(* delivered.                                                              *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each process's local steps and of delivering each      *)
(* message to a live process; a crash is never owed.                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS D, MaxCrashes, Nil, CommitWithoutAllVotes

\* Under SYMMETRY (MC*Symmetry.cfg, interleave tlc --symmetry) RMs is overridden by model values that TLC
\* permutes: the resource managers' ids are only compared for equality and membership here, never ordered or added.
RMs == 1 .. D

VARIABLES tm,   \* the coordinator: [phase, decision, yes, acks, log, sent, forced]
          rm,   \* rm[r]: [phase, vote, log, sent, forced]
          net,  \* the messages in flight: a bag, message -> number of copies
          crashed \* the crashed processes: {} or {0}

vars == <<tm, rm, net, crashed>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE PutEach(_, _)
PutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN PutEach(Put(bag, m), ms \ {m})

(* A process's state after writing a log record, counted if forced. *)
Write(st, record, forced) == [st EXCEPT !.log = Append(@, [record |-> record, forced |-> forced]),
                                        !.forced = @ + (IF forced THEN 1 ELSE 0)]

ToAll(msg) == {[to |-> r] @@ msg : r \in RMs}

Init ==
  /\ tm = [phase |-> "init", decision |-> Nil, yes |-> {}, acks |-> {}, log |-> <<>>, sent |-> 0, forced |-> 0]
  /\ rm = [r \in RMs |-> [phase |-> "working", vote |-> Nil, log |-> <<>>, sent |-> 0, forced |-> 0]]
  /\ net = <<>>
  /\ crashed = {}

(* The coordinator forces its begin record and asks every participant to prepare. *)
Begin ==
  /\ 0 \notin crashed
  /\ tm.phase = "init"
  /\ tm' = [Write(tm, "begin", TRUE) EXCEPT !.phase = "collecting", !.sent = @ + D]
  /\ net' = PutEach(net, ToAll([from |-> 0, type |-> "prepare"]))
  /\ UNCHANGED <<rm, crashed>>

(* The coordinator logs its decision (forced only for a commit) and sends it to every participant. *)
Decide(st, commit, bag) ==
  /\ tm' = [Write(st, IF commit THEN "commit" ELSE "abort", commit) EXCEPT
              !.phase = "decided", !.decision = IF commit THEN "commit" ELSE "abort", !.sent = @ + D]
  /\ net' = PutEach(bag, ToAll([from |-> 0, type |-> "decision", commit |-> commit]))

TmReceive(m, bag) ==
  /\ UNCHANGED <<rm, crashed>>
  /\ IF m.type = "vote" /\ tm.phase = "collecting"
     THEN IF ~m.yes THEN Decide(tm, FALSE, bag)
          ELSE LET st == [tm EXCEPT !.yes = @ \cup {m.from}]
               IN IF Cardinality(st.yes) = D \/ CommitWithoutAllVotes
                  THEN Decide(st, TRUE, bag)
                  ELSE /\ tm' = st
                       /\ net' = bag
     ELSE IF m.type = "ack" /\ tm.phase = "decided" /\ m.from \notin tm.acks
     THEN /\ tm' = IF Cardinality(tm.acks \cup {m.from}) = D
                   THEN [Write(tm, "end", FALSE) EXCEPT !.acks = @ \cup {m.from}, !.phase = "ended"]
                   ELSE [tm EXCEPT !.acks = @ \cup {m.from}]
          /\ net' = bag
     ELSE /\ tm' = tm
          /\ net' = bag

(* Participant r sends msg to the coordinator from state st. *)
RmSend(r, st, msg, bag) ==
  /\ rm' = [rm EXCEPT ![r] = [st EXCEPT !.sent = @ + 1]]
  /\ net' = Put(bag, [from |-> r, to |-> 0] @@ msg)
  /\ UNCHANGED crashed

RmReceive(m, bag) ==
  LET r == m.to
      st == rm[r]
  IN /\ UNCHANGED <<tm, crashed>>
     /\ IF m.type = "prepare" /\ st.phase = "working"
        THEN /\ rm' = [rm EXCEPT ![r].phase = "asked"]
             /\ net' = bag
        ELSE IF m.type = "decision" /\ m.commit /\ st.phase = "prepared"
        THEN RmSend(r, [Write(st, "commit", TRUE) EXCEPT !.phase = "committed"], [type |-> "ack"], bag)
        ELSE IF m.type = "decision" /\ ~m.commit /\ st.phase \in {"working", "asked", "prepared"}
        THEN RmSend(r, [Write(st, "abort", FALSE) EXCEPT !.phase = "aborted"], [type |-> "ack"], bag)
        ELSE IF m.type = "decision" /\ ~m.commit /\ st.phase = "aborted"
        THEN RmSend(r, st, [type |-> "ack"], bag)
        ELSE /\ rm' = rm
             /\ net' = bag

(* Asked to prepare, a participant votes yes (forcing its prepared record) or no (aborting at once). *)
VoteYes(r) ==
  /\ rm[r].phase = "asked"
  /\ RmSend(r, [Write(rm[r], "prepared", TRUE) EXCEPT !.phase = "prepared", !.vote = "yes"], [type |-> "vote", yes |-> TRUE], net)
  /\ UNCHANGED tm

VoteNo(r) ==
  /\ rm[r].phase = "asked"
  /\ RmSend(r, [Write(rm[r], "abort", FALSE) EXCEPT !.phase = "aborted", !.vote = "no"], [type |-> "vote", yes |-> FALSE], net)
  /\ UNCHANGED tm

(* Message m, in flight to a live process, is delivered. *)
Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ IF m.to = 0 THEN TmReceive(m, Take(net, m)) ELSE RmReceive(m, Take(net, m))

CrashCoordinator ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ 0 \notin crashed
  /\ crashed' = crashed \cup {0}
  /\ UNCHANGED <<tm, rm, net>>

Next ==
  \/ Begin
  \/ \E r \in RMs : VoteYes(r) \/ VoteNo(r)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ CrashCoordinator

Spec == Init /\ [][Next]_vars

(* Every message the processes can send: the universe the fairness of delivery ranges over. *)
Msgs == [from : {0}, to : RMs, type : {"prepare"}]
        \cup [from : {0}, to : RMs, type : {"decision"}, commit : BOOLEAN]
        \cup [from : RMs, to : {0}, type : {"vote"}, yes : BOOLEAN]
        \cup [from : RMs, to : {0}, type : {"ack"}]

FairSpec ==
  /\ Spec
  /\ WF_vars(Begin)
  /\ \A r \in RMs : WF_vars(VoteYes(r)) /\ WF_vars(VoteNo(r))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/two-phase-commit/model.ts.          *)
(***************************************************************************)

Atomicity == ~((\E r \in RMs : rm[r].phase = "committed") /\ (\E r \in RMs : rm[r].phase = "aborted"))
CommitNeedsAllYes == (\E r \in RMs : rm[r].phase = "committed") => \A r \in RMs : rm[r].vote = "yes"

CommittedAndEnded == tm.phase = "ended" /\ tm.decision = "commit"
RECURSIVE SumOver(_, _)
SumOver(f, S) == IF S = {} THEN 0 ELSE LET r == CHOOSE x \in S : TRUE IN f[r] + SumOver(f, S \ {r})
TotalSent == tm.sent + SumOver([r \in RMs |-> rm[r].sent], RMs)
TotalForced == tm.forced + SumOver([r \in RMs |-> rm[r].forced], RMs)

(* The notes' costs of a committed distributed transaction. *)
Messages4D == CommittedAndEnded => TotalSent = 4 * D
ForcedWrites2Plus2D == CommittedAndEnded => TotalForced = 2 + 2 * D

(* The twin of `sometimes commits`: TLC must find this invariant violated. *)
NeverCommits == ~CommittedAndEnded

(* Final: every live process is done (a crashed coordinator counts as done). *)
Final == (0 \in crashed \/ tm.phase = "ended") /\ \A r \in RMs : rm[r].phase \in {"committed", "aborted"}
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
SomePrepared == \E r \in RMs : rm[r].phase = "prepared"
PreparedDecides == SomePrepared ~> ~SomePrepared
=============================================================================
