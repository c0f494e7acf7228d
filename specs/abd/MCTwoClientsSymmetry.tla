---- MODULE MCTwoClientsSymmetry ----
EXTENDS Abd, TLC
CONSTANTS s1, s2, s3
MC_NServers == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_ReaderSkipsWriteBack == FALSE
MC_WriterSkipsQuery == FALSE
MC_Servers == {s1, s2, s3}
MC_Symmetry == Permutations(MC_Servers)
====
