---- MODULE MCMainSymmetry ----
EXTENDS TimestampRegister, TLC
CONSTANTS n1, n2, n3
MC_NNodes == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_LocalClock == FALSE
MC_Skew == 1
MC_Nodes == {n1, n2, n3}
MC_Symmetry == Permutations(MC_Nodes)
====
