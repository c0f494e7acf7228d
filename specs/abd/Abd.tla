-------------------------------- MODULE Abd --------------------------------
(***************************************************************************)
(* The ABD atomic register at the level of detail of src/protocols/abd and  *)
(* checker/actors: the same processes (servers 0..NServers-1, then the      *)
(* clients), the same messages, the same crash-stop steps and the same      *)
(* unordered, non-duplicating network (a bag), with the client history as   *)
(* an auxiliary variable. specs/abd/model.ts maps each explored state to    *)
(* these variables (toTla), so TLC's states are the explorer's states.      *)
(*                                                                          *)
(* Known-wrong variants are the constants ReaderSkipsWriteBack (a read      *)
(* returns after its query phase) and WriterSkipsQuery (a write takes its   *)
(* timestamp from a local counter).                                         *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):      *)
(* weak fairness of each client's next invocation and of delivering each    *)
(* message to a live process; a crash is never owed. Clients never crash.   *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS NServers,              \* servers are the processes 0 .. NServers - 1
          Scripts,               \* Scripts[i]: the operations of the i-th client
          MaxCrashes,            \* how many servers may crash
          Nil,                   \* "no value" (null in TypeScript)
          ReaderSkipsWriteBack,
          WriterSkipsQuery

\* Under SYMMETRY (MC*Symmetry.cfg, interleave tlc --symmetry) Servers is overridden by model values that TLC
\* permutes: the servers' ids are only compared for equality and membership here, never ordered or added.
Servers == 0 .. NServers - 1
Clients == NServers .. NServers + Len(Scripts) - 1
ScriptOf(c) == Scripts[c - NServers + 1]
Majority == NServers \div 2 + 1

VARIABLES srv,      \* srv[s]: [ts |-> <<counter, writer>>, value |-> v]
          cli,      \* cli[c]: the client's state, field for field as ClientState
          net,      \* the messages in flight: a bag, message -> number of copies
          crashed,  \* the crashed servers
          hist      \* the client history: [client, call] and [client, ret] records

vars == <<srv, cli, net, crashed, hist>>

Later(a, b) == a[1] > b[1] \/ (a[1] = b[1] /\ a[2] > b[2])

Query(f, t, r) == [from |-> f, to |-> t, type |-> "query", rid |-> r]
QueryReply(f, t, r, ts, v) == [from |-> f, to |-> t, type |-> "queryReply", rid |-> r, ts |-> ts, value |-> v]
Update(f, t, r, ts, v) == [from |-> f, to |-> t, type |-> "update", rid |-> r, ts |-> ts, value |-> v]
UpdateAck(f, t, r) == [from |-> f, to |-> t, type |-> "updateAck", rid |-> r]

(* The bag: one more copy of m; one copy fewer; a copy of each message of a set. *)
Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE PutEach(_, _)
PutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN PutEach(Put(bag, m), ms \ {m})

Idle(st) == [st EXCEPT !.phase = "idle", !.op = Nil, !.heard = {}, !.ts = <<0, 0>>, !.value = Nil]
Done(c) == cli[c].phase = "idle" /\ cli[c].next = Len(ScriptOf(c))

Init ==
  /\ srv = [s \in Servers |-> [ts |-> <<0, 0>>, value |-> Nil]]
  /\ cli = [c \in Clients |-> [next |-> 0, phase |-> "idle", rid |-> 0, op |-> Nil, heard |-> {},
                                ts |-> <<0, 0>>, value |-> Nil, writes |-> 0]]
  /\ net = <<>>
  /\ crashed = {}
  /\ hist = <<>>

(* Client c invokes its next operation: query every server, or (flaw) write at once. *)
Invoke(c) ==
  /\ cli[c].phase = "idle"
  /\ cli[c].next < Len(ScriptOf(c))
  /\ LET op == ScriptOf(c)[cli[c].next + 1]
         r == cli[c].rid + 1
         base == [cli[c] EXCEPT !.next = @ + 1, !.op = op, !.rid = r, !.heard = {}]
     IN /\ hist' = Append(hist, [client |-> c, call |-> op])
        /\ IF op.op = "write" /\ WriterSkipsQuery
           THEN LET ts == <<cli[c].writes + 1, c>>
                IN /\ cli' = [cli EXCEPT ![c] = [base EXCEPT !.phase = "update", !.ts = ts, !.value = op.value, !.writes = @ + 1]]
                   /\ net' = PutEach(net, {Update(c, s, r, ts, op.value) : s \in Servers})
           ELSE /\ cli' = [cli EXCEPT ![c] = [base EXCEPT !.phase = "query", !.ts = <<0, 0>>, !.value = Nil]]
                /\ net' = PutEach(net, {Query(c, s, r) : s \in Servers})
  /\ UNCHANGED <<srv, crashed>>

(* A server answers a query with its pair, and adopts a later update; it acknowledges either way. *)
ServerReceive(m, bag) ==
  LET s == m.to IN
  \/ /\ m.type = "query"
     /\ net' = Put(bag, QueryReply(s, m.from, m.rid, srv[s].ts, srv[s].value))
     /\ UNCHANGED <<srv, cli, hist>>
  \/ /\ m.type = "update"
     /\ net' = Put(bag, UpdateAck(s, m.from, m.rid))
     /\ srv' = IF Later(m.ts, srv[s].ts) THEN [srv EXCEPT ![s] = [ts |-> m.ts, value |-> m.value]] ELSE srv
     /\ UNCHANGED <<cli, hist>>

(* After a majority answered the query: a write picks a later timestamp, a read writes back what it saw. *)
StartUpdate(c, st, bag) ==
  LET r == st.rid + 1 IN
  IF st.op.op = "write"
  THEN LET ts == <<st.ts[1] + 1, c>>
       IN /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.phase = "update", !.rid = r, !.heard = {}, !.ts = ts, !.value = st.op.value, !.writes = @ + 1]]
          /\ net' = PutEach(bag, {Update(c, s, r, ts, st.op.value) : s \in Servers})
          /\ UNCHANGED hist
  ELSE IF ReaderSkipsWriteBack
  THEN /\ hist' = Append(hist, [client |-> c, ret |-> st.value])
       /\ cli' = [cli EXCEPT ![c] = Idle(st)]
       /\ net' = bag
  ELSE /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.phase = "update", !.rid = r, !.heard = {}]]
       /\ net' = PutEach(bag, {Update(c, s, r, st.ts, st.value) : s \in Servers})
       /\ UNCHANGED hist

