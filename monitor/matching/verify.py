"""Verify a candidate name around an anchor word; score it and name its variant kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz.distance import OSA

from monitor.matching.countries import CAPITALS, COUNTRY_WORDS, SAME_COUNTRY, capital_party
from monitor.matching.english import wordlike
from monitor.matching.given_names import russian_given_name
from monitor.matching.names import (
    BODY_NOUNS,
    COUNTRY_TITLE_WORDS,
    LONGEST_PHRASE,
    PHRASE_STARTS,
    PHRASES,
    ROMAN_NUMERALS,
    STOPWORDS,
    SYNONYM_WORDS,
    TITLE_SLACK,
    TITLE_SYNONYMS,
    NameSpec,
    canonical,
    father_initial_first,
    generic,
    reworded,
    split_words,
    title_parties,
    title_word,
)
from monitor.matching.normalize import (
    ABBREVIATED_OFFICES,
    BREVES,
    INITIAL_DIGRAPHS,
    NUMBER_SIGNS,
    Text,
    is_foreign_script,
)
from monitor.matching.palladius import palladius
from monitor.matching.russian_titles import RUSSIAN_GLUE, russian_title_words
from monitor.matching.translit import (
    ADMIN_TERMS,
    KOREAN_PLACE_UNITS,
    KOREAN_UNITS,
    genitive_stem,
    is_korean,
    is_korean_name,
    is_pinyin,
    kontsevich_keys,
    korean_key,
    korean_syllables,
    pinyin_split,
    pinyin_syllable,
    russian_key,
    russian_keys,
    russian_nominatives,
    russian_place_names,
    russian_place_stems,
    russian_surname_forms,
    swapped,
    transposed,
    typo_edits,
    wade_giles,
)

# Score = 100 minus these (see docs/matching.md).
PENALTY_TRANSLIT = 4.0
PENALTY_EDIT = 4.0
PENALTY_INITIALS = 5.0
PENALTY_INSERTED = 3.0
PENALTY_REORDERED = 6.0
PENALTY_MISSING = 5.0
PENALTY_TITLE_ORDER = 3.0
PENALTY_FOREIGN = 6.0
PENALTY_REWORDED = 2.0
PENALTY_SYNONYM = 5.0
PENALTY_INSERTED_WORD = 4.0
PENALTY_FOREIGN_INSIDE = 10.0  # a capitalised word amid a title's words: another title
SURNAME_ONLY_SCORE = 85.0
DEFAULT_MIN_SCORE = 90.0  # a rule alerts on mentions scoring this much, unless it says otherwise


@dataclass(frozen=True)
class Found:
    """A verified (or, with ``reason``, rejected) mention of one name."""

    name: NameSpec
    first: int  # word indices, inclusive
    last: int
    score: float
    kind: str
    reason: str | None = None


@dataclass(frozen=True)
class Hit:
    kind: str  # exact | translit | typo
    edits: int = 0


_RI = frozenset(["ri", "ni", "li"])  # 리 after a nasal is -ni, as some copy writes it
_EXACT = Hit("exact")
_OCR = Hit("typo", 1)  # a letter OCR misreads: rn for m, II for Il
_NUMERAL = Hit("translit")
# (text word, capitalised, name word, how the name compares) -> compare's answer. What
# compare decides depends on the name only through NameSpec.profile and the name word's place
# in it (compare); bounded, shared by all matchers.
_MEMO: dict[tuple[str, bool, str, int], Hit | None] = {}
_MEMO_LIMIT = 100_000  # ~170 bytes an entry; 400,000 was no faster on long runs
_SURNAME, _PLACE_WORD = 1 << 10, 1 << 11  # memo key bits beyond NameSpec.profile's


def compare(text: Text, i: int, word: str, name_word: str, name: NameSpec) -> Hit | None:
    """Does text word ``word`` (starting at word index i) spell ``name_word`` of ``name``?"""
    if name.case_sensitive:
        cased = text.cased_word(i)
        if cased == _cased(name, name_word) or cased in name.mixed_case:
            return _EXACT
        return _EXACT if word == name_word and cased == word and _lowercase_acronym(text, i, name) else None
    numeral = ROMAN_NUMERALS.get(name_word) if name.numerals else None
    if numeral is not None and word != name_word:
        # a numeral in a title-like name is that number, in figures or not at all: Minsk-2
        # is Minsk II, START I is not START II (no typo, no transliteration of "ii")
        return _NUMERAL if word == numeral else None
    if name.acronyms:
        if name_word in name.acronyms and not text.capitalized(i):
            return None  # "a new start" is no New START
        if name_word not in name.words and _acronym_lowered(text.cased_word(i), name_word, name):
            return None  # name words run together: "Newstart" is no New START, "NewSTART" is
    if word == name_word:
        return _EXACT
    if i >= 2 and text.words[i - 1] == "na" and _locative(word, name_word) and text.gap(i) == "-":
        return _INFLECTED  # Russian "on" and the river in its case: Rostov-na-Donu, -na-Amure
    # (i = 0: the index asks of the word alone; Hangul glues the unit on: 자강도, 강남군)
    unit = word in KOREAN_UNITS and i and text.gap(i) != "-" and name_word in ADMIN_TERMS[word]
    if unit and not hangul_word(text, i - 1, 2):
        return None  # Kangwon-do is Kangwon Province; "the Hwasong gun" is no county (Си is Xi)
    if name_word in name.before_admin and _adjective(word, name_word):
        return _INFLECTED  # a Russian place adjective before the term: Kurskaya oblast
    if name_word == name.facility and TITLE_SYNONYMS.get(word, word) == TITLE_SYNONYMS[name_word]:
        return _INFLECTED  # Vostochny spaceport for Vostochny Cosmodrome, INF pact for INF Treaty
    if name_word == name.facility and TITLE_SYNONYMS[name_word] == "treaty" and title_word(word) == "treaty":
        return _INFLECTED  # a document's head noun in the plural: the Sochi accords, the Minsk agreements
    if _cyrillic(text, i):
        if inflected(word, name_word, name) and (text.capitalized(i) or not name.alone):
            return _INFLECTED
        if name.facility == name_word and _translated(word, name_word):
            return _INFLECTED  # Восточный космодром: the facility word in Russian
        if russian_name_word(word, name_word, name):
            return _INFLECTED
        if text.capitalized(i) and kontsevich(word, name_word, name):
            return _INFLECTED
        if name_word in _RUSSIAN_COMPASS and word.startswith(_RUSSIAN_COMPASS[name_word]) and not name.person:
            return _INFLECTED  # Южная Осетия, в Южной Осетии: South Ossetia
    cap = text.cased[text.starts[i]].isupper()
    hyphened = not cap and name.korean and i > 0 and text.gap(i) == "-" and text.capitalized(i - 1)
    if hyphened:
        # a Korean given name's second syllable, lowercase after the hyphen, may hold a slip
        # into no syllable (Jung-kawn, Mi-ryng) or two letters swapped (Yun-choel), never
        # another syllable (Hong-kyu is not Hong-kyun)
        if korean_syllables(word) is not None and not transposed(word, name_word):
            hyphened = False
        cap = hyphened
    if word == "ii" and name.korean and name_word == "il" and _ocr_il(text, i):
        return _OCR
    # (an ASCII field, most of them, folds to itself: one identity test)
    umlaut = text.cased is not text.original and len(word) == len(name_word) and text.has_umlauts()
    umlaut = umlaut and name.person
    if umlaut and _umlaut_u(text, i, word, name_word):
        return _INFLECTED  # Gantömör: Mongolian ö read as u (Gantumur)
    genitive = name_word[-1] == "n" and len(word) < len(name_word)  # (one cheap test for most words)
    if genitive and name.person and _patronymic_genitive(text, i, name_word, word):
        return _INFLECTED  # Luvsannyam Gantumur: the father's name in the nominative, typed in the genitive
    if name.person and len(word) > len(name_word) and _patronymic_genitive(text, i, word, name_word):
        return _INFLECTED  # Tsevegjavyn Munkhbat: the Mongolian father's name in the genitive
    if word in _RI and name_word in _RI and i and text.gap(i) == "-" and not name.person:
        return _INFLECTED  # the village unit 리 as -ri, -ni, -li after a hyphen: Hoejung-ni
    if word in _MONTHS_SHORT and _dated(text, i):
        return None  # a month's abbreviation in a date is no name: "Jan 8" is not Ji'an
    # (and what _compare asks of the name word within its name: a Korean surname's, or a word
    # with a Korean place's key; without them one name's answer would be another's, by the
    # order names were compared in)
    profile = name.profile
    if name.korean and name_word == name.words[0]:
        profile |= _SURNAME
    if name.korean_places and name_word in name.korean_places:
        profile |= _PLACE_WORD
    key = (word, cap, name_word, profile)
    try:
        hit = _MEMO[key]
    except KeyError:
        hit = _compare(word, key[1], name_word, name)
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        _MEMO[key] = hit
    if hit is not None and hit.kind == "typo" and (_scholarly(text, i) or _han(text, i)):
        return None
    if hit is not None and hit.kind == "typo" and name_word in name.acronyms:
        return None  # an acronym a letter off is another acronym: NPFC is not NPAFC
    return hit


def _ocr_il(text: Text, i: int) -> bool:
    """"II" after a Korean name's word written in small letters: the syllable Il as OCR reads
    a small l, a capital I (Jong Sung II). In capitals (JONG SUNG IL) it is no misreading."""
    return i > 0 and text.cased_word(i) == "II" and not text.cased_word(i - 1).isupper()




def _umlaut_u(text: Text, i: int, word: str, name_word: str) -> bool:
    """Word i written with ö or ü where the name word has u, as Mongolian and Turkic names are
    written in English (Gantömör for Gantumur, Ölziibayar for Ulziibayar); folding alone reads
    ö as o."""
    if len(word) != len(name_word) or word == name_word:
        return False
    a, b = text.orig(i, i)
    written = text.original[a:b].lower()
    if len(written) != len(word) or not any(c in written for c in "öü"):
        return False
    return "".join("u" if c in "öü" else w for c, w in zip(written, word, strict=True)) == name_word


def _patronymic_genitive(text: Text, i: int, word: str, name_word: str) -> bool:
    """Word i is the name word with a Mongolian genitive ending, a capitalised word after it:
    the father's name before the given name (Tsevegjavyn Munkhbat, Ukhnaagiin Khurelsukh,
    Цэвэгжавын Мөнхбат). Called the other way round (``word`` the name's genitive, word i's
    text the name word) for the entry typed with the genitive and the text without it."""
    stem = genitive_stem(word)
    if stem is None or i + 1 >= len(text.words) or not (text.capitalized(i + 1) and text.capitalized(i)):
        return False
    # (a final vowel gives way to the ending: Tsedendamba, Tsedendambyn)
    stems = (stem, stem + name_word[-1]) if name_word[-1] in "aeiou" else (stem,)
    return name_word in stems or any(russian_key(name_word) in russian_keys(s) for s in stems)


def line_of(text: Text, k: int) -> range:
    """The word indices of word k's line."""
    lo = k
    while lo > 0 and "\n" not in text.gap(lo):
        lo -= 1
    hi = k
    while hi + 1 < len(text.words) and "\n" not in text.gap(hi + 1):
        hi += 1
    return range(lo, hi + 1)


def lowercase_line(text: Text, k: int) -> bool:
    """Word k's line holds no capital at all, not even to open a sentence (raw captions)."""
    return not any(text.capitalized(i) for i in line_of(text, k))


def cased_line(text: Text, k: int) -> bool:
    """Word k's line has a capitalised word that opens no sentence: it is written with
    capitals (not a post in lowercase inside an item that quotes it)."""
    return any(text.capitalized(i) and not opens_sentence(text, i) for i in line_of(text, k) if i != k)


def opens_sentence(text: Text, k: int) -> bool:
    """Word k opens the field, a sentence, a line or a quotation."""
    gap = text.gap(k)
    return k == 0 or text.sentence_break(k) or "\n" in gap or any(c in "\"\u201c(" for c in gap)


def _lowercase_acronym(text: Text, i: int, name: NameSpec) -> bool:
    """An acronym of four letters or more that no English word spells (rcep, fatf, cptpp),
    typed in lowercase on a line written without capitals (a post, a transcript): the
    acronym, unless the analyst made the entry case-sensitive."""
    word = text.words[i]
    if not name.alone or len(word) < 4 or name.entry.case_sensitive is not None or wordlike(word):
        return False
    if cased_line(text, i):
        return False
    # (written so: no capital at all, or a sentence opened in lowercase; not a plain sentence
    # that names nothing: "Sanctions under the ncpoa were void" is no NCPOA)
    line = [k for k in line_of(text, i) if k != i]
    return lowercase_line(text, i) or any(opens_sentence(text, k) and not text.capitalized(k) for k in line)


def _han(text: Text, i: int) -> bool:
    """Word i was a Chinese character: one syllable as written, never a misspelt one (長,
    zhang, is no Zhuang)."""
    return text.cased is not text.original and "\u4e00" <= text.original[text.orig(i, i)[0]] < "\ua000"


# A point of the compass in a place's name, as the stem of its Russian adjective (folded)
_RUSSIAN_COMPASS = {"north": "severn", "south": "yuzhn", "east": "vostochn", "west": "zapadn"}


def _locative(word: str, name_word: str) -> bool:
    """The word is the name word with a Russian prepositional ending (Donu, Amure, Volge)."""
    return word in (name_word + "u", name_word + "e", name_word[:-1] + "e") and len(name_word) >= 3


def _scholarly(text: Text, i: int) -> bool:
    """Word i is written in McCune-Reischauer with its breves (P'yŏngan, Chŏngju): spelt with
    care, so a letter more or less is another name, not a slip (P'yŏngan is no Pyongsan)."""
    if not text.has_breves():
        return False
    a, b = text.orig(i, i)
    return not BREVES.isdisjoint(text.original[a:b])


def _translated(word: str, name_word: str) -> bool:
    """A Russian word (folded) is the English name word (russian_titles' vocabulary)."""
    target = title_word(name_word)
    return any(title_word(english) == target for english in russian_title_words(word))


def _acronym_lowered(cased: str, name_word: str, name: NameSpec) -> bool:
    """A run of name words (``name_word``) holding an acronym the text word does not write in
    capitals."""
    return any(a in name_word and a.upper() not in cased for a in name.acronyms)


_INFLECTED = Hit("translit")
_MIN_INFLECTED = 4  # shorter name words are never read through a case ending


def _cyrillic(text: Text, i: int) -> bool:
    """Word i was written in Cyrillic (its first letter)."""
    return text.cased is not text.original and "\u0400" <= text.original[text.orig(i, i)[0]] <= "\u04ff"


cyrillic_word = _cyrillic  # (for the scan)


def case_forms(text: Text, i: int) -> tuple[str, ...]:
    """Nominatives word i may be a Russian case form of, if it was written in Cyrillic."""
    return russian_nominatives(text.words[i]) if _cyrillic(text, i) else ()


def inflected(word: str, name_word: str, name: NameSpec) -> bool:
    """A Russian case form of the name word (Lavrovym, Sergeya, Marii), read as written in Cyrillic.

    In Cyrillic "Zakharova" is also the genitive of Zakharov; "Zakharov" is never a form of
    Zakharova (endings are only taken off). Not for exact, Korean or title names.
    """
    if name.exact or name.korean or name.mode == "title":
        return False
    if name_word in ADMIN_TERMS:  # Курской области = Kursk region
        return any(f == name_word or f in ADMIN_TERMS[name_word] for f in russian_nominatives(word))
    if len(name_word) < _MIN_INFLECTED:
        return False
    return _inflected(word, name_word)  # (a place adjective, Kurskoi, is compare's: any script)


@lru_cache(maxsize=32768)
def _adjective(word: str, name_word: str) -> bool:
    """A Russian place adjective made from the name word (Kurskoi, Belgorodskaya)."""
    target = russian_key(name_word)
    return any(russian_key(stem) == target for stem in russian_place_stems(word))


def russian_name_word(word: str, name_word: str, name: NameSpec) -> bool:
    """A word of a document's, body's or place's name of several words, written in Russian
    (folded; the caller knows it was Cyrillic): its translation (протокол: Protocol), or an
    adjective made from a place's name (Ялтинское: Yalta, Киотский: Kyoto). The name's
    other words must be there too: Ялтинское соглашение is the Yalta Agreement."""
    if name.person or name.korean or name.exact or name.alone:
        return False
    if _translated(word, name_word):
        return True
    target = russian_key(name_word)
    return len(name_word) >= 4 and any(russian_key(place) == target for place in russian_place_names(word))


