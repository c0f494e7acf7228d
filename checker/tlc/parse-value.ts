import { UsageError } from "../errors.ts";
import { modelValue, tlaFunction, tlaRecord, tlaSeq, tlaSet, type TlaValue } from "./value.ts";

/**
 * Parses a TLA+ value in the syntax TLC prints: TRUE/FALSE, integers, strings, model values, `{…}`,
 * `<<…>>`, `[f |-> v, …]`, `(k :> v @@ …)` and integer intervals `a..b`. Malformed text is a UsageError
 * that names the position.
 */
export function parseValue(text: string): TlaValue {
  const parser = new Parser(text);
  const value = parser.value();
  parser.end();
  return value;
}

const integer = /-?\d+/y;
const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
const fieldName = /[A-Za-z0-9_]+/y;
const blank = /\s*/y;

class Parser {
  private at = 0;

  /** The match of a sticky pattern at the current position (advancing past it), or undefined. */
  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.at += m[0].length;
    return m[0];
  }

  constructor(private readonly text: string) {}

  value(): TlaValue {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return tlaSet(this.list("{", "}", () => this.value()));
    if (this.text.startsWith("<<", this.at)) return tlaSeq(this.list("<<", ">>", () => this.value()));
    if (c === "[") return tlaRecord(Object.fromEntries(this.list("[", "]", () => this.field())));
    if (c === "(") return this.function();
    if (c === '"') return this.string();
    const number = this.match(integer);
    if (number !== undefined) {
      const low = Number(number);
      if (!this.text.startsWith("..", this.at)) return low;
      this.at += 2;
      const high = this.match(integer);
      if (high === undefined) this.fail("an integer after ..");
      return tlaSet(Array.from({ length: Math.max(0, Number(high) - low + 1) }, (_, i) => low + i));
    }
    const word = this.match(identifier);
    if (word !== undefined) return word === "TRUE" ? true : word === "FALSE" ? false : modelValue(word);
    this.fail("a value");
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) this.fail("the end of the value");
  }

  private field(): [string, TlaValue] {
    this.space();
    const name = this.match(fieldName);
    if (name === undefined) this.fail("a field name");
    this.expect("|->");
    return [name, this.value()];
  }

  private function(): TlaValue {
    this.expect("(");
    const pairs: [TlaValue, TlaValue][] = [];
    do {
      const key = this.value();
      this.expect(":>");
      pairs.push([key, this.value()]);
      this.space();
    } while (this.take("@@"));
    this.expect(")");
    return tlaFunction(pairs);
  }

  private string(): string {
    let out = "";
    this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      if (this.text[this.at] === "\\") {
        const e = this.text[++this.at];
        out += e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e === "f" ? "\f" : (e ?? "");
      } else out += this.text[this.at];
      this.at++;
    }
    if (this.at >= this.text.length) this.fail("a closing quote");
    this.at++;
    return out;
  }

  private list<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    const items: T[] = [];
    this.space();
    if (this.take(close)) return items;
    do items.push(item());
    while (this.take(","));
    this.expect(close);
    return items;
  }

  private take(token: string): boolean {
    this.space();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.take(token)) this.fail(`"${token}"`);
  }

  private space(): void {
    this.match(blank);
  }

  private fail(expected: string): never {
    const near = this.text.slice(this.at, this.at + 20);
    throw new UsageError(`malformed TLA+ value: expected ${expected} at offset ${this.at}${near ? ` (near "${near}")` : " (end of text)"}`);
  }
}
