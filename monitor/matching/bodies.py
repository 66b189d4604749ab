"""Another body with a longer name: the Ministry of Foreign Trade is not the Foreign Ministry.

A body (ministry, committee, bureau…) is named by its head noun and the words that qualify it.
A mention of the watched body whose qualifiers run on with more title vocabulary names another
body of the same kind: `Ministry of Foreign Trade`, `Foreign Trade Ministry`, `Ministry of
Foreign Economic Relations` for an entry `DPRK Foreign Ministry`. The words that merely round
off a body's name (`Affairs`, `Relations`) add nothing: `Ministry of Foreign Affairs` is the
Foreign Ministry.
"""

from __future__ import annotations

from functools import lru_cache

from monitor.matching.countries import CAPITALS, COUNTRY_WORDS, SAME_COUNTRY, capital_party
from monitor.matching.names import (
    BODY_NOUNS,
    STOPWORDS,
    TITLE_SYNONYMS,
    NameSpec,
    canonical,
    split_words,
    title_word,
)
from monitor.matching.normalize import Text
from monitor.matching.verify import entry_countries

# What a body deals with: the words that tell one ministry or committee from another. (Words of
# rank or reach say nothing of that: the Academy of National Defence Science is the Academy of
# Defence Science, the State Security Ministry the Ministry of State Security.)
SUBJECTS = frozenset(
    title_word(w)
    for w in (
        "foreign trade economic economy defence security interior internal justice finance financial"
        " labour health education culture agriculture agricultural fisheries fishery forestry"
        " industry industrial energy power mining oil coal chemical atomic nuclear space aerospace"
        " science scientific technical technology research development transport railways railway"
        " communications posts construction commerce resources ecology environment land marine"
        " maritime shipping military intelligence police border emergency emergencies sport sports"
        " tourism tourist information press cooperation external logistics political propaganda"
        " organisational organizational personnel cadres reconnaissance operations planning"
        " statistics audit housing water supply supplies medical customs tax taxation"
        " ground air naval navy army"
    ).split()
)
_FILLERS = frozenset(["affair", "affairs", "relation", "relations"])  # Foreign Affairs: Foreign
_OPENERS = frozenset(["of", "for"])  # Ministry of…, Commission for…
_RUN = 4  # qualifier words read on each side of the head noun, at most
_PLAIN_GAPS = frozenset([" ", "-"])


@lru_cache(maxsize=4096)
def _entry_words(names: tuple[str, ...]) -> frozenset[str]:
    """Canonical title words of all of an entry's names (an alias may spell out Affairs)."""
    return frozenset(c for n in names for c, _, _ in canonical(split_words(n)[0]))


def another_body(text: Text, name: NameSpec, first: int, last: int) -> str:
    """The qualifier a body's mention (words first..last) has beyond the entry's names: the
    text naming another body, or "" when it names this one (or the entry is no body)."""
    if name.person or name.head < 0 or name.distinct[name.head] not in BODY_NOUNS:
        return ""
    words = text.words
    head_word = name.distinct[name.head]
    heads = [h for h in range(first, last + 1) if title_word(words[h]) == head_word]
    if not heads:
        return ""
    own = _entry_words(name.entry.names)
    for h in heads:
        extra = _extra_before(text, h, own) if h > 0 else -1
        opens = h + 2 < len(words) and words[h + 1] in _OPENERS and text.gap(h + 1) == " "
        if extra < 0 and opens and text.gap(h + 2) == " ":
            extra = _extra_after(text, h, own)
        if extra >= 0:
            lo, hi = min(h, extra), max(h, extra)
            cap = text.capitalized(h)
            # (the whole name as written: Foreign Trade Ministry)
            while 0 < lo < h and text.gap(lo) in _PLAIN_GAPS and _extra(text, lo - 1, own, cap) is not None:
                lo -= 1
            return text.original[slice(*text.orig(lo, hi))]
    return ""


def missing_subject(text: Text, name: NameSpec, first: int, last: int) -> str:
    """A subject word of the body's name (as matched) that its capitalised mention lacks: the
    mention names another body of the same kind (Kim Il Sung University is no Kim Il Sung
    Military University, the Technology Commission no Commission of Science and Technology).
    The word, or ""."""
    if name.person or name.head < 0 or name.distinct[name.head] not in BODY_NOUNS:
        return ""
    subjects = [w for w in name.distinct if w in SUBJECTS]
    if not subjects:
        return ""
    span = range(first, last + 1)
    if not all(text.capitalized(i) or text.words[i] in STOPWORDS for i in span):
        return ""  # (in lowercase a body is often named loosely: the science commission)
    held = {title_word(text.words[i]) for i in span if text.words[i] not in STOPWORDS}
    if not held - set(name.distinct) <= SUBJECTS:
        return ""  # (a word read by typo, key or synonym: the subject may be among them)
    # (another subject in its place names another branch: the Ground Self-Defense Force)
    missing = next((w for w in subjects if w not in held), "")
    # (as the entry writes it: Science, not its canonical form)
    return next((c for c in name.cased if title_word(c.lower()) == missing), missing) if missing else ""


