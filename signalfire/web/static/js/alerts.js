// The alerts feed: open alerts, each acknowledged or dismissed with a reason (needs a token).
"use strict";

const SFAlerts = (() => {
  const { api, el, clear, status, fmt } = SF;
  let names = {};

  function regionName(alert) {
    return names[alert.region_id] || alert.region_id;
  }

  async function act(alert, action, reasonInput, itemStatus) {
    const reason = reasonInput.value.trim();
    if (!reason) {
      status(itemStatus, "Give a reason first.", "warn");
      reasonInput.focus();
      return;
    }
    try {
      await api(`/api/alerts/${encodeURIComponent(alert.alert_id)}/feedback`, {
        method: "POST",
        body: { action, reason },
      });
    } catch (exc) {
      const message =
        exc.status === 401 ? `Not saved: ${exc.message}. Enter an API token above.` : exc.message;
      status(itemStatus, message, "error");
      return;
    }
    await load();
    const list = document.getElementById("alerts-status");
    status(list, `Alert ${action === "acknowledge" ? "acknowledged" : "dismissed"}.`, "ok");
  }

  function item(alert) {
    const itemStatus = el("div", { class: "status", role: "status", hidden: true });
    const reasonId = `reason-${alert.alert_id}`;
    const reason = el("input", { id: reasonId, type: "text", maxlength: 500, placeholder: "why" });
    const node = el(
      "li",
      { class: `alert severity-${alert.severity}`, "data-alert-id": alert.alert_id, "data-status": alert.status },
      el(
        "div",
        { class: "alert-head" },
        el("span", { class: `badge ${alert.severity}` }, alert.severity),
        " ",
        el("strong", {}, alert.kind.replace(/_/g, " ")),
        " · ",
        el("span", {}, regionName(alert)),
      ),
      el("div", { class: "alert-message" }, alert.message),
      el(
        "div",
        { class: "muted" },
        `${alert.period_start} to ${alert.period_end} · score ${fmt(alert.score, 2)} · ${alert.status}`,
      ),
    );
    const show = el("button", { type: "button", class: "link" }, "Show region");
    show.addEventListener("click", () =>
      SFPanel.open(alert.region_id, regionName(alert), { focus: true }),
    );
    node.append(el("div", {}, show));
    if (alert.status === "open") {
      const ack = el("button", { type: "button", class: "ack" }, "Acknowledge");
      const dismiss = el("button", { type: "button", class: "dismiss" }, "Dismiss");
      ack.addEventListener("click", () => act(alert, "acknowledge", reason, itemStatus));
      dismiss.addEventListener("click", () => act(alert, "dismiss", reason, itemStatus));
      node.append(
        el("div", { class: "alert-actions" }, el("label", { for: reasonId }, "Reason "), reason, ack, dismiss),
      );
    }
    node.append(itemStatus);
    return node;
  }

  async function load() {
    const list = clear(document.getElementById("alerts-list"));
    const statusNode = document.getElementById("alerts-status");
    const wanted = document.getElementById("alert-status").value;
    let payload;
    try {
      payload = await api(`/api/alerts?limit=50${wanted ? "&status=" + wanted : ""}`);
    } catch (exc) {
      status(statusNode, exc.status === 404 ? "Alerts are not available on this server." : exc.message, "warn");
      return;
    }
    status(statusNode, payload.items.length ? "" : "No alerts.");
    for (const alert of payload.items) list.append(item(alert));
    document.getElementById("alerts-list").setAttribute("data-loaded", "true");
  }

  function init(options) {
    names = options.names || {};
    document.getElementById("alert-status").addEventListener("change", load);
    load();
  }

  return { init, load };
})();
