---- MODULE MCWriterNoQuery ----
EXTENDS Abd
MC_NServers == 1
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>, <<[op |-> "write", value |-> 2], [op |-> "read"]>>>>
MC_MaxCrashes == 0
MC_ReaderSkipsWriteBack == FALSE
MC_WriterSkipsQuery == TRUE
====
