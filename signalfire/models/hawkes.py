"""A self-exciting point-process model: pooled Hawkes process on event days, simulated forward.

Every region has its own background rate; every event raises the intensity of its own region
(on average `alpha` direct offspring) and of each neighbouring region (`gamma`), decaying
exponentially at the rate `beta` per day. Parameters are fitted by maximum likelihood on the
events of the last `window` periods (`signalfire.selfexcite.fit_hawkes`); forecasts simulate the
process day by day from the excitation left by past events, for every draw.

For a fatalities panel each simulated event carries a number of deaths drawn from the region's
own recent events (deaths per event over the last `mark_window` periods), shrunk towards the
pooled distribution of all regions when the region has few events (`mark_prior` pseudo-events).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..features import excitation_state
from ..panel import Panel
from ..panel_arrays import event_days, neighbour_index, period_bounds
from ..selfexcite import HAWKES_MU_FLOOR, HawkesParams, adjacency, fit_hawkes_cached
from .base import ForecastModel

MAX_EVENTS_PER_DAY = 1000.0  # guards simulations of a near-critical fit against blow-ups


class HawkesModel(ForecastModel):
    """Pooled exponential-kernel Hawkes process with neighbour excitation, simulated forward."""

    name = "hawkes"

    def __init__(
        self,
        *,
        window: int = 24,
        neighbours: bool = True,
        mark_window: int = 36,
        mark_prior: float = 10.0,
        seed: int = 0,
    ) -> None:
        super().__init__(seed=seed)
        self.window = window
        self.neighbours = neighbours
        self.mark_window = mark_window
        self.mark_prior = mark_prior

    # -- fitting ---------------------------------------------------------------------------

    def _fit(self, panel: Panel) -> None:
        self.fit_until(panel, len(panel.values) - 1)

    def fit_until(self, panel: Panel, end: int) -> None:
        """Fit on the events of periods up to index `end` of `panel` (and nothing later)."""
        n_r = len(panel.region_ids)
        times, regs = event_days(panel)
        first, after = period_bounds(panel.periods)
        stop = after[end]
        keep = times < stop
        times, regs = times[keep], regs[keep]
        self.times_, self.regions_ = times, regs
        nbrs = neighbour_index(panel) if self.neighbours else None
        self.adjacency_ = adjacency(n_r, nbrs)
        start = first[max(end - self.window + 1, 0)]
        self.params_: HawkesParams = fit_hawkes_cached(times, regs, n_r, start, stop, nbrs)
        self.marks_ = self._marks(panel, end)
        self.end_ = end

    def _marks(self, panel: Panel, end: int) -> list[np.ndarray] | None:
        """Per region, the deaths of its recent events (None for an events panel)."""
        if panel.spec.target != "fatalities":
            return None
        ev = panel.events
        periods = panel.periods
        lo = periods[max(end - self.mark_window + 1, 0)]
        hi = periods[end]
        recent = ev[(ev["period"] >= lo) & (ev["period"] <= hi)]
        if recent.empty:
            recent = ev[ev["period"] <= hi]
        deaths = recent["deaths"].to_numpy(float)
        codes = pd.Index(panel.region_ids).get_indexer(pd.Index(recent["region_id"]))
        pooled = deaths if len(deaths) else np.zeros(1)
        return [deaths[codes == r] for r in range(len(panel.region_ids))] + [pooled]

    # -- simulation ------------------------------------------------------------------------

    def simulate_from(
        self,
        at: float,
        days: np.ndarray,
        draws: int,
        rng: np.random.Generator,
    ) -> np.ndarray:
        """Counts of events (or deaths) per period for periods of `days` days after time `at`.

        The excitation at `at` comes from the events before it; shape (periods, regions, draws).
        """
        p = self.params_
        n_r = len(p.mu)
        past = self.times_ < at
        state0 = excitation_state(
            self.times_[past], self.regions_[past], n_r, np.array([at]), p.beta
        )[0]
        decay = float(np.exp(-p.beta))
        gain = 1.0 - decay
        adj = sparse.csr_matrix(self.adjacency_)
        days = np.asarray(days, int)
        # Regions with a background rate at the floor and no excitation left are simulated as
        # plain Poisson counts; the others (and their neighbours) day by day.
        active = (p.mu > 10 * HAWKES_MU_FLOOR) | (state0 > 1e-9)
        if p.gamma > 0 and adj.nnz:
            active |= np.asarray(adj @ active.astype(float)).ravel() > 0
        out = rng.poisson(np.outer(days, p.mu)[:, :, None] * np.ones((1, 1, draws))).astype(float)
        idx = np.flatnonzero(active)
        if len(idx):
            sub = adj[idx][:, idx]
            state = np.repeat(state0[idx, None], draws, axis=1)
            mu = p.mu[idx, None]
            for k, n_days in enumerate(days):
                total = np.zeros((len(idx), draws))
                for _ in range(n_days):
                    excite = p.alpha * state
                    if p.gamma > 0 and sub.nnz:
                        excite = excite + p.gamma * (sub @ state)
                    lam = np.minimum(mu + gain * excite, MAX_EVENTS_PER_DAY)
                    n = rng.poisson(lam).astype(float)
                    total += n
                    state = decay * (state + n)
                out[k, idx] = total
        if self.marks_ is not None:
            out = self._deaths(out, rng)
        return out

    def _deaths(self, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Replace event counts by the sum of as many deaths-per-event draws, per region."""
        assert self.marks_ is not None
        pooled = self.marks_[-1]
        out = np.zeros_like(counts)
        for r in range(counts.shape[1]):
            n = counts[:, r, :].astype(np.int64).reshape(-1)
            total = int(n.sum())
            if total == 0:
                continue
            own = self.marks_[r]
            use_own = rng.uniform(size=total) < len(own) / (len(own) + self.mark_prior)
            picks = pooled[rng.integers(0, len(pooled), total)]
            if len(own):
                picks = np.where(use_own, own[rng.integers(0, len(own), total)], picks)
            cell = np.repeat(np.arange(len(n)), n)
            out[:, r, :] = np.bincount(cell, picks, minlength=len(n)).reshape(out[:, r, :].shape)
        return out

    def _future_days(self, horizon: int, end: int) -> np.ndarray:
        periods = self.panel_.periods
        future = pd.period_range(periods[end] + 1, periods=horizon, freq=periods.freq)
        first, after = period_bounds(future)
        return after - first

    def draws_at(
        self, panel: Panel, t: int, horizon: int, draws: int, rng: np.random.Generator
    ) -> np.ndarray:
        """Draws for the `horizon` periods after period index t of `panel` (t >= the fit end)."""
        _, after = period_bounds(panel.periods[t : t + 1])
        future = pd.period_range(panel.periods[t] + 1, periods=horizon, freq=panel.periods.freq)
        first_f, after_f = period_bounds(future)
        saved = (self.times_, self.regions_)
        times, regs = event_days(panel)
        keep = times < after[0]
        self.times_, self.regions_ = times[keep], regs[keep]
        try:
            return self.simulate_from(after[0], after_f - first_f, draws, rng)
        finally:
            self.times_, self.regions_ = saved

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        _, after = period_bounds(self.panel_.periods[self.end_ : self.end_ + 1])
        return self.simulate_from(after[0], self._future_days(horizon, self.end_), draws, rng)

    def backcast(
        self,
        panel: Panel,
        fit_end: int,
        origins: list[int],
        end: int,
        horizon: int,
        draws: int,
        rng: np.random.Generator,
    ) -> list[np.ndarray]:
        """Fit on periods up to index `fit_end`; simulate from each later origin's events."""
        self.panel_ = panel.until(panel.periods[fit_end])
        self.fit_until(panel, fit_end)
        return [self.draws_at(panel, t, min(horizon, end - t), draws, rng) for t in origins]