def kontsevich(word: str, name_word: str, name: NameSpec) -> bool:
    """A Korean name's word as Russian copy spells it (Ким Чен Ына, Пхеньян), read as written
    in Cyrillic and capitalised."""
    if not (name.korean or name.korean_place(name_word)) or name.exact:
        return False
    return korean_key(name_word) in kontsevich_keys(word)


@lru_cache(maxsize=32768)
def _inflected(word: str, name_word: str) -> bool:
    target = russian_key(name_word)
    return any(russian_key(form) == target for form in russian_nominatives(word))


def _compare(word: str, cap: bool, name_word: str, name: NameSpec) -> Hit | None:
    """compare for a name that is not case-sensitive, the words differing."""
    if name.exact:
        return None
    if ROMAN_NUMERALS.get(word) == name_word:
        return Hit("translit")  # Minsk II for Minsk-2
    if name.mode != "title" and word in ADMIN_TERMS.get(name_word, ()):
        return Hit("translit")  # Primorsky Territory for Primorsky Krai
    if name_word == "on" and word == "na" and not name.person and name.mode != "title":
        return Hit("translit")  # Komsomolsk-na-Amure, Rostov-na-Donu: Russian "on"
    if name.korean:
        if is_korean(word) and korean_key(word) == korean_key(name_word):
            return Hit("translit")
        if _given_ack(word, name_word, name):
            return Hit("translit")
    elif (cap or not name.alone) and russian_key(name_word) in russian_keys(word):
        return None if _keys_apart(word, name_word, name) else Hit("translit")
    if name.chinese and cap and word in palladius(name_word):
        return Hit("translit")  # Си Цзиньпин, Din Syuesyan: Xi Jinping, Ding Xuexiang in Russian
    if name.chinese and cap and word == wade_giles(name_word):
        return Hit("translit")  # Wade-Giles: Hsiao-ming for Xiaoming, Ch'ien for Qian
    if name.chinese and cap and _PINYIN_U.sub(r"\1u", word) == name_word != word:
        return Hit("translit")  # pinyin ü typed yu or v after l, n: Lyu, Lv for Lü (Lu)
    place = name.korean_word or name_word in name.korean_places  # name.korean_place, inlined
    if place and cap and korean_key(word) == korean_key(name_word) and not _vowels_apart(word, name_word):
        return Hit("translit")  # a Korean place: Nampho, Nyongbyon, Gaeseong, Dongchang-ri
    # (another syllable is another place; in a document's name it is a typo: Ottowa Convention)
    place = place and name.entry.kind.lower() != "treaty"
    if place and _other_final(word, name_word):
        return None  # Yonbyon (Yanbian) is not Yongbyon, Kosong not Kusong: not a typo
    if place and _other_count(word, name_word) and not (len(word) >= 5 and transposed(word, name_word)):
        return None  # Pyoksan is not Pyoktusan: a syllable fewer, another place (Keasong is
        # Kaesong's two letters swapped, a slip)
    if name.korean and _fewer_syllables(word, name_word):
        return None  # Kim Jae (Ryong) is not Kim Ju Ae: a given name a syllable short
    if not cap and name.mode != "title":
        return None  # typos only on capitalised words: "reason" is not "Rason"
    if name.korean and "rn" in word and korean_key(word.replace("rn", "m")) == korean_key(name_word):
        return _OCR  # OCR reads m as rn: Kirn Ung Chol, Choe Myong Narn
    if name.alone and not name.person and _russian_adjective(word, name_word):
        return None  # Ussuriysky Boulevard, Bolshoy Ussuriysky Island: not Ussuriysk itself
    if name.person and cap and russian_key(name_word) in map(russian_key, russian_surname_forms(word)):
        return Hit("translit")  # a Kazakh surname: Temirbekuly for Temirbekov
    if name.person and len(word) > len(name_word):
        if _patronymic_of(word, name_word):
            return None  # Dmitrievich is a patronymic (Kirill Dmitrievich Lebedev), not Dmitriev
        if word.endswith(("vo", "no")) and word[-2] == name_word[-1]:
            return None  # a Russian place named after a family: Sheremetyevo, Lyubushkino
    if name.person and word.endswith(PATRONYMIC_ENDINGS) and name_word.startswith(word) and word != name_word:
        return None  # nor is the patronymic Ilyich (Vladimir Ilyich) Ilyichev cut short
    if pinyin_name(name) and other_pinyin(word, name_word):
        return None  # other pinyin syllables: another name (Li Hongzhang is not Li Hongzhong)
    if name.person and _other_family(word, name_word):
        return None  # Lagutin is not Lagutkin, Abramchenko no Abramenko, Yerofey no Yerofeyev
    if name.person and not (name.korean or name.chinese) and _voicing(word, name_word):
        return None  # Muratov is not Muradov, Rudkovsky not Rutkovsky: another family
    # typo_edits needs the same first letter and lengths at most 2 apart (the largest budget)
    edits = None
    if word[:1] == name_word[:1] and -2 <= len(word) - len(name_word) <= 2:
        edits = typo_edits(word, name_word, name.alone)
        if edits is None and name.korean and len(name_word) == 3 and swapped(word, name_word):
            # a Korean syllable's last two letters swapped into no syllable at all (Hiu for
            # Hui, Hea for Hae): no other name reads so, so a slip; never a letter changed
            edits = 1
        if edits is None and name.korean and _slipped(word, name_word):
            edits = 1
        surname = name.korean and name_word == name.words[0]
        if edits is not None and surname and _other_syllable(word, name_word):
            return None  # Pak is not Paek, Ko not Kong: another family name, not a slip
        if edits is not None and place and _other_place(word, name_word, edits):
            return None  # Pyongyang, Pyongsan are not Pyongsong: other places, not typos
        if edits == 2 and name.alone and not name.person and _other_ending(word, name_word):
            return None  # Slavyansk is not Slavyanka: another suffix, another place
        if edits == 2 and name.person and _other_ending(word, name_word) and _other_surname(word, name_word):
            return None  # Ignatyev is not Ignatyuk, Shcherbinina not Shcherbina
    # (a one-word place written with another first letter: Yakutsk is no Irkutsk)
    same_start = word[:1] == name_word[:1] or name.person or not name.alone
    if edits is None and not name.korean and not place and same_start:  # Chongju is not Chongjin
        # typos on top of a transliteration (the index finds an anchor word with one)
        target = russian_key(name_word)
        edits = min(
            (
                e
                for key in russian_keys(word)
                if key[:1] == target[:1]
                and -2 <= len(key) - len(target) <= 2
                and (e := typo_edits(key, target, name.alone)) is not None
                and (e <= 1 or len(target) >= 9)  # (two in a long key only: Sapozhkov is no Sapunkov)
            ),
            default=None,
        )
    return Hit("typo", edits) if edits is not None else None


_PARTIAL_FORMS = frozenset(["partial", "plural", "cut"])  # derived names that are partial readings


def _given_ack(word: str, name_word: str, name: NameSpec) -> bool:
    """Older Western "ack" in a given name's syllable may spell "ak" too (Pak Tong Hack for
    Hak): the key reads it as "aek" (Back = Baek = Paik), which a surname keeps."""
    if not word.endswith("ack") or name_word == name.words[0] or not is_korean(word):
        return False
    return korean_key(word[:-2] + "k") == korean_key(name_word)


_PINYIN_U = re.compile(r"^([ln])(?:yu|v)(?![aeiou])")


_ENKO = re.compile(r"(?:shch|sh|)(?=enko$)")


def _keys_apart(word: str, name_word: str, name: NameSpec) -> bool:
    """Words a Russian spelling key confuses that are apart: in a Chinese name a pinyin word
    with another first letter (the key reads zh as j: Zhang is no Jiang); a short name word
    and one two letters longer (the key reads Keiji as Kei-yi, Kei)."""
    if len(word) > len(name_word) + 1 and len(name_word) <= 3:
        return True  # a short word lengthened by more than an ending: Keiji is not Kei
    mine, target = _ENKO.search(word), _ENKO.search(name_word)
    if mine is not None and target is not None and {mine[0], target[0]} == {"shch", "sh"}:
        return True  # -shchenko and -shenko are two families (Lyashchenko, Lyashenko; German
        # Troschenko is either)
    return name.chinese and word[0] != name_word[0] and is_pinyin(word)


def _other_syllable(word: str, name_word: str) -> bool:
    """Both read as one Korean syllable each, other ones (Pak, Paek) and not by two letters
    swapped: a surname so changed is another family's."""
    mine = korean_syllables(word)
    return (
        mine is not None
        and len(mine) == 1
        and korean_key(word) != korean_key(name_word)
        and not transposed(word, name_word)
    )


def _slipped(word: str, name_word: str) -> bool:
    """A Korean given-name syllable of three or four letters with one letter, not the first,
    changed (Jomg for Jong), added (Gill for Gil, Chiol for Chol) or dropped (Yn for Yun)
    into no Korean syllable at all: no other name reads so, so a slip; a syllable of two
    letters with its last one doubled (Ill for Il). A change into another syllable (Jong/Song,
    Il/Im) never."""
    if korean_syllables(word) is not None or not word.isalpha():
        return False
    if len(name_word) == 2:
        return word == name_word + name_word[-1]
    if not 3 <= len(name_word) <= 4:
        return False
    if len(word) == len(name_word):
        diff = [i for i in range(len(word)) if word[i] != name_word[i]]
        return len(diff) == 1 and diff[0] > 0
    if len(word) == len(name_word) - 1 >= 2:
        return any(name_word[:i] + name_word[i + 1 :] == word for i in range(1, len(name_word)))
    added = range(1, len(word)) if len(word) == len(name_word) + 1 else range(0)
    return any(word[:i] + word[i + 1 :] == name_word for i in added)


def _other_place(word: str, name_word: str, edits: int) -> bool:
    """Within the typo budget of a Korean place's name, the word still reads as Korean
    syllables, other ones, by a changed letter or by two edits: another place (Pyongyang,
    Pyongsan for Pyongsong; Pyongsang), as a changed syllable makes another person. A letter
    dropped or doubled (Sinuju for Sinuiju) or two swapped (Keasong) stays a slip, unless the
    letter is a consonant opening a syllable (Pyongan for Pyongsan)."""
    if korean_syllables(word) is None or korean_key(word) == korean_key(name_word):
        return False
    if transposed(word, name_word):
        return False
    if edits >= 2 or len(word) == len(name_word):
        return True
    # a consonant dropped or added that opens a syllable of its own: another syllable
    # (Pyongan, the province, for Pyongsan: pyong-an, pyong-san)
    ours, theirs = korean_syllables(word), korean_syllables(name_word)
    return (
        ours is not None
        and theirs is not None
        and len(ours) == len(theirs)
        and any(
            a[0] != b[0] and "" in (a[0], b[0]) and a[1:] == b[1:] for a, b in zip(ours, theirs, strict=True)
        )
    )


def _patronymic_of(word: str, name_word: str) -> bool:
    """The word is a patronymic formed on the name word's stem (Dmitrievich on Dmitriev)."""
    return word.endswith(PATRONYMIC_ENDINGS) and not name_word.endswith(PATRONYMIC_ENDINGS) and (
        word[: len(name_word) - 2] == name_word[:-2]
    )


def _other_ending(word: str, name_word: str) -> bool:
    """Two edits, all within the last three letters: the word ends otherwise (-sk for -ka), a
    word of its own rather than the name misspelt twice over."""
    keep = len(name_word) - 3
    return keep > 0 and word[:keep] == name_word[:keep]


_SURNAME_SUFFIXES = ("in", "ov", "ev", "ina", "ova", "eva")


def _other_family(word: str, name_word: str) -> bool:
    """A Russian or Ukrainian surname apart from the name word at its suffix, another family's
    name rather than a slip: k, m, n or l added before -in, -ov, -ev (Lagutin, Lagutkin; Popov,
    Popkov; Kuzin, Kuzmin), a diminutive's two letters there (Gorelov, Gorelikov; Kryukov,
    Kryuchkov), -chenko for -enko (Abramchenko, Abramenko), or no -ov, -ev at all: the given
    name the surname is formed on (Yerofey, Yerofeyev). Not a letter of the stem (Burmistrov
    misspelt Burmistov), a doubled one, nor the h of zh, kh (Prigozin)."""
    if name_word.endswith(("ov", "ev")) and word == name_word[:-2]:
        return True
    longer, shorter = (word, name_word) if len(word) > len(name_word) else (name_word, word)
    if len(longer) == len(shorter) + 2 and len(shorter) >= 5 and _syllable_more(longer, shorter):
        return True  # Kholmuratov, Kholmatov; Vishnevetsky, Vishnevsky; Chupriyan, Chuprin
    if longer.endswith("chenko") and shorter.endswith("enko") and longer[:-6] == shorter[:-4]:
        return True
    if word.endswith("enko") and name_word.endswith("enko") and _other_consonants(word[:-4], name_word[:-4]):
        return True  # Yaroshenko, Yarovenko: another stem's last consonants, another family
    if not shorter.endswith(_SURNAME_SUFFIXES) or len(shorter) < 5:
        return False
    if len(longer) == len(shorter) + 1:
        for suffix in _SURNAME_SUFFIXES:
            k = len(longer) - len(suffix) - 1
            added = longer[k] in "kmnl" and longer[k] != longer[k - 1]
            if added and shorter.endswith(suffix) and longer[:k] + longer[k + 1 :] == shorter:
                return True
        return False
    if len(longer) == len(shorter) + 2:
        for k in (len(longer) - 4, len(longer) - 5):
            if longer[k : k + 2] in _DIMINUTIVES and longer[:k] + longer[k + 2 :] == shorter:
                return True
    return False


_DIMINUTIVES = frozenset(["ik", "ch", "ok", "ek", "yk", "sh", "an", "in", "en"])  # (and -yanov: Vorobyanov)
_SOUNDS = "aeiou"  # (y before a vowel is a consonant: the ya of Chupriyan)


def _syllable_more(longer: str, shorter: str) -> bool:
    """The longer word is the shorter with a syllable more: two adjacent letters, a vowel and a
    consonant, in it and nowhere else. A slip drops or doubles a letter; a syllable makes
    another name."""
    for k in range(1, len(longer) - 1):
        if longer[:k] + longer[k + 2 :] == shorter:
            first, second = longer[k], longer[k + 1]
            vowel = first in _SOUNDS or (first == "y" and second not in _SOUNDS)
            if vowel != (second in _SOUNDS or (second == "y" and longer[k + 2 : k + 3] not in _SOUNDS)):
                return True
    return False


def _other_consonants(stem: str, name_stem: str) -> bool:
    """Two stems alike but for their last consonants (yarosh, yarov): another stem; not when
    one's are the other's with letters left out, a spelling (trosch, troshch)."""
    a, b = stem.rstrip(_CONSONANTS), name_stem.rstrip(_CONSONANTS)
    if a != b or len(a) < 3 or stem == name_stem:
        return False
    mine, theirs = stem[len(a) :], name_stem[len(b) :]
    if not mine or not theirs:
        return False
    short, long = sorted((mine, theirs), key=len)
    rest = iter(long)
    return not all(c in rest for c in short)  # (a subsequence: sch in shch)


_CONSONANTS = "bcdfghjklmnpqrstvwxz"
# stops that differ only in voice: a surname's letter swapped for its pair makes another
# surname (Muradov, Muratov), as a slip of the keyboard rarely does (d and t are not
# neighbours); s and z are one sound's spellings too often (Morosov, Yamasaki) to count
_VOICING = frozenset(["dt", "td", "bp", "pb", "gk", "kg"])


def _voicing(word: str, name_word: str) -> bool:
    """The name word with one consonant swapped for its voiced or voiceless pair, not the
    first letter (Muratov for Muradov). Not for Korean or Chinese names, whose romanisations
    write k/g, t/d, p/b for one sound."""
    if len(word) != len(name_word) or len(word) < 5 or word[0] != name_word[0]:
        return False
    diff = [(a, b) for a, b in zip(word, name_word, strict=True) if a != b]
    return len(diff) == 1 and diff[0][0] + diff[0][1] in _VOICING


