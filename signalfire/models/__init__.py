"""Forecasting models, by the name the CLI uses."""

from __future__ import annotations

from .base import QUANTILE_COLUMNS, QUANTILES, Forecast, ForecastModel
from .naive import ConflictologyModel, HistoricalPoissonModel, LastValueModel, ZeroModel

MODELS: dict[str, type[ForecastModel]] = {
    cls.name: cls for cls in (ZeroModel, LastValueModel, ConflictologyModel, HistoricalPoissonModel)
}
NAIVE_MODELS = ("zero", "last", "conflictology", "poisson")


def get_model(name: str, **params: object) -> ForecastModel:
    from ..errors import ConfigError

    try:
        cls = MODELS[name]
    except KeyError:
        raise ConfigError("model", name, f"one of {', '.join(sorted(MODELS))}") from None
    return cls(**params)  # type: ignore[arg-type]


__all__ = [
    "MODELS",
    "NAIVE_MODELS",
    "QUANTILES",
    "QUANTILE_COLUMNS",
    "ConflictologyModel",
    "Forecast",
    "ForecastModel",
    "HistoricalPoissonModel",
    "LastValueModel",
    "ZeroModel",
    "get_model",
]
