---- MODULE MCOneCrash ----
EXTENDS WriteOnceChain
MC_NNodes == 3
MC_NProposers == 2
MC_NReaders == 1
MC_MaxCrashes == 1
MC_LastWriteWins == FALSE
====
