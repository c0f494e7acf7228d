---- MODULE MCWriteInPlaceFirst ----
EXTENDS WriteAheadLog
MC_T == 2
MC_W == 2
MC_LogSize == 7
MC_MaxCrashes == 2
MC_AckBeforeDurable == FALSE
MC_WriteInPlaceFirst == TRUE
MC_RedoUncommitted == FALSE
====
