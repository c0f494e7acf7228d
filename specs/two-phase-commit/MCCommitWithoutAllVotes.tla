---- MODULE MCCommitWithoutAllVotes ----
EXTENDS TwoPhaseCommit
MC_D == 3
MC_MaxCrashes == 0
MC_CommitWithoutAllVotes == TRUE
====
