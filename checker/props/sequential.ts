import type { Operation } from "../../src/actor/index.ts";
import { encode } from "../state/encode.ts";

/** A sequential specification: what each operation returns when operations run one at a time. */
export interface SequentialSpec<Q = unknown> {
  readonly name: string;
  readonly init: Q;
  /** The state after `operation` and its result; throws on an operation the spec does not know. */
  apply(state: Q, operation: Operation): { readonly state: Q; readonly result: unknown };
}

const unknownOperation = (spec: string, operation: Operation) => new Error(`${spec} has no operation ${encode(operation)}`);

/** A read/write register, initially null: write returns "ok", read returns the last value written. */
export const register: SequentialSpec = {
  name: "register",
  init: null,
  apply(state, operation) {
    if (operation.op === "write") return { state: operation.value ?? null, result: "ok" };
    if (operation.op === "read") return { state, result: state };
    throw unknownOperation("register", operation);
  },
};

/** A register with compare-and-set: `{op: "cas", expected, value}` swaps only when the value equals `expected`. */
export const casRegister: SequentialSpec = {
  name: "cas-register",
  init: null,
  apply(state, operation) {
    if (operation.op === "cas") {
      const swap = encode(state) === encode(operation.expected ?? null);
      return { state: swap ? (operation.value ?? null) : state, result: swap };
    }
    try {
      return register.apply(state, operation);
    } catch {
      throw unknownOperation("cas-register", operation);
    }
  },
};

/** The sequential specs by name. */
export const sequentialSpecs: Readonly<Record<string, SequentialSpec>> = { register, "cas-register": casRegister };
