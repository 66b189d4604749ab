"""Compile watch-list entries into name specs: words, matching mode, anchor words."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from monitor.matching.given_names import russian_given_name
from monitor.matching.known_documents import known_names
from monitor.matching.normalize import WORD_RE, fold
from monitor.matching.ruleset import Entry
from monitor.matching.translit import (
    ADMIN_TERMS,
    KOREAN_PLACE_UNITS,
    is_chinese_name,
    is_korean,
    is_korean_name,
    is_pinyin,
    korean_key,
    korean_pair_key,
    korean_syllables,
)

# Share of a long name's distinctive words that must appear (token-set matching).
TITLE_SHARE = 0.8
# How many extra words a reworded title may spread over, beyond its own length.
TITLE_SLACK = 2

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "among",
        "between",
        "by",
        "de",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "s",
        # prepositions of official titles (Convention relating to the Status of Refugees is
        # the Convention on the Status of Refugees)
        "concerning",
        "regarding",
        "relating",
    ]
)

# Spelling of country names inside titles: "Russian" = "Russia", "North Korea" = "DPRK".
CONTINENTS = frozenset(["asia", "europe", "africa", "eurasia"])  # (DEMONYMS' values, no countries)
DEMONYMS = {
    "russian": "russia",
    "korean": "korea",
    "chinese": "china",
    "american": "usa",
    "soviet": "ussr",
    "sino": "china",  # (the prefix: Sino-Korean, Sino-Russian)
    # and the continents' adjectives (the Central Asian Nuclear-Weapon-Free Zone Treaty)
    "asian": "asia",
    "european": "europe",
    "african": "africa",
    "eurasian": "eurasia",
    "japanese": "japan",
    "ukrainian": "ukraine",
    "belarusian": "belarus",
    "vietnamese": "vietnam",
    "iranian": "iran",
    # the neighbours and partners the two countries' media name most
    "mongolian": "mongolia",
    "kazakh": "kazakhstan",
    "kazakhstani": "kazakhstan",
    "kyrgyz": "kyrgyzstan",
    "uzbek": "uzbekistan",
    "tajik": "tajikistan",
    "turkmen": "turkmenistan",
    "armenian": "armenia",
    "azerbaijani": "azerbaijan",
    "georgian": "georgia",
    "laotian": "laos",
    "lao": "laos",
    "cambodian": "cambodia",
    "indonesian": "indonesia",
    "indian": "india",
    "pakistani": "pakistan",
    "syrian": "syria",
    "cuban": "cuba",
    "venezuelan": "venezuela",
    "nicaraguan": "nicaragua",
    "egyptian": "egypt",
    "turkish": "turkey",
    "german": "germany",
    "french": "france",
    "british": "uk",
    "italian": "italy",
}
PHRASES: dict[tuple[str, ...], str] = {
    ("democratic", "people", "republic", "of", "korea"): "dprk",
    ("democratic", "people", "s", "republic", "of", "korea"): "dprk",
    ("north", "korea"): "dprk",
    ("republic", "of", "korea"): "rok",
    ("south", "korea"): "rok",
    ("people", "republic", "of", "china"): "china",
    ("people", "s", "republic", "of", "china"): "china",
    ("prc",): "china",
    ("russia", "federation"): "russia",
    ("united", "states", "of", "america"): "usa",
    ("u", "s"): "usa",
    ("united", "states"): "usa",
    ("soviet", "union"): "ussr",
    ("union", "of", "ussr", "socialist", "republics"): "ussr",  # (Soviet is a demonym first)
    ("united", "nations"): "un",
    ("un",): "un",
}
SYNONYM_WORDS = frozenset(PHRASES.values())
# title words that name a country (korea, for either Korea, has no phrase of its own)
COUNTRY_TITLE_WORDS = SYNONYM_WORDS | {"korea"}
# Official names of other countries as treaty titles spell them: the country's own word, which
# stays a distinctive title word (not one of the SYNONYM_WORDS, the parties most titles name).
_OFFICIAL_NAMES: dict[tuple[str, ...], str] = {
    ("islamic", "republic", "of", "iran"): "iran",
    ("republic", "of", "belarus"): "belarus",
    ("socialist", "republic", "of", "vietnam"): "vietnam",
    ("viet", "nam"): "vietnam",
    ("republic", "of", "cuba"): "cuba",
    ("syrian", "arab", "republic"): "syria",
    ("lao", "people", "s", "democratic", "republic"): "laos",
    ("republic", "of", "kazakhstan"): "kazakhstan",
}
_ALL_PHRASES = {**PHRASES, **_OFFICIAL_NAMES}
# canonical() reads a phrase after demonyms became countries: Lao People's Democratic Republic
# is "laos people s democratic republic" there, Syrian Arab Republic "syria arab republic"
_ALL_PHRASES |= {tuple(DEMONYMS.get(w, w) for w in p): c for p, c in list(_ALL_PHRASES.items())}
LONGEST_PHRASE = max(len(p) for p in _ALL_PHRASES)  # words in the longest country phrase
PHRASE_STARTS = frozenset(p[0] for p in _ALL_PHRASES)  # (most words start none: one look-up)

# Title words that name the same thing (see docs/matching.md §6): general equivalences of
# English title vocabulary, never lists of particular names. The first word of each group is
# its canonical form; a text word matched only through its group is a "synonym" (penalised).
_SYNONYM_GROUPS = (
    # head nouns: the kind of document ...
    ("treaty", "treaty agreement accord pact convention deal"),
    ("statement", "statement declaration communique"),
    # ... and the kind of place (facility words: "the Sohae complex", "Kaesong industrial park")
    (
        "complex",
        "complex park zone area resort station site facility base center plant ground cosmodrome"
        " spaceport",
    ),
    # other title words
    ("prohibition", "prohibition ban bans banning banned"),
    ("boundary", "boundary border frontier"),
    ("joint", "joint common"),
    ("maritime", "maritime marine"),
    ("missile", "missile rocket"),  # one Russian and Korean word, translated either way
)
# The same word in another form (Far East Shipping Company for Far Eastern): no synonym
_ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()


def _in_figures(n: int) -> str:
    """An ordinal in figures: 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 20th."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th") if not 11 <= n <= 13 else "th"
    return f"{n}{suffix}"


