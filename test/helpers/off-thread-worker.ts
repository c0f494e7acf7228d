// The worker thread of off-thread.ts: runs each call it is sent, one at a time, and replies with its result.
import { parentPort } from "node:worker_threads";

/** A call: the function `name` exported by the module at URL `module`, with `args`. */
export interface Call {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  readonly args: readonly unknown[];
}

/** The reply to call `id`: its result, or its error's name and message. */
export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

const port = parentPort!;
let queue: Promise<void> = Promise.resolve();

async function run({ id, module, name, args }: Call): Promise<Reply> {
  try {
    const exported = (await import(module))[name];
    if (typeof exported !== "function") throw new TypeError(`${module} exports no function ${name}`);
    return { id, ok: true, value: await exported(...args) };
  } catch (error) {
    const { name: kind, message } = error instanceof Error ? error : { name: "thrown", message: String(error) };
    return { id, ok: false, name: kind, message };
  }
}

/** Replies; a result that cannot be cloned (a function, a class instance) is an error reply, not a dead thread. */
function reply(answer: Reply) {
  try {
    port.postMessage(answer);
  } catch (error) {
    port.postMessage({
      id: answer.id,
      ok: false,
      name: "DataCloneError",
      message: error instanceof Error ? error.message : String(error),
    } satisfies Reply);
  }
}

port.on("message", (call: Call) => {
  queue = queue.then(async () => reply(await run(call)));
});
