---- MODULE MCTwoCrashesOneWrite ----
EXTENDS Abd
MC_NServers == 3
MC_Scripts == <<<<[op |-> "write", value |-> 1]>>>>
MC_MaxCrashes == 2
MC_ReaderSkipsWriteBack == FALSE
MC_WriterSkipsQuery == FALSE
====
