// The editor of `bdl serve`: CodeMirror 6 with bdl's colouring, the server's diagnostics shown in place
// as one types (debounced), the live preview of the printed tables, completion, format and save.
// Every check, completion and format is done by the server (the compiler's own front door); this
// script only shows the answers. Bundled by build.sh into src/serve/assets/editor.js.

import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching,
} from "@codemirror/language";
import { autocompletion, completionKeymap, startCompletion } from "@codemirror/autocomplete";
import { setDiagnostics, lintGutter } from "@codemirror/lint";

/** Milliseconds of quiet typing before the text is checked. */
const DEBOUNCE_MS = 30;

const data = JSON.parse(document.getElementById("bdl-data").textContent);
const token = document.querySelector('meta[name="bdl-token"]').content;
const ui = data.ui;
const keywords = new Set(data.keywords);

/** bdl's tokens: comments, strings, numbers, keywords, the `< … >` of a basis. */
const bdlLanguage = StreamLanguage.define({
  name: "bdl",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match("#")) { stream.skipToEnd(); return "comment"; }
    if (stream.match('"')) {
      while (!stream.eol()) { if (stream.next() === '"') break; }
      return "string";
    }
    if (stream.match(/^-?\d[\d,]*(\.\d+)?%?/)) return "number";
    if (stream.match(/^[A-Za-z][A-Za-z0-9_-]*/)) {
      const w = stream.current();
      return keywords.has(w) ? "keyword" : "variableName";
    }
    if (stream.match(/^(<=|>=|[<>=])/)) return "operator";
    if (stream.match(/^[{}]/)) return "brace";
    if (stream.match(/^[^\s"#{}<>=]+/)) return "atom";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
});

/** A request to the server's API: its status and JSON answer (a refusal is `{error}` too), or
 * status 0 when the server did not answer. */
async function ask(url, options) {
  let r;
  try {
    r = await fetch(url, options);
  } catch (e) {
    return { status: 0, json: null, text: ui.NoAnswer };
  }
  let json = null;
  if ((r.headers.get("Content-Type") || "").startsWith("application/json")) json = await r.json();
  return { status: r.status, json, text: json ? null : await r.text() };
}

function post(url, body) {
  return ask(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Bdl-Token": token },
    body: JSON.stringify(body),
  });
}

/** What a failed answer says: the server's message, else the text of the page it sent. */
function failure(r) {
  if (r.json && r.json.error) return r.json.error;
  const text = (r.text || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return text || String(r.status);
}

const statusEl = document.getElementById("bdl-status");
const diagnosticsEl = document.getElementById("bdl-diagnostics");
const previewEl = document.getElementById("bdl-preview");
const previewNote = document.getElementById("bdl-preview-note");
const conflictEl = document.getElementById("bdl-conflict");
const differenceEl = document.getElementById("bdl-difference");

let version = data.version;
let savedText = data.text;
let lastSummary = "";
let conflictDisk = null;

function dirty() { return view.state.doc.toString() !== savedText; }

function setStatus(text, cls) {
  statusEl.textContent = text;
  statusEl.className = cls || "";
}

function refreshStatus() {
  if (dirty()) setStatus(ui.Unsaved + " · " + lastSummary, "dirty");
  else setStatus(lastSummary, "");
}

// ── Checking as one types ─────────────────────────────────────────────────────────────────────

let timer = null;
let seq = 0;
let changedAt = performance.now();
/** Every check: ms from the last keystroke to diagnostics and preview in the page (reported by the browser test). */
window.bdlTimings = [];

function scheduleCheck() {
  changedAt = performance.now();
  clearTimeout(timer);
  timer = setTimeout(runCheck, DEBOUNCE_MS);
}

async function runCheck() {
  const mine = ++seq;
  const started = changedAt;
  const text = view.state.doc.toString();
  const sent = performance.now();
  const r = await post("/api/check", { path: data.path, text });
  if (mine !== seq) return;
  if (r.status !== 200 || !r.json) {
    setStatus(ui.CheckFailed + ": " + failure(r), "failed");
    return;
  }
  const answered = performance.now();
  showDiagnostics(r.json.diagnostics, text);
  lastSummary = r.json.summary;
  refreshStatus();
  const done = () => {
    const now = performance.now();
    window.bdlTimings.push({ total_ms: now - started, server_ms: answered - sent, errors: r.json.errors });
    document.body.dataset.checked = String(mine);
  };
  if (r.json.preview !== null) {
    previewNote.hidden = true;
    showPreview(r.json.preview, done);
  } else {
    previewNote.hidden = false;
    done();
  }
}

let previewLoaded = false;

/** The first preview loads the page into the frame; later ones swap its body only (the style sheet is
 * the same), which is several times faster than reloading the frame. The frame runs no script. */
function showPreview(html, done) {
  const doc = previewEl.contentDocument;
  if (previewLoaded && doc && doc.body) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    doc.body.replaceWith(doc.importNode(parsed.body, true));
    done();
    return;
  }
  previewEl.addEventListener("load", () => { previewLoaded = true; done(); }, { once: true });
  previewEl.srcdoc = html;
}

function showDiagnostics(list, text) {
  const len = view.state.doc.length;
  const sameText = text === view.state.doc.toString();
  const diags = list.map((d) => ({
    from: Math.min(d.from, len),
    to: Math.min(Math.max(d.to, d.from), len),
    severity: d.severity === "note" ? "info" : d.severity,
    message: `${d.code}: ${d.message}${d.label ? " — " + d.label : ""}${d.help ? "\n" + d.help : ""}`,
    source: d.code,
  }));
  if (sameText) view.dispatch(setDiagnostics(view.state, diags));
  diagnosticsEl.replaceChildren(...list.map((d) => {
    const li = document.createElement("li");
    li.className = d.severity;
    const code = document.createElement("a");
    code.className = "code";
    code.href = d.explain;
    code.textContent = d.code;
    const place = document.createElement("a");
    place.className = "place";
    place.href = "#L" + d.line;
    place.textContent = `${ui.Line} ${d.line}:${d.column}`;
    place.addEventListener("click", (e) => { e.preventDefault(); goTo(d.from); });
    const msg = document.createElement("span");
    msg.className = "message";
    msg.textContent = d.message + (d.label ? " — " + d.label : "");
    li.append(code, " ", place, " ", msg);
    if (d.help) {
      const help = document.createElement("div");
      help.className = "help";
      help.textContent = d.help;
      li.append(help);
    }
    return li;
  }));
  if (list.length === 0) {
    const li = document.createElement("li");
    li.className = "ok";
    li.textContent = ui.NoDiagnostics;
    diagnosticsEl.append(li);
  }
}

function goTo(pos) {
  const at = Math.min(pos, view.state.doc.length);
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  view.focus();
}

// ── Completion, format, save ──────────────────────────────────────────────────────────────────

async function complete(context) {
  const r = await post("/api/complete", { text: context.state.doc.toString(), offset: context.pos, explicit: context.explicit });
  if (r.status !== 200 || !r.json || r.json.items.length === 0) return null;
  if (r.json.from === r.json.to && !context.explicit) return null;
  return {
    from: r.json.from,
    to: r.json.to,
    options: r.json.items.map((i) => ({ label: i.label, type: i.type, detail: i.detail || undefined, apply: i.apply })),
    validFor: /^[^\s"{}<>=]*$/,
  };
}

async function format() {
  const text = view.state.doc.toString();
  const r = await post("/api/format", { text });
  if (r.status === 200 && r.json) {
    if (r.json.text !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: r.json.text } });
  } else {
    setStatus(failure(r), "failed");
  }
}

