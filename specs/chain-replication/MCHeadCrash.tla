---- MODULE MCHeadCrash ----
EXTENDS ChainReplication
MC_NNodes == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "read"], [op |-> "read"]>>>>
MC_MaxCrashes == 1
MC_ReadAtHead == FALSE
====
