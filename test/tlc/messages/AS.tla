---- MODULE AS ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
ASSUME N > 5
Init == x = 0
Next == UNCHANGED x
====
