import { Either, Schema } from "effect";
import { UsageError } from "../errors.ts";
import { codes, isError, severity, splitMessages, violations as violationCodes, type TlcMessage, type ViolationKind } from "./messages.ts";
import { parseValue } from "./parse-value.ts";
import type { TlaValue } from "./value.ts";

/** A state of a TLC trace: the action TLC names for the step, and the value of each variable. */
export interface TlcState {
  readonly action: string;
  readonly variables: Readonly<Record<string, TlaValue>>;
}

/** A property TLC found violated, with its counterexample; a lasso when `loopsBackTo` is set. */
export interface TlcViolation {
  readonly kind: ViolationKind;
  /** The property's name when TLC names exactly one. */
  readonly property: string | null;
  /** Every property TLC names as violated (one temporal violation can break several). */
  readonly properties: readonly string[];
  readonly states: readonly TlcState[];
  /** Index into `states` that the behavior returns to ("Back to state N"); null for a finite trace. */
  readonly loopsBackTo: number | null;
  /** The action TLC names for the step back to that state, when it names one. */
  readonly backAction?: string;
  /** True when the behavior ends by stuttering forever. */
  readonly stutters: boolean;
}

/** What one TLC run reported, from its tool-mode output. */
export interface TlcReport {
  readonly version: string;
  /** The counts and depth are 0 when TLC stopped at a violating initial state: it prints none then. */
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly queue: number;
  readonly depth: number;
  /** True when TLC said "Model checking completed. No error has been found." */
  readonly success: boolean;
  readonly collisionProbability: number | null;
  readonly violations: readonly TlcViolation[];
  /** TLC's WARNING messages and SANY's warnings, one line each (symmetry with liveness, a stale PlusCal translation, ...). */
  readonly warnings: readonly string[];
}

type OpenViolation = { -readonly [K in keyof TlcViolation]: TlcViolation[K] } & { states: TlcState[] };

const Count = Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative());
const count = (text: string | undefined, message: TlcMessage): number => {
  const decoded = Schema.decodeUnknownEither(Count)(text?.replaceAll(",", "") ?? "");
  if (Either.isLeft(decoded)) throw notUnderstood(message);
  return decoded.right;
};

const oneLine = (lines: readonly string[]) => lines.join(" ").replace(/\s+/g, " ").trim();
const notUnderstood = (m: TlcMessage) => new UsageError(`TLC message ${m.code} not understood: ${JSON.stringify(oneLine(m.lines).slice(0, 160))}`);

/**
 * Parses TLC's tool-mode output into counts, verdicts, counterexamples and warnings. TLC's own errors (messages of
 * severity ERROR or TLCBUG that are no violation: parse, semantic, configuration, evaluation) are UsageErrors.
 */
export function parseTlcOutput(output: string): TlcReport {
  const { messages, loose, sany } = splitMessages(output);
  let version = "";
  let stats: { generated: number; distinct: number; queue: number } | undefined;
  let depth: number | undefined;
  let success = false;
  let collisionProbability: number | null = null;
  const violations: OpenViolation[] = [];
  const warnings = sanyWarnings(sany);
  let initialOnly = true; // every violation is of an initial state, after which TLC prints no counts
  // Where trace states go: the last violation, or the trace of an error (dropped).
  let trace: OpenViolation | "error" | undefined;
  let failure: { message: TlcMessage; at?: string } | undefined;

  for (const m of messages) {
    const text = m.lines.join("\n").trim();
    const violation = violationCodes.get(m.code);
    if (violation) {
      violations.push((trace = openViolation(m, violation)));
      initialOnly &&= violation.initial === true;
    } else if (m.code === codes.version) version = /TLC2 Version (\S+)/.exec(text)?.[1] ?? text;
    else if (m.code === codes.stats) {
      const s = /^([\d,]+) states generated, ([\d,]+) distinct states found, ([\d,]+) states left on queue\.$/.exec(text);
      if (!s) throw notUnderstood(m);
      stats = { generated: count(s[1], m), distinct: count(s[2], m), queue: count(s[3], m) };
    } else if (m.code === codes.depth) {
      const d = /^The depth of the complete state graph search is (\d+)\.$/.exec(text);
      if (!d) throw notUnderstood(m);
      depth = count(d[1], m);
    } else if (m.code === codes.success) {
      success = true;
      const p = /calculated \(optimistic\):\s+val = ([\d.Ee+-]+)/.exec(text);
      collisionProbability = p ? Number(p[1]) : null;
    } else if ((codes.behaviorHeader as readonly number[]).includes(m.code)) {
      if (!trace) throw notUnderstood(m);
    } else if ((codes.state as readonly number[]).includes(m.code)) {
      if (!trace) throw notUnderstood(m);
      if (trace !== "error") trace.states.push(parseState(m));
    } else if (m.code === codes.backToState) {
      const back = /^(\d+): Back to state(?:: (.*))?/.exec(text);
      if (!trace || !back) throw notUnderstood(m);
      if (trace !== "error") {
        trace.loopsBackTo = count(back[1], m) - 1;
        if (back[2] !== undefined) trace.backAction = back[2].trim();
      }
    } else if (m.code === codes.stuttering) {
      if (!trace) throw notUnderstood(m);
      if (trace !== "error") trace.stutters = true;
    } else if (m.code === codes.nestedExpression && trace !== undefined && trace !== "error") {
      // where an Assert (or another violation) was evaluated: part of that verdict
    } else if (m.code === codes.nestedExpression && failure) failure.at ??= innermost(m);
    else if (isError(m)) {
      failure ??= { message: m };
      trace = "error";
    } else if (m.severity === severity.warning) warnings.push(oneLine(m.lines));
    // Anything else (NONE, STATE or an unknown severity) is information the bridge does not use.
  }
  if (failure) throw tlcError(failure.message, failure.at, sany);
  if (!stats || depth === undefined) {
    if (violations.length > 0 && initialOnly) stats = { generated: 0, distinct: 0, queue: 0 };
    else if (loose.some((l) => /\*\*\*|Error|error/.test(l))) throw tlcError(undefined, undefined, loose);
    else throw new UsageError("TLC output ended without its final counts (did TLC stop early?)");
  }
  return {
    version,
    distinctStates: stats.distinct,
    generatedStates: stats.generated,
    queue: stats.queue,
    depth: depth ?? 0,
    success,
    collisionProbability,
    violations,
    warnings,
  };
}

