"""Merging reports of one event from several articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from signalfire.extract.dedup import merge_events, same_event
from signalfire.extract.model import ExtractedEvent


def event(doc: str, text: str, **kw: object) -> ExtractedEvent:
    base: dict[str, object] = dict(
        event_type="ied_bombing", country="PAK", adm1="PK-KP", adm2="d1", place="Bannu",
        date=dt.date(2014, 6, 10), deaths=5, confidence=0.6,
    )  # fmt: skip
    base.update(kw)
    return ExtractedEvent(doc_id=doc, text=text, sources=[doc], **base)  # type: ignore[arg-type]


A = "A roadside bomb killed five soldiers in Bannu district on Tuesday, police said."
B = "Five soldiers were killed when a roadside bomb hit their vehicle in Bannu on Tuesday."


def test_reports_of_one_event_merge_with_all_sources() -> None:
    merged = merge_events(
        [
            event("reuters", A),
            event("dawn", B, date=dt.date(2014, 6, 11), deaths=6, confidence=0.8,
                  event_type="suicide_bombing"),
            event("ap", A + " The toll rose.", deaths=None),
        ]
    )  # fmt: skip
    assert len(merged) == 1
    m = merged[0]
    assert sorted(m.sources) == ["ap", "dawn", "reuters"]
    assert m.deaths == 6 and m.doc_id == "dawn"  # most confident report is the base
    assert m.confidence > 0.8


def test_different_events_stay_apart() -> None:
    events = [
        event("a", A),
        event("b", A, adm1="PK-BA", adm2="d9", place="Quetta"),  # another province
        event("c", A, date=dt.date(2014, 6, 20)),  # ten days later
        # another toll, two days later: a second bombing, not the first one's update
        event("d", A, deaths=40, date=dt.date(2014, 6, 12)),
        event("e", A, event_type="arrest"),  # another kind of event
    ]
    assert len(merge_events(events)) == 5


def test_a_rising_toll_is_one_attack() -> None:
    first = event("ap", "A bomb killed at least five people in Bannu on Tuesday.", deaths=5)
    update = event(
        "dawn", "The toll from Tuesday's bombing in Bannu rose to 23.", deaths=23,
        date=dt.date(2014, 6, 10),
    )  # fmt: skip
    untold = event("geo", "An explosion rocked Bannu on Tuesday evening.", deaths=None)
    (merged,) = merge_events([first, update, untold])
    assert merged.deaths == 23 and sorted(merged.sources) == ["ap", "dawn", "geo"]
    # a day apart with another toll is another attack (the update dates "Tuesday's bombing")
    assert not same_event(first, replace(update, date=dt.date(2014, 6, 11)), similarity=0.0)


def test_differing_tolls_stay_apart_where_one_day_sees_several() -> None:
    # Two operations in one district on one day are two releases, two events; so are two
    # kinds of attack, or one district's attacks two days apart.
    ibo = event("ispr1", "Security forces killed five terrorists in North Waziristan.",
                event_type="security_operation", deaths=5)  # fmt: skip
    other_ibo = replace(ibo, doc_id="ispr2", deaths=12, sources=["ispr2"])
    assert not same_event(ibo, other_ibo, similarity=0.0)
    bomb = event("a", A, deaths=5)
    assert not same_event(bomb, event("b", B, deaths=23, event_type="targeted_killing"), 0.0)
    assert not same_event(bomb, event("b", B, deaths=23, date=dt.date(2014, 6, 12)), 0.0)
    assert not same_event(bomb, event("b", B, deaths=23, adm2="d2", place="Lakki"), 0.0)


def test_same_place_and_toll_without_similar_text() -> None:
    a = event("a", "Blast kills five in Bannu.")
    b = event("b", "Pakistani officials confirmed an explosion; five dead, district Bannu.")
    assert same_event(a, b, similarity=0.0)
    assert not same_event(a, event("c", "x", deaths=None, adm2=None, place=None), similarity=0.0)
    # Events of one article were told apart by the pipeline and are never merged.
    assert len(merge_events([a, event("a", "Blast kills five in Bannu.")])) == 2


def test_merged_high_toll_is_never_below_the_best() -> None:
    """deaths_high was the base report's while deaths became the largest of any report: an
    event stored with deaths_best 9 and deaths_high 6 (UCDP's low <= best <= high broken)."""
    from signalfire.extract.dedup import combine

    ranged = event("a", A, deaths=5, deaths_high=6, confidence=0.9)
    later = event("b", A, deaths=9, confidence=0.5)
    merged = combine([ranged, later])
    assert (merged.deaths, merged.deaths_high) == (9, 9)
    wider = event("c", A, deaths=4, deaths_high=12, confidence=0.4)
    assert combine([ranged, later, wider]).deaths_high == 12
    assert combine([event("d", A, confidence=0.9), later]).deaths_high is None  # none ranged


def test_a_pipeline_blown_up_and_attacked_is_one_event() -> None:
    blown = event("a", "Militants blew up a gas pipeline in Dera Bugti.", deaths=None)
    attacked = event(
        "b", "The BRA claimed the attack on a gas pipeline in Dera Bugti.", deaths=None,
        event_type="property_attack",
    )  # fmt: skip
    # near-duplicate text (similarity over the threshold), types of one family
    assert same_event(blown, attacked, similarity=0.5)
    assert not same_event(blown, event("c", "x", deaths=None, event_type="arrest"), 0.5)


def test_a_bombing_of_either_kind_in_one_place_is_one_attack() -> None:
    suicide = event("ap", A, event_type="suicide_bombing", deaths=12)
    bomb = event("dawn", B, event_type="ied_bombing", deaths=None)
    assert same_event(suicide, bomb, similarity=0.0)
    # a bombing and a clash in one district on one day are two events unless tolls agree
    clash = event("x", B, event_type="armed_clash", deaths=30)
    assert not same_event(suicide, clash, similarity=0.0)
    assert same_event(suicide, replace(clash, deaths=13), similarity=0.0)
    assert not same_event(suicide, replace(clash, deaths=13, date=dt.date(2014, 6, 11)), 0.0)


def test_a_report_naming_only_the_province_joins_a_rare_attack() -> None:
    district = event("reuters", A, event_type="suicide_bombing", deaths=24)
    province = event("ap", B, event_type="suicide_bombing", deaths=27, adm2=None, place="KP")
    assert same_event(district, province, similarity=0.0)
    # not an ordinary bombing: a province sees several a day
    assert not same_event(
        replace(district, event_type="ied_bombing"),
        replace(province, event_type="ied_bombing"),
        similarity=0.0,
    )
    # nor a day too far, nor another province, nor a toll far apart
    assert not same_event(district, replace(province, date=dt.date(2014, 6, 12)), 0.0)
    assert not same_event(district, replace(province, adm1="PK-BA"), 0.0)
    assert not same_event(district, replace(province, deaths=60), 0.0)


def test_a_province_only_report_never_chains_two_districts() -> None:
    jalalabad = event("a", A, event_type="suicide_bombing", deaths=12, adm1="AF-NAN", adm2="j1")
    achin = event("b", B, event_type="suicide_bombing", deaths=12, adm1="AF-NAN", adm2="a1",
                  place="Achin")  # fmt: skip
    nangarhar = event("c", "A suicide bombing in Nangarhar.", event_type="suicide_bombing",
                      deaths=12, adm1="AF-NAN", adm2=None, place="Nangarhar")  # fmt: skip
    assert len(merge_events([jalalabad, achin, nangarhar])) == 2


def test_small_attacks_alike_in_one_city_stay_apart() -> None:
    # Karachi is one district: two target killings, two clashes, two drone strikes a day
    for kind in ("targeted_killing", "armed_clash", "airstrike", "abduction"):
        one = event("a", A, event_type=kind, deaths=1)
        assert not same_event(one, event("b", B, event_type=kind, deaths=6), 0.0), kind
    # an operation and a bombing in one district on one day, small tolls alike
    op = event("a", A, event_type="security_operation", deaths=3)
    assert not same_event(op, event("b", B, event_type="ied_bombing", deaths=2), 0.0)


def test_an_arrest_never_merges_with_an_attack() -> None:
    bomb = event("a", A, deaths=5)
    arrest = event("b", B, event_type="arrest", deaths=5)
    assert not same_event(bomb, arrest, similarity=0.0)


def test_two_small_killings_in_one_city_a_day_apart_stay_apart() -> None:
    # Quetta is one district: a toll of 2 one day and of 1 the next are two killings
    tuesday = event("dawn", A, event_type="targeted_killing", deaths=2)
    wednesday = event(
        "dawn2", B, event_type="targeted_killing", deaths=1, date=dt.date(2014, 6, 11)
    )
    assert not same_event(tuesday, wednesday, similarity=0.0)
    # the same toll retold the next day is still one
    assert same_event(tuesday, replace(wednesday, deaths=2), similarity=0.0)
