/*
 * Checks of the trace files' formats, strict enough to fail on what their readers reject: a small XML parser (for
 * JUnit and the HTML page, which is written as well-formed XML), the subset of Mermaid's sequenceDiagram grammar the
 * .mmd files use, and the ITF grammar as itf-rs and Quint read it.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded. */
  readonly text: string;
}

const entity = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

/**
 * Parses well-formed XML (one root element, an optional `<?xml …?>` prolog and `<!DOCTYPE …>`); throws on what an
 * XML parser rejects: unbalanced or misnested tags, unquoted or repeated attributes, a raw `<` or `&` in text, an
 * unknown entity, characters XML 1.0 cannot hold. `rawText` names elements whose content is not parsed (HTML's style).
 */
export function parseXml(source: string, options: { rawText?: readonly string[]; voidElements?: readonly string[] } = {}): XmlElement {
  // eslint-disable-next-line no-control-regex
  const bad = source.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const name = () => {
    const m = /^[A-Za-z_:][A-Za-z0-9_:.-]*/.exec(source.slice(i));
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const text = (until: number) => {
    const raw = source.slice(i, until);
    for (let k = 0; k < raw.length; k++) {
      if (raw[k] === "<") fail("raw < in text");
      if (raw[k] === "&" && !entity.test(raw.slice(k))) fail("raw & in text");
    }
    i = until;
    return decode(raw);
  };
  skipSpace();
  if (source.startsWith("<?xml", i)) i = source.indexOf("?>", i) + 2;
  skipSpace();
  if (source.startsWith("<!DOCTYPE", i)) i = source.indexOf(">", i) + 1;
  skipSpace();
  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected <");
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return { name: tag, attributes, children: [], text: "" };
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      const attribute = name();
      if (attribute in attributes) fail(`attribute ${attribute} twice`);
      if (source[i] !== "=" || source[i + 1] !== '"') fail(`attribute ${attribute} not ="quoted"`);
      i += 2;
      const end = source.indexOf('"', i);
      if (end < 0) fail("unterminated attribute");
      attributes[attribute] = text(end);
      i = end + 1;
    }
    if (options.voidElements?.includes(tag)) return { name: tag, attributes, children: [], text: "" };
    const children: XmlElement[] = [];
    let own = "";
    if (options.rawText?.includes(tag)) {
      const end = source.indexOf(`</${tag}>`, i);
      if (end < 0) fail(`unclosed ${tag}`);
      own = source.slice(i, end);
      i = end + tag.length + 3;
      return { name: tag, attributes, children, text: own };
    }
    for (;;) {
      const next = source.indexOf("<", i);
      if (next < 0) fail(`unclosed <${tag}>`);
      own += text(next);
      if (source.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (source[i] !== ">") fail("expected >");
        i++;
        return { name: tag, attributes, children, text: own };
      }
      if (source.startsWith("<!--", i)) {
        i = source.indexOf("-->", i) + 3;
        continue;
      }
      children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== source.length) fail("content after the root element");
  return root;
}

/** Every element of a tree, depth first. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) yield* elements(child);
}

const htmlVoid = ["meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"];

/** The HTML page as a tree (it must be well-formed XML apart from HTML's void elements and style's raw text). */
export const parseHtml = (html: string): XmlElement => parseXml(html, { rawText: ["style", "script"], voidElements: htmlVoid });

/**
 * Problems of a Mermaid sequenceDiagram in the subset Interleave writes (empty when none): the header; participants
 * declared (once, with a plain id) before any use; messages `A->>B: text` / `A-xB: text`; `Note over A[,B]: text`;
 * `loop text` … `end` balanced; `%%` comments; texts with no `;`, `#`, `<`, `>`, `&` except Mermaid's entity codes
 * (`#59;`), on one line.
 */
