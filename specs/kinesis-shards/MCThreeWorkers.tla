---- MODULE MCThreeWorkers ----
EXTENDS KinesisShards
MC_W == 3
MC_N == 1
MC_Expiry == 1
MC_MaxLease == 2
MC_MaxCrashes == 0
MC_CheckpointBeforeProcessing == FALSE
MC_UnconditionalCheckpoint == FALSE
====
