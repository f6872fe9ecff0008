// multivector dashboard: vanilla JS over the JSON API; charts are inline SVG drawn here (no libraries, no CDN).
// Text from the store is always inserted with textContent (news text is untrusted).
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
// One palette with the HTML brief (multivector/palette.py): pole colours come from /api/poles; cooperation and
// conflict keep these two, which no pole ever gets.
const COOP = "#009E73";
const CONFLICT = "#D55E00";
const PAGE = 50;
const CHAR = 7; // px per character of 12 px chart text (generous: estimated labels never overlap)

const state = { country: null, names: {}, colours: {}, offset: 0, seq: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "style") e.style.cssText = v; // CSSOM, allowed by the page's CSP (style attributes are not)
    else e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

// Only http(s) URLs from the store become links: javascript:, data: and the rest stay text.
function webUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (_) {
    return null;
  }
}

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function api(path, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  const r = await fetch(`${path}${q.toString() ? "?" + q : ""}`);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function status(text, isError = false) {
  const s = $("status");
  s.textContent = text;
  s.className = isError ? "status error" : "status";
}

const nameOf = (code) => (state.names[code] && state.names[code] !== code ? `${state.names[code]} (${code})` : code);
const pct = (x) => `${Math.round(x * 100)}%`;
// Whole percent rounded half up, exactly as the briefing formats it (multivector/explain/brief.py: pc).
const pc = (x) => Math.floor(x * 100 + 0.5);

function shareCell(row) {
  // "38% [22–55%] n 5"; "– (n 2)" when the period has too little evidence for a share (same text as the brief).
  if (row.share === null || row.share === undefined) return row.n ? `– (n ${row.n})` : "–";
  const iv = row.share_low === null || row.share_high === null ? "" : ` [${pc(row.share_low)}–${pc(row.share_high)}%]`;
  return `${pc(row.share)}%${iv} n ${row.n}`;
}

function filters() {
  return { since: $("since").value, until: $("until").value };
}

function selectedPoles() {
  return [...document.querySelectorAll("#poles input:checked")].map((i) => i.value);
}

// ---------------------------------------------------------------- start-up
async function init() {
  try {
    const [health, countries, poles] = await Promise.all([api("/api/health"), api("/api/countries"), api("/api/poles")]);
    $("store-info").textContent = `${health.articles} articles · ${health.events} events · ${health.ties} ties` +
      (health.first_date ? ` · ${health.first_date} – ${health.last_date}` : "");
    for (const c of countries.countries) state.names[c.code] = c.name;
    const sel = $("country");
    for (const c of countries.countries) sel.append(el("option", { value: c.code }, `${c.name} (${c.code}) · ${c.events}`));
    const params = new URLSearchParams(location.search);
    const wantedPoles = (params.get("poles") || "").toUpperCase().split(",").filter(Boolean);
    poles.poles.forEach((p) => {
      state.colours[p.name] = p.colour;
      const chip = el("label", { class: "pole-chip", title: `${p.label}: ${p.members.join(", ")}` });
      const box = el("input", { type: "checkbox", value: p.name, name: "pole" });
      box.checked = (wantedPoles.length ? wantedPoles : poles.default).includes(p.name);
      chip.append(box, el("span", { class: "swatch", style: `background:${state.colours[p.name]}` }), document.createTextNode(p.label));
      $("poles").append(chip);
    });
    const wanted = (params.get("country") || "").toUpperCase();
    const codes = countries.countries.map((c) => c.code);
    sel.value = codes.includes(wanted) ? wanted : codes.includes("KAZ") ? "KAZ" : codes[0] || "";
    if (["week", "month", "quarter", "year"].includes(params.get("freq"))) $("freq").value = params.get("freq");
    for (const id of ["since", "until"]) if (/^\d{4}-\d{2}-\d{2}$/.test(params.get(id) || "")) $(id).value = params.get(id);
    state.partner = (params.get("partner") || "").toUpperCase();
    sel.addEventListener("change", refresh);
    for (const id of ["freq", "since", "until"]) $(id).addEventListener("change", refresh);
    $("poles").addEventListener("change", () => { saveView(); refreshAnalysis(); });
    $("partner").addEventListener("change", () => { state.partner = $("partner").value; saveView(); refreshDyad(); });
    window.addEventListener("resize", () => { clearTimeout(state.resize); state.resize = setTimeout(redraw, 150); });
    $("more").addEventListener("click", () => loadEvents(false));
    $("ask-form").addEventListener("submit", (ev) => { ev.preventDefault(); ask(); });
    $("article-close").addEventListener("click", () => { $("article").hidden = true; });
    if (!codes.length) { status("The store has no events yet: run `multivector ingest PATH` first."); return; }
    await refresh();
  } catch (err) {
    status(err.message, true);
  }
}

// The view (country, poles, period, dates, partner) lives in the URL, so a view can be shared or bookmarked.
function saveView() {
  const q = new URLSearchParams();
  q.set("country", state.country || "");
  q.set("poles", selectedPoles().join(","));
  q.set("freq", $("freq").value);
  for (const id of ["since", "until"]) if ($(id).value) q.set(id, $(id).value);
  if ($("partner").value) q.set("partner", $("partner").value);
  history.replaceState(null, "", `${location.pathname}?${q}`);
}

function redraw() {
  if (state.lastShares) drawShares(state.lastShares);
  if (state.lastDyad) drawDyad(state.lastDyad);
}

async function refresh() {
  state.country = $("country").value;
  if (!state.country) return;
  saveView();
  const seq = ++state.seq;
  status("loading…");
  try {
    const partners = await api("/api/countries", { partner_of: state.country });
    if (seq !== state.seq) return;
    const sel = $("partner");
    const prev = sel.value;
    sel.replaceChildren(...partners.countries.map((c) => el("option", { value: c.code }, `${c.name} (${c.code}) · ${c.events}`)));
    const keep = state.partner || prev;
    if (partners.countries.some((c) => c.code === keep)) sel.value = keep;
    saveView();
    $("dyad-a").textContent = state.country;
    await Promise.all([refreshAnalysis(), refreshDyad(), loadEvents(true)]);
    if (seq === state.seq) status("");
  } catch (err) {
    status(err.message, true);
  }
}

// ---------------------------------------------------------------- balance + shifts
async function refreshAnalysis() {
  const poles = selectedPoles();
  const chart = $("chart-shares");
  if (!poles.length) {
    drawEmpty(chart, "Select at least one pole.");
    $("shifts").replaceChildren();
    return;
  }
  try {
    const r = await api("/api/balance", { country: state.country, poles: poles.join(","), freq: $("freq").value, ...filters() });
    drawShares(r);
    drawSharesTable(r);
    drawShifts(r);
  } catch (err) {
    drawEmpty(chart, err.message);
    $("shares-table").replaceChildren();
    $("shifts").replaceChildren();
    status(err.message, true);
  }
}

function xLabels(g, labels, x0, step, y) {
  // Every n-th period label, n chosen from the widest label, so that labels never overlap.
  const widest = Math.max(4, ...labels.map((l) => l.length)) * CHAR + 10;
  const every = Math.max(1, Math.ceil(widest / step));
  labels.forEach((l, i) => {
    if (i % every === 0) g.append(svg("text", { class: "tick x", x: x0 + step * i + step / 2, y, "text-anchor": "middle" }, l));
  });
}

const FREQ_TITLE = { week: "ISO week (YYYY-Www)", month: "month (YYYY-MM)", quarter: "quarter (YYYY-Qn)", year: "year" };

function axes(g, x0, x1, y0, y1, ticks, fmt, yTitle, xTitle) {
  // Horizontal grid lines with labels, axis lines and axis titles.
  const ga = svg("g", { class: "axis" });
  const gg = svg("g", { class: "grid" });
  for (const t of ticks) {
    const y = t.y;
    gg.append(svg("line", { x1: x0, x2: x1, y1: y, y2: y }));
    ga.append(svg("text", { class: "tick y", x: x0 - 6, y: y + 4, "text-anchor": "end" }, fmt(t.v)));
  }
  ga.append(svg("line", { x1: x0, x2: x0, y1: y0, y2: y1 }));
  g.append(gg, ga);
  g.append(svg("text", { class: "axis-title", transform: `translate(12 ${(y0 + y1) / 2}) rotate(-90)`, "text-anchor": "middle" }, yTitle));
  g.append(svg("text", { class: "axis-title", x: (x0 + x1) / 2, y: y1 + 40, "text-anchor": "middle" }, xTitle));
}

function geometry(chart) {
  // As wide as its card, never wider: labels are thinned instead (see xLabels).
  const width = Math.max(chart.parentElement.clientWidth || 600, 240);
  const height = 290;
  chart.setAttribute("width", width);
  chart.setAttribute("height", height);
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.replaceChildren();
  return { width, height, left: 60, right: width - 12, top: 22, bottom: height - 52 };
}

function drawEmpty(chart, text) {
  const g = geometry(chart);
  chart.append(svg("text", { class: "empty", x: g.width / 2, y: g.height / 2, "text-anchor": "middle" }, text));
}

function drawShares(r) {
  state.lastShares = r;
  const chart = $("chart-shares");
  $("shares-hint").textContent = `${nameOf(r.country)} · ${r.freq}`;
  const legend = $("shares-legend");
  legend.replaceChildren(...r.poles.map((p) => {
    const s = el("span");
    s.append(el("i", { class: "swatch", style: `background:${state.colours[p.name] || "#888"}` }), document.createTextNode(`${p.label} (${p.members.join(", ")})`));
    return s;
  }));
  if (r.poles.length > 1) {
    const s = el("span");
    s.append(el("i", { class: "swatch idx" }), document.createTextNode("balance index (0 one pole – 1 even split)"));
    legend.append(s);
  }
  if (!r.periods.length) return drawEmpty(chart, `No events between ${r.country} and these poles.`);
  const g = geometry(chart);
  const root = svg("g");
  chart.append(root);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ v, y: g.bottom - v * (g.bottom - g.top) }));
  axes(root, g.left, g.right, g.top, g.bottom, ticks, pct, `Share of ${r.country}'s events`, FREQ_TITLE[r.freq] || r.freq);
  const step = (g.right - g.left) / r.periods.length;
  const bw = Math.max(1, Math.min(48, step * 0.7));
  const marks = svg("g", { class: "marks" });
  xLabels(root, r.balance.map((b) => b.period), g.left, step, g.bottom + 16);
  r.balance.forEach((b, i) => {
    const x = g.left + step * i + (step - bw) / 2;
    if (!b.total || !b.shares.length) {
      if (step < CHAR + 4) return;  // too narrow for a mark of its own: the gap says it
      const t = svg("text", { class: "empty", x: x + bw / 2, y: g.bottom - 6, "text-anchor": "middle" }, "–");
      if (b.note) t.append(svg("title", {}, `${b.period}: ${b.note}`));
      root.append(t);
      return;
    }
    let y = g.bottom;
    for (const p of r.poles) {
      const row = r.rows.find((w) => w.pole === p.name && w.period === b.period);
      if (!row || !row.n || row.share === null) continue;
      const h = row.share * (g.bottom - g.top);
      y -= h;
      const rect = svg("rect", {
        class: "mark share", x, y, width: bw, height: Math.max(h, 0.5), fill: state.colours[p.name] || "#888",
        "data-pole": p.name, "data-period": b.period, "data-count": row.n, "data-share": row.share,
        "data-low": row.share_low, "data-high": row.share_high,
      });
      rect.append(svg("title", {}, `${p.label}, ${b.period}: ${shareCell(row)} of ${b.total} interactions, ${row.stories} stories, ${row.outlets} outlets; net Goldstein ${row.net_cooperation.toFixed(1)}`));
      marks.append(rect);
    }
    if (bw >= CHAR * String(b.total).length + 2) {  // the count of events on the bar, where it fits
      root.append(svg("text", { class: "total", x: x + bw / 2, y: g.top - 5, "text-anchor": "middle" }, String(b.total)));
    }
  });
  root.append(marks);
  // Balance index (normalised entropy of the shares, 0 = one pole only, 1 = even split) on the same 0-1 scale.
  const pts = r.balance.map((b, i) => [g.left + step * i + step / 2, b.index, b.period]).filter((p) => p[1] !== null);
  if (pts.length && r.poles.length > 1) {
    const y = (v) => g.bottom - v * (g.bottom - g.top);
    const line = svg("g", { class: "index" });
    line.append(svg("polyline", { points: pts.map(([x, v]) => `${x},${y(v)}`).join(" "), fill: "none", stroke: "#102a43",
      "stroke-width": 1.5, "stroke-dasharray": "4 3" }));
    for (const [x, v, period] of pts) {
      const c = svg("circle", { cx: x, cy: y(v), r: 3.5, fill: "#fff", stroke: "#102a43", "stroke-width": 1.5, "data-period": period });
      c.append(svg("title", {}, `${period}: balance index ${v.toFixed(2)} (1 = even split across the poles)`));
      line.append(c);
    }
    root.append(line);
  }
}

