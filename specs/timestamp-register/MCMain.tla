---- MODULE MCMain ----
EXTENDS TimestampRegister
MC_NNodes == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_LocalClock == FALSE
MC_Skew == 1
====
