/**
 * ITF values (./itf.ts) as one line of text, for the text report: records with a string `type` (or `op`) as
 * `tag(fields)`, other records as `{k: v}`, `#set` as `Set{a, b}`, `#map` as `Map{k → v}`, `#tup` as `⟨a, b⟩`,
 * `#bigint` as its digits and `#unserializable` (a TLA+ model value) as its text. Two shapes of an actor system's
 * view read as words: a message in flight `{from, to, message}` as `c1→s1 query(rid: 1)`, and a history event
 * `{client, call}` / `{client, ret}` as `c1 calls read()` / `c1 returns 1`. Strings in `bare` (process names) have no quotes.
 */
export function showItf(value: unknown, bare: ReadonlySet<string> = new Set()): string {
  const show = (v: unknown) => showItf(v, bare);
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return bare.has(value) ? value : JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  const record = value as Record<string, unknown>;
  const special = specialOf(record);
  if (special) {
    const [tag, inner] = special;
    switch (tag) {
      case "#set":
        return `Set{${(inner as unknown[]).map(show).join(", ")}}`;
      case "#map":
        return `Map{${(inner as [unknown, unknown][]).map(([k, v]) => `${show(k)} → ${show(v)}`).join(", ")}}`;
      case "#tup":
        return `⟨${(inner as unknown[]).map(show).join(", ")}⟩`;
      default:
        return String(inner); // #bigint digits, #unserializable text
    }
  }
  const keys = Object.keys(record);
  if (isEnvelope(record, keys)) return `${show(record.from)}→${show(record.to)} ${show(record.message)}`;
  if (keys.length === 2 && typeof record.client === "string") {
    if ("call" in record) return `${show(record.client)} calls ${show(record.call)}`;
    if ("ret" in record) return `${show(record.client)} returns ${show(record.ret)}`;
  }
  const tag = typeof record.type === "string" ? record.type : typeof record.op === "string" ? record.op : undefined;
  const fields = keys
    .filter((key) => tag === undefined || (key !== "type" && key !== "op"))
    .map((key) => `${key}: ${show(record[key])}`)
    .join(", ");
  return tag === undefined ? `{${fields}}` : `${tag}(${fields})`;
}

const specialTags = ["#set", "#map", "#tup", "#bigint", "#unserializable"] as const;
type SpecialTag = (typeof specialTags)[number];

/** The ITF tag of a one-field object such as `{"#set": [...]}`, with its content; undefined for a plain record. */
export function specialOf(record: object): [SpecialTag, unknown] | undefined {
  const keys = Object.keys(record);
  if (keys.length !== 1) return undefined;
  const tag = specialTags.find((t) => t === keys[0]);
  return tag === undefined ? undefined : [tag, (record as Record<string, unknown>)[tag]];
}

/** A message in flight of an actor system's view: exactly `from`, `to` (names) and `message`. */
export const isEnvelope = (record: Record<string, unknown>, keys = Object.keys(record)): boolean =>
  keys.length === 3 && typeof record.from === "string" && typeof record.to === "string" && "message" in record;