export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines[0] !== "sequenceDiagram") problems.push(`line 1 is not "sequenceDiagram": ${lines[0]}`);
  const declared = new Set<string>();
  let used = false;
  let depth = 0;
  const id = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const reserved = new Set(["end", "loop", "participant", "actor", "note", "alt", "else", "opt", "par", "and", "rect", "critical", "break", "as"]);
  const cleanText = (t: string, where: string) => {
    const stripped = t.replace(/#[A-Za-z0-9]+;/g, "");
    const offending = stripped.match(/[;#<>&]/);
    if (offending) problems.push(`${where}: text has a raw "${offending[0]}": ${t}`);
    if (t.trim() === "") problems.push(`${where}: empty text`);
  };
  const known = (p: string, where: string) => {
    if (!declared.has(p)) problems.push(`${where}: participant ${p} used before it is declared`);
  };
  lines.slice(1).forEach((raw, k) => {
    const where = `line ${k + 2}`;
    const line = raw.trim();
    if (line === "" || line.startsWith("%%")) return;
    let m: RegExpExecArray | null;
    if ((m = /^participant (\S+)(?: as (.+))?$/.exec(line))) {
      const [, name, alias] = m;
      if (used) problems.push(`${where}: participant declared after the first message or note`);
      if (!id.test(name!) || reserved.has(name!.toLowerCase())) problems.push(`${where}: participant id "${name}" is not a plain identifier`);
      if (declared.has(name!)) problems.push(`${where}: participant ${name} declared twice`);
      if (alias !== undefined) cleanText(alias, where);
      declared.add(name!);
    } else if ((m = /^([A-Za-z_][A-Za-z0-9_]*)(->>|-->>|-x|--x|->|-->)([A-Za-z_][A-Za-z0-9_]*): (.*)$/.exec(line))) {
      used = true;
      known(m[1]!, where);
      known(m[3]!, where);
      cleanText(m[4]!, where);
    } else if ((m = /^Note over ([A-Za-z_][A-Za-z0-9_]*)(?:,([A-Za-z_][A-Za-z0-9_]*))?: (.*)$/.exec(line))) {
      used = true;
      known(m[1]!, where);
      if (m[2] !== undefined) known(m[2], where);
      cleanText(m[3]!, where);
    } else if ((m = /^loop (.*)$/.exec(line))) {
      used = true;
      depth++;
      cleanText(m[1]!, where);
    } else if (line === "end") {
      if (depth === 0) problems.push(`${where}: end without a block`);
      depth--;
    } else problems.push(`${where}: not a statement of the grammar: ${line}`);
  });
  if (depth > 0) problems.push(`${depth} block(s) not closed by end`);
  return problems;
}

/**
 * Problems of an ITF trace as strict readers take it (empty when none): itf-rs (its `#meta` objects hold strings,
 * and a state's `#meta` also an integer `index`; values are booleans, 64-bit integers, strings, lists, records and the
 * `#bigint`, `#tup`, `#set`, `#map`, `#unserializable` forms) and Quint (no JSON null anywhere in states).
 */
export function itfProblems(trace: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(trace)) return ["not an object"];
  const meta = trace["#meta"];
  if (!isObject(meta)) problems.push("#meta is not an object");
  else for (const [k, v] of Object.entries(meta)) if (typeof v !== "string") problems.push(`#meta.${k} is not a string`);
  const vars = trace.vars;
  if (!Array.isArray(vars) || !vars.every((v) => typeof v === "string")) return [...problems, "vars is not a list of strings"];
  const states = trace.states;
  if (!Array.isArray(states) || states.length === 0) return [...problems, "states is not a non-empty list"];
  if (trace.loop !== undefined && !(Number.isInteger(trace.loop) && (trace.loop as number) >= 0 && (trace.loop as number) < states.length))
    problems.push(`loop ${String(trace.loop)} is not an index of states`);
  const value = (v: unknown, path: string): void => {
    if (typeof v === "boolean" || typeof v === "string") return;
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v)) problems.push(`${path}: ${v} is not a 64-bit integer written as a JSON integer`);
      return;
    }
    if (Array.isArray(v)) return v.forEach((e, i) => value(e, `${path}[${i}]`));
    if (!isObject(v)) return void problems.push(`${path}: ${JSON.stringify(v)} is not an ITF value`);
    const keys = Object.keys(v);
    const tagged = keys.filter((k) => k.startsWith("#"));
    if (tagged.length === 0) return keys.forEach((k) => value(v[k], `${path}.${k}`));
    if (keys.length !== 1) return void problems.push(`${path}: a # field beside others`);
    const inner = v[keys[0]!];
    switch (keys[0]) {
      case "#bigint":
        if (typeof inner !== "string" || !/^-?[0-9]+$/.test(inner)) problems.push(`${path}: bad #bigint`);
        return;
      case "#unserializable":
        if (typeof inner !== "string") problems.push(`${path}: bad #unserializable`);
        return;
      case "#tup":
      case "#set":
        if (!Array.isArray(inner)) return void problems.push(`${path}: ${keys[0]} is not a list`);
        return inner.forEach((e, i) => value(e, `${path}${keys[0]}[${i}]`));
      case "#map":
        if (!Array.isArray(inner) || !inner.every((p) => Array.isArray(p) && p.length === 2)) return void problems.push(`${path}: bad #map`);
        return inner.forEach(([k, e], i) => (value(k, `${path}#map[${i}].key`), value(e, `${path}#map[${i}].value`)));
      default:
        problems.push(`${path}: unknown form ${keys[0]}`);
    }
  };
  states.forEach((state, i) => {
    if (!isObject(state)) return void problems.push(`state ${i} is not an object`);
    const stateMeta = state["#meta"];
    if (!isObject(stateMeta)) problems.push(`state ${i} has no #meta object`);
    else
      for (const [k, v] of Object.entries(stateMeta))
        if (k === "index" ? !(Number.isInteger(v) && (v as number) >= 0) : typeof v !== "string")
          problems.push(`state ${i}: #meta.${k} is not ${k === "index" ? "an index" : "a string"}`);
    for (const v of vars) if (!(v in state)) problems.push(`state ${i} has no ${v}`);
    for (const [k, v] of Object.entries(state)) if (k !== "#meta") value(v, `state ${i}.${k}`);
  });
  return problems;
}
