/**
 * The inverse of ./encode.ts: the plain-data value a canonical encoding stands for. Used where only the encoding
 * crossed a thread (e.g. a message key in a state handed to another search thread). `decode(encode(v))` is equal
 * data to `v`; text that is not a canonical encoding throws.
 */
export function decode(text: string): unknown {
  const reader = { text, at: 0 };
  const value = read(reader);
  if (reader.at !== text.length) fail(reader);
  return value;
}

interface Reader {
  readonly text: string;
  at: number;
}

function fail(r: Reader): never {
  throw new Error(`internal: not a canonical encoding at ${r.at}: ${r.text.slice(0, 80)}`);
}

function expect(r: Reader, char: string): void {
  if (r.text[r.at] !== char) fail(r);
  r.at++;
}

/** Items separated by commas up to `close`. */
function list(r: Reader, close: string, item: () => void): void {
  if (r.text[r.at] === close) {
    r.at++;
    return;
  }
  for (;;) {
    item();
    if (r.text[r.at] === close) {
      r.at++;
      return;
    }
    expect(r, ",");
  }
}

function read(r: Reader): unknown {
  const c = r.text[r.at];
  switch (c) {
    case "t":
    case "f":
    case "u":
    case "n":
      r.at++;
      return c === "t" ? true : c === "f" ? false : c === "u" ? undefined : null;
    case '"':
      return readString(r);
    case "[": {
      r.at++;
      const items: unknown[] = [];
      list(r, "]", () => items.push(read(r)));
      return items;
    }
    case "{": {
      r.at++;
      const record: Record<string, unknown> = {};
      list(r, "}", () => {
        const key = readString(r);
        expect(r, ":");
        record[key] = read(r);
      });
      return record;
    }
    case "M": {
      r.at++;
      expect(r, "{");
      const map = new Map<unknown, unknown>();
      list(r, "}", () => {
        const key = read(r);
        expect(r, ":");
        map.set(key, read(r));
      });
      return map;
    }
    case "S": {
      r.at++;
      expect(r, "[");
      const set = new Set<unknown>();
      list(r, "]", () => set.add(read(r)));
      return set;
    }
    default:
      return readNumber(r);
  }
}

function readString(r: Reader): string {
  if (r.text[r.at] !== '"') fail(r);
  let end = r.at + 1;
  while (r.text[end] !== '"') {
    if (end >= r.text.length) fail(r);
    end += r.text[end] === "\\" ? 2 : 1;
  }
  const value = JSON.parse(r.text.slice(r.at, end + 1)) as string;
  r.at = end + 1;
  return value;
}

function readNumber(r: Reader): number | bigint {
  let end = r.at;
  while (end < r.text.length && !",]}:".includes(r.text[end]!)) end++;
  const word = r.text.slice(r.at, end);
  if (!/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?n?$/.test(word) || (word.endsWith("n") && /[.e]/.test(word))) fail(r);
  r.at = end;
  return word.endsWith("n") ? BigInt(word.slice(0, -1)) : Number(word);
}
