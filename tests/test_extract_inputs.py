"""Document readers: HTML without boilerplate, RSS and Atom, JSONL, folders, URLs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.errors import EmptyFileError, FetchError, FormatError, InputError, SchemaError
from signalfire.extract.inputs import byline_date, html_to_text, read_documents
from signalfire.fetch import MockTransport

PAGE = """<!doctype html><html><head><title>Blast in Quetta | Daily News</title>
<meta property="article:published_time" content="2019-04-12T08:00:00+05:00">
<script>var ads = "killed 99 people";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header class="site-header">Subscribe now</header>
<article><h1>Blast in Quetta</h1><p>A bomb killed 20 people at a market in Quetta on Friday.</p>
<div class="share-buttons">Share on Facebook</div><p>Police said the toll may rise.</p></article>
<aside>Most read: cricket scores</aside><footer>© Daily News</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
<item><title>Two soldiers killed in Bajaur</title><link>https://n.example/a</link>
<guid>https://n.example/a</guid><pubDate>Tue, 10 Jun 2014 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Militants &lt;b&gt;ambushed&lt;/b&gt; a patrol.&lt;/p&gt;</description></item>
<item><title>Budget passed</title><link>https://n.example/b</link>
<pubDate>Wed, 11 Jun 2014 09:00:00 +0000</pubDate><description>No violence.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>F</title><entry><id>urn:x:1</id><title>Raid in Khost</title>
<link href="https://n.example/c"/><updated>2012-03-04T10:00:00Z</updated>
<summary>Forces detained three suspects.</summary></entry></feed>"""


def test_html_boilerplate_removed() -> None:
    title, body, date = html_to_text(PAGE)
    assert title == "Blast in Quetta | Daily News"
    assert body.startswith("Blast in Quetta\n\nA bomb killed 20 people")
    assert "Police said the toll may rise." in body
    for junk in ("Home", "Subscribe", "Share on", "cricket", "©", "killed 99", "color"):
        assert junk not in body
    assert date == dt.date(2019, 4, 12)


def test_rss_and_atom_items(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    docs = list(read_documents(tmp_path / "feed.xml"))
    assert [d.doc_id for d in docs] == ["https://n.example/a", "https://n.example/b"]
    assert docs[0].published == dt.date(2014, 6, 10)
    assert docs[0].text == "Two soldiers killed in Bajaur\n\nMilitants ambushed a patrol."
    (tmp_path / "feed.atom").write_text(ATOM, encoding="utf-8")
    (atom,) = read_documents(tmp_path / "feed.atom")
    assert (atom.doc_id, atom.url, atom.published) == (
        "urn:x:1", "https://n.example/c", dt.date(2012, 3, 4),
    )  # fmt: skip
    assert "detained three suspects" in atom.text


def test_jsonl_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text('{"id": "x", "text": "t", "published": "2014-06-10"}\n\n{"text": "u"}\n')
    docs = list(read_documents(good, published=dt.date(2000, 1, 1)))
    assert [(d.doc_id, d.published) for d in docs] == [
        ("x", dt.date(2014, 6, 10)), ("a:3", dt.date(2000, 1, 1)),
    ]  # fmt: skip
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\n{"id": "y", "text": "t", "published": "June"}\n')
    with pytest.raises(SchemaError, match=r"row 2, column 'published'"):
        list(read_documents(bad))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": 5}\n')
    with pytest.raises(SchemaError, match="column 'text'"):
        list(read_documents(broken))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(EmptyFileError):
        list(read_documents(empty))
    (tmp_path / "bad.xml").write_text("<rss><channel><item>")
    with pytest.raises(FormatError, match="RSS/Atom"):
        list(read_documents(tmp_path / "bad.xml"))


def test_folder_reads_every_kind(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "note.txt").write_text("Plain text report.", encoding="utf-8")
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "skip.csv").write_text("a,b\n")
    ids = [d.doc_id for d in read_documents(tmp_path)]
    assert ids == ["https://n.example/a", "https://n.example/b", "note", "page"]
    (tmp_path / "nothing").mkdir()
    with pytest.raises(InputError, match="no readable documents"):
        list(read_documents(tmp_path / "nothing"))


def test_feed_url_through_the_network_seam() -> None:
    transport = MockTransport(lambda url: RSS.encode())
    docs = list(read_documents("https://n.example/rss", transport=transport))
    assert transport.requests == ["https://n.example/rss"] and len(docs) == 2

    def fail(url: str) -> bytes:
        raise FetchError(url, "offline")

    with pytest.raises(FetchError, match="offline"):
        list(read_documents("https://n.example/rss", transport=MockTransport(fail)))


def test_jsonl_line_separators_inside_strings(tmp_path: Path) -> None:
    # JSON lets U+2028, U+2029 and U+0085 stand unescaped in a string; str.splitlines() would
    # cut the record there. CRLF line ends are JSON whitespace.
    path = tmp_path / "sep.jsonl"
    body = "Two soldiers\u2028were killed\u2029in Bajaur\u0085on Monday."
    path.write_text(
        json.dumps({"id": "x", "text": body}, ensure_ascii=False)
        + "\r\n"
        + json.dumps({"id": "y", "text": "Second."})
        + "\r\n",
        encoding="utf-8",
    )
    docs = list(read_documents(path))
    assert [d.doc_id for d in docs] == ["x", "y"]
    assert docs[0].text == body


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2022-08-01T10:00:00+05:00"}</script>', dt.date(2022, 8, 1)),
        ('<meta itemprop="datePublished" content="2020-01-02">', dt.date(2020, 1, 2)),
        # the meta tag is trusted before a JSON-LD block
        ('<meta property="article:published_time" content="2019-04-12">'
         '<script type="application/ld+json">{"datePublished": "2001-01-01"}</script>',
         dt.date(2019, 4, 12)),
        # an ordinary script's "datePublished" is not the page's
        ('<script>var a = {"datePublished": "2001-01-01"};</script>', None),
    ],
)  # fmt: skip
def test_html_publication_date_from_structured_data(head: str, expected: dt.date | None) -> None:
    _, _, published = html_to_text(f"<html><head>{head}</head><body><p>x</p></body></html>")
    assert published == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Staff Reporter | Published March 3, 2024", dt.date(2024, 3, 3)),
        ("Updated: 12 Sept 2023 10:41am", dt.date(2023, 9, 12)),
        ("Posted on Tuesday, June 4, 2019", dt.date(2019, 6, 4)),
        ("Published 2021-07-09 10:00 PKT", dt.date(2021, 7, 9)),
        ("Published Feb 30, 2024", None),  # no such day
        ("We published our findings on March 3, 2024.", None),  # not a byline
    ],
)
def test_html_publication_date_from_a_byline(byline: str, expected: dt.date | None) -> None:
    page = f"<html><body><article><p>{byline}</p><p>A bomb killed two.</p></article></body></html>"
    assert html_to_text(page)[2] == expected


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_byline_dates_read_back_in_each_style(day: dt.date) -> None:
    for style in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"):
        assert byline_date(f"Published: {day.strftime(style)}") == day
