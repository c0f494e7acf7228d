import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CheckJob } from "../../checker/explorer-ui/check-job.ts";
import { runSpec } from "../../checker/run.ts";
import { counterexamplesOf } from "../../checker/trace-files/counterexample.ts";
import { itfText } from "../../checker/trace-files/itf.ts";
import type { ExplorerServer } from "../../checker/explorer-ui/server.ts";
import type { ExplorerSession } from "../../checker/explorer-ui/session.ts";
import { chromiumPath, fixturesRoot, serve, session } from "./helpers.ts";

/*
 * The explorer's page in a real headless Chromium (Debian's `chromium`, driven by playwright-core): it opens without
 * a console error or a page error, takes actions, goes back, jumps along the path, finds and walks a counterexample,
 * loads an ITF file, and shows each property's status at the current state. Screenshots go to the system's temp folder.
 */

const executable = chromiumPath();
if (!executable) console.log("explorer-ui browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");

const checkJob = (name: string, variant: string, set: readonly string[]) =>
  new CheckJob({ kind: "one", where: { specs: undefined, examples: false }, name, variant, set, search: { strategy: "bfs", workers: 1 } });

describe.skipIf(!executable)("the explorer page in a headless browser", () => {
  let browser: Browser;
  let s: ExplorerSession;
  let server: ExplorerServer;
  let page: Page;
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "interleave-explore-ui-"));
  const variant = "commit-without-all-votes";

  /** Opens the page on a fresh tab that records every console error and page error. */
  async function open(url: string): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    p.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await p.goto(url);
    await p.waitForSelector("body[data-ready]");
    return p;
  }
  const pathLabels = (p: Page) => p.locator("#path li .label").allTextContents();
  const statusOf = (p: Page, property: string) => p.locator(`#properties tr[data-property="${property}"] .badge`).textContent();
  const currentStep = (p: Page) => p.locator("#path li.current").getAttribute("data-pos").then(Number);

  beforeAll(async () => {
    s = await session("two-phase-commit", variant, ["rms=2"]);
    server = await serve(s, checkJob("two-phase-commit", variant, ["rms=2"]));
    browser = await chromium.launch({ executablePath: executable!, headless: true });
    page = await open(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  it("opens at the initial state: every enabled action with its label, grouped by process; each process and the environment", async () => {
    expect(await page.locator("#title").textContent()).toBe(`two-phase-commit (${variant})`);
    const initial = s.info(s.initial[0]!);
    expect(await page.locator("#actions button.action .label").allTextContents()).toEqual(initial.actions.map((a) => a.label));
    expect(await page.locator("#actions .group h3").first().textContent()).toContain("tm");
    expect(await page.locator("#processes .card .name").allTextContents()).toEqual(["tm", "rm1", "rm2"]);
    expect(await page.locator("#environment .card .name").allTextContents()).toEqual(["network", "crashed", "history"]);
    expect(await statusOf(page, "terminates")).toBe("over paths");
    expect(await statusOf(page, "commits")).toBe("not here");
    expect(await pathLabels(page)).toEqual(["initial state"]);
  });

  it("takes actions (click and keys), goes back, jumps along the path, and keeps the path in the URL", async () => {
    await page.locator("#actions button.action").first().click();
    await page.waitForSelector("#path li:nth-child(2).current");
    expect(await page.locator("#environment table.messages tr.new").count()).toBe(2); // begin sends two prepares
    await page.keyboard.press("1");
    await page.waitForSelector("#path li:nth-child(3).current");
    const second = s.info(s.initial[0]!).actions[0]!.to!;
    expect(await page.locator("#path li:nth-child(3) .label").textContent()).toBe(s.info(second).actions[0]!.label);
    await page.click("#back");
    await page.waitForSelector("#path li:nth-child(2).current");
    expect(await pathLabels(page)).toHaveLength(3); // the step left is still there, ahead
    await page.click("#path li:nth-child(1)");
    await page.waitForSelector("#path li:nth-child(1).current");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector("#path li:nth-child(3).current");
    expect(await page.locator("#back").isDisabled()).toBe(false);
    expect(await page.locator("#forward").isDisabled()).toBe(true);
    const labels = await pathLabels(page);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await pathLabels(page)).toEqual(labels);
    expect(await currentStep(page)).toBe(2);
  });

  it("finds a counterexample off the server's event loop and steps through it to the state that violates the property", async () => {
    await page.click("#run-check");
    await page.waitForSelector("#trace:not([hidden]) h2");
    const title = (await page.locator("#trace h2").textContent())!;
    const property = /^Counterexample to (\S+)/.exec(title)![1]!;
    const length = (await pathLabels(page)).length;
    expect(length).toBeGreaterThan(2);
    expect(await currentStep(page)).toBe(0);
    expect(await statusOf(page, property)).toBe("holds");
    for (let i = 1; i < length; i++) await page.keyboard.press("ArrowRight");
    await page.waitForSelector(`#path li:nth-child(${length}).current`);
    expect(await statusOf(page, property)).toBe("violated");
    expect(await page.locator("#diagram svg g.row").count()).toBe(length);
    expect(await page.locator("#check-status").textContent()).toContain(`violated: ${property}`);
    await page.screenshot({ path: join(tmpdir(), "interleave-explore-counterexample.png"), fullPage: true });
  });

  it("loads an ITF trace file, as check --trace-dir writes it, and walks it on the model", async () => {
    const { document } = runSpec(s.spec, { variant, set: ["rms=2"] });
    const [counterexample] = counterexamplesOf(document);
    const file = join(dir, "two-phase-commit.itf.json");
    writeFileSync(file, itfText(counterexample!));
    await page.setInputFiles("#itf-file", file);
    await page.locator("#trace h2", { hasText: `Counterexample to ${counterexample!.property.name}` }).waitFor();
    expect(await pathLabels(page)).toEqual(counterexample!.property.trace.steps.map((step) => step.label));
    expect(await page.locator("#message").textContent()).toContain("loaded");
  });

  it("checks every property on request and loads the lasso of a liveness property, which stays in its last state forever", async () => {
    const crash = await session("two-phase-commit", "coordinator-crash", ["rms=1"]);
    const other = await serve(crash, checkJob("two-phase-commit", "coordinator-crash", ["rms=1"]));
    try {
      const p = await open(other.url);
      await p.check("#check-all");
      await p.click("#run-check");
      await p.locator('#check-status button[data-property="prepared-decides"]').click();
      await p.locator("#trace h2", { hasText: "Counterexample to prepared-decides (leadsTo)" }).waitFor();
      expect(await p.locator("#trace").textContent()).toContain("the last state stays forever (stuttering)");
      const length = (await pathLabels(p)).length;
      expect(await p.locator(`#path li:nth-child(${length}) .tag.loop`).textContent()).toContain("stays here forever");
      await p.click("#trace-end");
      await p.waitForSelector(`#path li:nth-child(${length}).current`);
      expect(await statusOf(p, "prepared-decides")).toBe("over paths");
      await p.close();
    } finally {
      await other.close();
    }
  });

  it("shows a model that is not an actor system: its initial states to choose from, its fields, and a step that throws", async () => {
    const counter = await session("counter", "main", [], fixturesRoot);
    const job = new CheckJob({
      kind: "one",
      where: { specs: fixturesRoot, examples: false },
      name: "counter",
      variant: "main",
      set: [],
      search: { strategy: "bfs", workers: 1 },
    });
    const other = await serve(counter, job);
    try {
      const p = await open(other.url);
      expect(await p.locator("#initial option").allTextContents()).toEqual(["initial state 1 of 2", "initial state 2 of 2: n: 0 → -2"]);
      await p.selectOption("#initial", "1");
      await p.locator("#processes .card tr", { hasText: "-2" }).waitFor();
      expect(await p.locator("#processes .card .name").allTextContents()).toEqual(["state"]);
      expect(await p.locator("#diagram-panel").isHidden()).toBe(true);
      expect(await p.locator("#environment-head").isHidden()).toBe(true);
      await p.click("#run-check");
      await p.locator("#trace h2", { hasText: "Counterexample to no-exception" }).waitFor();
      expect(await p.locator("#trace .error-text").textContent()).toBe("The model's code threw: counter boom threw RangeError: boom at 3");
      await p.click("#trace-end");
      const boom = p.locator("#actions button.action", { hasText: "counter boom" });
      expect(await boom.isDisabled()).toBe(true);
      expect(await p.locator("#actions .error-text").textContent()).toBe("counter boom threw RangeError: boom at 3");
      await p.screenshot({ path: join(tmpdir(), "interleave-explore-not-actors.png"), fullPage: true });
      await p.close();
    } finally {
      await other.close();
    }
  });

  it("shows a history that is not linearizable: the operations, the events in the environment, the property violated", async () => {
    const lin = await session("timestamp-register", "local-clock", ["nodes=1"]);
    const other = await serve(lin, checkJob("timestamp-register", "local-clock", ["nodes=1"]));
    try {
      const p = await open(other.url);
      await p.click("#run-check");
      await p.waitForSelector("#trace:not([hidden]) h2");
      expect(await p.locator("#trace h2").textContent()).toBe("Counterexample to linearizable (linearizable)");
      expect(await p.locator("#trace ul.ops li.core").count()).toBeGreaterThan(0);
      const length = (await pathLabels(p)).length;
      await p.click(`#path li:nth-child(${length})`);
      await p.waitForSelector(`#path li:nth-child(${length}).current`);
      expect(await statusOf(p, "linearizable")).toBe("violated");
      expect(await p.locator("#environment ol.history li").count()).toBeGreaterThan(0);
      await p.screenshot({ path: join(tmpdir(), "interleave-explore-linearizable.png"), fullPage: true });
      await p.close();
    } finally {
      await other.close();
    }
  });
});
