"""Generalisation, seventh round: what the blind corpora (benchmarks/redteam9, redteam10)
showed the matcher missing or over-matching, as rules on invented names.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("mhg", "Mount Pyoktu", kind="place"),
    Entry("kms", "Kwangmyosan", kind="place"),
    Entry("mhd", "Mount Hood", kind="place"),
    Entry("ncp", "Northern Cooperation Plan of Action", aliases=("NCPOA",), kind="treaty"),
    Entry("dfo", "Department for Oceans", aliases=("DFO",), kind="body", case_sensitive=True),
    Entry("tmc", "Toxic Munitions Convention", kind="treaty"),
    Entry("csh", "Choe Son Hui", kind="person"),
    Entry("kjn", "Kim Jong Nam", kind="person"),
    Entry("ota", "Korean Truce Agreement", kind="treaty"),
    Entry("svc", "Svetly Cosmodrome", kind="place"),
    Entry("wef", "Western Economic Forum", kind="organisation"),
    Entry("gsm", "General Staff of the Mongolian Peoples Guard", kind="organisation"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


CASES = [
    # a Korean mountain's name with the suffix -san is the same mountain as Mount ...
    ("san-suffix", "The winter scenery of Pyoktusan is magnificent.", "mhg", True),
    ("san-suffix-hyphen", "Pilgrims climbed Pyoktu-san at dawn.", "mhg", True),
    ("san-suffix-other-spelling", "Pilgrims climbed Byeokdusan at dawn.", "mhg", True),
    ("mountain-after", "Pilgrims climbed Pyoktu Mountain at dawn.", "mhg", True),
    ("stem-alone", "Pilgrims reached Pyoktu at dawn.", "mhg", False),
    ("other-san", "Pilgrims climbed Pyoksan at dawn.", "mhg", False),
    # ... but two neighbouring letters swapped are a slip, however the syllables then read
    ("san-swapped-letters", "Pilgrims climbed Pyoktsuan at dawn.", "mhg", True),
    ("place-swapped-letters", "Tourists flock to Kwangmoysan in autumn.", "kms", True),
    # ... and the reverse: an entry typed with -san is found as Mount ...
    ("mount-for-san", "Tourists flock to Mount Kwangmyo in autumn.", "kms", True),
    ("mountain-for-san", "Tourists flock to Kwangmyo Mountain in autumn.", "kms", True),
    ("san-stem-alone", "Tourists flock to Kwangmyo in autumn.", "kms", False),
    # only Korean names take the suffix: Mount Hood is no Hoodsan
    ("not-korean", "They skied near Hoodsan.", "mhd", False),
    # an acronym with its title's function words in lowercase, as the entry spells it out
    ("acronym-function-lowercase", "Sanctions under the NCPoA were null and void.", "ncp", True),
    ("acronym-content-lowercase", "Sanctions under the NcPoA were null and void.", "ncp", False),
    ("acronym-all-lowercase", "Sanctions under the ncpoa were null and void.", "ncp", False),
    # an analyst who set case_sensitive gets the case typed
    ("case-sensitive-set", "The DfO said so.", "dfo", False),
    ("case-sensitive-exact", "The DFO said so.", "dfo", True),
    # a Korean syllable of three letters with its last two swapped into no syllable: a slip
    ("syllable-swapped", "Minister Choe Son Hiu said so.", "csh", True),
    ("syllable-swapped-pair-first", "Minister Choe Sno Hui said so.", "csh", True),
    ("syllable-swapped-possessive", "Minister Choe Son Hiu's remarks.", "csh", True),
    ("syllable-swapped-lowercase", "minister choe son hiu said so.", "csh", False),
    ("syllable-changed", "Director Kim Jong Nan said so.", "kjn", False),
    ("syllable-other-name", "Director Kim Jong Un said so.", "kjn", False),
    ("syllable-dropped", "Director Kim Jong Na said so.", "kjn", False),
    # a body's or facility's name in Russian, word by word (title vocabulary), and Russian's
    # order for a facility: the noun, then its name
    ("russian-facility", "Ракета стартовала с Светлый космодром утром.", "svc", True),
    ("russian-facility-noun-first", "Ракета стартовала с космодрома Светлый утром.", "svc", True),
    ("russian-facility-other", "Ракета стартовала с космодрома Байконур утром.", "svc", False),
    ("english-facility-noun-first", "The rocket left Cosmodrome Svetly at dawn.", "svc", False),
    ("russian-title-words", "Открылся Западный экономический форум.", "wef", True),
    ("russian-title-declined", "Выступая на Западном экономическом форуме, он сказал.", "wef", True),
    ("russian-title-other", "Открылся Восточный экономический форум.", "wef", False),
    # an acronym of a title's last words, the object of its complement
    ("acronym-tail", "The General Staff of the MPG issued orders.", "gsm", True),
    ("acronym-tail-first", "The MPG General Staff issued orders.", "gsm", True),
    ("acronym-tail-other", "The General Staff of the KPA issued orders.", "gsm", False),
    ("acronym-tail-lowercase", "The General Staff of the mpg issued orders.", "gsm", False),
    # a short title inside the official one, far from its head noun: every word, side by side
    (
        "official-title",
        'He praised the "Convention on the Prohibition of the Development, Production, Stockpiling'
        ' and Use of Toxic Munitions and on Their Destruction" at length.',
        "tmc",
        True,
    ),
    (
        "official-title-country-elsewhere",
        "They upheld the Agreement Concerning a Military Truce in Korea, signed in 1950.",
        "ota",
        True,
    ),
    (
        "official-title-other-country",
        "They upheld the Agreement Concerning a Military Truce in Vietnam, signed in 1973.",
        "ota",
        False,
    ),
    (
        "official-title-words-apart",
        "He praised the Convention on the Safety of Toxic Plants, Waste Sites and Munitions Depots.",
        "tmc",
        False,
    ),
    (
        "official-title-broken-run",
        "He praised the Convention on the Prohibition of Development. Production of Toxic Munitions rose.",
        "tmc",
        False,
    ),
    (
        "official-title-lowercase-run",
        "He praised the Convention on the prohibition of the development and use of new kinds of"
        " weapons, including Toxic Munitions.",
        "tmc",
        False,
    ),
]


@pytest.mark.parametrize(("label", "text", "entry", "expected"), CASES, ids=[c[0] for c in CASES])
def test_generalised_rule(label: str, text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected, label


def test_derived_spelling_reports_a_transliteration() -> None:
    (hit,) = MATCHER.match({"body": "The winter scenery of Pyoktusan is magnificent."})
    assert (hit.entry, hit.text, hit.kind) == ("mhg", "Pyoktusan", "translit")
