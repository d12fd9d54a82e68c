// Shared by every dashboard page: API calls, the API token, safe DOM building, colours.
// Text from data is only ever set with textContent (never innerHTML).
"use strict";

const SF = (() => {
  const TOKEN_KEY = "signalfire-api-token";

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  function setToken(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  // GET or POST JSON; errors arrive as {"error": {status, code, message}} and become ApiError.
  async function api(path, options = {}) {
    const headers = { Accept: "application/json" };
    const t = token();
    if (t) headers.Authorization = "Bearer " + t;
    const init = { method: options.method || "GET", headers };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (exc) {
      throw new ApiError(0, "network", "the server did not answer: " + exc.message);
    }
    let payload = null;
    try {
      payload = await response.json();
    } catch (exc) {
      payload = null;
    }
    if (!response.ok) {
      const err = (payload && payload.error) || {};
      throw new ApiError(response.status, err.code || "error", err.message || response.statusText);
    }
    return payload;
  }

  // el("td", {class: "num", title: x}, "text", childNode, ...): text children become text nodes.
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("on") && typeof value === "function") {
        node.addEventListener(name.slice(2), value);
      } else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function status(node, message, kind = "info") {
    clear(node);
    node.className = "status status-" + kind;
    if (message) node.textContent = message;
    node.hidden = !message;
  }

  // Viridis (perceptually uniform, readable with the common colour-vision deficiencies).
  const VIRIDIS = [
    [68, 1, 84], [72, 40, 120], [62, 73, 137], [49, 104, 142], [38, 130, 142],
    [31, 158, 137], [53, 183, 121], [110, 206, 88], [181, 222, 43], [253, 231, 37],
  ];

  function viridis(t) {
    const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
    const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
    const f = x - i;
    const rgb = VIRIDIS[i].map((c, k) => Math.round(c + f * (VIRIDIS[i + 1][k] - c)));
    return "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");
  }

  function gradientCss() {
    const stops = VIRIDIS.map((_, i) => viridis(i / (VIRIDIS.length - 1)));
    return "linear-gradient(to right, " + stops.join(", ") + ")";
  }

  function fmt(value, digits = 1) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
  }

  // Plotly is large: load it only when the first chart is drawn.
  let plotlyPromise = null;
  function plotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyPromise) {
      plotlyPromise = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "/static/vendor/plotly.min.js";
        script.onload = () => resolve(window.Plotly);
        script.onerror = () => reject(new Error("could not load the chart library"));
        document.head.append(script);
      });
    }
    return plotlyPromise;
  }

  // The token dialog in the page header (every page has one).
  function initTokenForm() {
    const form = document.getElementById("token-form");
    if (!form) return;
    const input = document.getElementById("token-input");
    const state = document.getElementById("token-state");
    const show = () => {
      state.textContent = token() ? "token set" : "no token (read only)";
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      setToken(input.value.trim());
      input.value = "";
      show();
      if (token() && document.body.hasAttribute("data-needs-token")) location.reload();
    });
    document.getElementById("token-clear").addEventListener("click", () => {
      setToken("");
      show();
    });
    show();
  }

  document.addEventListener("DOMContentLoaded", initTokenForm);

  return { api, ApiError, el, clear, status, viridis, gradientCss, fmt, plotly, token, setToken };
})();
