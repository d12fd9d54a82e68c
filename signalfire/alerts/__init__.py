"""Early-warning alerts: detectors over the store as of a month, stored alerts, feedback,
delivery (webhook, Atom feed) and a month-by-month replay that scores them.

>>> alerts = compute_alerts(store, "2013-06")
>>> save_alerts(store, alerts, as_of="2013-06")
>>> list_alerts(store, as_of="2013-06")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..store import Store
from . import detectors as det
from .delivery import atom_feed, deliver_webhook
from .detectors import NewActorConfig, SpilloverConfig, SurgeConfig, ThresholdConfig
from .history import AlertData, load
from .records import Alert, merge
from .records import frame as alerts_frame
from .rules import Rule, delete_rule, load_rules, rule_alerts, save_rule, stored_rules
from .store import acknowledge, alert_feedback, as_stored, list_alerts, save_alerts

if TYPE_CHECKING:
    from ..models import Forecast

DETECTORS = ("surge", "forecast_threshold", "new_actor", "spillover")
Config = SurgeConfig | ThresholdConfig | NewActorConfig | SpilloverConfig
_CONFIG_NAMES: dict[type, str] = {
    SurgeConfig: "surge",
    ThresholdConfig: "forecast_threshold",
    NewActorConfig: "new_actor",
    SpilloverConfig: "spillover",
}
_DEFAULTS: dict[str, Config] = {
    "surge": SurgeConfig(),
    "forecast_threshold": ThresholdConfig(),
    "new_actor": NewActorConfig(),
    "spillover": SpilloverConfig(),
}
_FORECAST_LEVEL = {"adm0": "country", "adm1": "adm1", "adm2": "adm2"}


def detector_configs(detectors: Iterable[str | Config] | None) -> dict[str, Config]:
    """Detector names or config objects -> {name: config}; None means every detector."""
    if detectors is None:
        return dict(_DEFAULTS)
    chosen: dict[str, Config] = {}
    for item in detectors:
        if isinstance(item, str):
            if item not in _DEFAULTS:
                raise ValueError(f"detector must be one of {DETECTORS}, got {item!r}")
            chosen[item] = _DEFAULTS[item]
        else:
            chosen[_CONFIG_NAMES[type(item)]] = item
    return chosen


def saved_forecast(store: Store, as_of: str, level: str) -> tuple[Forecast, int] | None:
    """The latest stored fatality forecast run made as of `as_of` at `level`, with draws."""
    from ..forecasting import forecast_runs, load_forecast

    runs = forecast_runs(store)
    runs = runs[
        runs["as_of"].eq(as_of)
        & runs["level"].eq(_FORECAST_LEVEL[level])
        & runs["target"].eq("fatalities")
        & runs["freq"].eq("month")
    ]
    if runs.empty:
        return None
    run_id, model = int(runs["run_id"].iloc[-1]), str(runs["model"].iloc[-1])
    values = load_forecast(store, run_id, draws=True)[["region_id", "period", "draws"]]
    periods = sorted(set(values["period"]))
    regions = sorted(set(values["region_id"]))
    n_draws = len(values["draws"].iloc[0])
    cube = np.zeros((len(periods), len(regions), n_draws))
    p_at = {p: i for i, p in enumerate(periods)}
    r_at = {r: i for i, r in enumerate(regions)}
    for region, period, draws in values.itertuples(index=False, name=None):
        cube[p_at[period], r_at[region]] = np.asarray(draws, dtype=float)
    from ..models import Forecast

    forecast = Forecast(model, tuple(regions), tuple(pd.Period(p, freq="M") for p in periods), cube)
    return forecast, run_id


def _forecast(
    store: Store, data: AlertData, cfg: ThresholdConfig
) -> tuple[Forecast, int | None] | None:
    as_of = f"{data.as_of.year:04d}-{data.as_of.month:02d}"
    found = saved_forecast(store, as_of, data.level)
    if found is not None:
        return found
    if data.fatalities.empty or data.fatalities.shape[1] == 0:
        return None
    # Imported here: the models pull in LightGBM and statsmodels, which `import signalfire`
    # should not pay for.
    from ..forecasting import ForecastRequest, make_forecast

    request = ForecastRequest(
        level=_FORECAST_LEVEL[data.level],
        target="fatalities",
        as_of=as_of,
        horizon=cfg.horizon,
        draws=cfg.draws,
        model=cfg.model,
    )
    return make_forecast(store, request), None


def run_detectors(
    data: AlertData,
    configs: dict[str, Config],
    *,
    forecast: tuple[Forecast, int | None] | None = None,
    rules: Sequence[Rule] = (),
) -> list[Alert]:
    """Every configured detector on `data`; the forecast is needed for forecast_threshold."""
    found: list[Alert] = []
    for name, cfg in configs.items():
        if name == "surge":
            assert isinstance(cfg, SurgeConfig)
            found += det.surge(data, cfg)
        elif name == "forecast_threshold" and forecast is not None:
            assert isinstance(cfg, ThresholdConfig)
            found += det.forecast_threshold(data, forecast[0], cfg, run_id=forecast[1])
        elif name == "new_actor":
            assert isinstance(cfg, NewActorConfig)
            found += det.new_actor(data, cfg)
        elif name == "spillover":
            assert isinstance(cfg, SpilloverConfig)
            found += det.spillover(data, cfg)
    for rule in rules:
        found += rule_alerts(data, rule)
    return found


def compute_alerts(
    store: Store,
    as_of: str,
    *,
    level: str = "adm2",
    detectors: Iterable[str | Config] | None = None,
    rules: Sequence[Rule] | str | Path | None = None,
    forecast: Forecast | None = None,
) -> list[Alert]:
    """The alerts open at the end of `as_of`, from the store's data up to that month only.

    `detectors`: names or config objects (default: all). `rules`: Rule objects or a TOML file;
    None means the rules kept in the store (`save_rule`, or the API's /api/alert-rules).
    Forecast-threshold alerts read `forecast` if given, else a stored forecast run made as of
    `as_of` at this level, else a new forecast (ThresholdConfig.model) fitted up to `as_of`.
    """
    data = load(store, as_of, level)
    configs = detector_configs(detectors)
    if rules is None:
        rule_list = stored_rules(store)
    elif isinstance(rules, str | Path):
        rule_list = load_rules(rules)
    else:
        rule_list = list(rules)
    fc: tuple[Forecast, int | None] | None = None
    if "forecast_threshold" in configs:
        cfg = configs["forecast_threshold"]
        assert isinstance(cfg, ThresholdConfig)
        fc = (forecast, None) if forecast is not None else _forecast(store, data, cfg)
    found = run_detectors(data, configs, forecast=fc, rules=rule_list)
    return merge([], found)


__all__ = [
    "DETECTORS",
    "Alert",
    "AlertData",
    "NewActorConfig",
    "Rule",
    "SpilloverConfig",
    "SurgeConfig",
    "ThresholdConfig",
    "acknowledge",
    "alert_feedback",
    "alerts_frame",
    "as_stored",
    "atom_feed",
    "compute_alerts",
    "delete_rule",
    "deliver_webhook",
    "detector_configs",
    "list_alerts",
    "load",
    "load_rules",
    "rule_alerts",
    "save_alerts",
    "save_rule",
    "saved_forecast",
    "stored_rules",
]