def _extra(text: Text, i: int, own: frozenset[str], capital: bool) -> bool | None:
    """Word i in a body's qualifier run: True, a subject the entry lacks; False, a word the run
    goes on over; None, the run ends before it."""
    word = text.words[i]
    if word in STOPWORDS or (capital and not text.capitalized(i)):
        return None
    canon = title_word(word)
    if canon in COUNTRY_WORDS or canon in BODY_NOUNS or canon in _FILLERS or word in _FILLERS:
        return None  # a country, a body above this one (the Central Committee's …), Affairs
    if canon in own or _joined_own(text, i, own):
        return False
    if canon in SUBJECTS:
        return True
    return False if capital else None  # (in lowercase, only the entry's words and subjects)


def _joined_own(text: Text, i: int, own: frozenset[str]) -> bool:
    """Word i is half of an entry word written in two (Aero-Space for Aerospace)."""
    words = text.words
    if i > 0 and text.gap(i) in _PLAIN_GAPS and title_word(words[i - 1] + words[i]) in own:
        return True
    nxt = i + 1
    return nxt < len(words) and text.gap(nxt) in _PLAIN_GAPS and title_word(words[i] + words[nxt]) in own


def _extra_before(text: Text, h: int, own: frozenset[str]) -> int:
    """The word before head noun h that qualifies it beyond the entry: Foreign Trade Ministry."""
    run = range(h - 1, max(-1, h - 1 - _RUN), -1)
    return _first_extra(text, run, [i + 1 for i in run], own, text.capitalized(h))


def _extra_after(text: Text, h: int, own: frozenset[str]) -> int:
    """The word of the complement after head noun h (Ministry of …) that qualifies it beyond the
    entry: Ministry of Foreign Trade, Ministry of Foreign Economic Relations."""
    run = range(h + 2, min(len(text.words), h + 2 + _RUN))
    return _first_extra(text, run, [i if i > h + 2 else -1 for i in run], own, text.capitalized(h))


def _first_extra(text: Text, run: range, gaps: list[int], own: frozenset[str], capital: bool) -> int:
    """The first word of ``run`` (read in its order) that is a subject the entry lacks, or -1
    when the run ends first; ``gaps``: per word, the gap that must be plain to go on (-1: none)."""
    for i, gap in zip(run, gaps, strict=True):
        if gap >= 0 and text.gap(gap) not in _PLAIN_GAPS:
            return -1
        extra = _extra(text, i, own, capital)
        if extra is None:
            return -1
        if extra:
            return i
    return -1


ISSUED_ELSEWHERE = "preceded by another body"  # the veto's reason (PACE Resolution 2356)
KIND_OF = "names a kind of document"  # the veto's reason (a joint comprehensive plan of action)
OTHER_COUNTRY = "preceded by another country"  # the veto's reason (the U.S. Pacific Fleet)
OTHER_PARTIES = "followed by other parties"  # the veto's reason (the treaty between Russia and Iran)
PARTY_REPLACED = "another country's, of the same kind: the sentence names"  # (party_replaced)
# unions of countries, which adopt or sponsor documents of many kinds (the UN treaty banning
# nuclear weapons is the TPNW)
_UNIONS = frozenset(["un", "eu", "asean", "nato", "au"])
_DOCUMENT_WORDS = frozenset(
    """resolution resolutions decree decision declaration statement plan programme program deal
    framework roadmap charter protocol memorandum code""".split()
)


def another_issuer(text: Text, name: NameSpec, first: int) -> str:
    """An acronym right before a document's mention that names another body than the entry's:
    that body's document (PACE Resolution 2356 for the Security Council's; an IAEA resolution).
    The acronym, or "". The entry's own initials (UN, UNSC, UNSCR) and countries are no other
    body; nor is any capitalised word in an all-caps line."""
    if name.person or first == 0:
        return ""
    if text.words[first] == "res" and text.gap(first) == "/" and text.words[first - 1] != "s":
        return text.original[slice(*text.orig(first - 1, first))]  # A/RES/…: the General Assembly's
    if text.gap(first) != " ":
        return ""
    if not _names_document(name):
        return ""
    k = first - 1
    cased = text.cased_word(k)
    if not (2 <= len(cased) <= 6 and cased.isalpha() and cased.isupper()) or text.cased_word(first).isupper():
        return ""
    acronym = text.words[k]
    if acronym in _UNIONS or title_word(acronym) in COUNTRY_WORDS:
        return ""
    if acronym in _entry_initials(name.entry.names):
        return ""
    return text.original[slice(*text.orig(k, k))]


@lru_cache(maxsize=4096)
def _entry_initials(names: tuple[str, ...]) -> frozenset[str]:
    """Every acronym an entry's names make: the initials of their words and every run of them
    (unscr, unsc, un, sc of United Nations Security Council Resolution), and their own words."""
    out: set[str] = set()
    for n in names:
        words = split_words(n)[0]
        out.update(words)
        initials = "".join(w[0] for w in words if w not in STOPWORDS and not w.isdigit())
        out.update(initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1))
    return frozenset(out)


