import { check, type ResultDocument } from "interleave";
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import type { TraceReport } from "../../checker/report.ts";
import { counterexamplesOf, type Counterexample } from "../../checker/trace-files/counterexample.ts";
import { splitRegister } from "../report/fixtures.ts";

/*
 * Counterexamples to render, from real runs of small configurations (a few thousand states each): a linearizability
 * violation with its explanation, a lasso that stutters after a crash, a lasso with a loop of 32 steps; and one made
 * by hand whose names and messages hold every character the formats must escape.
 */

/** split-register: c2 reads null after c1's write returned (linearizable, with its explanation). */
export const linearizability = async (): Promise<ResultDocument> => check(splitRegister);

/** two-phase-commit coordinator-crash, --continue: a deadlock, and prepared-decides as a lasso that stutters. */
export async function stutteringLasso(): Promise<ResultDocument> {
  return check(await loadSpec("two-phase-commit", examplesDir), { variant: "coordinator-crash", set: { rms: 2 }, continue: true });
}

/** paxos dueling-proposers: terminates fails with a lasso whose loop has 32 steps. */
export async function loopingLasso(): Promise<ResultDocument> {
  return check(await loadSpec("paxos", examplesDir), { variant: "dueling-proposers" });
}

/** The first counterexample of a document (it must have one). */
export function firstCounterexample(document: ResultDocument, property?: string): Counterexample {
  const found = counterexamplesOf(document).find((c) => property === undefined || c.property.name === property);
  if (!found) throw new Error(`no counterexample${property ? ` to ${property}` : ""} in ${document.spec}`);
  return found;
}

/** Text every format must escape: statement breaks, entity starts, markup, quotes, a line break, a reserved word. */
export const nasty = `a;b #c <b>x</b> & "q" 'r' %% d\nnext end`;

/**
 * A counterexample made by hand: processes named `end` and `node 2` (not plain ids), messages and a crash with nasty
 * text, a lost message, null and fractions; then a recovery, an isolation, a tick, a timer with a nasty name, a heal.
 */
export function handMade(): Counterexample {
  const state = (network: unknown[], note: unknown, crashed: string[] = []) => ({
    end: { note, ratio: 0.25, nothing: null },
    "node 2": { big: { "#bigint": "123456789012345678901234567890" }, set: { "#set": [1, 2] }, pair: { "#tup": ["x", null] } },
    network,
    crashed,
    history: [],
  });
  const message = { type: "say", text: nasty };
  const envelope = { from: "end", to: "node 2", message };
  const trace: TraceReport = {
    source: "model",
    steps: [
      { action: { kind: "init" }, label: "initial state", state: state([envelope], null) },
      { action: { kind: "deliver", from: "end", to: "node 2", message }, label: `node 2 receives ${nasty}`, state: state([envelope], nasty) },
      { action: { kind: "drop", from: "end", to: "node 2", message }, label: "the network loses it", state: state([], nasty) },
      { action: { kind: "crash", process: "node 2" }, label: "node 2 crashes", state: state([], nasty, ["node 2"]) },
      { action: { kind: "weird", detail: nasty }, label: `something ${nasty}`, state: state([], 1.5, ["node 2"]) },
      { action: { kind: "recover", process: "node 2" }, label: "node 2 recovers", state: state([], 1.5) },
      { action: { kind: "isolate", process: "end" }, label: "the network isolates end", state: state([], 1.5) },
      { action: { kind: "tick", advances: { end: 2 } }, label: "time passes (end +2)", state: state([], 1.5) },
      { action: { kind: "timer", process: "end", timer: nasty }, label: `end's timer ${nasty} fires`, state: state([], 2.5) },
      { action: { kind: "heal" }, label: "the partition heals", state: state([], 2.5) },
    ],
    loopsBackTo: null,
  };
  return {
    run: {
      tool: "interleave",
      spec: "hand<made>",
      variant: "v&1",
      config: { text: nasty },
      strategy: "bfs",
      reductions: { symmetry: false },
      processes: [
        { name: "end", role: "servers" },
        { name: "node 2", role: "servers" },
      ],
      complete: false,
      distinctStates: 10,
      generatedStates: 10,
      depth: 10,
      seconds: 0,
    },
    property: { name: "safe;ty", kind: "always", holds: false, trace },
  };
}
