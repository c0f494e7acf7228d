---- MODULE MCMain ----
EXTENDS LamportClocks
MC_N == 3
MC_Events == 1
MC_ReceiveWithoutMax == FALSE
====
