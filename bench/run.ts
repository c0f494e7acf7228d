/**
 * `npm run bench`: explorer throughput and peak memory per case, each case in a fresh process so its
 * peak RSS is its own. Not a test: it prints figures for the closing notes.
 */
import { execFileSync } from "node:child_process";
import { cases } from "./cases.ts";

const rows = cases.map((_, i) => JSON.parse(execFileSync("node", ["--import", "tsx", "bench/case.ts", String(i)], { encoding: "utf8" })));
console.log("| case | checks | distinct | generated | depth | seconds | distinct/s | generated/s | peak RSS |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const rate = (x: number) => Math.round(x / r.seconds).toLocaleString("en");
  const checks = r.checks === "safety" ? "safety only" : `safety + ${r.liveness.join(", ") || "no liveness"}`;
  const n = (x: number) => x.toLocaleString("en");
  const cells = [r.label, checks, n(r.distinct), n(r.generated), r.depth, r.seconds.toFixed(2), rate(r.distinct), rate(r.generated)];
  console.log(`| ${cells.join(" | ")} | ${Math.round(r.peakRssKiB / 1024)} MiB |`);
}
