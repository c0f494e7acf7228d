/**
 * Runs the CLI's main for each command line of the JSON array on stdin, one after another, and prints one JSON
 * array of { exitCode, stdout, stderr } (or { thrown } when main threw); on stderr, each command line as it starts.
 * Started by cliBatch in cli.ts.
 */
import { readFileSync, writeSync } from "node:fs";
import { main } from "../../checker/cli.ts";

const argvs = JSON.parse(readFileSync(0, "utf8")) as string[][];
type Stream = NodeJS.WriteStream;

/** Calls `work` with everything written to `stream` collected instead of written. */
async function capture<T>(stream: Stream, work: () => Promise<T>): Promise<[T, string]> {
  const write = stream.write;
  let text = "";
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as Stream["write"];
  try {
    return [await work(), text];
  } finally {
    stream.write = write;
  }
}

const runs: unknown[] = [];
for (const argv of argvs) {
  writeSync(2, `running: ${JSON.stringify(argv)}\n`); // outside the capture: says which run hung, if one does
  try {
    const [[exitCode, stderr], stdout] = await capture(process.stdout, () => capture(process.stderr, () => main(argv)));
    runs.push({ exitCode, stdout, stderr });
  } catch (error) {
    runs.push({ thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
process.exitCode = 0;
writeSync(1, JSON.stringify(runs));
