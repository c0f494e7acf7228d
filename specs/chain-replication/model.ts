import { chainReplicationSystem, newer, type ChainNodeState } from "../../src/protocols/chain-replication/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { always, linearizable, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { register } from "../../checker/props/sequential.ts";
import { registerOpsKey, registerScripts } from "../../checker/register-scripts.ts";
import { defineSpec, intKey, type Config } from "../../checker/spec.ts";
import { chainReplicationPairing } from "./tla.ts";

/*
 * Chain replication ("Chain Architecture"): writes enter at the head and are acknowledged by the tail,
 * reads are served by the tail, so the tail serializes everything and the register is linearizable.
 *
 * Reading at the head is linearizable too while nothing fails: the head is then a valid serialization
 * point (every write takes effect there between its invocation and its acknowledgement). The flaw shows
 * when the head fails: it answered a read with a value it had not yet passed down the chain, and its
 * successor, now the head, answers a later read with an older value. So the model lets the head crash
 * (`crashes`, at most once); clients learn of it from a fail-stop notice (the chain replication paper's
 * master) and send to the new head. There are no client retries (no timers), so a request lost with the
 * crashed head is never answered: with crashes=1 `no-deadlock` fails in main too, while `linearizable`
 * holds. Updates carry versions (sequence number, head) and are applied only when newer, so the links
 * need not be FIFO.
 */

function build(config: Config, variant: string) {
  const nodes = Number(config.nodes);
  const scripts = registerScripts(config.ops, Number(config.clients));
  if (Number(config.crashes) > 0 && nodes < 2) throw new UsageError("crashes=1 needs nodes=2 or more: the head's successor takes over");
  const readAtHead = variant === "read-at-head";
  const model = actorModel(chainReplicationSystem({ nodes, scripts, headCrashes: Number(config.crashes), readAtHead }));
  const nodeStates = (s: SystemState) => s.procs.slice(0, nodes) as ChainNodeState[];
  return {
    model,
    tla: chainReplicationPairing({ model, nodes, scripts, crashes: Number(config.crashes), readAtHead }),
    properties: [
      linearizable<SystemState>("linearizable", (s) => s.history, register),
      always<SystemState>("versions-decrease-down-the-chain", (s) => nodeStates(s).every((n, i, all) => i === 0 || s.crashed.includes(i - 1) || !newer(n.version, all[i - 1]!.version))),
      sometimes<SystemState>("read-returns-written", (s) => s.history.some((e) => "ret" in e && typeof e.ret === "number")),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
    ],
  };
}

export default defineSpec({
  name: "chain-replication",
  summary: "chain replication: writes enter at the head, the tail acknowledges them and serves reads",
  tlaModule: "ChainReplication",
  keys: {
    nodes: intKey({ doc: "chain nodes (n1 the head, the last the tail)", default: 3, min: 1, max: 5 }),
    clients: intKey({ doc: "client processes", default: 2, min: 1, max: 4 }),
    ops: registerOpsKey("w1,rr"),
    crashes: intKey({ doc: "whether the head may crash (its successor takes over)", default: 0, min: 0, max: 1 }),
  },
  variants: {
    main: { summary: "reads are served by the tail" },
    "read-at-head": { summary: "reads are served by the head, which may crash", defaults: { crashes: 1 }, fails: ["linearizable", "no-deadlock"] },
  },
  build,
});
