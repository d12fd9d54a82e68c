"""Situation reports: a monthly brief, as HTML and PDF, computed from the store as of a month.

>>> brief = compute_brief(store, BriefRequest(as_of="2019-12", level="adm2"))
>>> render(brief, "brief.pdf")

- `compute`: every number of the brief, from store queries as of the month
- `text`: the templated sentences (singular/plural, "no events")
- `charts`: the forecast map, sparklines and the monthly chart (matplotlib, Agg)
- `render`: the HTML page with its images inline, and the PDF (WeasyPrint)
"""

from __future__ import annotations

from .compute import Brief, BriefRequest, compute_brief
from .render import brief_html, render

__all__ = ["Brief", "BriefRequest", "brief_html", "compute_brief", "render"]
