"""Forecasting models, by the name the CLI uses."""

from __future__ import annotations

from .base import QUANTILE_COLUMNS, QUANTILES, Forecast, ForecastModel
from .ensemble import EnsembleModel, RecentHistoryModel
from .gbm import LGBMModel
from .hawkes import HawkesModel
from .naive import ConflictologyModel, HistoricalPoissonModel, LastValueModel, ZeroModel
from .negbin import NegBinModel

MODELS: dict[str, type[ForecastModel]] = {
    cls.name: cls
    for cls in (
        ZeroModel,
        LastValueModel,
        ConflictologyModel,
        HistoricalPoissonModel,
        RecentHistoryModel,
        NegBinModel,
        LGBMModel,
        HawkesModel,
        EnsembleModel,
    )
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
    "EnsembleModel",
    "Forecast",
    "ForecastModel",
    "HawkesModel",
    "HistoricalPoissonModel",
    "LGBMModel",
    "LastValueModel",
    "NegBinModel",
    "RecentHistoryModel",
    "ZeroModel",
    "get_model",
]
