"""Actor roles across clauses: "X killed when/as/after/while Y attacks ..." makes Y the
perpetrator (the earlier victim verb does not reach over a later clause's subject), the owner of
"a TTP attack" is its perpetrator, and what a later clause's verb acts on stays its target.
Expected roles are as an analyst coding UCDP/ACLED would read each sentence; the controls at the
end are shapes other rules settle and must keep."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2013, 5, 6)
UNNAMED = "unidentified_armed_group"
BALOCH = "unidentified_baloch_group"
P, T, OTHER = "perpetrator", "target", "other"


# (sentence, {actor_id: role or (role, claim)}); a bare role means claim "".
LATER_CLAUSE = [
    # A later clause's subject doing an attack verb, in both tenses and voices of the first.
    ("Three policemen were killed when Taliban militants attacked a checkpost in Bannu.",
     {"ttp": P, "pak_military": T}),
    ("Two soldiers killed after TTP militants ambush convoy in North Waziristan",
     {"ttp": P, "pak_military": T}),
    ("One suspected militant killed as Pakistani forces raid hideouts in Khyber Agency",
     {"pak_military": P, UNNAMED: T}),
    ("Five militants killed while security forces conduct search operation in Tirah valley",
     {"pak_military": P, UNNAMED: T}),
    ("Four FC personnel martyred as BLA militants attack checkpost in Kech.",
     {"bla": P, "pak_military": T}),
    ("Five soldiers killed as ISKP suicide bomber targets army convoy in Jalalabad.",
     {"isis_k": P, "afg_military": T}),
    ("Two ISAF soldiers were killed when insurgents attacked their patrol in Helmand.",
     {UNNAMED: P, "nato_isaf": T}),
    ("Two guards were shot dead before TTP militants stormed the jail in Bannu.",
     {"ttp": P}),
    ("Three civilians died in Kunduz where Taliban fighters had ambushed a police convoy.",
     {"afg_taliban": P}),
    ("Seven militants were killed as troops stormed a TTP compound in Orakzai.",
     {"pak_military": P, "ttp": T}),
    ("Two TTP commanders were killed when security forces raided their hideout in Bajaur.",
     {"pak_military": P, "ttp": T}),
    ("Eleven Daesh fighters were killed while Afghan forces were conducting an operation in "
     "Achin district.", {"afg_military": P, "isis_k": T}),
    ("Four soldiers died after Baloch separatists opened fire on a patrol in Turbat.",
     {BALOCH: P, "pak_military": T}),
    ("A policeman was killed while TTP gunmen were attacking a polio team in Karachi.",
     {"ttp": P}),
    ("Eight killed as Taliban storm government compound in Ghazni",
     {"afg_taliban": P}),
    ("Two soldiers martyred as terrorists open fire on checkpost in Kurram",
     {UNNAMED: P, "pak_military": T}),
    ("Three policemen killed after gunmen open fire in Quetta",
     {UNNAMED: P, "pak_military": T}),
    ("Three policemen were killed in Quetta when unidentified gunmen on motorcycles opened "
     "fire on their vehicle.", {UNNAMED: P, "pak_military": T}),
    ("Two soldiers were killed when Daesh militants fired rockets at a base in Nangarhar.",
     {"isis_k": P, "afg_military": T}),
    ("Ten militants were killed as jets pounded hideouts in Tirah valley.",
     {"pak_military": P, UNNAMED: T}),
    ("Three Afghan soldiers were killed when Taliban insurgents overran an outpost in Farah.",
     {"afg_taliban": P, "afg_military": T}),
    ("Militants killed two guards before Afghan forces stormed the building in Kabul.",
     {UNNAMED: P, "afg_military": P}),
    ("Three children were killed as a Taliban rocket struck a house in Ghazni.",
     {"afg_taliban": P, "civilians": T}),
    ("Several insurgents were killed when the security force returned fire in Zhari district, "
     "Kandahar province.", {"afg_military": P, UNNAMED: T}),
    ("Two civilians were wounded when insurgents detonated an IED near a bazaar in Kandahar.",
     {UNNAMED: P, "civilians": T}),
    ("Nine people were killed after a BLA suicide bomber attacked a Chinese convoy in Gwadar.",
     {"bla": P}),
    # The later clause's subject acted on: the agent of its passive, the target of its verb.
    ("Two soldiers were killed when their vehicle was hit by a TTP IED in North Waziristan.",
     {"ttp": P, "pak_military": T}),
    ("Two militants were killed when police raided a TTP hideout in Bannu.",
     {"pak_military": P, "ttp": T}),
    ("Three labourers were killed when a roadside bomb planted by BLA militants exploded in "
     "Kech.", {"bla": P}),
    ("A TTP commander was arrested when police raided a house in Karachi.",
     {"pak_military": P, "ttp": T}),
    ("Two Taliban fighters were killed when police raided a house in Kandahar.",
     {"afg_military": P, "afg_taliban": T}),
    ("Three militants were killed after security forces were attacked in Bannu.",
     {"pak_military": T}),
    # The owner of the attack the victims died in.
    ("Two soldiers killed in TTP attack in Bannu.", {"ttp": P, "pak_military": T}),
    ("Three soldiers martyred in TTP attack on checkpost in Bannu.",
     {"ttp": P, "pak_military": T}),
    ("Four policemen killed during Taliban assault on police station in Kunduz.",
     {"afg_taliban": P, "afg_military": T}),
    ("Two soldiers were killed after their convoy came under Taliban fire in Helmand.",
     {"afg_taliban": P, "afg_military": T}),
    ("Nine militants killed during security forces' raid in Khyber",
     {"pak_military": P, UNNAMED: T}),
    ("Two protesters were killed in police firing in Quetta.", {"pak_military": P}),
    # Claims and suspicion mixed in.
    ("Three policemen were killed when TTP militants attacked a checkpost in Bannu, and the "
     "TTP later claimed responsibility.", {"ttp": (P, "claimed"), "pak_military": T}),
    ("Police said TTP militants attacked a checkpost in Bannu, killing three policemen.",
     {"ttp": P, "pak_military": T}),
    ("Police said three policemen were killed when TTP militants attacked a checkpost in "
     "Bannu.", {"ttp": P, "pak_military": T}),
    ("Three policemen were killed when suspected TTP militants attacked a checkpost in Bannu.",
     {"ttp": (P, "suspected"), "pak_military": T}),
    ("Two soldiers were killed when militants believed to belong to the TTP ambushed a convoy "
     "in Khyber.", {"ttp": (P, "suspected"), "pak_military": T}),
    ("Two soldiers killed as suspected Baloch separatists attack convoy in Turbat",
     {BALOCH: (P, "suspected"), "pak_military": T}),
    # A claim or denial after the victims is not theirs.
    ("Five soldiers killed in Bannu, TTP claims responsibility",
     {"ttp": (P, "claimed"), "pak_military": T}),
    ("Five soldiers martyred in Bannu, TTP claims responsibility",
     {"ttp": (P, "claimed"), "pak_military": T}),
    ("Two soldiers were killed when the TTP claimed an attack in Bannu.",
     {"ttp": (P, "claimed"), "pak_military": T}),
    ("TTP militants killed five soldiers in Bannu and claimed responsibility.",
     {"ttp": (P, "claimed"), "pak_military": T}),
    ("Five soldiers killed in Bannu, TTP denies involvement",
     {"ttp": (OTHER, "denied"), "pak_military": T}),
]  # fmt: skip

CONTROLS = [
    # Shapes other rules settle (tests/test_extract_review_cases.py, test_extract_rules.py).
    ("Police killed three suspected militants in a raid in Kandahar.",
     {UNNAMED: T, "afg_military": P}),
    ("A policeman was killed by suspected TTP militants in Bannu.",
     {"ttp": (P, "suspected")}),
    ("Pakistan Taleban claim responsibility for Rawalpindi blast that killed 5.",
     {"ttp": (P, "claimed")}),
    ("Security forces killed five militants in an anti-TTP operation in North Waziristan.",
     {"pak_military": P, "ttp": T}),
    ("Six suspected militants killed in Pakistan's Balochistan.", {UNNAMED: T}),
    ("Two alleged attackers killed by security forces in Quetta.",
     {"pak_military": P, UNNAMED: T}),
    ("TTP militants attacked a checkpost in Bannu, killing three policemen.",
     {"ttp": P, "pak_military": T}),
    ("Security forces killed ten TTP militants in North Waziristan.",
     {"pak_military": P, "ttp": T}),
    ("Five TTP militants were killed when they attacked a police station in Dera Ismail Khan.",
     {"ttp": T}),
    # Not a later clause's subject: a noun before the verb, "as many as", "army camp".
    ("Two soldiers killed after army camp attacked in Bannu.", {"pak_military": T}),
    ("Islamist militants kill 61 in Pakistan police attack", {"pak_military": T, UNNAMED: P}),
    ("Two soldiers were killed when an army vehicle hit a landmine in Kurram.",
     {"pak_military": T}),
    ("Troops killed as many as 20 TTP militants in Tirah.", {"pak_military": P, "ttp": T}),
    ("The TTP denied involvement in the attack in which police killed four militants in Swat.",
     {"ttp": (OTHER, "denied"), "pak_military": P}),
    ("An ISKP suicide bomber killed 12 worshippers as they prayed in a mosque in Kunduz.",
     {"isis_k": P, "civilians": T}),
]  # fmt: skip


def _expected(role: str | tuple[str, str]) -> tuple[str, str]:
    return (role, "") if isinstance(role, str) else role


@pytest.mark.parametrize(("text", "expected"), LATER_CLAUSE + CONTROLS)
def test_roles_across_clauses(
    extractor: Extractor, text: str, expected: dict[str, str | tuple[str, str]]
) -> None:
    events = extractor.extract(Document("d", text, DAY))
    assert events, text
    roles = {a.actor_id: (a.role, a.claim) for e in events for a in e.actors}
    for actor, role in expected.items():
        assert roles.get(actor) == _expected(role), (actor, roles)