function drawSharesTable(r) {
  // The numbers behind the chart: each share with its 90% interval over stories, and the evidence behind it.
  const table = $("shares-table");
  const head = el("tr");
  for (const h of ["period", "interactions", "stories", "outlets"]) head.append(el("th", {}, h));
  for (const p of r.poles) head.append(el("th", { "data-pole": p.name }, p.label));
  head.append(el("th", {}, "balance index"), el("th", {}, "note"));
  const rows = r.balance.map((b) => {
    const tr = el("tr", { "data-period": b.period });
    tr.append(el("td", {}, b.period), el("td", {}, String(b.total)), el("td", {}, String(b.stories)), el("td", {}, String(b.outlets)));
    for (const p of r.poles) {
      const row = r.rows.find((w) => w.pole === p.name && w.period === b.period);
      tr.append(el("td", { class: "share", "data-pole": p.name }, row ? shareCell(row) : "–"));
    }
    tr.append(el("td", {}, b.index === null ? "–" : b.index.toFixed(2)), el("td", { class: "note" }, b.note || ""));
    return tr;
  });
  table.replaceChildren(el("thead"), el("tbody"));
  table.tHead.append(head);
  table.tBodies[0].append(...rows);
  table.dataset.country = r.country;
}

function drawShifts(r) {
  const list = $("shifts");
  const labels = Object.fromEntries(r.poles.map((p) => [p.name, p.label]));
  if (!r.shifts.length) {
    list.replaceChildren(el("li", { class: "none" }, "No change point exceeds the noise of the stories behind the counts."));
    return;
  }
  list.replaceChildren(...r.shifts.map((s) => {
    const li = el("li", { class: `shift ${s.direction}`, "data-pole": s.pole });
    const iv = (lo, hi) => (lo === null || hi === null ? "" : ` [${pc(lo)}–${pc(hi)}%]`);
    const what = s.measure === "share" ? "share of engagement" : "mean Goldstein per interaction";
    const before = s.measure === "share" ? `${pc(s.value_before)}%${iv(s.low_before, s.high_before)}` : s.value_before.toFixed(2);
    const after = s.measure === "share" ? `${pc(s.value_after)}%${iv(s.low_after, s.high_after)}` : s.value_after.toFixed(2);
    li.append(el("div", { class: "what" }, `${labels[s.pole] || s.pole}: ${what} ${s.direction === "up" ? "▲" : "▼"} ${s.before} → ${s.after}`));
    li.append(el("div", { class: "stats" }, `${before} (${s.span_before}, ${s.stories_before} stories) → ${after} (${s.span_after}, ${s.stories_after} stories) · z ${s.z.toFixed(2)} · adjusted p ${s.p_value < 0.001 ? s.p_value.toExponential(1) : s.p_value.toFixed(3)}`));
    if (s.drivers.length) {
      const d = el("details");
      d.append(el("summary", {}, `${s.drivers.length} driving events`));
      const ol = el("ol");
      for (const e of s.drivers) {
        const item = el("li");
        item.append(el("q", {}, e.sentence), el("span", { class: "meta" }, ` — ${e.source}→${e.target} ${e.code}, ${e.date}${e.outlet ? ", " + e.outlet : ""} `));
        item.append(articleLink(e.article_id, "explain"));
        ol.append(item);
      }
      d.append(ol);
      li.append(d);
    }
    return li;
  }));
}

