---- MODULE MCDuelingProposers ----
EXTENDS PaxosDueling
MC_NProposers == 2
MC_NAcceptors == 2
====