def _other_surname(word: str, name_word: str) -> bool:
    """A person's name word ending otherwise: not the name with an ending added (a case:
    Gombojavyn for Gombojav) nor another transliteration of its ending (Soloviev, Solovyov)."""
    if word.startswith(name_word):
        return False
    target = russian_key(name_word)
    return all(typo_edits(key, target, False) != 1 and key != target for key in russian_keys(word))


def pinyin_name(name: NameSpec) -> bool:
    """A Chinese name, or one the Korean reading claims that is all pinyin (Hu Yuting, Sun Haiyan)."""
    return name.chinese or (name.korean and all(map(is_pinyin, name.words)))


def other_pinyin(word: str, name_word: str) -> bool:
    """The word is the pinyin name word with letters replaced, and still pinyin: another
    syllable, so another name (Hongzhang for Hongzhong). So is a letter added to or dropped
    from the last syllable alone, the others kept (Haiyang is not Haiyan, Xiaobao not
    Xiaobo). Elsewhere a letter added or dropped, or two neighbours swapped, is a typo (Xi
    Jingping, Wang Wentoa)."""
    if word == name_word or transposed(word, name_word):
        return False
    if len(word) == len(name_word):
        return is_pinyin(word)
    if abs(len(word) - len(name_word)) != 1:
        return False
    mine, target = pinyin_split(word), pinyin_split(name_word)
    if mine is None or target is None or len(mine) != len(target):
        return False
    # (or a syllable that takes two edits to become another: Rongqiu is not Runqiu)
    return mine[:-1] == target[:-1] or OSA.distance(word, name_word) >= 2


def _other_final(word: str, name_word: str) -> bool:
    """Both read as Korean syllables that differ only in a final n against ng, or in an open
    syllable's u against o: in Korean that makes another syllable (yeon/yeong, gu/go), so
    another place (Yonbyon, Kosong), never a typo."""
    if korean_syllables(word) is None:
        return False
    key, target = korean_key(word), korean_key(name_word)
    return key != target and _near_key(key) == _near_key(target)


_PLAIN_VOWELS = {"oo": "u", "eu": "u", "eo": "o"}  # (old Western oo, RR eu and eo, as MR writes them)


def _vowels_apart(word: str, name_word: str) -> bool:
    """Korean syllables, as many in each, one of which has u where the other has o: 운 and 온
    (Unsan, Onsan), two places. The key reads them as one, as old Western spellings of
    people's names write 선 Sun (Sun Myung Moon); a place's name is romanised by the rules, so
    it is no transliteration (a slip of one letter may still be a typo: Helung for Helong)."""
    mine, target = korean_syllables(word), korean_syllables(name_word)
    if mine is None or target is None or len(mine) != len(target):
        return False
    for a, b in zip(mine, target, strict=True):
        vowels = {_PLAIN_VOWELS.get(a[1], a[1]), _PLAIN_VOWELS.get(b[1], b[1])}
        if vowels == {"u", "o"}:
            return True
    return False


def _near_key(key: str) -> str:
    return key.replace("N", "n").replace("u", "o")


def _syllable_counts(word: str, name_word: str) -> tuple[int, int]:
    """How many Korean syllables each reads as; (0, 0) unless both read so."""
    mine, target = korean_syllables(word), korean_syllables(name_word)
    return (len(mine), len(target)) if mine is not None and target is not None else (0, 0)


def _other_count(word: str, name_word: str) -> bool:
    """Both read as Korean syllables, a different number of them."""
    mine, target = _syllable_counts(word, name_word)
    return mine != target


# endings that make a Russian adjective of a place name ending in a consonant
_ADJECTIVE_ENDINGS = frozenset("y i ii iy yi yy aya aia oe oye oi oy ogo om ikh ykh uyu yu ye ie".split())


def _russian_adjective(word: str, name_word: str) -> bool:
    """The word is the name word with a Russian adjective ending (Ussuriysky of Ussuriysk);
    for a one-word name only (Khabarovsky Krai is Khabarovsk Krai)."""
    return (
        len(word) > len(name_word) >= 4
        and name_word[-1] not in "aeiouy"
        and word.startswith(name_word)
        and word[len(name_word) :] in _ADJECTIVE_ENDINGS
    )


def _fewer_syllables(word: str, name_word: str) -> bool:
    """Both read as Korean syllables, the word as fewer of them."""
    mine, target = _syllable_counts(word, name_word)
    return mine < target


def _cased(name: NameSpec, word: str) -> str:
    for w, c in zip(name.words, name.cased, strict=True):
        if w == word:
            return c
    return word


class _State(NamedTuple):
    i: int
    j: int
    edits: int = 0
    translit: int = 0
    initials: bool = False
    inserted: bool = False


def seq_at(text: Text, name: NameSpec, start: int, reverse: bool = False) -> Found | None:
    """Best match of a name's words in order (or reversed), starting at word ``start``."""
    order = name.words[::-1] if reverse else name.words
    words = text.words
    size = len(words)
    if start >= size:
        return None
    n = len(order)
    glue = not name.case_sensitive
    person = name.person and not name.korean and not reverse and not name.exact
    best: Found | None = None
    stack = [_State(start, 0)]
    while stack:
        st = stack.pop()
        i, j = st.i, st.j
        if j == n:
            found = _score_seq(text, name, start, st, reverse)
            if best is None or found.score > best.score:
                best = found
            continue
        if i >= size or (j > 0 and not text.joined(i) and not (j == 1 and listed(text, i))):
            continue
        w = words[i]
        nxt = i + 1 < size and text.joined(i + 1)
        if j > 0 and order[j].isdigit() and number_sign(text, i) and order[j - 1] != w:
            stack.append(_State(i + 1, j, st.edits, st.translit, st.initials, True))  # No. 2375
        hit = compare(text, i, w, order[j], name)
        if hit is not None:
            stack.append(_advance(st, hit, 1, 1))
            unit = order[j + 1] if j == n - 2 else ""
            if unit in PLACE_UNITS and _unit_left_out(text, name, i, order[j], unit):
                # a Korean place without its unit: Mundok for Mundok-ri, Ongjin for Ongjin
                # County (a partial reading)
                unit_left_out = _advance(st, hit, 1, 2)
                stack.append(unit_left_out._replace(initials=True))
        if order[j] in name.acronyms:
            # the acronym spelled out: New Strategic Arms Reduction Treaty for New START
            stack.extend(
                _State(e + 1, j + 1, st.edits, st.translit, True, st.inserted)
                for e in expansion_ends(text, i, order[j])
                if (not name.expansion or _own_expansion(text, i, e, name)) and not _runs_on(text, i, e, name)
            )
        if glue:
            # (a Chinese or Korean surname and a one-syllable given name run together make one
            # word, a given name of two syllables, not the person: Yujin is no Yu Jin; Kimjong
            # Un still is Kim Jong Un)
            run_in = j == 0 and n == 2 and not reverse and _surname_first(name) and not _humped(text, i)
            whole = j + 1 < n and not run_in
            if whole and may_spell(w, order[j] + order[j + 1], name):  # Jongun
                hit = compare(text, i, w, order[j] + order[j + 1], name)
                if hit is not None and _glued_keeps_short(hit, w, order[j], order[j + 1]):
                    stack.append(_advance(st, hit, 1, 2))
            if nxt and w != "s" and words[i + 1] != "s" and _may_glue(text, i + 1, name):
                # two text words spell one name word (Jong Un for Jongun, Lav-rov), exactly or
                # by key: "Belousov on" is no typo of Belousov, nor "'s Sergei" of Sergei
                hit = compare(text, i, w + words[i + 1], order[j], name)
                if hit is not None and (hit.kind != "typo" or _halves(text, i)):
                    stack.append(_advance(st, hit, 2, 1))
            three = name.korean_word or order[j] in name.korean_places  # (Tarigang Province)
            if three and nxt and hangul_word(text, i, 3):  # 신의주: sin ui ju, Sinuiju
                hit = compare(text, i, w + words[i + 1] + words[i + 2], order[j], name)
                if hit is not None and hit.kind != "typo":
                    stack.append(_advance(st, hit, 3, 1))
        if reverse and j == 0 and _father_initial(text, i, name):
            # Mongolian usage: the father's name's initial, then the given name (Ts. Munkhbat)
            stack.append(_State(i + 1, 1, st.edits, st.translit, True, st.inserted))
        if reverse and j == n - 1 and name.person and _initial(text, i, order[j]):
            # the surname, then the initials: Kozlov A.A. (Russian officialese), Putin V.V.
            stack.append(_State(i + 1, j + 1, st.edits, st.translit, True, st.inserted))
            if nxt and _an_initial(text, i + 1):
                stack.append(_State(i + 2, j + 1, st.edits, st.translit, True, st.inserted))
        if not person:
            # a word of the entry's full name inside its short one: the Caspian Sea Convention
            # (Caspian Convention; the Convention on ... the Caspian Sea)
            own = 0 < j < n and not st.inserted and not name.person and w not in order
            mine = own and text.capitalized(i) and w not in STOPWORDS
            # (or the initials of its words: the Stockholm POPs Convention, on Persistent
            # Organic Pollutants)
            if mine and (w in _own_words(name.entry.names) or _own_initials(text.cased_word(i), name)):
                stack.append(_State(i + 1, j, st.edits, st.translit, st.initials, True))
            continue
        cap = text.capitalized(i)
        if j < n - 1 and initial_of(w, order[j]) and cap and text.followed_by_dot(i):
            # an initial (V. Putin, Yu. Borisov), maybe with the patronymic's (Yu.I. Borisov)
            stack.append(_State(i + 1, j + 1, st.edits, st.translit, True, st.inserted))
            if nxt and _an_initial(text, i + 1):
                stack.append(_State(i + 2, j + 1, st.edits, st.translit, True, st.inserted))
        if j < n - 1 and cap and shortened(w, order[j]):  # Alex Bortnikov, Ukhnaa Khurelsukh
            stack.append(_State(i + 1, j + 1, st.edits, st.translit, True, st.inserted))
        # a middle name or patronymic: Vladimir Vladimirovich Putin
        # (none between Chinese characters: 副部长张延明 is no Zhang (长) Zhang Yanming)
        middle = j == n - 1 and j > 0 and not st.inserted and cap and nxt and not _han(text, i)
        word_ok = len(w) >= 3 and w not in STOPWORDS and not st.initials  # not "Yu. Then Borisov"
        if middle and (word_ok or _an_initial(text, i)):
            # (or its initial: Tatiana A. Golikova, Yury I. Borisov)
            stack.append(_State(i + 1, j, st.edits, st.translit, st.initials, True))
            if word_ok and i + 2 < size and words[i + 1] in TURKIC_PATRONYMICS and text.joined(i + 2):
                # a Turkic patronymic: the father's name, then "son of" or "daughter of" in
                # its own word (Ilham Heydar oglu Aliyev, Aigul Nurlan kyzy Seitova)
                stack.append(_State(i + 2, j, st.edits, st.translit, st.initials, True))
    return best


# "son of", "daughter of" after a father's name in Azerbaijani, Turkmen, Kazakh, Kyrgyz and
# Uzbek patronymics, as romanised (oğlu folds to oglu, o'g'li to o g li: not read)
TURKIC_PATRONYMICS = frozenset("oglu ogly ogli ugli uly uulu qizi kyzy kizi gyzy qyzy".split())


_DETERMINERS = frozenset("the its their his her our a an these those this that".split())
_VERB_ENDINGS = ("ed", "ing", "ly")
_FUNCTION_WORDS = frozenset(
    "was were is are be been being had has have would could will can may might must should shall did "
    "does do made met said says say told flew went came took gave got put set that this these those "
    "their there then than when where which who whom whose what how many much any all some each both "
    "not also only very more most other such own same him them they she you his her its our".split()
)
_EXPANSION_GLUE = frozenset(["of", "on", "and", "the", "for", "in"])  # words an acronym leaves out
MIN_EXPANDED = 3  # shorter acronyms (UN, EU) are never read from their words


def expansion_ends(text: Text, i: int, acronym: str) -> list[int]:
    """Last word indices e such that capitalised words i..e spell the acronym, each giving
    the first letters of its own (Strategic Arms Reduction Treaty: ST-A-R-T, START), at
    least two of them; "of", "on", "and", "the", "for", "in" between them give none or their
    first letter (Memorandum of Understanding: MOU), and a word may
    give none after a hyphen (Intermediate-Range Nuclear Forces: INF)."""
    words = text.words
    if len(acronym) < MIN_EXPANDED or not acronym.isalpha():
        return []
    ends: list[int] = []
    # (word index, letters of the acronym spelled so far)
    stack = [(i, 0, 0)]  # (next word, letters spelled, words used)
    while stack:
        k, got, used = stack.pop()
        if got == len(acronym):
            if used >= 2:
                ends.append(k - 1)
            continue
        if k >= len(words) or (k > i and not text.joined(k)):
            continue
        w = words[k]
        if k > i and w in _EXPANSION_GLUE and not text.capitalized(k):
            stack.append((k + 1, got, used))
            if w[0] == acronym[got] and got:  # (or its letter: MOU, Memorandum of Understanding)
                stack.append((k + 1, got + 1, used))
            continue
        if k > i and "-" in text.gap(k):
            stack.append((k + 1, got, used))  # a hyphenated part gives none: Intermediate-Range
        if not text.capitalized(k):
            continue
        for take in range(1, min(len(w), len(acronym) - got) + 1):
            if w[:take] != acronym[got : got + take]:
                break
            stack.append((k + 1, got + take, used + 1))
    return sorted(set(ends))


def _runs_on(text: Text, first: int, last: int, name: NameSpec) -> bool:
    """The acronym spelled out by words first..last runs on into a longer proper name, in
    capitalised words not its own on a line not capitalised throughout: Korea Trade
    Insurance Corporation is another body than KOTRA (Korea Trade)."""
    if not name.alone:
        return False  # (the name's own words may follow: Coastal Naval Forces Treaty, CNF Treaty)
    k = last + 1
    run = list(range(first, k))
    size = len(text.words)
    while k < size and text.joined(k) and text.capitalized(k) and not own_word(text.words[k], name):
        run.append(k)
        k += 1
    return len(run) > last + 1 - first and not _headline(text, first)


def _headline(text: Text, k: int) -> bool:
    """Word k's line capitalises every word of four letters or more (Biological Weapons
    Convention Review Opens): a capital there tells no name from a word."""
    return all(len(text.words[i]) < 4 or text.capitalized(i) for i in line_of(text, k))


def _own_expansion(text: Text, first: int, last: int, name: NameSpec) -> bool:
    """Words first..last spell an acronym alias out in the entry's own words, every one
    (Biological Weapons Convention for BWC; a misspelt one counts; the Ministry of Social
    Security is not the Ministry of State Security's MSS)."""
    words = [w for w in text.words[first : last + 1] if w not in _EXPANSION_GLUE]
    expansion = name.expansion
    own = sum(1 for w in words if w in expansion or title_word(w) in expansion or _own_typo(w, name))
    return own >= 2 and own == len(words)


def defined_otherwise(text: Text, name: NameSpec) -> str:
    """Words of the item that spell an acronym alias out otherwise, none of them the entry's
    own ("body-worn cameras" for BWC, "Financial Stability Board" for FSB): the acronym
    stands for those there. Each word gives its first letter; the words are all capitalised
    or all lowercase, of three letters or more, joined by spaces or hyphens alone."""
    acronym = name.words[0]
    words = text.words
    n = len(acronym)
    for p in range(len(words) - n + 1):
        if words[p][0] != acronym[0] or words[p] == acronym:
            continue
        # a lowercase "of" gives no letter (BWC), or its own where the acronym has it (ROC
        # for the Republic of China)
        for lettered in (False, True) if "o" in acronym[1:] else (False,):
            run, glue = _spelled_run(text, p, acronym, lettered)
            if len(run) == n:
                break
        if len(run) < n or len({text.capitalized(i) for i in run if i not in glue}) > 1:
            continue
        run = [i for i in run if i not in glue]
        spelled = [words[i] for i in run]
        if any(len(w) < 3 or w in STOPWORDS for w in spelled):
            continue
        after = run[-1] + 1
        bracketed = after < len(words) and words[after] == acronym and "(" in text.gap(after)
        phrase = _noun_phrase(text, run) if not text.capitalized(p) else _title_phrase(text, run)
        if not (phrase or bracketed):  # words (ACR) define it, whatever stands before them
            continue
        # (one word not the entry's makes another body: the PPP as the Pakistan Peoples Party)
        if not all(own_word(w, name) for w in spelled):
            return text.cased[text.starts[run[0]] : text.ends[run[-1]]]
    return _bracketed_otherwise(text, name)


