// The backtest page: skill by horizon with confidence intervals, calibration, a model table.
"use strict";

(() => {
  const { api, el, clear, status, fmt, plotly, viridis } = SF;
  let metrics = null;

  function colours(names) {
    const out = {};
    names.forEach((name, i) => {
      out[name] = viridis(names.length > 1 ? (i / (names.length - 1)) * 0.9 : 0.3);
    });
    return out;
  }

  function drawTable(window) {
    const body = clear(document.querySelector("#bt-table tbody"));
    const names = Object.keys(window.models).sort(
      (a, b) => (window.models[a].crps ?? Infinity) - (window.models[b].crps ?? Infinity),
    );
    for (const name of names) {
      const m = window.models[name];
      const skill = m.skill
        ? `${fmt(100 * m.skill.value, 1)}% (${fmt(100 * m.skill.lo, 1)} to ${fmt(100 * m.skill.hi, 1)})`
        : "–";
      const label = name + (name === window.best_model ? " (best)" : "") + (name === window.baseline ? " (baseline)" : "");
      body.append(
        el(
          "tr",
          { "data-model": name },
          el("th", { scope: "row" }, label),
          el("td", { class: "num" }, fmt(m.crps, 3)),
          el("td", { class: "num" }, skill),
          el("td", { class: "num" }, fmt(m.brier, 3)),
          el("td", { class: "num" }, fmt(m.average_precision, 3)),
          el("td", { class: "num" }, fmt(m.pit_coverage90, 3)),
          el("td", { class: "num" }, fmt(m.n_cases, 0)),
        ),
      );
    }
  }

  async function drawCharts(window) {
    const Plotly = await plotly();
    const names = Object.keys(window.models).sort();
    const colour = colours(names);
    const skillTraces = [];
    for (const name of names) {
      const byH = window.models[name].by_horizon || {};
      const hs = Object.keys(byH).filter((h) => byH[h].skill).sort((a, b) => a - b);
      if (!hs.length) continue;
      const skill = hs.map((h) => byH[h].skill);
      skillTraces.push({
        x: hs.map(Number),
        y: skill.map((s) => s.value),
        error_y: {
          type: "data",
          symmetric: false,
          array: skill.map((s) => (s.hi ?? s.value) - s.value),
          arrayminus: skill.map((s) => s.value - (s.lo ?? s.value)),
          thickness: 1,
        },
        name,
        mode: "lines+markers",
        line: { color: colour[name] },
      });
    }
    const layout = (yTitle, extra = {}) => ({
      margin: { l: 50, r: 10, t: 10, b: 40 },
      height: 320,
      legend: { orientation: "h", y: -0.25 },
      yaxis: { title: { text: yTitle }, zeroline: true },
      font: { size: 11 },
      ...extra,
    });
    const config = { displayModeBar: false, responsive: true };
    await Plotly.react(
      "bt-skill",
      skillTraces,
      layout("Skill", { xaxis: { title: { text: "Horizon (periods ahead)" }, dtick: 1 } }),
      config,
    );
    const coverage = [
      ["pit_coverage50", "50% interval"],
      ["pit_coverage90", "90% interval"],
    ].map(([key, label], i) => ({
      type: "bar",
      name: label,
      x: names,
      y: names.map((n) => window.models[n][key]),
      marker: { color: viridis(i ? 0.75 : 0.3) },
    }));
    const nominal = [0.5, 0.9].map((y) => ({
      type: "line", xref: "paper", x0: 0, x1: 1, y0: y, y1: y, line: { dash: "dot", color: "#555" },
    }));
    await Plotly.react("bt-coverage", coverage, layout("Share covered", { shapes: nominal, yaxis: { range: [0, 1] } }), config);
    const best = window.best_model;
    const pit = (window.models[best] && window.models[best].pit_histogram) || [];
    await Plotly.react(
      "bt-pit",
      [{ type: "bar", x: pit.map((_, i) => (i + 0.5) / pit.length), y: pit, name: best, marker: { color: viridis(0.45) } }],
      layout(`PIT share (${best})`, {
        shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: 1 / (pit.length || 10), y1: 1 / (pit.length || 10), line: { dash: "dot", color: "#555" } }],
        xaxis: { title: { text: "PIT" }, range: [0, 1] },
      }),
      config,
    );
  }

  async function showWindow() {
    const name = document.getElementById("bt-window").value;
    const window = metrics.windows[name];
    if (!window) return;
    document.getElementById("bt-meta").textContent =
      `${window.origins.length} origins (${window.origins[0]} to ${window.origins[window.origins.length - 1]}), ` +
      `${fmt(window.n_cases, 0)} cases; best model ${window.best_model}, baseline ${window.baseline}.`;
    drawTable(window);
    try {
      await drawCharts(window);
      document.body.setAttribute("data-charts-ready", "true");
    } catch (exc) {
      status(document.getElementById("bt-status"), "Charts unavailable: " + exc.message, "error");
    }
  }

  async function load() {
    const statusNode = document.getElementById("bt-status");
    const level = document.getElementById("bt-level").value;
    const target = document.getElementById("bt-target").value;
    document.body.removeAttribute("data-charts-ready");
    clear(document.querySelector("#bt-table tbody"));
    document.getElementById("bt-meta").textContent = "";
    for (const id of ["bt-skill", "bt-coverage", "bt-pit"]) clear(document.getElementById(id));
    let run;
    try {
      run = await api(`/api/backtests/latest?level=${level}&target=${target}`);
    } catch (exc) {
      status(statusNode, exc.message, exc.status === 404 ? "warn" : "error");
      return;
    }
    metrics = run.metrics;
    status(
      statusNode,
      `Backtest run ${run.run_id} of ${run.created_at.replace("T", " ")}: origins ${run.start_origin} to ${run.end_origin}, horizons 1 to ${run.horizon}.`,
    );
    const select = clear(document.getElementById("bt-window"));
    for (const name of Object.keys(metrics.windows)) select.append(el("option", { value: name }, name));
    await showWindow();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("bt-level").addEventListener("change", load);
    document.getElementById("bt-target").addEventListener("change", load);
    document.getElementById("bt-window").addEventListener("change", showWindow);
    load();
  });
})();
