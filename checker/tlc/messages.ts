import { UsageError } from "../errors.ts";

/** One message of TLC's tool mode (`-tool`): its code, severity and body lines. */
export interface TlcMessage {
  readonly code: number;
  readonly severity: number;
  readonly lines: readonly string[];
}

/**
 * The severity TLC prints after each code (`@!@!@STARTMSG code:severity @!@!@`), tlc2.output.MP. Only ERROR and
 * TLCBUG mean a failure or a finding; NONE (progress, information), WARNING and STATE (trace states) never do.
 */
export const severity = { none: 0, error: 1, tlcBug: 2, warning: 3, state: 4 } as const;

/** True for a message of severity ERROR or TLCBUG: TLC failed, or (for the codes of `violations`) found a violation. */
export const isError = (m: TlcMessage): boolean => m.severity === severity.error || m.severity === severity.tlcBug;

const start = /^@!@!@STARTMSG (\d+):(\d+) @!@!@$/;
const end = /^@!@!@ENDMSG (\d+) @!@!@$/;

/**
 * Splits tool-mode output into messages and the loose lines between them; `sany` holds the loose lines SANY printed
 * between its start and end messages (its parse and semantic errors and warnings). Unbalanced markers are an error.
 */
export function splitMessages(output: string): { messages: TlcMessage[]; loose: string[]; sany: string[] } {
  const messages: TlcMessage[] = [];
  const loose: string[] = [];
  const sany: string[] = [];
  let inSany = false;
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
      if (open.code === codes.sanyStart || open.code === codes.sanyEnd) inSany = open.code === codes.sanyStart;
      open = undefined;
      return;
    }
    if (open) open.lines.push(line);
    else {
      loose.push(line);
      if (inSany) sany.push(line);
    }
  });
  if (open) messages.push(open); // TLC killed mid-message: keep what it said
  return { messages, loose, sany };
}

/**
 * The codes of tlc2.output.EC that the parser reads. Every other code is handled by its severity alone: ignored when
 * NONE (e.g. 2187 mode, 2185/2186 start and end, 2189/2269/2190 initial states, 2212/2192/2267 temporal checking,
 * 2200 progress, 2268 outdegree, 2201/2202/2221/2772-2779 coverage, 2168 Java overrides), kept when WARNING, a
 * failure when ERROR or TLCBUG.
 */
export const codes = {
  version: 2262,
  sanyStart: 2220,
  sanyEnd: 2219,
  stats: 2199,
  depth: 2194,
  success: 2193,
  behaviorHeader: [2121, 2264],
  state: [2216, 2217],
  stuttering: 2218,
  backToState: 2122,
  /** "The error occurred when TLC was evaluating the nested expressions at ...": where the error before it happened. */
  nestedExpression: 2103,
  /** SANY failed: its own words are the loose lines it printed. */
  parsingFailed: [3002, 2171],
} as const;

/** ERROR-severity codes that report a violation (a verdict), with the kind and the line naming the properties. */
export const violations: ReadonlyMap<number, { readonly kind: ViolationKind; readonly names: RegExp | null; readonly initial?: true }> = new Map([
  [2107, { kind: "invariant", names: /^Invariant (\S+) is violated by the initial state:$/, initial: true }],
  [2108, { kind: "temporal", names: /^Property (\S+) is violated by the initial state:$/, initial: true }],
  [2110, { kind: "invariant", names: /^Invariant (\S+) is violated\.$/ }],
  [2112, { kind: "action", names: /^Action property (\S+) is violated\.$/ }],
  [2114, { kind: "deadlock", names: null }],
  [2116, { kind: "temporal", names: /^Temporal propert(?:y|ies)(?: (.+))? (?:was|were) violated\.$/ }],
  [2132, { kind: "assert", names: null }],
] as const);

/** What a violation broke. */
export type ViolationKind = "invariant" | "deadlock" | "temporal" | "action" | "assert";