// ---------------------------------------------------------------- dyad chart
async function refreshDyad() {
  const chart = $("chart-dyad");
  const b = $("partner").value;
  $("dyad-legend").replaceChildren(legendItem(COOP, "cooperation"), legendItem(CONFLICT, "conflict"));
  if (!b) return drawEmpty(chart, "No partner with events.");
  try {
    const r = await api("/api/dyad", { a: state.country, b, freq: $("freq").value, ...filters() });
    drawDyad(r);
  } catch (err) {
    drawEmpty(chart, err.message);
  }
}

function legendItem(colour, text) {
  const s = el("span");
  s.append(el("i", { class: "swatch", style: `background:${colour}` }), document.createTextNode(text));
  return s;
}

function drawDyad(r) {
  state.lastDyad = r;
  const chart = $("chart-dyad");
  const by = new Map();
  for (const p of r.periods) {
    const v = by.get(p.period) || { coop: 0, conflict: 0, net: 0 };
    v.coop += p.counts[0] + p.counts[1];
    v.conflict += p.counts[2] + p.counts[3];
    v.net += p.net_cooperation;
    by.set(p.period, v);
  }
  const periods = [...by.keys()];
  if (!periods.length) return drawEmpty(chart, "No events in this dyad.");
  const g = geometry(chart);
  const root = svg("g");
  chart.append(root);
  const max = Math.max(1, ...[...by.values()].map((v) => Math.max(v.coop, v.conflict)));
  const mid = (g.top + g.bottom) / 2;
  const scale = (g.bottom - g.top) / 2 / max;
  const nice = max <= 4 ? 1 : Math.ceil(max / 4);
  const ticks = [];
  for (let v = -Math.floor(max / nice) * nice; v <= max; v += nice) ticks.push({ v, y: mid - v * scale });
  axes(root, g.left, g.right, g.top, g.bottom, ticks, (v) => String(Math.abs(v)), "events: coop ↑ conflict ↓", FREQ_TITLE[r.freq] || r.freq);
  root.append(svg("line", { x1: g.left, x2: g.right, y1: mid, y2: mid, stroke: "#52606d" }));
  const step = (g.right - g.left) / periods.length;
  const bw = Math.max(1, Math.min(40, step * 0.6));
  const marks = svg("g", { class: "marks" });
  xLabels(root, periods, g.left, step, g.bottom + 16);
  periods.forEach((p, i) => {
    const v = by.get(p);
    const x = g.left + step * i + (step - bw) / 2;
    for (const [kind, n, colour] of [["coop", v.coop, COOP], ["conflict", v.conflict, CONFLICT]]) {
      if (!n) continue;
      const h = n * scale;
      const rect = svg("rect", {
        class: `mark ${kind}`, x, y: kind === "coop" ? mid - h : mid, width: bw, height: h, fill: colour,
        "data-period": p, "data-count": n,
      });
      rect.append(svg("title", {}, `${p}: ${n} ${kind === "coop" ? "cooperative" : "conflictual"} events between ${r.a} and ${r.b}; net Goldstein ${v.net.toFixed(1)}`));
      marks.append(rect);
    }
  });
  root.append(marks);
}

