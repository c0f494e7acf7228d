import { pageScript } from "./page-script.ts";
import { pageStyle } from "./page-style.ts";

/**
 * The explorer page: one self-contained HTML document (its style and script inline, marked with `nonce` for the
 * server's Content-Security-Policy), which loads nothing but the API of ./server.ts.
 */
export function explorerPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>interleave explore</title>
<style nonce="${nonce}">${pageStyle}</style>
</head>
<body>
<header>
  <h1><span class="app">interleave explore</span><span id="title"></span></h1>
  <span id="config"></span>
  <div class="tools">
    <button
      id="run-check"
      class="primary"
      title="Explore every state of this configuration (off the server's event loop) and load the first counterexample"
    >Find a counterexample</button>
    <label
      class="check-all"
      title="Explore on after a violation (check --continue): a counterexample to each property that fails, liveness included"
    ><input type="checkbox" id="check-all"> every property</label>
    <button id="stop-check" hidden>Stop</button>
    <label
      class="file-button"
      title="An .itf.json trace of this spec (interleave check --trace-dir writes them)"
    >Load ITF trace…<input type="file" id="itf-file" accept=".json,application/json"></label>
  </div>
  <div id="summary"></div>
  <div id="check-status" role="status"></div>
</header>
<div id="message" class="message" role="alert"></div>
<main>
  <section class="panel" id="path-panel">
    <h2>Path</h2>
    <div id="initial-box" hidden><label>Start from <select id="initial"></select></label></div>
    <div class="nav">
      <button id="back" title="Back one step (←)">← Back</button>
      <button id="forward" title="Forward along the path (→)">Forward →</button>
      <span id="position"></span>
    </div>
    <ol id="path"></ol>
    <p class="help">Click a step to go back to it; taking another action there starts a new branch. Keys: ← →, 1–9 take an action.</p>
    <div id="trace" hidden></div>
  </section>
  <section class="panel" id="state-panel">
    <h2 id="state-title">State</h2>
    <div id="processes"></div>
    <h3 id="environment-head">Environment</h3>
    <div id="environment"></div>
  </section>
  <section class="panel" id="side-panel">
    <h2>Enabled actions <span class="count" id="actions-count"></span></h2>
    <div id="actions"></div>
    <h2 class="spaced">Properties at this state</h2>
    <table id="properties"></table>
  </section>
</main>
<section class="panel" id="diagram-panel" hidden>
  <h2>Sequence diagram <small>one lifeline per process; click a row to go to that step</small></h2>
  <div id="diagram"></div>
</section>
<script nonce="${nonce}">${pageScript}</script>
</body>
</html>
`;
}
