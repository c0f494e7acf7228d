/** The benchmark cases: ABD at its default size (over 10^5 distinct states) and smaller, and the library's larger defaults. */
export const cases: readonly { label: string; spec: string; variant: string; settings: readonly string[] }[] = [
  { label: "abd default (w1,r; 1 crash)", spec: "abd", variant: "main", settings: [] },
  { label: "abd w1,r; no crash", spec: "abd", variant: "main", settings: ["crashes=0"] },
  { label: "abd one client w1r; 1 crash", spec: "abd", variant: "main", settings: ["clients=1", "ops=w1r"] },
  { label: "paxos default (2 proposers, 3 acceptors, 1 crash)", spec: "paxos", variant: "main", settings: [] },
  { label: "two-phase-commit rms=4", spec: "two-phase-commit", variant: "main", settings: ["rms=4"] },
  { label: "timestamp-register default (3 nodes, w1,r)", spec: "timestamp-register", variant: "main", settings: [] },
];
