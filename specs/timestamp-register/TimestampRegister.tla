------------------------- MODULE TimestampRegister -------------------------
(***************************************************************************)
(* The notes' quorum register ("Quorum") at the level of detail of         *)
(* src/protocols/timestamp-register and checker/actors: storage nodes      *)
(* 0..NNodes-1, then the clients; the same messages, crash-stop steps,     *)
(* unordered non-duplicating network (a bag) and client history as an      *)
(* auxiliary variable. specs/timestamp-register/model.ts maps each         *)
(* explored state to these variables (toTla).                              *)
(*                                                                          *)
(* Writers stamp values with versions <<time, writer>>. With LocalClock    *)
(* each writer uses its own clock, which starts Skew * (clients - 1 - i)   *)
(* ahead for the i-th client and ticks once per write: a later write can   *)
(* carry an earlier time and be lost. Otherwise a write first reads the    *)
(* highest version from a majority and makes its own higher (the notes'    *)
(* two-phase fix). A read is one phase: the newest value of a majority.    *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each client's invocations and of delivering each       *)
(* message to a live process; a crash is never owed.                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS NNodes, Scripts, MaxCrashes, Nil, LocalClock, Skew

\* Under SYMMETRY (MC*Symmetry.cfg, interleave tlc --symmetry) Nodes is overridden by model values that TLC
\* permutes: the storage nodes' ids are only compared for equality and membership here, never ordered or added.
Nodes == 0 .. NNodes - 1
Clients == NNodes .. NNodes + Len(Scripts) - 1
ScriptOf(c) == Scripts[c - NNodes + 1]
Majority == NNodes \div 2 + 1
ClockOffset(c) == Skew * (Len(Scripts) - 1 - (c - NNodes))

VARIABLES node,     \* node[n]: [version |-> <<time, writer>>, value |-> v]
          cli,      \* cli[c]: the client's state, field for field as RegisterClientState
          net,      \* the messages in flight: a bag, message -> number of copies
          crashed,  \* the crashed nodes
          hist      \* the client history: [client, call] and [client, ret] records

vars == <<node, cli, net, crashed, hist>>

Newer(a, b) == a[1] > b[1] \/ (a[1] = b[1] /\ a[2] > b[2])

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
RECURSIVE PutEach(_, _)
PutEach(bag, ms) == IF ms = {} THEN bag ELSE LET m == CHOOSE x \in ms : TRUE IN PutEach(Put(bag, m), ms \ {m})

Idle(st) == [st EXCEPT !.phase = "idle", !.op = Nil, !.heard = {}, !.version = <<0, 0>>, !.value = Nil]
Done(c) == cli[c].phase = "idle" /\ cli[c].next = Len(ScriptOf(c))

(* Client c sends the write of v at version ver to every node, as request r. *)
StartWrite(c, st, r, ver, v, bag) ==
  /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.phase = "write", !.rid = r, !.heard = {}, !.version = ver, !.value = v, !.writes = @ + 1]]
  /\ net' = PutEach(bag, {[from |-> c, to |-> n, type |-> "write", rid |-> r, version |-> ver, value |-> v] : n \in Nodes})

Init ==
  /\ node = [n \in Nodes |-> [version |-> <<0, 0>>, value |-> Nil]]
  /\ cli = [c \in Clients |-> [next |-> 0, phase |-> "idle", rid |-> 0, op |-> Nil, heard |-> {},
                                version |-> <<0, 0>>, value |-> Nil, writes |-> 0]]
  /\ net = <<>>
  /\ crashed = {}
  /\ hist = <<>>

Invoke(c) ==
  /\ cli[c].phase = "idle"
  /\ cli[c].next < Len(ScriptOf(c))
  /\ LET op == ScriptOf(c)[cli[c].next + 1]
         r == cli[c].rid + 1
         base == [cli[c] EXCEPT !.next = @ + 1, !.op = op, !.rid = r, !.heard = {}]
     IN /\ hist' = Append(hist, [client |-> c, call |-> op])
        /\ IF op.op = "write" /\ LocalClock
           THEN StartWrite(c, base, r, <<ClockOffset(c) + cli[c].writes + 1, c>>, op.value, net)
           ELSE /\ cli' = [cli EXCEPT ![c] = [base EXCEPT !.phase = "read", !.version = <<0, 0>>, !.value = Nil]]
                /\ net' = PutEach(net, {[from |-> c, to |-> n, type |-> "read", rid |-> r] : n \in Nodes})
  /\ UNCHANGED <<node, crashed>>

NodeReceive(m, bag) ==
  LET n == m.to IN
  \/ /\ m.type = "read"
     /\ net' = Put(bag, [from |-> n, to |-> m.from, type |-> "readReply", rid |-> m.rid, version |-> node[n].version, value |-> node[n].value])
     /\ UNCHANGED <<node, cli, hist>>
  \/ /\ m.type = "write"
     /\ net' = Put(bag, [from |-> n, to |-> m.from, type |-> "writeAck", rid |-> m.rid])
     /\ node' = IF Newer(m.version, node[n].version) THEN [node EXCEPT ![n] = [version |-> m.version, value |-> m.value]] ELSE node
     /\ UNCHANGED <<cli, hist>>

(* A client counts replies of its current phase once per node and ignores everything else. *)
ClientReceive(m, bag) ==
  LET c == m.to
      st == cli[c]
      heard == st.heard \cup {m.from}
  IN /\ UNCHANGED node
     /\ IF m.rid = st.rid /\ m.from \notin st.heard /\ st.phase = "read" /\ m.type = "readReply"
        THEN LET better == Newer(m.version, st.version)
                 ver == IF better THEN m.version ELSE st.version
                 val == IF better THEN m.value ELSE st.value
             IN IF Cardinality(heard) < Majority
                THEN /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.heard = heard, !.version = ver, !.value = val]]
                     /\ net' = bag
                     /\ UNCHANGED hist
                ELSE IF st.op.op = "write"
                THEN /\ StartWrite(c, st, st.rid + 1, <<ver[1] + 1, c>>, st.op.value, bag)
                     /\ UNCHANGED hist
                ELSE /\ hist' = Append(hist, [client |-> c, ret |-> val])
                     /\ cli' = [cli EXCEPT ![c] = Idle(st)]
                     /\ net' = bag
        ELSE IF m.rid = st.rid /\ m.from \notin st.heard /\ st.phase = "write" /\ m.type = "writeAck"
        THEN IF Cardinality(heard) < Majority
             THEN /\ cli' = [cli EXCEPT ![c] = [st EXCEPT !.heard = heard]]
                  /\ net' = bag
                  /\ UNCHANGED hist
             ELSE /\ hist' = Append(hist, [client |-> c, ret |-> "ok"])
                  /\ cli' = [cli EXCEPT ![c] = Idle(st)]
                  /\ net' = bag
        ELSE /\ net' = bag
             /\ UNCHANGED <<cli, hist>>

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ IF m.to \in Nodes THEN NodeReceive(m, Take(net, m)) ELSE ClientReceive(m, Take(net, m))
  /\ UNCHANGED crashed

