// The risk map: province and district polygons from the store (no tiles), coloured by the
// latest saved forecast for the chosen month; event points; the list of the highest regions.
"use strict";

(() => {
  const { api, el, clear, status, viridis, gradientCss, fmt } = SF;

  const state = {
    level: "adm2",
    measure: "mean",
    monthIndex: 0,
    regions: {}, // level -> GeoJSON FeatureCollection
    forecasts: {}, // level -> {run, periods, byPeriod: {period: {region_id: row}}, max} | {error}
    layers: {}, // level -> L.GeoJSON
    names: {}, // region_id -> name
    map: null,
    eventsLayer: null,
  };

  function periods() {
    const fc = state.forecasts[state.level];
    return fc && fc.periods ? fc.periods : [];
  }

  function currentPeriod() {
    return periods()[state.monthIndex] || null;
  }

  function valueOf(regionId) {
    const fc = state.forecasts[state.level];
    const period = currentPeriod();
    if (!fc || !fc.byPeriod || !period) return null;
    const row = fc.byPeriod[period][regionId];
    return row ? row[state.measure] : null;
  }

  function scaled(value) {
    if (value === null || value === undefined) return null;
    if (state.measure === "p_any") return value;
    const max = state.forecasts[state.level].max || 1;
    return Math.log1p(value) / Math.log1p(max);
  }

  function styleFor(level) {
    return (feature) => {
      if (level !== state.level) {
        // Provinces drawn over districts: outlines only.
        return { color: "#1b1b1b", weight: 1.6, fill: false, fillOpacity: 0 };
      }
      const t = scaled(valueOf(feature.properties.region_id));
      return {
        color: "#3a3a3a",
        weight: level === "adm1" ? 1.4 : 0.6,
        fill: true,
        fillColor: t === null ? "#d9d9d9" : viridis(t),
        fillOpacity: t === null ? 0.5 : 0.85,
      };
    };
  }

  function label(feature) {
    const value = valueOf(feature.properties.region_id);
    const what = state.measure === "p_any" ? "P(any fatality)" : "expected fatalities";
    const shown = value === null ? "no forecast" : `${what} ${fmt(value, 2)}`;
    return `${feature.properties.name}: ${shown}`;
  }

  function openRegion(feature) {
    SFPanel.open(feature.properties.region_id, feature.properties.name);
  }

  function buildLayer(level) {
    const pane = level === "adm1" ? "provinces" : "districts";
    const layer = L.geoJSON(state.regions[level], {
      pane,
      style: styleFor(level),
      onEachFeature: (feature, path) => {
        state.names[feature.properties.region_id] = feature.properties.name;
        path.on("click", () => openRegion(feature));
        path.on("add", () => {
          const node = path.getElement();
          if (!node) return;
          node.setAttribute("data-region-id", feature.properties.region_id);
          node.setAttribute("data-level", level);
          node.setAttribute("tabindex", level === state.level ? "0" : "-1");
          node.setAttribute("aria-hidden", level === state.level ? "false" : "true");
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", label(feature));
          node.addEventListener("keydown", (event) => {
            if (event.key === "Enter" || event.key === " ") {
              event.preventDefault();
              openRegion(feature);
            }
          });
          node.addEventListener("focus", () => node.setAttribute("aria-label", label(feature)));
        });
      },
    });
    // One tooltip for the whole layer (its text built on hover, as a text node).
    layer.bindTooltip((path) => el("span", {}, label(path.feature)), { sticky: true });
    return layer;
  }

  // `initial`: the polygons were just drawn with these styles and attributes.
  function restyle(initial = false) {
    if (!initial) {
      for (const [level, layer] of Object.entries(state.layers)) {
        layer.setStyle(styleFor(level));
      }
    }
    // Outline-only provinces must not catch clicks meant for districts.
    const provinces = state.map.getPane("provinces");
    provinces.style.pointerEvents = state.level === "adm1" ? "" : "none";
    provinces.classList.toggle("outline-only", state.level !== "adm1");
    state.map.getPane("districts").style.display = state.level === "adm2" ? "" : "none";
    for (const layer of Object.values(initial ? [] : state.layers)) {
      layer.eachLayer((path) => {
        const node = path.getElement && path.getElement();
        if (node) {
          const interactive = node.getAttribute("data-level") === state.level;
          node.setAttribute("tabindex", interactive ? "0" : "-1");
          node.setAttribute("aria-hidden", interactive ? "false" : "true");
          node.setAttribute("aria-label", label(path.feature));
        }
      });
    }
    updateLegend();
    updateTop();
  }

  function updateLegend() {
    document.getElementById("legend-bar").style.background = gradientCss();
    const fc = state.forecasts[state.level];
    const max = state.measure === "p_any" ? 1 : fc && fc.max ? fc.max : null;
    document.getElementById("legend-min").textContent = "0";
    document.getElementById("legend-max").textContent =
      max === null ? "–" : state.measure === "p_any" ? "1" : `${fmt(max, 0)} (log scale)`;
    const period = currentPeriod();
    document.getElementById("month-label").textContent = period || "no forecast";
  }

  function updateTop() {
    const list = clear(document.getElementById("top-regions"));
    const fc = state.forecasts[state.level];
    const period = currentPeriod();
    if (!fc || !fc.byPeriod || !period) return;
    const rows = Object.values(fc.byPeriod[period])
      .filter((r) => state.names[r.region_id])
      .sort((a, b) => b[state.measure] - a[state.measure])
      .slice(0, 8);
    for (const row of rows) {
      const name = state.names[row.region_id];
      const button = el(
        "button",
        { type: "button", class: "link", "data-region-id": row.region_id },
        name,
      );
      button.addEventListener("click", () => SFPanel.open(row.region_id, name, { focus: true }));
      list.append(el("li", {}, button, " ", el("span", { class: "muted" }, fmt(row[state.measure], 2))));
    }
  }

  function indexForecast(payload) {
    const byPeriod = {};
    let max = 0;
    for (const period of payload.periods) byPeriod[period] = {};
    for (const row of payload.values) {
      byPeriod[row.period][row.region_id] = row;
      if (row.mean > max) max = row.mean;
    }
    return { run: payload.run, periods: payload.periods, byPeriod, max };
  }

  async function loadForecast(level) {
    try {
      state.forecasts[level] = indexForecast(
        await api(`/api/forecasts/latest?level=${level}&target=fatalities`),
      );
    } catch (exc) {
      state.forecasts[level] = { error: exc.message, periods: [] };
    }
  }

  function showForecastStatus() {
    const fc = state.forecasts[state.level];
    const node = document.getElementById("map-status");
    if (fc && fc.error) status(node, fc.error, "warn");
    else if (fc && fc.run) {
      status(
        node,
        `Forecast run ${fc.run.run_id} (${fc.run.model}), data up to ${fc.run.as_of}, ` +
          `made ${fc.run.created_at.replace("T", " ")}`,
        "info",
      );
    }
    const slider = document.getElementById("month");
    slider.max = String(Math.max(0, periods().length - 1));
    slider.disabled = periods().length === 0;
    state.monthIndex = Math.min(state.monthIndex, Math.max(0, periods().length - 1));
    slider.value = String(state.monthIndex);
    slider.setAttribute("aria-valuetext", currentPeriod() || "no forecast");
  }

  function monthStart(period, back) {
    const [y, m] = period.split("-").map(Number);
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return d.toISOString().slice(0, 10);
  }

  function monthEnd(period) {
    const [y, m] = period.split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }

  function eventPopup(props) {
    const source = [props.source, props.source_event_id].filter(Boolean).join(" #");
    return el(
      "div",
      { class: "popup" },
      el("strong", {}, props.headline || `${props.violence_type} event`),
      el("div", {}, `${props.date_start}${props.date_end !== props.date_start ? " – " + props.date_end : ""}`),
      el("div", {}, [props.actor1, props.actor2].filter(Boolean).join(" vs ")),
      el("div", {}, `Deaths (best): ${fmt(props.deaths_best, 0)}`),
      el("div", {}, props.location_name || ""),
      el("div", { class: "muted" }, `Source: ${source}, row ${props.source_row}`),
    );
  }

  const EVENT_FIELDS = [
    "event_id", "date_start", "date_end", "violence_type", "actor1", "actor2", "deaths_best",
    "headline", "location_name", "source", "source_event_id", "source_row",
  ].join(",");

  function fetchEvents() {
    const fc = mainForecast();
    let query = `format=geojson&limit=3000&order=desc&fields=${EVENT_FIELDS}`;
    if (fc && fc.run) {
      query += `&since=${monthStart(fc.run.as_of, 11)}&until=${monthEnd(fc.run.as_of)}`;
      if (fc.run.countries) query += `&country=${encodeURIComponent(fc.run.countries)}`;
    }
    return api(`/api/events?${query}`);
  }

  function mainForecast() {
    return state.forecasts.adm2 && state.forecasts.adm2.run ? state.forecasts.adm2 : state.forecasts.adm1;
  }

  async function loadEvents(pending) {
    if (state.eventsLayer) {
      state.eventsLayer.remove();
      state.eventsLayer = null;
    }
    if (!document.getElementById("show-events").checked) return;
    let data;
    try {
      data = await (pending || fetchEvents());
    } catch (exc) {
      status(document.getElementById("map-status"), exc.message, "error");
      return;
    }
    state.eventsLayer = L.geoJSON(data, {
      pane: "events",
      pointToLayer: (feature, latlng) =>
        L.circleMarker(latlng, {
          pane: "events",
          radius: 2.5 + Math.sqrt(feature.properties.deaths_best || 0),
          color: "#ffffff",
          weight: 1,
          fillColor: "#d6336c",
          fillOpacity: 0.8,
          className: "event-point",
        }),
      onEachFeature: (feature, layer) => {
        layer.bindPopup(() => eventPopup(feature.properties));
        layer.on("add", () => {
          const node = layer.getElement();
          if (node) node.setAttribute("data-event-id", feature.properties.event_id);
        });
      },
    }).addTo(state.map);
    performance.mark("signalfire-events-drawn");
  }

  async function init() {
    const map = L.map("map", { zoomSnap: 0.25, attributionControl: true, minZoom: 3, maxZoom: 12 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: geoBoundaries, Natural Earth");
    state.map = map;
    map.createPane("districts").style.zIndex = 400;
    map.createPane("provinces").style.zIndex = 410;
    map.createPane("events").style.zIndex = 450;
    map.setView([30, 69], 5);

    const mapStatus = document.getElementById("map-status");
    status(mapStatus, "Loading regions and forecasts…");
    let pendingEvents = null;
    try {
      // All at once: the polygons of the forecast's countries, and the forecasts, whose
      // as-of month then chooses the events to show.
      const regions = Promise.all([
        api("/api/regions?level=adm1&simplify=0.01&forecast_countries=adm2"),
        api("/api/regions?level=adm2&simplify=0.01&forecast_countries=adm2"),
      ]);
      regions.catch(() => null); // reported below
      await Promise.all([loadForecast("adm1"), loadForecast("adm2")]);
      performance.mark("signalfire-forecasts");
      pendingEvents = fetchEvents();
      pendingEvents.catch(() => null); // reported when drawn
      const [adm1, adm2] = await regions;
      performance.mark("signalfire-regions");
      state.regions.adm1 = adm1;
      state.regions.adm2 = adm2;
    } catch (exc) {
      if (exc.status === 401) {
        // This server wants a token for reads too: the page reloads once one is given.
        document.body.setAttribute("data-needs-token", "true");
        status(mapStatus, `${exc.message}. Enter an API token above.`, "warn");
      } else {
        status(mapStatus, exc.message, "error");
      }
      return;
    }
    if (!state.regions.adm1.features.length && !state.regions.adm2.features.length) {
      status(mapStatus, "The store has no boundaries: run `signalfire data` or load regions.", "warn");
      return;
    }
    state.layers.adm2 = buildLayer("adm2");
    state.layers.adm1 = buildLayer("adm1");
    // Zoom before drawing: fitting after would project and draw every polygon twice.
    const bounds = state.layers.adm1.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10], animate: false });
    state.layers.adm2.addTo(map);
    state.layers.adm1.addTo(map);

    showForecastStatus();
    restyle(true);
    document.body.setAttribute("data-map-ready", "true");
    performance.mark("signalfire-map-ready");
    loadEvents(pendingEvents);

    document.getElementById("level").addEventListener("change", (event) => {
      state.level = event.target.value;
      showForecastStatus();
      restyle();
    });
    document.getElementById("measure").addEventListener("change", (event) => {
      state.measure = event.target.value;
      restyle();
    });
    document.getElementById("month").addEventListener("input", (event) => {
      state.monthIndex = Number(event.target.value);
      event.target.setAttribute("aria-valuetext", currentPeriod() || "");
      restyle();
    });
    document.getElementById("show-events").addEventListener("change", () => loadEvents());
    SFAlerts.init({ names: state.names });
  }

  // For the panel: show a region (its bounds from the API) unless it is in view already.
  window.SFMap = {
    focus(region) {
      if (!state.map || region.west === null || region.west === undefined) return;
      const bounds = L.latLngBounds([region.south, region.west], [region.north, region.east]);
      if (!state.map.getBounds().contains(bounds)) {
        state.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
      }
    },
  };

  document.addEventListener("DOMContentLoaded", () => {
    SFPanel.init();
    init();
  });
})();
