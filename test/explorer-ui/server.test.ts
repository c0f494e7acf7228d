import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckJob } from "../../checker/explorer-ui/check-job.ts";
import type { ExplorerServer } from "../../checker/explorer-ui/server.ts";
import type { ExplorerSession } from "../../checker/explorer-ui/session.ts";
import { serve, session } from "./helpers.ts";

/** One HTTP request to the server; its status and JSON (or text) body. */
function call(
  url: string,
  method: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method, headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const json = (response.headers["content-type"] ?? "").startsWith("application/json");
        resolve({ status: response.statusCode!, body: json ? JSON.parse(text) : text, headers: response.headers });
      });
    });
    r.on("error", reject);
    r.end(options.body);
  });
}
const json = { "content-type": "application/json" };

describe("the explorer's HTTP API", () => {
  let s: ExplorerSession;
  let server: ExplorerServer;
  const variant = "commit-without-all-votes";
  beforeAll(async () => {
    s = await session("two-phase-commit", variant, ["rms=2"]);
    server = await serve(
      s,
      new CheckJob({
        kind: "one",
        where: { specs: undefined, examples: false },
        name: "two-phase-commit",
        variant,
        set: ["rms=2"],
        search: { strategy: "bfs", workers: 1 },
      }),
    );
  });
  afterAll(() => server?.close());

  it("listens on 127.0.0.1 and serves one self-contained page that loads nothing from elsewhere", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await call(server.url, "GET");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<!doctype html>");
    expect(page.body).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(String(page.headers["content-security-policy"])).toContain("default-src 'none'");
  });

  it("tells the model, states by id with their actions by index, and properties there", async () => {
    const model = (await call(`${server.url}api/model`, "GET")).body;
    expect(model).toMatchObject({ spec: "two-phase-commit", variant, config: { rms: 2 }, checkAvailable: true, trace: null });
    expect(model.processes.map((p: { name: string }) => p.name)).toEqual(["tm", "rm1", "rm2"]);
    const state = (await call(`${server.url}api/state/${model.initial[0].id}`, "GET")).body;
    expect(state.actions.map((a: { index: number }) => a.index)).toEqual(state.actions.map((_: unknown, i: number) => i));
    expect(state.properties.map((p: { name: string }) => p.name)).toEqual(model.properties.map((p: { name: string }) => p.name));
    const next = (await call(`${server.url}api/state/${state.actions[0].to}`, "GET")).body;
    expect(next.view).toEqual(s.view(state.actions[0].to));
  });

  it("answers bad requests with one line and a 4xx status", async () => {
    expect((await call(`${server.url}api/state/999999`, "GET")).body.error).toMatch(/^no state 999999/);
    expect((await call(`${server.url}api/nothing`, "GET")).status).toBe(404);
    expect((await call(`${server.url}api/trace`, "POST", { body: "{}", headers: { "content-type": "text/plain" } })).status).toBe(415);
    const notItf = await call(`${server.url}api/trace`, "POST", { body: JSON.stringify({ name: "x.itf.json", text: "{}" }), headers: json });
    expect(notItf.status).toBe(400);
    expect(notItf.body.error).toMatch(/^x\.itf\.json is not an ITF trace/);
    const port = new URL(server.url).port;
    const elsewhere = await call(`${server.url}api/model`, "GET", { headers: { host: `evil.example:${port}` } });
    expect(elsewhere.status).toBe(403);
  });

  it("runs the check off the event loop and hands back its first counterexample, walked on the model", async () => {
    const started = (await call(`${server.url}api/check`, "POST", { body: "{}", headers: json })).body;
    expect(["running", "done"]).toContain(started.state);
    let status = started;
    // Meanwhile the server answers (the search runs in its own thread); poll until it is done.
    while (status.state === "running") {
      expect((await call(`${server.url}api/model`, "GET")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      status = (await call(`${server.url}api/check`, "GET")).body;
    }
    expect(status.state).toBe("done");
    const violated = status.properties.filter((p: { holds: boolean | null }) => p.holds === false).map((p: { name: string }) => p.name);
    expect(status.errors).toEqual([]);
    expect(status.traces).toHaveLength(1); // the check stopped at its first violation
    const [trace] = status.traces;
    expect(violated).toEqual([trace.property]);
    const last = trace.steps.at(-1).id;
    const here = (await call(`${server.url}api/state/${last}`, "GET")).body.properties.find((p: { name: string }) => p.name === trace.property);
    expect(here.status).toBe("violated");
  });
});