async function save() {
  if (data.readOnly) return true;
  const text = view.state.doc.toString();
  const r = await post("/api/save", { path: data.path, text, version });
  if (r.status === 200 && r.json) {
    version = r.json.version;
    savedText = text;
    conflictEl.hidden = true;
    const extra = r.json.committed ? " " + ui.CommittedToGit : (r.json.git_error ? " git: " + r.json.git_error : "");
    setStatus(r.json.message + extra, r.json.errors > 0 ? "dirty" : "");
    document.body.dataset.saved = version;
    return true;
  }
  if (r.status === 409 && r.json) {
    conflictDisk = r.json;
    differenceEl.textContent = r.json.difference;
    differenceEl.hidden = true;
    conflictEl.hidden = false;
    setStatus(ui.SaveFailed, "failed");
    return false;
  }
  setStatus(ui.SaveFailed + ": " + failure(r), "failed");
  return false;
}

async function reload() {
  const r = await ask("/api/source/" + data.path.split("/").map(encodeURIComponent).join("/"));
  if (r.status !== 200 || !r.json) {
    setStatus(ui.ReloadFailed + ": " + failure(r), "failed");
    return;
  }
  const json = r.json;
  version = json.version;
  savedText = json.text;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: json.text } });
  conflictEl.hidden = true;
  refreshStatus();
}

const view = new EditorView({
  parent: document.getElementById("bdl-editor"),
  state: EditorState.create({
    doc: data.text,
    extensions: [
      lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
      bracketMatching(), bdlLanguage, syntaxHighlighting(defaultHighlightStyle), lintGutter(),
      autocompletion({ override: [complete], activateOnTyping: true }),
      keymap.of([
        { key: "Mod-s", preventDefault: true, run: () => { save(); return true; } },
        { key: "Shift-Alt-f", run: () => { format(); return true; } },
        ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab,
      ]),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => { if (u.docChanged) { refreshStatus(); scheduleCheck(); } }),
    ],
  }),
});

document.getElementById("bdl-format").addEventListener("click", format);
const saveButton = document.getElementById("bdl-save");
if (saveButton) saveButton.addEventListener("click", save);
document.getElementById("bdl-reload").addEventListener("click", reload);
document.getElementById("bdl-show-diff").addEventListener("click", () => { differenceEl.hidden = false; });
window.addEventListener("beforeunload", (e) => {
  if (!data.readOnly && dirty()) { e.preventDefault(); e.returnValue = ""; }
});

// For the browser test and for people: the editor, and a way to ask for completion.
window.bdlEditor = { view, save, format, reload, startCompletion: () => startCompletion(view) };

const line = /^#L(\d+)$/.exec(location.hash);
if (line) {
  const n = Math.min(Number(line[1]), view.state.doc.lines);
  goTo(view.state.doc.line(n).from);
}
runCheck();
