---- MODULE MCThreeClients ----
EXTENDS ChainReplication
MC_NNodes == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "write", value |-> 2]>>, <<[op |-> "read"], [op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_ReadAtHead == FALSE
====
