---- MODULE MCMainSymmetry ----
EXTENDS TwoPhaseCommit, TLC
CONSTANTS rm1, rm2, rm3
MC_D == 3
MC_MaxCrashes == 0
MC_CommitWithoutAllVotes == FALSE
MC_RMs == {rm1, rm2, rm3}
MC_Symmetry == Permutations(MC_RMs)
====
