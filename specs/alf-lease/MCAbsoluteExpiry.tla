---- MODULE MCAbsoluteExpiry ----
EXTENDS AlfLease
MC_NClients == 2
MC_Lease == 3
MC_Heartbeat == 2
MC_Unlock == 4
MC_Rates == {3}
MC_MaxCrashes == 0
MC_Crashable == {1}
MC_MaxIsolations == 0
MC_Horizon == 2
MC_Offsets == {0, 2}
MC_AbsoluteExpiry == TRUE
MC_FromReceipt == FALSE
MC_Unfenced == FALSE
====
