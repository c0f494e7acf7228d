---- MODULE MCReceiveWithoutMax ----
EXTENDS LamportClocks
MC_N == 3
MC_Events == 1
MC_ReceiveWithoutMax == TRUE
====