def _person_named(text: Text, run: list[int]) -> bool:
    """The words name a person: a Russian given name or a patronymic, or a Korean name."""
    words = [text.words[i] for i in sorted(run)]
    if any(russian_given_name(w) or w.endswith(PATRONYMIC_ENDINGS) for w in words):
        return True
    return is_korean_name(words)


_BRACKET_REACH = 6  # words before "(ACR)" read for what it stands for
_BRACKET_GLUE = frozenset(["of", "and", "for", "s"])  # (the Ministry of Education, Youth and Sports)


def _bracketed_otherwise(text: Text, name: NameSpec) -> str:
    """A phrase the acronym follows in brackets, with two words or more, a capitalised one that
    names no country, and none of the entry's words: the acronym stands for that here, whether
    or not its letters spell it (Sao Paulo-Guarulhos (GRU); the Czech Ministry of Education,
    Youth and Sports (MSMT), whose letters are Czech)."""
    acronym = name.words[0]
    words = text.words
    k = 0
    while True:
        try:
            k = words.index(acronym, k + 1)  # (at C speed: most fields hold it once or never)
        except ValueError:
            return ""
        if not text.gap(k).endswith("(") or not text.cased_word(k).isupper():
            continue
        if k + 1 < len(words) and not text.gap(k + 1).startswith(")"):
            continue  # (more in the brackets: the Sea Pearl (IMO 9118484))
        run: list[int] = []
        j = k - 1
        while j >= 0 and len(run) < _BRACKET_REACH:
            if j + 1 < k and text.gap(j + 1).strip(" -'"):
                break  # (a comma, a full stop or a bracket ends the phrase)
            if not text.capitalized(j) and words[j] in STOPWORDS and words[j] not in _BRACKET_GLUE:
                break
            run.append(j)
            j -= 1
        content = [i for i in run if words[i] not in STOPWORDS and words[i] not in _BRACKET_GLUE]
        if len(content) < 2 or any(own_word(words[i], name) for i in content):
            continue
        a, b = text.orig(min(content), run[0])
        if is_foreign_script(text.original[a:b]) or _person_named(text, content):
            continue  # a translation; a person and the party (Zyuganov Gennady Andreyevich (CPRF))
        if any(text.capitalized(i) and title_word(words[i]) not in COUNTRY_WORDS for i in content):
            first = min(content)
            return text.cased[text.starts[first] : text.ends[run[0]]]


def _spelled_run(text: Text, p: int, acronym: str, lettered: bool) -> tuple[list[int], set[int]]:
    """Word indices from p whose first letters spell the acronym (as far as they go), and
    those of them that are a lowercase "of" (only if ``lettered``: ROC, Republic of China)."""
    words = text.words
    run = [p]
    glue: set[int] = set()
    k = p + 1
    while len(run) < len(acronym) and k < len(words) and _spelling_gap(text.gap(k)):
        if words[k] in _EXPANSION_GLUE and not text.capitalized(k):
            if lettered and words[k] == "of" and acronym[len(run)] == "o":
                run.append(k)
                glue.add(k)
            k += 1
            continue
        if words[k][0] != acronym[len(run)]:
            break
        run.append(k)
        k += 1
    return run, glue


def _spelling_gap(gap: str) -> bool:
    """Words so apart may spell an acronym out: spaces or hyphens, on one line."""
    return gap.strip(" -") == "" and "\n" not in gap


def _noun_phrase(text: Text, run: list[int]) -> bool:
    """Lowercase words that read as a noun phrase: after a determiner, adjacent, none of them
    a function word or a verb form by its ending (the missiles flew about, has made him)."""
    p = run[0]
    if p == 0 or text.words[p - 1] not in _DETERMINERS or run[-1] - p + 1 != len(run):
        return False
    return not any(text.words[i] in _FUNCTION_WORDS or text.words[i].endswith(_VERB_ENDINGS) for i in run)


def _title_phrase(text: Text, run: list[int]) -> bool:
    """Capitalised words amid lowercase ones: a proper name, not a headline's words
    (Ministry Spokesman Slams, MINISTRY SAYS STATEMENT)."""
    if any(text.cased_word(i).isupper() for i in run):
        return False
    before, after = run[0] - 1, run[-1] + 1
    # (neighbour, the gap between it and the run)
    sides = [(before, run[0]), (after, after)]
    return any(
        0 <= i < len(text.words)
        and "\n" not in text.gap(gap)
        and not text.capitalized(i)
        and (text.words[i] not in _EXPANSION_GLUE or text.words[i] == "the")
        for i, gap in sides
    )


def own_word(word: str, name: NameSpec) -> bool:
    """The word is one of an acronym alias's own words: as written, misspelt, or cut short
    (Corp. for Corporation)."""
    if word in name.expansion or title_word(word) in name.expansion or _own_typo(word, name):
        return True
    return len(word) >= 3 and any(w.startswith(word) for w in name.expansion)


def _own_typo(word: str, name: NameSpec) -> bool:
    return len(word) >= 5 and any(
        len(w) >= 5 and typo_edits(word, w, False) is not None for w in name.expansion
    )


PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "ich")


def listed(text: Text, i: int) -> bool:
    """Word i follows a surname in capitals and a comma, as lists and registers write a name
    (LAVROV, Sergei; KIM, Yo Jong), or a surname and a comma and is followed by a patronymic,
    as reference books do (Zolotov, Viktor Vasilyevich), by an initial (Ustinov, Vladimir V.)
    or by the end of the list's entry (Karabayev, Marat (minister)): the name goes on there."""
    if text.gap(i) != ", " or len(text.words[i - 1]) <= 1:
        return False
    if text.cased_word(i - 1).isupper():
        return True
    nxt = i + 1
    if nxt >= len(text.words):
        return True
    gap = text.gap(nxt)
    if any(c in gap for c in "(;\n") or (" " in gap and gap.strip() in _LIST_DASHES):
        return True  # the entry ends there: Karabayev, Marat (minister); Karabayev, Marat - Minister
    if len(text.words[nxt]) == 1 and text.capitalized(nxt) and text.followed_by_dot(nxt):
        return True  # then an initial: Ustinov, Vladimir V.
    return text.joined(nxt) and text.words[nxt].endswith(PATRONYMIC_ENDINGS)


_LIST_DASHES = frozenset(["-", "\u2013", "\u2014", ":"])


def initial_of(w: str, name_word: str) -> bool:
    """The text word (lowercase, its dot apart) is the name word's initial: V for Vladimir,
    Yu for Yury."""
    if len(w) == 1:
        return w == name_word[0]
    return w in INITIAL_DIGRAPHS and name_word.startswith((w, *_DIGRAPH_SPELLINGS.get(w, ())))


# A two-letter initial transliterated from Cyrillic, and the first letters of the same sound in
# the name as its own Latin alphabet or another romanisation spells it: Zh. Kulubaev for
# Jeenbek Kulubaev (Kyrgyz Жээнбек), Kh. for Hassan, Yu. for Jurij
_DIGRAPH_SPELLINGS = {"zh": ("j",), "kh": ("h",), "yu": ("ju", "iu"), "ya": ("ja", "ia"), "ye": ("je", "e")}


def _an_initial(text: Text, i: int) -> bool:
    """Word i is an initial: one capital letter (or a two-letter Cyrillic one) and a dot."""
    w = text.words[i]
    return (len(w) == 1 or w in INITIAL_DIGRAPHS) and text.capitalized(i) and text.followed_by_dot(i)


def _initial(text: Text, i: int, name_word: str) -> bool:
    """Word i is the initial of the name word: one capital letter and a dot."""
    return initial_of(text.words[i], name_word) and text.capitalized(i) and text.followed_by_dot(i)


def _father_initial(text: Text, i: int, name: NameSpec) -> bool:
    """Word i is the initial of a two-word name's second word before its first (Ts. Munkhbat;
    names.father_initial_first)."""
    return father_initial_first(name) and _initial(text, i, name.words[1])


def _surname_first(name: NameSpec) -> bool:
    """A person's name whose first word is the surname (Chinese, Korean)."""
    return name.person and (name.chinese or name.korean)


def _humped(text: Text, i: int) -> bool:
    """Word i has a capital inside, not all capitals: two words run together (Kim​Il, with
    a zero-width space between them)."""
    cased = text.cased_word(i)
    return not cased.isupper() and any(c.isupper() for c in cased[1:])


def opens_at(text: Text, name: NameSpec, start: int, reverse: bool = False) -> bool:
    """seq_at's first step alone: may a match of the name (in that order) start at ``start``?

    False means seq_at(text, name, start, reverse) is None; a cheap test before it.
    """
    words = text.words
    size = len(words)
    if start >= size:
        return False
    order = name.words[::-1] if reverse else name.words
    w = words[start]
    if compare(text, start, w, order[0], name) is not None:
        return True
    if order[0] in name.acronyms and expansion_ends(text, start, order[0]):
        return True
    n = len(order)
    if not name.case_sensitive:
        glued = order[0] + order[1] if n > 1 else ""
        if glued and n == 2 and _surname_first(name) and not reverse and not _humped(text, start):
            glued = ""
        if glued and may_spell(w, glued, name):
            hit = compare(text, start, w, glued, name)
            if hit is not None and _glued_keeps_short(hit, w, order[0], order[1]):
                return True
        if (
            start + 1 < size
            and text.joined(start + 1)
            and w != "s"
            and words[start + 1] != "s"
            and _may_glue(text, start + 1, name)
        ):
            hit = compare(text, start, w + words[start + 1], order[0], name)
            if hit is not None and (hit.kind != "typo" or _halves(text, start)):
                return True
        if (name.korean_word or order[0] in name.korean_places) and hangul_word(text, start, 3):
            hit = compare(text, start, w + words[start + 1] + words[start + 2], order[0], name)
            if hit is not None and hit.kind != "typo":
                return True
    if reverse and _father_initial(text, start, name):
        return True  # Ts. Munkhbat (seq_at)
    person = name.person and not name.korean and not reverse and not name.exact
    if not (person and n > 1 and text.capitalized(start)):
        return False
    if len(w) == 1 or w in INITIAL_DIGRAPHS:
        return initial_of(w, order[0]) and text.followed_by_dot(start)
    return shortened(w, order[0])


# Units a Korean place's name may be written without, Korean or English
PLACE_UNITS = KOREAN_PLACE_UNITS | frozenset(
    ["county", "island", "city", "district", "village", "town", "province"]
)
# ... and another unit after the place makes another place (Gangdong District, Gangdong-gu
# are not Kangdong County)
ANY_PLACE_UNIT = PLACE_UNITS | frozenset(ADMIN_TERMS) | frozenset(["prefecture", "state"])  # (Gangwon State)


def _unit_left_out(text: Text, name: NameSpec, i: int, word: str, unit: str) -> bool:
    """Word i, a Korean place's name word, may stand without the unit after it in the name:
    no other unit follows it in the text (Gangdong District is no Kangdong County), nor
    another capitalised word of a longer name (Jilin Yatai, the club; Jagang Provincial Party
    Committee still is Jagang Province)."""
    nxt = i + 1
    if nxt < len(text.words) and text.joined(nxt):
        after = text.words[nxt]
        if after in ANY_PLACE_UNIT:
            return False
        named = text.capitalized(nxt) and after not in STOPWORDS and not text.cased_word(nxt).isupper()
        if named and not after.startswith(unit[:5]) and (unit, after) != ("island", "islet"):
            return False
    return name.korean_place(word)


def _halves(text: Text, i: int) -> bool:
    """Words i and i+1 are two capitalised halves of four letters or more joined by a hyphen,
    one word read together, a typo and all (Ulan-Bator for Ulaanbaatar); not two words apart
    ("Belousov on" is no misspelt Belousov)."""
    words = text.words
    return (
        text.gap(i + 1) == "-"
        and len(words[i]) >= 4
        and len(words[i + 1]) >= 4
        and text.capitalized(i)
        and text.capitalized(i + 1)
    )


@lru_cache(maxsize=8192)
def _own_words(names: tuple[str, ...]) -> frozenset[str]:
    """Every word of an entry's names."""
    return frozenset(w for n in names for w in split_words(n)[0])


def _glued_keeps_short(hit: Hit, word: str, first: str, second: str) -> bool:
    """Two name words read run together as one text word with a typo: the typo never
    touches a short word (three letters or fewer), which must match exactly, as when
    written apart. "Start" is no START II with two letters lost, nor "Kimjongum" Kim Jong Un."""
    if hit.kind != "typo":
        return True
    return (len(first) > 3 or word.startswith(first)) and (len(second) > 3 or word.endswith(second))


def shortened(word: str, name_word: str) -> bool:
    """The word is the name word cut short: three to six letters kept, two or more cut (a
    short first name, Alex for Alexander; a shortened patronymic, Ukhnaa for Ukhnaagiin; a
    longer start is a name of its own: Magomed is no Magomedsalam)."""
    return 3 <= len(word) <= 6 and len(name_word) >= len(word) + 2 and name_word.startswith(word)


def _may_glue(text: Text, i: int, name: NameSpec) -> bool:
    """May words i-1 and i be read as one name word? Korean syllables written apart (Jong Un),
    or a hyphen-split word (Lav-rov); never two space-separated words of another name: those
    are two words of the text, and reading them glued cost a transliteration per word pair.
    """
    gap = text.gap(i)
    if name.korean or name.korean_word or "-" in gap:
        return True
    if gap in ("\n", "\r\n") and text.capitalized(i - 1) and not text.capitalized(i):
        return True  # a word broken by a bare line break (Krav / chuk, in OCR)
    if gap == "." and dotted_pair(text, i - 1):
        return True  # two capitals with their dots: an acronym (U.N. for UN)
    if gap == " " and mongolian_bator(text, i):
        return True  # Ulan Bator, Sukhe Bator: Russian's older Mongolian, the "hero" apart
    if name.korean_places and hangul_word(text, i - 1, 2):
        return True  # a Korean place's syllables in Hangul (함경북도: Hamgyong-bukdo)
    if name.chinese and text.gap(i) == " " and text.capitalized(i) and text.capitalized(i - 1):
        # a given name written syllable by syllable (Wang Ya Jun), as KCNA writes it
        return pinyin_syllable(text.words[i - 1]) and pinyin_syllable(text.words[i])
    # Chinese characters: one word per syllable, a given name of two is two adjacent words
    # (乐际: Le Ji)
    if text.cased is text.original:
        return False
    start = text.orig(i, i)[0]
    return "\u4e00" <= text.original[start] < "\ua000" and text.orig(i - 1, i - 1)[1] == start


def mongolian_bator(text: Text, i: int) -> bool:
    """Word i is "Bator", capitalised, after a capitalised word and a space: the Mongolian
    -baatar ("hero") as Russian's older spelling writes it apart (Ulan Bator = Ulaanbaatar,
    translit.russian_keys reads bator as baatar)."""
    if text.words[i] != "bator" or i == 0 or text.gap(i) != " ":
        return False
    return text.capitalized(i) and text.capitalized(i - 1)


def dotted_pair(text: Text, k: int) -> bool:
    """Words k and k + 1 are two capital letters, each with its dot (U.N., U.K.): a two-letter
    acronym, or initials (V.V. Putin): normalize.Text joins only three letters or more."""
    words, gaps = text.words, text.gaps
    return (
        k + 2 < len(gaps)
        and gaps[k + 1] == "."
        and len(words[k]) == 1 == len(words[k + 1])
        and gaps[k + 2][:1] == "."
        and text.capitalized(k)
        and text.capitalized(k + 1)
    )


def hangul_word(text: Text, i: int, count: int) -> bool:
    """Words i .. i + count - 1 are the syllables of one word written in Hangul (신의주 folds
    to sin ui ju, one word per syllable)."""
    if text.offsets is None or i + count > len(text.words):
        return False
    original = text.original
    spans = [text.orig(k, k) for k in range(i, i + count)]
    return all("\uac00" <= original[a] <= "\ud7a3" and b - a == 1 for a, b in spans) and all(
        spans[x][1] == spans[x + 1][0] for x in range(count - 1)
    )


