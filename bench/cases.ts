/**
 * The benchmark cases: ABD at its default size (over 10^5 distinct states) and smaller, and the library's
 * larger defaults. "safety" drops the liveness properties (no state graph is kept, no fair-cycle search),
 * so each pair shows what liveness checking costs.
 */
export const cases: readonly { label: string; spec: string; variant: string; settings: readonly string[]; checks: "all" | "safety" }[] = [
  { label: "abd default (w1,r; 1 crash)", spec: "abd", variant: "main", settings: [], checks: "all" },
  { label: "abd default (w1,r; 1 crash)", spec: "abd", variant: "main", settings: [], checks: "safety" },
  { label: "abd w1,r; no crash", spec: "abd", variant: "main", settings: ["crashes=0"], checks: "all" },
  { label: "abd one client w1r; 1 crash", spec: "abd", variant: "main", settings: ["clients=1", "ops=w1r"], checks: "all" },
  { label: "paxos default (2 proposers, 3 acceptors, 1 crash)", spec: "paxos", variant: "main", settings: [], checks: "all" },
  { label: "paxos default (2 proposers, 3 acceptors, 1 crash)", spec: "paxos", variant: "main", settings: [], checks: "safety" },
  { label: "two-phase-commit rms=4", spec: "two-phase-commit", variant: "main", settings: ["rms=4"], checks: "all" },
  { label: "two-phase-commit rms=4", spec: "two-phase-commit", variant: "main", settings: ["rms=4"], checks: "safety" },
  { label: "timestamp-register default (3 nodes, w1,r)", spec: "timestamp-register", variant: "main", settings: [], checks: "all" },
];
