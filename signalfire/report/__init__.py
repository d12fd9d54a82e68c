"""Situation reports: a monthly brief, as HTML and PDF, computed from the store as of a month.

>>> brief = compute_brief(store, BriefRequest(as_of="2019-12", level="adm2"))
>>> render(brief, "brief.pdf")

- `compute`: every number of the brief, from store queries as of the month
- `text`: the templated sentences (singular/plural, "no events")
- `charts`: the forecast map, sparklines and the monthly chart (matplotlib, Agg)
- `document`: the HTML page with its images inline, and the PDF (WeasyPrint)
"""

from __future__ import annotations

from pathlib import Path

from .compute import Brief, BriefRequest, compute_brief


# Wrappers: matplotlib and WeasyPrint load only when a brief is drawn, not on `import signalfire`.
def brief_html(brief: Brief) -> str:
    """The brief as one self-contained HTML document."""
    from .document import brief_html as html

    return html(brief)


def render(brief: Brief, path: str | Path) -> Path:
    """Write the brief to `path`: HTML for .html/.htm, PDF for .pdf."""
    from .document import render as write

    return write(brief, path)


__all__ = ["Brief", "BriefRequest", "brief_html", "compute_brief", "render"]
