import type { Progress } from "../explore/result.ts";

/**
 * A progress line on stderr, rewritten in place, once a search has run for a second; only on a terminal.
 * Returns the callback for the explorer and a function that clears the line.
 */
export function progressLine(): { report: (p: Progress) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    report(p) {
      if (!tty || p.seconds < 1) return;
      shown = true;
      const n = (x: number) => x.toLocaleString("en");
      const rate = Math.round(p.distinctStates / p.seconds);
      process.stderr.write(`\r${n(p.distinctStates)} states, ${n(rate)} states/s, queue ${n(p.queue)}, depth ${p.depth}\x1b[K`);
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}
