---- MODULE MCTwoAcceptorsOneCrash ----
EXTENDS Paxos
MC_NProposers == 2
MC_NAcceptors == 2
MC_NLearners == 1
MC_MaxCrashes == 1
MC_AcceptWithoutPromiseCheck == FALSE
====
