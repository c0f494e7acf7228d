/** The benchmark cases: ABD at the default size and at sizes beyond 10^5 distinct states. */
export const cases: readonly { label: string; spec: string; variant: string; settings: readonly string[] }[] = [
  { label: "abd default (w1,rr; 1 crash)", spec: "abd", variant: "main", settings: [] },
  { label: "abd w1r,rr; 1 crash", spec: "abd", variant: "main", settings: ["ops=w1r,rr"] },
  { label: "abd 3 clients w1,w2,r; 0 crashes", spec: "abd", variant: "main", settings: ["clients=3", "ops=w1,w2,r", "crashes=0"] },
];
