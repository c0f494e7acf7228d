---- MODULE MCMain ----
EXTENDS TwoPhaseCommit
MC_D == 3
MC_CommitWithoutAllVotes == FALSE
====