def may_spell(word: str, target: str, name: NameSpec) -> bool:
    """False: compare(…, word, target, name) is None, by length alone (a cheap test).

    Every way compare accepts a word ends in keys at most 2 letters apart, or a case form
    with up to 2 letters more; a Russian key adds at most a letter per x and one at the
    end. Korean keys are not bounded so: always True for Korean names.
    """
    if name.korean or name.korean_word or name.case_sensitive:
        return True
    slack = len(word) + word.count("x") + 3
    return len(target) <= slack or _key_length(target) <= slack


@lru_cache(maxsize=131072)
def _key_length(target: str) -> int:
    # its own cache: the targets are name words run together (one per name: 20,000 for as
    # many names), which would push the text's words out of russian_key's
    return len(russian_key(target))


def _advance(st: _State, hit: Hit, di: int, dj: int) -> _State:
    return _State(
        st.i + di,
        st.j + dj,
        st.edits + hit.edits,
        st.translit + (hit.kind == "translit"),
        st.initials,
        st.inserted,
    )


def _score_seq(text: Text, name: NameSpec, start: int, st: _State, reverse: bool) -> Found:
    score = 100.0 - PENALTY_EDIT * st.edits
    score -= PENALTY_TRANSLIT if st.translit else 0
    score -= PENALTY_INITIALS if st.initials or name.derived in _PARTIAL_FORMS else 0
    score -= PENALTY_INSERTED if st.inserted else 0
    if reverse:
        # the surname first by convention (Kozlov A.A., LAVROV, Sergei): not a reordering
        usual = st.initials or listed(text, start + 1) or bool(name.facility)  # (космодром Восточный)
        # (or the Mongolian order: the father's name in the genitive, then the given name)
        usual = usual or _patronymic_genitive(text, start, text.words[start], name.words[-1])
        score -= PENALTY_TITLE_ORDER if usual else PENALTY_REORDERED
    kind = _kind(
        text,
        name,
        start,
        st.i - 1,
        st.edits > 0,
        st.initials or st.inserted,
        reverse,
        st.translit > 0,
    )
    return Found(name, start, st.i - 1, score, kind)


def _kind(
    text: Text,
    name: NameSpec,
    first: int,
    last: int,
    typo: bool,
    partial: bool,
    reordered: bool,
    translit: bool,
) -> str:
    a, b = text.orig(first, last)
    if is_foreign_script(text.original[a:b]):
        return "script"
    if typo:
        return "typo"
    if partial or name.derived in _PARTIAL_FORMS:
        return "partial"
    if reordered or name.derived == "reordered":
        return "reordered"
    if name.derived == "known" and not translit:
        return "alias"  # another name of a well-known document (known_documents)
    if translit or name.derived:
        return "translit"
    if name.case_sensitive and list(text.words[first : last + 1]) != list(name.words):
        return "translit"  # RZhD for RZD
    if text.original[a:b] != name.text:
        return "case"
    return "alias" if name.is_alias else "exact"


def surname_only(text: Text, name: NameSpec, k: int, j: int) -> Found | None:
    """A person's unlisted surname alone: kept with a low score (rules may lower min_score)."""
    # (a Chinese name's surname comes first: President Xi, Foreign Minister Wang)
    surname = 0 if name.chinese else len(name.words) - 1
    if not name.person or name.korean or j != surname or len(name.words) < 2:
        return None
    hit = compare(text, k, text.words[k], name.words[j], name)
    if hit is None or hit.kind == "typo" or not text.capitalized(k):
        return None
    office = k > 0 and _office_before(text, k) and text.joined(k)
    # (a Chinese surname, common as it is, only after a capitalised office: President Xi)
    office = office and (text.capitalized(k - 1) or not name.chinese)
    office = office and not (k > 1 and text.words[k - 2] in VESSELS)  # the frigate Admiral Ushakov
    # (and "the" before a naval rank: the Admiral Kuznetsov, an aircraft carrier, is no admiral)
    office = office and not (k > 1 and text.words[k - 2] == "the" and text.words[k - 1] in SHIP_RANKS)
    if name.chinese and (not office or (k + 1 < len(text.words) and text.capitalized(k + 1))):
        return None  # a Chinese surname alone is too common without the office (Wang, Li)
    return Found(name, k, k, SURNAME_ONLY_SCORE + (OFFICE_BONUS if office else 0.0), "partial")


def _office_before(text: Text, k: int) -> bool:
    """An office or rank right before word k: capitalised (Foreign Minister Lavrov), or in
    lowercase as wire copy writes it (spokesman Peskov, deputy chief of staff Kozak)."""
    before = text.words[k - 1]
    if before in OFFICES:
        # (an abbreviation only capitalised: "FM Bogdanov", not "at 5 pm Bogdanov")
        return before not in ABBREVIATED_OFFICES or text.capitalized(k - 1)
    return before == "staff" and k >= 3 and text.words[k - 3] == "chief" and text.words[k - 2] == "of"


SHIP_RANKS = frozenset(["admiral", "marshal"])  # ships named after them: the Marshal Ustinov
# Words for a vessel: a name right after one names the ship (the submarine Kursk).
VESSELS = frozenset(
    """ship submarine sub cruiser frigate corvette destroyer icebreaker ferry vessel carrier
    tanker boat freighter trawler warship flagship
    roks uss hms rfs ins""".split()  # (and the navies' prefixes: ROKS Dokdo, USS Carl Vinson)
)
# Offices and ranks that, capitalised right before a watched person's bare surname, make it
# that official (Vice-Premier Golikova, Foreign Minister Lavrov, Mr. Borisov).
# ... and abbreviated (Deputy FM Bogdanov, Amb. Kim): an office only capitalised
OFFICES = frozenset(
    """president premier minister chairman chairwoman chair secretary ambassador governor mayor
    general marshal admiral colonel commander director spokesman spokeswoman envoy deputy
    speaker prosecutor comrade mr mrs ms ceo chief commissioner senator adviser advisor aide
    ombudsman lawmaker legislator parliamentarian congressman congresswoman chairperson
    academician""".split()
) | ABBREVIATED_OFFICES
OFFICE_BONUS = 5.0  # (85 + 5: at the default threshold)


_LIST_GLUE = frozenset(["and", "or"])
_LIST_MAX = 8  # numbers in one list after a plural noun, at most


def listed_number(text: Text, name: NameSpec, k: int, j: int) -> Found | None:
    """A numbered document named in a list after its noun in the plural: "resolutions 2270
    and 2321" names Resolution 2321 (the first number is read as usual). Word k spells name
    word j: the noun or the number."""
    order, words = name.words, text.words
    last = len(order) - 1
    if last < 1 or not order[last].isdigit() or name.case_sensitive or j not in (last - 1, last):
        return None
    plural = order[last - 1] + "s"
    head, want = (k, -1) if j == last - 1 else (-1, k)
    if head < 0:  # from the number back to the noun
        i = k - 1
        while i > 0 and (words[i] in _LIST_GLUE or words[i].isdigit()) and k - i <= 2 * _LIST_MAX:
            i -= 1
        head = i
    if words[head] != plural or head + 2 > len(words) - 1 or not words[head + 1].isdigit():
        return None
    i, listed_words, number = head + 1, 0, -1
    while i < len(words) and listed_words < 2 * _LIST_MAX and (words[i] in _LIST_GLUE or words[i].isdigit()):
        if not _RUN_GAP.fullmatch(text.gap(i)) or text.sentence_break(i):
            break
        if words[i] == order[last] and i > head + 1 and want in (-1, i):
            number = i
        i += 1
        listed_words += 1
    start = head - (last - 1)
    if number < 0 or start < 0 or list(words[start:head]) != list(order[: last - 1]):
        return None
    if any(not text.joined(x) for x in range(start + 1, head + 1)):
        return None
    return Found(name, start, number, 100.0 - PENALTY_REWORDED - PENALTY_INSERTED_WORD, "reordered")


# Titles (see docs/matching.md §6): a missing word of common title vocabulary costs less than a
# missing distinctive one, and a word derived from a title word's stem (launch for Launching)
# less than a synonym.
PENALTY_MISSING_GENERIC = 2.0
PENALTY_DERIVED = 2.0
# Parties named before a title describe it, they do not suggest another title ("the UN treaty").
_PARTIES = frozenset(["un", "eu", "us", "uk", "nato", "asean", "north", "south", "east", "west"])
# A complement naming the authors or parties of a short title ("joint statement by Singapore
# and South Korea") describes another document than the one named after the place.
_AGENT = frozenset(["by", "between", "with", "from"])


_ABBREVIATED = {"US": "usa", "RF": "russia"}


def title_at(
    text: Text, name: NameSpec, k: int, windows: dict[tuple[int, int, int], Found | None] | None = None
) -> Found | None:
    """Token-set match of a long name in a bounded window (same sentence) around word k.

    ``windows``: the best reading of each (name, window) read so far in this text, which the
    name's other words in the same window would read again.
    """
    reach = title_reach(name)
    lo, hi = text.sentence_window(k, reach)
    key = (name.id, lo, hi)
    if windows is not None and key in windows:
        best = windows[key]
    else:
        # a country's name begun inside the window is read to its end (the Ministry of
        # Foreign Affairs of the Democratic People's Republic of Korea)
        far = hi
        if not PHRASE_STARTS.isdisjoint(text.words[max(lo, hi - LONGEST_PHRASE + 2) : hi + 1]):
            far = text.sentence_window(k, reach + LONGEST_PHRASE - 1)[1]
        best = _title_in_window(text, name, lo, hi, far)
        if windows is not None:
            windows[key] = best
    if best is not None and best.score >= DEFAULT_MIN_SCORE:
        return best
    official = official_title(text, name, k)  # (dearer, so only when nothing better)
    return official if official is not None and (best is None or official.score > best.score) else best


def _verbatim(text: Text, name: NameSpec, lo: int, hi: int) -> Found | None:
    """The name's words as typed, in order and joined, inside words lo..hi."""
    words, order, n = text.words, name.words, len(name.words)
    for start in range(lo, hi - n + 2):
        last = start + n - 1
        same = words[start] == order[0] and list(words[start : last + 1]) == list(order)
        if same and all(text.joined(x) for x in range(start + 1, last + 1)):
            return Found(name, start, last, 100.0, _kind(text, name, start, last, *_PLAIN))
    return None


_PLAIN = (False, False, False, False)  # _kind's typo, partial, reordered, translit


def _title_in_window(text: Text, name: NameSpec, lo: int, hi: int, far: int) -> Found | None:
    """The best reading of the name in words lo..hi (a phrase begun there may go on to far),
    or None."""
    words = text.words
    # (the title as written is its best reading, and the cheapest: the readings below choose
    # among the words' occurrences, and in a long title repeating words, Japan ... Japan, may
    # miss the plain one)
    verbatim = _verbatim(text, name, lo, far)
    if verbatim is not None:
        return verbatim
    # "US" in capitals is the country, "us" the pronoun; "RF" the Russian Federation, as
    # Russian officialese abbreviates it
    window = words[lo : far + 1]
    if "us" in window or "rf" in window:
        window = [
            _ABBREVIATED.get(text.cased_word(lo + x), w) if w in ("us", "rf") else w
            for x, w in enumerate(window)
        ]
    canon = [c for c in canonical(window) if c[0] not in STOPWORDS and c[1] <= hi - lo]
    hits: list[tuple[int, int, frozenset[int], int]] = []  # first, last, name words, edits
    parties: set[int] = set()
    for p, (cw, a, b) in enumerate(canon):
        if cw in SYNONYM_WORDS or cw in _PARTIES:
            parties.update(range(lo + a, lo + b + 1))
        got = _title_hits(text, name, cw, lo + a)
        if p + 1 < len(canon):  # "Non-Proliferation" written "nonproliferation" or the reverse
            got += _title_hits(text, name, cw + canon[p + 1][0], lo + a, span=2)
        for covered, edits, span in got:
            end = canon[p + span - 1][2] if span == 2 else b
            hits.append((lo + a, lo + end, covered, edits))
    hits += _acronyms_spelled_out(text, name, lo, hi)
    # two words read as one title word pair are only needed when they do not match alone
    # ("resolution 1718": each word is its own hit, each as written)
    alone: dict[int, frozenset[int]] = {}
    for a, b, covered, _ in hits:
        if a == b:
            alone[a] = alone.get(a, frozenset()) | covered
    none: frozenset[int] = frozenset()
    hits = [h for h in hits if h[0] == h[1] or not h[2] <= alone.get(h[0], none) | alone.get(h[1], none)]
    return _best_title(text, name, hits, parties) if hits else None


# An official title is a run of capitalised words and lowercase function words, opening with
# its head noun and a preposition: "Convention on the Prohibition of the Development,
# Production, Stockpiling and Use of Chemical Weapons and on Their Destruction".
OFFICIAL_RUN = 40  # words at most
_OFFICIAL_OPENERS = frozenset(["on", "of", "for", "between", "concerning", "relating"])
_RUN_GAP = re.compile(r"[ ,()\-‐‑]*")


def official_title(text: Text, name: NameSpec, k: int) -> Found | None:
    """The name's words all inside one official title holding word k, which opens with the
    name's head noun: the Chemical Weapons Convention in its official title above.

    Much longer than the name, so past the window title_at reads; every word of the name
    must be there, in any spelling the verifier takes, and nothing but capitalised words and
    function words may come between them.
    """
    if name.head < 0 or name.exact or not (text.capitalized(k) or text.words[k] in STOPWORDS):
        return None
    words = text.words
    first = k
    while first > 0 and k - first < OFFICIAL_RUN and _in_run(text, first - 1, first):
        first -= 1
    last = k
    while last + 1 < len(words) and last - first < OFFICIAL_RUN and _in_run(text, last + 1, last + 1):
        last += 1
    while last > k and not text.capitalized(last):
        last -= 1  # trailing function words belong to what follows
    for h in range(first, k + 1):
        if not (
            text.capitalized(h)
            and h + 1 <= last
            and words[h + 1] in _OFFICIAL_OPENERS
            and any(
                name.head in covered for covered, _, _ in _title_hits(text, name, title_word(words[h]), h)
            )
        ):
            continue
        # the name's other words side by side, in its order: "Chemical Weapons", not the
        # "Safety of Chemical Plants and Weapons Depots"
        # (a country may stand anywhere in it: Agreement Concerning a Military Armistice in
        # Korea is the Korean Armistice Agreement)
        countries = {q for q, w in enumerate(name.distinct) if w in COUNTRY_WORDS}
        rest = [q for q in range(len(name.distinct)) if q != name.head and q not in countries]
        spots: list[tuple[int, int, frozenset[int]]] = [
            (h + a, h + b, got)
            for cw, a, b in canonical(words[h : last + 1])
            if cw not in STOPWORDS
            for got, edits, _ in _title_hits(text, name, cw, h + a)
            if not edits
        ]
        # a title of common words must end its phrase there: an "Accord on Joint Military
        # Cooperation" is another document than the Joint Military Accord
        common = _common_words_only(name)
        ends = [e for x in range(len(spots)) if (e := _side_by_side(spots, x, rest)) >= 0]
        ends = [e for e in ends if not common or e == last or words[e + 1] in STOPWORDS]
        if len(rest) == 1 and name.distinct[name.head] != "treaty":
            # a body named by one word besides its head and parties (Foreign of the Foreign
            # Ministry): only title vocabulary or a party may follow that word in the official
            # title (the Ministry of Foreign Affairs of the DPRK), or it is another body's (the
            # Ministry of Foreign Economic Relations). (A document's official title lists its
            # subjects: the Treaty of Friendship, Good-Neighbourly Relations and Cooperation.)
            ends = [e for e in ends if all(_vocabulary(words[i]) for i in range(e + 1, last + 1))]
        present = {q for _, _, got in spots for q in got}
        if rest and ends and countries <= present and not _other_parties(text, name, h, last):
            score = 100.0 - PENALTY_TITLE_ORDER - PENALTY_REWORDED
            return Found(name, h, last, score, "reordered")
    return None


def _vocabulary(word: str) -> bool:
    """A function word, common title vocabulary or a country word."""
    return word in STOPWORDS or generic(title_word(word)) or title_word(word) in COUNTRY_WORDS


def _side_by_side(spots: list[tuple[int, int, frozenset[int]]], x: int, rest: list[int]) -> int:
    """Spots from x on spell the name words ``rest`` in order, each right after the last:
    the last word index they take, or -1."""
    at = x
    for q in rest:
        if at >= len(spots) or q not in spots[at][2] or (at > x and spots[at][0] != spots[at - 1][1] + 1):
            return -1
        at += 1
    return spots[at - 1][1]


