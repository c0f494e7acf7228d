---- MODULE MCAckBeforeDurable ----
EXTENDS WriteAheadLog
MC_T == 2
MC_W == 2
MC_LogSize == 7
MC_MaxCrashes == 2
MC_AckBeforeDurable == TRUE
MC_WriteInPlaceFirst == FALSE
MC_RedoUncommitted == FALSE
====
