---- MODULE EV ----
EXTENDS Naturals, Sequences
VARIABLE x
Init == x = 0
Next == x' = x + 1 /\ (x < 2 \/ Head(<<>>) = 1)
Inv == x \in Nat
====
