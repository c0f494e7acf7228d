import { happensBefore, lamportRoles, type ClockEvent, type ClockFlaws, type ProcessState } from "../../src/protocols/lamport-clocks/index.ts";
import { actorModel, always, defineSpec, intKey, noDeadlock, sometimes, terminates, type SystemState } from "interleave";
import { lamportPairing } from "./tla.ts";

const flawsOf: Record<string, ClockFlaws> = {
  main: {},
  "receive-without-max": { receiveWithoutMax: true },
};

/** Every event of the execution so far: the union of the processes' ghost logs. */
const eventsOf = (processes: readonly ProcessState[]): ClockEvent[] => processes.flatMap((p) => p.log);

/** Lamport's Clock Condition over every pair of events: if e1 happens before e2 then C(e1) < C(e2). */
function clockCondition(processes: readonly ProcessState[]): boolean {
  const events = eventsOf(processes);
  return events.every((e1) => events.every((e2) => !happensBefore(e1.vc, e2.vc) || e1.clock < e2.clock));
}

/** The converse does not hold: two concurrent events whose clocks are ordered anyway. */
function orderedConcurrentEvents(processes: readonly ProcessState[]): boolean {
  const events = eventsOf(processes);
  return events.some((e1) => events.some((e2) => e1.clock < e2.clock && !happensBefore(e1.vc, e2.vc) && !happensBefore(e2.vc, e1.vc)));
}

/** Each process's clock strictly increases along its own log. */
const clocksIncrease = (processes: readonly ProcessState[]): boolean =>
  processes.every((p) => p.log.every((e, i) => i === 0 || p.log[i - 1]!.clock < e.clock));

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
  build(config, variant) {
    const flaws = flawsOf[variant] ?? {};
    const model = actorModel(lamportRoles({ processes: config.processes, events: config.events, flaws }));
    const processes = (s: SystemState) => model.roles(s).processes;
    return {
      model,
      tla: lamportPairing({ model, events: config.events, flaws }),
      properties: [
        always("clock-condition", (s: SystemState) => clockCondition(processes(s)), { tla: "ClockCondition" }),
        always("clocks-increase", (s: SystemState) => clocksIncrease(processes(s)), { tla: "ClocksIncrease" }),
        sometimes("message-received", (s: SystemState) => eventsOf(processes(s)).some((e) => e.kind === "receive"), { tla: "NoMessageReceived" }),
        sometimes("concurrent-events-ordered", (s: SystemState) => orderedConcurrentEvents(processes(s)), { tla: "NoConcurrentEventsOrdered" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
      ],
    };
  },
});
