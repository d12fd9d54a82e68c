"""The brief as one self-contained HTML page (images as data URIs) and as a PDF of that page.

Every string from the store (region and actor names, headlines, publishers) is escaped here;
text.py returns plain text. The PDF is WeasyPrint's rendering of the same HTML, with the DejaVu
fonts matplotlib ships embedded (no system font needed), so it looks the same on any machine
with pango.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Any

import matplotlib

from ..errors import SignalfireError
from . import charts, compute
from . import text as t
from .compute import Brief, rows_of

KIND_LABEL = {
    "surge": "surge",
    "forecast_threshold": "forecast threshold",
    "new_actor": "new actor",
    "spillover": "spillover",
    "rule": "rule",
}
WEASYPRINT_HINT = (
    "PDF briefs need WeasyPrint and the pango library: `pip install weasyprint` and, on "
    "Debian/Ubuntu, `apt-get install libpango-1.0-0 libpangoft2-1.0-0` (or write --out "
    "brief.html)"
)

CSS = """
@page { size: A4; margin: 14mm 13mm 14mm 13mm;
  @bottom-left { content: "signalfire situation report"; font-size: 7pt; color: #777;
                 font-family: "Brief Sans", "DejaVu Sans", sans-serif; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 7pt;
                  color: #777; font-family: "Brief Sans", "DejaVu Sans", sans-serif; } }
body { font-family: "Brief Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 8.6pt;
  line-height: 1.35; color: #222; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 1mm 0; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm 0; border-bottom: 0.6pt solid #b2182b;
  padding-bottom: 0.6mm; break-after: avoid; }
h3 { font-size: 9pt; margin: 3mm 0 1mm 0; break-after: avoid; }
p { margin: 0 0 1.6mm 0; }
.sub { color: #555; margin-bottom: 3mm; }
.figures { display: flex; gap: 3mm; margin: 2mm 0 2mm 0; }
.figure { flex: 1; border: 0.6pt solid #ccc; border-radius: 2pt; padding: 1.6mm 2.2mm; }
.figure.now { border-color: #b2182b; }
.figure .label { font-size: 7pt; color: #555; text-transform: uppercase; letter-spacing: 0.3pt; }
.figure .big { font-size: 15pt; font-weight: bold; }
.figure .unit { font-size: 7.5pt; color: #555; }
img.chart { width: 100%; }
img.spark { height: 5.6mm; width: 27mm; vertical-align: middle; }
.id { white-space: nowrap; font-size: 7pt; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm 0; font-size: 7.8pt; }
th { text-align: left; font-weight: bold; border-bottom: 0.8pt solid #444; padding: 0.8mm 1.2mm;
  vertical-align: bottom; }
td { border-bottom: 0.4pt solid #ddd; padding: 0.6mm 1.2mm; vertical-align: middle; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.sev-high { color: #b2182b; font-weight: bold; }
.sev-medium { color: #d6604d; font-weight: bold; }
.sev-low { color: #777; }
.note { color: #555; font-size: 7.4pt; }
.event { margin: 0 0 2mm 0; break-inside: avoid; }
.event .what { font-weight: bold; }
.event ul { margin: 0.5mm 0 0 4mm; padding: 0; }
.event li { color: #444; font-size: 7.6pt; }
.methods { border: 0.6pt solid #999; background: #f6f6f6; padding: 2mm 3mm; margin-top: 3mm;
  font-size: 7.6pt; break-inside: avoid; }
.methods h2 { margin-top: 0; }
.methods ul { margin: 0.5mm 0 1.5mm 4mm; padding: 0; }
.page-break { break-before: page; }
.empty { color: #555; font-style: italic; }
code { font-family: "Brief Mono", "DejaVu Sans Mono", monospace; }
"""


def e(value: object) -> str:
    """Escaped text of a value from the store (None and NaN as empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def data_uri(image: bytes) -> str:
    kind = "svg+xml" if image.lstrip().startswith(b"<svg") else "png"
    return f"data:image/{kind};base64," + base64.b64encode(image).decode("ascii")


def _img(image: bytes, css: str, alt: str) -> str:
    return f'<img class="{css}" src="{data_uri(image)}" alt="{e(alt)}">'


def _mean(value: float) -> str:
    """Expected fatalities: always one decimal, so a column reads evenly."""
    return f"{float(value):,.1f}"


def _figure(title: str, figures: Any, now: bool = False) -> str:
    return (
        f'<div class="figure{" now" if now else ""}"><div class="label">{e(title)} · '
        f"{e(t.month_name(figures.month))}</div>"
        f'<span class="big">{e(t.number(figures.events))}</span> '
        f'<span class="unit">{"event" if figures.events == 1 else "events"}</span> &nbsp; '
        f'<span class="big">{e(t.number(figures.deaths))}</span> '
        f'<span class="unit">{"fatality" if figures.deaths == 1 else "fatalities"}</span></div>'
    )


def _table(header: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    """`header`: (title, numeric); cells are already-escaped HTML."""
    head = "".join(f'<th class="num">{e(h)}</th>' if n else f"<th>{e(h)}</th>" for h, n in header)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if n else f"<td>{c}</td>"
            for c, (_, n) in zip(row, header, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _interval(low: float, high: float) -> str:
    return f"{t.number(low)}–{t.number(high)}"


def _top_regions(brief: Brief) -> str:
    top = brief.top_regions
    word = brief.level_word
    if top.empty:
        return f'<p class="empty">No {e(t.plural(word))} to rank.</p>'
    first = str(top["month"].iloc[0])
    means = brief.forecast.pivot_table(index="month", columns="region_id", values="mean")
    rows = []
    districts = brief.request.level == "adm2"
    for r in rows_of(top):
        history = brief.history[r.region_id].tolist()
        ahead = means[r.region_id].tolist() if r.region_id in means else []
        spark = _img(charts.sparkline(history, ahead), "spark", f"{r.name}: monthly fatalities")
        row = [e(r.rank), e(r.name)]
        if districts:
            row.append(e(r.parent_name))
        row += [
            e(t.number(r.deaths_month)),
            e(t.number(r.deaths_12m)),
            spark,
            e(_mean(r.mean)),
            e(_interval(r.q05, r.q95)),
            e(f"{float(r.p_any):.0%}"),
            e(_mean(r.mean_horizon)),
        ]
        rows.append(row)
    n_months = brief.forecast["month"].nunique()
    header = [("#", True), (word.capitalize(), False)]
    if districts:
        header.append(("Province", False))
    header += [
        (f"Deaths {t.month_name(brief.request.as_of)[:3]}", True),
        ("12 months", True),
        ("Trend", False),
        (f"Expected {t.month_name(first)[:3]}", True),
        ("90% interval", True),
        ("P(any)", True),
        (f"Next {n_months} months", True),
    ]
    return _table(header, rows)


def _alerts(brief: Brief) -> str:
    alerts = brief.alerts
    by_kind = {
        KIND_LABEL.get(str(k), str(k)): int(n)
        for k, n in alerts["kind"].value_counts(sort=False).items()
    }
    out = [f"<p>{e(t.alerts_sentence(by_kind))}"]
    origin = "Computed by the alert detectors from data up to the month"
    origin += (
        "; ids, start months and analysts' status from the alerts stored in the store."
        if brief.alerts_origin == "stored"
        else " (none of them is stored yet)."
    )
    out.append(f' <span class="note">{e(origin)}</span></p>')
    if alerts.empty:
        return "".join(out)
    rows = []
    shown = alerts.head(12)
    for a in rows_of(shown):
        rows.append(
            [
                f'<span class="sev-{e(a.severity)}">{e(a.severity)}</span>',
                e(KIND_LABEL.get(a.kind, a.kind)),
                e(a.region_name),
                e(t.month_name(a.period_start))
                + ("<br>acknowledged" if a.status == "acknowledged" else ""),
                # The region's id adds nothing beside its name here.
                e(str(a.message).replace(f" ({a.region_id})", "")),
            ]
        )
    header = [("Severity", False), ("Kind", False), ("Where", False), ("Since", False)]
    header.append(("What the detector found", False))
    out.append(_table(header, rows))
    if len(alerts) > len(shown):
        out.append(
            f'<p class="note">{e(t.count(len(alerts) - len(shown), "more alert"))} not shown.</p>'
        )
    return "".join(out)


def _actors(brief: Brief) -> str:
    month = t.month_name(brief.request.as_of)
    out = ["<h3>Who was most active where, " + e(month) + "</h3>"]
    active = brief.most_active
    if active.empty:
        out.append(f'<p class="empty">No actor took part in an event in {e(month)}.</p>')
    else:
        rows = []
        for r in rows_of(active):
            where = ", ".join(e(p) for p in r.regions)
            extra = []
            if r.other_regions:
                extra.append(t.count(int(r.other_regions), t.plural("other").rstrip("s")))
            if r.unlocated:
                extra.append(f"{t.count(int(r.unlocated), 'event')} without a {brief.level_word}")
            if extra:
                where += (", " if where else "") + e("; ".join(extra))
            rows.append([e(r.actor), e(t.number(r.events)), e(t.number(r.deaths)), where])
        header = [("Actor", False), ("Events", True), ("Fatalities", True)]
        header.append((f"{brief.level_word.capitalize()}s (events)", False))
        out.append(_table(header, rows))

    window = f"the last {t.count(3, 'month')}"
    out.append(f"<h3>Groups in {e(t.plural(brief.level_word))} new to them ({e(window)})</h3>")
    new = brief.new_areas
    if new.empty:
        out.append(
            f'<p class="empty">No group was active in a {e(brief.level_word)} where it had '
            "no event in the year before.</p>"
        )
    else:
        rows = []
        for r in rows_of(new.head(10)):
            previous = (
                f"last seen there {t.month_name(r.previous)}"
                if isinstance(r.previous, str)
                else "first event there in the store"
            )
            rows.append(
                [
                    e(r.actor),
                    e(r.region_name),
                    e(r.first_date),
                    e(t.number(r.events)),
                    e(t.number(r.deaths)),
                    e(previous),
                    f'<span class="id">{e(r.event_id)}</span>',
                ]
            )
        header = [("Group", False), (brief.level_word.capitalize(), False), ("First", False)]
        header += [("Events", True), ("Fatalities", True), ("Before", False)]
        header.append(("Source event", False))
        out.append(_table(header, rows))

    out.append(f"<h3>Relations that changed ({e(window)} against the 12 months before)</h3>")
    changed = brief.relations_changed
    if changed.empty:
        out.append('<p class="empty">No pair of actors began or stopped fighting.</p>')
    else:
        rows = []
        for r in rows_of(changed.head(10)):
            what = "began" if r.change == "began" else "stopped"
            rows.append(
                [
                    e(r.side_a) + " – " + e(r.side_b),
                    e(what),
                    e(t.number(r.recent)),
                    e(t.number(r.before)),
                    e(r.last_date),
                    f'<span class="id">{e(r.event_id)}</span>',
                ]
            )
        header = [("Pair", False), ("Change", False), ("Events recent", True)]
        header += [("Events before", True), ("Last event", False), ("Source event", False)]
        out.append(_table(header, rows))
    return "".join(out)


def _notable(brief: Brief) -> str:
    month = t.month_name(brief.request.as_of)
    notable = brief.notable
    if notable.empty:
        return f'<p class="empty">No events in {e(month)}.</p>'
    out = []
    for r in rows_of(notable):
        toll = t.count(int(r.deaths), "fatality")
        if r.low is not None and r.high is not None and not (r.low == r.high == r.deaths):
            toll += f" (range {t.number(r.low)}–{t.number(r.high)})"
        actors = " – ".join(r.actors) if r.actors else "actors unknown"
        out.append(
            f'<div class="event"><span class="what">{e(r.date)} · {e(r.place)}</span> · '
            f"{e(actors)} · {e(toll)} "
            f'<span class="note">[{e(r.source)} {e(r.source_event_id)}]</span>'
        )
        if r.sources:
            items = []
            for s in r.sources[:3]:
                who = ", ".join(x for x in (s["publisher"], s["date"]) if x)
                if s.get("note"):
                    items.append(f"<li>source note: {e(s['title'])}</li>")
                    continue
                items.append(f"<li>{e(who)}{': ' if who else ''}“{e(s['title'].strip())}”</li>")
            if len(r.sources) > 3:
                items.append(f"<li>{e(t.count(len(r.sources) - 3, 'more report'))}</li>")
            out.append("<ul>" + "".join(items) + "</ul>")
        out.append("</div>")
    return "".join(out)


def _methods(brief: Brief) -> str:
    m = brief.methods
    word = brief.level_word
    out = ['<div class="methods"><h2>Methods, sources and gaps</h2><p><b>Data.</b></p><ul>']
    for s in m["sources"]:
        version = f" v{s['version']}" if s["version"] else ""
        out.append(
            f"<li>{e(s['file'])} ({e(s['format'])}{e(version)}, {e(t.number(s['rows']))} rows, "
            f"sha256 {e(s['sha256'])}, ingested {e(s['ingested'])}). {e(s['citation'])}</li>"
        )
    level_words = {"adm0": "country", "adm1": "province", "adm2": "district"}
    files = [
        f"{b['origin']} ({t.count(int(b['regions']), level_words.get(b['level'], 'region'))})"
        for b in m["boundaries"]
    ]
    out.append(
        f"<li>Boundaries as loaded: {e(t.join_names(files) or 'none')}. "
        f"{e(m['boundary_citation'])}</li></ul>"
    )
    fc = m["forecast"]
    out.append(
        f"<p><b>Forecast.</b> Model <i>{e(fc['model'])}</i>, {e(fc['origin'])}; "
        f"{e(t.number(fc['draws']))} predictive draws per {e(word)} and month of fatalities "
        f"(UCDP best estimate); ranks use the mean of the draws, intervals the 5th to 95th "
        f"percentiles.</p>"
    )
    bt = m["backtest"]
    if bt is None:
        out.append(
            f"<p><b>Skill.</b> No backtest at {e(word)} level whose scored months end by "
            f"{e(brief.request.as_of)} is stored: the forecast's skill is not measured here "
            "(run <code>signalfire backtest</code>).</p>"
        )
    elif not bt["model_scored"]:
        out.append(
            f"<p><b>Skill.</b> Backtest {e(bt['run_id'])} ({e(bt['start'])} to {e(bt['end'])}) "
            f"did not score <i>{e(fc['model'])}</i>; its best model was "
            f"<i>{e(bt['best_model'])}</i>.</p>"
        )
    else:
        skill = bt.get("skill")
        if skill is None:
            detail = "its skill against the best naive baseline is undefined"
        elif bt.get("baseline") == fc["model"]:
            detail = "it is itself the best naive baseline (skill 0 by definition)"
        else:
            low, high = bt.get("skill_lo"), bt.get("skill_hi")
            ci = f" (95% interval {low:+.1%} to {high:+.1%})" if low is not None else ""
            detail = f"CRPS skill {skill:+.1%} against {bt.get('baseline')}{ci}"
        crps = bt.get("crps")
        out.append(
            f"<p><b>Skill.</b> Backtest {e(bt['run_id'])}, origins {e(bt['start'])} to "
            f"{e(bt['end'])}, horizons 1–{e(bt['horizon'])}: mean CRPS "
            f"{e(f'{crps:.3f}' if crps is not None else 'n/a')}; {e(detail)}; best model "
            f"<i>{e(bt['best_model'])}</i>.</p>"
        )
    month = brief.request.as_of
    later = (
        f" The store holds {t.count(m['later_events'], 'later event')}, not used."
        if m["later_events"]
        else ""
    )
    out.append(
        f"<p><b>Freshness.</b> Latest event on or before the end of {e(t.month_name(month))}: "
        f"{e(m['latest_event'] or 'none')}. Data version {e(m['data_version'])}.{e(later)} "
        "Events count in the month their start date falls in.</p>"
    )
    gaps = [
        t.unlocated_sentence(m["unlocated_month"], m["unlocated_month_deaths"], word, month),
        f"{t.count(m['imprecise_month'], 'event').capitalize()} of the month "
        f"{'has' if m['imprecise_month'] == 1 else 'have'} coordinates of a province or "
        "country centre only.",
        f"Up to the month, {t.number(m['unlocated_total'])} of {t.number(m['events_total'])} "
        f"events in the store have no known {word}.",
    ]
    if m["spanning_month"]:
        gaps.append(
            f"{t.count(m['spanning_month'], 'event').capitalize()} of the month "
            f"{'runs' if m['spanning_month'] == 1 else 'run'} into the next month."
        )
    out.append(f"<p><b>Known gaps.</b> {e(' '.join(gaps))}</p>")
    out.append(
        "<p><b>Reading this brief.</b> Counts are of events recorded in the store, not of all "
        "violence: coverage depends on the sources' reporting. Alerts and forecasts are "
        "statistical signals for an analyst to check, not predictions of specific attacks.</p>"
    )
    out.append("</div>")
    return "".join(out)


def _missing_countries(brief: Brief) -> str:
    out = []
    months = brief.country_months
    for iso3 in brief.countries_without_events:
        rows = months[months["iso3"] == iso3]
        series = [(str(m), f) for m, f in zip(rows["month"], rows["fatalities"], strict=True)]
        name = compute.country_name(iso3)
        out.append(f"<p>{e(t.missing_country_sentence(name, brief.request.as_of, series))}</p>")
    return "".join(out)


def brief_html(brief: Brief, *, font_faces: str = "") -> str:
    """The whole brief as one HTML document with its images inline."""
    req = brief.request
    month = t.month_name(req.as_of)
    word = brief.level_word
    this, prev, ago = brief.this_month, brief.last_month, brief.year_ago
    headline = t.headline(
        brief.place,
        req.as_of,
        this.events,
        this.deaths,
        (prev.month, prev.events, prev.deaths),
        (ago.month, ago.events, ago.deaths),
    )
    changes = [
        t.change_sentence("event", this.events, prev.events, ago.events, (prev.month, ago.month)),
        t.change_sentence(
            "fatality", this.deaths, prev.deaths, ago.deaths, (prev.month, ago.month)
        ),
    ]
    top = brief.top_regions
    labels = [(int(r), str(i)) for r, i in zip(top["rank"], top["region_id"], strict=True)]
    first = brief.forecast[brief.forecast["month"] == brief.forecast["month"].min()]
    best = first.sort_values(["mean", "region_id"], ascending=[False, True]).head(3)
    fc_sentence = t.forecast_sentence(
        word,
        [(str(n), float(v)) for n, v in zip(best["name"], best["mean"], strict=True)],
        str(first["month"].iloc[0]) if len(first) else req.as_of,
        str(brief.forecast_info["model"]),
    )
    map_png = charts.forecast_map(brief.geometries, brief.forecast, req.level, labels)
    monthly_png = charts.monthly_chart(brief.monthly)
    title = f"Situation report: {brief.place}, {month}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        f"<style>{font_faces}{CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="sub">As of the end of {e(month)} · {e(t.plural(word))} · '
        f"every figure computed from the signalfire store (data version "
        f"{e(brief.methods['data_version'])})</p>",
        '<div class="figures">',
        _figure("This month", this, now=True),
        _figure("Previous month", prev),
        _figure("A year earlier", ago),
        "</div>",
        f"<p>{e(headline)}</p>",
        "".join(f"<p>{e(s)}</p>" for s in changes),
        _missing_countries(brief),
        _img(monthly_png, "chart", "fatalities and events per month, last 36 months"),
        f'<p class="note">Fatalities (bars, {e(month)} in red) and events (line) per month in '
        f"{e(brief.place)}, last 36 months.</p>",
        f"<h2>Forecast: expected fatalities per {e(word)}</h2>",
        f"<p>{e(fc_sentence)}</p>",
        _img(map_png, "chart", f"forecast map by {word}"),
        f'<p class="note">Numbers on the first map are the ranks in the table below. Grey: no '
        f"forecast. {e(t.plural(word).capitalize())} drawn from the store's boundaries.</p>",
        f'<h2 class="page-break">The {e(t.number(len(top)))} highest-risk {e(t.plural(word))}</h2>',
        f'<p class="note">Ranked by expected fatalities (mean of the forecast draws) in the '
        f"first forecast month. Deaths: best-estimate fatalities in {e(month)} and in the 12 "
        f"months to it. Trend: fatalities per month over {len(brief.history)} months "
        f"({e(month)} dark), then the forecast means (red dots), each row on its own scale. "
        "P(any): probability of at least one fatality in the first forecast month.</p>",
        _top_regions(brief),
        "<h2>Active alerts</h2>",
        _alerts(brief),
        "<h2>Actor activity</h2>",
        _actors(brief),
        f"<h2>Notable events, {e(month)}</h2>",
        '<p class="note">The deadliest events of the month, with the reports they were coded '
        "from.</p>",
        _notable(brief),
        _methods(brief),
        "</body></html>",
    ]
    return "\n".join(parts)


def font_faces() -> str:
    """@font-face rules for the DejaVu fonts matplotlib ships: the PDF embeds these."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    rules = []
    for family, weight, style, name in (
        ("Brief Sans", "normal", "normal", "DejaVuSans.ttf"),
        ("Brief Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
        ("Brief Sans", "normal", "italic", "DejaVuSans-Oblique.ttf"),
        ("Brief Sans", "bold", "italic", "DejaVuSans-BoldOblique.ttf"),
        ("Brief Mono", "normal", "normal", "DejaVuSansMono.ttf"),
    ):
        path = folder / name
        if path.is_file():
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules) + "\n"


def write_pdf(document: str, path: str | Path) -> None:
    """WeasyPrint's rendering of the brief's HTML (fonts embedded) to `path`."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import weasyprint
    except (ImportError, OSError) as exc:
        raise SignalfireError(f"cannot write {path}: {WEASYPRINT_HINT} ({exc})") from None
    weasyprint.HTML(string=document, base_url=str(Path.cwd())).write_pdf(str(path))


def render(brief: Brief, path: str | Path) -> Path:
    """Write the brief to `path`: HTML for .html/.htm, PDF for .pdf."""
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix in (".html", ".htm"):
        out.write_text(brief_html(brief), encoding="utf-8")
    elif suffix == ".pdf":
        write_pdf(brief_html(brief, font_faces=font_faces()), out)
    else:
        from ..errors import ConfigError

        raise ConfigError("out", str(path), "a file name ending in .html or .pdf")
    return out
