"""Country names as the matcher reads them: one folded word each (germany, kazakhstan, korea).

From ISO 3166 (pycountry): the short name before any comma ("Korea, Republic of": korea) and
the common name ("Iran"), when that is one word, plus the countries the title vocabulary
already names (names.SYNONYM_WORDS: dprk, russia, ussr ...). Used to tell that a treaty or
body named after other countries is another one (verify.other_parties_after).
"""

from __future__ import annotations

import pycountry

from monitor.matching.names import CONTINENTS, DEMONYMS, SYNONYM_WORDS, title_word
from monitor.matching.normalize import Text, fold


def _short_names() -> set[str]:
    found: set[str] = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            short = str(name).split(",")[0].strip() if name else ""
            if short and " " not in short and "-" not in short:
                found.add(fold(short)[0].lower())
    return found


COUNTRY_WORDS: frozenset[str] = frozenset(
    _short_names() | (set(DEMONYMS.values()) - CONTINENTS) | (SYNONYM_WORDS - {"un"})
)
# "korea" (Korean) covers both Koreas
SAME_COUNTRY: dict[str, frozenset[str]] = {"korea": frozenset({"korea", "dprk", "rok"})}

# Capitals that news copy names for their governments as a document's parties (the
# Moscow-Pyongyang treaty, an agreement between Seoul and Washington): capital -> country
# word, canonical as a title reads it (verify.capital_party)
CAPITALS: dict[str, str] = {
    capital: title_word(country)
    for capital, country in (
        ("moscow", "russia"), ("pyongyang", "dprk"), ("seoul", "rok"), ("beijing", "china"),
        ("peking", "china"), ("tokyo", "japan"), ("washington", "usa"), ("ulaanbaatar", "mongolia"),
        ("astana", "kazakhstan"), ("tashkent", "uzbekistan"), ("bishkek", "kyrgyzstan"),
        ("dushanbe", "tajikistan"), ("ashgabat", "turkmenistan"), ("minsk", "belarus"),
        ("kyiv", "ukraine"), ("kiev", "ukraine"), ("tehran", "iran"), ("hanoi", "vietnam"),
        ("havana", "cuba"), ("vientiane", "laos"), ("damascus", "syria"), ("baku", "azerbaijan"),
        ("yerevan", "armenia"), ("tbilisi", "georgia"), ("ankara", "turkey"), ("delhi", "india"),
        ("islamabad", "pakistan"), ("caracas", "venezuela"), ("berlin", "germany"),
    )
}  # fmt: skip


def capital_party(text: Text, i: int) -> bool:
    """Word i, a capital, names its country as a document's party: joined by a hyphen to
    another party (the Moscow-Pyongyang treaty) or one of two "between" joins (an agreement
    between Seoul and Washington). Alone it is the city (the Moscow Declaration)."""
    words = text.words

    def party(k: int) -> bool:
        return 0 <= k < len(words) and (words[k] in CAPITALS or title_word(words[k]) in COUNTRY_WORDS)

    if (party(i + 1) and text.gap(i + 1) == "-") or (party(i - 1) and text.gap(i) == "-"):
        return True
    if i >= 1 and words[i - 1] == "between" and i + 2 < len(words) and words[i + 1] == "and":
        return party(i + 2)
    return i >= 3 and words[i - 1] == "and" and words[i - 3] == "between" and party(i - 2)
