import { Either, Schema } from "effect";
import { UsageError } from "../errors.ts";
import { codes, splitMessages, type TlcMessage } from "./messages.ts";
import { parseValue } from "./parse-value.ts";
import type { TlaValue } from "./value.ts";

/** A state of a TLC trace: the action TLC names for the step, and the value of each variable. */
export interface TlcState {
  readonly action: string;
  readonly variables: Readonly<Record<string, TlaValue>>;
}

/** A property TLC found violated, with its counterexample; a lasso when `loopsBackTo` is set. */
export interface TlcViolation {
  readonly kind: "invariant" | "deadlock" | "temporal" | "action" | "assert";
  /** The property's name when TLC gives it. */
  readonly property: string | null;
  readonly states: readonly TlcState[];
  /** Index into `states` that the behavior returns to ("Back to state N"); null for a finite trace. */
  readonly loopsBackTo: number | null;
  /** True when the behavior ends by stuttering forever. */
  readonly stutters: boolean;
}

/** What one TLC run reported, from its tool-mode output. */
export interface TlcReport {
  readonly version: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly queue: number;
  readonly depth: number;
  /** True when TLC said "Model checking completed. No error has been found." */
  readonly success: boolean;
  readonly collisionProbability: number | null;
  readonly violations: readonly TlcViolation[];
}

const Count = Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative());
const count = (text: string | undefined, message: TlcMessage): number => {
  const decoded = Schema.decodeUnknownEither(Count)(text?.replaceAll(",", "") ?? "");
  if (Either.isLeft(decoded)) throw notUnderstood(message);
  return decoded.right;
};

const notUnderstood = (m: TlcMessage) => new UsageError(`TLC message ${m.code} not understood: ${JSON.stringify(m.lines.join(" ").trim().slice(0, 160))}`);

const known = new Set<number>([
  codes.version, codes.mode, codes.sanyStart, codes.sanyEnd, codes.starting, codes.computingInit, ...codes.initGenerated,
  codes.impliedTemporal, codes.checkingTemporal, codes.checkingTemporalEnd, codes.progress, codes.outdegree, codes.finished, ...codes.checkpoint,
]);

/**
 * Parses TLC's tool-mode output into counts, verdicts and counterexamples. TLC's own errors (parse,
 * semantic, configuration, out of memory) and any message it does not understand are UsageErrors.
 */
export function parseTlcOutput(output: string): TlcReport {
  const { messages, loose } = splitMessages(output);
  let version = "";
  let stats: { generated: number; distinct: number; queue: number } | undefined;
  let depth: number | undefined;
  let success = false;
  let collisionProbability: number | null = null;
  const violations: TlcViolation[] = [];
  let current: { kind: TlcViolation["kind"]; property: string | null; states: TlcState[]; loopsBackTo: number | null; stutters: boolean } | undefined;

  for (const m of messages) {
    const text = m.lines.join("\n").trim();
    if (m.code === codes.version) version = /TLC2 Version (\S+)/.exec(text)?.[1] ?? text;
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
    } else if (m.code === codes.invariant || m.code === codes.invariantInitial) {
      const name = /^Invariant (\S+) is violated/.exec(text);
      if (!name) throw notUnderstood(m);
      violations.push((current = { kind: "invariant", property: name[1]!, states: [], loopsBackTo: null, stutters: false }));
    } else if (m.code === codes.deadlock) violations.push((current = { kind: "deadlock", property: null, states: [], loopsBackTo: null, stutters: false }));
    else if (m.code === codes.temporal) {
      const name = /^Temporal property (\S+) was violated/.exec(text)?.[1] ?? null;
      violations.push((current = { kind: "temporal", property: name, states: [], loopsBackTo: null, stutters: false }));
    } else if (m.code === codes.actionProperty) {
      const name = /^Action property (\S+) is violated/.exec(text)?.[1] ?? null;
      violations.push((current = { kind: "action", property: name, states: [], loopsBackTo: null, stutters: false }));
    } else if (m.code === codes.assertFailed) violations.push((current = { kind: "assert", property: null, states: [], loopsBackTo: null, stutters: false }));
    else if ((codes.behaviorHeader as readonly number[]).includes(m.code)) {
      if (!current) throw notUnderstood(m);
    } else if ((codes.state as readonly number[]).includes(m.code)) {
      if (!current) throw notUnderstood(m);
      current.states.push(parseState(m));
    } else if (m.code === codes.backToState) {
      const back = /^(\d+): Back to state/.exec(text);
      if (!current || !back) throw notUnderstood(m);
      current.loopsBackTo = count(back[1], m) - 1;
    } else if (m.code === codes.stuttering) {
      if (!current) throw notUnderstood(m);
      current.stutters = true;
    } else if (!known.has(m.code)) {
      if (m.severity === 1 || m.code < 2000 || m.code >= 3000) throw tlcError(m, loose);
      throw notUnderstood(m);
    }
  }
  if (!stats || depth === undefined) {
    if (loose.some((l) => /\*\*\*|Error|error/.test(l))) throw tlcError(undefined, loose);
    throw new UsageError("TLC output ended without its final counts (did TLC stop early?)");
  }
  return { version, distinctStates: stats.distinct, generatedStates: stats.generated, queue: stats.queue, depth, success, collisionProbability, violations };
}

/** A state message: "N: <action>" then the variables. */
function parseState(m: TlcMessage): TlcState {
  const [head, ...body] = m.lines;
  const h = /^\d+: (.*)$/.exec(head ?? "");
  if (!h) throw notUnderstood(m);
  const variables = parseVariables(body.join("\n"));
  if (!variables) throw notUnderstood(m);
  return { action: h[1]!, variables };
}

/** `/\ var = value` lines (or `var = value` for one variable) as variable values; undefined if malformed. */
export function parseVariables(text: string): Record<string, TlaValue> | undefined {
  const conjuncts = text.trim().split(/^\/\\ /m).map((c) => c.trim()).filter((c) => c.length > 0);
  const variables: Record<string, TlaValue> = {};
  for (const conjunct of conjuncts) {
    const eq = /^([A-Za-z_][A-Za-z0-9_]*) = ([\s\S]*)$/.exec(conjunct);
    if (!eq) return undefined;
    variables[eq[1]!] = parseValue(eq[2]!);
  }
  return variables;
}

/** TLC's own error as one line: the message's text, or SANY's report printed outside messages. */
function tlcError(m: TlcMessage | undefined, loose: readonly string[]): UsageError {
  const said = (m?.lines ?? []).join(" ").replace(/\s+/g, " ").trim();
  const sany = loose.map((l) => l.trim()).filter((l) => l && !/^(Parsing|Semantic processing|Linting|Residual stack trace|Definition starting|Module (body|definition) starting)/.test(l));
  const detail = [said, ...sany].filter(Boolean).join(" ").replace(/\s+/g, " ").slice(0, 400);
  return new UsageError(`TLC failed${m ? ` (message ${m.code})` : ""}: ${detail || "no details given"}`);
}
