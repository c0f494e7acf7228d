import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { installTlc } from "../../checker/tlc/install.ts";

const payload = Buffer.from("not really a jar, but bytes with a known hash");
const sha256 = createHash("sha256").update(payload).digest("hex");
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/tla2tools.jar") res.end(payload);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("tlc:install", () => {
  it("downloads, verifies the SHA-256 and installs the jar", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "install-")), "tla2tools.jar");
    expect(await installTlc({ url: `${base}/tla2tools.jar`, sha256, target })).toBe(target);
    expect(readFileSync(target)).toEqual(payload);
  });

  it("refuses a download whose hash differs, leaving no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "install-"));
    const target = join(dir, "tla2tools.jar");
    await expect(installTlc({ url: `${base}/tla2tools.jar`, sha256: "0".repeat(64), target })).rejects.toThrow(UsageError);
    await expect(installTlc({ url: `${base}/tla2tools.jar`, sha256: "0".repeat(64), target })).rejects.toThrow(
      /SHA-256 .* expected 0{64}; nothing was installed/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails clearly when the release cannot be fetched (offline or missing)", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "install-")), "tla2tools.jar");
    await expect(installTlc({ url: `${base}/missing.jar`, sha256, target })).rejects.toThrow(/could not download TLC .*HTTP 404/);
    await expect(installTlc({ url: "http://127.0.0.1:1/tla2tools.jar", sha256, target })).rejects.toThrow(/could not download TLC/);
    expect(existsSync(target)).toBe(false);
  });
});