# (and an ordinal in words is the ordinal in figures: the Ninth Trilateral Summit, the 9th)
_WORD_FORMS = (
    ("east", "eastern"),
    ("west", "western"),
    ("north", "northern"),
    ("south", "southern"),
    *((_in_figures(n), word) for n, word in enumerate(_ORDINALS, start=1)),
)
TITLE_SYNONYMS = {w: canon for canon, words in _SYNONYM_GROUPS for w in words.split()} | {
    form: word for word, form in _WORD_FORMS
}
_HEAD_GROUPS = frozenset(["treaty", "complex"])  # a short name's last word: INF pact, Sohae site
_SYNONYM_HEADS = frozenset(canon for canon, _ in _SYNONYM_GROUPS)
# Words that introduce a title's complement: the head noun stands before the first one.
_COMPLEMENT = frozenset(["of", "on", "between", "for", "in", "to", "with", "from", "by", "at"])
# British and American spellings of the same title word: defence/defense, centre/center,
# organisation/organization, neighbour/neighbor, programme/program.
_SPELLINGS = (
    (re.compile(r"(?<=..)is(ation|ations|e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"(?<=...)ence$"), "ense"),
    (re.compile(r"(?<=..)tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[bvlmn])our(?=s?$|ing$|ed$|hood$|liness$|ly$)"), "or"),
    (re.compile(r"(?<=....)mme(s?)$"), r"m\1"),
)
# Derivational endings: a title word and a word derived from the same stem are the same
# word reworded (launching/launch, limitation/limited, agreed/agreement, strategic/strategy,
# friendly/friendship).
# The stem left must have 5+ letters (station is not state, united not unit).
_SUFFIXES = tuple(
    "ations ation ative ional ions ion mental ments ment ships ship ings ing ed d es s ic al ly y".split()
)
_MIN_STEM = 5
# The endings tried on a stem when listing a word's derived spellings (for the index).
_FORMS = (
    "",
    *"s d ed es ing ion ions ional ation ations ative ment ments mental ship ships ic al ly y".split(),
)


@lru_cache(maxsize=32768)
def spelling(word: str) -> str:
    """British spelling -> American (defence -> defense); other words unchanged."""
    if len(word) < 5:
        return word
    for pattern, new in _SPELLINGS:
        word = pattern.sub(new, word)
    return word


@lru_cache(maxsize=32768)
def stem(word: str) -> str:
    """The word without one derivational or inflectional ending (5+ letters kept)."""
    word = spelling(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=32768)
def derived_forms(word: str) -> frozenset[str]:
    """Spellings derived from the word's stem (the word itself excluded)."""
    base = stem(word)
    if len(base) < _MIN_STEM:
        return frozenset()
    forms = {base + suffix for suffix in _FORMS}
    if base.endswith("e"):
        forms.update(base[:-1] + suffix for suffix in _FORMS if suffix[:1] in ("a", "i"))
    if base.endswith("iz"):
        forms.update(base[:-1] + "s" + suffix for suffix in _SUFFIXES)
    return frozenset(f for f in forms if f != word and stem(f) == base)


# Abbreviated months (Sept. 19 joint statement): the same title word, no synonym
MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
}  # fmt: skip


# Title words news copy shortens: the same word, no synonym (Korean Central TV)
_SHORT_WORDS = {
    "tv": "television", "govt": "government", "dept": "department", "intl": "international",
    "corp": "corporation", "assn": "association",
    "res": "resolution",  # S/RES/2375, the symbol of a Security Council resolution
}  # fmt: skip


# Ordinals in words are the same title word as in figures: the Fifth Army is the 5th Army
_ORDINAL_WORDS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
_SUFFIXES_1_3 = {1: "st", 2: "nd", 3: "rd"}
_SHORT_WORDS.update(
    (word, f"{n}{'th' if 10 < n < 14 else _SUFFIXES_1_3.get(n % 10, 'th')}")
    for n, word in enumerate(_ORDINAL_WORDS, start=1)
)

# Roman numerals are the same word as in figures: Minsk II is Minsk-2, START II is START-2
ROMAN_NUMERALS = {
    roman: str(n)
    for n, roman in enumerate(
        "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split(), start=1
    )
}
# (in titles only those of two letters or more: a lone "I" or "V" is a pronoun or a letter)
_SHORT_WORDS.update((roman, n) for roman, n in ROMAN_NUMERALS.items() if len(roman) > 1)


@lru_cache(maxsize=32768)
def title_word(word: str) -> str:
    """One title word, canonical: demonym -> country, synonym -> its group, plural -> singular."""
    word = DEMONYMS.get(word, word)
    word = MONTHS.get(word, word)
    word = _SHORT_WORDS.get(word, word)
    if word in TITLE_SYNONYMS:
        return TITLE_SYNONYMS[word]
    word = spelling(word)
    if word in TITLE_SYNONYMS:
        return TITLE_SYNONYMS[word]
    if len(word) >= 5 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        word = word[:-3] + "y" if word.endswith("ies") else word[:-1]  # Forces, Skies
        word = spelling(word)  # (Sciences: as Science is spelt)
        return TITLE_SYNONYMS.get(word, word)
    return word


# Title vocabulary common to many names of treaties, statements, bodies and facilities.
# A title may leave out such words when it keeps all its distinctive ones (capitalised) and its
# head noun: "the Prohibition Treaty" (of Nuclear Weapons), "the Sohae complex" (Satellite
# Launching Station). Country words (DPRK, Russian) are left out alike; they name the parties.
_GENERIC_WORDS = """
    academy action administration affairs agency alliance armed arms army assembly assistance
    association atomic authority ballistic bank bureau cabinet central centre chamber chemical
    civil coastal command commission committee communist company comprehensive conference
    congress control cooperation corporation council court defence defense democratic department
    development directorate economic energy executive exhibition federal federation fleet force
    foreign forum friendship front fund general government guard high industrial institute
    intelligence interior international joint justice launch launching league limitation
    military ministry missile mutual national navy nuclear office organization partnership party
    peace people permanent plan political popular range regional republic research resolution
    rocket protocol charter memorandum war
    satellite science scientific security service socialist space special staff standing state
    strategic supreme tactical technical test tourist trade union united weapon worker world
    north south
    protection person all territory sphere conditions
"""
# (a boundary is what a document is about, not the kind of document it is)
GENERIC_WORDS = frozenset(title_word(w) for w in _GENERIC_WORDS.split()) | (_SYNONYM_HEADS - {"boundary"})
# head nouns of bodies, as against documents and places (monitor.matching.bodies)
BODY_NOUNS = frozenset(
    title_word(w)
    for w in (
        "ministry committee commission department bureau directorate agency service office council"
        " administration authority board institute academy inspectorate university college force forces"
    ).split()
)


def generic(word: str) -> bool:
    """A canonical title word that is common title vocabulary or a country word (korea, for
    either Korea, is one too: the Korean agreement names no document by itself)."""
    return word in GENERIC_WORDS or word in COUNTRY_TITLE_WORDS or len(word) <= 2


def _bare(word: str) -> str:
    """title_word without the synonym table: demonym, spelling and plural unified."""
    word = spelling(DEMONYMS.get(word, word))
    if len(word) >= 5 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        word = spelling(word)  # (sciences: science, then as the singular is spelt)
    return word


def reworded(word: str, spec: NameSpec) -> str:
    """How a text word that matched a title word differs from it.

    "synonym" (accord for Treaty, ban for Prohibition), "derived" (launch for Launching,
    agreement for Agreed), or "" (the same word, maybe plural or in another spelling).
    """
    canon = title_word(word)
    if canon in spec.distinct:
        if word in spec.words or canon not in _SYNONYM_HEADS:
            return ""
        return "" if _bare(word) in {_bare(w) for w in spec.words} else "synonym"
    return "derived" if "p:" + word in spec.title_targets else ""


def canonical(words: Sequence[str]) -> list[tuple[str, int, int]]:
    """Title words with country names, synonyms and plurals unified: (word, first, last index)."""
    plain = [DEMONYMS.get(w, w) for w in words]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(plain):
        if plain[i] not in PHRASE_STARTS:
            out.append((title_word(plain[i]), i, i))
            i += 1
            continue
        for size in range(min(LONGEST_PHRASE, len(plain) - i), 0, -1):
            hit = _ALL_PHRASES.get(tuple(plain[i : i + size]))
            if hit is not None:
                out.append((hit, i, i + size - 1))
                i += size
                break
        else:
            out.append((title_word(plain[i]), i, i))
            i += 1
    return out


_SPELLED_AS: dict[str, set[str]] = {}
for _plain, _canon in (*DEMONYMS.items(), *TITLE_SYNONYMS.items()):
    _SPELLED_AS.setdefault(_canon, {_canon}).add(_plain)


def _head(words: Sequence[str], canon: Sequence[tuple[str, int, int]] | None = None) -> int:
    """Index in the distinctive words of the title's head noun, before its complement."""
    distinct = [(c, a) for c, a, _ in (canonical(words) if canon is None else canon) if c not in STOPWORDS]
    cut = next((a for a, w in enumerate(words) if a and w in _COMPLEMENT), len(words))
    before = [q for q, (_, a) in enumerate(distinct) if a < cut]
    return before[-1] if before else -1


_SHARED: dict[frozenset[int], frozenset[int]] = {}


def _shared(covered: frozenset[int]) -> frozenset[int]:
    """One object per set of title word positions: a watch-list of 20,000 names made 150,000
    copies of {0}, {1}..., each one more object for the garbage collector to walk."""
    return _SHARED.setdefault(covered, covered)


_MAX_INITIALS = 6  # letters of the longest acronym read from a title's words


def _initials(
    words: Sequence[str], cased: Sequence[str], canon: Sequence[tuple[str, int, int]]
) -> dict[str, frozenset[int]]:
    """Acronyms of a title's first words (UNSC, UNSCR of United Nations Security Council
    Resolution 2397; JCPOA of Joint Comprehensive Plan of Action): "i:" + the initials, with
    and without those of the function words between, -> the title words they cover. A word in
    capitals gives all its letters (UN Security Council: UNSC)."""
    out: dict[str, frozenset[int]] = {}
    plain = full = ""
    covered: set[int] = set()
    q = 0
    for c, a, b in canon:
        letters = _letters(words[a : b + 1], cased[a : b + 1])
        if c in STOPWORDS:
            full += letters
            continue
        if not letters.isalpha():
            break  # a number ends the acronym: UNSCR 2397
        plain += letters
        full += letters
        covered.add(q)
        q += 1
        if len(plain) > _MAX_INITIALS:
            break
        if len(covered) >= 2:
            for key in (plain, full):
                if 3 <= len(key) <= _MAX_INITIALS:
                    out.setdefault("i:" + key, _shared(frozenset(covered)))
    # ... and of its last words, the object of its complement: General Staff of the KPA
    # (Korean People's Army), Central Committee of the WPK
    parts = [(c, _letters(words[a : b + 1], cased[a : b + 1])) for c, a, b in canon]
    content = [x for x, (c, _) in enumerate(parts) if c not in STOPWORDS]
    if all(letters.isalpha() for c, letters in parts if c not in STOPWORDS):
        for n, start in enumerate(content[1:-1], start=1):
            run = parts[start:]
            plain = "".join(letters for c, letters in run if c not in STOPWORDS)
            full = "".join(letters for _, letters in run)
            tail = _shared(frozenset(range(n, len(content))))
            for key in (plain, full):
                if 3 <= len(key) <= _MAX_INITIALS:
                    out.setdefault("i:" + key, tail)
    return out


def _letters(words: Sequence[str], cased: Sequence[str]) -> str:
    """The initials words give an acronym: a word in capitals all its letters (UN)."""
    return "".join(w if as_typed.isupper() else w[0] for w, as_typed in zip(words, cased, strict=True))


def _targets(distinct: list[str]) -> dict[str, frozenset[int]]:
    out: dict[str, frozenset[int]] = {}
    for q, word in enumerate(distinct):
        out.setdefault(word, _shared(frozenset({q})))
        if q + 1 < len(distinct):
            out.setdefault(word + distinct[q + 1], _shared(frozenset({q, q + 1})))
    return out


@lru_cache(maxsize=32768)  # title vocabulary repeats across a watch-list's titles
def _forms(word: str, raw: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Plain text spellings of a canonical title word; () when a phrase may stand for it."""
    if word in SYNONYM_WORDS:
        return ()
    spellings = {*_SPELLED_AS.get(word, ()), word, *raw}
    spellings.update(f for w in raw for f in derived_forms(w))
    for plain in list(spellings):
        plural = (plain[:-1] + "ies") if plain.endswith("y") else plain + "s"
        spellings.update(p for p in (plural, plain + "es") if title_word(p) == word)
    return tuple(sorted(spellings))


def _title_forms(distinct: Sequence[str], raw: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Plain spellings per title word; () (may be present in any spelling) for Korean words."""
    korean = _korean_keys(distinct)
    return tuple(
        () if any(q in v for v in korean.values()) else _forms(w, tuple(raw[q]))
        for q, w in enumerate(distinct)
    )


def _derived_targets(distinct: Sequence[str], raw: Sequence[Sequence[str]]) -> dict[str, frozenset[int]]:
    """Words derived from a title word's stem that canonicalise elsewhere: "p:" + spelling.

    (Launch for Launching, agreement for Agreed, prohibited for Prohibition; intergovernmental
    for Government.)
    """
    out: dict[str, set[int]] = {}
    for q, canon in enumerate(distinct):
        for w in raw[q]:
            for form in derived_forms(w):
                if title_word(form) != canon:
                    out.setdefault("p:" + form, set()).add(q)
                if form.endswith("al"):
                    # between two of them: an intergovernmental agreement is one between two
                    # governments, an interregional one between regions
                    out.setdefault("p:inter" + form, set()).add(q)
    return {k: _shared(frozenset(v)) for k, v in out.items()}


def _minimum(distinct: Sequence[str], head: int, share: int, where: bool = False) -> int:
    """Fewest title words a match may hold: the share, or the distinctive words and the head
    (or, set by choose_anchors, a document's parties, a word of its subject and its head noun:
    verify.parties_short_name). ``where``: the last is the country a body works in, which may
    be left out."""
    keep = {q for q, w in enumerate(distinct) if not generic(w)} - ({len(distinct) - 1} if where else set())
    return share if not keep else min(share, max(2, len(keep | {head})))


def _works_in(words: Sequence[str], distinct: Sequence[str], kind: str) -> bool:
    """A body's name ends with the country it works in, after "in" (the Korean Residents Union
    in Japan): a short form may leave it out (NameSpec.where, verify._short_form)."""
    from monitor.matching.countries import COUNTRY_WORDS  # (that module imports this one)

    return (
        len(words) >= 3
        and "in" in (words[-2], words[-3])
        and bool(distinct)
        and distinct[-1] in COUNTRY_WORDS
        and kind.lower() != "treaty"
    )


def title_parties(distinct: Sequence[str]) -> frozenset[int]:
    """Positions of a title's country words, when it names two countries or more (its parties)."""
    from monitor.matching.countries import COUNTRY_WORDS  # (that module imports this one)

    parties = frozenset(q for q, w in enumerate(distinct) if w in COUNTRY_WORDS)
    korea = {"korea", "dprk", "rok"}  # (both Koreas count as one party)
    countries = {"korea" if distinct[q] in korea else distinct[q] for q in parties}
    return parties if len(countries) >= 2 else frozenset()


# Words of a subject too vague to name a document by themselves with its parties: the
# Russia-DPRK cooperation agreement could be any of a dozen (canonical title words)
SHORT_NAME_FILLER = frozenset(
    """cooperation comprehensive strategic mutual joint economic technical scientific general
    international national special bilateral intergovernmental government basic further new
    main field area""".split()
)


def short_name_subjects(distinct: Sequence[str], head: int) -> frozenset[int]:
    """Positions of the subject words that, with every party and the head noun, make a
    bilateral document's short name (the DPRK-Russia partnership treaty); none: no such name."""
    parties = title_parties(distinct)
    if not parties or head < 0:
        return frozenset()
    return frozenset(
        q
        for q, w in enumerate(distinct)
        if q != head and q not in parties and w not in SHORT_NAME_FILLER
    )


def _korean_keys(distinct: Sequence[str]) -> dict[str, frozenset[int]]:
    """Korean spelling keys of title words read as 2+ Korean syllables (Kaesong = Gaeseong)."""
    out: dict[str, frozenset[int]] = {}
    for q, word in enumerate(distinct):
        syllables = korean_syllables(word)
        if word not in SYNONYM_WORDS and syllables is not None and len(syllables) >= 2:
            out.setdefault("k:" + korean_key(word), _shared(frozenset({q})))
    return out


def title_may_match(spec: NameSpec, present: set[str], typo_anchor: bool) -> bool:
    """Cheap filter: enough distinct words occur verbatim (plus the anchor, if misspelt)."""
    forms = spec.forms
    hit = [not f or any(w in present for w in f) for f in forms]
    for q in range(len(forms) - 1):
        if not (hit[q] and hit[q + 1]) and spec.distinct[q] + spec.distinct[q + 1] in present:
            hit[q] = hit[q + 1] = True
    return sum(hit) + typo_anchor >= spec.required


def split_words(text: str) -> tuple[list[str], list[str]]:
    """(lowercase words, case-kept words) of a name as typed."""
    lower, plain = _split_words(text)
    return list(lower), list(plain)


@lru_cache(maxsize=32768)
def _split_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # cached: a build splits each entry's name once per alias too
    cased, _ = fold(text)
    plain = [cased[a:b].replace("'", "") for a, b in (m.span() for m in WORD_RE.finditer(cased.lower()))]
    return tuple(w.lower() for w in plain), tuple(plain)


_NO_WORDS: frozenset[str] = frozenset()


_RUSSIAN_ADMIN = frozenset(["oblast", "krai", "kray", "okrug", "respublika", "raion", "rayon"])


@lru_cache(maxsize=4096)
def _russian_admin(names: tuple[str, ...]) -> bool:
    """One of an entry's names holds a term only Russian places take (Oblast, Krai)."""
    return any(w in _RUSSIAN_ADMIN for name in names for w in split_words(name)[0])


@dataclass(frozen=True)
class NameSpec:
    """One name or alias of one entry in one watch-list, ready to match."""

    id: int
    watchlist: str
    entry: Entry
    text: str
    is_alias: bool
    words: tuple[str, ...]
    cased: tuple[str, ...]
    mode: str  # "seq" (words in order) | "title" (token set in a window)
    korean: bool
    person: bool
    case_sensitive: bool
    distinct: tuple[str, ...] = ()  # title mode: canonical distinctive words, in order
    required: int = 0  # title mode: fewest of distinct a match may hold (share or generic ones left out)
    share: int = 0  # title mode: how many of distinct must appear when a distinctive one is missing
    # title mode: a body's name ends with the country it works in (_works_in), which a short
    # form may leave out: the last of distinct
    where: bool = False
    anchors: tuple[int, ...] = ()
    forms: tuple[tuple[str, ...], ...] = ()  # title mode: plain spellings of each distinct word
    # title mode: distinct words, and adjacent pairs written as one, -> name word indices
    title_targets: dict[str, frozenset[int]] = field(default_factory=dict, compare=False)
    # title mode: the targets a misspelt word may stand for (no keyed ones: "k:", "p:")
    typo_targets: tuple[tuple[str, frozenset[int]], ...] = ()
    korean_targets: bool = False  # title mode: some title word has a Korean key ("k:")
    # words typed in capitals amid others (New START): written capitalised in a mention too
    acronyms: frozenset[str] = frozenset()
    bare_surname: bool = False  # a lone Korean surname: never matched
    # an acronym alias (BWC): the words of the entry's other names, of which its spelled-out
    # form must consist (Biological Weapons Convention; not Big West Conference)
    expansion: frozenset[str] = frozenset()
    head: int = -1  # title mode: index in distinct of the head noun (Treaty, Complex), or -1
    # title mode: subject words that with every party and the head noun make the document's
    # short name (the DPRK-Russia partnership treaty); set by choose_anchors
    short_subjects: frozenset[int] = field(default=frozenset(), compare=False)
    korean_word: bool = False  # a one-word Korean place or body (Nampo = Nampho): Korean key too
    # another writing of a name the analyst typed (_spellings), and the kind it reports:
    # "translit" (Paektusan for Mount Paektu), "reordered" (Unification Ministry), "cut" (a
    # document's name without its closing alternative: _ALTERNATIVE_TAIL), "partial"
    # (North Hamgyong for North Hamgyong Province), "plural" (the Kurils for Kuril Islands:
    # as written only, and reported as partial)
    derived: str = ""
    # an acronym alias with the letters of its title's function words in lowercase (JCPoA
    # for JCPOA, Joint Comprehensive Plan of Action): verify.compare takes these as written
    mixed_case: frozenset[str] = frozenset()
    # what verify.compare's answer depends on besides the words (its memo key); derived
    profile: int = field(default=0, init=False, compare=False, repr=False)
    # the last word of a place's name when it is a facility word (Cosmodrome of Vostochny
    # Cosmodrome), which another facility word may stand for (spaceport): verify.compare
    facility: str = field(default="", init=False, compare=False, repr=False)
    # name words right before an administrative term (Kursk of Kursk region): verify.inflected
    before_admin: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)
    # words of 2+ Korean syllables in a non-person name of several words, all read as Korean
    # syllables (Tongchang-ri): korean_place
    korean_places: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)
    # title mode: words typed as acronyms of 2-5 capitals (the WPK of a body's name)
    own_acronyms: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)
    # a word is a Roman numeral (Minsk II), not in a person's name: verify.compare
    numerals: bool = field(default=False, init=False, compare=False, repr=False)
    # a person's name in pinyin (Li Hongzhong): a misspelling that is other pinyin syllables
    # (Hongzhang) is another person's name
    chinese: bool = field(default=False, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # (every derived field set here, its default too: mypyc's dataclasses leave an
        # init=False field unset)
        facility, admin, places, chinese = "", _NO_WORDS, _NO_WORDS, False
        # places, bodies and short document names: their head, admin terms, Korean words
        if not (self.person or self.korean or self.exact or self.mode == "title"):
            words = self.words
            if len(words) > 1 and TITLE_SYNONYMS.get(words[-1]) in _HEAD_GROUPS:
                facility = words[-1]
            admin = frozenset(w for w, nxt in pairwise(words) if nxt in ADMIN_TERMS) or _NO_WORDS
            # (or geographic terms: Mount Paektu = Mount Baekdu)
            # (not when a name of the entry holds a Russian term: Belgorod Oblast, Belgorod region)
            # (or title vocabulary: the Ganghwa Treaty is the Kanghwa Treaty)
            # (or an English word after it, no natural feature's: the Unhasu Orchestra is the
            # Eunhasu Orchestra; the Tumen River's Tumen, which reads as syllables, is Chinese)
            korean_like = all(
                korean_syllables(w) or w in ADMIN_TERMS or _title_vocabulary(w) or (at and w not in _NATURAL)
                for at, w in enumerate(words)
            )
            if len(words) > 1 and korean_like and not _russian_admin(self.entry.names):
                places = frozenset(w for w in words if len(korean_syllables(w) or ()) >= 2) or _NO_WORDS
        if self.person and not self.korean and len(self.words) >= 2:
            chinese = is_chinese_name(self.words)
        object.__setattr__(self, "facility", facility)
        object.__setattr__(self, "before_admin", admin)
        object.__setattr__(self, "korean_places", places)
        own = (w.lower() for w in self.cased if w.isupper() and 1 < len(w) <= 5)
        object.__setattr__(self, "own_acronyms", frozenset(own) if self.mode == "title" else _NO_WORDS)
        object.__setattr__(self, "numerals", not self.person and any(w in ROMAN_NUMERALS for w in self.words))
        object.__setattr__(self, "chinese", chinese)
        profile = (
            self.exact
            | self.korean << 1
            | (len(self.words) == 1) << 2
            | self.korean_word << 3
            | (self.mode == "title") << 4
            # then whether a name word is one of them depends on the word alone
            | bool(self.korean_places) << 5
            | self.chinese << 6
            | self.person << 7
            | (self.entry.kind.lower() == "treaty") << 8
            | (self.korean and all(map(is_pinyin, self.words))) << 9  # (verify.pinyin_name)
        )
        object.__setattr__(self, "profile", profile)

    @property
    def alone(self) -> bool:
        return len(self.words) == 1

    @property
    def exact(self) -> bool:
        # (a derived plural only as written: Marshall is no typo of the Marshalls)
        return self.entry.exact or self.derived == "plural"

    def korean_place(self, word: str) -> bool:
        """A word whose Korean key counts (Nampho = Nampo): a one-word Korean place's, or a
        word of two Korean syllables or more in another place's or body's name of several
        words that all read as Korean syllables (Tongchang of Tongchang-ri = Dongchang-ri,
        Punggye of Phunggye-ri)."""
        return self.korean_word or word in self.korean_places


# Kinds of natural feature: one shared by a river or sea of several countries' names
_NATURAL = frozenset("river sea lake bay gulf strait island islands peninsula mountain mountains".split())


def _title_vocabulary(word: str) -> bool:
    """A function word or a common title word (treaty, of, declaration)."""
    return word in STOPWORDS or title_word(word) in GENERIC_WORDS


def _is_person(entry: Entry, words: list[str], cased: list[str]) -> bool:
    if entry.kind:
        return entry.kind.lower() == "person"
    if not (2 <= len(words) <= 4 and all(c[:1].isupper() for c in cased) and not (set(words) & STOPWORDS)):
        return False
    # (no kind given: title vocabulary, a country or an acronym makes it no person's name, as
    # in "DPRK-IAEA Safeguards Agreement"; Kim Jong Un's "Un" is no UN)
    return not any(
        (len(w) >= 3 and title_word(w) in GENERIC_WORDS)
        or (len(w) >= 4 and w in SYNONYM_WORDS)
        or (len(c) >= 2 and c.isupper())
        for w, c in zip(words, cased, strict=True)
    )


def _acronym(cased: list[str]) -> bool:
    return len(cased) == 1 and cased[0].isalpha() and cased[0].isupper() and len(cased[0]) <= 5


def _expansion(entry: Entry, acronym: str) -> frozenset[str]:
    """Canonical words of the entry's names of two words or more, but the acronym."""
    out: set[str] = set()
    for other in entry.names:
        words = [w for w in split_words(other)[0] if w not in STOPWORDS]
        if other != acronym and len(words) >= 2:
            out.update(words)
            out.update(c for c, _, _ in canonical(words))
    return frozenset(out)


_MOUNT = frozenset(("mount", "mt", "mountain"))
_MOUNTAIN_HINT = re.compile(r"\b(?:mount|mt|mountain)\b|san\b", re.IGNORECASE)
# bodies and documents named "X of Y" or "Y X" alike (Ministry of Unification, Unification
# Ministry; the Treaty of Portsmouth, the Portsmouth Treaty)
_BODIES = frozenset(
    """ministry department committee commission council agency bureau directorate treaty
    convention protocol declaration charter statute covenant""".split()
)
_BODY_HINT = re.compile(r"\b(?:" + "|".join(sorted(_BODIES)) + r")\b", re.IGNORECASE)


def _spellings(entry: Entry) -> list[tuple[str, str]]:
    """The entry's names and aliases, then the other writings of them a rule derives (True).

    Korean names a mountain with the suffix -san: Paektusan is Mount Paektu (or Paektu
    Mountain), and Mount Kumgang is Kumgangsan. Only a stem of two Korean syllables or more:
    "Mount Hood" is no Hoodsan, and Hasan (one syllable before -san) is a town.
    """
    out = [(name, "") for name in entry.names]
    if entry.exact:
        return out
    mountain = any(_MOUNTAIN_HINT.search(name) for name in entry.names)
    body = any(_BODY_HINT.search(name) for name in entry.names)
    if any(_PROVINCE_HINT.match(name) for name in entry.names):
        out += _korean_provinces(entry)
    if any(_DOCUMENT_NOUN_HINT.search(name) for name in entry.names):
        out += _document_nouns(entry)
    if any(_ALTERNATIVE_HINT.search(name) for name in entry.names):
        out += [(m[1], "cut") for name in entry.names if (m := _ALTERNATIVE_TAIL.match(name)) and _cut_ok(m)]
    out += [(f"{m[1]}s", "plural") for name in entry.names if (m := _ISLANDS.match(name))]
    out += [(f, "translit") for n in entry.names if (m := _UNIT_AFTER.match(n)) and (f := _solid_unit(m))]
    out += [(f"{m[2]} {m[1]}", "reordered") for n in entry.names if (m := _FEATURE_OF.match(n))]
    out += [(f"{m[2] or m[4]} {m[1] or m[3]}", "reordered") for n in entry.names if (m := _LAKE(n))]
    if entry.kind.lower() in ("treaty", ""):
        out += [(name, "known") for name in known_names(entry.names)]  # the Prague Treaty: New START
    if not (mountain or body):
        return out  # (most entries: one or two regex searches each, no word splitting)
    if _is_person(entry, *split_words(entry.name)):
        return out
    have = {tuple(split_words(name)[0]) for name in entry.names}
    if body:
        # a body "of" one word is also written with that word first, and the reverse:
        # Ministry of Unification = Unification Ministry, Defence Ministry = Ministry of Defence
        # (and a document: the Treaty of Aigun = the Aigun Treaty)
        for name in entry.names:
            words, cased = split_words(name)
            form = ""
            of_the = len(words) >= 4 and words[0] in _BODIES and words[1:3] == ["of", "the"]
            if len(words) == 3 and words[0] in _BODIES and words[1] == "of" and words[2] not in STOPWORDS:
                form = f"{cased[2]} {cased[0]}"
            elif of_the and len(words) <= 5 and not STOPWORDS.intersection(words[3:]):
                # the Charter of the United Nations = the United Nations Charter
                form = " ".join((*cased[3:], cased[0]))
            elif len(words) >= 4 and words[0] in _BODIES and words[1] == "of" and words[3] == "affairs":
                # Ministry of Foreign Affairs (of the Russian Federation) = Foreign Ministry (...)
                form = " ".join((cased[2], cased[0], *cased[4:]))
            elif len(words) == 2 and words[0].isdigit() != words[1].isdigit() and _BODIES & {*words}:
                form = f"{cased[1]} {cased[0]}"  # the 1718 Committee = Committee 1718; Bureau 121
            elif len(words) == 2 and words[1] in _BODIES and words[0] not in STOPWORDS:
                # (an acronym takes the article: the UN Charter is the Charter of the UN)
                the = "the " if len(cased[0]) >= 2 and cased[0].isupper() else ""
                form = f"{cased[1]} of {the}{cased[0]}"
            key = tuple(split_words(form)[0])
            if form and key not in have:
                have.add(key)
                out.append((form, "reordered"))
    if not mountain:
        return out
    for name in entry.names:
        words, cased = split_words(name)
        stem = ""
        if len(words) == 2 and (words[0] in _MOUNT or words[1] == "mountain"):
            at = 1 if words[0] in _MOUNT else 0
            if len(korean_syllables(words[at]) or ()) >= 2:
                stem = cased[at]
        elif len(words) == 1 and words[0].endswith("san"):
            syllables = korean_syllables(words[0])
            if syllables is not None and len(syllables) >= 3 and syllables[-1] == ("s", "a", "n"):
                stem = cased[0][:-3]
        for form in (f"Mount {stem}", f"{stem} Mountain", f"{stem}san") if stem else ():
            key = tuple(split_words(form)[0])
            if key not in have:
                have.add(key)
                out.append((form, "translit"))
    return out


# A noun that names a document by itself before "Agreement" (the Korean Armistice Agreement
# is the Korean Armistice)
_DOCUMENT_NOUN_HINT = re.compile(
    r"\b(?:armistice|truce|ceasefire)\s+(?:agreement|treaty|accord|pact)$", re.IGNORECASE
)


# A document's official name that ends with an alternative or a narrowing ("... Nuclear
# Accident or Radiological Emergency", "... of International Importance especially as
# Waterfowl Habitat") is cited without it: the part before is a name of its own
_ALTERNATIVE_TAIL = re.compile(
    r"^((?:[\w'’-]+\s+)*(?:Convention|Treaty|Agreement|Protocol|Covenant)\s+.+?),?\s+"
    r"(?:or|especially|particularly|including|notably)\s+([^,]+)$"
)
# (a literal search first: most names have none)
_ALTERNATIVE_HINT = re.compile(r" (?:or|especially|particularly|including|notably) ")
# a tail with a complement of its own is no alternative at the end ("Military or Any Other
# Hostile Use of Environmental Modification Techniques": the or sits inside the subject)
_TAIL_COMPLEMENT = frozenset(["of", "on", "in", "for", "to", "with", "by", "from", "against", "between"])
_CUT_HEADS = frozenset(["convention", "treaty", "agreement", "protocol", "covenant"])
_MIN_CUT_WORDS = 3  # content words the part before keeps after its head noun, at least


def _cut_ok(m: re.Match[str]) -> bool:
    head, tail = split_words(m[1])[0], split_words(m[2])[0]
    if _TAIL_COMPLEMENT.intersection(tail):
        return False
    at = next((i for i, w in enumerate(head) if w in _CUT_HEADS), len(head))
    return len([w for w in head[at + 1 :] if w not in STOPWORDS]) >= _MIN_CUT_WORDS


def _document_nouns(entry: Entry) -> list[tuple[str, str]]:
    """X Armistice Agreement (of three words or more) without its last word: X Armistice."""
    out = []
    have = {tuple(split_words(name)[0]) for name in entry.names}
    for name in entry.names:
        words, cased = split_words(name)
        if len(words) < 3 or not _DOCUMENT_NOUN_HINT.search(name):
            continue
        form = " ".join(cased[:-1])
        key = tuple(split_words(form)[0])
        if key not in have:
            have.add(key)
            out.append((form, "partial"))
    return out


_PROVINCE_HINT = re.compile(r"(?:north|south)\s", re.IGNORECASE)
# An archipelago named "X Islands" is also "the Xs" (the Kurils, the Senkakus, the Spratlys);
# never bare X, which may be a person or a word (Marshall, Cook, Solomon)
_ISLANDS = re.compile(r"(?:the\s+)?([A-Z][a-z]{3,})\s+Islands$")
# A sea, gulf or strait "of" one word is also written with that word first: the Sea of
# Okhotsk is the Okhotsk Sea, the Sea of Japan the Japan Sea
_FEATURE_OF = re.compile(r"^(Sea|Gulf|Strait)\s+of\s+(?:the\s+)?([A-Z][a-z]+)$")
# ... and a lake is named before or after its word: Lake Sijung is Sijung Lake, and back
_LAKE = re.compile(r"^(Lake)\s+([A-Z][a-z]+)$|^([A-Z][a-z]+)\s+(Lake)$").match


# Korean writes a place's unit as a suffix, which romanised copy may keep solid: Wihwa Island
# is Wihwado, Kangwon Province Kangwondo, Changjin County Changjingun (with a hyphen, the
# unit is read in the text: verify.compare)
_UNIT_AFTER = re.compile(r"^([A-Z][a-z]+)\s+(Island|Province|County)$")
_SOLID_UNITS = {"Island": "do", "Province": "do", "County": "gun"}


def _solid_unit(m: re.Match[str]) -> str:
    """The name with its unit as the Korean suffix, if the name reads as two Korean syllables
    or more (Cheju is no Chejudo's stem), else ""."""
    if len(korean_syllables(m[1].lower()) or ()) < 2:
        return ""
    return m[1] + _SOLID_UNITS[m[2]]


# Korean names a province's half with a suffix: North Hamgyong is Hamgyong-bukto (McCune-
# Reischauer pukto), South Pyongan Pyongan-namdo
_PROVINCE_HALVES = {"north": ("Bukto", "Pukto", "Bukdo"), "south": ("Namdo",)}


def _korean_provinces(entry: Entry) -> list[tuple[str, str]]:
    """North/South X (Province), X Korean syllables: X-bukto, X-pukto; X-namdo; and North/South
    X Province without its unit, as copy often writes it (North Hamgyong)."""
    out = []
    have = {tuple(split_words(name)[0]) for name in entry.names}
    for name in entry.names:
        words, cased = split_words(name)
        whole = len(words) == 2 or (len(words) == 3 and words[2] == "province")
        if not (whole and words[0] in _PROVINCE_HALVES and korean_syllables(words[1]) is not None):
            continue
        forms = [(f"{cased[1]}-{suffix}", "translit") for suffix in _PROVINCE_HALVES[words[0]]]
        if len(words) == 3:
            forms.append((f"{cased[0]} {cased[1]}", "partial"))  # North Hamgyong, without Province
        for form, kind in forms:
            key = tuple(split_words(form)[0])
            if key not in have:
                have.add(key)
                out.append((form, kind))
    return out


_DIGRAPHS = {"Z": "h", "K": "h", "S": "h", "C": "h", "T": "s"}  # Zh Kh Sh Ch Ts


def _mixed_case(entry: Entry, cased: Sequence[str]) -> frozenset[str]:
    """An acronym alias as written with its function words' letters in lowercase, where
    another name of the entry spells it out word by word (JCPoA: Joint Comprehensive Plan
    of Action; DoD: Department of Defense)."""
    if len(cased) != 1 or len(cased[0]) < 3 or not cased[0].isalpha():
        return _NO_WORDS
    acronym = cased[0]
    out = set()
    if len(acronym) <= _MAX_INITIALS and acronym.isupper():
        # a Russian acronym's letter that romanises as two (Ж: RZD, RZhD)
        for at, letter in enumerate(acronym):
            if letter in _DIGRAPHS:
                out.add(acronym[:at] + letter + _DIGRAPHS[letter] + acronym[at + 1 :])
    for other in entry.names:
        words = split_words(other)[0]
        if len(words) == len(acronym) and "".join(w[0] for w in words) == acronym.casefold():
            lowered = "".join(c.lower() if w in STOPWORDS else c for c, w in zip(acronym, words, strict=True))
            if lowered != acronym:
                out.add(lowered)
    return frozenset(out)


def _korean_word(words: list[str], person: bool, strict: bool) -> bool:
    """A one-word non-person name read as two or more Korean syllables (Nampo, Yongbyon)."""
    if person or strict or len(words) != 1:
        return False
    syllables = korean_syllables(words[0])
    return syllables is not None and len(syllables) >= 2


def compile_names(watchlist: str, entries: Iterable[Entry], start_id: int) -> list[NameSpec]:
    specs: list[NameSpec] = []
    for entry in entries:
        person = _is_person(entry, *split_words(entry.name))
        for n, (text, derived) in enumerate(_spellings(entry)):
            words, cased = split_words(text)
            if not words:
                continue
            case_sensitive = entry.case_sensitive if entry.case_sensitive is not None else _acronym(cased)
            auto_case = case_sensitive and entry.case_sensitive is None  # not the analyst's choice
            canon = () if person else canonical(words)  # (a person's name is never a title)
            parts = [(c, words[a : b + 1]) for c, a, b in canon if c not in STOPWORDS]
            distinct = [c for c, _ in parts]
            raw = [p for _, p in parts]
            title = not person and len(distinct) >= 3
            share = max(2, math.ceil(TITLE_SHARE * len(distinct)))
            cut = derived == "cut"
            if cut:  # (a name cut short is read whole, generic words too: it is short already)
                share = len(distinct)
            head = _head(words, canon) if title else -1
            where = title and _works_in(words, distinct, entry.kind)
            korean_keys = _korean_keys(distinct) if title else {}
            targets = (
                {
                    **_derived_targets(distinct, raw),
                    **_written_targets(distinct, raw),
                    **_targets(distinct),
                    **korean_keys,
                    **_initials(words, cased, canon),
                    **_which_korea(entry, distinct),
                    **_korea_for_one(distinct),
                }
                if title
                else {}
            )
            # (a document's or body's alias is no Korean name, though its words may read as
            # syllables: UN Charter)
            document = entry.kind.lower() in ("treaty", "organisation", "organization")
            korean = not title and not document and is_korean_name(words)
            expansion = _expansion(entry, text) if n and _acronym(cased) and len(words[0]) >= 3 else _NO_WORDS
            specs.append(
                NameSpec(
                    id=start_id + len(specs),
                    watchlist=watchlist,
                    entry=entry,
                    text=text,
                    is_alias=n > 0,
                    derived=derived,
                    words=tuple(words),
                    cased=tuple(cased),
                    mode="title" if title else "seq",
                    korean=korean,
                    person=person,
                    case_sensitive=case_sensitive,
                    distinct=tuple(distinct) if title else (),
                    forms=_title_forms(distinct, raw) if title else (),
                    title_targets=targets,
                    typo_targets=_typo_targets(targets),
                    korean_targets=bool(korean_keys),
                    acronyms=_acronym_words(words, cased) or (frozenset(words) if expansion else _NO_WORDS),
                    expansion=expansion,
                    mixed_case=_mixed_case(entry, cased) if auto_case else _NO_WORDS,
                    head=head,
                    share=share if title else 0,
                    required=(share if cut else _minimum(distinct, head, share, where)) if title else 0,
                    where=where,
                    korean_word=_korean_word(words, person, case_sensitive or entry.exact),
                    # (one Korean syllable: Kim, Pak, Ri; Suga, two, is a Japanese surname)
                    bare_surname=person
                    and len(words) == 1
                    and len(korean_syllables(words[0]) or ()) == 1
                    and len(words[0]) <= 4
                    and not case_sensitive,
                )
            )
    return specs


def _which_korea(entry: Entry, distinct: Sequence[str]) -> dict[str, frozenset[int]]:
    """A title's bare "Korea" (the Korea-China Joint Communiqué) is the Korea the entry's other
    names give, when they give one only: then the ROK-China Joint Communiqué says it too; when
    they give none, the North named so says it."""
    if "korea" not in distinct:
        return {}
    named = {c for other in entry.names for c, _, _ in canonical(split_words(other)[0])}
    named &= {"rok", "dprk"}
    if len(named) > 1:
        return {}
    # (none given: the North, as its own bodies name themselves "of Korea": the North Korean
    # army's General Political Bureau for the General Political Bureau of the Korean People's
    # Army; the Workers' Party of South Korea is another party than the Workers' Party of Korea)
    return {(named or {"dprk"}).pop(): _shared(frozenset({distinct.index("korea")}))}


def _korea_for_one(distinct: Sequence[str]) -> dict[str, frozenset[int]]:
    """A bare "Korea" (Korean) in a document's parties is its one Korea: the Russian-Korean
    or Vietnamese-Korean agreement for the DPRK's, as Russian and Soviet usage names it; not
    for a title naming both Koreas, nor a body's name (the Korean foreign ministry may be
    either)."""
    koreas = [q for q, w in enumerate(distinct) if w in ("dprk", "rok")]
    if len(koreas) != 1 or "korea" in distinct or len(title_parties(distinct)) < 2:
        return {}
    return {"korea": _shared(frozenset(koreas))}


def _written_targets(distinct: Sequence[str], raw: Sequence[Sequence[str]]) -> dict[str, frozenset[int]]:
    """Title words as written where that differs from their canonical form, so that a typo
    is measured against the word the writer meant ("Delcaration" for Declaration, whose
    canonical form is "statement")."""
    out: dict[str, frozenset[int]] = {}
    for q, words in enumerate(raw):
        if len(words) == 1 and words[0] != distinct[q] and len(words[0]) >= 5:
            out[words[0]] = _shared(frozenset({q}))
        if q + 1 < len(raw) and len(words) == 1 and len(raw[q + 1]) == 1:
            # two words as written run together, where one has another canonical form
            # (Kant airbase for Kant Air Base, "base" being "complex")
            glued = words[0] + raw[q + 1][0]
            if glued != distinct[q] + distinct[q + 1]:
                out[glued] = _shared(frozenset({q, q + 1}))
    return out


def _acronym_words(words: Sequence[str], cased: Sequence[str]) -> frozenset[str]:
    """Words of 2-5 letters typed in capitals in a name that is not all capitals: "a new
    start" is no mention of New START (New Start is)."""
    if len(words) < 2 or all(c.isupper() for c in cased):
        return frozenset()
    return frozenset(w for w, c in zip(words, cased, strict=True) if c.isupper() and 2 <= len(c) <= 5)


def _typo_targets(targets: dict[str, frozenset[int]]) -> tuple[tuple[str, frozenset[int]], ...]:
    return tuple((t, covered) for t, covered in targets.items() if ":" not in t and len(t) >= 5)


# Units a Korean place's name may go without (verify.PLACE_UNITS): never its anchor
_LEFT_OUT_UNITS = KOREAN_PLACE_UNITS | frozenset("county island city district village town province".split())


def father_initial_first(spec: NameSpec) -> bool:
    """A two-word person's name that may be written with its second word's initial before
    its first, as Mongolian usage writes the father's name (Ts. Munkhbat for Munkhbat
    Tsevegjav): not with a Russian given name (P. Vladimir is no Vladimir Putin), nor a
    Korean or Chinese name (surname first)."""
    words = spec.words
    if not spec.person or spec.korean or spec.chinese or len(words) != 2 or spec.exact:
        return False
    return len(words[1]) >= 3 and not russian_given_name(words[0])


def choose_anchors(specs: list[NameSpec]) -> list[NameSpec]:
    """Pick each name's rarest words: any match must contain one of them (pigeonhole). Also
    each bilateral document's short-name subjects: words few watched documents share."""
    _short_names(specs)
    freq: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for spec in specs:
        freq.update(set(spec.distinct or spec.words))
        if spec.korean:
            pairs.update({_pair(spec, a) for a in range(len(spec.words) - 1)})
    out = []
    for spec in specs:
        if spec.korean:
            pool = list(range(1 if len(spec.words) >= 3 else 0, len(spec.words) - 1))
            pool.sort(key=lambda a: (pairs[_pair(spec, a)], a))
            out.append(_replace_anchors(spec, (pool[0],)))
            continue
        if spec.mode == "title":
            pool = list(range(len(spec.distinct)))
            count = len(spec.distinct) - spec.required + 1
            key = _rarity(spec.distinct, freq, False)
        else:
            pool = [i for i, w in enumerate(spec.words) if w not in STOPWORDS] or [0]
            count = 1
            if father_initial_first(spec):
                count = 2  # either word may be the initial: V. Putin, Ts. Munkhbat
            elif spec.person and not spec.korean and len(pool) > 1:
                pool = pool[1:]  # the given name may be an initial
                if not spec.chinese:
                    # (or cut short, as may a middle name or patronymic: Nyam-Osor Uchral for
                    # Nyam-Osoryn Uchral, so only the surname anchors a name of three words)
                    pool = pool[-1:]
            if spec.facility and len(pool) > 1:  # another facility word may stand for it
                pool = [i for i in pool if spec.words[i] != spec.facility]
            if spec.korean_places and len(pool) > 1:  # (Pipa for Pipa Island: not the unit)
                pool = [i for i in pool if spec.words[i] not in _LEFT_OUT_UNITS] or pool
            key = _rarity(spec.words, freq, spec.korean)
        pool.sort(key=key)
        out.append(_replace_anchors(spec, tuple(sorted(pool[:count]))))
    return out


# Frequent English words: a name word spelling one of them (or, for Korean names, sharing
# its syllable key: "on" ~ "Un") makes a poor anchor, as it would be verified too often.
_ENGLISH_WORDS = """
    a about after all also an and any are as at be been but by can day did do for from go
    had has have he her him his how i if in into is it its just like made make man many me
    more most much my new no not now of oh old on one only or our out over said say see she
    so some such than that the their them then they this to too two up us use was way we
    were what when who will with year you
"""
ENGLISH_WORDS = frozenset(_ENGLISH_WORDS.split())
_ENGLISH_KOREAN = frozenset(korean_key(w) for w in ENGLISH_WORDS if is_korean(w))


_COMPASS_WORDS = frozenset(["north", "south", "east", "west", "central"])


def _common(word: str, korean: bool) -> bool:
    return word in ENGLISH_WORDS or (korean and korean_key(word) in _ENGLISH_KOREAN)


def _rarity(
    words: Sequence[str], freq: Counter[str], korean: bool
) -> Callable[[int], tuple[bool, bool, int, int]]:
    def key(i: int) -> tuple[bool, bool, int, int]:
        w = words[i]
        # (a point of the compass is common, and Russian copy translates it: Южная Осетия)
        return (w in SYNONYM_WORDS, _common(w, korean) or w in _COMPASS_WORDS, freq[w], -len(w))

    return key


def _pair(spec: NameSpec, a: int) -> str:
    return korean_pair_key(spec.words[a], spec.words[a + 1])


# A subject word this many watched documents share names none of them by itself with the
# parties (match_bench's thousands of energy and grain agreements)
_SHORT_NAME_SHARED = 3


def _short_names(specs: list[NameSpec]) -> None:
    """Set short_subjects (and lower required to match) on titles of named parties, in place
    (the specs are compile_names' fresh ones)."""
    entries: dict[str, set[str]] = {}
    for spec in specs:
        if spec.mode == "title":
            for w in spec.distinct:
                entries.setdefault(w, set()).add(f"{spec.watchlist}\n{spec.entry.id}")
    for spec in specs:
        if spec.mode != "title":
            continue
        subjects = frozenset(
            q
            for q in short_name_subjects(spec.distinct, spec.head)
            if len(spec.distinct[q]) > 3 and len(entries[spec.distinct[q]]) < _SHORT_NAME_SHARED
        )
        if subjects:
            object.__setattr__(spec, "short_subjects", subjects)
            fewest = len(title_parties(spec.distinct)) + 2
            object.__setattr__(spec, "required", min(spec.required, fewest))


def _replace_anchors(spec: NameSpec, anchors: tuple[int, ...]) -> NameSpec:
    # in place: the specs are compile_names' fresh ones (dataclasses.replace took 0.4 s of
    # a 20,000-entry build); anchors depend on nothing else in the spec
    object.__setattr__(spec, "anchors", anchors)
    return spec