Crash(n) ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ n \notin crashed
  /\ crashed' = crashed \cup {n}
  /\ UNCHANGED <<node, cli, net, hist>>

Next ==
  \/ \E c \in Clients : Invoke(c)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ \E n \in Nodes : Crash(n)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Every message the processes can send: the universe the fairness of      *)
(* delivery ranges over. Operation k of client c starts with request       *)
(* RidOf(c, k); without LocalClock each earlier write took two requests    *)
(* (its read phase and its write phase). A write stamped by the writer's   *)
(* clock carries the time that clock shows at that write; a two-phase      *)
(* write carries one more than the highest time it read, which is at most  *)
(* the number of writes in the scripts (each write's time exceeds an       *)
(* earlier write's by at most one).                                        *)
(***************************************************************************)
ScriptOps(c, kind) == {k \in 1 .. Len(ScriptOf(c)) : ScriptOf(c)[k].op = kind}
Writes == UNION {{<<c, k>> : k \in ScriptOps(c, "write")} : c \in Clients}
WriteValue(w) == ScriptOf(w[1])[w[2]].value
WritesBefore(c, k) == Cardinality({j \in ScriptOps(c, "write") : j < k})
RidOf(c, k) == k + (IF LocalClock THEN 0 ELSE WritesBefore(c, k))
(* The request ids of the read phases and of the write phases of c's operations. *)
ReadRids(c) == {RidOf(c, k) : k \in IF LocalClock THEN ScriptOps(c, "read") ELSE 1 .. Len(ScriptOf(c))}
WriteRids(w) == {RidOf(w[1], w[2]) + (IF LocalClock THEN 0 ELSE 1)}
Versions(w) == IF LocalClock THEN {<<ClockOffset(w[1]) + WritesBefore(w[1], w[2]) + 1, w[1]>>}
               ELSE {<<t, w[1]>> : t \in 1 .. Cardinality(Writes)}
(* What a node can hold: nothing yet, or a write's value at one of its versions. *)
Stored == {[version |-> <<0, 0>>, value |-> Nil]} \cup UNION {{[version |-> v, value |-> WriteValue(w)] : v \in Versions(w)} : w \in Writes}
Msgs == UNION {{[from |-> c, to |-> n, type |-> "read", rid |-> r] : n \in Nodes, r \in ReadRids(c)} : c \in Clients}
        \cup UNION {{[from |-> n, to |-> c, type |-> "readReply", rid |-> r, version |-> x.version, value |-> x.value]
                     : n \in Nodes, r \in ReadRids(c), x \in Stored} : c \in Clients}
        \cup UNION {{[from |-> w[1], to |-> n, type |-> "write", rid |-> r, version |-> v, value |-> WriteValue(w)]
                     : n \in Nodes, r \in WriteRids(w), v \in Versions(w)} : w \in Writes}
        \cup UNION {{[from |-> n, to |-> w[1], type |-> "writeAck", rid |-> r] : n \in Nodes, r \in WriteRids(w)} : w \in Writes}

FairSpec ==
  /\ Spec
  /\ \A c \in Clients : WF_vars(Invoke(c))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/timestamp-register/model.ts.        *)
(***************************************************************************)

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
          IN /\ (ops[k].ret # 0 => IF write THEN ops[k].result = "ok" ELSE ops[k].result = val)
             /\ Linearizes(ops, placed \cup {k}, IF write THEN ops[k].op.value ELSE val)

Linearizable == Linearizes(OpsOf(hist), {}, Nil)

NoReadReturnsWritten ==
  \A k \in CallsOf(hist) : (hist[k].call.op = "read" /\ ReturnOf(hist, k) # 0) => hist[ReturnOf(hist, k)].ret = Nil

VersionsAreUnique == \A a, b \in Nodes : node[a].version = node[b].version => node[a].value = node[b].value

(* Final: every client is done (nodes are always done, crashed or not). *)
Final == \A c \in Clients : Done(c)
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
=============================================================================
