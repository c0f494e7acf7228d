/** Compact one-line rendering of plain data, for messages, operations and state diffs. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  const record = value as Record<string, unknown>;
  const tag = typeof record.type === "string" ? record.type : typeof record.op === "string" ? record.op : undefined;
  const fields = Object.entries(record)
    .filter(([key]) => tag === undefined || (key !== "type" && key !== "op"))
    .map(([key, v]) => `${key}: ${formatValue(v)}`)
    .join(", ");
  return tag === undefined ? `{${fields}}` : `${tag}(${fields})`;
}
