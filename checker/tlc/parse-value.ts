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

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): TlaValue {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return tlaSet(this.list("{", "}", () => this.value()));
    if (this.text.startsWith("<<", this.at)) return tlaSeq(this.list("<<", ">>", () => this.value()));
    if (c === "[") return tlaRecord(Object.fromEntries(this.list("[", "]", () => this.field())));
    if (c === "(") return this.function();
    if (c === '"') return this.string();
    const number = /^-?\d+/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      const low = Number(number[0]);
      if (!this.text.startsWith("..", this.at)) return low;
      this.at += 2;
      const high = /^-?\d+/.exec(this.text.slice(this.at));
      if (!high) this.fail("an integer after ..");
      this.at += high[0].length;
      return tlaSet(Array.from({ length: Math.max(0, Number(high[0]) - low + 1) }, (_, i) => low + i));
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    if (word) {
      this.at += word[0].length;
      return word[0] === "TRUE" ? true : word[0] === "FALSE" ? false : modelValue(word[0]);
    }
    this.fail("a value");
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) this.fail("the end of the value");
  }

  private field(): [string, TlaValue] {
    this.space();
    const name = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.at));
    if (!name) this.fail("a field name");
    this.at += name[0].length;
    this.expect("|->");
    return [name[0], this.value()];
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
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private fail(expected: string): never {
    const near = this.text.slice(this.at, this.at + 20);
    throw new UsageError(`malformed TLA+ value: expected ${expected} at offset ${this.at}${near ? ` (near "${near}")` : " (end of text)"}`);
  }
}