// ---------------------------------------------------------------- events table
async function loadEvents(reset) {
  const table = $("events");
  const body = table.tBodies[0];
  if (reset) { state.offset = 0; body.replaceChildren(); }
  const country = state.country;
  const r = await api("/api/events", { country, limit: PAGE, offset: state.offset, ...filters() });
  if (country !== state.country) return;
  for (const e of r.events) body.append(...eventRows(e));
  state.offset += r.events.length;
  table.dataset.country = country;
  table.dataset.total = r.total;
  $("events-hint").textContent = `${nameOf(country)} · showing ${state.offset} of ${r.total}, newest first · click a row for its evidence`;
  $("more").hidden = state.offset >= r.total;
}

function eventRows(e) {
  const tr = el("tr", { class: "event", "data-id": e.id, tabindex: "0" });
  const ev = el("td");
  ev.append(el("span", { class: `qc qc${e.quad_class}`, title: `quad class ${e.quad_class}` }), el("span", { class: "code" }, e.code), document.createTextNode(` ${e.code_name || ""}`));
  tr.append(el("td", {}, e.date), el("td", { title: nameOf(e.source) }, e.source), ev, el("td", { title: nameOf(e.target) }, e.target),
    el("td", { class: "code" }, e.pattern));
  const art = el("td");
  art.append(articleLink(e.article_id, e.evidence.article_title || e.article_id));
  tr.append(art);
  const detail = el("tr", { class: "evidence", hidden: "" });
  const td = el("td", { colspan: "6" });
  detail.append(td);
  const toggle = (ev) => {
    if (ev.target.closest("a")) return;
    const open = detail.hidden;
    if (open && !td.childNodes.length) td.append(...evidence(e));
    detail.hidden = !open;
    tr.classList.toggle("open", open);
  };
  tr.addEventListener("click", toggle);
  tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") toggle(ev); });
  return [tr, detail];
}

