import { getHeapStatistics } from "node:v8";
import { UsageError } from "../errors.ts";

/*
 * A memory bound for a search: the heap in use (V8's used heap plus the typed arrays outside it) is sampled now
 * and then, and once it passes the bound the search stops as at any other bound, with its partial figures, instead
 * of the process dying when V8's heap limit is reached.
 */

/** The heap limit of this thread's V8 isolate (Node's --max-old-space-size and the like). */
export const heapLimit = (): number => getHeapStatistics().heap_size_limit;

/** Share of the heap limit a search may use when no bound is given: the rest is room to build the result. */
export const defaultShare = 0.8;

/** Past this share of the heap limit a search stops whatever bound was given: V8 would soon abort the process. */
const hardShare = 0.9;

/** The bound a search runs under: `bytes` when given (UsageError above the heap limit), else 80% of the heap limit. */
export function memoryBound(bytes?: number): number {
  const limit = heapLimit();
  if (bytes === undefined) return Math.floor(limit * defaultShare);
  if (bytes > limit)
    throw new UsageError(
      `--memory ${sizeText(bytes)} is more than this process's heap limit (${sizeText(limit)}); ` +
        `raise that with NODE_OPTIONS=--max-old-space-size=<MiB>, or ask for less`,
    );
  return bytes;
}

/** Memory figures of a search: its bound, the most heap seen in use, and the heap it grew by per distinct state. */
export interface MemoryFigures {
  readonly limitBytes: number;
  readonly peakBytes: number;
  /**
   * The heap's growth (its peak less its lowest sample, which follows a collection more often than the first) over the
   * distinct states: an estimate, since garbage not yet collected counts; meaningful for large searches only.
   */
  readonly bytesPerState: number;
}

/** Samples the heap against a bound; cheap enough to call every few thousand states (one V8 statistics call). */
export class MemoryMeter {
  /** The memory in use at the last sample (V8's used heap plus the typed arrays outside it). */
  inUse: number;
  private low: number;
  private peak: number;
  private readonly hardLimit: number;

  constructor(readonly limit: number) {
    this.hardLimit = heapLimit() * hardShare;
    this.low = this.peak = this.inUse = inUse().total;
  }

  /** Samples the heap; true once it passes the bound (or comes close to V8's own limit). */
  exceeded(): boolean {
    const { total, heap } = inUse();
    this.inUse = total;
    if (total > this.peak) this.peak = total;
    if (total < this.low) this.low = total;
    return total > this.limit || heap > this.hardLimit;
  }

  /** The figures after a search that found `distinctStates` states (samples the heap once more). */
  figures(distinctStates: number): MemoryFigures {
    this.exceeded();
    const grown = this.peak - this.low;
    return { limitBytes: this.limit, peakBytes: this.peak, bytesPerState: distinctStates > 0 ? Math.round(grown / distinctStates) : 0 };
  }
}

function inUse(): { total: number; heap: number } {
  const stats = getHeapStatistics();
  return { total: stats.used_heap_size + stats.external_memory, heap: stats.used_heap_size };
}

const units: Readonly<Record<string, number>> = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** A size such as 512m or 4g (k, m, g, t: powers of 1024; no unit: bytes); a UsageError naming the option otherwise. */
export function parseSize(option: string, raw: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)([kmgt]?)$/i.exec(raw);
  const bytes = match ? Math.floor(Number(match[1]) * units[match[2]!.toLowerCase()]!) : NaN;
  if (!(bytes >= 1 && Number.isSafeInteger(bytes)))
    throw new UsageError(`--${option} takes a size such as 512m or 4g (k, m, g, t: powers of 1024), got "${raw}"`);
  return bytes;
}

/** A size as people read it: 512 MiB, 4.0 GiB. */
export function sizeText(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)} MiB`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)} KiB`;
  return `${bytes} B`;
}
