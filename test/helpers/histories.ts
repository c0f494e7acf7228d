/** Histories of register operations for the linearizability tests: builders, and random histories for fast-check. */
import fc from "fast-check";
import type { HistoryEvent, Operation } from "../../src/actor/index.ts";

export const call = (client: number, op: Operation): HistoryEvent => ({ client, call: op });
export const ret = (client: number, value: unknown): HistoryEvent => ({ client, ret: value });
export const w = (value: number): Operation => ({ op: "write", value });
export const r: Operation = { op: "read" };

/**
 * Random histories: up to 3 clients, each a sequence of up to 2 reads and writes, calls and returns interleaved at
 * random; a read returns one of `readResults`, and the last `cut` (up to `maxCut`) events are left out.
 */
export function randomHistories(readResults: readonly unknown[], maxCut = 0): fc.Arbitrary<HistoryEvent[]> {
  return fc
    .array(fc.array(fc.oneof(fc.constant<Operation>(r), fc.integer({ min: 1, max: 2 }).map(w)), { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((scripts) =>
      fc.tuple(
        fc.constant(scripts),
        fc.array(fc.nat(scripts.length - 1), { minLength: 12, maxLength: 12 }),
        fc.array(fc.constantFrom(...readResults), { minLength: 6, maxLength: 6 }),
        fc.nat(maxCut),
      ),
    )
    .map(([scripts, schedule, results, cut]) => {
      const history: HistoryEvent[] = [];
      const position = scripts.map(() => 0);
      const open = scripts.map(() => false);
      let k = 0;
      for (const c of schedule) {
        if (open[c]) {
          const op = scripts[c]![position[c]! - 1]!;
          history.push(ret(c, op.op === "write" ? "ok" : results[k++ % results.length]));
          open[c] = false;
        } else if (position[c]! < scripts[c]!.length) {
          history.push(call(c, scripts[c]![position[c]!++]!));
          open[c] = true;
        }
      }
      return history.slice(0, Math.max(1, history.length - cut));
    });
}