def _in_run(text: Text, i: int, gap_at: int) -> bool:
    """Word i belongs to an official title's run, and so does the gap before word gap_at."""
    word_ok = text.capitalized(i) or (text.words[i] in STOPWORDS and not text.words[i].isdigit())
    return word_ok and _RUN_GAP.fullmatch(text.gap(gap_at)) is not None


TITLE_REACH = 3


def title_width(name: NameSpec) -> int:
    """Most content words (not function words) a title mention may span: the title's own and
    TITLE_SLACK more."""
    return sum(w not in STOPWORDS for w in name.words) + TITLE_SLACK


def title_reach(name: NameSpec) -> int:
    """How far (in words) from one word of a title mention the others may lie: the title's
    length, half as much again for the function words a rewording adds ("Joint Declaration
    of the South and the North on Denuclearization of the Korean Peninsula"), and a few."""
    return len(name.words) * 3 // 2 + TITLE_REACH


def _title_hits(
    text: Text, name: NameSpec, word: str, i: int, span: int = 1
) -> list[tuple[frozenset[int], int, int]]:
    exact = name.title_targets.get(word)
    if exact is None and name.korean_targets and text.capitalized(i):
        exact = name.title_targets.get("k:" + korean_key(word))  # Gaeseong for Kaesong
    if exact is None and span == 1:
        exact = name.title_targets.get("p:" + text.words[i])  # launch for Launching
        if exact is None:
            exact = name.title_targets.get("i:" + text.words[i])  # UNSCR 2397
            if exact is not None and (not _acronym_in_text(text, i) or _not_own_acronym(name, text.words[i])):
                exact = None
        if exact is None and _cyrillic(text, i):
            exact = _russian_title_target(name, text.words[i])
        if exact is None and numeric_month(text, i):
            exact = name.title_targets.get(MONTH_NAMES[int(word) - 1])  # 9.19 for September 19
        if exact is None and word in CAPITALS and word not in name.words and capital_party(text, i):
            exact = name.title_targets.get(CAPITALS[word])  # Seoul and Washington: the ROK, the US
    if exact is not None:
        return [(exact, 0, span)]
    if name.exact or len(word) < 4:
        return []
    out = []
    for target, covered in name.typo_targets:
        # typo_edits needs the same first letter and a close length: check cheaply first
        if target[0] == word[0] and abs(len(target) - len(word)) <= 2:
            edits = _title_typo(word, target)
            halves = span == 1 or len(covered) != 2 or _halves_may_slip(text, name, i, covered)
            if edits is not None and halves:
                out.append((covered, edits, span))
    return out


def _russian_title_target(name: NameSpec, word: str) -> frozenset[int] | None:
    """The title words a Russian word stands for (Договору for Treaty), or a place's
    adjective (Амурский for Amur). (A function of its own: mypyc typed the loop's variable
    by the caller's narrowing, None, and the compiled build raised.)"""
    for english in russian_title_words(word):
        found = name.title_targets.get(title_word(english))
        if found is not None:
            return found
    for place in russian_place_names(word):
        found = name.title_targets.get(title_word(place))
        if found is not None:
            return found
    return None


def _not_own_acronym(name: NameSpec, word: str) -> bool:
    """The entry's own acronym alias, cut short: the title's first words' initials, but
    another acronym (UAW, United Auto Workers, though the initials of Union of Agricultural
    Workers, is not the UAWK's). The initials of later words stay theirs: Zaporizhzhia NPP."""
    own = [a.lower() for a in name.entry.aliases if a.isalpha() and a.isupper()]
    return any(a.startswith(word) and a != word for a in own)


def _halves_may_slip(text: Text, name: NameSpec, i: int, covered: frozenset[int]) -> bool:
    """Two text words read as two name words with a typo: a short word (under five letters)
    is its name word exactly, as it must be alone (index._title_word_keys): Monitoring Taem is
    no Monitoring Team misspelt, Open Skyes is Open Skies; a longer one is its name word
    within its own typo budget (START treaty is no sports treaty, two letters off in "start")."""
    first, second = sorted(covered)
    for word, q in ((text.words[i], first), (text.words[i + 1], second)):
        if title_word(word) == name.distinct[q]:
            continue
        if len(word) < _MIN_INDEXED_TYPO:
            return False
        # each half within its own budget: START treaty is no sports treaty
        forms = [target for target, covered in name.typo_targets if covered == {q}]
        if all(_title_typo(word, target) is None for target in forms):
            return False
    return True


_MIN_INDEXED_TYPO = 5  # title words shorter take no typo in the index (index._title_word_keys)


_MONTHS_SHORT = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _dated(text: Text, i: int) -> bool:
    """Word i stands by a number or another month's abbreviation: a date's month ("Jan 8",
    "12-Jun-2023", "Jan-Feb"), not a name word (Hwang Jun Guk)."""
    words = text.words
    return any(
        0 <= j < len(words) and (words[j].isdigit() or words[j] in _MONTHS_SHORT) for j in (i - 1, i + 1)
    )
MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)


def numeric_month(text: Text, i: int) -> bool:
    """Word i is the month of a date written in figures before a title, as Korean usage names
    documents: the 9.19 Joint Statement (September 19), the 10.4 Declaration (October 4)."""
    words = text.words
    word = words[i]
    if not (word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 12 and i + 2 < len(words)):
        return False
    day = words[i + 1]
    if not (day.isdigit() and len(day) <= 2 and 1 <= int(day) <= 31 and text.gap(i + 1) == "."):
        return False
    # and a capitalised word after it, the title's: not a decimal (9.19 points)
    return text.capitalized(i + 2) and text.gap(i + 2) == " "


@lru_cache(maxsize=32768)
def _acronym_in_text(text: Text, i: int) -> bool:
    """Word i is in capitals amid words that are not (no all-caps headline: TRUMP SIGNS ACT)."""
    if not text.cased_word(i).isupper() or text.cased_word(i) != text.cased_word(i).upper():
        return False
    sides = [k for k in (i - 1, i + 1) if 0 <= k < len(text.words) and "\n" not in text.gap(max(k, i))]
    return any(not text.cased_word(k).isupper() for k in sides if not text.words[k].isdigit())


def _title_typo(word: str, target: str) -> int | None:
    edits = typo_edits(word, target, False)
    if edits == 2 and _other_ending(word, target):
        return None  # another word, not one misspelt twice over: minister is no ministry
    return edits


def _best_title(
    text: Text, name: NameSpec, hits: list[tuple[int, int, frozenset[int], int]], parties: set[int]
) -> Found | None:
    hits.sort(key=lambda h: (h[0], h[1]))
    # Function words do not count toward the span: "Treaty on the Limitation of Anti-Ballistic
    # Missile Systems" is the Anti-Ballistic Missile Treaty; the window bounds it anyway.
    width = title_width(name)
    reach = title_reach(name)
    base = hits[0][0]
    # a title word written as several (a country's full name, the Democratic People's Republic
    # of Korea for DPRK; Non Proliferation) counts once
    inner = {i for h in hits if h[1] > h[0] for i in range(h[0] + 1, h[1] + 1)}
    content = [0]
    folded = [0]  # words inside such a title word, before each word (reach counts them not)
    for at in range(base, max(h[1] for h in hits) + 1):
        w = text.words[at]
        # (Russian function words neither: о, между, и in Соглашение о гарантиях между КНДР и МАГАТЭ)
        glue = w in STOPWORDS or (w in RUSSIAN_GLUE and _cyrillic(text, at)) or at in inner
        content.append(content[-1] + (not glue))
        folded.append(folded[-1] + (at in inner))
    # Readings: from each hit, each run of title words as it grows. Ranked by words held less
    # other words inside ("Russia and North Korea marked 25 years since the signing of the
    # Treaty on Friendship...": from Treaty on), then words held, then span; the best-scored
    # of the first few wins ('"resolution 1718" cooked up by the UN Security Council' holds
    # more words, but "resolution 1718" alone reads better).
    readings: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for s, (first, _, _, _) in enumerate(hits):
        covered: set[int] = set()
        last = first
        used = 0
        for f2, l2, cov, _ in hits[s:]:
            span = l2 - first - (folded[l2 + 1 - base] - folded[first - base])
            if span > reach or content[l2 + 1 - base] - content[first - base] > width:
                break
            if not cov <= covered:
                covered |= cov
                last = max(last, l2)
                used += content[l2 + 1 - base] - content[f2 - base]
                unmatched = content[last + 1 - base] - content[first - base] - used
                count = len(covered)
                readings.setdefault((first, last), (count - unmatched, count, -(last - first), s))
    if parties:
        # (a party after a comma closing the reading is the sentence's, not the title's:
        # "the agreement on international road transport, the Russian Transport Ministry said")
        readings = {span: r for span, r in readings.items() if not _party_after_comma(text, parties, *span)}
    ranked = sorted(readings.items(), key=lambda r: r[1][:3], reverse=True)[:_READINGS]
    best: Found | None = None
    best_count = 0
    readings_found: list[tuple[Found, int]] = []
    for (first, last), (_, count, _, s) in ranked:
        found = _title_reading(text, name, hits, parties, first, last, count, s)
        if found is not None:
            readings_found.append((found, count))
            if best is None or found.score > best.score:
                best, best_count = found, count
    # a reading around the best one that holds more of the name's words, and scores less only
    # for their order, is the mention as written: "Kazakhstan's Ministry of Energy", not
    # "Kazakhstan's Ministry" (reported at its own score)
    if best is None or len(readings_found) < 2:
        return best
    wider = [
        f
        for f, count in readings_found
        if count > best_count
        and f.first <= best.first
        and best.last <= f.last
        and f.score >= best.score - PENALTY_TITLE_ORDER
        and _extends(text, hits, best, f)
    ]
    return max(wider, key=_score) if wider else best


_PLAIN_GAPS = frozenset([" ", "-", "'", "’"])


_Hits = list[tuple[int, int, frozenset[int], int]]  # title hits: first, last, name words, edits


def _extends(text: Text, hits: _Hits, inner: Found, outer: Found) -> bool:
    """The words outer adds to inner are the name's own words and function words, with
    nothing but spaces, hyphens and apostrophes between them: the same phrase, read further
    ("of Energy", "and the Russian Federation"), not words across a comma or a verb."""
    held = {i for a, b, _, _ in hits for i in range(a, b + 1)}
    added = [*range(outer.first, inner.first), *range(inner.last + 1, outer.last + 1)]
    for i in added:
        if text.words[i] not in STOPWORDS and i not in held:
            return False
    gaps = [*range(outer.first + 1, inner.first + 1), *range(inner.last + 1, outer.last + 1)]
    return all(text.gap(i) in _PLAIN_GAPS for i in gaps)


def _score(f: Found) -> float:
    return f.score


_READINGS = 8  # readings of a title mention scored, at most (the best-ranked ones)


def _party_after_comma(text: Text, parties: set[int], first: int, last: int) -> bool:
    """The reading first..last ends in party words (and function words) after a comma."""
    at = last
    while at > first and (at in parties or text.words[at] in STOPWORDS):
        at -= 1
    tail = range(at + 1, last + 1)
    return any(i in parties for i in tail) and "," in text.gap(at + 1)


@lru_cache(maxsize=4096)
def entry_countries(names: tuple[str, ...]) -> frozenset[str]:
    """Country words of an entry's name and aliases (dprk, russia, korea and so both Koreas)."""
    found = {c for n in names for c, _, _ in canonical(split_words(n)[0]) if c in COUNTRY_WORDS}
    return frozenset(found.union(*(SAME_COUNTRY.get(c, ()) for c in found)))


def _bilateral(own: frozenset[str]) -> bool:
    """The entry names two countries or more (both Koreas count as one)."""
    return len({"korea" if c in SAME_COUNTRY["korea"] else c for c in own}) >= 2


# "the Treaty of ... between X and Y", "the Security Council of X": the parties or the country
_PARTIES_AFTER = frozenset(["between", "of"])
_PARTIES_REACH = 10  # words after "between" / "of" read for the parties (the Islamic Republic of Iran)


def other_parties_after(text: Text, name: NameSpec, first: int, last: int) -> str:
    """Words right after a treaty's or body's mention that name a country the entry does not:
    another document or body (the Security Council of Kazakhstan, the Armistice Agreement
    between the Allies and Germany, the partnership treaty between Russia and Iran, for
    DPRK-Russia). Another party beside the entry's own counts only for an entry naming two
    countries. The words, or "" when there are none (or the entry names no country)."""
    words = text.words
    start = last + 1
    if name.person or start >= len(words):
        return ""
    # the mention may have taken in the first party: "... Partnership between Russia" and
    # Iran, "... of Citizens of the Russian Federation" and the Socialist Republic of Viet Nam;
    # and a title placed in a country ("... of Human Rights in the DPRK") names another in it
    opens = words[start] in _PARTIES_AFTER
    if words[start] == "and" and _body(name) and not _names_country(text, first, last):
        # the body's name goes on: the Ministry of Transport and Communications of Belarus
        # (not after a mention naming its country: the Russian Ministry of Transport and ...)
        of = _name_goes_on(text, start)
        if of > 0:
            start, opens = of, True
    if words[start] == "and":
        # (a body's mention ending in its country is one body: "the Ministry of ... of the
        # Russian Federation and the North Korean side have agreed")
        document = name.head < 0 or name.distinct[name.head] not in BODY_NOUNS
        opens = "between" in words[first:last] or (document and _ends_in_country(text, first, last))
    opens = opens or (words[start] == "in" and "in" in name.words)
    if not opens:
        return ""
    own = entry_countries(name.entry.names)
    if not own or text.gap(start).strip():
        return ""
    chain: list[int] = []
    for k in range(start + 1, min(len(words), start + 1 + _PARTIES_REACH)):
        if words[k] == "s" and text.gap(k) == "'" and chain:
            continue  # the Democratic People's Republic of Korea
        if text.sentence_break(k) or text.gap(k).strip(" ,") or words[k] == "s":
            break
        if words[k] == "and" and words[start] == "of" and chain:
            break  # a body's own country is the first after "of" (… of Belarus and Russian Railways)
        if words[k] in ("the", "and", "of"):  # (the Islamic Republic of Iran)
            continue
        if not text.capitalized(k):
            break
        chain.append(k)
    # (read with the words skipped between them: "of the" and "'s" belong to the phrases of
    # country names, the Democratic People's Republic of Korea)
    run = words[chain[0] : chain[-1] + 1] if chain else []
    countries = [c for c, _, _ in canonical(run) if c in COUNTRY_WORDS]
    if not countries and _of_a_region(text, name, start, chain):
        return text.original[slice(*text.orig(start, chain[-1]))]
    if all(c in own for c in countries):
        return ""
    # a treaty named after one country may have other parties too (the Korean Armistice
    # Agreement between North Korea, China and the US); a bilateral one may not
    if any(c in own for c in countries) and not _bilateral(own):
        return ""
    return text.original[slice(*text.orig(start, chain[-1]))]


# What a body's name may be "of" that is no region (the Committee for the Peaceful
# Reunification of the Country, of the Fatherland)
_NO_REGION = frozenset("country fatherland motherland homeland nation world peoples".split())


def _of_a_region(text: Text, name: NameSpec, start: int, chain: list[int]) -> bool:
    """A national body's mention followed by "of" and a capitalised place that is no country
    and no word of its own name: a regional body of the same kind (the Chamber of Commerce
    and Industry of Primorsky Krai, for the Russian Federation's)."""
    if text.words[start] != "of" or not chain or name.entry.kind.lower() != "organisation":
        return False
    own = set(name.words)
    if not all(text.words[k] not in own and not text.cased_word(k).isupper() for k in chain):
        return False
    # (a proper name, not common words: of the Foreign Ministry, of the Country)
    return any(not generic(title_word(text.words[k])) and text.words[k] not in _NO_REGION for k in chain)


def _body(name: NameSpec) -> bool:
    return name.head >= 0 and name.distinct[name.head] in BODY_NOUNS


def _names_country(text: Text, first: int, last: int) -> bool:
    return any(c in COUNTRY_WORDS for c, _, _ in canonical(text.words[first : last + 1]))