/** A violation message as an open violation; an initial state's violation carries the state in its text. */
function openViolation(m: TlcMessage, violation: { kind: ViolationKind; names: RegExp | null; initial?: true }): OpenViolation {
  const [head, ...rest] = m.lines;
  let properties: string[] = [];
  if (violation.names) {
    const named = violation.names.exec(head?.trim() ?? "");
    if (!named) throw notUnderstood(m);
    properties = named[1]?.split(/, and |, | and /) ?? [];
  }
  const states: TlcState[] = [];
  if (violation.initial) {
    const variables = parseVariables(rest.join("\n"));
    if (!variables) throw notUnderstood(m);
    states.push({ action: "<Initial predicate>", variables });
  }
  return { kind: violation.kind, property: properties.length === 1 ? properties[0]! : null, properties, states, loopsBackTo: null, stutters: false };
}

/** A state message: "N: <action>" (or "N:") then the variables. */
function parseState(m: TlcMessage): TlcState {
  const [head, ...body] = m.lines;
  const h = /^\d+:(?: (.*))?$/.exec(head ?? "");
  if (!h) throw notUnderstood(m);
  const variables = parseVariables(body.join("\n"));
  if (!variables) throw notUnderstood(m);
  return { action: h[1] ?? "", variables };
}

/** `/\ var = value` lines (or `var = value` for one variable) as variable values; undefined if malformed. */
export function parseVariables(text: string): Record<string, TlaValue> | undefined {
  const conjuncts = text
    .trim()
    .split(/^\/\\ /m)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  const variables: Record<string, TlaValue> = {};
  for (const conjunct of conjuncts) {
    const eq = /^([A-Za-z_][A-Za-z0-9_]*) = ([\s\S]*)$/.exec(conjunct);
    if (!eq) return undefined;
    variables[eq[1]!] = parseValue(eq[2]!);
  }
  return variables;
}

/** The innermost position of a nested-expression message ("4. Line 5, column 33 to line 5, column 42 in EV"). */
function innermost(m: TlcMessage): string | undefined {
  const positions = m.lines.map((l) => /^\d+\. (Line .*)$/.exec(l.trim())?.[1]).filter((p) => p !== undefined);
  return positions.at(-1)?.replace(/^Line/, "line");
}

const sanyLocation = /^(In module \S+|line \d+, col \d+ to line \d+, col \d+ of module \S+)$/;
const sanyNoise = /^(Parsing file|Semantic processing|Linting of module|Residual stack trace|(Definition|Module (body|definition)) starting)/;

/** SANY's warnings (a location line, then the warning's text) as one line each: "text (location)". */
function sanyWarnings(sany: readonly string[]): string[] {
  const found: string[] = [];
  sany.forEach((line, i) => {
    const location = sanyLocation.exec(line.trim())?.[1];
    if (!location) return;
    const after = sany.slice(i + 1);
    const from = after.findIndex((l) => l.trim() !== "");
    if (from < 0 || sanyLocation.test(after[from]!.trim())) return;
    const to = after.findIndex((l, j) => j > from && l.trim() === "");
    found.push(`${oneLine(after.slice(from, to < 0 ? undefined : to))} (${location})`);
  });
  return found;
}

/** TLC's own error as one line: the message's text and where it happened, or for SANY's failures what SANY printed. */
function tlcError(m: TlcMessage | undefined, at: string | undefined, sany: readonly string[]): UsageError {
  const said = m ? oneLine(m.lines) : "";
  const parseFailure = !m || (codes.parsingFailed as readonly number[]).includes(m.code);
  const sanySaid = parseFailure ? [...new Set(sany.map((l) => l.trim()).filter((l) => l && !sanyNoise.test(l)))] : [];
  const detail = oneLine([said, ...sanySaid, ...(at ? [`(at ${at})`] : [])]).slice(0, 400);
  return new UsageError(`TLC failed${m ? ` (message ${m.code})` : ""}: ${detail || "no details given"}`);
}
