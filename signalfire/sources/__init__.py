"""Source formats signalfire reads, by the name the CLI uses."""

from __future__ import annotations

from .acled import AcledAdapter
from .base import Adapter
from .gtd import GtdAdapter
from .ucdp import CountryMonthAdapter, GedAdapter

ADAPTERS: dict[str, type[Adapter]] = {
    cls.name: cls for cls in (GedAdapter, CountryMonthAdapter, AcledAdapter, GtdAdapter)
}


def register(cls: type[Adapter]) -> type[Adapter]:
    ADAPTERS[cls.name] = cls
    return cls


def get_adapter(name: str) -> Adapter:
    from ..errors import ConfigError

    try:
        return ADAPTERS[name]()
    except KeyError:
        raise ConfigError("format", name, f"one of {', '.join(sorted(ADAPTERS))}") from None
