import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { UsageError } from "../errors.ts";
import { parseVariables } from "./output.ts";
import { canonical, tlaRecord } from "./value.ts";

/**
 * Streams the states of a TLC `-dump` file (which can be far larger than memory allows as one string),
 * calling `onState` with the canonical text of each state's record of variables.
 */
export async function forEachDumpedState(path: string, onState: (text: string) => void): Promise<number> {
  if (!existsSync(path)) throw new UsageError(`TLC wrote no state dump at ${path}`);
  let block: string[] = [];
  let count = 0;
  const flush = () => {
    if (block.length === 0) return;
    const variables = parseVariables(block.join("\n"));
    if (!variables) throw new UsageError(`TLC state dump ${path}: state ${count + 1} is not understood`);
    count++;
    onState(canonical(tlaRecord(variables)));
    block = [];
  };
  for await (const line of createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity })) {
    if (/^State \d+:\s*$/.test(line)) flush();
    else if (line.trim() !== "" || block.length > 0) block.push(line);
  }
  flush();
  return count;
}
