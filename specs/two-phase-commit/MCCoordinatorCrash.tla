---- MODULE MCCoordinatorCrash ----
EXTENDS TwoPhaseCommit
MC_D == 3
MC_MaxCrashes == 1
MC_CommitWithoutAllVotes == FALSE
====
