---- MODULE MCTwoProcesses ----
EXTENDS LamportClocks
MC_N == 2
MC_Events == 3
MC_ReceiveWithoutMax == FALSE
====
