---- MODULE A ----
EXTENDS Naturals, TLC
VARIABLE x
Init == x \in 0..3
Next == x' = x + 1 /\ Assert(x < 5, "x too big")
Spec == Init /\ [][Next]_x
====
