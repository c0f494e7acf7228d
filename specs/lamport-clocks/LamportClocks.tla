--------------------------- MODULE LamportClocks ---------------------------
(***************************************************************************)
(* Lamport clocks at the level of detail of src/protocols/lamport-clocks   *)
(* and checker/actors: processes 0..N-1, each taking up to Events local    *)
(* events or sends on its own, and receiving every message sent to it,     *)
(* over an unordered, non-duplicating network (a bag). Every event         *)
(* increments the clock; a receive first moves it past the message's      *)
(* clock (the notes' case 2). Each process keeps, as ghosts, its vector    *)
(* clock and the log of its events, so the Clock Condition can be checked  *)
(* over every pair of events of every execution. specs/lamport-clocks/     *)
(* model.ts maps each explored state to these variables (toTla).           *)
(*                                                                          *)
(* The known-wrong variant is the constant ReceiveWithoutMax: a receive    *)
(* sets the clock to the receiver's own value plus one.                    *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each process's local steps (each local event and each  *)
(* send to each other process) and of delivering each message.             *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC

CONSTANTS N,                  \* processes are 0 .. N - 1
          Events,             \* local events and sends each process takes on its own
          ReceiveWithoutMax

Procs == 0 .. N - 1

VARIABLES proc,   \* proc[p]: [clock, vc, left, log], field for field as ProcessState
          net     \* the messages in flight: a bag, message -> number of copies

vars == <<proc, net>>

Max(a, b) == IF a > b THEN a ELSE b

(* Vector clocks are sequences: entry p + 1 belongs to process p. *)
Merge(a, b) == [i \in DOMAIN a |-> Max(a[i], b[i])]
Tick(vc, p) == [vc EXCEPT ![p + 1] = @ + 1]
HappensBefore(a, b) == (\A i \in DOMAIN a : a[i] <= b[i]) /\ a # b

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

(* Process p's state after one more event of `kind` at Lamport clock c, having seen vector clock seen. *)
Record(st, p, kind, c, seen) ==
  LET vc == Tick(seen, p)
  IN [st EXCEPT !.clock = c, !.vc = vc, !.log = Append(@, [kind |-> kind, clock |-> c, vc |-> vc])]

Init ==
  /\ proc = [p \in Procs |-> [clock |-> 0, vc |-> [i \in 1 .. N |-> 0], left |-> Events, log |-> <<>>]]
  /\ net = <<>>

Local(p) ==
  /\ proc[p].left > 0
  /\ proc' = [proc EXCEPT ![p] = Record([@ EXCEPT !.left = @ - 1], p, "local", @.clock + 1, @.vc)]
  /\ UNCHANGED net

Send(p, q) ==
  /\ proc[p].left > 0
  /\ LET st == Record([proc[p] EXCEPT !.left = @ - 1], p, "send", proc[p].clock + 1, proc[p].vc)
     IN /\ proc' = [proc EXCEPT ![p] = st]
        /\ net' = Put(net, [from |-> p, to |-> q, type |-> "msg", clock |-> st.clock, vc |-> st.vc])

Receive(m) ==
  LET p == m.to
      c == IF ReceiveWithoutMax THEN proc[p].clock + 1 ELSE Max(proc[p].clock, m.clock) + 1
  IN /\ m \in DOMAIN net
     /\ proc' = [proc EXCEPT ![p] = Record(@, p, "receive", c, Merge(@.vc, m.vc))]
     /\ net' = Take(net, m)

Next ==
  \/ \E p \in Procs : Local(p)
  \/ \E p, q \in Procs : p # q /\ Send(p, q)
  \/ \E m \in DOMAIN net : Receive(m)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Every message the processes can send: the universe the fairness of      *)
(* delivery ranges over. A send by p carries p's clock and vector clock    *)
(* after the send. Each process takes at most Events events of its own and *)
(* receives at most the (N - 1) * Events messages sent to it, so an entry  *)
(* of a vector clock is at most N * Events, and the sender's counts the    *)
(* send. The causal past of a send holds at most N * Events events of      *)
(* their own and fewer receives than sends (the send itself is not yet     *)
(* received), so the entries sum to less than 2 * N * Events. The clock    *)
(* counts the sender's events with ReceiveWithoutMax; otherwise it is the  *)
(* length of the longest chain of events up to the send, which is at least *)
(* every entry and at most their sum.                                      *)
(***************************************************************************)
RECURSIVE SumFrom(_, _)
SumFrom(vc, i) == IF i > N THEN 0 ELSE vc[i] + SumFrom(vc, i + 1)
Sum(vc) == SumFrom(vc, 1)
MaxEntry(vc) == CHOOSE x \in {vc[i] : i \in 1 .. N} : \A i \in 1 .. N : vc[i] <= x
SentVCs(p) == {vc \in [1 .. N -> 0 .. N * Events] : vc[p + 1] >= 1 /\ Sum(vc) < 2 * N * Events}
SentClocks(p, vc) == IF ReceiveWithoutMax THEN {vc[p + 1]} ELSE MaxEntry(vc) .. Sum(vc)
Msgs == UNION {UNION {{[from |-> p, to |-> q, type |-> "msg", clock |-> c, vc |-> vc] : q \in Procs \ {p}, c \in SentClocks(p, vc)}
                      : vc \in SentVCs(p)}
               : p \in Procs}

FairSpec ==
  /\ Spec
  /\ \A p \in Procs : WF_vars(Local(p)) /\ \A q \in Procs \ {p} : WF_vars(Send(p, q))
  /\ \A m \in Msgs : WF_vars(Receive(m))

(***************************************************************************)
(* Properties, twins of those in specs/lamport-clocks/model.ts.            *)
(***************************************************************************)

EventsOf == UNION {{proc[p].log[k] : k \in DOMAIN proc[p].log} : p \in Procs}

(* If e1 happens before e2 then C(e1) < C(e2), over every pair of events so far. *)
ClockCondition == \A e1, e2 \in EventsOf : HappensBefore(e1.vc, e2.vc) => e1.clock < e2.clock

ClocksIncrease == \A p \in Procs : \A k \in DOMAIN proc[p].log : k > 1 => proc[p].log[k - 1].clock < proc[p].log[k].clock

(* Twins of `sometimes` properties: TLC must find these invariants violated. *)
NoMessageReceived == \A e \in EventsOf : e.kind # "receive"
NoConcurrentEventsOrdered ==
  \A e1, e2 \in EventsOf : e1.clock < e2.clock => (HappensBefore(e1.vc, e2.vc) \/ HappensBefore(e2.vc, e1.vc))

(* Final: every process is done, having taken all its events of its own (nothing crashes). *)
Final == \A p \in Procs : proc[p].left = 0

(* The explorer's deadlock: a state that is not final and has no successor. *)
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
=============================================================================
