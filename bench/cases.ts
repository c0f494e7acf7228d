/**
 * The benchmark cases: ABD at its default size (over 10^5 distinct states) and smaller, the library's larger
 * defaults, and the time, recovery and lease protocols at their defaults or their largest recorded configurations.
 * "safety" drops the liveness properties (no state graph is kept, no fair-cycle search), so each pair shows what
 * liveness checking costs.
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
  { label: "alf-lease default (2 clients, drift 2–3, 1 crash)", spec: "alf-lease", variant: "main", settings: [], checks: "all" },
  {
    label: "alf-lease drift 3–5, lease 4, 1 crash",
    spec: "alf-lease",
    variant: "main",
    settings: ["slowest=3", "fastest=5", "lease=4"],
    checks: "all",
  },
  { label: "write-ahead-log default (2 × 2 writes, 2 crashes)", spec: "write-ahead-log", variant: "main", settings: [], checks: "all" },
  {
    label: "kinesis-shards 3 workers, no crash",
    spec: "kinesis-shards",
    variant: "main",
    settings: ["workers=3", "crashes=0", "records=1"],
    checks: "all",
  },
  { label: "swf-log 3 entries, drift", spec: "swf-log", variant: "main", settings: ["entries=3", "drift=1"], checks: "all" },
];
