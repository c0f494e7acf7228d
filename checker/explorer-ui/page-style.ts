// The explorer page's style sheet, kept as a string so that the compiled package serves it from dist/ as it is.
export const pageStyle = String.raw`
:root {
  --bg: #f6f7f9; --panel: #ffffff; --ink: #1d2430; --muted: #5f6b7a; --line: #d9dee5; --accent: #2f5fd0;
  --good: #1f7a3a; --good-bg: #e3f4e8; --bad: #b42318; --bad-bg: #fde7e5; --warn-bg: #fff4d6; --warn: #8a5a00;
  --new: #e6f0ff; --gone: #f3f3f3; --mono: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px 16px;
  padding: 10px 16px;
  background: var(--panel);
  border-bottom: 1px solid var(--line);
}
header h1 { font-size: 16px; margin: 0; }
header .app { color: var(--muted); font-weight: normal; margin-right: 6px; }
#config { font-family: var(--mono); color: var(--muted); }
#summary { color: var(--muted); flex-basis: 100%; font-size: 13px; }
.tools { margin-left: auto; display: flex; gap: 8px; align-items: center; }
button, .file-button {
  font: inherit;
  padding: 4px 10px;
  border: 1px solid var(--line);
  border-radius: 6px;
  background: var(--panel);
  color: var(--ink);
  cursor: pointer;
}
button:hover:not(:disabled), .file-button:hover { border-color: var(--accent); }
button:disabled { opacity: .45; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.file-button input { display: none; }
#check-status { color: var(--muted); font-size: 13px; flex-basis: 100%; }
#check-status:empty { display: none; }
.check-all { font-size: 13px; color: var(--muted); white-space: nowrap; }
button.link { border: none; background: none; padding: 0 2px; color: var(--accent); text-decoration: underline; font-family: var(--mono); font-size: 12.5px; }
.message { display: none; margin: 8px 16px 0; padding: 6px 10px; border-radius: 6px; }
.message.info { display: block; background: var(--new); }
.message.error { display: block; background: var(--bad-bg); color: var(--bad); }
main { display: grid; grid-template-columns: minmax(220px, 300px) minmax(340px, 1fr) minmax(320px, 440px); gap: 12px; padding: 12px 16px; align-items: start; }
section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 0; }
h2 { font-size: 14px; margin: 0 0 8px; display: flex; gap: 8px; align-items: baseline; }
h2 .count, h2 small { color: var(--muted); font-weight: normal; }
h2.spaced { margin-top: 14px; }
h3 { font-size: 13px; margin: 10px 0 4px; display: flex; gap: 8px; align-items: baseline; }
.nav { display: flex; gap: 6px; align-items: center; margin: 6px 0; }
#position { color: var(--muted); font-size: 12px; margin-left: auto; }
#initial-box { margin-bottom: 6px; }
#initial { max-width: 100%; font: inherit; }
ol#path { list-style: none; margin: 0; padding: 0; max-height: 46vh; overflow: auto; }
li.step { display: flex; gap: 6px; align-items: baseline; padding: 3px 6px; border-radius: 5px; cursor: pointer; }
li.step:hover { background: var(--bg); }
li.step.current { background: var(--new); outline: 1px solid var(--accent); }
li.step.ahead { opacity: .55; }
li.step.on-trace .num { background: var(--bad-bg); color: var(--bad); }
li.step .num { font-family: var(--mono); font-size: 12px; min-width: 2.2em; text-align: right; padding: 0 3px; border-radius: 4px; color: var(--muted); }
li.step .label { flex: 1; word-break: break-word; }
.tag { font-size: 11px; color: var(--warn); background: var(--warn-bg); border-radius: 4px; padding: 0 4px; white-space: nowrap; }
#trace { margin-top: 10px; border-top: 1px solid var(--line); padding-top: 8px; }
#trace h2 { color: var(--bad); }
#trace p, #trace li { font-size: 13px; }
ul.ops { padding-left: 18px; font-family: var(--mono); font-size: 12px; }
ul.ops li.core { font-weight: bold; }
#processes, #environment { align-items: start; display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 8px; }
#environment { grid-template-columns: 1fr; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; background: #fbfcfd; min-width: 0; }
.card.crashed { background: var(--gone); border-style: dashed; }
.card-head { display: flex; gap: 8px; align-items: baseline; margin-bottom: 4px; }
.card-head .name { font-weight: 600; font-family: var(--mono); }
.role { color: var(--muted); font-size: 12px; font-weight: normal; }
table { border-collapse: collapse; width: 100%; }
table.fields th { text-align: left; font-weight: normal; color: var(--muted); padding: 1px 8px 1px 0; white-space: nowrap; vertical-align: top; width: 1%; }
.value { font-family: var(--mono); font-size: 12.5px; word-break: break-word; }
tr.changed td, tr.changed th { background: var(--warn-bg); }
table.messages th { text-align: left; color: var(--muted); font-weight: normal; font-size: 12px; border-bottom: 1px solid var(--line); }
table.messages td { padding: 2px 6px 2px 0; font-family: var(--mono); font-size: 12.5px; vertical-align: top; }
table.messages tr.new td { background: var(--new); }
table.messages tr.gone td { text-decoration: line-through; color: var(--muted); }
table.messages tr.dead td { color: var(--muted); font-style: italic; }
ol.history { margin: 0; padding-left: 22px; font-family: var(--mono); font-size: 12.5px; }
ol.history li.new { background: var(--new); }
ol.history li.ret { color: var(--good); }
ol.history .who { font-weight: 600; }
.empty { color: var(--muted); margin: 2px 0; font-style: italic; }
.group h3 { font-family: var(--mono); }
ul.actions { list-style: none; margin: 0; padding: 0; }
ul.actions li { margin: 0 0 6px; }
button.action { display: flex; gap: 6px; align-items: baseline; width: 100%; text-align: left; }
button.action .label { flex: 1; }
button.action.taken { border-color: var(--accent); background: var(--new); }
button.action.throws { border-color: var(--bad); }
kbd { font-family: var(--mono); font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 3px; }
.kind {
  font-size: 10.5px;
  text-transform: uppercase;
  letter-spacing: .03em;
  color: var(--muted);
  border: 1px solid var(--line);
  border-radius: 3px;
  padding: 0 3px;
}
.kind-crash, .kind-drop { color: var(--bad); border-color: var(--bad); }
.changes { white-space: pre-wrap; font-family: var(--mono); font-size: 11.5px; color: var(--muted); margin: 2px 0 0 10px; }
.error-text { color: var(--bad); font-size: 12.5px; }
#properties td { padding: 3px 4px; vertical-align: top; border-bottom: 1px solid var(--bg); }
.pname { font-family: var(--mono); font-weight: 600; }
.ptext { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; min-width: 70px; text-align: center; font-size: 11.5px; border-radius: 10px; padding: 1px 6px; white-space: nowrap; }
.badge.holds, .badge.reached { background: var(--good-bg); color: var(--good); }
.badge.violated, .badge.error { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
.badge.unreached { background: var(--bg); color: var(--muted); }
.badge.paths { background: var(--warn-bg); color: var(--warn); }
tr.flipped .pname .tag { margin-left: 6px; font-family: system-ui, sans-serif; font-weight: normal; }
#diagram-panel { margin: 0 16px 16px; }
#diagram { overflow: auto; max-height: 60vh; }
#diagram svg { display: block; font-family: var(--mono); font-size: 11px; }
.lifeline { stroke: var(--line); stroke-width: 1.5; }
.lifeline-name { text-anchor: middle; font-weight: 600; fill: var(--ink); }
.msg { stroke: var(--accent); stroke-width: 1.4; fill: none; }
.msg.lost { stroke: var(--bad); stroke-dasharray: 4 3; }
.arrowhead { fill: var(--accent); }
.msg-text { text-anchor: middle; fill: var(--ink); }
.msg-text.start { text-anchor: start; fill: var(--muted); }
.lost-mark { fill: var(--bad); }
.note { fill: var(--warn-bg); stroke: #e0c070; }
.note-crash { fill: var(--bad-bg); stroke: var(--bad); }
.note-text { fill: var(--ink); }
.ret-text { fill: var(--good); }
.stepnum { fill: var(--muted); }
.row .hit { fill: transparent; cursor: pointer; }
.row:hover .hit { fill: rgba(47, 95, 208, .06); }
rect.here { fill: rgba(47, 95, 208, .12); }
.help { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
@media (max-width: 1100px) { main { grid-template-columns: 1fr; } }
`;
