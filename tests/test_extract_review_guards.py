"""Guards from a code review of the rules made from reviews 12-14: sentences those rules first
got wrong (a province's named district read as its capital, another incident's place, a talks
sentence joining a killing, an unrelated flood deleting an event, rescue workers as victims, a
deed clause, a claim or a denial read as a past deed, helicopters attacked, fire on a soldiers'
vehicle, an ambushed soldiers' bus, a sanctuary clause, an origin after "arrested ... from",
"the city" of an aftermath sentence, "in Kabul said"), each with its type, province and
district as the session's starting code had them (or better: noted)."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2011, 5, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
         "Taliban fighters attacked a police post in Kandahar's Zhari area, killing four "
         'policemen.',
         ('armed_clash', 'AF-KAN', 'Zhari'),
        ),
        (
         "A roadside bomb killed three civilians in Balkh's Chimtal area on Sunday.",
         ('ied_bombing', 'AF-BAL', 'Chimtal'),
        ),
        (
         'Militants stormed the office of the governor of Kandahar on Monday, killing five'
         ' guards. In a separate incident, a roadside bomb killed two soldiers in Zabul.',
         ('armed_clash', 'AF-KAN', None),
        ),
        (
         'A resident of Kunar, the policeman was shot dead by gunmen on Monday. '
         'Separately, militants attacked a checkpoint in Nangarhar.',
         ('targeted_killing', 'AF-KNR', None),
        ),
        (
         'Insurgents firing from behind a wall in Sangin district attacked an ISAF patrol '
         'on Monday, killing one soldier. The wounded were flown to Camp Bastion in '
         'Lashkar Gah.',
         ('armed_clash', 'AF-HEL', 'Sangin'),
        ),
        (
         'The police commander responsible for security in Kandahar city was killed by a '
         'roadside bomb on Monday. He had previously served in Uruzgan.',
         ('ied_bombing', 'AF-KAN', 'Kandahar'),
        ),
        (
         'Gunmen killed two policemen in Quetta on Monday. The provincial government is in'
         ' talks with the Baloch Liberation Army.',
         ('armed_clash', 'PK-BA', 'Quetta'),
        ),
        (
         'A roadside bomb killed three Afghan soldiers in Helmand on Monday. Pakistan has '
         'offered to host talks between the Taliban and Kabul.',
         ('ied_bombing', 'AF-HEL', None),
        ),
        (
         'Heavy rains caused flooding in parts of Nangarhar on Sunday. Officials said '
         'relief was under way. Two policemen were found dead in Khogyani district on '
         'Monday, officials said.',
         ('other', 'AF-NAN', 'Khogayani'),
        ),
        (
         'A fire broke out at a fuel depot in Kandahar on Sunday. Officials said the cause'
         ' was being investigated. Three bodies were found in Kandahar city on Monday.',
         ('other', 'AF-KAN', 'Kandahar'),
        ),
        (
         'A building collapsed in Karachi on Monday. Rescue workers pulled out 12 bodies '
         'from the rubble.',
         (None, None, None),
        ),
        (
         'Unknown gunmen killed a policeman in Quetta on Sunday, while rescue workers '
         'pulled out two bodies from a collapsed coal mine in Harnai.',
         ('targeted_killing', 'PK-BA', 'Quetta'),
        ),
        (
         'Gunmen who stormed a girls school in Kunar killed two teachers; police later '
         'arrested two suspects.',
         ('attack_on_civilians', 'AF-KNR', None),
        ),
        (
         'A Taliban spokesman said the group was responsible for the attack on the '
         'checkpoint in Kunduz on Monday in which seven policemen were killed.',
         ('armed_clash', 'AF-KDZ', None),
        ),
        (
         'The Taliban denied their involvement in the bombing in Kabul on Tuesday that '
         'killed 10 civilians.',
         ('ied_bombing', 'AF-KAB', 'Kabul'),
        ),
        (
         'Two soldiers died in hospital days after the roadside bomb attack in Helmand, '
         'officials said.',
         ('ied_bombing', 'AF-HEL', None),
        ),
        (
         'Two NATO helicopters were attacked by insurgents in Kunar province on Monday, '
         'but no one was hurt.',
         ('armed_clash', 'AF-KNR', None),
        ),
        (
         'A US military aircraft was attacked by Taliban fighters near Bagram.',
         ('armed_clash', 'AF-PAR', 'Bagram'),
        ),
        (
         'Militants opened fire on a vehicle of the Frontier Corps in Khyber Agency, '
         'killing two soldiers.',
         ('armed_clash', 'PK-KP', 'Khyber'),
        ),
        (
         'Gunmen opened fire on a car carrying three policemen in Quetta, killing all of '
         'them.',
         ('armed_clash', 'PK-BA', 'Quetta'),
        ),
        (
         'Coalition forces opened fire on a vehicle that failed to stop at a checkpoint in'
         ' Helmand, killing two civilians.',
         ('attack_on_civilians', 'AF-HEL', None),
        ),
        (
         'Gunmen opened fire on a vehicle carrying election workers in Ghazni, killing '
         'three.',
         ('attack_on_civilians', 'AF-GHA', None),
        ),
        (
         'Militants ambushed a bus carrying Frontier Corps personnel in Mastung, killing '
         'six soldiers.',
         ('armed_clash', 'PK-BA', 'Mastung'),
        ),
        (
         'Pakistani Taliban fighters, who operate from inside Afghanistan, attacked a '
         'police station in Dera Ismail Khan, killing four policemen.',
         ('armed_clash', 'PK-KP', 'Dera Ismail Khan'),
        ),
        (
         'Police arrested two suspects who had arrived from Peshawar at a checkpoint in '
         'Rawalpindi on Monday.',
         ('arrest', 'PK-PB', 'Rawalpindi'),
        ),
        (
         'QUETTA: Three Frontier Corps soldiers were killed when militants attacked their '
         'convoy on Sunday, officials said. Security was tightened across the city after '
         'the attack.',
         ('armed_clash', 'PK-BA', None),
        ),
        (
         'Three civilians were killed in a blast in Kabul said police spokesman Hashmat '
         'Stanekzai.',
         ('ied_bombing', 'AF-KAB', 'Kabul'),
        ),
    ],
)  # fmt: skip
def test_rules_of_reviews_12_to_14_do_not_overreach(
    extractor: Extractor, text: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    events = extractor.extract(Document("t", text, DAY))
    e = events[0] if events else None
    got = (
        e.event_type if e else None,
        e.adm1 if e else None,
        extractor.gazetteer.adm2_names.get(e.adm2) if e and e.adm2 else None,
    )
    assert got == expected


# -- guards from the third code review (crev3) of this session's rules -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants shot and wounded two soldiers at a checkpoint in Bajaur on Monday.",
         "armed_clash"),
        ("Militants kidnapped two engineers who were later released in Khyber Agency.",
         "abduction"),
        ("A man on a motorcycle dropped a bomb-laden bag outside a police station in Charsadda, "
         "wounding four.", "ied_bombing"),
        ("A bomb exploded near a police station in Charsadda, wounding four policemen. Police "
         "said the attacker dropped the bomb near the gate and fled.", "ied_bombing"),
        ("At least 15 mourners were killed after a suicide bomber blew himself up at a funeral "
         "in Achin district.", "suicide_bombing"),
        ("Over 20 people were killed when a suicide bomber struck a funeral in Achin.",
         "suicide_bombing"),
        ("President Karzai condemned the suicide bombing that killed 12 policemen in Kandahar "
         "city on Monday.", "suicide_bombing"),
        ("A suicide bomber targeted mourners who attended the funeral of a tribal elder in "
         "Achin district on Sunday, killing 18 people.", "suicide_bombing"),
        ("Hundreds of Shia protesters marched through Quetta on Friday when a suicide bomber "
         "blew himself up among them, killing 15.", "suicide_bombing"),
        ("Nearly 500 students attended the school when Taliban gunmen stormed it in Peshawar, "
         "killing 132 children.", "attack_on_civilians"),
    ],
)  # fmt: skip
def test_crev3_guards_types(extractor: Extractor, text: str, expected: str) -> None:
    events = extractor.extract(Document("t", text, DAY))
    assert [e.event_type for e in events][:1] == [expected], events


def test_crev3_a_domestic_stabbing_is_no_event(extractor: Extractor) -> None:
    text = "A man stabbed his sister to death over a domestic dispute in Shujabad, police said."
    assert extractor.extract(Document("t", text, DAY)) == []


def test_crev3_the_attackers_motorcycle_keeps_them_perpetrators(extractor: Extractor) -> None:
    text = (
        "Two policemen were killed when a bomb planted on a motorcycle used by the attackers "
        "exploded in Quetta on Monday."
    )
    (event,) = extractor.extract(Document("t", text, DAY))
    roles = {a.actor_id: a.role for a in event.actors}
    assert roles.get("unidentified_armed_group") == "perpetrator", roles