function highlighted(text, marks) {
  // Split the sentence at every highlight boundary; each piece carries the roles covering it.
  const p = el("p", { class: "sentence" });
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const pts = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < pts.length - 1; i++) {
    const [a, b] = [pts[i], pts[i + 1]];
    const roles = marks.filter((m) => m.start <= a && b <= m.end);
    let node = document.createTextNode(text.slice(a, b));
    for (const m of roles) {
      const wrap = m.role === "event" ? el("span", { class: "hl-event", title: `event span (${m.code})` })
        : el("mark", { class: `hl-${m.role}`, title: `${m.role}: ${nameOf(m.code)}`, "data-role": m.role });
      wrap.append(node);
      node = wrap;
    }
    p.append(node);
  }
  return p;
}

function evidence(e) {
  const ev = e.evidence;
  const out = [highlighted(ev.sentence, ev.highlights)];
  const keys = el("div", { class: "keys" });
  keys.append(
    el("span", { class: "key-source" }, `source ${nameOf(e.source)}${e.source_role ? " · " + e.source_role : ""}`),
    el("span", { class: "key-target" }, `target ${nameOf(e.target)}${e.target_role ? " · " + e.target_role : ""}`),
    el("span", { class: "key-event" }, `event ${e.code} ${e.code_name || ""}`),
    el("span", { class: "code pattern" }, `pattern ${e.pattern}`),
    el("span", {}, `Goldstein ${e.goldstein} · confidence ${e.confidence}`),
  );
  if (e.note) keys.append(el("span", {}, e.note));
  const meta = el("div", { class: "meta" }, `${ev.article_date || e.date} · sentence ${ev.sentence_index + 1} of `);
  meta.append(articleLink(e.article_id, ev.article_title || e.article_id));
  if (ev.article_url) {
    meta.append(document.createTextNode(" · "));
    const href = webUrl(ev.article_url);
    meta.append(href ? el("a", { href, rel: "noreferrer noopener", target: "_blank" }, "source")
      : el("span", { class: "url", title: "not a web link" }, `source: ${ev.article_url.slice(0, 200)}`));
  }
  out.push(keys, meta);
  return out;
}