def _name_goes_on(text: Text, start: int) -> int:
    """After "and" at ``start``, one or two capitalised words that are no country, then "of":
    the index of that "of", or -1."""
    words = text.words
    for k in range(start + 1, min(len(words), start + 4)):
        if words[k] == "of" and k > start + 1:
            return k if text.gap(k) == " " else -1
        if text.gap(k) != " " or not text.capitalized(k) or title_word(words[k]) in COUNTRY_WORDS:
            return -1
    return -1


def _ends_in_country(text: Text, first: int, last: int) -> bool:
    """The mention's last words name a country (the Russian Federation)."""
    tail = canonical(text.words[max(first, last - LONGEST_PHRASE + 1) : last + 1])
    return bool(tail) and tail[-1][0] in COUNTRY_WORDS


def other_country_before(text: Text, name: NameSpec, first: int) -> str:
    """A country right before a body's or document's mention, other than the ones its entry
    names: that country's own (the U.S. Pacific Fleet, America's, Chinese, for the Russian
    Pacific Fleet). The country as written, or "" (also when the entry names no country:
    whose National Intelligence Service it watches, the entry does not say). Not a place's:
    a country before a place locates it (China's Yanbian Korean Autonomous Prefecture)."""
    if name.person or first == 0 or name.entry.kind == "place":
        return ""
    own = entry_countries(name.entry.names)
    if not own:
        return ""
    words = text.words
    k = first - 1
    cased = text.cased_word(k)
    acronym = 2 <= len(cased) <= 5 and cased.isupper() and cased.isalpha() and text.gap(first) == " "
    acronym = acronym and title_word(words[k]) not in COUNTRY_WORDS and words[k] not in ("us", "uk")
    if k > 0 and acronym and words[k] not in name.own_acronyms and words[k] not in name.words:
        first, k = k, k - 1  # another body's acronym between: Iran's IRGC Aerospace Force is Iran's
    if words[k] == "its" and text.gap(first) == " ":
        return _sentence_country(text, k, own)  # Vietnam merged its Ministry of ...
    if words[k] == "s" and text.gap(k) == "'" and k > 0:
        k -= 1  # a possessive: America's, China's
    elif text.gap(first) not in (" ", ". "):
        return ""
    word = words[k]
    if word == "s" and k > 0 and words[k - 1] == "u" and text.cased_word(k - 1) == "U":
        country, k = "usa", k - 1  # U.S.
    elif text.gap(first) != " ":
        return ""  # a full stop: the sentence before ends in a country
    elif (word == "america" and text.capitalized(k)) or (word == "us" and text.cased_word(k) == "US"):
        country = "usa"
    else:
        country = title_word(word)
        if country not in COUNTRY_WORDS or not text.capitalized(k):
            return ""
        # the whole phrase the word ends: North Korea is the DPRK, not Korea
        back = max(0, k - LONGEST_PHRASE + 1)
        tail = canonical(words[back : k + 1])
        if tail and back + tail[-1][2] == k and tail[-1][0] in COUNTRY_WORDS:
            country = tail[-1][0]
    if country in own or (country == "korea" and not own.isdisjoint(SAME_COUNTRY["korea"])):
        return ""  # (bare Korea is either Korea: the Japan-Korea JDZ Agreement is the ROK's)
    written = text.original[slice(*text.orig(k, first - 1))]
    return written + "." if text.gap(first) == ". " else written  # (U.S. keeps its last dot)


_COMPASS = frozenset("north south east west central northeast northwest southeast southwest".split())


def _compass(word: str) -> str:
    """A point of the compass, its adjective read as it (Eastern as east), else the title word."""
    word = title_word(word)
    return word[:-3] if word.endswith("ern") and word[:-3] in _COMPASS else word


def other_compass_before(text: Text, name: NameSpec, first: int, last: int) -> str:
    """The entry's name holds a point of the compass the mention lacks, and another stands
    right before it: South Hamgyong Province is no North Hamgyong Province, the Eastern
    Military District no Central Military District. The words, or ""."""
    if name.person or first == 0 or text.gap(first) not in (" ", "-"):
        return ""
    before = _compass(text.words[first - 1])
    if before not in _COMPASS:
        return ""
    own = {_compass(w) for w in name.words} & _COMPASS
    held = {_compass(w) for w in text.words[first : last + 1]}
    if not own or own & held or before in own:
        return ""
    return text.original[slice(*text.orig(first - 1, last))]


_ITS_REACH = 12  # words before "its" read for the country it refers to


def _sentence_country(text: Text, its: int, own: frozenset[str]) -> str:
    """The country "its" (word ``its``) refers to, when that is another than the entry's: the
    last country named before it in its sentence, as written with "its" ("Vietnam ... its"),
    or ""."""
    lo = its
    while lo > 0 and its - lo < _ITS_REACH and not text.sentence_break(lo):
        lo -= 1
    countries = [
        (a, b) for c, a, b in canonical(text.words[lo:its]) if c in COUNTRY_WORDS and text.capitalized(lo + a)
    ]
    if not countries:
        return ""
    a, b = countries[-1]
    country = canonical(text.words[lo + a : lo + b + 1])[0][0]
    if country in own:
        return ""
    return f"{text.original[slice(*text.orig(lo + a, lo + b))]} … its"