_INDEFINITE = frozenset(["a", "an"])
_SENTENCE = 40  # words each way read for the parties


def _one_korea(country: str) -> str:
    return "korea" if country in SAME_COUNTRY["korea"] else country


def generic_instance(text: Text, name: NameSpec, first: int, last: int) -> str:
    """A document's name in lowercase after "a" or "an" is a kind of document, not the one
    watched: Vietnam and Laos adopted "a joint comprehensive plan of action", Vietnam seeks "an
    open skies agreement"; so is a body's opening with its head noun in lowercase ("a
    department of the WPK Central Committee"). Unless the sentence names every party of an entry that has some
    (Russia and North Korea signed a comprehensive strategic partnership treaty). The words
    from the article on, or ""."""
    if name.person or first == 0 or text.words[first - 1] not in _INDEFINITE or text.gap(first) != " ":
        return ""
    head = name.distinct[name.head] if name.head >= 0 else ""
    if head in BODY_NOUNS and title_word(text.words[first]) == head and not text.capitalized(first):
        # a body's head noun in lowercase after "a": one of several (a department of the WPK
        # Central Committee is no United Front Department)
        return text.original[slice(*text.orig(first - 1, last))]
    if not _names_document(name):
        return ""
    if any(text.capitalized(i) for i in range(first, last + 1)) or not any(c.isupper() for c in name.text):
        return ""  # (a title in capitals names the document; a name typed in lowercase says nothing)
    own = own_countries(name)
    if own:
        lo, hi = text.sentence_window(first, _SENTENCE)
        named = {_one_korea(c) for c, _, _ in canonical(text.words[lo : hi + 1]) if c in COUNTRY_WORDS}
        if own <= named:
            return ""
    return text.original[slice(*text.orig(first - 1, last))]


def party_replaced(text: Text, name: NameSpec, first: int, last: int) -> str:
    """A party of the entry's that neither the mention nor its sentence names, in a sentence
    that names another country: the document is that country's, of the same kind ("Vietnam
    ratified a treaty on the transfer of sentenced persons with Russia" is not the DPRK's).
    The other country, or ""."""
    own = own_countries(name)
    if name.person or name.mode != "title" or len(own) < 2 or not _names_document(name):
        return ""  # (a document of two parties or more; a body's country is no party)
    missing = own - {c for c, _ in _countries_written(text, first, last + 1)}
    if not missing:
        return ""
    lo, hi = text.sentence_window(first, _SENTENCE)
    hi = max(hi, min(last + _SENTENCE, text.sentence_window(last, _SENTENCE)[1]))
    around = _countries_written(text, lo, hi + 1)
    if any(c in missing for c, _ in around):
        return ""  # (the sentence names the party: Vietnam and the DPRK signed ...)
    # Russia continues the Soviet Union's treaties: naming it replaces no party of the USSR's
    # (the Japan-Russia agreement on incidents at sea is still Japan's, not the US-USSR one)
    heir = "russia" if "ussr" in missing else ""
    others = (text.cased_word(k) for c, k in around if c not in own and c != heir and text.capitalized(k))
    return next(others, "")


def _countries_written(text: Text, lo: int, hi: int) -> list[tuple[str, int]]:
    """(country, word index) of the countries words lo..hi-1 name (both Koreas as one); "US"
    in capitals is the United States, not the pronoun."""
    words = text.words[lo:hi]
    found = [(_one_korea(c), lo + a) for c, a, _ in canonical(words) if c in COUNTRY_WORDS]
    found += [(_USA, lo + a) for a, w in enumerate(words) if w == "us" and text.cased_word(lo + a) == "US"]
    # (a capital paired with another party: the Moscow-Pyongyang accord)
    capitals = [(w, lo + a) for a, w in enumerate(words) if w in CAPITALS]
    found += [(_one_korea(CAPITALS[w]), k) for w, k in capitals if capital_party(text, k)]
    return found


_USA = "usa"


def countries_around(text: Text, first: int, last: int) -> frozenset[str]:
    """The countries the sentence around words first..last names (both Koreas as one)."""
    lo, hi = text.sentence_window(first, _SENTENCE)
    hi = max(hi, min(last + _SENTENCE, text.sentence_window(last, _SENTENCE)[1]))
    return frozenset(_one_korea(c) for c, _, _ in canonical(text.words[lo : hi + 1]) if c in COUNTRY_WORDS)


def own_countries(name: NameSpec) -> frozenset[str]:
    """The countries an entry's names name (both Koreas as one)."""
    return frozenset(_one_korea(c) for c in entry_countries(name.entry.names))


def countries_in(words: list[str]) -> frozenset[str]:
    """The countries these words name."""
    return frozenset(_one_korea(c) for c, _, _ in canonical(words) if c in COUNTRY_WORDS)


def _names_document(name: NameSpec) -> bool:
    """The name holds a word for a document (a treaty, a resolution, a plan...)."""
    return any(w in _DOCUMENT_WORDS or TITLE_SYNONYMS.get(w) == "treaty" for w in name.words)
