---- MODULE MCTwoWriters ----
EXTENDS TimestampRegister
MC_NNodes == 2
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "write", value |-> 2], [op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_LocalClock == FALSE
MC_Skew == 1
====
