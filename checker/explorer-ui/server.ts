import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { UsageError, isUsageError } from "../errors.ts";
import type { ResultDocument } from "../report.ts";
import type { CheckJob, CheckStatus } from "./check-job.ts";
import { explorerPage } from "./page.ts";
import { counterexamples, walkFile, type LoadedTrace } from "./replay.ts";
import type { ExplorerSession } from "./session.ts";

/*
 * The explorer's HTTP JSON API on 127.0.0.1 (node:http, no framework), and the page that uses it:
 *   GET  /                  the page (one self-contained HTML document)
 *   GET  /api/model         the spec, configuration, processes, properties, initial states, and a trace loaded at start
 *   GET  /api/state/ID      a state: its view, enabled actions (index, label, data, where each leads, what it changes), properties here
 *   POST /api/trace         an ITF trace (the body), walked on the model: its steps as state ids
 *   POST /api/check         starts the check of this configuration off the event loop; GET /api/check: its status and first counterexample
 *   POST /api/check/stop    stops it as at a bound
 * Requests must name this server as their Host (no other site's page can reach it through DNS tricks), and a POST must
 * send JSON (a cross-site form cannot).
 */

/** How to serve: the port (0 or absent: a free one), the check job behind the page's button, and a trace to show first. */
export interface ServeOptions {
  readonly port?: number;
  readonly check?: CheckJob;
  readonly trace?: LoadedTrace;
}

/** A running explorer: its URL, and how to stop it. */
export interface ExplorerServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The largest request body taken (an ITF trace of a long run). */
const maxBody = 64 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Serves the explorer for `session` on 127.0.0.1; rejects with a UsageError when the port is taken. */
export async function serveExplorer(session: ExplorerSession, options: ServeOptions = {}): Promise<ExplorerServer> {
  const routes = new Routes(session, options);
  const server = createServer((request, response) => void routes.handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES"
          ? new UsageError(`cannot listen on 127.0.0.1:${options.port}: ${error.code === "EADDRINUSE" ? "the port is in use" : "not allowed"}`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  routes.port = port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await options.check?.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class Routes {
  port = 0;
  /** The counterexamples of the check's document, walked on the model once. */
  private walked: { document: ResultDocument; traces: readonly LoadedTrace[]; errors: readonly string[] } | undefined;

  constructor(
    private readonly session: ExplorerSession,
    private readonly options: ServeOptions,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const host = request.headers.host ?? "";
      if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`)
        throw new HttpError(403, `this server answers requests to 127.0.0.1:${this.port} only`);
      const path = new URL(request.url ?? "/", "http://x").pathname;
      if (request.method === "GET" && path === "/") return this.page(response);
      if (!path.startsWith("/api/")) throw new HttpError(404, `no page ${path}`);
      if (request.method === "POST" && !(request.headers["content-type"] ?? "").startsWith("application/json"))
        throw new HttpError(415, "a POST sends JSON (Content-Type: application/json)");
      const result = await this.api(request, path);
      send(response, 200, result);
    } catch (error) {
      if (error instanceof HttpError) send(response, error.status, { error: error.message });
      else if (isUsageError(error)) send(response, 400, { error: error.message });
      else
        send(response, 500, {
          error: `internal error: ${error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error)}`,
        });
    }
  }

  private page(response: ServerResponse): void {
    const nonce = randomBytes(16).toString("base64");
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Nothing but this server: the page loads no script, style, font or image from anywhere else.
      "content-security-policy": [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
      ].join("; "),
    });
    response.end(explorerPage(nonce));
  }

  private async api(request: IncomingMessage, path: string): Promise<unknown> {
    const method = request.method ?? "GET";
    const route = `${method} ${path.replace(/^\/api\/state\/\d+$/, "/api/state/ID")}`;
    switch (route) {
      case "GET /api/model":
        return { ...this.session.modelInfo(), checkAvailable: this.options.check !== undefined, trace: this.options.trace ?? null };
      case "GET /api/state/ID":
        return this.session.info(Number(path.slice("/api/state/".length)));
      case "POST /api/trace": {
        const { name, text } = (jsonOf(await readBody(request)) ?? {}) as { name?: unknown; text?: unknown };
        if (typeof text !== "string") throw new HttpError(400, 'the body is {"name": file name, "text": the ITF trace}');
        const file = typeof name === "string" && name !== "" ? name : "the trace";
        return walkFile(this.session, text, file);
      }
      case "POST /api/check": {
        const { continue: all } = (jsonOf(await readBody(request)) ?? {}) as { continue?: unknown };
        return this.startCheck(all === true);
      }
      case "GET /api/check":
        return this.checkStatus();
      case "POST /api/check/stop":
        this.options.check?.stop();
        return this.checkStatus();
      default:
        throw new HttpError(404, `no API ${method} ${path}`);
    }
  }

  /** Starts the check (every property with `all`, as check --continue does, else stopping at the first violation). */
  private startCheck(all: boolean): unknown {
    const check = this.options.check;
    if (!check) throw new HttpError(404, "this server runs no check");
    check.start({ continue: all });
    return this.checkStatus();
  }

  /** The check's status; once done, its document's summary and its counterexamples walked on the model (once). */
  private checkStatus(): unknown {
    const status: CheckStatus = this.options.check?.status ?? { state: "idle" };
    if (status.state !== "done") return status;
    const { document } = status;
    if (this.walked?.document !== document) this.walked = { document, ...counterexamples(this.session, document) };
    const { properties, ...summary } = document;
    return {
      state: "done",
      stopped: status.stopped,
      summary: {
        complete: summary.complete,
        stopReason: summary.stopReason ?? null,
        distinctStates: summary.distinctStates,
        generatedStates: summary.generatedStates,
        depth: summary.depth,
        seconds: summary.seconds,
      },
      properties: properties.map((p) => ({
        name: p.name,
        kind: p.kind,
        holds: p.holds,
        ...(p.note !== undefined && { note: p.note }),
        ...(p.error !== undefined && { error: p.error }),
      })),
      traces: this.walked.traces,
      errors: this.walked.errors,
    };
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(text);
}

function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, "the body is not JSON");
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) throw new HttpError(413, `a request body is at most ${maxBody / 1024 / 1024} MiB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
