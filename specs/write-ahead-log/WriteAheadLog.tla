--------------------------- MODULE WriteAheadLog ---------------------------
(***************************************************************************)
(* Write-ahead logging at the level of detail of                           *)
(* src/protocols/write-ahead-log and checker/actors: the database db       *)
(* (process 0) and clients 1..T, each running one transaction that writes  *)
(* its own W pages (page k belongs to client (k - 1) \div W + 1, so         *)
(* transactions never conflict); the same messages on an unordered,         *)
(* non-duplicating network (a bag); the client history as in the explorer.  *)
(*                                                                          *)
(* The database appends one record per request (start, change, commit) to  *)
(* a volatile buffer; the log holds LogSize records on disk and in the      *)
(* buffer together, and a request that finds it full is answered busy (the *)
(* client asks again). A commit forces the buffer to disk before it is      *)
(* acknowledged; a checkpoint writes the oldest committed transaction's     *)
(* pages and drops its records. disk is the durable record (Nil: nothing    *)
(* written yet). The database may crash MaxCrashes times (db = Nil, the     *)
(* buffer and the running transactions lost) and recovers (weakly fair):    *)
(* "redo" writes one page of a transaction committed in the log, persisted  *)
(* at once; "finish" truncates the log and serves again. A crash may hit a  *)
(* recovery, which then starts over from the first record.                  *)
(*                                                                          *)
(* Known-wrong variants: AckBeforeDurable (the commit is acknowledged with  *)
(* its record still in the buffer; Flush forces it later) and              *)
(* WriteInPlaceFirst (a write's page is written on disk before the change   *)
(* is logged), RedoUncommitted (recovery redoes every change in the log,    *)
(* committed or not).                                                       *)
(*                                                                          *)
(* Time: none, as in the TypeScript model: no clocks or timers; a busy     *)
(* request is asked again at once, so "everyone is blocked" (a full log)    *)
(* is a fair cycle of busy answers.                                         *)
(*                                                                          *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts): weak *)
(* fairness of each client's invocation, of each local event of the        *)
(* database (by name), of delivering each message to a live process, and   *)
(* of recovery (recover: "eventually"); a crash is never owed.              *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS T, W, LogSize, MaxCrashes, Nil, AckBeforeDurable, WriteInPlaceFirst, RedoUncommitted

Clients == 1 .. T
Keys == 1 .. T * W
Owner(k) == (k - 1) \div W + 1
PagesOf(c) == {k \in Keys : Owner(k) = c}
(* Client c's requests in order: begin, a write to each of its pages, commit. *)
Script(c) == <<[type |-> "begin"]>> \o [w \in 1 .. W |-> [type |-> "write", key |-> (c - 1) * W + w]] \o <<[type |-> "commit"]>>

VARIABLES db,      \* Nil while down; [phase |-> "up", log, buffer, data, active] or [phase |-> "recovering", log, data, next, target]
          disk,    \* the durable record: Nil, or [log, data]
          cli,     \* cli[c]: [phase, at], at the index (from 0) of the request c waits on in Script(c)
          net,     \* the messages in flight: a bag, message -> number of copies
          crashes, \* crashes so far
          hist     \* the client history: [client, call] and [client, ret] records

vars == <<db, disk, cli, net, crashes, hist>>

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]
Min(S) == CHOOSE x \in S : \A y \in S : x <= y

EmptyPages == [k \in Keys |-> Nil]
Empty == [log |-> <<>>, data |-> EmptyPages]
Winners(log) == {log[i].t : i \in {j \in 1 .. Len(log) : log[j].kind = "commit"}}
WithChanges(data, log, t) ==
  [k \in Keys |-> IF \E i \in 1 .. Len(log) : log[i].kind = "change" /\ log[i].t = t /\ log[i].key = k THEN t ELSE data[k]]
(* The content a complete recovery rebuilds from durable record d: its pages with every committed change redone. *)
Content(d) ==
  [k \in Keys |-> IF \E i \in 1 .. Len(d.log) : d.log[i].kind = "change" /\ d.log[i].key = k /\ d.log[i].t \in Winners(d.log)
                  THEN Owner(k) ELSE d.data[k]]

Init ==
  /\ db = [phase |-> "up", log |-> <<>>, buffer |-> <<>>, data |-> EmptyPages, active |-> {}]
  /\ disk = Nil
  /\ cli = [c \in Clients |-> [phase |-> "idle", at |-> 0]]
  /\ net = <<>>
  /\ crashes = 0
  /\ hist = <<>>

(* Client c sends request number `at` of its script (again, when answered busy). *)
Ask(c, at, bag) ==
  /\ cli' = [cli EXCEPT ![c] = [phase |-> "running", at |-> at]]
  /\ net' = Put(bag, [from |-> c, to |-> 0] @@ Script(c)[at + 1])

Invoke(c) ==
  /\ cli[c].phase = "idle"
  /\ Ask(c, 0, net)
  /\ hist' = Append(hist, [client |-> c, call |-> [op |-> "transaction"]])
  /\ UNCHANGED <<db, disk, crashes>>

ClientReceive(m, bag) ==
  LET c == m.to
      st == cli[c]
  IN /\ UNCHANGED <<db, disk, crashes>>
     /\ IF st.phase = "running" /\ m.type = "ok" /\ st.at + 1 < Len(Script(c)) THEN Ask(c, st.at + 1, bag) /\ UNCHANGED hist
        ELSE IF st.phase = "running" /\ m.type = "busy" THEN Ask(c, st.at, bag) /\ UNCHANGED hist
        ELSE IF st.phase = "running" /\ m.type \in {"committed", "aborted"}
        THEN /\ cli' = [cli EXCEPT ![c].phase = m.type]
             /\ hist' = Append(hist, [client |-> c, ret |-> m.type])
             /\ net' = bag
        ELSE /\ UNCHANGED <<cli, hist>>
             /\ net' = bag

Reply(c, type, bag) == Put(bag, [from |-> 0, to |-> c, type |-> type])
Room(s) == Len(s.log) + Len(s.buffer) < LogSize

(* The database, serving (state s), takes request m of client c's transaction. *)
Serve(s, c, m, bag) ==
  LET running == c \in s.active IN
  IF m.type # "begin" /\ ~running THEN /\ db' = s /\ net' = Reply(c, "aborted", bag) /\ UNCHANGED disk
  ELSE IF ~Room(s) THEN /\ db' = s /\ net' = Reply(c, "busy", bag) /\ UNCHANGED disk
  ELSE IF m.type = "begin"
  THEN /\ db' = IF running THEN s ELSE [s EXCEPT !.buffer = Append(@, [t |-> c, kind |-> "start"]), !.active = @ \cup {c}]
       /\ net' = Reply(c, "ok", bag)
       /\ UNCHANGED disk
  ELSE IF m.type = "write"
  THEN LET data == IF WriteInPlaceFirst THEN [s.data EXCEPT ![m.key] = c] ELSE s.data
       IN /\ db' = [s EXCEPT !.data = data, !.buffer = Append(@, [t |-> c, kind |-> "change", key |-> m.key])]
          /\ disk' = IF WriteInPlaceFirst THEN [log |-> s.log, data |-> data] ELSE disk
          /\ net' = Reply(c, "ok", bag)
  ELSE LET buffer == Append(s.buffer, [t |-> c, kind |-> "commit"])
           active == s.active \ {c}
       IN /\ IF AckBeforeDurable
             THEN /\ db' = [s EXCEPT !.buffer = buffer, !.active = active]
                  /\ UNCHANGED disk
             ELSE /\ db' = [s EXCEPT !.log = @ \o buffer, !.buffer = <<>>, !.active = active]
                  /\ disk' = [log |-> s.log \o buffer, data |-> s.data]
          /\ net' = Reply(c, "committed", bag)

(* Messages to the database are requests; recovering, it runs no transaction yet. *)
DbReceive(m, bag) ==
  /\ UNCHANGED <<cli, crashes, hist>>
  /\ IF db.phase = "up" THEN Serve(db, m.from, m, bag)
     ELSE /\ db' = db
          /\ net' = Reply(m.from, IF m.type = "begin" THEN "busy" ELSE "aborted", bag)
          /\ UNCHANGED disk

(* Message m, in flight to a live process, is delivered. *)
Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to = 0 => db # Nil
  /\ IF m.to = 0 THEN DbReceive(m, Take(net, m)) ELSE ClientReceive(m, Take(net, m))

Serving == db # Nil /\ db.phase = "up"
Recovering == db # Nil /\ db.phase = "recovering"

(* The oldest committed transaction's pages are written, its records dropped from the log. *)
Checkpoint ==
  /\ Serving
  /\ Winners(db.log) # {}
  /\ LET first == Min({i \in 1 .. Len(db.log) : db.log[i].kind = "commit"})
         t == db.log[first].t
         log == SelectSeq(db.log, LAMBDA r : r.t # t)
         data == WithChanges(db.data, db.log, t)
     IN /\ db' = [db EXCEPT !.log = log, !.data = data]
        /\ disk' = [log |-> log, data |-> data]
  /\ UNCHANGED <<cli, net, crashes, hist>>

(* The buffer is forced to disk (taken only when it holds a commit, which only AckBeforeDurable leaves there). *)
Flush ==
  /\ Serving
  /\ Winners(db.buffer) # {}
  /\ db' = [db EXCEPT !.log = @ \o db.buffer, !.buffer = <<>>]
  /\ disk' = [log |-> db.log \o db.buffer, data |-> db.data]
  /\ UNCHANGED <<cli, net, crashes, hist>>

RedoAt == {i \in 1 .. Len(db.log) : i > db.next /\ db.log[i].kind = "change" /\ (RedoUncommitted \/ db.log[i].t \in Winners(db.log))}

Redo ==
  /\ Recovering
  /\ RedoAt # {}
  /\ LET i == Min(RedoAt)
         data == [db.data EXCEPT ![db.log[i].key] = db.log[i].t]
     IN /\ db' = [db EXCEPT !.data = data, !.next = i]
        /\ disk' = [log |-> db.log, data |-> data]
  /\ UNCHANGED <<cli, net, crashes, hist>>

Finish ==
  /\ Recovering
  /\ RedoAt = {}
  /\ db' = [phase |-> "up", log |-> <<>>, buffer |-> <<>>, data |-> db.data, active |-> {}]
  /\ disk' = [log |-> <<>>, data |-> db.data]
  /\ UNCHANGED <<cli, net, crashes, hist>>

Crash ==
  /\ db # Nil
  /\ crashes < MaxCrashes
  /\ db' = Nil
  /\ crashes' = crashes + 1
  /\ UNCHANGED <<disk, cli, net, hist>>

Recover ==
  /\ db = Nil
  /\ LET d == IF disk = Nil THEN Empty ELSE disk
     IN db' = [phase |-> "recovering", log |-> d.log, data |-> d.data, next |-> 0, target |-> Content(d)]
  /\ UNCHANGED <<disk, cli, net, crashes, hist>>

Next ==
  \/ \E c \in Clients : Invoke(c)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ Checkpoint \/ Flush \/ Redo \/ Finish
  \/ Crash \/ Recover

Spec == Init /\ [][Next]_vars

(* Every message the processes can send: the universe the fairness of delivery ranges over. *)
Msgs == [from : Clients, to : {0}, type : {"begin", "commit"}]
        \cup [from : Clients, to : {0}, type : {"write"}, key : Keys]
        \cup [from : {0}, to : Clients, type : {"ok", "busy", "committed", "aborted"}]

FairSpec ==
  /\ Spec
  /\ \A c \in Clients : WF_vars(Invoke(c))
  /\ \A m \in Msgs : WF_vars(Deliver(m))
  /\ WF_vars(Checkpoint) /\ WF_vars(Flush) /\ WF_vars(Redo) /\ WF_vars(Finish)
  /\ WF_vars(Recover)

(***************************************************************************)
(* Properties, twins of those in specs/write-ahead-log/model.ts.           *)
(***************************************************************************)

Shown == Content(IF disk = Nil THEN Empty ELSE disk)
Visible(c) == Cardinality({k \in PagesOf(c) : Shown[k] = c})

AcknowledgedCommitsSurvive == \A c \in Clients : cli[c].phase = "committed" => Visible(c) = W
NoPartialTransaction ==
  Serving => \A c \in Clients \ db.active : IF cli[c].phase = "aborted" THEN Visible(c) = 0 ELSE Visible(c) \in {0, W}
RecoveryIdempotent == Recovering => Shown = db.target

(* The twins of `sometimes commits` and `sometimes recovery-redone`: TLC must find these invariants violated. *)
NeverCommits == \A c \in Clients : cli[c].phase # "committed"
NeverRedone ==
  ~(Recovering /\ db.next = 0
    /\ \E i \in 1 .. Len(db.log) : db.log[i].kind = "change" /\ db.data[db.log[i].key] = db.log[i].t /\ db.log[i].t \in Winners(db.log))

Final == \A c \in Clients : cli[c].phase \in {"committed", "aborted"}
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec. *)
EveryTransactionEnds == <>Final
=============================================================================
