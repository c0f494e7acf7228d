import { linearization, operations } from "../props/linearizability.ts";
import type { Property } from "../props/property.ts";

/**
 * A property's status at one state, as the explorer page shows it. State properties are decided here (an invariant
 * holds or is violated, a `sometimes` is reached or not, a deadlock is or is not, the history is or is not
 * linearizable); liveness is decided over paths, never at a state, so its status says so and tells what its
 * predicates are here.
 */
export interface PropertyStatus {
  readonly name: string;
  readonly kind: string;
  /** "holds"/"violated" for what a state decides; "reached"/"unreached" for sometimes; "paths" for liveness; "error" when a predicate threw. */
  readonly status: "holds" | "violated" | "reached" | "unreached" | "paths" | "error";
  /** One line: what it means here. */
  readonly text: string;
}

/** What a state's status needs besides the state: how many actions it enables, whether it is final, and an error listing them. */
export interface StateFacts {
  readonly enabled: number;
  readonly final: boolean;
  readonly error: string | undefined;
}

const threw = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error));
const yesNo = (b: boolean) => (b ? "true" : "false");
const pathsNote = "checked over paths, not at a state";

/** The status of `property` at `state`. */
export function propertyStatus(property: Property<unknown>, state: unknown, facts: StateFacts): PropertyStatus {
  const of = (status: PropertyStatus["status"], text: string): PropertyStatus => ({ name: property.name, kind: property.kind, status, text });
  try {
    switch (property.kind) {
      case "always":
        return property.holds(state) ? of("holds", "holds here") : of("violated", "violated here");
      case "sometimes":
        return property.holds(state) ? of("reached", "reached here (the check needs one such state)") : of("unreached", "not here");
      case "deadlock":
        if (facts.error !== undefined) return of("error", facts.error);
        if (facts.enabled > 0) return of("holds", `no deadlock here: ${facts.enabled} action${facts.enabled === 1 ? "" : "s"} enabled`);
        return facts.final ? of("holds", "a final state: no action, not a deadlock") : of("violated", "deadlock here: no action enabled, not final");
      case "linearizable": {
        const history = property.history(state);
        const count = operations(history).length;
        const ops = `${count} operation${count === 1 ? "" : "s"}`;
        return linearization(history, property.spec) !== undefined
          ? of("holds", `the history (${ops}) is linearizable for a ${property.spec.name}`)
          : of("violated", `the history (${ops}) is not linearizable for a ${property.spec.name}`);
      }
      case "termination":
        return of("paths", `${pathsNote}${facts.final ? "; this state is final" : facts.enabled === 0 ? "; no action enabled here" : ""}`);
      case "eventually":
        return of("paths", `${pathsNote}; its predicate is ${yesNo(property.holds(state))} here`);
      case "leadsTo":
        return of("paths", `${pathsNote}; here "from" is ${yesNo(property.from(state))}, "to" is ${yesNo(property.to(state))}`);
    }
  } catch (error) {
    return of("error", `its predicate threw ${threw(error)}`);
  }
}