(* A client counts replies of its current phase once per server and ignores everything else. *)
ClientReceive(m, bag) ==
  LET c == m.to
      st == cli[c]
      heard == st.heard \cup {m.from}
  IN /\ UNCHANGED srv
     /\ IF m.rid = st.rid /\ m.from \notin st.heard /\ st.phase = "query" /\ m.type = "queryReply"
        THEN LET better == Later(m.ts, st.ts)
                 best == [st EXCEPT !.ts = IF better THEN m.ts ELSE st.ts, !.value = IF better THEN m.value ELSE st.value]
             IN IF Cardinality(heard) < Majority
                THEN /\ cli' = [cli EXCEPT ![c] = [best EXCEPT !.heard = heard]]
                     /\ net' = bag
                     /\ UNCHANGED hist
                ELSE StartUpdate(c, best, bag)
        ELSE IF m.rid = st.rid /\ m.from \notin st.heard /\ st.phase = "update" /\ m.type = "updateAck"
        THEN IF Cardinality(heard) < Majority
             THEN /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.heard = heard]]
                  /\ net' = bag
                  /\ UNCHANGED hist
             ELSE /\ hist' = Append(hist, [client |-> c, ret |-> IF st.op.op = "write" THEN "ok" ELSE st.value])
                  /\ cli' = [cli EXCEPT ![c] = Idle(st)]
                  /\ net' = bag
        ELSE /\ net' = bag
             /\ UNCHANGED <<cli, hist>>

(* Deliver one copy of a message in flight to a live process. *)
Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ IF m.to \in Servers THEN ServerReceive(m, Take(net, m)) ELSE ClientReceive(m, Take(net, m))
  /\ UNCHANGED crashed

(* A server crashes (crash-stop), within the budget. *)
Crash(s) ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ s \notin crashed
  /\ crashed' = crashed \cup {s}
  /\ UNCHANGED <<srv, cli, net, hist>>

Next ==
  \/ \E c \in Clients : Invoke(c)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ \E s \in Servers : Crash(s)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Msgs: every message the configuration can send, the finite universe the  *)
