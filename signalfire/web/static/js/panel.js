// The region panel: monthly actuals with the forecast fan, top actors, recent events + sources.
"use strict";

const SFPanel = (() => {
  const { api, el, clear, status, fmt, plotly } = SF;
  let current = null;
  let returnFocus = null;

  function close() {
    const panel = document.getElementById("panel");
    panel.hidden = true;
    current = null;
    document.body.classList.remove("panel-open");
    window.dispatchEvent(new Event("resize")); // the map takes the freed width
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  }

  function init() {
    document.getElementById("panel-close").addEventListener("click", close);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !document.getElementById("panel").hidden) close();
    });
  }

  async function drawChart(node, summary) {
    const Plotly = await plotly();
    const actual = summary.series;
    const fc = summary.forecast.values;
    const traces = [
      {
        x: actual.map((r) => r.period + "-01"),
        y: actual.map((r) => r.value),
        name: "Observed",
        mode: "lines+markers",
        line: { color: "#222222", width: 1.5 },
        marker: { size: 3 },
      },
    ];
    if (fc.length) {
      const x = fc.map((r) => r.period + "-01");
      const band = (lo, hi, name, colour) => [
        { x, y: fc.map((r) => r[lo]), mode: "lines", line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
        { x, y: fc.map((r) => r[hi]), mode: "lines", line: { width: 0 }, fill: "tonexty", fillcolor: colour, name },
      ];
      traces.push(...band("q05", "q95", "90% range", "rgba(49,104,142,0.25)"));
      traces.push(...band("q25", "q75", "50% range", "rgba(49,104,142,0.5)"));
      traces.push({ x, y: fc.map((r) => r.q50), name: "Median", mode: "lines", line: { color: "#31688e", width: 2 } });
      traces.push({ x, y: fc.map((r) => r.mean), name: "Mean", mode: "lines", line: { color: "#31688e", width: 1, dash: "dot" } });
    }
    const yTitle = summary.target === "fatalities" ? "Fatalities per month" : "Events per month";
    await Plotly.react(
      node,
      traces,
      {
        margin: { l: 44, r: 8, t: 8, b: 32 },
        height: 240,
        legend: { orientation: "h", y: -0.2 },
        yaxis: { title: { text: yTitle }, rangemode: "tozero" },
        xaxis: { type: "date" },
        font: { size: 11 },
      },
      { displayModeBar: false, responsive: true },
    );
  }

  function fillActors(rows) {
    const body = clear(document.querySelector("#panel-actors tbody"));
    if (!rows.length) {
      body.append(el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No events recorded")));
    }
    for (const row of rows) {
      body.append(
        el(
          "tr",
          {},
          el("td", {}, row.actor),
          el("td", { class: "num" }, fmt(row.events, 0)),
          el("td", { class: "num" }, fmt(row.deaths, 0)),
          el("td", {}, row.last_seen || ""),
        ),
      );
    }
  }

  function fillEvents(rows) {
    const list = clear(document.getElementById("panel-events"));
    if (!rows.length) list.append(el("li", { class: "muted" }, "No events recorded"));
    for (const row of rows) {
      const title = row.headline || `${row.violence_type}: ${[row.actor1, row.actor2].filter(Boolean).join(" vs ")}`;
      list.append(
        el(
          "li",
          { class: "event", "data-event-id": row.event_id },
          el("div", {}, el("strong", {}, row.date_start), " · ", title),
          el("div", { class: "muted" }, `Deaths (best): ${fmt(row.deaths_best, 0)}`, row.location_name ? ` · ${row.location_name}` : ""),
          el(
            "div",
            { class: "source" },
            `Source: ${row.source} #${row.source_event_id} (${row.source_file || "?"}, row ${row.source_row}`,
            row.source_version ? `, version ${row.source_version})` : ")",
          ),
        ),
      );
    }
  }

  // `options.focus`: bring the region into view (opened from a list rather than the map).
  async function open(regionId, name, options = {}) {
    const panel = document.getElementById("panel");
    if (!panel.contains(document.activeElement)) returnFocus = document.activeElement;
    current = regionId;
    panel.hidden = false;
    panel.setAttribute("data-region-id", regionId);
    panel.removeAttribute("data-loaded");
    document.body.classList.add("panel-open");
    window.dispatchEvent(new Event("resize"));
    const title = document.getElementById("panel-title");
    title.textContent = name || regionId;
    title.focus();
    document.getElementById("panel-subtitle").textContent = "";
    const note = document.getElementById("panel-forecast-note");
    note.textContent = "";
    const statusNode = document.getElementById("panel-status");
    status(statusNode, "Loading…");
    const chart = document.getElementById("panel-chart");
    let summary;
    try {
      summary = await api(`/api/regions/${encodeURIComponent(regionId)}/summary?months=60&recent=10`);
    } catch (exc) {
      status(statusNode, exc.message, "error");
      return;
    }
    if (current !== regionId) return; // another region was opened meanwhile
    const region = summary.region;
    if (options.focus && window.SFMap) window.SFMap.focus(region);
    title.textContent = region.name;
    document.getElementById("panel-subtitle").textContent =
      `${region.level === "adm1" ? "Province" : region.level === "adm2" ? "District" : "Country"} · ${region.region_id}`;
    fillActors(summary.top_actors);
    fillEvents(summary.recent_events);
    if (summary.forecast.run) {
      const run = summary.forecast.run;
      note.textContent = `Forecast: run ${run.run_id}, model ${run.model}, data up to ${run.as_of}, ${run.draws} draws.`;
    } else {
      note.textContent = summary.forecast.message;
    }
    try {
      await drawChart(chart, summary);
      status(statusNode, "");
    } catch (exc) {
      status(statusNode, "Chart unavailable: " + exc.message, "error");
    }
    panel.setAttribute("data-loaded", "true");
  }

  return { init, open, close };
})();
