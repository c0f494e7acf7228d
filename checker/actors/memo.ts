import type { Id } from "../../src/actor/index.ts";

/**
 * What each process did before from a given state: answers kept per process, per process state and per event
 * (a message key, "invoke", a local event). Handlers are deterministic functions of their state and the event,
 * and process states are interned (./intern.ts: one object per content), so an answer found by the state object
 * is the answer for that content. Object states are held weakly; a fresh start is made past `limit` answers.
 */
export class ProcessMemo<T> {
  private objects: WeakMap<object, Map<string, T>>[];
  private primitives: Map<unknown, Map<string, T>>[];
  private count = 0;

  constructor(
    private readonly processes: number,
    private readonly limit = 1 << 21,
  ) {
    this.objects = Array.from({ length: processes }, () => new WeakMap());
    this.primitives = Array.from({ length: processes }, () => new Map());
  }

  /** The answer kept for process `id` in state `proc` on `event`, or undefined. */
  get(id: Id, proc: unknown, event: string): T | undefined {
    const answers = typeof proc === "object" && proc !== null ? this.objects[id]!.get(proc) : this.primitives[id]!.get(proc);
    return answers?.get(event);
  }

  set(id: Id, proc: unknown, event: string, answer: T): void {
    if (++this.count > this.limit) {
      this.objects = Array.from({ length: this.processes }, () => new WeakMap());
      this.primitives = Array.from({ length: this.processes }, () => new Map());
      this.count = 1;
    }
    const isObject = typeof proc === "object" && proc !== null;
    let answers = isObject ? this.objects[id]!.get(proc) : this.primitives[id]!.get(proc);
    if (answers === undefined) {
      answers = new Map();
      if (isObject) this.objects[id]!.set(proc, answers);
      else this.primitives[id]!.set(proc, answers);
    }
    answers.set(event, answer);
  }
}
