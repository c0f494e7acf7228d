---- MODULE MCFourRMs ----
EXTENDS TwoPhaseCommit
MC_D == 4
MC_CommitWithoutAllVotes == FALSE
====
