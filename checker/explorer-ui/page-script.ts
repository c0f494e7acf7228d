// The explorer page's script: plain browser JavaScript (no module, no library), kept as a string so that the compiled
// package serves it from dist/ as it is. It talks to the API of ./server.ts only. No backquote or dollar-brace inside.
export const pageScript = String.raw`
(function () {
  "use strict";

  // The page's state: the model, the path walked (state ids, with the action index that led to each), where we are on
  // it, states fetched by id, and the counterexample loaded (if any).
  var app = { model: null, path: [], pos: 0, infos: {}, trace: null, checkTimer: null };

  function $(id) {
    return document.getElementById(id);
  }

  // An element: h("div", {class: "x", onclick: f, title: "t"}, [children or text]).
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) continue;
      if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), value);
      else if (key === "class") el.className = value;
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    if (children === undefined || children === null) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    });
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json && json.error ? json.error : response.status + " " + response.statusText);
        return json;
      });
    });
  }

  function say(text, kind) {
    var bar = $("message");
    bar.textContent = text || "";
    bar.className = text ? "message " + (kind || "info") : "message";
  }

  function fail(error) {
    say(error && error.message ? error.message : String(error), "error");
  }

  // ITF values as one line (checker/trace/show.ts): records with a type as tag(fields), sets, maps, envelopes, history events.
  function special(value) {
    var keys = Object.keys(value);
    if (keys.length !== 1) return null;
    var tags = ["#set", "#map", "#tup", "#bigint", "#unserializable"];
    return tags.indexOf(keys[0]) >= 0 ? keys[0] : null;
  }

  function isEnvelope(v) {
    return (
      v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 3 &&
      typeof v.from === "string" && typeof v.to === "string" && "message" in v
    );
  }

  function show(value) {
    var names = app.names;
    if (value === null || value === undefined) return "null";
    if (typeof value === "string") return names[value] ? value : JSON.stringify(value);
    if (typeof value !== "object") return String(value);
    if (Array.isArray(value)) return "[" + value.map(show).join(", ") + "]";
    var tag = special(value);
    if (tag === "#set") return "Set{" + value[tag].map(show).join(", ") + "}";
    if (tag === "#map") return "Map{" + value[tag].map(function (kv) { return show(kv[0]) + " \u2192 " + show(kv[1]); }).join(", ") + "}";
    if (tag === "#tup") return "\u27e8" + value[tag].map(show).join(", ") + "\u27e9";
    if (tag) return String(value[tag]);
    if (isEnvelope(value)) return show(value.from) + "\u2192" + show(value.to) + " " + show(value.message);
    var keys = Object.keys(value);
    if (keys.length === 2 && typeof value.client === "string") {
      if ("call" in value) return show(value.client) + " calls " + show(value.call);
      if ("ret" in value) return show(value.client) + " returns " + show(value.ret);
    }
    var label = typeof value.type === "string" ? value.type : typeof value.op === "string" ? value.op : null;
    var fields = keys
      .filter(function (k) { return label === null || (k !== "type" && k !== "op"); })
      .map(function (k) { return k + ": " + show(value[k]); })
      .join(", ");
    return label === null ? "{" + fields + "}" : label + "(" + fields + ")";
  }

  // JSON with sorted keys: equal ITF values, equal text.
  function canonical(value) {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    return "{" + Object.keys(value).sort().map(function (k) { return JSON.stringify(k) + ":" + canonical(value[k]); }).join(",") + "}";
  }

  function short(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  // ----- fetching states -----

  function info(id) {
    if (app.infos[id]) return Promise.resolve(app.infos[id]);
    return api("GET", "/api/state/" + id).then(function (i) {
      app.infos[id] = i;
      return i;
    });
  }

  function current() {
    return app.path[app.pos];
  }

  // ----- navigation -----

  function startAt(index) {
    var initial = app.model.initial[index];
    app.path = [{ id: initial.id, index: index, label: initial.label }];
    app.pos = 0;
    return render();
  }

  function goTo(pos) {
    if (pos < 0 || pos >= app.path.length) return Promise.resolve();
    app.pos = pos;
    return render();
  }

  function take(action) {
    if (action.to === undefined) return Promise.resolve();
    var next = app.path[app.pos + 1];
    if (!(next && next.index === action.index && next.id === action.to))
      app.path = app.path.slice(0, app.pos + 1).concat([{ id: action.to, index: action.index, label: action.label }]);
    app.pos += 1;
    return render();
  }

  function loadTrace(trace) {
    app.trace = trace;
    app.path = trace.steps.map(function (s) { return { id: s.id, index: s.index, label: s.label }; });
    app.pos = 0;
    var what = trace.property ? "Counterexample to " + trace.property : "Trace from " + trace.source;
    say(what + " loaded: " + trace.steps.length + " states. Step through it with \u2192 (or click the path).", "info");
    return render();
  }

  // Whether path step i is the loaded trace's step i (the user may have walked off it).
  function onTrace(i) {
    if (!app.trace) return false;
    for (var k = 0; k <= i; k++) {
      var s = app.trace.steps[k];
      if (!s || !app.path[k] || s.id !== app.path[k].id) return false;
    }
    return true;
  }

  function hashOfPath() {
    return "#p=" + app.path.slice(0, app.pos + 1).map(function (s) { return s.index; }).join(".");
  }

  // Follows a path written in the URL (#p=initial.action.action...), as far as it goes.
  function followHash() {
    var m = /^#p=(\d+(?:\.\d+)*)$/.exec(location.hash);
    if (!m) return startAt(0);
    var indexes = m[1].split(".").map(Number);
    var initial = app.model.initial[indexes[0]];
    if (!initial) return startAt(0);
    var path = [{ id: initial.id, index: indexes[0], label: initial.label }];
    function step(k) {
      if (k >= indexes.length) return Promise.resolve();
      return info(path[path.length - 1].id).then(function (i) {
        var a = i.actions[indexes[k]];
        if (!a || a.to === undefined) return;
        path.push({ id: a.to, index: a.index, label: a.label });
        return step(k + 1);
      });
    }
    return step(1).then(function () {
      app.path = path;
      app.pos = path.length - 1;
      return render();
    });
  }

  // ----- rendering -----

  function render() {
    var here = current();
    var before = app.pos > 0 ? app.path[app.pos - 1] : null;
    return Promise.all([info(here.id), before ? info(before.id) : Promise.resolve(null)])
      .then(function (both) {
        renderPath();
        renderState(both[0], both[1]);
        renderActions(both[0]);
        renderProperties(both[0], both[1]);
        renderTrace();
        history.replaceState(null, "", hashOfPath());
        return renderDiagram();
      })
      .catch(fail);
  }

  function renderPath() {
    var list = clear($("path"));
    app.path.forEach(function (step, i) {
      var earlier = -1;
      for (var k = 0; k < i; k++) if (app.path[k].id === step.id) { earlier = k; break; }
      var classes = ["step"];
      if (i === app.pos) classes.push("current");
      if (i > app.pos) classes.push("ahead");
      if (onTrace(i)) classes.push("on-trace");
      var lassoEnd = app.trace && onTrace(i) && app.trace.loopsBackTo !== null && i === app.trace.steps.length - 1;
      var loopBack = lassoEnd && app.trace.loopsBackTo < i;
      var stutters = lassoEnd && app.trace.loopsBackTo === i;
      list.appendChild(
        h("li", { class: classes.join(" "), "data-pos": i, title: "state #" + step.id, onclick: function () { goTo(i); } }, [
          h("span", { class: "num" }, String(i + 1)),
          h("span", { class: "label" }, step.label),
          earlier >= 0 ? h("span", { class: "tag" }, "= state " + (earlier + 1)) : null,
          loopBack ? h("span", { class: "tag loop" }, "\u21ba back to " + (app.trace.loopsBackTo + 1)) : null,
          stutters ? h("span", { class: "tag loop" }, "\u21ba stays here forever") : null,
        ]),
      );
    });
    $("back").disabled = app.pos === 0;
    $("forward").disabled = app.pos >= app.path.length - 1;
    $("position").textContent = "step " + (app.pos + 1) + " of " + app.path.length;
    var chosen = app.path[0].index;
    $("initial").value = String(chosen);
    var item = list.children[app.pos];
    if (item && item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
  }

  function fieldsTable(value, before, rows) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || special(value)) {
      rows.push(
        h("tr", { class: before !== undefined && canonical(before) !== canonical(value) ? "changed" : "" }, [
          h("td", { colspan: 2, class: "value" }, show(value)),
        ]),
      );
      return;
    }
    Object.keys(value).forEach(function (k) {
      var was = before && typeof before === "object" && !Array.isArray(before) ? before[k] : undefined;
      var changed = before !== undefined && (was === undefined || canonical(was) !== canonical(value[k]));
      rows.push(h("tr", { class: changed ? "changed" : "" }, [h("th", null, k), h("td", { class: "value" }, show(value[k]))]));
    });
  }

  function card(title, subtitle, value, before, extra) {
    var rows = [];
    fieldsTable(value, before, rows);
    return h("div", { class: "card" + (extra || "") }, [
      h("div", { class: "card-head" }, [h("span", { class: "name" }, title), subtitle ? h("span", { class: "role" }, subtitle) : null]),
      h("table", { class: "fields" }, rows),
    ]);
  }

  function renderState(i, prev) {
    var view = i.view;
    var old = prev ? prev.view : undefined;
    $("state-title").textContent = "State " + (app.pos + 1) + (i.final ? ", final" : "");
    $("state-title").appendChild(h("small", { title: "The server's id of this state: two steps with one id are at the same state" }, "id " + i.id));
    var procs = clear($("processes"));
    var env = clear($("environment"));
    var isRecord = view && typeof view === "object" && !Array.isArray(view) && !special(view);
    if (!isRecord) {
      procs.appendChild(card("state", null, view, old));
      return;
    }
    var processes = app.model.processes || [];
    var crashed = Array.isArray(view.crashed) ? view.crashed : [];
    processes.forEach(function (p) {
      if (!(p.name in view)) return;
      var down = crashed.indexOf(p.name) >= 0;
      procs.appendChild(card(p.name, p.role + (down ? " \u00b7 crashed" : ""), view[p.name], old ? old[p.name] : undefined, down ? " crashed" : ""));
    });
    var envKeys = Object.keys(view).filter(function (k) { return !app.names[k]; });
    if (processes.length === 0) {
      // Not an actor system: the state's fields, one row each.
      procs.appendChild(card("state", null, view, old));
      $("environment-head").hidden = true;
      return;
    }
    $("environment-head").hidden = false;
    envKeys.forEach(function (k) {
      if (k === "network") env.appendChild(networkBox(view.network, old ? old.network : undefined, crashed));
      else if (k === "history") env.appendChild(historyBox(view.history, old ? old.history : undefined));
      else if (k === "crashed") env.appendChild(crashedBox(view.crashed));
      else env.appendChild(card(k, null, view[k], old ? old[k] : undefined));
    });
  }

  // What is in list and not in other, counting copies (a bag).
  function bagMinus(list, other) {
    var counts = {};
    (other || []).forEach(function (x) { var k = canonical(x); counts[k] = (counts[k] || 0) + 1; });
    return list.filter(function (x) {
      var k = canonical(x);
      if (counts[k] > 0) { counts[k] -= 1; return false; }
      return true;
    });
  }

  function networkBox(network, before, crashed) {
    var list = Array.isArray(network) ? network : [];
    var added = before ? bagMinus(list, before) : [];
    var gone = before ? bagMinus(before, list) : [];
    var addedLeft = added.map(canonical);
    var rows = list.map(function (e) {
      var k = canonical(e);
      var at = addedLeft.indexOf(k);
      if (at >= 0) addedLeft.splice(at, 1);
      var dead = isEnvelope(e) && crashed.indexOf(e.to) >= 0;
      return messageRow(e, at >= 0 ? "new" : dead ? "dead" : "");
    });
    gone.forEach(function (e) { rows.push(messageRow(e, "gone")); });
    return h("div", { class: "card env" }, [
      h("div", { class: "card-head" }, [
        h("span", { class: "name" }, "network"),
        h("span", { class: "role" }, list.length + " message" + (list.length === 1 ? "" : "s") + " in flight"),
      ]),
      rows.length === 0
        ? h("p", { class: "empty" }, "no message in flight")
        : h("table", { class: "messages" }, [h("tr", null, [h("th", null, "from"), h("th", null, "to"), h("th", null, "message")])].concat(rows)),
    ]);
  }

  function messageRow(e, kind) {
    var envelope = isEnvelope(e);
    var titles = { new: "sent by the last step", gone: "taken by the last step", dead: "to a crashed process: never delivered" };
    return h("tr", { class: kind, title: titles[kind] || "" }, [
      h("td", null, envelope ? e.from : ""),
      h("td", null, envelope ? e.to : ""),
      h("td", { class: "value" }, envelope ? show(e.message) : show(e)),
    ]);
  }

  function crashedBox(crashed) {
    var list = Array.isArray(crashed) ? crashed : [];
    return h("div", { class: "card env" }, [
      h("div", { class: "card-head" }, [h("span", { class: "name" }, "crashed")]),
      h("p", { class: list.length ? "value" : "empty" }, list.length ? list.map(show).join(", ") : "no process has crashed"),
    ]);
  }

  function historyBox(historyList, before) {
    var list = Array.isArray(historyList) ? historyList : [];
    var old = Array.isArray(before) ? before.length : list.length;
    var items = list.map(function (e, i) {
      var call = e && "call" in e;
      return h("li", { class: (call ? "call" : "ret") + (i >= old ? " new" : "") }, [
        h("span", { class: "who" }, String(e.client)),
        call ? " calls " + show(e.call) : " returns " + show(e.ret),
      ]);
    });
    return h("div", { class: "card env" }, [
      h("div", { class: "card-head" }, [
        h("span", { class: "name" }, "history"),
        h("span", { class: "role" }, list.length + " event" + (list.length === 1 ? "" : "s")),
      ]),
      items.length === 0 ? h("p", { class: "empty" }, "no operation yet") : h("ol", { class: "history" }, items),
    ]);
  }

  function renderActions(i) {
    var box = clear($("actions"));
    $("actions-count").textContent = String(i.actions.length);
    if (i.actionsError) box.appendChild(h("p", { class: "error-text" }, i.actionsError));
    if (i.actions.length === 0) {
      box.appendChild(h("p", { class: "empty" }, i.final ? "No action enabled: a final state." : "No action enabled, and the state is not final: a deadlock."));
      return;
    }
    var order = (app.model.processes || []).map(function (p) { return p.name; }).concat(["environment", "actions"]);
    var groups = {};
    i.actions.forEach(function (a) { (groups[a.group] = groups[a.group] || []).push(a); });
    var next = app.path[app.pos + 1];
    var shortcut = 0;
    order.forEach(function (g) {
      if (!groups[g]) return;
      var role = (app.model.processes || []).filter(function (p) { return p.name === g; })[0];
      var items = groups[g].map(function (a) {
        shortcut += 1;
        var taken = next && next.index === a.index;
        return h("li", null, [
          h(
            "button",
            {
              class: "action" + (a.error ? " throws" : "") + (taken ? " taken" : ""),
              "data-index": a.index,
              disabled: a.error ? true : false,
              title: a.error ? a.error : "take this step" + (shortcut <= 9 ? " (key " + shortcut + ")" : ""),
              onclick: function () { take(a); },
            },
            [
              h("span", { class: "kind kind-" + a.action.kind }, a.action.kind),
              h("span", { class: "label" }, a.label),
              shortcut <= 9 ? h("kbd", null, String(shortcut)) : null,
            ],
          ),
          a.error ? h("div", { class: "error-text" }, a.error) : h("div", { class: "changes" }, a.changes.length ? a.changes.join("\n") : "(no change)"),
        ]);
      });
      box.appendChild(
        h("div", { class: "group" }, [
          h("h3", null, [g, role ? h("span", { class: "role" }, role.role) : null]),
          h("ul", { class: "actions" }, items),
        ]),
      );
    });
  }

  var statusWords = { holds: "holds", violated: "violated", reached: "reached", unreached: "not here", paths: "over paths", error: "error" };

  function renderProperties(i, prev) {
    var before = {};
    (prev ? prev.properties : []).forEach(function (p) { before[p.name] = p.status; });
    var rows = i.properties.map(function (p) {
      var flipped = prev && before[p.name] !== undefined && before[p.name] !== p.status;
      return h("tr", { class: "prop status-" + p.status + (flipped ? " flipped" : ""), "data-property": p.name }, [
        h("td", null, [h("span", { class: "badge " + p.status }, statusWords[p.status] || p.status)]),
        h("td", null, [
          h("div", { class: "pname" }, [
            p.name,
            flipped
              ? h("span", { class: "tag", title: "its status at the previous step" }, "was " + (statusWords[before[p.name]] || before[p.name]))
              : null,
          ]),
          h("div", { class: "ptext" }, p.kind + " \u00b7 " + p.text),
        ]),
      ]);
    });
    var table = clear($("properties"));
    append(table, rows);
  }

  function lassoText(t) {
    if (t.loopsBackTo === null) return "";
    if (t.loopsBackTo === t.steps.length - 1) return ", a lasso: the last state stays forever (stuttering)";
    return ", a lasso: the last state is state " + (t.loopsBackTo + 1) + " again, and the loop repeats forever";
  }

  function renderTrace() {
    var box = clear($("trace"));
    var t = app.trace;
    box.hidden = !t;
    if (!t) return;
    var title = t.property ? "Counterexample to " + t.property + (t.kind ? " (" + t.kind + ")" : "") : "Trace from " + t.source;
    var on = onTrace(app.pos);
    append(box, [
      h("h2", null, title),
      h("p", null, t.steps.length + " states" + lassoText(t) + (on ? "; you are at its step " + (app.pos + 1) : "; you have left it") + "."),
      t.error ? h("p", { class: "error-text" }, "The model's code threw: " + t.error) : null,
      on ? null : h("button", { onclick: function () { loadTrace(t); } }, "Back to the counterexample"),
      on && app.pos < t.steps.length - 1
        ? h("button", { id: "trace-end", onclick: function () { goTo(t.steps.length - 1); } }, "Go to its last state \u21e5")
        : null,
    ]);
    if (t.loop) {
      var fair = t.loop.enabledThroughout || [];
      var stutter = t.loopsBackTo === t.steps.length - 1;
      var none = stutter
        ? "No action owed fairness is enabled in its last state, so the execution may stay there forever."
        : "The loop is fair: no action owed fairness stays enabled in all of its states.";
      box.appendChild(h("p", null, fair.length === 0 ? none : "Actions owed fairness enabled in every state of the loop, each taken by it:"));
      if (fair.length) box.appendChild(h("ul", null, fair.map(function (a) { return h("li", null, a.label + " (" + a.fairness + ")"); })));
    }
    if (t.explanation) {
      var e = t.explanation;
      var core = {};
      e.core.forEach(function (k) { core[k] = true; });
      box.appendChild(
        h(
          "p",
          null,
          "Why it is not linearizable: no order of these operations is legal for a " + e.spec + " (the smallest failing set marked \u2605):",
        ),
      );
      box.appendChild(
        h("ul", { class: "ops" }, e.operations.map(function (o, k) {
          var span =
            o.returned === null ? "steps " + (o.called + 1) + "\u2013\u2026 pending" : "steps " + (o.called + 1) + "\u2013" + (o.returned + 1);
          return h(
            "li",
            { class: core[k] ? "core" : "" },
            (core[k] ? "\u2605 " : "") + o.client + " " + show(o.operation) + ("result" in o ? " \u2192 " + show(o.result) : "") + "  (" + span + ")",
          );
        })),
      );
      if (e.refuted.length) {
        box.appendChild(h("p", null, "Each order that respects real time fails:"));
        box.appendChild(h("ul", { class: "ops" }, e.refuted.map(function (r) {
          var last = e.operations[r.order[r.order.length - 1]];
          var order = r.order.map(function (k) { var o = e.operations[k]; return o.client + " " + show(o.operation); }).join(", ");
          return h("li", null, order + ": the " + e.spec + " returns " + show(r.expected) + ", not " + show(last.result));
        })));
      }
    }
  }

  // ----- the sequence diagram of the path -----

  var svgNs = "http://www.w3.org/2000/svg";
  function s(tag, attrs, text) {
    var el = document.createElementNS(svgNs, tag);
    for (var k in attrs) el.setAttribute(k, String(attrs[k]));
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function renderDiagram() {
    var processes = app.model.processes;
    var panel = $("diagram-panel");
    if (!processes || processes.length === 0) {
      panel.hidden = true;
      return Promise.resolve();
    }
    panel.hidden = false;
    return Promise.all(app.path.map(function (step) { return info(step.id); })).then(function (infos) {
      var col = 170, left = 40, top = 34, row = 26, charWidth = 6.7;
      var width = left + 20 + col * (processes.length - 1) + 200;
      var height = top + row * app.path.length + 10;
      var x = {};
      processes.forEach(function (p, k) { x[p.name] = left + 20 + k * col; });
      var svg = s("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "sequence diagram of the path" });
      var defs = s("defs", {});
      var marker = s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
      marker.appendChild(s("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" }));
      defs.appendChild(marker);
      svg.appendChild(defs);
      svg.appendChild(s("rect", { x: 0, y: top + row * app.pos - row / 2 + 4, width: width, height: row, class: "here" }));
      processes.forEach(function (p) {
        svg.appendChild(s("text", { x: x[p.name], y: 16, class: "lifeline-name" }, p.name));
        svg.appendChild(s("line", { x1: x[p.name], y1: 22, x2: x[p.name], y2: height - 4, class: "lifeline" }));
      });
      app.path.forEach(function (step, i) {
        var y = top + row * i;
        var g = s("g", { class: "row", "data-pos": i });
        g.appendChild(s("rect", { x: 0, y: y - row / 2 + 4, width: width, height: row, class: "hit" }));
        g.appendChild(s("text", { x: 4, y: y + 4, class: "stepnum" }, String(i + 1)));
        g.addEventListener("click", function () { goTo(i); });
        var a = i > 0 ? infos[i - 1].actions[step.index] : null;
        var d = a ? a.action : null;
        if (d && d.kind === "deliver" && x[d.from] !== undefined && x[d.to] !== undefined) {
          var x1 = x[d.from], x2 = x[d.to];
          if (x1 === x2) g.appendChild(s("path", { d: "M " + x1 + " " + (y - 6) + " c 30 0 30 12 0 12", class: "msg", "marker-end": "url(#arrow)" }));
          else g.appendChild(s("line", { x1: x1, y1: y, x2: x2 + (x2 > x1 ? -3 : 3), y2: y, class: "msg", "marker-end": "url(#arrow)" }));
          var room = Math.max(12, Math.floor((Math.abs(x2 - x1) || col) / charWidth) - 2);
          g.appendChild(s("text", { x: (x1 + x2) / 2 + (x1 === x2 ? 40 : 0), y: y - 4, class: "msg-text" }, short(show(d.message), room)));
        } else if (d && d.kind === "drop" && x[d.from] !== undefined && x[d.to] !== undefined) {
          g.appendChild(s("line", { x1: x[d.from], y1: y, x2: (x[d.from] + x[d.to]) / 2, y2: y, class: "msg lost" }));
          g.appendChild(s("text", { x: (x[d.from] + x[d.to]) / 2 + 4, y: y + 4, class: "lost-mark" }, "\u2715 lost " + short(show(d.message), 20)));
        } else if (d && (d.kind === "invoke" || d.kind === "local" || d.kind === "crash")) {
          var who = d.kind === "invoke" ? d.client : d.process;
          var text = d.kind === "invoke" ? "invokes " + show(d.operation) : d.kind === "local" ? String(d.event) : "\u2715 crashes";
          if (x[who] !== undefined) {
            var note = short(text, Math.floor((col - 14) / charWidth));
            g.appendChild(s("rect", { x: x[who] - 4, y: y - 9, width: 8 + charWidth * note.length, height: 16, rx: 3, class: "note note-" + d.kind }));
            g.appendChild(s("text", { x: x[who], y: y + 3, class: "note-text" }, note));
          }
        } else if (i === 0) {
          g.appendChild(s("text", { x: left + 12, y: y + 4, class: "msg-text start" }, step.label));
        } else if (a) {
          g.appendChild(s("text", { x: left + 12, y: y + 4, class: "msg-text start" }, short(a.label, 60)));
        }
        // Operations returning in this step, from the history.
        var hist = infos[i].view && infos[i].view.history;
        var was = i > 0 && infos[i - 1].view ? infos[i - 1].view.history : null;
        if (Array.isArray(hist) && Array.isArray(was)) {
          hist.slice(was.length).forEach(function (e) {
            if (e && "ret" in e && x[e.client] !== undefined)
              g.appendChild(s("text", { x: x[e.client] + 6, y: y + 13, class: "ret-text" }, "\u21a9 returns " + short(show(e.ret), 16)));
          });
        }
        svg.appendChild(g);
      });
      clear($("diagram")).appendChild(svg);
    });
  }

  // ----- the check and trace files -----

  function runCheck() {
    api("POST", "/api/check", { continue: $("check-all").checked }).then(showCheck).catch(fail);
  }

  function stopCheck() {
    api("POST", "/api/check/stop", {}).then(showCheck).catch(fail);
  }

  function showCheck(status) {
    var box = $("check-status");
    $("run-check").disabled = status.state === "running";
    $("stop-check").hidden = status.state !== "running";
    if (status.state === "running") {
      var p = status.progress;
      box.textContent = p ? "Checking\u2026 " + p.distinctStates.toLocaleString("en") + " states, depth " + p.depth : "Checking\u2026";
      clearTimeout(app.checkTimer);
      app.checkTimer = setTimeout(function () { api("GET", "/api/check").then(showCheck).catch(fail); }, 400);
      return;
    }
    if (status.state === "error") {
      box.textContent = "";
      fail(new Error("the check failed: " + status.message));
      return;
    }
    if (status.state !== "done") return;
    var sum = status.summary;
    var violated = status.properties.filter(function (p) { return p.holds === false; });
    var undecided = status.properties.filter(function (p) { return p.holds === null; });
    clear(box);
    append(box, [
      "Check: " + sum.distinctStates.toLocaleString("en") + " states, depth " + sum.depth +
        (sum.complete ? ", complete" : ", stopped (" + sum.stopReason + ")") +
        (violated.length ? "; violated: " + violated.map(function (p) { return p.name; }).join(", ") : "") +
        (undecided.length ? "; undecided: " + undecided.length : ""),
    ]);
    if (status.traces.length > 1) {
      append(box, [" · counterexamples: "]);
      status.traces.forEach(function (t) {
        append(box, [h("button", { class: "link", "data-property": t.property, onclick: function () { loadTrace(t); } }, t.property), " "]);
      });
    }
    if (status.errors.length) fail(new Error(status.errors.join("; ")));
    if (status.traces.length) loadTrace(status.traces[0]);
    else if (!status.errors.length)
      say(
        violated.length
          ? "A property is violated, with no trace to show."
          : sum.complete
            ? "Every property holds in this configuration: no counterexample."
            : "The check stopped before finding a counterexample.",
        violated.length ? "error" : "info",
      );
  }

  function uploadTrace(file) {
    file.text()
      .then(function (text) { return api("POST", "/api/trace", { name: file.name, text: text }); })
      .then(loadTrace)
      .catch(fail)
      .then(function () { $("itf-file").value = ""; });
  }

  // ----- start -----

  function setup(model) {
    app.model = model;
    app.names = {};
    (model.processes || []).forEach(function (p) { app.names[p.name] = true; });
    var config = Object.keys(model.config).map(function (k) { return k + "=" + model.config[k]; }).join(" ");
    $("title").textContent = model.spec + " (" + model.variant + ")";
    $("config").textContent = config;
    $("summary").textContent = model.summary;
    document.title = model.spec + " (" + model.variant + ") \u2014 interleave explore";
    var select = clear($("initial"));
    model.initial.forEach(function (s, k) {
      select.appendChild(h("option", { value: k, title: s.changes.join("; ") }, s.label + (s.changes.length ? ": " + short(s.changes.join("; "), 60) : "")));
    });
    $("initial-box").hidden = model.initial.length < 2;
    $("run-check").hidden = !model.checkAvailable;
  }

  function keys(event) {
    if (event.target && (event.target.tagName === "INPUT" || event.target.tagName === "SELECT")) return;
    if (event.key === "ArrowLeft") { event.preventDefault(); goTo(app.pos - 1); }
    else if (event.key === "ArrowRight") { event.preventDefault(); goTo(app.pos + 1); }
    else if (/^[1-9]$/.test(event.key)) {
      var buttons = document.querySelectorAll("#actions button.action");
      var b = buttons[Number(event.key) - 1];
      if (b && !b.disabled) b.click();
    }
  }

  $("back").addEventListener("click", function () { goTo(app.pos - 1); });
  $("forward").addEventListener("click", function () { goTo(app.pos + 1); });
  $("initial").addEventListener("change", function (e) { startAt(Number(e.target.value)); });
  $("run-check").addEventListener("click", runCheck);
  $("stop-check").addEventListener("click", stopCheck);
  $("itf-file").addEventListener("change", function (e) { if (e.target.files[0]) uploadTrace(e.target.files[0]); });
  document.addEventListener("keydown", keys);

  api("GET", "/api/model")
    .then(function (model) {
      setup(model);
      if (model.trace) return loadTrace(model.trace);
      return followHash();
    })
    .then(function () {
      document.body.setAttribute("data-ready", "true");
      if (app.model.checkAvailable) return api("GET", "/api/check").then(function (st) { if (st.state === "running") showCheck(st); });
    })
    .catch(fail);
})();
`;
