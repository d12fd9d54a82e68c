"""The contract every forecasting model meets, and the forecast it returns.

A model's `__init__` only stores parameters; `fit(panel)` learns from the panel it is given (the
caller truncates it at the forecast origin) and returns self; learned state ends in `_`.
`predict(horizon, draws)` returns a `Forecast`: draws for each of the `horizon` periods after
the panel's last one, for every region.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Self

import numpy as np
import pandas as pd

from ..panel import Panel, period_label

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
QUANTILE_COLUMNS = tuple(f"q{round(q * 100):02d}" for q in QUANTILES)


@dataclass(frozen=True)
class Forecast:
    """Predictive draws, shape (horizon, regions, draws), for the periods after the origin."""

    model: str
    region_ids: tuple[str, ...]
    periods: tuple[pd.Period, ...]
    draws: np.ndarray
    period_column: str = "month"

    def __post_init__(self) -> None:
        expected = (len(self.periods), len(self.region_ids))
        if self.draws.ndim != 3 or self.draws.shape[:2] != expected:
            raise ValueError(
                f"draws must have shape (periods, regions, draws) = {expected} + (n,), "
                f"got {self.draws.shape}"
            )
        if np.isnan(self.draws).any() or (self.draws < 0).any():
            raise ValueError(f"{self.model}: draws must be non-negative numbers")

    @property
    def labels(self) -> list[str]:
        return [period_label(p) for p in self.periods]

    def frame(self) -> pd.DataFrame:
        """Long table: region_id, month (or week), draw, value."""
        horizon, regions, draws = self.draws.shape
        return pd.DataFrame(
            {
                "region_id": np.tile(
                    np.repeat(np.asarray(self.region_ids, dtype=object), draws), horizon
                ),
                self.period_column: np.repeat(
                    np.asarray(self.labels, dtype=object), regions * draws
                ),
                "draw": np.tile(np.arange(draws), horizon * regions),
                "value": self.draws.reshape(-1),
            }
        )

    def summary(self) -> pd.DataFrame:
        """region_id, month, mean, p_any, q05, q25, q50, q75, q95."""
        horizon, regions, _ = self.draws.shape
        # Counts: quantiles that are values a region can actually take.
        quantiles = np.quantile(self.draws, QUANTILES, axis=2, method="inverted_cdf")
        frame = pd.DataFrame(
            {
                "region_id": np.tile(np.asarray(self.region_ids, dtype=object), horizon),
                self.period_column: np.repeat(np.asarray(self.labels, dtype=object), regions),
                "mean": self.draws.mean(axis=2).reshape(-1),
                "p_any": (self.draws >= 1).mean(axis=2).reshape(-1),
            }
        )
        for column, values in zip(QUANTILE_COLUMNS, quantiles, strict=True):
            frame[column] = values.reshape(-1)
        return frame


class ForecastModel(ABC):
    """Base of every model: parameters in, fit on a panel, predictive draws out."""

    name: ClassVar[str]

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    def get_params(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.endswith("_")}

    def fit(self, panel: Panel) -> Self:
        if len(panel.values) == 0:
            raise ValueError(f"{self.name}: cannot fit on an empty panel")
        self.panel_ = panel
        self._fit(panel)
        return self

    def _fit(self, panel: Panel) -> None:  # noqa: B027 - models without learned state skip it
        """Learn from `panel`; store state in attributes ending in `_`."""

    def predict(self, horizon: int, draws: int = 1000) -> Forecast:
        if not hasattr(self, "panel_"):
            raise RuntimeError(f"{self.name}: call fit(panel) before predict")
        if horizon < 1 or draws < 1:
            raise ValueError(f"horizon and draws must be >= 1, got {horizon} and {draws}")
        rng = np.random.default_rng(self.seed)
        samples = np.asarray(self._sample(horizon, draws, rng), dtype="float64")
        last = self.panel_.last_period
        return Forecast(
            self.name,
            tuple(self.panel_.region_ids),
            tuple(last + k for k in range(1, horizon + 1)),
            samples,
            self.panel_.spec.period_column,
        )

    @abstractmethod
    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        """Draws of shape (horizon, regions, draws)."""
