---- MODULE MCResharding ----
EXTENDS KinesisResharding
MC_Script == <<"a", "b", "a", "b">>
MC_Hash == ("a" :> 97 @@ "b" :> 98)
MC_SplitWithoutEpoch == FALSE
MC_ClosedShardAccepts == FALSE
====
