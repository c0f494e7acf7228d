---- MODULE MCReshardingWithoutEpoch ----
EXTENDS KinesisResharding
MC_Script == <<"a", "b", "a", "b">>
MC_Hash == ("a" :> 97 @@ "b" :> 98)
MC_SplitWithoutEpoch == TRUE
MC_ClosedShardAccepts == FALSE
====
