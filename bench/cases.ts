/** The benchmark cases: ABD at its default size (over 10^5 distinct states) and at smaller sizes. */
export const cases: readonly { label: string; spec: string; variant: string; settings: readonly string[] }[] = [
  { label: "abd default (w1,r; 1 crash)", spec: "abd", variant: "main", settings: [] },
  { label: "abd w1,r; no crash", spec: "abd", variant: "main", settings: ["crashes=0"] },
  { label: "abd one client w1r; 1 crash", spec: "abd", variant: "main", settings: ["clients=1", "ops=w1r"] },
];
