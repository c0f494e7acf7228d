---- MODULE MCNoSeal ----
EXTENDS SwfLog
MC_OwnerEntries == 2
MC_SuccessorEntries == 1
MC_Window == 2
MC_Term == 1
MC_Guard == 2
MC_Rates == {1}
MC_CheckpointAfter == 1
MC_MaxPartitions == 1
MC_NoSeal == TRUE
MC_UnconditionalPut == FALSE
====
