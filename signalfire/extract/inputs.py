"""Documents from files, folders and feeds: plain text, HTML, JSONL, RSS and Atom.

.txt                    one document, id = file name without extension
.html / .htm            one document; boilerplate (scripts, navigation, headers, footers,
                        asides, forms) removed, <article> or <main> preferred over <body>;
                        published from meta tags, <time>, JSON-LD or a "Published ..." byline
.jsonl                  one document per line: {"id", "text", "published" (YYYY-MM-DD,
                        optional), "title" (optional), "url" (optional)}
.xml / .rss / .atom     RSS 2.0 items or Atom entries (title + description/content)
folder                  every such file inside, recursively, in name order
http(s):// URL          a feed or page fetched through the network seam (`fetch.Transport`)

A record or file that cannot be read raises its `InputError`, unless the caller passes
`on_error`: then a bad JSONL line, or a bad file inside a folder, goes to `on_error(error, raw)`
with its raw text and reading goes on, so the caller can keep what was read and report or
quarantine the rest. A single file that cannot be read at all still raises.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..errors import EmptyFileError, FormatError, InputError, SchemaError
from ..fetch import HttpTransport, Transport
from .model import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

OnError = Callable[[InputError, str], None]
"""Told of each record or file that could not be read: the error and the raw text."""


def read_documents(
    source: str | Path,
    transport: Transport | None = None,
    published: dt.date | None = None,
    on_error: OnError | None = None,
) -> Iterator[Document]:
    """Every document in a file, folder or URL. `published` is the default publication date of
    documents that carry none (a dateline in the text is used before it). With `on_error`, bad
    records (and bad files in a folder) are passed to it instead of ending the read."""
    text_source = str(source)
    if re.match(r"^https?://", text_source):
        yield from _read_url(text_source, transport or HttpTransport())
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(path, f"no readable documents inside (expected {sorted(SUFFIXES)})")
        for f in files:
            if on_error is None:
                yield from read_file(f, published)
                continue
            try:
                yield from read_file(f, published, on_error)
            except InputError as e:  # the file as a whole: its raw text is the file itself
                on_error(e, "")
        return
    if not path.exists():
        raise InputError(path, "no such file or folder")
    yield from read_file(path, published, on_error)


def read_file(
    path: Path, published: dt.date | None = None, on_error: OnError | None = None
) -> Iterator[Document]:
    raw = path.read_bytes()
    if not raw.strip():
        raise EmptyFileError(path)
    text = _decode(raw, path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, path, published, on_error)
    elif suffix in FEED_SUFFIXES or _looks_like_feed(text):
        yield from _read_feed(text, path, published)
    elif suffix in HTML_SUFFIXES or re.match(r"\s*<(?:!doctype\s+html|html)", text, re.I):
        title, body, date = html_to_text(text)
        yield Document(path.stem, body, date or published, title)
    else:
        yield Document(path.stem, text, published)


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FormatError(path, "text", hint="not UTF-8 or Windows-1252 text")


def _read_url(url: str, transport: Transport) -> Iterator[Document]:
    with tempfile.TemporaryDirectory(prefix="signalfire-") as tmp:
        dest = Path(tmp) / "download"
        transport.fetch(url, dest)
        text = _decode(dest.read_bytes(), Path(url))
    if _looks_like_feed(text):
        yield from _read_feed(text, Path(url), None)
    else:
        title, body, date = html_to_text(text)
        yield Document(url, body, date, title, url)


def parse_day(value: object, path: Path, row: int | None, column: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise SchemaError(path, row, column, "a date YYYY-MM-DD", value)
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise SchemaError(path, row, column, "a date YYYY-MM-DD", value) from None


def _read_jsonl(
    text: str, path: Path, published: dt.date | None, on_error: OnError | None = None
) -> Iterator[Document]:
    # Lines end at "\n" only: str.splitlines() also breaks at U+2028/U+2029 and other
    # separators that JSON allows unescaped inside strings (real exports hold them).
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            document = _jsonl_document(line, n, path, published)
        except SchemaError as e:
            if on_error is None:
                raise
            on_error(e, line)
            continue
        yield document


def _jsonl_document(line: str, n: int, path: Path, published: dt.date | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise SchemaError(path, n, "(line)", "a JSON object", line[:60]) from e
    if not isinstance(record, dict):
        raise SchemaError(path, n, "(line)", "a JSON object", line[:60])
    body = record.get("text")
    if not isinstance(body, str):
        raise SchemaError(path, n, "text", "a string", body)
    doc_id = record.get("id")
    if doc_id in (None, ""):
        doc_id = f"{path.stem}:{n}"
    return Document(
        str(doc_id),
        body,
        parse_day(record.get("published"), path, n, "published") or published,
        str(record.get("title") or ""),
        str(record.get("url") or ""),
    )


# -- HTML -------------------------------------------------------------------------------------
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg",
         "iframe", "button", "select", "template", "figure"}  # fmt: skip
_BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "div", "br", "tr", "article", "section", "main",
          "blockquote", "td", "title"}  # fmt: skip
_BOILERPLATE_CLASS = re.compile(
    r"\b(?:nav|menu|footer|header|sidebar|share|social|related|comment|advert|promo|cookie|"
    r"subscribe|newsletter|breadcrumb)", re.IGNORECASE,
)  # fmt: skip


# Where a page states when it was published, in the order trusted: a meta tag (OpenGraph,
# Dublin Core, schema.org's itemprop), a <time datetime>, a JSON-LD "datePublished", then a
# byline in the text ("Published March 3, 2024"): the dates in the story resolve against it.
_META_DATES = {"article:published_time", "og:published_time", "pubdate", "date",
               "publish-date", "dc.date", "dc.date.issued", "datepublished", "publishdate",
               "sailthru.date"}  # fmt: skip
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_MONTH = (
    r"(?P<month>sep(?:t(?:ember)?)?|"
    + "|".join(m[:3] + r"(?:" + m[3:] + r")?" for m in _MONTHS if m != "september")
    + r")\.?"
)
_BYLINE_DATE = re.compile(
    r"\b(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s*(?:[A-Za-z]{3,9},?\s+)?"
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)|"
    rf"(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s*,?\s+(?P<year2>(?:19|20)\d\d)|"
    r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d))",
    re.IGNORECASE,
)


def byline_date(text: str) -> dt.date | None:
    """The date of a "Published/Updated ..." line near the top of a page's text, if any."""
    m = _BYLINE_DATE.search(text[:600])
    if m is None:
        return None
    try:
        if m["iso"]:
            return dt.date.fromisoformat(m["iso"])
        month = (m["month"] or m["month2"]).lower()[:3]
        number = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(month))
        return dt.date(int(m["year"] or m["year2"]), number, int(m["day"] or m["day2"]))
    except ValueError:
        return None  # ("February 30")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.json_ld = False
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.title: list[str] = []
        self.in_title = False
        self.containers: list[str] = []
        self.published: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if prop in _META_DATES and not self.published:
                self.published = a.get("content")
            return
        if tag == "time" and a.get("datetime") and not self.published:
            self.published = a["datetime"]
        self.json_ld = tag == "script" and a.get("type", "").lower() == "application/ld+json"
        skip = tag in _SKIP or bool(
            _BOILERPLATE_CLASS.search(a.get("class", "") + " " + a.get("id", ""))
        )
        if tag in {"br", "img", "hr", "input", "link", "meta"}:
            if tag == "br":
                self._emit("\n")
            return
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in {"article", "main"}:
            self.containers.append(tag)
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        # Pop up to the matching tag (HTML in the wild leaves tags open).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, skipped in self.stack[i:]:
                    if skipped:
                        self.skip_depth -= 1
                    if t in {"article", "main"} and self.containers:
                        self.containers.pop()
                    if t == "title":
                        self.in_title = False
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.json_ld and not self.published and (m := _JSON_LD_DATE.search(data)):
            self.published = m.group(1)
        if self.in_title:
            self.title.append(data)
            return
        if self.skip_depth:
            return
        self._emit(data)

    def _emit(self, text: str) -> None:
        self.parts["body"].append(text)
        for c in set(self.containers):
            self.parts[c].append(text)


