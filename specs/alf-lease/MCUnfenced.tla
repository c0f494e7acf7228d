---- MODULE MCUnfenced ----
EXTENDS AlfLease
MC_NClients == 2
MC_Lease == 3
MC_Heartbeat == 2
MC_Unlock == 7
MC_Rates == {2, 3}
MC_MaxCrashes == 1
MC_Crashable == {1}
MC_MaxIsolations == 0
MC_Horizon == 0
MC_Offsets == {0}
MC_AbsoluteExpiry == FALSE
MC_FromReceipt == FALSE
MC_Unfenced == TRUE
====
