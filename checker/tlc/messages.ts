import { UsageError } from "../errors.ts";

/** One message of TLC's tool mode (`-tool`): its code, severity and body lines. */
export interface TlcMessage {
  readonly code: number;
  readonly severity: number;
  readonly lines: readonly string[];
}

const start = /^@!@!@STARTMSG (\d+):(\d+) @!@!@$/;
const end = /^@!@!@ENDMSG (\d+) @!@!@$/;

/**
 * Splits tool-mode output into messages and the loose lines between them (SANY's parse and semantic
 * errors are printed outside messages). Unbalanced markers are an error naming the line.
 */
export function splitMessages(output: string): { messages: TlcMessage[]; loose: string[] } {
  const messages: TlcMessage[] = [];
  const loose: string[] = [];
  let open: { code: number; severity: number; lines: string[] } | undefined;
  output.split(/\r?\n/).forEach((line, i) => {
    const s = start.exec(line);
    if (s) {
      if (open) throw new UsageError(`TLC output line ${i + 1}: message ${s[1]} starts inside message ${open.code}`);
      open = { code: Number(s[1]), severity: Number(s[2]), lines: [] };
      return;
    }
    const e = end.exec(line);
    if (e) {
      if (!open || open.code !== Number(e[1])) throw new UsageError(`TLC output line ${i + 1}: end of message ${e[1]} that was not started`);
      messages.push(open);
      open = undefined;
      return;
    }
    (open ? open.lines : loose).push(line);
  });
  if (open) messages.push(open); // TLC killed mid-message: keep what it said
  return { messages, loose };
}

/** TLC's message codes (tlc2.output.EC) that the parser understands. */
export const codes = {
  version: 2262,
  mode: 2187,
  sanyStart: 2220,
  sanyEnd: 2219,
  starting: 2185,
  computingInit: 2189,
  initGenerated: [2190, 2191, 2207, 2208],
  impliedTemporal: 2212,
  checkingTemporal: 2192,
  checkingTemporalEnd: 2267,
  progress: 2200,
  stats: 2199,
  depth: 2194,
  outdegree: 2268,
  success: 2193,
  finished: 2186,
  checkpoint: [2195, 2196, 2197, 2198],
  invariantInitial: 2107,
  invariant: 2110,
  actionProperty: 2112,
  deadlock: 2114,
  temporal: 2116,
  assertFailed: 2132,
  behaviorHeader: [2121, 2264],
  state: [2216, 2217],
  stuttering: 2218,
  backToState: 2122,
} as const;
