---- MODULE AP ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x
Up == [][x' > x]_x
InitBig == x > 0
====