// ---------------------------------------------------------------- article drawer (explain view)
function articleLink(id, text) {
  const a = el("a", { href: `/api/articles/${encodeURIComponent(id)}`, "data-article": id }, text);
  a.addEventListener("click", (ev) => { ev.preventDefault(); ev.stopPropagation(); showArticle(id); });
  return a;
}

async function showArticle(id) {
  const box = $("article-body");
  box.replaceChildren(el("p", {}, "loading…"));
  $("article").hidden = false;
  try {
    const a = await api(`/api/articles/${encodeURIComponent(id)}`);
    const ol = el("ol");
    for (const s of a.sentences) {
      const marks = a.mentions.filter((m) => m.sentence_index === s.index).map((m) => ({
        start: m.start - s.start, end: m.end - s.start, role: "source", code: m.code,
      }));
      const li = el("li");
      li.append(highlighted(s.text, marks));
      for (const e of a.events.filter((x) => x.sentence_index === s.index)) {
        li.append(el("div", { class: "ev" }, `${e.source} → ${e.target} · ${e.code} ${e.code_name || ""} · pattern ${e.pattern}`));
      }
      for (const t of a.ties.filter((x) => x.sentence_index === s.index)) {
        li.append(el("div", { class: "ev" }, `tie: ${t.a} depends on ${t.b} (${t.type}) · pattern ${t.pattern}`));
      }
      ol.append(li);
    }
    box.replaceChildren(el("h3", {}, a.title || a.id), el("div", { class: "meta" }, `${a.date} · ${a.source || ""} · id ${a.id}`), ol);
  } catch (err) {
    box.replaceChildren(el("p", { class: "answer error" }, err.message));
  }
}

// ---------------------------------------------------------------- ask
async function ask() {
  const q = $("ask-input").value.trim();
  const button = $("ask-button");
  const answer = $("answer");
  const cites = $("citations");
  if (q.length < 3) { answer.textContent = "Type a question first."; return; }
  button.disabled = true;
  answer.className = "answer";
  answer.textContent = "Searching the store… (the first question loads the embedding model)";
  cites.replaceChildren();
  try {
    const a = await api("/api/ask", { q });
    answer.textContent = a.text;
    for (const c of a.citations) {
      const li = el("li", { class: "citation" });
      li.append(el("q", {}, c.sentence));
      const meta = el("span", { class: "meta" }, ` — ${c.date} · `);
      meta.append(articleLink(c.article_id, c.title || c.article_id));
      meta.append(document.createTextNode(` · sentence ${c.sentence_idx + 1} · via ${c.via.join(", ")}`));
      li.append(meta);
      cites.append(li);
    }
    answer.dataset.done = "1";
  } catch (err) {
    answer.className = "answer error";
    answer.textContent = err.message;
  } finally {
    button.disabled = false;
  }
}

init();