(* fairness of delivery ranges over (TLC must enumerate it).                *)
(*                                                                          *)
(* Request ids: a client's operations take consecutive ids, one per phase:  *)
(* a query phase (skipped by a write under WriterSkipsQuery) and an update  *)
(* phase (skipped by a read under ReaderSkipsWriteBack).                    *)
(* Pairs: a (timestamp, value) is the initial one or a write's: <<k, c>>    *)
(* and c's value, where k is one more than a counter c heard, or (flaw)     *)
(* c's own count of writes; either way k is at most the number of writes.   *)
(***************************************************************************)
HasQuery(op) == ~(op.op = "write" /\ WriterSkipsQuery)
HasUpdate(op) == ~(op.op = "read" /\ ReaderSkipsWriteBack)
PhasesOf(op) == (IF HasQuery(op) THEN 1 ELSE 0) + (IF HasUpdate(op) THEN 1 ELSE 0)
RECURSIVE RidsBefore(_, _)
RidsBefore(script, i) == IF i = 1 THEN 0 ELSE RidsBefore(script, i - 1) + PhasesOf(script[i - 1])

Ops(c) == 1 .. Len(ScriptOf(c))
WriteOps == UNION {{<<c, i>> : i \in {j \in Ops(c) : ScriptOf(c)[j].op = "write"}} : c \in Clients}
WritePairs(c, i) == {[ts |-> <<k, c>>, value |-> ScriptOf(c)[i].value] : k \in 1 .. Cardinality(WriteOps)}
Pairs == {[ts |-> <<0, 0>>, value |-> Nil]} \cup UNION {WritePairs(w[1], w[2]) : w \in WriteOps}

(* The messages of client c's i-th operation: its query phase, then its update phase. *)
OpMsgs(c, i) ==
  LET op == ScriptOf(c)[i]
      q == RidsBefore(ScriptOf(c), i) + 1
      u == RidsBefore(ScriptOf(c), i) + PhasesOf(op)
      written == IF op.op = "write" THEN WritePairs(c, i) ELSE Pairs
  IN (IF HasQuery(op)
      THEN {Query(c, s, q) : s \in Servers} \cup {QueryReply(s, c, q, p.ts, p.value) : s \in Servers, p \in Pairs}
      ELSE {})
     \cup
     (IF HasUpdate(op)
      THEN {Update(c, s, u, p.ts, p.value) : s \in Servers, p \in written} \cup {UpdateAck(s, c, u) : s \in Servers}
      ELSE {})

Msgs == UNION {UNION {OpMsgs(c, i) : i \in Ops(c)} : c \in Clients}

(* Not a twin: TLC checked it as an INVARIANT (Init/Next) on every recorded configuration, so no *)
(* message in flight lacks its fairness.                                                         *)
MsgsCoverNet == DOMAIN net \subseteq Msgs

(* The explorer's fairness: each client's next invocation and each delivery are weakly fair. *)
FairSpec ==
  /\ Spec
  /\ \A c \in Clients : WF_vars(Invoke(c))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/abd/model.ts.                        *)
(***************************************************************************)

(* The operations of a history: call index, return index (0 while pending), operation, result. *)
CallsOf(h) == {k \in DOMAIN h : "call" \in DOMAIN h[k]}
ReturnOf(h, k) ==
  LET rs == {j \in DOMAIN h : j > k /\ h[j].client = h[k].client /\ "ret" \in DOMAIN h[j]}
  IN IF rs = {} THEN 0 ELSE CHOOSE j \in rs : \A i \in rs : j <= i
OpsOf(h) == [k \in CallsOf(h) |-> [ret |-> ReturnOf(h, k), op |-> h[k].call,
                                    result |-> IF ReturnOf(h, k) = 0 THEN Nil ELSE h[ReturnOf(h, k)].ret]]

(* Some order of all completed operations and some pending ones respects real time and the register. *)
RECURSIVE Linearizes(_, _, _)
Linearizes(ops, placed, val) ==
  \/ {k \in DOMAIN ops : ops[k].ret # 0} \subseteq placed
  \/ \E k \in DOMAIN ops \ placed :
       /\ \A j \in DOMAIN ops \ placed : (j # k /\ ops[j].ret # 0) => ~(ops[j].ret < k)
       /\ LET write == ops[k].op.op = "write"
              result == IF write THEN "ok" ELSE val
          IN /\ (ops[k].ret # 0 => IF write THEN ops[k].result = "ok" ELSE ops[k].result = result)
             /\ Linearizes(ops, placed \cup {k}, IF write THEN ops[k].op.value ELSE val)

Linearizable == Linearizes(OpsOf(hist), {}, Nil)

(* The twin of `sometimes read-returns-written`: TLC must find this invariant violated. *)
NoReadReturnsWritten ==
  \A k \in CallsOf(hist) : (hist[k].call.op = "read" /\ ReturnOf(hist, k) # 0) => hist[ReturnOf(hist, k)].ret = Nil

TimestampsAreUnique == \A s, t \in Servers : srv[s].ts = srv[t].ts => srv[s].value = srv[t].value

(* The explorer's final states: every client ran its whole script (servers are always done). *)
Final == \A c \in Clients : Done(c)

(* The explorer's deadlock: a state that is not final and has no successor. *)
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
EveryOperationCompletes == <>Final
=============================================================================
