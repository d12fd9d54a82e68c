// The actor page: an actor's relations as a graph for one year, and the full relation table.
"use strict";

(() => {
  const { api, el, clear, status, fmt } = SF;
  const SVG = "http://www.w3.org/2000/svg";
  // Okabe-Ito: distinguishable with the common colour-vision deficiencies.
  const COLOURS = {
    fights: "#D55E00",
    targets: "#CC79A7",
    operates_in: "#56B4E9",
    allied_with: "#009E73",
    faction_of: "#0072B2",
    splinter_of: "#E69F00",
    rival_of: "#000000",
    negotiates_with: "#F0E442",
    ceasefire_with: "#999999",
    mediates: "#6A3D9A",
    claims: "#8C564B",
  };
  const MAX_NODES = 24;
  let actors = [];
  let current = null;

  function svg(tag, attrs = {}, text = null) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== null) node.textContent = text;
    return node;
  }

  const year = (date) => (date ? Number(String(date).slice(0, 4)) : null);

  function activeIn(rel, y) {
    const start = year(rel.start_date);
    const end = year(rel.end_date);
    return (start === null || start <= y) && (end === null || end >= y);
  }

  function other(rel, actorId) {
    if (rel.subject_id === actorId) return { id: rel.object_id, name: rel.object_name, kind: rel.object_kind };
    return { id: rel.subject_id, name: rel.subject_name, kind: "actor" };
  }

  function drawGraph(y) {
    const graph = document.getElementById("actor-graph");
    for (const node of [...graph.childNodes]) if (node.nodeName !== "title") graph.removeChild(node);
    document.getElementById("actor-year-label").textContent = String(y);
    const rels = current.relations.filter((r) => activeIn(r, y));
    // One node per counterpart, the busiest first; edges keep the strongest relation kind.
    const nodes = new Map();
    for (const rel of rels) {
      const o = other(rel, current.actor_id);
      const entry = nodes.get(o.id) || { ...o, events: 0, kinds: new Set() };
      entry.events += rel.events || 1;
      entry.kinds.add(rel.relation);
      nodes.set(o.id, entry);
    }
    const shown = [...nodes.values()].sort((a, b) => b.events - a.events).slice(0, MAX_NODES);
    const cx = 450;
    const cy = 260;
    const radius = 190;
    shown.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, shown.length) - Math.PI / 2;
      const x = cx + radius * Math.cos(angle);
      const y2 = cy + radius * Math.sin(angle);
      const kinds = [...node.kinds];
      kinds.forEach((kind, k) => {
        const offset = (k - (kinds.length - 1) / 2) * 4;
        graph.append(
          svg("line", {
            x1: cx + offset, y1: cy + offset, x2: x + offset, y2: y2 + offset,
            stroke: COLOURS[kind] || "#444",
            "stroke-width": Math.min(6, 1 + Math.log1p(node.events)),
            "stroke-opacity": 0.8,
            "data-relation": kind,
          }),
        );
      });
      const group = svg("g", { "data-node-id": node.id });
      group.append(svg("circle", { cx: x, cy: y2, r: 6, fill: node.kind === "actor" ? "#31688e" : "#bbbbbb", stroke: "#222" }));
      const anchor = Math.cos(angle) < -0.2 ? "end" : Math.cos(angle) > 0.2 ? "start" : "middle";
      const dx = anchor === "end" ? -9 : anchor === "start" ? 9 : 0;
      const dy = anchor === "middle" ? (Math.sin(angle) < 0 ? -10 : 16) : 4;
      group.append(svg("text", { x: x + dx, y: y2 + dy, "text-anchor": anchor }, node.name || node.id));
      graph.append(group);
    });
    const centre = svg("g", { class: "centre" });
    centre.append(svg("circle", { cx, cy, r: 11, fill: "#e36c0a", stroke: "#222" }));
    centre.append(svg("text", { x: cx, y: cy + 26, "text-anchor": "middle" }, current.name || current.actor_id));
    graph.append(centre);
    const hidden = nodes.size - shown.length;
    if (!shown.length || hidden > 0) {
      graph.append(
        svg("text", { x: 10, y: 510 }, shown.length ? `${hidden} more not drawn (see the table)` : `No relations recorded in ${y}`),
      );
    }
    for (const row of document.querySelectorAll("#relation-table tbody tr")) {
      row.classList.toggle("inactive", row.dataset.active !== undefined && !activeIn(JSON.parse(row.dataset.active), y));
    }
  }

  function drawLegend(rels) {
    const list = clear(document.getElementById("relation-legend"));
    for (const kind of [...new Set(rels.map((r) => r.relation))].sort()) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = COLOURS[kind] || "#444";
      list.append(el("li", {}, swatch, " ", kind.replace(/_/g, " ")));
    }
  }

  function drawTable(rels) {
    const body = clear(document.querySelector("#relation-table tbody"));
    for (const rel of rels) {
      const o = other(rel, current.actor_id);
      body.append(
        el(
          "tr",
          { "data-relation-id": rel.relation_id, "data-active": JSON.stringify({ start_date: rel.start_date, end_date: rel.end_date }) },
          el("td", {}, (rel.negated ? "not " : "") + rel.relation.replace(/_/g, " ")),
          el("td", {}, o.name || o.id),
          el("td", {}, rel.start_date || "?"),
          el("td", {}, rel.end_date || "?"),
          el("td", { class: "num" }, fmt(rel.events, 0)),
          el("td", { class: "num" }, fmt(rel.deaths, 0)),
          el("td", { class: "num" }, fmt(rel.confidence, 2)),
          el("td", {}, `${rel.n_sources} (${rel.source_kinds})`),
        ),
      );
    }
  }

  async function choose(actorId, button) {
    for (const b of document.querySelectorAll("#actor-list button")) b.removeAttribute("aria-current");
    if (button) button.setAttribute("aria-current", "true");
    let actor;
    try {
      actor = await api(`/api/actors/${encodeURIComponent(actorId)}`);
    } catch (exc) {
      status(document.getElementById("actors-status"), exc.message, "error");
      return;
    }
    current = actor;
    const title = document.getElementById("actor-name");
    title.textContent = actor.name || actor.actor_id;
    document.getElementById("actor-meta").textContent = [
      actor.kind && actor.kind.replace(/_/g, " "),
      actor.country,
      actor.aliases && actor.aliases.length ? `also: ${actor.aliases.slice(0, 6).join(", ")}` : "",
    ].filter(Boolean).join(" · ");
    const rels = actor.relations;
    const years = rels.flatMap((r) => [year(r.start_date), year(r.end_date)]).filter((y) => y !== null);
    const slider = document.getElementById("actor-year");
    if (years.length) {
      slider.min = String(Math.min(...years));
      slider.max = String(Math.max(...years));
      slider.value = slider.max;
      slider.disabled = false;
    } else {
      slider.disabled = true;
    }
    drawLegend(rels);
    drawTable(rels);
    drawGraph(Number(slider.value));
    document.body.setAttribute("data-actor-ready", actor.actor_id);
  }

  function drawList() {
    const filter = document.getElementById("actor-filter").value.trim().toLowerCase();
    const list = clear(document.getElementById("actor-list"));
    for (const actor of actors) {
      const text = [actor.name, ...(actor.aliases || [])].join(" ").toLowerCase();
      if (filter && !text.includes(filter)) continue;
      const button = el("button", { type: "button", class: "link", "data-actor-id": actor.actor_id }, actor.name);
      button.addEventListener("click", () => choose(actor.actor_id, button));
      list.append(el("li", {}, button, " ", el("span", { class: "muted" }, `${actor.relations}`)));
    }
  }

  async function init() {
    try {
      actors = (await api("/api/actors")).items;
    } catch (exc) {
      status(document.getElementById("actors-status"), exc.message, "error");
      return;
    }
    drawList();
    document.getElementById("actor-filter").addEventListener("input", drawList);
    document.getElementById("actor-year").addEventListener("input", (event) => {
      if (current) drawGraph(Number(event.target.value));
    });
    const wanted = new URLSearchParams(location.search).get("actor");
    const first = actors.find((a) => a.actor_id === wanted) || actors.find((a) => a.relations > 0);
    if (first) choose(first.actor_id, document.querySelector(`#actor-list button[data-actor-id="${CSS.escape(first.actor_id)}"]`));
  }

  document.addEventListener("DOMContentLoaded", init);
})();
