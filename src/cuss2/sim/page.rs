//! The operator's page: the platform's state at a glance, and a button for each thing a
//! passenger or an engineer can do at a kiosk.

use axum::response::Html;

pub async fn page() -> Html<&'static str> {
    Html(HTML)
}

pub const HTML: &str = r##"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CUSS 2 platform simulator</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c2330}
header{background:#1c2a4a;color:#fff;padding:12px 18px}
h1{font-size:18px;margin:0}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:14px;padding:14px}
section{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0002}
h2{font-size:15px;margin:0 0 8px}
button{font:inherit;margin:3px 4px 3px 0;padding:6px 10px;border:1px solid #8a94a6;border-radius:6px;background:#fff;cursor:pointer}
button:hover{background:#eef1f6}
textarea,input,select{font:13px ui-monospace,monospace;width:100%;box-sizing:border-box;margin:4px 0}
table{border-collapse:collapse;width:100%;font-size:13px}
td,th{text-align:left;padding:2px 6px;border-bottom:1px solid #e3e6ea}
#said{color:#555;min-height:1.4em}
.bad{color:#a11}.ok{color:#176b2c}
.wide{grid-column:span 2;overflow-x:auto}
@media (max-width:640px){.wide{grid-column:auto}}
</style></head><body>
<header><h1>CUSS 2 platform simulator</h1><div id="head">…</div></header>
<main>
<section><h2>Passenger session</h2>
<label>Language <select id="lang"><option>en-US</option><option>ur-PK</option><option>ar</option>
<option>es-ES</option><option>fr-FR</option><option>de-DE</option><option>hi-IN</option><option>zh-CN</option></select></label>
<button data-post="/sim/session" data-body='lang'>Start session (ACTIVE)</button>
<button data-delete="/sim/session">Session timeout</button></section>
<section><h2>Barcode reader</h2><p>DEMO01's boarding pass (Luc Desmarais):</p>
<textarea id="barcode" rows="3" wrap="off">M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100</textarea>
<button data-post="/sim/barcode" data-body='barcode'>Present barcode</button></section>
<section><h2>Passport reader</h2><p>ERIK01's passport (Anna Maria Eriksson):</p>
<textarea id="mrz" rows="3" wrap="off">P&lt;SWEERIKSSON&lt;&lt;ANNA&lt;MARIA&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
AA12345678SWE7408122F3104150&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;0</textarea>
<button data-post="/sim/passport" data-body='mrz'>Present passport</button></section>
<section><h2>Printers</h2>
<div><b>Boarding pass</b><br>
<button data-post="/sim/printer/boardingpass" data-cond="ok">Clear / refill</button>
<button data-post="/sim/printer/boardingpass" data-cond="low">Paper low</button>
<button data-post="/sim/printer/boardingpass" data-cond="empty">Empty</button>
<button data-post="/sim/printer/boardingpass" data-cond="jammed">Jam</button>
<button data-post="/sim/printer/boardingpass" data-cond="jam_after">Jam on next document</button>
<button id="printers-boardingpass-take" data-post="/sim/take/boardingpass">Take from slot</button></div>
<div><b>Bag tag</b><br>
<button data-post="/sim/printer/bagtag" data-cond="ok">Clear / refill</button>
<button data-post="/sim/printer/bagtag" data-cond="empty">Empty</button>
<button data-post="/sim/printer/bagtag" data-cond="jammed">Jam</button>
<button data-post="/sim/take/bagtag">Take from slot</button></div></section>
<section><h2>Headset and keypad</h2>
<button data-post="/sim/headset" data-json='{"plugged":true}'>Plug headset</button>
<button data-post="/sim/headset" data-json='{"plugged":false}'>Unplug headset</button><br>
<button data-key="NAVPREVIOUS">◀ Previous</button><button data-key="NAVNEXT">Next ▶</button>
<button data-key="NAVUP">▲</button><button data-key="NAVDOWN">▼</button>
<button data-key="NAVENTER">Enter</button><button data-key="NAVHELP">Help</button>
<button data-key="VOLUMEUP">Vol +</button><button data-key="VOLUMEDOWN">Vol −</button></section>
<section><h2>Platform</h2>
<button data-post="/sim/state" data-json='{"state":"SUSPENDED"}'>Suspend app</button>
<button data-post="/sim/state" data-json='{"state":"DISABLED"}'>Disable app</button>
<button data-post="/sim/state" data-json='{"state":"UNAVAILABLE"}'>Back to UNAVAILABLE</button>
<button data-post="/sim/tenant" data-json='{"enabled":false}'>Disable tenant (4006)</button>
<button data-post="/sim/tenant" data-json='{"enabled":true}'>Enable tenant</button>
<button data-post="/sim/restart">Restart platform</button>
<div id="said"></div></section>
<section class="wide"><h2>Components</h2><table id="comps"></table></section>
<section><h2>Printed</h2><table id="printed"></table><h2>Spoken</h2><table id="spoken"></table></section>
</main>
<script>
const $ = (id) => document.getElementById(id);
async function call(method, url, body) {
  const r = await fetch(url, {method, headers: {"content-type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await r.text();
  $("said").textContent = r.status + " " + text;
  $("said").className = r.ok ? "ok" : "bad";
  refresh();
}
document.querySelectorAll("button").forEach((b) => b.addEventListener("click", () => {
  if (b.dataset.key) return call("POST", "/sim/key", {key: b.dataset.key});
  if (b.dataset.delete) return call("DELETE", b.dataset.delete);
  let body = {};
  if (b.dataset.json) body = JSON.parse(b.dataset.json);
  if (b.dataset.cond) body = {condition: b.dataset.cond, after: 0};
  if (b.dataset.body === "lang") body = {language: $("lang").value};
  if (b.dataset.body === "barcode") body = {data: $("barcode").value.trim()};
  if (b.dataset.body === "mrz") body = {lines: $("mrz").value.trim().split(/\r?\n/)};
  call("POST", b.dataset.post, body);
}));
function row(cells) { const tr = document.createElement("tr");
  cells.forEach((c) => { const td = document.createElement("td"); td.textContent = c; tr.append(td); });
  return tr; }
async function refresh() {
  const s = await (await fetch("/sim/status")).json();
  $("head").textContent = `CUSS ${s.version} · application ${s.application_state} · ` +
    (s.connected ? "connected" : "not connected") + ` · ${s.messages} messages`;
  $("comps").replaceChildren(row(["id", "component", "state", "status", "enabled", "count"]),
    ...s.components.map((c) => row([c.id, c.role, c.state, c.status, c.enabled ? "yes" : "", c.count])));
  $("printed").replaceChildren(...s.printed.map((p) => row([p.file.split("/").pop(), p.taken ? "taken" : "in the slot"])));
  $("spoken").replaceChildren(...s.spoken.slice(-5).map((t) => row([t.replace(/<[^>]+>/g, " ").trim()])));
}
refresh(); setInterval(refresh, 1000);
</script></body></html>
"##;
