---- MODULE MCMain ----
EXTENDS KinesisShards
MC_W == 2
MC_N == 2
MC_Expiry == 1
MC_MaxLease == 2
MC_MaxCrashes == 1
MC_CheckpointBeforeProcessing == FALSE
MC_UnconditionalCheckpoint == FALSE
====
