---- MODULE MCThreeProposers ----
EXTENDS WriteOnceChain
MC_NNodes == 3
MC_NProposers == 3
MC_NReaders == 2
MC_MaxCrashes == 0
MC_LastWriteWins == FALSE
====
