import { lamportSystem, happensBefore, type ClockEvent, type ClockFlaws, type ProcessState } from "../../src/protocols/lamport-clocks/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { always, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { defineSpec, intKey, type Config } from "../../checker/spec.ts";
import { lamportPairing } from "./tla.ts";

const flawsOf: Record<string, ClockFlaws> = {
  main: {},
  "receive-without-max": { receiveWithoutMax: true },
};

/** Every event of the execution so far: the union of the processes' ghost logs. */
const eventsOf = (state: SystemState): ClockEvent[] => (state.procs as ProcessState[]).flatMap((p) => p.log);

/** Lamport's Clock Condition over every pair of events: if e1 happens before e2 then C(e1) < C(e2). */
function clockCondition(state: SystemState): boolean {
  const events = eventsOf(state);
  return events.every((e1) => events.every((e2) => !happensBefore(e1.vc, e2.vc) || e1.clock < e2.clock));
}

/** The converse does not hold: two concurrent events whose clocks are ordered anyway. */
function orderedConcurrentEvents(state: SystemState): boolean {
  const events = eventsOf(state);
  return events.some((e1) => events.some((e2) => e1.clock < e2.clock && !happensBefore(e1.vc, e2.vc) && !happensBefore(e2.vc, e1.vc)));
}

function build(config: Config, variant: string) {
  const processes = Number(config.processes);
  const events = Number(config.events);
  const model = actorModel(lamportSystem({ processes, events, flaws: flawsOf[variant] ?? {} }));
  return {
    model,
    tla: lamportPairing({ model, processes, events, receiveWithoutMax: flawsOf[variant]?.receiveWithoutMax ?? false }),
    properties: [
      always<SystemState>("clock-condition", clockCondition),
      always<SystemState>("clocks-increase", (s) => (s.procs as ProcessState[]).every((p) => p.log.every((e, i) => i === 0 || p.log[i - 1]!.clock < e.clock))),
      sometimes<SystemState>("message-received", (s) => eventsOf(s).some((e) => e.kind === "receive")),
      sometimes<SystemState>("concurrent-events-ordered", orderedConcurrentEvents),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
    ],
  };
}

export default defineSpec({
  name: "lamport-clocks",
  summary: "Lamport clocks: local events, sends and receives; the Clock Condition over every pair of events",
  tlaModule: "LamportClocks",
  keys: {
    processes: intKey({ doc: "processes", default: 3, min: 2, max: 5 }),
    events: intKey({ doc: "local events and sends each process takes on its own (receives are extra)", default: 1, min: 0, max: 5 }),
  },
  variants: {
    main: { summary: "a receive moves the clock past the message's clock: max(own, message) + 1" },
    "receive-without-max": { summary: "a receive sets the clock to its own value plus one", fails: ["clock-condition"] },
  },
  build,
});
