------------------------------ MODULE AlfLease ------------------------------
(***************************************************************************)
(* The ALF lease lock (the notes' "ALF Locks") at the level of detail of   *)
(* src/protocols/alf-lease and checker/actors: the lock server (process    *)
(* 0), clients 1..NClients and the protected resource (NClients + 1), the  *)
(* same messages on an unordered, non-duplicating network (a bag).         *)
(*                                                                         *)
(* A client asks for the lock and starts its lease timer when it *sends*   *)
(* the request (the notes' staleness Ts cuts into the wait time); a grant  *)
(* arriving after the timer ran out is discarded, and a busy answer sends  *)
(* it back to ask again. Holding, it renews every Heartbeat units: each    *)
(* renew starts a timer of its own, which becomes the lease in force when  *)
(* the server confirms (field lease: 0 or 1). When the lease in force runs *)
(* out the client fails (on_failure) for good. The server grants a free    *)
(* lock, numbering grants (the fencing token), answers busy otherwise, and *)
(* unlocks Unlock units of its clock after the last grant or renewal it    *)
(* received (Tu = Ts + delta). The holder writes once; the resource        *)
(* refuses a write older than the last it applied (unless Unfenced) and    *)
(* answers each write; the holder releases once its write is applied, and  *)
(* fails when it is refused.                                               *)
(*                                                                         *)
(* Time, as checker/actors/environment.ts models it: a Tick no process     *)
(* reads. At each tick every process with a running timer (every process,  *)
(* with a Horizon) advances its clock by a rate in Rates, chosen per       *)
(* process and per tick; a timer's remaining units go down by it, floored  *)
(* at 0. No tick happens while any timer is due (remaining 0): a due timer *)
(* fires first. The state keeps each timer's remaining units, not clocks,  *)
(* so it is finite with unbounded time. Only with Horizon > 0 (the         *)
(* AbsoluteExpiry flaw, which reads clocks) are `now` and `clock` part of  *)
(* the state, clocks starting at any of Offsets, and time stops at         *)
(* Horizon; otherwise both stay 0.                                         *)
(*                                                                         *)
(* Known-wrong variants: AbsoluteExpiry (the grant carries an expiry time  *)
(* on the server's clock, which the client compares with its own),         *)
(* FromReceipt (the client measures its lease from receipt of the grant),  *)
(* an Unlock without the drift margin (= the lease; set by the pairing),   *)
(* Unfenced.                                                               *)
(*                                                                         *)
(* Faults: crash-stop of the Crashable clients (at most MaxCrashes; a      *)
(* crashed process's timers are lost and messages to it never delivered),  *)
(* and up to MaxIsolations isolations of a client (every link to or from   *)
(* it cut; its messages wait) healed by Heal, weakly fair.                 *)
(*                                                                         *)
(* FairSpec states the explorer's fairness (checker/actors/system.ts):     *)
(* weak fairness of each client's local steps, of delivering each message, *)
(* of each process's timer, of Tick and of Heal; crashes and isolations    *)
(* are never owed.                                                         *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS NClients, Lease, Heartbeat, Unlock, Rates, MaxCrashes, Crashable, MaxIsolations,
          Horizon, Offsets, Nil, AbsoluteExpiry, FromReceipt, Unfenced

Server == 0
Clients == 1 .. NClients
Resource == NClients + 1
Procs == 0 .. NClients + 1
FromSend == ~AbsoluteExpiry /\ ~FromReceipt
LeaseTimer(i) == IF i = 0 THEN "lease0" ELSE "lease1"

VARIABLES server,     \* [holder, seq]
          client,     \* client[c]: [phase, seq, lease, renewing, write]
          resource,   \* [applied]: the sequence numbers of the writes applied, in order
          net,        \* the messages in flight: a bag, message -> number of copies
          crashed,    \* the crashed clients
          timers,     \* timers[p]: timer name -> units of p's clock left
          isolated,   \* the isolated clients
          isolations, \* isolations so far
          now,        \* ticks so far (only with a Horizon; else 0)
          clock       \* clock[p]: p's local clock (only with a Horizon; else 0)

vars == <<server, client, resource, net, crashed, timers, isolated, isolations, now, clock>>

Max(a, b) == IF a > b THEN a ELSE b

Put(bag, m) == IF m \in DOMAIN bag THEN [bag EXCEPT ![m] = @ + 1] ELSE bag @@ (m :> 1)
Take(bag, m) == IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]] ELSE [bag EXCEPT ![m] = @ - 1]

NoTimers == [n \in {} |-> 0]
SetT(t, n, d) == [x \in DOMAIN t \cup {n} |-> IF x = n THEN d ELSE t[x]]
CancelT(t, n) == [x \in DOMAIN t \ {n} |-> t[x]]

Idle == [phase |-> "idle", seq |-> Nil, lease |-> 0, renewing |-> FALSE, write |-> "unsent"]
Phase(p) == [Idle EXCEPT !.phase = p]

Cut(from, to) == from # to /\ (from \in isolated \/ to \in isolated)

(* The grant or renewal the server sends client c for grant seq: with AbsoluteExpiry, an expiry time on its clock. *)
Answer(type, c, seq) ==
  IF AbsoluteExpiry THEN [from |-> Server, to |-> c, type |-> type, seq |-> seq, expires |-> clock[Server] + Lease]
  ELSE [from |-> Server, to |-> c, type |-> type, seq |-> seq]

Init ==
  /\ server = [holder |-> Nil, seq |-> 0]
  /\ client = [c \in Clients |-> Idle]
  /\ resource = [applied |-> <<>>]
  /\ net = <<>>
  /\ crashed = {}
  /\ timers = [p \in Procs |-> NoTimers]
  /\ isolated = {}
  /\ isolations = 0
  /\ now = 0
  /\ clock \in [Procs -> Offsets]

-----------------------------------------------------------------------------
(* Handlers: the step of the process a message m is delivered to; bag is the network without m. *)

ServerReceive(m, bag) ==
  /\ UNCHANGED <<client, resource>>
  /\ IF m.type = "acquire" /\ server.holder = Nil
     THEN /\ server' = [holder |-> m.from, seq |-> server.seq + 1]
          /\ timers' = [timers EXCEPT ![Server] = SetT(@, "unlock", Unlock)]
          /\ net' = Put(bag, Answer("grant", m.from, server.seq + 1))
     ELSE IF m.type = "acquire"
     THEN /\ net' = Put(bag, [from |-> Server, to |-> m.from, type |-> "busy"])
          /\ UNCHANGED <<server, timers>>
     ELSE IF m.type = "renew" /\ server.holder = m.from /\ m.seq = server.seq
     THEN /\ timers' = [timers EXCEPT ![Server] = SetT(@, "unlock", Unlock)]
          /\ net' = Put(bag, Answer("renewed", m.from, m.seq))
          /\ UNCHANGED server
     ELSE IF m.type = "release" /\ server.holder = m.from /\ m.seq = server.seq
     THEN /\ server' = [server EXCEPT !.holder = Nil]
          /\ timers' = [timers EXCEPT ![Server] = CancelT(@, "unlock")]
          /\ net' = bag
     ELSE /\ net' = bag
          /\ UNCHANGED <<server, timers>>

(* With AbsoluteExpiry: the units left until `expires` on client c's clock. *)
Left(c, m) == Max(0, m.expires - clock[c])

ClientReceive(m, bag) ==
  LET c == m.to
      st == client[c]
      t == timers[c]
  IN /\ net' = bag
     /\ UNCHANGED <<server, resource>>
     /\ IF m.type = "busy" /\ st.phase \in {"requesting", "late"}
        THEN /\ client' = [client EXCEPT ![c] = Idle]
             /\ timers' = [timers EXCEPT ![c] = CancelT(t, "lease0")]
        ELSE IF m.type = "grant" /\ st.phase = "late"
        THEN /\ client' = [client EXCEPT ![c] = Phase("failed")]
             /\ UNCHANGED timers
        ELSE IF m.type = "grant" /\ st.phase = "requesting" /\ AbsoluteExpiry /\ Left(c, m) = 0
        THEN /\ client' = [client EXCEPT ![c] = Phase("failed")]
             /\ timers' = [timers EXCEPT ![c] = NoTimers]
        ELSE IF m.type = "grant" /\ st.phase = "requesting"
        THEN /\ client' = [client EXCEPT ![c] = [Idle EXCEPT !.phase = "holding", !.seq = m.seq]]
             /\ timers' = [timers EXCEPT ![c] =
                             LET withLease == IF AbsoluteExpiry THEN SetT(t, "lease0", Left(c, m))
                                              ELSE IF FromReceipt THEN SetT(t, "lease0", Lease)
                                              ELSE t
                             IN SetT(withLease, "heartbeat", Heartbeat)]
        ELSE IF m.type = "renewed" /\ st.phase = "holding" /\ st.renewing /\ m.seq = st.seq
        THEN LET beat == SetT(t, "heartbeat", Heartbeat)
                 current == LeaseTimer(st.lease)
             IN IF FromSend
                THEN /\ client' = [client EXCEPT ![c].lease = 1 - st.lease, ![c].renewing = FALSE]
                     /\ timers' = [timers EXCEPT ![c] = CancelT(beat, current)]
                ELSE /\ client' = [client EXCEPT ![c].renewing = FALSE]
                     /\ timers' = [timers EXCEPT ![c] =
                                     IF AbsoluteExpiry THEN (IF Left(c, m) > 0 THEN SetT(beat, current, Left(c, m)) ELSE beat)
                                     ELSE SetT(beat, current, Lease)]
        ELSE IF m.type = "written" /\ st.phase = "holding" /\ st.write = "sent" /\ m.seq = st.seq
        THEN IF m.ok THEN /\ client' = [client EXCEPT ![c].write = "applied"]
                          /\ UNCHANGED timers
             ELSE /\ client' = [client EXCEPT ![c] = Phase("failed")]
                  /\ timers' = [timers EXCEPT ![c] = NoTimers]
        ELSE UNCHANGED <<client, timers>>

ResourceReceive(m, bag) ==
  LET applied == resource.applied
      ok == Unfenced \/ applied = <<>> \/ m.seq >= applied[Len(applied)]
  IN /\ UNCHANGED <<server, client, timers>>
     /\ IF m.type = "write"
        THEN /\ net' = Put(bag, [from |-> Resource, to |-> m.from, type |-> "written", seq |-> m.seq, ok |-> ok])
             /\ resource' = IF ok THEN [applied |-> Append(applied, m.seq)] ELSE resource
        ELSE /\ net' = bag
             /\ UNCHANGED resource

(* Message m, in flight to a live process over a link that is not cut, is delivered. *)
Deliver(m) ==
  /\ m \in DOMAIN net
  /\ m.to \notin crashed
  /\ ~Cut(m.from, m.to)
  /\ UNCHANGED <<crashed, isolated, isolations, now, clock>>
  /\ IF m.to = Server THEN ServerReceive(m, Take(net, m))
     ELSE IF m.to = Resource THEN ResourceReceive(m, Take(net, m))
     ELSE ClientReceive(m, Take(net, m))

-----------------------------------------------------------------------------
(* Clients' local steps. *)

Acquire(c) ==
  /\ c \notin crashed
  /\ client[c].phase = "idle"
  /\ client' = [client EXCEPT ![c] = Phase("requesting")]
  /\ net' = Put(net, [from |-> c, to |-> Server, type |-> "acquire"])
  /\ timers' = IF FromSend THEN [timers EXCEPT ![c] = SetT(@, "lease0", Lease)] ELSE timers
  /\ UNCHANGED <<server, resource, crashed, isolated, isolations, now, clock>>

Write(c) ==
  /\ c \notin crashed
  /\ client[c].phase = "holding" /\ client[c].write = "unsent"
  /\ client' = [client EXCEPT ![c].write = "sent"]
  /\ net' = Put(net, [from |-> c, to |-> Resource, type |-> "write", seq |-> client[c].seq])
  /\ UNCHANGED <<server, resource, crashed, timers, isolated, isolations, now, clock>>

Release(c) ==
  /\ c \notin crashed
  /\ client[c].phase = "holding" /\ client[c].write = "applied"
  /\ client' = [client EXCEPT ![c] = Phase("released")]
  /\ net' = Put(net, [from |-> c, to |-> Server, type |-> "release", seq |-> client[c].seq])
  /\ timers' = [timers EXCEPT ![c] = NoTimers]
  /\ UNCHANGED <<server, resource, crashed, isolated, isolations, now, clock>>

-----------------------------------------------------------------------------
(* Timers and time. *)

(* Process p's timer n is due and fires (it is stopped, then p's handler runs). *)
FireTimer(p, n) ==
  /\ n \in DOMAIN timers[p]
  /\ timers[p][n] = 0
  /\ UNCHANGED <<crashed, isolated, isolations, now, clock>>
  /\ LET t == CancelT(timers[p], n)
         st == client[p]
     IN IF p = Server
        THEN /\ server' = [server EXCEPT !.holder = Nil]
             /\ timers' = [timers EXCEPT ![p] = t]
             /\ UNCHANGED <<client, resource, net>>
        ELSE IF n = "heartbeat"
        THEN /\ client' = [client EXCEPT ![p].renewing = TRUE]
             /\ net' = Put(net, [from |-> p, to |-> Server, type |-> "renew", seq |-> st.seq])
             /\ timers' = [timers EXCEPT ![p] = IF FromSend THEN SetT(t, LeaseTimer(1 - st.lease), Lease) ELSE t]
             /\ UNCHANGED <<server, resource>>
        ELSE IF st.phase = "requesting"
        THEN /\ client' = [client EXCEPT ![p] = Phase("late")]
             /\ timers' = [timers EXCEPT ![p] = t]
             /\ UNCHANGED <<server, resource, net>>
        ELSE /\ client' = [client EXCEPT ![p] = Phase("failed")]
             /\ timers' = [timers EXCEPT ![p] = NoTimers]
             /\ UNCHANGED <<server, resource, net>>

Due == \E p \in Procs : \E n \in DOMAIN timers[p] : timers[p][n] = 0
Moving == IF Horizon > 0 THEN Procs ELSE {p \in Procs : DOMAIN timers[p] # {}}

(* Time passes: each moving process's clock advances by adv[p]. *)
TickBy(adv) ==
  /\ timers' = [p \in Procs |-> IF p \in DOMAIN adv THEN [n \in DOMAIN timers[p] |-> Max(0, timers[p][n] - adv[p])] ELSE timers[p]]
  /\ IF Horizon > 0 THEN /\ now' = now + 1
                         /\ clock' = [p \in Procs |-> clock[p] + adv[p]]
     ELSE UNCHANGED <<now, clock>>
  /\ UNCHANGED <<server, client, resource, net, crashed, isolated, isolations>>

Tick ==
  /\ ~Due
  /\ Moving # {}
  /\ Horizon = 0 \/ now < Horizon
  /\ \E adv \in [Moving -> Rates] : TickBy(adv)

-----------------------------------------------------------------------------
(* Faults. *)

Crash(c) ==
  /\ c \in Crashable
  /\ c \notin crashed
  /\ Cardinality(crashed) < MaxCrashes
  /\ crashed' = crashed \cup {c}
  /\ timers' = [timers EXCEPT ![c] = NoTimers]
  /\ UNCHANGED <<server, client, resource, net, isolated, isolations, now, clock>>

Isolate(c) ==
  /\ isolations < MaxIsolations
  /\ c \notin isolated
  /\ isolated' = isolated \cup {c}
  /\ isolations' = isolations + 1
  /\ UNCHANGED <<server, client, resource, net, crashed, timers, now, clock>>

Heal ==
  /\ isolated # {}
  /\ isolated' = {}
  /\ UNCHANGED <<server, client, resource, net, crashed, timers, isolations, now, clock>>

TimerNames == {"unlock", "lease0", "lease1", "heartbeat"}

Next ==
  \/ \E c \in Clients : Acquire(c) \/ Write(c) \/ Release(c)
  \/ \E p \in Procs : \E n \in TimerNames : FireTimer(p, n)
  \/ \E m \in DOMAIN net : Deliver(m)
  \/ Tick
  \/ \E c \in Clients : Crash(c)
  \/ \E c \in Clients : Isolate(c)
  \/ Heal

Spec == Init /\ [][Next]_vars

(* Every message the processes can send: the universe the fairness of delivery ranges over. *)
Seqs == 1 .. NClients
RECURSIVE SetMax(_)
SetMax(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN Max(x, SetMax(S \ {x}))
Times == 0 .. (Horizon * SetMax(Rates) + SetMax(Offsets) + Lease)
Msgs == [from : Clients, to : {Server}, type : {"acquire"}]
        \cup [from : {Server}, to : Clients, type : {"busy"}]
        \cup (IF AbsoluteExpiry THEN [from : {Server}, to : Clients, type : {"grant", "renewed"}, seq : Seqs, expires : Times]
              ELSE [from : {Server}, to : Clients, type : {"grant", "renewed"}, seq : Seqs])
        \cup [from : Clients, to : {Server}, type : {"renew", "release"}, seq : Seqs]
        \cup [from : Clients, to : {Resource}, type : {"write"}, seq : Seqs]
        \cup [from : {Resource}, to : Clients, type : {"written"}, seq : Seqs, ok : BOOLEAN]

FairSpec ==
  /\ Spec
  /\ \A c \in Clients : WF_vars(Acquire(c)) /\ WF_vars(Write(c)) /\ WF_vars(Release(c))
  /\ \A m \in Msgs : WF_vars(Deliver(m))
  /\ \A p \in Procs : \A n \in TimerNames : WF_vars(FireTimer(p, n))
  /\ WF_vars(Tick)
  /\ WF_vars(Heal)

(***************************************************************************)
(* Properties, twins of those in specs/alf-lease/model.ts.                 *)
(***************************************************************************)

(* No two live clients believe they hold the lock at once. *)
OneHolder == Cardinality({c \in Clients \ crashed : client[c].phase = "holding"}) <= 1

(* The resource applies writes in lease order: never an older lease's write after a newer one's. *)
OrderedWrites == \A i \in 1 .. Len(resource.applied) - 1 : resource.applied[i] <= resource.applied[i + 1]

(* The twin of `sometimes writes`: TLC must find this invariant violated. *)
NeverWrites == resource.applied = <<>>

(* The twin of `sometimes fence-refuses`: TLC must find this invariant violated. *)
NeverRefuses == ~\E m \in DOMAIN net : m.type = "written" /\ ~m.ok

(* Final: every client is crashed, released or failed (the server and the resource are always done). *)
Final == \A c \in Clients : c \in crashed \/ client[c].phase \in {"released", "failed"}
NoDeadlock == Final \/ ENABLED Next

(* Liveness, under FairSpec: a lock held by a failed (crashed or isolated) client while a live client still wants it
   is eventually held by a client that has not failed. *)
Failed(p) == p \in crashed \/ p \in isolated
HolderFailed ==
  /\ server.holder # Nil
  /\ Failed(server.holder)
  /\ \E c \in Clients : c # server.holder /\ c \notin crashed /\ client[c].phase \in {"idle", "requesting"}
WorkingHolder == server.holder # Nil /\ ~Failed(server.holder)
FailedLockGrantedAgain == HolderFailed ~> WorkingHolder

(* The twin of `sometimes holder-fails` (the liveness property is not vacuous): TLC must find it violated. *)
HolderNeverFails == ~HolderFailed
=============================================================================
