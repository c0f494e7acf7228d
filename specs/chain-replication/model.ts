import { chainReplicationRoles, newer, type ChainNodeState } from "../../src/protocols/chain-replication/index.ts";
import {
  actorModel,
  always,
  ConfigError,
  defineSpec,
  intKey,
  linearizable,
  noDeadlock,
  register,
  registerOpsKey,
  registerScripts,
  sometimes,
  terminates,
  type SystemState,
} from "interleave";
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

/** Down the chain, no live node's successor holds a newer version than it does. */
function versionsDecrease(nodes: readonly ChainNodeState[], ids: readonly number[], crashed: readonly number[]): boolean {
  return nodes.every((n, i) => i === 0 || crashed.includes(ids[i - 1]!) || !newer(n.version, nodes[i - 1]!.version));
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
  build(config, variant) {
    const scripts = registerScripts(config.ops, config.clients);
    if (config.crashes > 0 && config.nodes < 2) {
      throw new ConfigError("chain-replication", "crashes", String(config.crashes), "0 when nodes=1: the head's successor takes over");
    }
    const readAtHead = variant === "read-at-head";
    const roles = chainReplicationRoles({ nodes: config.nodes, scripts, readAtHead });
    // Only the head (n1, id 0) may crash.
    const model = actorModel(roles, { crashes: config.crashes, crashable: [0], idFields: { states: { clients: ["down"] }, messages: ["client"] } });
    const readReturnsWritten = (s: SystemState) => s.history.some((e) => "ret" in e && typeof e.ret === "number");
    return {
      model,
      tla: chainReplicationPairing({ model, scripts, crashes: config.crashes, readAtHead }),
      properties: [
        linearizable("linearizable", (s: SystemState) => s.history, register, { tla: "Linearizable" }),
        always("versions-decrease-down-the-chain", (s: SystemState) => versionsDecrease(model.roles(s).nodes, model.ids.nodes, s.crashed), {
          tla: "VersionsDecreaseDownTheChain",
        }),
        sometimes("read-returns-written", readReturnsWritten, { tla: "NoReadReturnsWritten" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
      ],
    };
  },
});
