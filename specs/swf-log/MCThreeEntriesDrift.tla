---- MODULE MCThreeEntriesDrift ----
EXTENDS SwfLog
MC_OwnerEntries == 3
MC_SuccessorEntries == 1
MC_Window == 2
MC_Term == 1
MC_Guard == 3
MC_Rates == {1, 2}
MC_CheckpointAfter == 1
MC_MaxPartitions == 1
MC_NoSeal == FALSE
MC_UnconditionalPut == FALSE
====