def _clean(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    return "\n\n".join(paragraphs)


def html_to_text(markup: str) -> tuple[str, str, dt.date | None]:
    """(title, main text, publication date) of an HTML page, without its boilerplate."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    body = _clean(parser.parts["article"]) or _clean(parser.parts["main"])
    body = body or _clean(parser.parts["body"])
    title = " ".join("".join(parser.title).split())
    date = None
    if parser.published:
        try:
            date = dt.date.fromisoformat(parser.published.strip()[:10])
        except ValueError:
            date = None
    return title, body, date or byline_date(body)


# -- RSS / Atom -------------------------------------------------------------------------------
def _looks_like_feed(text: str) -> bool:
    head = text[:1000].lower()
    return "<rss" in head or ("<feed" in head and "atom" in head)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _feed_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def _read_feed(text: str, path: Path, published: dt.date | None) -> Iterator[Document]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        raise FormatError(path, "RSS/Atom feed", hint=f"XML error: {e}") from e
    items = [el for el in root.iter() if _local(el.tag) in {"item", "entry"}]
    for n, item in enumerate(items, start=1):
        fields: dict[str, str] = {}
        for child in item:
            name = _local(child.tag)
            if name == "link" and child.get("href"):
                fields.setdefault("link", child.get("href", ""))
            elif child.text and name not in fields:
                fields[name] = child.text
        title = html.unescape(fields.get("title", "")).strip()
        raw_body = fields.get("encoded") or fields.get("content") or fields.get("description")
        raw_body = raw_body or fields.get("summary", "")
        body = html_to_text(f"<html><body>{raw_body}</body></html>")[1] if raw_body else ""
        text_all = f"{title}\n\n{body}".strip() if title else body
        link = fields.get("link", "").strip()
        doc_id = (fields.get("guid") or fields.get("id") or link).strip()
        if not doc_id:
            doc_id = f"{path.stem}:{n}:" + hashlib.sha1(text_all.encode()).hexdigest()[:10]
        date = _feed_date(
            fields.get("pubDate") or fields.get("published") or fields.get("updated")
            or fields.get("date")
        )  # fmt: skip
        yield Document(doc_id, text_all, date or published, title, link)
