"""Naive baselines: the bar every real model must clear."""

from __future__ import annotations

import numpy as np

from ..panel import Panel
from .base import ForecastModel


class ZeroModel(ForecastModel):
    """Nothing happens."""

    name = "zero"

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return np.zeros((horizon, len(self.panel_.region_ids), draws))


class LastValueModel(ForecastModel):
    """Every future period repeats the last one, with certainty."""

    name = "last"

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        last = self.panel_.values.to_numpy()[-1]
        return np.broadcast_to(last[None, :, None], (horizon, len(last), draws)).copy()


class ConflictologyModel(ForecastModel):
    """Each future period is a random one of the region's last `window` periods."""

    name = "conflictology"

    def __init__(self, *, window: int = 12, seed: int = 0) -> None:
        super().__init__(seed=seed)
        self.window = window

    def _fit(self, panel: Panel) -> None:
        self.recent_ = panel.values.to_numpy()[-self.window :]

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        recent = self.recent_
        picks = rng.integers(0, len(recent), size=(horizon, recent.shape[1], draws))
        return recent[picks, np.arange(recent.shape[1])[None, :, None]]


class HistoricalPoissonModel(ForecastModel):
    """Poisson with the region's mean over its last `window` periods (all history if None)."""

    name = "poisson"

    def __init__(self, *, window: int | None = None, seed: int = 0) -> None:
        super().__init__(seed=seed)
        self.window = window

    def _fit(self, panel: Panel) -> None:
        values = panel.values.to_numpy()
        if self.window:
            values = values[-self.window :]
        self.rate_ = values.mean(axis=0)

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return rng.poisson(self.rate_[None, :, None], size=(horizon, len(self.rate_), draws))
