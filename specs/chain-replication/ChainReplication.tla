-------------------------- MODULE ChainReplication --------------------------
(***************************************************************************)
(* Chain replication at the level of detail of src/protocols/chain-        *)
(* replication and checker/actors: nodes 0..NNodes-1 in chain order (0 the *)
(* head, the last the tail), then the clients; the same messages on an     *)
(* unordered, non-duplicating network (a bag), and the client history as  *)
(* an auxiliary variable. The head stamps each write with a version        *)
(* <<seq, head>>; every node applies an update only if it is newer and     *)
(* passes it on; the tail acknowledges writes and serves reads.            *)
(*                                                                          *)
(* Only the head may crash (MaxCrashes is 0 or 1). The crash step also     *)
(* delivers the fail-stop notice to every client (the paper's master), so  *)
(* clients send to the new head. A request lost with the head is never     *)
(* answered (no retries), so NoDeadlock fails when the head may crash.     *)
(*                                                                          *)
(* The known-wrong variant is the constant ReadAtHead: reads are served by *)
(* the head; linearizable until the head fails.                            *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each client's invocations and of delivering each       *)
(* message to a live process; a crash is never owed.                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS NNodes, Scripts, MaxCrashes, Nil, ReadAtHead

Nodes == 0 .. NNodes - 1
Clients == NNodes .. NNodes + Len(Scripts) - 1
ScriptOf(c) == Scripts[c - NNodes + 1]

VARIABLES node,     \* node[n]: [version |-> <<seq, head>>, value |-> v]
          cli,      \* cli[c]: [next, phase, rid, down], as ChainClientState
          net,      \* the messages in flight: a bag, message -> number of copies
          crashed,  \* the crashed nodes (the head, at most)
          hist      \* the client history: [client, call] and [client, ret] records

vars == <<node, cli, net, crashed, hist>>

Newer(a, b) == a[1] > b[1] \/ (a[1] = b[1] /\ a[2] > b[2])

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

(* The chain as client c knows it: its first and last live nodes. *)
Live(c) == Nodes \ cli[c].down
HeadOf(c) == CHOOSE n \in Live(c) : \A k \in Live(c) : n <= k
TailOf(c) == CHOOSE n \in Live(c) : \A k \in Live(c) : n >= k
Successor(n) == IF n = NNodes - 1 THEN Nil ELSE n + 1

Done(c) == cli[c].phase = "idle" /\ cli[c].next = Len(ScriptOf(c))

Init ==
  /\ node = [n \in Nodes |-> [version |-> <<0, 0>>, value |-> Nil]]
  /\ cli = [c \in Clients |-> [next |-> 0, phase |-> "idle", rid |-> 0, down |-> {}]]
  /\ net = <<>>
  /\ crashed = {}
  /\ hist = <<>>

Invoke(c) ==
  /\ cli[c].phase = "idle"
  /\ cli[c].next < Len(ScriptOf(c))
  /\ LET op == ScriptOf(c)[cli[c].next + 1]
         r == cli[c].rid + 1
     IN /\ hist' = Append(hist, [client |-> c, call |-> op])
        /\ IF op.op = "write"
           THEN /\ cli' = [cli EXCEPT ![c] = [@ EXCEPT !.next = @ + 1, !.phase = "writing", !.rid = r]]
                /\ net' = Put(net, [from |-> c, to |-> HeadOf(c), type |-> "write", rid |-> r, value |-> op.value])
           ELSE /\ cli' = [cli EXCEPT ![c] = [@ EXCEPT !.next = @ + 1, !.phase = "reading", !.rid = r]]
                /\ net' = Put(net, [from |-> c, to |-> IF ReadAtHead THEN HeadOf(c) ELSE TailOf(c), type |-> "read", rid |-> r])
  /\ UNCHANGED <<node, crashed>>

(* Node n applies an update if newer, and passes it on or, as the tail, acknowledges it. *)
Pass(n, u, bag) ==
  /\ net' = Put(bag, IF Successor(n) = Nil THEN [from |-> n, to |-> u.client, type |-> "ack", rid |-> u.rid]
                     ELSE [from |-> n, to |-> Successor(n)] @@ u)
  /\ node' = IF Newer(u.version, node[n].version) THEN [node EXCEPT ![n] = [version |-> u.version, value |-> u.value]] ELSE node

NodeReceive(m, bag) ==
  LET n == m.to IN
  /\ UNCHANGED <<cli, hist>>
  /\ \/ /\ m.type = "write"
        /\ Pass(n, [type |-> "update", version |-> <<node[n].version[1] + 1, n>>, value |-> m.value, client |-> m.from, rid |-> m.rid], bag)
     \/ /\ m.type = "update"
        /\ Pass(n, [type |-> "update", version |-> m.version, value |-> m.value, client |-> m.client, rid |-> m.rid], bag)
     \/ /\ m.type = "read"
        /\ net' = Put(bag, [from |-> n, to |-> m.from, type |-> "readReply", rid |-> m.rid, value |-> node[n].value])
        /\ UNCHANGED node

ClientReceive(m, bag) ==
  LET c == m.to IN
  /\ net' = bag
  /\ UNCHANGED node
  /\ IF m.rid = cli[c].rid /\ ((cli[c].phase = "writing" /\ m.type = "ack") \/ (cli[c].phase = "reading" /\ m.type = "readReply"))
     THEN /\ hist' = Append(hist, [client |-> c, ret |-> IF m.type = "ack" THEN "ok" ELSE m.value])
          /\ cli' = [cli EXCEPT ![c].phase = "idle"]
     ELSE UNCHANGED <<cli, hist>>

Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ IF m.to \in Nodes THEN NodeReceive(m, Take(net, m)) ELSE ClientReceive(m, Take(net, m))
  /\ UNCHANGED crashed

(* The head crashes; in the same step every client hears of it. *)
CrashHead ==
  /\ Cardinality(crashed) < MaxCrashes
  /\ 0 \notin crashed
  /\ crashed' = crashed \cup {0}
  /\ cli' = [c \in Clients |-> [cli[c] EXCEPT !.down = @ \cup {0}]]
  /\ UNCHANGED <<node, net, hist>>

Next ==
  \/ \E c \in Clients : Invoke(c)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ CrashHead

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Every message the processes can send: the universe the fairness of      *)
(* delivery ranges over. A client's k-th operation is its request k (no    *)
(* retries); it goes to the head or the tail as the client knows them: the *)
(* head is node 0, or node 1 once node 0 crashed (MaxCrashes <= 1). The    *)
(* head stamps each write with the next sequence number it knows, at most  *)
(* the number of writes in the scripts.                                    *)
(***************************************************************************)
LastNode == NNodes - 1
Heads == 0 .. MaxCrashes
ReadServers == IF ReadAtHead THEN Heads ELSE {LastNode}
ScriptOps(c, kind) == {k \in 1 .. Len(ScriptOf(c)) : ScriptOf(c)[k].op = kind}
Writes == UNION {{<<c, k>> : k \in ScriptOps(c, "write")} : c \in Clients}
WriteValue(w) == ScriptOf(w[1])[w[2]].value
Msgs == {[from |-> w[1], to |-> h, type |-> "write", rid |-> w[2], value |-> WriteValue(w)] : w \in Writes, h \in Heads}
        \cup {[from |-> n, to |-> n + 1, type |-> "update", version |-> <<s, h>>, value |-> WriteValue(w), client |-> w[1], rid |-> w[2]]
              : n \in Nodes \ {LastNode}, s \in 1 .. Cardinality(Writes), h \in Heads, w \in Writes}
        \cup {[from |-> LastNode, to |-> w[1], type |-> "ack", rid |-> w[2]] : w \in Writes}
        \cup UNION {{[from |-> c, to |-> n, type |-> "read", rid |-> k] : n \in ReadServers, k \in ScriptOps(c, "read")} : c \in Clients}
        \cup UNION {{[from |-> n, to |-> c, type |-> "readReply", rid |-> k, value |-> v]
                     : n \in ReadServers, k \in ScriptOps(c, "read"), v \in {WriteValue(w) : w \in Writes} \cup {Nil}} : c \in Clients}

FairSpec ==
  /\ Spec
  /\ \A c \in Clients : WF_vars(Invoke(c))
  /\ \A m \in Msgs : WF_vars(Deliver(m))

(***************************************************************************)
(* Properties, twins of those in specs/chain-replication/model.ts.         *)
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

VersionsDecreaseDownTheChain == \A n \in Nodes \ {0} : (n - 1) \in crashed \/ ~Newer(node[n].version, node[n - 1].version)

NoReadReturnsWritten ==
  \A k \in CallsOf(hist) : (hist[k].call.op = "read" /\ ReturnOf(hist, k) # 0) => hist[ReturnOf(hist, k)].ret = Nil

(* Final: every client is done (nodes are always done, crashed or not). *)
Final == \A c \in Clients : Done(c)
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
Terminates == <>(Final \/ ~ENABLED Next)
=============================================================================
