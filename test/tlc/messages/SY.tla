---- MODULE SY ----
EXTENDS Naturals, TLC, FiniteSets
CONSTANT P
VARIABLE x
Init == x \in [P -> {0}]
Next == \E p \in P : x[p] < 2 /\ x' = [x EXCEPT ![p] = @ + 1]
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Sym == Permutations(P)
Live == <>(\A p \in P : x[p] = 2)
ASSUME Cardinality(P) > 0
====
