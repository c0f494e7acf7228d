---- MODULE MCThreeAcceptorsSymmetry ----
EXTENDS Paxos, TLC
CONSTANTS a1, a2, a3
MC_NProposers == 2
MC_NAcceptors == 3
MC_NLearners == 1
MC_MaxCrashes == 0
MC_AcceptWithoutPromiseCheck == FALSE
MC_Acceptors == {a1, a2, a3}
MC_Symmetry == Permutations(MC_Acceptors)
====
