"""The actor graph as JSON, GraphML or one self-contained HTML page (inline SVG and script).

Edges aggregate a pair's relations of one type (every spell, or those covering `at`): total
events and deaths, first start and last end, number of sources and their kinds. The HTML page
loads nothing from the network: its layout and interaction are the inline script below.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..store import Store
from .model import RELATION_TYPES, actor_table, check_partial_date, relations

# Relations drawn by default: region and target objects make their own views.
ACTOR_RELATIONS = tuple(r for r in RELATION_TYPES if r not in ("operates_in", "targets", "claims"))
COLOURS = {
    "fights": "#d62728",
    "allied_with": "#2ca02c",
    "rival_of": "#ff7f0e",
    "splinter_of": "#9467bd",
    "faction_of": "#8c564b",
    "negotiates_with": "#1f77b4",
    "mediates": "#17becf",
    "ceasefire_with": "#bcbd22",
}


@dataclass
class Graph:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    at: str | None

    def as_json(self) -> dict[str, Any]:
        return {"at": self.at, "nodes": self.nodes, "edges": self.edges}


def _value(v: Any) -> Any:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def build_graph(
    store: Store, at: str | None = None, relation_types: tuple[str, ...] = ACTOR_RELATIONS
) -> Graph:
    """Actors and the relations between them (as of `at`, a partial date, when given)."""
    if at is not None:
        check_partial_date(at, "at")
    frame = relations(store, relation=list(relation_types), at=at)
    frame = frame[frame["object_kind"] == "actor"]
    edges: list[dict[str, Any]] = []
    grouped = frame.groupby(["subject_id", "relation", "object_id", "negated"], dropna=False)
    for (subject, relation, obj, negated), rows in grouped:
        third = rows["third_id"].dropna()
        edges.append(
            {
                "source": subject,
                "target": obj,
                "relation": relation,
                "third": _value(third.iloc[0]) if len(third) else None,
                "negated": bool(negated),
                "start": _value(rows["start_date"].dropna().min()),
                "end": _value(rows["end_date"].dropna().max()),
                "events": int(rows["events"].fillna(0).sum()),
                "deaths": int(rows["deaths"].fillna(0).sum()),
                "spells": len(rows),
                "sources": int(rows["n_sources"].sum()),
                "source_kinds": sorted(
                    {k for kinds in rows["source_kinds"] for k in str(kinds).split(",")}
                ),
                "confidence": float(rows["confidence"].max()),
                "relation_ids": [int(i) for i in rows["relation_id"]],
                "periods": [
                    [_value(a), _value(b)]
                    for a, b in zip(rows["start_date"], rows["end_date"], strict=True)
                ],
            }
        )
    names = dict(zip(frame["subject_id"], frame["subject_name"], strict=False))
    names.update(dict(zip(frame["object_id"], frame["object_name"], strict=False)))
    third_names = frame.dropna(subset=["third_id"])
    names.update(dict(zip(third_names["third_id"], third_names["third_name"], strict=False)))
    table = actor_table()
    nodes = []
    for actor_id in sorted(names):
        kind = "other"
        if table is not None and actor_id in table:
            kind = table.get(actor_id).kind
        degree = sum(1 for e in edges if actor_id in (e["source"], e["target"], e["third"]))
        nodes.append({"id": actor_id, "name": names[actor_id], "kind": kind, "degree": degree})
    return Graph(nodes, edges, at)


def to_graphml(graph: Graph) -> str:
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    keys = {
        "name": ("node", "string"),
        "kind": ("node", "string"),
        "relation": ("edge", "string"),
        "negated": ("edge", "boolean"),
        "start": ("edge", "string"),
        "end": ("edge", "string"),
        "events": ("edge", "int"),
        "deaths": ("edge", "int"),
        "sources": ("edge", "int"),
        "source_kinds": ("edge", "string"),
        "confidence": ("edge", "double"),
        "third": ("edge", "string"),
    }
    for name, (domain, kind) in keys.items():
        ET.SubElement(
            root,
            f"{{{ns}}}key",
            {"id": name, "for": domain, "attr.name": name, "attr.type": kind},
        )
    g = ET.SubElement(root, f"{{{ns}}}graph", {"id": "actors", "edgedefault": "directed"})
    for node in graph.nodes:
        element = ET.SubElement(g, f"{{{ns}}}node", {"id": node["id"]})
        for k in ("name", "kind"):
            ET.SubElement(element, f"{{{ns}}}data", {"key": k}).text = str(node[k])
    for n, edge in enumerate(graph.edges):
        element = ET.SubElement(
            g, f"{{{ns}}}edge", {"id": f"e{n}", "source": edge["source"], "target": edge["target"]}
        )
        for k in keys:
            if keys[k][0] != "edge" or edge.get(k) is None:
                continue
            value = edge[k]
            if isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, list):
                text = ",".join(value)
            else:
                text = str(value)
            ET.SubElement(element, f"{{{ns}}}data", {"key": k}).text = text
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def to_html(graph: Graph, title: str = "signalfire actor graph") -> str:
    """One HTML file: data, layout script and styles inline; opens with no network."""
    data = json.dumps(graph.as_json(), default=str).replace("</", "<\\/")
    colours = json.dumps(COLOURS)
    when = f" as of {graph.at}" if graph.at else " (all periods)"
    return _PAGE.format(
        title=html.escape(title),
        subtitle=html.escape(
            f"{len(graph.nodes)} actors, {len(graph.edges)} relations{when}. "
            "Drag nodes; hover for details; click a legend entry to hide a relation type. "
            "Dashed: stated as not holding."
        ),
        data=data,
        colours=colours,
    )


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font: 13px system-ui, sans-serif; margin: 0; color: #222; }}
header {{ padding: 8px 12px; border-bottom: 1px solid #ddd; }}
h1 {{ font-size: 16px; margin: 0 0 4px 0; }}
#legend span {{ cursor: pointer; margin-right: 12px; user-select: none; }}
#legend span.off {{ opacity: 0.3; }}
svg {{ width: 100vw; height: calc(100vh - 80px); display: block; }}
.node circle {{ stroke: #fff; stroke-width: 1.5px; cursor: grab; }}
.node text {{ font-size: 11px; pointer-events: none; }}
#tip {{ position: fixed; background: #fff; border: 1px solid #999; padding: 6px;
  font-size: 12px; pointer-events: none; display: none; max-width: 360px; }}
</style></head>
<body>
<header><h1>{title}</h1><div>{subtitle}</div>
<div><label><input type="checkbox" id="all-years" checked> all years</label>
<input type="range" id="year" aria-label="year"> <span id="year-label"></span></div>
<div id="legend"></div></header>
<svg id="graph" role="img" aria-label="actor network"></svg>
<div id="tip"></div>
<script id="graph-data" type="application/json">{data}</script>
<script>
(function () {{
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var colours = {colours};
  var kindColour = {{state_force: "#555", rebel_group: "#1f77b4", terrorist_group: "#d62728",
    militia: "#ff7f0e", civilians: "#2ca02c", other: "#999"}};
  var svg = document.getElementById("graph"), NS = "http://www.w3.org/2000/svg";
  var tip = document.getElementById("tip"), hidden = {{}};
  var W = svg.clientWidth || 1000, H = svg.clientHeight || 700;
  var nodes = data.nodes.map(function (n, i) {{
    var a = 2 * Math.PI * i / Math.max(data.nodes.length, 1);
    return Object.assign({{x: W / 2 + W / 3 * Math.cos(a), y: H / 2 + H / 3 * Math.sin(a),
      vx: 0, vy: 0}}, n);
  }});
  var byId = {{}};
  nodes.forEach(function (n) {{ byId[n.id] = n; }});
  var edges = data.edges.filter(function (e) {{ return byId[e.source] && byId[e.target]; }});
  function el(name, attrs, parent) {{
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(e);
    return e;
  }}
  var edgeLayer = el("g", {{}}), nodeLayer = el("g", {{}});
  edges.forEach(function (e) {{
    e.line = el("line", {{stroke: colours[e.relation] || "#999",
      "stroke-width": Math.min(1 + Math.log(1 + e.events + e.sources), 8),
      "stroke-dasharray": e.negated ? "5,4" : "", opacity: 0.75}}, edgeLayer);
    e.line.addEventListener("mousemove", function (ev) {{
      show(ev, byId[e.source].name + " <b>" + e.relation + "</b> " + byId[e.target].name +
        (e.third ? " and " + (byId[e.third] ? byId[e.third].name : e.third) : "") +
        (e.negated ? " (NOT)" : "") + "<br>" + (e.start || "?") + " .. " + (e.end || "?") +
        "<br>events " + e.events + ", deaths " + e.deaths + ", spells " + e.spells +
        "<br>sources " + e.sources + " (" + e.source_kinds.join(", ") + "), confidence " +
        e.confidence.toFixed(2));
    }});
    e.line.addEventListener("mouseleave", hide);
    // A mediator is drawn to both parties.
    if (e.third && byId[e.third]) {{
      e.thirdLine = el("line", {{stroke: colours[e.relation] || "#999", "stroke-width": 2,
        "stroke-dasharray": e.negated ? "5,4" : "", opacity: 0.75}}, edgeLayer);
    }}
  }});
  nodes.forEach(function (n) {{
    n.g = el("g", {{"class": "node"}}, nodeLayer);
    el("circle", {{r: 5 + Math.min(n.degree, 12), fill: kindColour[n.kind] || "#999"}}, n.g);
    var t = el("text", {{x: 10, y: 4}}, n.g);
    t.textContent = n.name;
    n.g.addEventListener("mousemove", function (ev) {{
      show(ev, "<b>" + n.name + "</b><br>" + n.id + " (" + n.kind + "), " + n.degree +
        " relations");
    }});
    n.g.addEventListener("mouseleave", hide);
    n.g.addEventListener("mousedown", function (ev) {{ drag = n; ev.preventDefault(); }});
  }});
  function esc(s) {{ return String(s).replace(/[&<>"]/g, function (c) {{
    return {{"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}}[c]; }}); }}
  function show(ev, text) {{
    tip.innerHTML = text.split(/(<b>|<\\/b>|<br>)/).map(function (p) {{
      return /^(<b>|<\\/b>|<br>)$/.test(p) ? p : esc(p); }}).join("");
    tip.style.display = "block";
    tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px";
  }}
  function hide() {{ tip.style.display = "none"; }}
  var drag = null;
  svg.addEventListener("mousemove", function (ev) {{
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    drag.x = ev.clientX - r.left; drag.y = ev.clientY - r.top; drag.vx = drag.vy = 0;
    heat = Math.max(heat, 0.3);
  }});
  window.addEventListener("mouseup", function () {{ drag = null; }});
  // Year filter: an edge shows when one of its periods overlaps the year (open ends overlap).
  var years = [];
  edges.forEach(function (e) {{ e.periods.forEach(function (p) {{
    if (p[0]) years.push(+p[0].slice(0, 4)); if (p[1]) years.push(+p[1].slice(0, 4)); }}); }});
  var slider = document.getElementById("year"), allYears = document.getElementById("all-years");
  var yearLabel = document.getElementById("year-label");
  var y0 = years.length ? Math.min.apply(null, years) : 2000;
  var y1 = years.length ? Math.max.apply(null, years) : 2000;
  slider.min = y0; slider.max = y1; slider.value = y1; slider.disabled = true;
  function inYear(e) {{
    if (allYears.checked) return true;
    var y = slider.value;
    return e.periods.some(function (p) {{
      return (p[0] || "0000") <= y + "-12-31" && (p[1] || "9999") >= y;
    }});
  }}
  function onYear() {{
    slider.disabled = allYears.checked;
    yearLabel.textContent = allYears.checked ? "" : slider.value;
    draw();
  }}
  slider.addEventListener("input", onYear);
  allYears.addEventListener("change", onYear);
  var legend = document.getElementById("legend");
  Object.keys(colours).forEach(function (r) {{
    if (!edges.some(function (e) {{ return e.relation === r; }})) return;
    var s = document.createElement("span");
    s.innerHTML = "<b style='color:" + colours[r] + "'>&#9644;</b> " + r;
    s.addEventListener("click", function () {{
      hidden[r] = !hidden[r]; s.className = hidden[r] ? "off" : ""; draw();
    }});
    legend.appendChild(s);
  }});
  // A small force layout: repulsion between all nodes, springs along edges, pull to centre.
  var heat = 1;
  function step() {{
    var k = Math.sqrt(W * H / Math.max(nodes.length, 1)) * 0.45;
    for (var i = 0; i < nodes.length; i++) {{
      for (var j = i + 1; j < nodes.length; j++) {{
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
        var d2 = dx * dx + dy * dy + 0.01, f = k * k / d2;
        a.vx += dx * f * 0.02; a.vy += dy * f * 0.02; b.vx -= dx * f * 0.02; b.vy -= dy * f * 0.02;
      }}
    }}
    edges.forEach(function (e) {{
      var a = byId[e.source], b = byId[e.target], dx = b.x - a.x, dy = b.y - a.y;
      var d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = (d - k) / d * 0.05;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }});
    nodes.forEach(function (n) {{
      if (n === drag) return;
      n.vx += (W / 2 - n.x) * 0.02; n.vy += (H / 2 - n.y) * 0.02;
      var v = Math.sqrt(n.vx * n.vx + n.vy * n.vy), cap = 20 * heat + 0.5;
      if (v > cap) {{ n.vx *= cap / v; n.vy *= cap / v; }}
      n.x = Math.max(15, Math.min(W - 15, n.x + n.vx));
      n.y = Math.max(15, Math.min(H - 15, n.y + n.vy));
      n.vx *= 0.6; n.vy *= 0.6;
    }});
    heat *= 0.985;
  }}
  function draw() {{
    edges.forEach(function (e) {{
      var a = byId[e.source], b = byId[e.target], c = e.third && byId[e.third];
      e.line.setAttribute("x1", a.x); e.line.setAttribute("y1", a.y);
      e.line.setAttribute("x2", b.x); e.line.setAttribute("y2", b.y);
      if (e.thirdLine && c) {{
        e.thirdLine.setAttribute("x1", a.x); e.thirdLine.setAttribute("y1", a.y);
        e.thirdLine.setAttribute("x2", c.x); e.thirdLine.setAttribute("y2", c.y);
      }}
      e.visible = !hidden[e.relation] && inYear(e);
      e.line.style.display = e.visible ? "" : "none";
      if (e.thirdLine) e.thirdLine.style.display = e.line.style.display;
    }});
    var active = {{}};
    edges.forEach(function (e) {{ if (e.visible) {{ active[e.source] = active[e.target] = 1; }} }});
    nodes.forEach(function (n) {{
      n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
      n.g.style.opacity = active[n.id] || allYears.checked ? 1 : 0.25;
    }});
  }}
  function tick() {{
    if (heat > 0.02 || drag) {{ step(); draw(); }}
    window.requestAnimationFrame(tick);
  }}
  for (var s = 0; s < 150; s++) step();
  draw();
  window.requestAnimationFrame(tick);
  document.body.setAttribute("data-ready", "1");
}})();
</script>
</body></html>
"""