_SIGNED = frozenset(["signed", "concluded", "ratified", "initialled", "initialed"])
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec""".split()
)


_DOCUMENTS = frozenset(["resolution", "resolutions", "decree", "decrees", "law", "laws"])


def _document_head(word: str) -> bool:
    return TITLE_SYNONYMS.get(word) in ("treaty", "statement") or word in _DOCUMENTS


def own_title_after(text: Text, name: NameSpec, last: int) -> str:
    """A document's mention ending in its head noun (or its number), then "on", "of" or "for"
    and a capitalised word that is none of the entry's: the document's own, other title (the
    Treaty on the Basis of Mutual Relations, for a Russia-Iran treaty; Resolution 2397 of the
    Government of St Petersburg, for the Security Council's). The words, or ""."""
    words = text.words
    start = last + 1
    if name.person or start + 1 >= len(words) or words[start] not in ("on", "of", "for"):
        return ""
    head = words[last - 1] if words[last].isdigit() and last > 0 else words[last]  # Resolution 2397
    if not _document_head(head) or text.gap(start).strip():
        return ""
    k = start + 1
    if words[k] == "the" and k + 1 < len(words):
        k += 1
    word = words[k]
    if text.sentence_break(k) or not text.capitalized(k) or word in _CALENDAR or word in STOPWORDS:
        return ""
    if text.cased_word(k).isupper() and text.cased_word(start).isupper():
        return ""  # (an all-caps line capitalises every word: … TREATY ON BEHALF OF …)
    canon = canonical(words[k : k + 2])[0][0]
    own = {title_word(w) for n in name.entry.names for w in split_words(n)[0]}
    own |= {c for n in name.entry.names for c, _, _ in canonical(split_words(n)[0])}
    if canon in own or canon in COUNTRY_WORDS or word.isdigit() or _own_initials(text.cased_word(k), name):
        return ""
    # the title goes on with the entry's own words: its official title, reworded (the
    # Shanghai Convention on the Fight against Terrorism, Separatism and Extremism)
    held = 0
    for i in range(k + 1, min(len(words), k + _OWN_TITLE_RUN)):
        if text.sentence_break(i) or text.gap(i).strip(" ,-"):
            break
        if words[i] in STOPWORDS or not text.capitalized(i):
            continue
        held += title_word(words[i]) in own
    if held >= 2:
        return ""
    return text.original[slice(*text.orig(start, k))]


_OWN_TITLE_RUN = 10  # words of a title read after its head noun's "on", "of", "for"


def _own_initials(cased: str, name: NameSpec) -> bool:
    """A word in capitals spells the initials of a run of capitalised words of the entry's
    names: the body it names is the entry's own (SCO, in the Tianjin Declaration of the Shanghai
    Cooperation Organisation)."""
    cased = cased[:-1] if cased.endswith("s") else cased  # (a plural: POPs)
    if len(cased) < 3 or not cased.isupper() or not cased.isalpha():
        return False
    for other in name.entry.names:
        initials = "".join(w[0] for w in split_words(other)[1] if w[:1].isupper())
        if cased in initials:
            return True
    return False


_OTHER_KOREA = {"dprk": "rok", "rok": "dprk"}


def _other_korea(text: Text, name: NameSpec, first: int, last: int) -> bool:
    """A bare Korea among the mention's parties, where the entry names one Korea and the
    field names only the other: the Korea-China treaty of a Yonhap story about South Korea
    and China is the ROK's, not the DPRK's."""
    if "korea" not in name.title_targets or "korea" in name.distinct:
        return False
    mention = {c for c, _, _ in canonical(text.words[first : last + 1])}
    return "korea" in mention and _names_other_korea(text, name)


def _names_other_korea(text: Text, name: NameSpec) -> bool:
    """The field names the other Korea than the entry's one, and not the entry's."""
    own = next(w for w in name.distinct if w in _OTHER_KOREA)
    named = {c for c, _, _ in canonical(text.words) if c in _OTHER_KOREA}
    return named == {_OTHER_KOREA[own]}


def _other_parties(text: Text, name: NameSpec, first: int, last: int) -> bool:
    """The mention names a country the entry does not, so it is another document: inside it
    (between the USSR and the DPRK, for a DPRK-China treaty) or in the hyphenated parties
    just before it, when these also hold one of the entry's (Russia-Iran, for DPRK-Russia)."""
    own = entry_countries(name.entry.names)
    if not own:
        return False
    if "korea" in name.title_targets and ("korea" in name.distinct or not _names_other_korea(text, name)):
        own = own | {"korea"}  # its one Korea, or either: the Vietnamese-Korean agreement
    shouted = text.cased[text.starts[first] : text.ends[last]].isupper()  # capitals tell nothing
    for c, a, b in canonical(text.words[first : last + 1]):
        # (a short one only in capitals: Kim Jong Un's "Un" is not the UN)
        cased = text.cased_word(first + a)
        short = a == b and len(cased) <= 3 and (shouted or not cased.isupper())
        # (any country by name, capitalised: Mongolia in the Russia-Mongolia treaty's title)
        country = c in SYNONYM_WORDS or (c in COUNTRY_WORDS and text.capitalized(first + a))
        if country and c not in own and not short:
            return True
    chain: list[int] = []  # capitalised words just before: Russia-Iran, Russia, Iran, Russia and Iran
    linked = False  # by a hyphen or "and": a list of parties, not any capitalised word before
    i = first
    if i >= 2 and text.words[i - 1] in ("a", "the") and text.words[i - 2] in _SIGNED:
        i -= 2  # the USSR and the DPRK signed a Treaty of ...
        linked = True
    while i > 0 and len(chain) < 3 and text.gap(i).strip() in ("-", "", ",") and not text.sentence_break(i):
        linked = linked or "-" in text.gap(i)
        i -= 1
        if text.words[i] in ("and", "the"):
            linked = linked or text.words[i] == "and"
            continue
        if not text.capitalized(i) or text.words[i] in _CALENDAR:
            break  # (On Monday the Korean People's Army ...)
        chain.append(i)
    # the entry's own party may open the mention: "the USSR and | North Korea signed a Treaty
    # of", "the DPRK- | Russia Comprehensive Strategic Partnership Treaty"
    opens = any(c in own for c, _, _ in canonical(text.words[first : first + 2])[:1])
    if len(chain) < (1 if opens else 2):
        return False
    parties = [c for c, _, _ in canonical([text.words[j] for j in reversed(chain)])]
    ours = opens or any(c in own for c in parties)
    return ours and any(
        c not in own and (c in COUNTRY_WORDS or (linked and c not in STOPWORDS and not generic(c)))
        for c in parties
    )


def _common_words_only(name: NameSpec) -> bool:
    """Every title word is common vocabulary, and none names a country."""
    return all(generic(w) and w not in COUNTRY_TITLE_WORDS for w in name.distinct)


def _continues(
    text: Text, name: NameSpec, last: int, kept: list[tuple[int, int, frozenset[int], int]]
) -> bool:
    """The phrase runs on past the mention with another content word, the mention ending on
    neither the title's head noun nor its last word (an agreement on comprehensive military |
    cooperation); after those the sentence goes on (the chemical weapons treaty | met, the
    Ministry of State Security | has)."""
    nxt = last + 1
    if nxt >= len(text.words) or text.gap(nxt).strip(" -"):
        return False
    ends = {name.head, len(name.distinct) - 1}
    if any(h[1] == last and ends & h[2] for h in kept):
        return False
    # more title vocabulary makes a longer name (military cooperation); other words are the
    # sentence going on (treaty on comprehensive strategic partnership | signed in 2024)
    return generic(title_word(text.words[nxt])) and text.words[nxt] not in STOPWORDS


def _edition(distinct: tuple[str, ...], q: int) -> bool:
    """Title word q numbers a later edition (2 to 20; Roman numerals read as figures), not a
    day after its month (the June 15 Declaration): a title without it names the first
    (START, Minsk, Power of Siberia)."""
    word = distinct[q]
    return word.isdigit() and 2 <= int(word) <= 20 and not (q and distinct[q - 1] in MONTH_NAMES)


def _title_reading(
    text: Text,
    name: NameSpec,
    hits: list[tuple[int, int, frozenset[int], int]],
    parties: set[int],
    first: int,
    last: int,
    count: int,
    s: int,
) -> Found | None:
    """The mention words first..last make (hits from index s on), scored; None: no mention."""
    if count < name.required and not _parties_may_be_left_out(name, count):
        return None
    chosen = [h for h in hits[s:] if h[0] >= first and h[1] <= last]
    order: list[int] = []
    edits = 0
    seen: set[int] = set()
    kept: list[tuple[int, int, frozenset[int], int]] = []
    for h in chosen:
        if not h[2] <= seen:
            seen |= h[2]
            order.extend(sorted(h[2]))
            edits += h[3]
            kept.append(h)
    if name.head >= 0 and name.head not in seen:
        return None  # no head noun: "intermediate-range nuclear forces" are not the Treaty
    missing = [q for q in range(len(name.distinct)) if q not in seen]
    if any(_edition(name.distinct, q) for q in missing):
        return None  # Power of Siberia is the first pipeline, not Power of Siberia 2
    reordered = order != sorted(order)
    own_pairs = _own_pairs(name.entry.names)
    foreign, inserted, inside = _foreign_words(text, first, last, chosen, parties, own_pairs)
    if _other_parties(text, name, first, last) or _other_korea(text, name, first, last):
        return None  # the Russia-Iran treaty, the USSR-DPRK treaty: another document
    if reordered and _owner_inside(text, first, last, chosen, parties):
        return None  # General Staff of KPA Receives Russian ...: the KPA's, not Russia's
    if missing and _other_tail(text, name, last):
        return None  # ... Immunities of the Specialized Agencies: not those of the United Nations
    if missing and any(b == last and e for _, b, _, e in chosen) and _title_runs_on(text, name, last):
        return None  # ... Suppression of Terrorist Bombings: another title, not Financing's
    if _acronym_replaced(text, name, chosen, first, last, missing) or _owner_after(text, name, last, missing):
        return None  # the International Department of the CPC Central Committee: not the WPK's
    if missing and _other_modifier(text, name, chosen, missing, first):
        return None  # the Organizational Leadership Department: not the International Department
    if _common_words_only(name) and (inserted or _continues(text, name, last, kept)):
        # common words only (Comprehensive Military Agreement): the phrase, reordered
        # (Treaty on Comprehensive Strategic Partnership) or short of a word within its share
        # (Comprehensive Test Ban Treaty), but no common word inserted nor run on:
        # "comprehensive military cooperation agreement", "an agreement on comprehensive
        # military cooperation" are other documents
        return None
    how = {h: reworded(text.words[h[0]], name) if h[0] == h[1] and not h[3] else "" for h in kept}
    if missing and any(how[h] == "derived" and name.head in h[2] for h in kept):
        return None  # "a ceasefire agreed by Armenia, Azerbaijan": a verb, short of a word, no title
    if _plural_kind(text, name, kept, parties):
        return None  # "Japan's reciprocal access agreements": documents of that kind
    left_out = _parties_left_out(text, name, kept, missing)
    if count < name.required and not left_out:
        return None
    unmatched = inserted + foreign
    held = {name.distinct[q] for q in seen}
    lost = [q for q in missing if name.distinct[q] not in held]  # (a word the title repeats is there once)
    short_name = count < name.share and parties_short_name(text, name, kept, seen, unmatched)
    shortened = short_name or _short_form(text, name, kept, how, lost, held, unmatched)
    if count < name.share and not (left_out or shortened):
        return None
    if reordered and len(name.distinct) <= 3 and _agent_complement(text, name, kept):
        return None
    swapped = sum(1 for h in kept if how[h] == "synonym")
    derived = sum(1 for h in kept if how[h] == "derived")
    score = 100.0 - PENALTY_EDIT / 2 * edits
    if short_name:  # (a form of its own, not the title short of words: two words' worth)
        score -= PENALTY_MISSING_GENERIC * min(2, len(missing))
    else:
        generics = sum(1 for q in lost if left_out or generic(name.distinct[q]))
        score -= PENALTY_MISSING_GENERIC * generics + PENALTY_MISSING * (len(lost) - generics)
    score -= PENALTY_TITLE_ORDER if reordered and not short_name else 0
    score -= PENALTY_SYNONYM * swapped + PENALTY_DERIVED * derived
    if missing or reordered or swapped or derived:
        score -= PENALTY_FOREIGN * foreign + PENALTY_INSERTED_WORD * inserted
    else:
        # a capitalised word inside the title's own words makes another title: Korean
        # People's Revolutionary Army is not the Korean People's Army
        score -= PENALTY_FOREIGN_INSIDE * inside
    same = list(text.words[first : last + 1]) == list(name.words)
    if not same and not missing and not reordered:
        score -= PENALTY_REWORDED
    a, b = text.orig(first, last)
    if edits:
        kind = "typo"
    elif same:
        kind = _kind(text, name, first, last, False, False, False, False)
    elif is_foreign_script(text.original[a:b]):
        kind = "script"  # the title in Russian (Договор о нераспространении ...)
    else:
        kind = "reordered"
    return Found(name, first, last, score, kind)


# Own words (not the parties) an official title needs to name one document without its
# parties: several countries have signed a "Treaty on Comprehensive Strategic Partnership".
_OWN_TITLE_WORDS = 5


def _parties_may_be_left_out(name: NameSpec, count: int) -> bool:
    """_parties_left_out's test on the name alone: count words are all but its countries."""
    if _PARTIES_INTRODUCED.isdisjoint(name.words) or count < _OWN_TITLE_WORDS:
        return False
    return count == sum(w not in COUNTRY_WORDS for w in name.distinct)


_PARTIES_INTRODUCED = frozenset(["between", "among"])  # words that name a title's parties after them


def _parties_left_out(
    text: Text, name: NameSpec, kept: list[tuple[int, int, frozenset[int], int]], missing: list[int]
) -> bool:
    """The official title as written, short of the parties its "between" (or "among") names: the Treaty on
    Friendly Relations and Comprehensive Strategic Partnership (between Russia and Mongolia)."""
    own_words = len(name.distinct) - len(missing)
    if not missing or _PARTIES_INTRODUCED.isdisjoint(name.words) or own_words < _OWN_TITLE_WORDS:
        return False
    if any(name.distinct[q] not in COUNTRY_WORDS for q in missing):
        return False
    own = entry_countries(name.entry.names)
    lo, hi = text.sentence_window(kept[0][0], OFFICIAL_RUN)
    named = {c for c, _, _ in canonical(text.words[lo:hi]) if c in COUNTRY_WORDS}
    if not all(text.capitalized(h[0]) or text.words[h[0]][0].isdigit() for h in kept):
        # in lowercase, an intergovernmental agreement whose sentence names its parties:
        # "Russia and the DPRK have signed an intergovernmental agreement on cooperation in ..."
        if not any(text.words[h[0]] == "intergovernmental" for h in kept):
            return False
        korea = SAME_COUNTRY["korea"]  # (both Koreas as one: Russian-Korean)
        if not {"korea" if c in korea else c for c in own} <= {"korea" if c in korea else c for c in named}:
            return False
    # and no other country in the sentence: "Kazakhstan and China signed a Treaty on ..."
    return not any(c not in own for c in named)


def _short_form(
    text: Text,
    name: NameSpec,
    kept: list[tuple[int, int, frozenset[int], int]],
    how: dict[tuple[int, int, frozenset[int], int], str],
    lost: list[int],
    held: set[str],
    unmatched: int,
) -> bool:
    """A title cut to its distinctive words and head noun ("the Prohibition Treaty").

    Every word left out is common title vocabulary; every distinctive word is there as
    written (no synonym, no derived word) and capitalised; nothing else stands inside. A
    mention naming all of a bilateral title's parties may reword it in lowercase ("the
    Russia-North Korea agreement on preventing dangerous military activities").
    """
    # (``lost``: the title's words not there, a word it repeats there if one of its places is:
    # the Republic of Uzbekistan as a party and as where the plant stands; ``held``: the words
    # there)
    if unmatched or any(not generic(name.distinct[q]) and not _where(name, q) for q in lost):
        return False
    parties = {w for w in name.distinct if w in COUNTRY_WORDS}
    named = len(parties) >= 2 and parties <= held
    # a document of two parties or more: a party and the head noun are not enough, a word of
    # its subject must be there ("a peace treaty with Japan" is no US-Japan Security Treaty;
    # the Singapore Joint Statement's one country is no party)
    if _bilateral(entry_countries(name.entry.names)) and not any(
        q != name.head and name.distinct[q] not in COUNTRY_WORDS for h in kept for q in h[2]
    ):
        return False
    distinctive = 0
    for h in kept:
        words = [q for q in h[2] if not generic(name.distinct[q])]
        if not words:
            continue
        written = text.capitalized(h[0]) or text.words[h[0]].isdigit()  # Resolution 1718
        if not named and (how[h] in ("synonym", "derived") or not written):
            return False
        distinctive += len(words)
    return distinctive > 0


def _where(name: NameSpec, q: int) -> bool:
    """Distinctive word q is the country a body's name ends with, after "in": where it works,
    which a short form leaves out (the Korean Residents Union in Japan)."""
    return name.where and q == len(name.distinct) - 1


def parties_short_name(text: Text, name: NameSpec, kept: _Hits, seen: set[int], unmatched: int) -> bool:
    """The short name the press gives a document of named parties: words of its subject
    before its head noun, every party before them or after the head (the DPRK-Russia
    partnership treaty, the Russia-North Korea healthcare agreement, the mutual assistance
    treaty between China and the DPRK), nothing else, in one phrase. One subject word at least
    is more than filler and shared by few watched documents: the Russia-DPRK cooperation
    agreement could be any of a dozen (names.SHORT_NAME_FILLER, names._short_names)."""
    if unmatched or not name.short_subjects & seen or name.head not in seen:
        return False
    parties = title_parties(name.distinct)
    # (every party by its word: one named twice, as where the document applies, is one party)
    if not {name.distinct[q] for q in parties} <= {name.distinct[q] for q in seen}:
        return False
    head = next(h for h in kept if name.head in h[2])
    named = [h for h in kept if h[2] & parties]
    subject = [h for h in kept if not h[2] & parties and name.head not in h[2]]
    if not subject or max(h[1] for h in subject) >= head[0]:
        return False
    before = max(h[1] for h in named) < min(h[0] for h in subject)
    if not before and min(h[0] for h in named) <= head[1]:
        return False
    first, last = min(h[0] for h in kept), max(h[1] for h in kept)
    return all(text.gap(i) in _PLAIN_GAPS for i in range(first + 1, last + 1))


def _agent_complement(text: Text, name: NameSpec, kept: list[tuple[int, int, frozenset[int], int]]) -> bool:
    """A distinctive word moved after the head noun into a by/between/with complement."""
    head = next((h for h in kept if name.head in h[2]), None)
    if head is None:
        return False
    for h in kept:
        moved = h[0] > head[1] and any(not generic(name.distinct[q]) for q in h[2])
        if moved and any(w in _AGENT for w in text.words[head[1] + 1 : h[0]]):
            return True
    return False


def number_sign(text: Text, i: int) -> bool:
    """Word i says a number follows (Resolution No. 2375, resolution number 2375)."""
    words = text.words
    return words[i] in NUMBER_SIGNS and i + 1 < len(words) and words[i + 1].isdigit() and text.joined(i + 1)


def _other_modifier(text: Text, name: NameSpec, chosen: _Hits, missing: list[int], first: int) -> bool:
    """The mention opens on the head noun, the name's words before it are left out, and
    capitalised words of another name stand there instead: another body (the Organizational
    Leadership Department of the WPK Central Committee is not its International Department)."""
    opening = min(chosen)[2] if chosen else frozenset()  # (the name words the first hit holds)
    if name.head < 0 or name.head not in opening or first == 0 or not text.joined(first):
        return False
    if not any(q < name.head for q in missing):
        return False
    k = first - 1
    word = text.words[k]
    if not text.capitalized(k) or text.cased_word(k).isupper() or word in STOPWORDS:
        return False
    return title_word(word) not in name.distinct and word not in COUNTRY_WORDS


def _acronyms_spelled_out(text: Text, name: NameSpec, lo: int, hi: int) -> _Hits:
    """The title's own acronyms (WPK) spelled out in words lo..hi by capitalised words whose
    initials spell them (the Workers' Party of Korea), each a hit for the acronym's word."""
    own = name.own_acronyms
    if not own:
        return []
    out: _Hits = []
    for q, word in enumerate(name.distinct):
        if word not in own:
            continue
        for i in range(lo, hi + 1):
            if text.words[i][0] == word[0] and text.capitalized(i) and text.words[i] != word:
                out += [(i, e, frozenset([q]), 0) for e in expansion_ends(text, i, word) if e <= hi]
    return out


def _owner_after(text: Text, name: NameSpec, last: int, missing: list[int]) -> bool:
    """The title's own acronym is left out and the mention goes on with "of" and capitalised
    words whose initials spell another: another party's body (the International Department of
    the Central Committee of the Communist Party of China, CPC, is not the WPK's; of the
    Workers' Party of Korea it is)."""
    own = name.own_acronyms
    if not own or not missing:
        return False
    left_out = {name.distinct[q] for q in missing} & own
    words = text.words
    k = last + 1
    if not left_out or k >= len(words) or words[k] != "of" or not text.joined(k):
        return False
    initials = ""
    for i in range(k + 1, min(len(words), k + 8)):
        if not text.joined(i):
            break
        if words[i] in ("of", "the", "and", "s"):
            continue
        if not text.capitalized(i):
            break
        initials += words[i][0]
    return len(initials) >= 2 and initials not in left_out


def _acronym_replaced(
    text: Text, name: NameSpec, chosen: _Hits, first: int, last: int, missing: list[int]
) -> bool:
    """The title's own acronym (a party's, a body's: WPK) is missing and another acronym
    stands inside the mention instead (CPC): another party's body or document."""
    own = name.own_acronyms
    if not own or not missing or not any(name.distinct[q] in own for q in missing):
        return False
    used = {i for a, b, _, _ in chosen for i in range(a, b + 1)}
    spans = (i for i in range(first, last + 1) if i not in used and text.words[i].isalpha())
    return any(text.cased_word(i).isupper() and 1 < len(text.words[i]) <= 5 for i in spans)


def _other_tail(text: Text, name: NameSpec, last: int) -> bool:
    """A reading short of some of the title's words goes on with "of" or "for" and capitalised
    words of none of them, no country: another title's end (the Convention on the Privileges
    and Immunities of the Specialized Agencies, for that of the United Nations)."""
    words = text.words
    k = last + 1
    if _body(name) or k >= len(words) or words[k] not in ("of", "for") or text.gap(k) != " ":
        return False  # (a body goes on with its parent's name: ... of the Ministry of ...)
    k += 1
    if k < len(words) and words[k] == "the":
        k += 1
    if k >= len(words) or not text.capitalized(k) or _headline(text, k) or text.cased_word(k).isupper():
        return False
    word = words[k]
    if word in MONTH_NAMES or word in _MONTHS_SHORT:
        return False  # a date: the Moscow Declaration of October 1943 (verify's date rules read it)
    canon = title_word(word)
    return word not in name.words and canon not in name.distinct and canon not in COUNTRY_WORDS


def _title_runs_on(text: Text, name: NameSpec, last: int) -> bool:
    """A reading short of some of the title's words, its last one misspelt, runs on into a
    capitalised word of none of them, outside a headline: the rest of another title (the
    International Convention for the Suppression of Terrorist Bombings is not that of the
    Financing of Terrorism, Terrorist no misspelt Terrorism)."""
    k = last + 1
    if k >= len(text.words) or not text.joined(k) or not text.capitalized(k) or text.words[k] in STOPWORDS:
        return False
    if title_word(text.words[k]) in name.distinct or text.words[k] in name.words:
        return False
    return not _headline(text, k) and not text.cased_word(k).isupper()


def _plural_kind(
    text: Text, name: NameSpec, kept: list[tuple[int, int, frozenset[int], int]], parties: set[int]
) -> bool:
    """The head noun in the plural, every other word of the reading in lowercase (its
    parties aside): documents or bodies of that kind (Japan has concluded reciprocal access
    agreements; Vietnam's friendship associations), not the one watched. Capitalised, they
    are its name (the Yalta agreements)."""
    head = [h for h in kept if name.head in h[2] and h[0] == h[1]]
    if not head or name.head < 0:
        return False
    word = text.words[head[0][0]]
    plural = len(word) > 3 and word.endswith("s") and title_word(word[:-1]) == title_word(word)
    if text.capitalized(head[0][0]) or not plural:
        return False
    return not any(
        text.capitalized(i) and i not in parties and title_word(text.words[i]) not in COUNTRY_WORDS
        for h in kept
        for i in range(h[0], h[1] + 1)
    )


def _owner_inside(
    text: Text, first: int, last: int, chosen: list[tuple[int, int, frozenset[int], int]], parties: set[int]
) -> bool:
    """Inside a reordered reading, "of" and a capitalised word or acronym of no title word nor
    party: the body's owner, another than the one the reading gathers from further on (the
    General Staff of KPA ... Russian is the Korean People's Army's)."""
    used = {i for a, b, _, _ in chosen for i in range(a, b + 1)}
    return any(
        text.words[k] == "of" and k + 1 not in used and k + 1 not in parties and text.capitalized(k + 1)
        for k in range(first, last)
        if k not in used
    )


# words of the country phrases (republic, united, people...): another party's name, never the
# entry's own word
_PHRASE_WORDS = frozenset(w for phrase in PHRASES for w in phrase)


@lru_cache(maxsize=4096)
def _own_pairs(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of an entry's names (tumen river)."""
    return frozenset(pair for name in names for pair in pairwise(split_words(name)[0]))


def _foreign_words(
    text: Text,
    first: int,
    last: int,
    chosen: list[tuple[int, int, frozenset[int], int]],
    parties: set[int],
    own_pairs: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[int, int, int]:
    """Unmatched words in or just before the span: (capitalised ones, lowercase ones inside,
    capitalised ones inside).

    Capitalised ones suggest another title's words; lowercase ones a description
    ("Open Skies aviation agreement"). Countries and international bodies (the parties) are
    neither, nor is a word the entry's other name holds right after the word before it
    (``own_pairs``: the Tumen River estuary survey agreement, for an alias Tumen estuary survey
    agreement of the Agreement on ... Survey of the Tumen River Estuary).
    """
    used = {i for a, b, _, _ in chosen for i in range(a, b + 1)}
    count = inserted = inside = 0
    for i in range(max(0, first - 1), last + 1):
        if i in used or i in parties or text.words[i] in STOPWORDS:
            continue
        if (text.words[i - 1], text.words[i]) in own_pairs and text.words[i] not in _PHRASE_WORDS:
            continue  # (not a word of a country's name: the Republic of the Philippines)
        if text.words[i] in RUSSIAN_GLUE and _cyrillic(text, i):
            continue  # the title in Russian: о, и, по, между are its of, and, on, between
        if number_sign(text, i):
            continue  # Resolution No. 2375
        if i == first - 1 and not text.joined(first):
            continue
        if text.cased_word(i).isupper() and 1 < len(text.words[i]) <= 5:
            # an acronym names a body or party (UNSC resolution 2397), or spells the title's
            # words out amid them (Intermediate-Range Nuclear Forces (INF) Treaty)
            continue
        if text.capitalized(i):
            count += 1
            # a capitalised word amid the title's own words makes another title, unless it is
            # common title vocabulary (Korean War Armistice Agreement)
            inside += i >= first and not generic(title_word(text.words[i]))
        elif i >= first:
            inserted += 1
    return count, inserted, inside
