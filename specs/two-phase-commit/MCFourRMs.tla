---- MODULE MCFourRMs ----
EXTENDS TwoPhaseCommit
MC_D == 4
MC_MaxCrashes == 0
MC_CommitWithoutAllVotes == FALSE
====
