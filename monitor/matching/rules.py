"""Apply rule semantics (any / all / none / near / fields / min_score) to found mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from monitor.matching.bodies import (
    ISSUED_ELSEWHERE,
    KIND_OF,
    OTHER_COUNTRY,
    OTHER_PARTIES,
    PARTY_REPLACED,
    countries_around,
    countries_in,
    own_countries,
)
from monitor.matching.countries import COUNTRY_WORDS
from monitor.matching.english import wordlike
from monitor.matching.given_names import russian_given_name
from monitor.matching.names import (
    DEMONYMS,
    ENGLISH_WORDS,
    STOPWORDS,
    TITLE_SYNONYMS,
    NameSpec,
    canonical,
    generic,
    split_words,
    title_word,
)
from monitor.matching.normalize import Text, is_foreign_script, is_hangul
from monitor.matching.ruleset import Rule
from monitor.matching.translit import ADMIN_TERMS, KOREAN_SUBUNITS, korean_key, korean_syllables
from monitor.matching.verify import (
    ANY_PLACE_UNIT,
    OFFICES,
    PATRONYMIC_ENDINGS,
    PLACE_UNITS,
    SHIP_RANKS,
    VESSELS,
    Found,
    cased_line,
    defined_otherwise,
    line_of,
    lowercase_line,
    opens_sentence,
    own_word,
)
from monitor.model import Match

_T = TypeVar("_T")


@dataclass(frozen=True)
class NearMiss:
    """A candidate the engine considered and rejected, with why."""

    rule: str | None
    watchlist: str
    entry: str
    entry_name: str
    field: str
    start: int
    end: int
    text: str
    score: float
    reason: str


@dataclass(frozen=True)
class Verdict:
    matches: list[Match]
    rejected: list[NearMiss]


@dataclass(frozen=True)
class _Mention:
    field: str
    text: Text
    found: Found


def evaluate(
    rules: Sequence[Rule],
    field_order: Sequence[str],
    found: dict[str, tuple[Text, list[Found]]],
    default_min: float,
    explain: bool,
) -> Verdict:
    found = _item_vetoes(found)
    matches: list[Match] = []
    rejected: list[NearMiss] = []
    if explain:
        for fname, (text, items) in found.items():
            for f in items:
                if f.reason is not None:
                    rejected.append(_near(None, _Mention(fname, text, f), f.reason))
    for rule in rules:
        floor = rule.min_score if rule.min_score is not None else default_min
        by_list: dict[str, list[_Mention]] = {}
        for fname in rule.fields:
            if fname not in found:
                continue
            text, items = found[fname]
            for f in items:
                if f.reason is not None:
                    continue
                m = _Mention(fname, text, f)
                if f.score < floor:
                    if explain and (f.name.watchlist in rule.positive_lists or f.name.watchlist in rule.none):
                        reason = f"score {f.score:g} below min_score {floor:g}"
                        rejected.append(_near(rule.name, m, reason))
                    continue
                by_list.setdefault(f.name.watchlist, []).append(m)
        why = _why_not(rule, by_list)
        positives = [m for wl in rule.positive_lists for m in by_list.get(wl, [])]
        if why is None:
            matches.extend(_to_match(rule.name, m) for m in positives)
        elif explain:
            rejected.extend(_near(rule.name, m, why) for m in positives)
            for wl in rule.none:
                rejected.extend(
                    _near(rule.name, m, f"this mention vetoes the rule (list '{wl}' is in none)")
                    for m in by_list.get(wl, [])
                )
    order = {name: i for i, name in enumerate(field_order)}
    matches.sort(key=lambda m: (order.get(m.field, len(order)), m.start, m.end, m.rule, m.watchlist, m.entry))
    rejected.sort(
        key=lambda r: (
            order.get(r.field, len(order)),
            r.start,
            r.end,
            r.rule or "",
            r.watchlist,
            r.entry,
            r.reason,
        )
    )
    return Verdict(_unique(matches), _unique(rejected))


# scan's reason for a surname right after another first name (Daniil Medvedev)
_NAMESAKE = "preceded by another first name"
# English words that may be hyphenated to a Korean name without continuing it (Kim Jong Un-led)
_REDEFINED = "the acronym stands for"
_HYPHEN_SUFFIXES = frozenset(["led", "run", "era", "like", "style", "type", "made", "born", "linked"])

# A one-word place right before a word for a weapon or a warship names the weapon or the ship
# (the Musudan intermediate-range missile, the Kursk submarine), with at most a few of the
# modifiers such names take in between; unless a noun for a place follows it (the Sohae
# rocket launch site, the Musudan-ri missile base).
_WEAPONS = frozenset(
    """missile missiles rocket rockets launcher launchers icbm irbm slbm mrbm warhead warheads
    submarine cruiser frigate corvette destroyer icebreaker tanker warship""".split()
)
_WEAPON_MODIFIERS = frozenset(
    """ballistic cruise hypersonic guided tactical intermediate medium long short range anti ship
    air surface solid liquid fuel fuelled fueled class type mobile road launched nuclear
    powered""".split()
)
_PLACE_NOUNS = frozenset(
    """base bases site sites launch launches launching test tests testing facility facilities
    range ground grounds complex center centre station area areas pad pads terminal port yard
    shipyard dock docks region zone district county""".split()
)
_MAX_MODIFIERS = 4
_NAMES_ANOTHER = (
    "names a ship",
    "names a weapon",
    "names a person",
    "names a place in South Korea",
    "uses it as a Korean verb",
    "names what is named after the place",
    "names a place of business named after the place",
)
# the senses an item keeps all through (rules._other_sense); a place of business stands in
# the place it is named after, so the item's other mentions may still be the place
_SPREADING = _NAMES_ANOTHER[:6]
# "Cheongju International Airport in central South Korea"
_COMPASS = frozenset(
    """central northern southern eastern western northeastern northwestern southeastern
    southwestern""".split()
)
_LOCATED_REACH = 5  # words after a place within which "in South Korea" places it
# South Korea's provinces and metropolitan cities, as its own romanisation spells them (the
# North's Kangwon is spelt so; Gangwon is the South's)
_SOUTH_KOREAN_DIVISIONS = frozenset(
    """seoul busan daegu incheon gwangju daejeon ulsan sejong gyeonggi gangwon chungcheong jeolla
    gyeongsang jeju chungbuk chungnam jeonbuk jeonnam gyeongbuk gyeongnam""".split()
)
# Endings of Russian and Ukrainian surnames (Sokolov, Petrova, Zelensky, Shevchenko): a place
# word right before one is a first name (Artyom Sokolov, Nadezhda Petrova)
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "sky", "skiy", "skii", "skaya", "enko", "vich", "chuk")
_NAMING = frozenset(["named", "called", "christened", "renamed"])  # a vessel named ...
# words before a place that make it the place again in an item that named a ship after it
_LOCATIVES = frozenset("in at near from to into off outside inside around via port city".split())


# Common nouns a surname modifies when something is named after a person or a family: the
# Naryshkin Baroque, the Naryshkin family, Lavrov Street (while "the Medvedev government" is
# the man's government).
_EPONYM_NOUNS = frozenset(
    """family families dynasty clan baroque style street avenue prospekt lane square bridge prize
    award medal museum estate estates palace library theatre theater gallery memorial monument
    bastion fortress tower gate gates cathedral church chapel mansion manor garden gardens shrine
    temple""".split()
)


# Units of places a bare surname may also name (Kamikawa town, the Kamikawa Subprefecture)
_PLACE_UNIT_NOUNS = frozenset(
    """town city village county district prefecture subprefecture province region oblast river
    island islands peninsula valley station airport""".split()
)
_NAMES_A_PLACE = "names a place"


def _eponym_veto(text: Text, f: Found) -> Found:
    """A bare surname naming a style, family, street or prize after someone (Naryshkin Baroque,
    the Bulgakov House museum), or a place of the same name before its unit (Kamikawa town)."""
    after = f.last + 1
    if f.reason is not None or not f.name.person or f.first != f.last or after >= len(text.words):
        return f
    if not text.joined(after) or "." in text.gap(after):
        return f
    a, b = text.orig(f.first, after)
    if text.words[after] in _EPONYM_NOUNS or (text.words[after] == "house" and text.capitalized(after)):
        return _reject(f, f"'{text.original[a:b]}' is named after the family or person")
    if text.words[after] in _PLACE_UNIT_NOUNS and not text.cased_word(f.first).isupper():
        return _reject(f, f"{_NAMES_A_PLACE} ('{text.original[a:b]}')")
    return f


def _shouted(found: dict[str, tuple[Text, list[Found]]]) -> None:
    """An acronym that the item also writes in lowercase is that word in capitals (SPA building,
    the spa): an acronym is not written as an ordinary word in the same item. One English
    could not spell as a word is none (the fsb report: the FSB)."""
    for _text, items in found.values():
        for n, f in enumerate(items):
            if f.reason is None and f.name.case_sensitive and f.name.alone and f.first == f.last:
                word = f.name.words[0]
                if not wordlike(word):
                    continue  # no ordinary word: "fsb" is the acronym typed in lowercase
                if any(_lowercase_word(t, word) for t, _ in found.values()):
                    items[n] = _reject(f, f"the item also writes '{word}' as an ordinary word")


def _lowercase_word(text: Text, word: str) -> bool:
    return word in text.words and any(
        w == word and text.cased_word(i).islower() for i, w in enumerate(text.words)
    )


# Bodies that news style (AP, Yonhap) writes in lowercase by their subject: "South Korea's
# unification ministry", "the foreign ministry".
_LOWERCASE_BODIES = frozenset(["ministry", "ministries"])


def _lowercase_names(found: dict[str, tuple[Text, list[Found]]]) -> None:
    """A name of several common words written all in lowercase ("the agreed framework would be
    reviewed"), a demonym aside ("the Georgian dream"), counts only if the item also writes it
    capitalised (then it is the same name again: KCNA's "the agreed framework" after "the
    DPRK-U.S. Agreed Framework")."""
    capitalised: set[tuple[str, str]] = set()
    lowercase: list[tuple[list[Found], int]] = []
    lower_words: set[tuple[str, str]] = set()  # one-word names the item writes in lowercase
    one_word: list[tuple[list[Found], int]] = []  # their mentions in lowercase or opening a sentence
    for text, items in found.values():
        mixed = text.cased != text.lower  # an all-lowercase text says nothing by its case
        for n, f in enumerate(items):
            if f.reason is None and f.name.person and f.name.alone and not f.name.korean:
                # a surname alias in lowercase on a line written with capitals: the common
                # word (the trade saldo, not Vladimir Saldo); a post in lowercase says nothing
                if mixed and not text.capitalized(f.first) and _names_capitalised(text, f.first):
                    items[n] = _reject(f, "a common word here: in lowercase on a line with capitals")
                continue
            if f.reason is not None or f.name.person:
                continue
            key = (f.name.watchlist, f.name.entry.id)
            # (a name the analyst typed in lowercase, "football", is meant as the common word)
            one = len(f.name.words) == 1 and f.first == f.last and not f.name.case_sensitive
            if one and f.name.cased[0][:1].isupper():
                # one word the item writes in lowercase: a common noun, also where capitalised
                # only to open a sentence ("a plate of anju ... Anju, which can be anything":
                # not the city of Anju)
                if not text.capitalized(f.first):
                    if mixed and cased_line(text, f.first):
                        lower_words.add(key)
                    one_word.append((items, n))
                elif opens_sentence(text, f.first):
                    one_word.append((items, n))
                else:
                    capitalised.add(key)
                continue
            span = range(f.first, f.last + 1)
            # (a demonym or a country is capitalised whatever follows: the Georgian dream,
            # Russian railways, a united Russia)
            low = all(not text.capitalized(i) or _nation_word(text.words[i]) for i in span)
            low = low and not all(_nation_word(text.words[i]) for i in span)
            # (written in the analyst's own case it is the name: Sino-ri, sino a demonym there)
            low = low and [text.cased_word(i) for i in span] != list(f.name.cased)
            if not low:
                capitalised.add(key)
            elif any(text.words[i].isdigit() for i in span):
                continue  # a number is no common word: resolution 2397
            elif f.name.words[-1] in _LOWERCASE_BODIES:
                continue  # news style writes a ministry in lowercase: the unification ministry
            elif mixed and f.name.mode == "seq" and len(f.name.words) >= 2 and not f.name.case_sensitive:
                # (a line all in lowercase, as raw captions write it, says nothing by its case)
                lowercase += [] if lowercase_line(text, f.first) else [(items, n)]
    for items, n in lowercase:
        f = items[n]
        if (f.name.watchlist, f.name.entry.id) not in capitalised:
            items[n] = _reject(f, "common words in lowercase, never capitalised in this item")
    for items, n in one_word:
        key = (items[n].name.watchlist, items[n].name.entry.id)
        if key in lower_words and key not in capitalised:
            reason = "a common word in this item: in lowercase, capitalised only to open a sentence"
            items[n] = _reject(items[n], reason)


def _names_capitalised(text: Text, k: int) -> bool:
    """Word k, in lowercase, stands on a line that capitalises names (a word in capitals and
    lowercase that opens no sentence; an acronym says nothing: "umurzakov hosted, minerals
    MOU"), and is no handle (@kharlamov_amur)."""
    if "@" in text.gap(k) or "#" in text.gap(k) or text.gap(k + 1 if k + 1 < len(text.words) else k) == "_":
        return False
    for i in line_of(text, k):
        word = text.cased_word(i)
        capitalised = len(word) > 1 and word[0].isupper() and not word.isupper()
        if i != k and capitalised and not opens_sentence(text, i):
            return True
    return False


def _nation_word(word: str) -> bool:
    """A demonym or a country's name (Georgian, Russia)."""
    return word in DEMONYMS or word in COUNTRY_WORDS


def _item_vetoes(found: dict[str, tuple[Text, list[Found]]]) -> dict[str, tuple[Text, list[Found]]]:
    """Vetoes that need the words around a mention or the whole item."""
    bare: dict[tuple[str, str], list[tuple[str, int]]] = {}
    own: set[tuple[str, str]] = set()
    namesakes: dict[tuple[str, str], str] = {}
    out: dict[str, tuple[Text, list[Found]]] = {}
    redefined: dict[tuple[str, str], str] = {}  # acronym alias -> the reason it is vetoed here
    for fname, (text, items) in found.items():
        items = [_veto(text, f) for f in items]
        for f in items:
            if f.reason is not None and f.reason.startswith(_REDEFINED):
                redefined.setdefault((f.name.watchlist, f.name.entry.id), f.reason)
            elif f.reason is None and f.name.expansion and f.first == f.last:
                # spelled out otherwise in any field: "BWC program" in a headline, "the
                # body-worn cameras" in the body
                key = (f.name.watchlist, f.name.entry.id)
                for other_text, _ in found.values():
                    other = defined_otherwise(other_text, f.name)
                    if other and key not in redefined:
                        redefined[key] = f"{_REDEFINED} '{other}' in this item"
        out[fname] = (text, items)
        for n, f in enumerate(items):
            key = (f.name.watchlist, f.name.entry.id)
            if not f.name.person or f.name.korean:
                continue
            if f.reason is not None:
                if f.reason.startswith(_NAMESAKE):
                    a, b = text.orig(max(0, f.first - 1), f.last)
                    namesakes.setdefault(key, text.original[a:b])
                elif f.reason.startswith(_NAMES_A_PLACE):  # (Kamikawa town ... Kamikawa)
                    a, b = text.orig(f.first, f.last + 1)
                    namesakes.setdefault(key, text.original[a:b])
            elif f.first == f.last and not _after_office(text, f.first):
                bare.setdefault(key, []).append((fname, n))
            else:
                own.add(key)  # (named in full, or by office: Governor Travnikov)
    _shouted(out)
    _lowercase_names(out)
    _other_sense(out)
    _occupied_elsewhere(out)
    _other_unit(out)
    _issued_elsewhere(out)
    _acronym_of_another(out)
    _parties_elsewhere(out)
    _parties_unnamed(out)
    _named_exactly(out)
    _other_features(out)
    # An acronym the item defines as something else stands for that everywhere in the item.
    for _text, items in out.values():
        for n, f in enumerate(items):
            key = (f.name.watchlist, f.name.entry.id)
            if key in redefined and f.reason is None and f.name.case_sensitive and f.name.alone:
                items[n] = _reject(f, redefined[key])
    # A bare surname refers to the namesake the item has named in full, unless the item
    # also names the watched person: "Daniil Medvedev ... Medvedev" is the tennis player.
    for key, spots in bare.items():
        if key in namesakes and key not in own:
            for fname, n in spots:
                f = out[fname][1][n]
                reason = f"the surname refers to '{namesakes[key]}' in this item"
                out[fname][1][n] = Found(f.name, f.first, f.last, f.score, f.kind, reason)
    return out


def _after_office(text: Text, k: int) -> bool:
    """Word k, a bare surname, comes right after a capitalised civil office (Governor Travnikov;
    not a rank, which names ships and streets too: the frigate Admiral Ushakov)."""
    before = text.words[k - 1] if k > 0 else ""
    return before in OFFICES and before not in _RANKS and text.capitalized(k - 1) and text.gap(k) == " "


_RANKS = frozenset("general marshal admiral colonel commander gen adm col".split())


def _unit_veto(text: Text, f: Found) -> Found:
    after = f.last + 1
    if (
        f.reason is None
        and not f.name.person
        and after < len(text.words)
        and text.gap(after) == "-"
        and text.words[after] in KOREAN_SUBUNITS  # (Nampo-dong: -si, -gun, -do are the place)
    ):
        word = text.cased_word(after)
        return Found(f.name, f.first, f.last, f.score, f.kind, f"'-{word}' names another, smaller place")
    return f


def _veto(text: Text, f: Found) -> Found:
    for check in (
        _unit_veto,
        _continued_veto,
        _ship_veto,
        _first_name_veto,
        _given_name_veto,
        _double_surname_veto,
        _south_korea_veto,
        _longer_hangul_veto,
        _weapon_veto,
        _named_after_veto,
        _venue_veto,
        _acronym_veto,
        _eponym_veto,
        _occupation_veto,
        _lowercase_deal_veto,
        _one_character_veto,
        _two_names_veto,
    ):
        f = check(text, f)
    return f


def _two_names_veto(text: Text, f: Found) -> Found:
    """A title read across "and" right after its head noun, which the entry's name does not
    hold there: two names listed ("the Rebuilding Korea Party and the Social Democratic Party"
    is no Korean Social Democratic Party)."""
    name = f.name
    if f.reason is not None or name.mode != "title" or name.head < 0 or "and" in name.words:
        return f
    head = name.distinct[name.head]
    words = text.words
    for k in range(f.first + 1, f.last):
        if words[k] == "and" and title_word(words[k - 1]) == head and text.capitalized(k - 1):
            a, b = text.orig(f.first, f.last)
            return _reject(f, f"'{text.original[a:b]}' lists two names")
    return f


def _one_character_veto(text: Text, f: Found) -> Found:
    """One Chinese character read as a place's or a body's name: Chinese names a place in two
    characters or more (集安 Ji'an), and one character is a syllable of some other word (会见,
    to meet, holds 见 jian)."""
    if f.reason is not None or f.name.person or f.first != f.last:
        return f
    a, b = text.orig(f.first, f.last)
    if b - a == 1 and "\u4e00" <= text.original[a] <= "\u9fff":
        return _reject(f, f"one Chinese character ('{text.original[a]}') names no place")
    return f


def _lowercase_deal_veto(text: Text, f: Found) -> Found:
    """A document read as a "deal" (a synonym of agreement) in lowercase words alone, naming no
    country: any deal so described (the EU-US aviation "open skies deal" is no Treaty on Open
    Skies), while "the Iran nuclear deal", "the Black Sea grain deal" name one."""
    if f.reason is not None or f.name.mode != "title" or "deal" in f.name.words:
        return f
    span = range(f.first, f.last + 1)
    if "deal" not in text.words[f.first : f.last + 1] or any(text.capitalized(i) for i in span):
        return f
    if countries_in(list(text.words[f.first : f.last + 1])):
        return f
    a, b = text.orig(f.first, f.last)
    return _reject(f, f"'{text.original[a:b]}' in lowercase names any deal so described")


# What sport, stage and page call their people, and no office does: the actor Kim Young-ho
# is a namesake of the watched official Kim Yung-ho (an appositive or a word before the name)
_OCCUPATIONS = frozenset(
    """actor actress actors singer singers pianist violinist cellist composer novelist poet
    playwright painter sculptor dancer ballerina rapper comedian filmmaker striker strikers
    midfielder goalkeeper footballer pitcher slugger hitter batter hander outfielder infielder
    shortstop wrestler boxer judoka weightlifter gymnast skater swimmer sprinter marathoner
    golfer cyclist fencer grandmaster champion medallist medalist olympian legend""".split()
)
# "player" is an occupation after a sport (a chess player, a national-team player), not in
# "a key player in the talks"
_SPORTS = frozenset(
    """chess go tennis football soccer hockey basketball volleyball baseball badminton golf
    team squad pingpong table""".split()
)
_OCCUPATION = "names a namesake by an occupation no office has"
_APPOSITIVE_WORDS = 6  # words of "…, the former world Go champion" read for an occupation
_ARTICLES = frozenset(["a", "an", "the"])
# (the patron of the pianist, the pianist's friend: the occupation is another's)
_APPOSITIVE_ENDS = frozenset("of for to with at in from by on who whose which that s".split())
_FORMER = frozenset(["former", "ex", "retired", "onetime", "one-time"])


def _former(text: Text, k: int) -> bool:
    """The occupation before word k is a former one: "former singer Hyon Song Wol"."""
    return any(text.words[j] in _FORMER for j in range(max(0, k - 3), k))


_NORTH_REACH = 8  # words around a mention read for "North Korean" or "DPRK"


def _northern(text: Text, first: int, last: int) -> bool:
    """The mention's sentence calls someone North Korean near it (North Korean, North Korea's,
    the DPRK)."""
    lo, _ = text.sentence_window(first, _NORTH_REACH)
    _, hi = text.sentence_window(last, _NORTH_REACH)
    words = text.words
    for k in range(lo, hi + 1):
        if words[k] == "dprk" or (words[k] == "north" and k < hi and words[k + 1] in ("korean", "korea")):
            return True
    return False


def _occupation_at(text: Text, k: int) -> bool:
    word = text.words[k]
    if word == "player":
        return k > 0 and text.words[k - 1] in _SPORTS
    return word in _OCCUPATIONS


def _occupation_veto(text: Text, f: Found) -> Found:
    """A watched person's name in another romanisation right after an occupation of sport or
    the arts (the Go player Lee Chang-ho for the official Ri Chang Ho, the actor Kim Young-ho
    for Kim Yung-ho), or followed by an appositive naming one (Lee Jae-il, a pitcher), names a
    namesake: the spelling of the other Korea, and a trade no office has. A name spelt as the
    analyst typed it is left alone: a watched weightlifter is called one."""
    if f.reason is not None or not f.name.person or f.kind != "translit":
        return f
    if _northern(text, f.first, f.last):
        return f  # "North Korean weightlifter Eom Yun-cheol": the North's athlete, spelt the South's way
    words = text.words
    before = f.first - 1
    occupied = before >= 0 and text.gap(f.first) == " " and _occupation_at(text, before)
    if occupied and not _former(text, before):
        a, b = text.orig(before, f.last)
        return _reject(f, f"{_OCCUPATION} ('{text.original[a:b]}')")
    k = f.last + 1
    if k < len(words) and text.gap(k).strip() == "(" and words[k].isdigit():
        while k < len(words) and words[k].isdigit():  # a lifespan: (1853-1900), the poet
            k += 1
    if k >= len(words) or "," not in text.gap(k) or words[k] not in _ARTICLES:
        return f
    for n in range(k + 1, min(k + 1 + _APPOSITIVE_WORDS, len(words))):
        if text.gap(n) not in (" ", "-") or words[n] in _APPOSITIVE_ENDS:
            break  # the appositive's head ends at its punctuation or its complement
        if words[n] in _FORMER:
            return f  # a former singer may hold an office now (Hyon Song Wol)
        if _occupation_at(text, n):
            a, b = text.orig(f.first, n)
            return _reject(f, f"{_OCCUPATION} ('{text.original[a:b]}')")
    return f


def _continued_veto(text: Text, f: Found) -> Found:
    """A Korean name whose given name goes on after a hyphen is another person (Cho Hyun-dong)."""
    after = f.last + 1
    if f.reason is not None or not f.name.korean or after >= len(text.words) or text.gap(after) != "-":
        return f
    word = text.words[after]
    if word in _HYPHEN_SUFFIXES or word in STOPWORDS:
        return f  # (Kim Un Guk—the coach: a dash before the next word)
    syllables = korean_syllables(word)
    # a Korean syllable, or (a Chinese given name: Wang Yi-fan) a short lowercase syllable
    # that is no English word
    other = syllables is None and len(word) <= 5 and word.isalpha() and not text.capitalized(after)
    if not (other and word not in ENGLISH_WORDS) and (syllables is None or len(syllables) != 1):
        return f
    a, b = text.orig(f.first, after)
    return _reject(f, f"'{text.original[a:b]}' is a longer name")


def _ship_veto(text: Text, f: Found) -> Found:
    """A one-word place or a person's name right after a word for a vessel names the ship
    (submarine Khabarovsk, the destroyer, the Kang Kon), and before "-class" a class of ships."""
    place = f.name.alone or f.name.entry.kind == "place"  # (Petropavlovsk-Kamchatsky: two words)
    if f.reason is not None or not (place or f.name.person) or f.name.case_sensitive:
        return f
    after = f.last + 1
    if after < len(text.words) and text.gap(after) == "-" and text.words[after] == "class":
        a, b = text.orig(f.first, after)
        return _reject(f, f"{_NAMES_ANOTHER[0]} ('{text.original[a:b]}')")
    gap = text.gap(f.first)
    if not f.first or not all(c in " '\"\u201c\u201d\u2018\u2019" for c in gap):
        return f
    vessel = f.first - 1
    if text.words[vessel] == "the" and vessel and text.gap(vessel) == ", ":
        vessel -= 1  # the destroyer, the Kang Kon
    if text.words[vessel] in _NAMING and vessel and text.gap(vessel) in (" ", ", "):
        vessel -= 1  # the tanker, named Posyet; a freighter called Nakhodka
    if text.words[vessel] in VESSELS:
        a, b = text.orig(vessel, f.first)
        return _reject(f, f"{_NAMES_ANOTHER[0]} ('{text.original[a:b]}')")
    # a surname after "the" and a naval rank: the ship named after the officer (Russia's only
    # aircraft carrier, the Admiral Kuznetsov)
    ranked = f.name.person and f.first == f.last and vessel > 0 and text.words[vessel] in SHIP_RANKS
    if ranked and text.words[vessel - 1] == "the" and text.capitalized(vessel):
        a, b = text.orig(vessel - 1, f.first)
        return _reject(f, f"{_NAMES_ANOTHER[0]} ('{text.original[a:b]}')")
    return f


def _surname_like(word: str) -> bool:
    """A word with a Russian or Ukrainian surname's ending, no title vocabulary (Sokolov)."""
    return len(word) >= 5 and word.endswith(_SURNAME_ENDINGS) and not generic(title_word(word))


def _given_name_veto(text: Text, f: Found) -> Found:
    """A one-word place right after a capitalised Russian given name, or a patronymic, is a
    person's surname: Sergei Korolev the designer is not the city of Korolyov, nor Konstantin
    Eduardovich Tsiolkovsky the town. So is one before "himself" or "herself"."""
    first = f.first
    if f.reason is not None or f.name.person or f.first != f.last or f.name.case_sensitive:
        return f
    after = first + 1
    if after < len(text.words) and text.words[after] in _REFLEXIVES and text.gap(after) == " ":
        a, b = text.orig(first, after)  # Korolev himself had been released
        return _reject(f, f"{_NAMES_ANOTHER[2]} ('{text.original[a:b]}')")
    before = first - 1
    if first == 0 or text.gap(first) not in (" ", ". ") or not text.capitalized(before):
        return f
    if text.cased_word(before).isupper():
        return f  # (not in an all-caps line)
    word = text.words[before]
    rank = word in _RANKS  # General Gowon, Adm. Makarov: a person
    if text.gap(first) != " " and not rank:
        return f
    if not (rank or russian_given_name(word) or word.endswith(PATRONYMIC_ENDINGS)):
        return f
    a, b = text.orig(before, first)
    return _reject(f, f"{_NAMES_ANOTHER[2]} ('{text.original[a:b]}')")


_REFLEXIVES = frozenset(["himself", "herself"])


def _double_surname_veto(text: Text, f: Found) -> Found:
    """A one-word place after a hyphen and a capitalised word with a surname's ending is half
    of a double surname: Rimsky-Korsakov is the composer, not the port of Korsakov."""
    first = f.first
    if f.reason is not None or f.name.person or f.first != f.last or f.name.case_sensitive or first == 0:
        return f
    word = text.words[first - 1]
    if text.gap(first) != "-" or not text.capitalized(first - 1) or text.cased_word(first - 1).isupper():
        return f
    if not _surname_like(word):
        return f
    a, b = text.orig(first - 1, first)
    return _reject(f, f"{_NAMES_ANOTHER[2]} ('{text.original[a:b]}')")


def _first_name_veto(text: Text, f: Found) -> Found:
    """A one-word place right before a capitalised surname is a person's first name (the town
    Artyom; the chess player Artyom Sokolov)."""
    after = f.last + 1
    one_word = f.first == f.last and not f.name.case_sensitive
    if f.reason is not None or f.name.person or not one_word or after >= len(text.words):
        return f
    word = text.words[after]
    if text.gap(after) != " " or not text.capitalized(after) or text.cased_word(after).isupper():
        return f  # (not in an all-caps line)
    if not _surname_like(word):
        return f
    a, b = text.orig(f.first, after)
    return _reject(f, f"{_NAMES_ANOTHER[2]} ('{text.original[a:b]}')")


# Syllables that may follow a Korean place written in Hangul within its word: administrative
# suffixes (신의주시, 봉화군) and those of case particles (평양에서, 평양의, 라선까지)
_HANGUL_SUFFIXES = frozenset("시군도구리동읍면항역")
_HANGUL_PARTICLES = frozenset("에서의은는이가을를로으와과도까지부터께만게")
# A noun made a verb by 하다 or 되다 (무산되다, to fall through): their stems, with the endings
# that follow them; the contracted forms alone are verbs (됐, 했)
_HANGUL_VERBS = frozenset("하되")
_HANGUL_VERB_FORMS = frozenset("됐했됩돼된될한할해")
_HANGUL_ENDINGS = frozenset("다고어었였여서며면지는기게")


def _longer_hangul_veto(text: Text, f: Found) -> Found:
    """A Korean place written in Hangul, then one more syllable of the same word that is no
    suffix, before nothing or a particle: a longer name (봉화주에서 is Ponghwaju, not Ponghwa).
    Two syllables or more make a compound noun, which names the place (개성공단)."""
    if f.reason is not None or f.name.person or not f.name.korean_place(f.name.words[0]):
        return f
    a, end = text.orig(f.first, f.last)
    if not is_hangul(text.original[a]):
        return f
    glued: list[str] = []
    name_end = end
    for k in range(f.last + 1, min(len(text.words), f.last + 6)):
        start, stop = text.orig(k, k)
        if start != end or not is_hangul(text.original[start]):
            break
        glued.append(text.original[start])
        name_end = stop if len(glued) == 1 else name_end
        end = stop
    if not glued or glued[0] in _HANGUL_SUFFIXES or glued[0] in _HANGUL_PARTICLES:
        return f
    verb = glued[0] in _HANGUL_VERBS and len(glued) > 1 and glued[1] in _HANGUL_ENDINGS
    if verb or glued[0] in _HANGUL_VERB_FORMS:
        # 무산됐다, 무산되었다: the word is a verb (fell through), not the place (Musan)
        return _reject(f, f"{_NAMES_ANOTHER[4]} ('{text.original[a:end]}')")
    if all(c in _HANGUL_PARTICLES for c in glued[1:]):
        return _reject(f, f"'{text.original[a:name_end]}' is a longer name")
    return f


def _south_korea_veto(text: Text, f: Found) -> Found:
    """A Korean place placed in South Korea is the southern namesake: both Koreas have a
    Goseong and an Ongjin, and Suncheon, Cheongju, Deokcheon read as Sunchon, Chongju, Tokchon
    ("SUNCHEON, South Korea", "Ongjin County, Incheon", "South Korea's Goseong", "Busan's
    Deokcheon"). Spelt otherwise than typed, a location later in the clause also places it
    ("the Suncheon Bay National Garden in South Jeolla Province")."""
    name = f.name
    if f.reason is not None or name.person or not name.korean_place(name.words[0]):
        return f
    if _southern_spelling(name):
        return f  # the entry is the southern place itself (Cheorwon, Yeonpyeong Island)
    words = text.words
    first, after = f.first, f.last + 1
    located = (-1, -1)
    if first and text.gap(first) == " " and words[first - 1] == "korean":
        located = (first - 2, _south_korean_at(text, first - 2))  # South Korean Goseong
    elif first >= 2 and words[first - 1] == "s" and text.gap(first - 1) == "'":
        # South Korea's Goseong, Busan's Deokcheon
        spots = [(k, _south_korean_at(text, k)) for k in range(max(0, first - 4), first - 1)]
        located = next((spot for spot in spots if spot[1] == first - 2), located)
    elif after < len(words) and text.gap(after).strip() == ",":
        located = (after, _south_korean_at(text, after))  # GOSEONG, South Korea; Ongjin, Incheon
        end = located[1] + 1
        if located[1] >= 0 and end < len(words) and words[end] == "s" and text.gap(end) in ("'", "’"):
            located = (-1, -1)  # (near Wonsan, South Korea's Joint Chiefs say: another clause)
        elif located[1] >= 0 and end < len(words) and words[end] in _SAYS and text.joined(end):
            located = (-1, -1)  # (from Kujang County, Seoul says: the source, not the place)
    elif f.kind in _AS_TYPED:
        return f  # (spelt as typed, only a possessive, a demonym or a locator makes it southern)
    else:
        for k in range(after, min(len(words) - 1, after + _LOCATED_REACH)):
            if text.sentence_break(k):
                break
            if words[k] == "in":  # in central South Korea, in South Jeolla Province
                located = (k + 1, _south_korean_at(text, k + 1))
                break
    if located[1] < 0:
        return f
    a, b = text.orig(min(first, located[0]), max(f.last, located[1]))
    return _reject(f, f"{_NAMES_ANOTHER[3]} ('{text.original[a:b]}')")


def _southern_spelling(name: NameSpec) -> bool:
    """The entry spells its Korean place in the South's Revised Romanization: "eo" or "eu"
    in a Korean place word, which McCune-Reischauer, the North's system, writes o and u
    (Cheorwon, the North's Chorwon; Yeonpyeong, Baengnyeong). The analyst watches the
    southern place, so a South Korean locator confirms it rather than naming a namesake."""
    entry = name.entry
    words = [w for typed in (entry.name, *entry.aliases) for w in split_words(typed)[0]]
    return any(("eo" in w or "eu" in w) and name.korean_place(w) for w in words)


def _south_korean_at(text: Text, k: int) -> int:
    """The last word of a location in South Korea that opens at word k (South Korea, central
    South Korea, South Jeolla, Busan), or -1."""
    words = text.words
    if k < 0:
        return -1
    if k < len(words) and words[k] in _COMPASS:
        k += 1
    if k + 1 < len(words) and words[k] == "south" and words[k + 1] in ("korea", "korean"):
        return k + 1 if text.gap(k + 1) == " " else -1
    if k + 1 < len(words) and words[k] in ("north", "south") and text.gap(k + 1) == " ":
        k += 1  # South Jeolla, North Chungcheong
    return k if k < len(words) and words[k] in _SOUTH_KOREAN_DIVISIONS else -1


def _weapon_veto(text: Text, f: Found) -> Found:
    """A one-word place naming the weapon or warship that follows it (the Musudan missile); a
    body's name before it names its owner (a Sovcomflot tanker)."""
    if f.reason is not None or f.name.person or f.first != f.last or f.name.case_sensitive:
        return f
    if f.name.entry.kind.startswith(("organi", "treaty")):
        return f
    words = text.words
    i = f.last + 1
    if i < len(words) and text.gap(i) == "-" and words[i].isdigit():
        a, b = text.orig(f.first, i)  # a designation: the Hwasong-19, Musudan-2
        return _reject(f, f"{_NAMES_ANOTHER[1]} ('{text.original[a:b]}')")
    while i < len(words) and i - f.last <= _MAX_MODIFIERS + 1 and text.joined(i):
        if words[i] in _WEAPONS:
            if i + 1 < len(words) and words[i + 1] in _PLACE_NOUNS and text.joined(i + 1):
                return f
            a, b = text.orig(f.first, i)
            return _reject(f, f"{_NAMES_ANOTHER[1]} ('{text.original[a:b]}')")
        if words[i] not in _WEAPON_MODIFIERS:
            return f
        i += 1
    return f


_AS_TYPED = frozenset(["exact", "alias", "case"])
# verbs of a source named after a comma: "... from Kujang County, Seoul says"
_SAYS = frozenset(
    "says said say reports reported claims claimed tells told warns warned confirms confirmed".split()
)


# Kinds of natural feature, and of a town's streets: a town's name before one names the
# feature or the street (the Rybachy Peninsula is not the town of Rybachy; Sukhbaatar Square,
# in Ulaanbaatar, is not the town of Sukhbaatar)
_FEATURES = frozenset(
    """peninsula island islands bay gulf strait river lake cape mountain mountains ridge range
    valley sea reservoir canal glacier volcano plateau lagoon square street avenue boulevard
    prospekt""".split()
)


# Documents named after the place they were signed in: the Treaty of Ganghwa is no mention of
# Ganghwa Island
_DOCUMENTS = frozenset("treaty convention agreement protocol declaration accord pact".split())


def _other_feature(text: Text, f: Found) -> str:
    """A one-word place's name that names something else: before a kind of natural feature the
    entry does not name (the Rybachy Peninsula, for the town of Rybachiy) or after one and
    "of" (the Sea of Okhotsk, for the town of Okhotsk), or after "Operation" (Operation
    Anadyr, a code name); and a place's one word after a document's head noun and "of" (the
    Treaty of Ganghwa, for Ganghwa Island)."""
    name = f.name
    if name.entry.kind.lower() != "place":
        return ""
    words, before = text.words, f.first - 2
    # (a one-word reading, of a one-word name or a longer one's: Ganghwa Island)
    one = f.first == f.last and before >= 0 and words[before + 1] == "of" and words[before] in _DOCUMENTS
    if one and text.capitalized(before) and not _DOCUMENTS.intersection(name.words):
        return f"after '{text.cased_word(before)} of' (a document named after the place)"
    if not name.alone:
        return ""
    nxt = f.last + 1
    if nxt < len(words) and words[nxt] in _FEATURES and text.gap(nxt) == " " and _other_kind(text, nxt, name):
        return f"followed by '{text.cased_word(nxt)}' (another place of that name)"
    if f.first > 0 and words[f.first - 1] == "operation" and text.capitalized(f.first - 1):
        return "after 'Operation' (a code name)"
    # the feature named "of" the place: the Sea of Okhotsk, the Gulf of Anadyr
    feature = before >= 0 and words[before] in _FEATURES and words[before + 1] == "of"
    if feature and _other_kind(text, before, name):
        return f"after '{text.cased_word(before)} of' (another place of that name)"
    return ""


def _other_kind(text: Text, k: int, name: NameSpec) -> bool:
    """Word k, a kind of feature or street (_FEATURES), is capitalised and the entry's names
    do not hold it."""
    word = text.words[k]
    if not text.capitalized(k):
        return False
    names = " ".join(name.entry.names).lower()
    return word not in names and title_word(word) not in names


def _other_features(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """Last, when no other reading has given the item's mentions to others (Suncheon, in South
    Jeolla, is another country's city; its bay too): a one-word place's name that names a
    feature or an operation."""
    for text, items in out.values():
        for n, f in enumerate(items):
            reason = _other_feature(text, f) if f.reason is None else ""
            if reason:
                items[n] = _reject(f, reason)


def _named_exactly(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """Words that spell one entry's name or alias as typed are that entry, not a reworded or
    misspelt reading of another entry of the same list: with both the Japan-DPRK "Pyongyang
    Declaration" and the "Pyongyang Joint Declaration" watched, "Pyongyang Declaration" is
    the first; "Kim Jae Ryong" is not "Kim Ju Ae" misspelt."""
    for text, items in out.values():
        exact = [g for g in items if g.reason is None and g.kind in _AS_TYPED]
        if not exact:
            continue
        for n, f in enumerate(items):
            if f.reason is not None or f.kind in _AS_TYPED:
                continue
            for g in exact:
                same_list = g.name.watchlist == f.name.watchlist and g.name.entry.id != f.name.entry.id
                if same_list and g.first <= f.first and f.last <= g.last:
                    a, b = text.orig(g.first, g.last)
                    items[n] = _reject(f, f"'{text.original[a:b]}' is the name of '{g.name.entry.id}'")
                    break
    _inside_another(out)


def _inside_another(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A document's or body's reading (not as typed) inside a longer one of another entry of the
    same list, scoring no better, is part of that name: "Pyongyang Declaration" in "the Japan-North Korea
    Pyongyang Declaration" is no mention of the Pyongyang Joint Declaration."""
    for text, items in out.values():
        titles = [g for g in items if g.reason is None and g.name.mode == "title" and not g.name.person]
        if len(titles) < 2:
            continue
        for n, f in enumerate(items):
            if f.reason is not None or f.name.person or f.name.mode != "title" or f.kind in _AS_TYPED:
                continue  # (a name as typed inside another is named: the KPA in its General Staff)
            for g in titles:
                other = g.name.watchlist == f.name.watchlist and g.name.entry.id != f.name.entry.id
                inside = g.first <= f.first and f.last <= g.last and g.last - g.first > f.last - f.first
                if other and inside and g.score >= f.score:
                    a, b = text.orig(g.first, g.last)
                    items[n] = _reject(f, f"inside '{text.original[a:b]}', the name of '{g.name.entry.id}'")
                    break


# Nouns after a place's name that make it the name of a troupe, a team or a product named
# after the place (the Samjiyon Orchestra, a Samjiyon tablet), not the place.
_NAMED_AFTER = frozenset(
    """orchestra orchestras band bands ensemble ensembles troupe troupes choir chorus tablet
    tablets smartphone smartphones phone phones computer computers brand brands beer cigarettes
    soju vodka
    team club tractor tractors truck trucks airline airlines airways""".split()
)
# ... and capitalised only (Jeju Air, Jeju United; "Jeju air quality" is the island's)
_NAMED_AFTER_CAPITALISED = frozenset(["air", "united", "fc"])
_AIR_PLACES = frozenset("base force field port station".split())
_PLACES_OF_BUSINESS = frozenset("restaurant cafe hotel".split())
# Capitalised nouns that close the proper name of a place of business or of play, or of a
# prize, named after a place or a body (the Chilbosan Hotel, Gazprom Arena, the Mangyongdae Prize)
_VENUE_NAMES = frozenset(
    """hotel hotels arena stadium restaurant restaurants cafe theatre theater cinema brewery circus
    casino cathedral church monastery temple mosque prize award medal cup trophy grill bistro
    tavern diner bakery""".split()
)
_VENUE_NAME_WORDS = 2  # capitalised words at most between the name and the venue noun (Grand)
# Words after a split Korean place that keep it the place (Kim Chaek City)
_PLACE_AFTER = frozenset("city county gun si port district province area town".split())


def _named_after_veto(text: Text, f: Found) -> Found:
    """A one-word place before a noun for a troupe, team or product named after it (the
    Samjiyon Orchestra); and a Korean place named after a Kim written as his name, in two
    words (Kim Chaek, the man; Kimchaek or Kim Chaek City, the city)."""
    if f.reason is not None or f.name.person or f.name.case_sensitive:
        return f
    after = f.last + 1
    nxt = text.words[after] if after < len(text.words) and text.joined(after) else ""
    named = nxt in _NAMED_AFTER or (nxt in _NAMED_AFTER_CAPITALISED and text.capitalized(after))
    if nxt in _PLACES_OF_BUSINESS and f.first > 0 and text.words[f.first - 1] == "the":
        named = True  # the Samarkand restaurant on Tverskaya (not "a Moscow restaurant")
    if nxt == "air" and after + 1 < len(text.words) and text.words[after + 1] in _AIR_PLACES:
        named = False  # Kunsan Air Base is at Kunsan
    if named and f.first == f.last:
        return _named_after(text, f, f.first, after, nxt)
    # (a place of one word or more: the Hotel Sikhote-Alin; no title names an establishment)
    venue = _venue_name_before(text, f.first) if f.name.mode != "title" else -1
    if venue >= 0:
        return _named_after(text, f, venue, f.first, text.words[venue])
    venue = _venue_name_after(text, f.last, f.name.entry.kind == "place")
    if venue < 0 and f.name.mode != "title":
        venue = _venue_appositive(text, f.last)
    if venue > 0:
        return _named_after(text, f, f.first, venue, text.words[venue])
    club = f.first - 1
    named = club >= 0 and text.gap(f.first) == " " and text.cased_word(club) in _CLUB_PREFIXES
    if not named and club >= 0 and text.gap(f.first) == " " and text.words[club] in _CLUB_NAMES:
        named = text.capitalized(club)  # Dinamo Samarqand, Lokomotiv Tashkent
    if named:
        a, b = text.orig(club, f.last)
        return _reject(f, f"{_NAMES_ANOTHER[5]} ('{text.original[a:b]}')")  # FC Baikonur
    if club >= 0 and text.gap(f.first) == " " and text.words[club] in _SOVEREIGNS and text.capitalized(club):
        a, b = text.orig(club, f.last)
        return _reject(f, f"{_NAMES_ANOTHER[2]} ('{text.original[a:b]}')")  # Queen Sondok
    if f.name.korean_word and f.first < f.last and text.words[f.first] == "kim" and nxt not in _PLACE_AFTER:
        a, b = text.orig(f.first, f.last)
        return _reject(f, f"'{text.original[a:b]}' in two words is the person the place is named after")
    return f


def _named_after(text: Text, f: Found, a: int, b: int, noun: str) -> Found:
    """Words a..b name what is named after the place (its noun ``noun``): a place of business
    (a hotel, a restaurant), which stands in the place, or another thing."""
    which = _NAMES_ANOTHER[6] if noun in _PLACES_TO_STAY else _NAMES_ANOTHER[5]
    start, end = text.orig(a, b)
    return _reject(f, f"{which} ('{text.original[start:end]}')")


def _venue_name_before(text: Text, first: int) -> int:
    """The index of an establishment's noun naming the place word ``first`` as its name: in
    quotes (Hotel 'Korolyov'), after a naming verb (a hotel named Korolyov), or in lowercase
    after an article (the restaurant Wonsan), or -1."""
    k = first - 1
    if k < 0:
        return -1
    # the noun capitalised opening the name (Hotel Samarkand Plaza), not closing another one
    # before it (the Koryo Hotel Pyongyang)
    opening = text.words[k] in _ESTABLISHMENTS and text.capitalized(k) and text.gap(first) == " "
    if opening and (k == 0 or text.words[k - 1] in _ARTICLES or not text.capitalized(k - 1)):
        return k
    if opening and text.gap(k) != " ":
        return k
    quoted = any(c in text.gap(first) for c in "'\"\u201c\u2018\u00ab")
    named = text.words[k] in _NAMING and text.gap(first) == " "
    if named:
        k -= 1
    if k < 0 or text.words[k] not in _ESTABLISHMENTS or text.gap(k + 1).strip(" '\"\u201c\u2018\u00ab,"):
        return -1
    article = k > 0 and text.words[k - 1] in ("the", "a", "an")
    return k if quoted or named or article else -1


_ESTABLISHMENTS = _VENUE_NAMES - frozenset("prize award medal cup trophy".split())


def _venue_name_after(text: Text, last: int, place: bool) -> int:
    """The index of a capitalised venue noun closing a proper name that word ``last`` opens
    (Chilbosan Hotel, Yalu River Grand Hotel), or for a place a company's (Namyang Dairy
    Products), or -1."""
    words = text.words
    for k in range(last + 1, min(len(words), last + _VENUE_NAME_WORDS + 2)):
        if text.gap(k) != " " or not text.capitalized(k) or text.cased_word(k).isupper():
            return -1
        if words[k] in _VENUE_NAMES or (place and words[k] in _COMPANY_NAMES):
            return k
    return -1


# A sovereign's title before a place's word makes it the ruler's name (Queen Sondok of Silla)
_SOVEREIGNS = frozenset("king queen prince princess emperor empress tsar tsarina czar khan".split())
# A sports club's prefix before the place it is named after (FC Baikonur, HC Amur)
_CLUB_PREFIXES = frozenset(["FC", "SC", "HC", "BC", "FK", "PFC", "HK", "VC", "CF"])
# ... or the name of a sports society of the Soviet world before it (Dinamo Samarqand)
_CLUB_NAMES = frozenset(
    "dinamo dynamo lokomotiv spartak torpedo zenit metallurg neftchi shakhtar shakhtyor shakhter"
    " traktor".split()
)
_APPOSITIVE_VENUE_WORDS = 4  # words of ", a themed restaurant" read for the establishment


def _venue_appositive(text: Text, last: int) -> int:
    """The index of an establishment's noun in an appositive right after the name: "Baikonur,
    a themed restaurant on Prospekt Mira" names the restaurant, not the place; or -1."""
    start = last + 1
    words = text.words
    if start >= len(words) or text.gap(start).strip() != "," or words[start] not in _ARTICLES:
        return -1
    for k in range(start + 1, min(len(words), start + 1 + _APPOSITIVE_VENUE_WORDS)):
        if text.gap(k).strip():
            return -1
        if words[k] in _ESTABLISHMENTS or words[k] in _NAMED_AFTER:
            return k
    return -1


# Capitalised nouns that close a company's name (a place's name opening it: Namyang Dairy
# Products; a body's would be the body itself: Rosatom State Corporation), or another thing
# named after a place (the Sinpo International Market, the Yokosuka Line, the Novaya Zemlya
# effect)
_COMPANY_NAMES = frozenset(
    """products corporation corp company co group bank industries holdings inc ltd motors
    electronics foods market line effect syndrome prospekt prospect avenue street boulevard
    embankment""".split()
)


# Nouns a document's name may qualify that make a place or a body of it: a Chicago convention
# centre, the Collective Security Treaty Organization
_VENUES = frozenset(
    "centre center centres centers hall halls venue venues organization organisation bureau".split()
)


def _venue_veto(text: Text, f: Found) -> Found:
    """A document's mention ending in its head noun right before a noun for a venue or a body
    names that: the Chicago convention centre is no Chicago Convention."""
    after = f.last + 1
    if f.reason is not None or f.name.person or after >= len(text.words) or text.gap(after) != " ":
        return f
    if text.words[after] not in _VENUES or TITLE_SYNONYMS.get(text.words[f.last]) != "treaty":
        return f
    a, b = text.orig(f.first, after)
    return _reject(f, f"names a place or body named after the document ('{text.original[a:b]}')")


def _other_unit(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A Korean place read without its unit (Gangnam for Kangnam County) is the place the
    item names with another unit elsewhere ("the affluent Gangnam district" ... "in
    Gangnam"): another place of the same name, as at that mention itself."""
    for text, items in out.values():
        for n, f in enumerate(items):
            name = f.name
            if f.reason is not None or name.person or len(name.words) < 2:
                continue
            unit = name.words[-1]
            if unit not in PLACE_UNITS or not name.korean_place(name.words[-2]):
                continue
            own = {unit, *ADMIN_TERMS.get(unit, ())}
            after = f.last + 1
            if after < len(text.words) and text.words[after] in own:
                continue  # (written with its own unit here)
            words = [korean_key(w) for w in text.words[f.first : f.last + 1]]
            other = next((o for o in (_with_other_unit(t, words, own) for t, _ in out.values()) if o), None)
            if other:
                items[n] = _reject(f, f"the item names another place so ('{other}')")


def _with_other_unit(text: Text, keys: Sequence[str], own: set[str]) -> str:
    """The text's first mention of words of these Korean keys (Gangwon for Kangwon) followed
    by a unit not in ``own``, as written."""
    size = len(keys)
    for k in range(len(text.words) - size):
        unit = text.words[k + size]
        other = unit in ANY_PLACE_UNIT and unit not in own and text.joined(k + size)
        if other and [korean_key(w) for w in text.words[k : k + size]] == keys:
            a, b = text.orig(k, k + size)
            return text.original[a:b]
    return ""


def _other_sense(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A place word the item once uses for a ship, a weapon or a person names it all through
    the item (the tanker Nakhodka ... the Nakhodka oil spill; Artyom Sokolov ... Artyom, who),
    unless a word for a location comes right before it (from Nakhodka)."""
    vehicles: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for text, items in out.values():
        for f in items:
            if f.reason is not None and f.reason.startswith(_SPREADING):
                words = _sense_key(text, f)
                vehicles.setdefault((f.name.watchlist, f.name.entry.id, words), f.reason)
                if len(words) > 1 and words[-1] in PLACE_UNITS:
                    # (and without its unit: South Korea's Kangwon Province ... Kangwon)
                    vehicles.setdefault((f.name.watchlist, f.name.entry.id, words[:-1]), f.reason)
    if not vehicles:
        return
    # (an item that also calls the word a place somewhere, "the town of Kurchatov", uses it
    # in both senses: a person's name there is no cue for the other mentions)
    placed = {
        (f.name.watchlist, f.name.entry.id, _sense_key(text, f))
        for text, items in out.values()
        for f in items
        if f.reason is None and _place_cue(text, f.first)
    }
    # (nor when it names the entry in more words too: the Korea Taepung Group ... the ship
    # Taepung 7 ... Taepung was a vehicle for investment)
    fuller: dict[tuple[str, str], int] = {}
    for text, items in out.values():
        for f in items:
            if f.reason is None and (f.name.watchlist, f.name.entry.id, _sense_key(text, f)) not in vehicles:
                key = (f.name.watchlist, f.name.entry.id)
                fuller[key] = max(fuller.get(key, 0), f.last - f.first + 1)
    for text, items in out.values():
        for n, f in enumerate(items):
            if f.reason is not None:
                continue
            words = _sense_key(text, f)
            reason = vehicles.get((f.name.watchlist, f.name.entry.id, words))
            both = (f.name.watchlist, f.name.entry.id, words) in placed
            if both and reason is not None and reason.startswith(_NAMES_ANOTHER[2]):
                continue
            if f.name.person and f.first != f.last:
                continue  # (a ship named after a person: the person may be named beside it in full)
            if reason is not None and fuller.get((f.name.watchlist, f.name.entry.id), 0) > len(words):
                continue
            # (a word for a location before it makes it the place, not the ship: from
            # Nakhodka; but the southern place stays so: in Hwaseong)
            located = f.first and text.words[f.first - 1] in _LOCATIVES and not _broken(text.gap(f.first))
            if reason is not None and not (located and not reason.startswith(_NAMES_ANOTHER[3])):
                items[n] = _reject(f, f"the item {reason} with this word")


# Places of business that stand in the place they are named after (not a cathedral, an arena
# or a theatre, which may be anywhere: the Kazan Cathedral is in St. Petersburg)
_PLACES_TO_STAY = frozenset(
    "hotel hotels restaurant restaurants cafe grill bistro tavern diner bakery brewery".split()
)


def _sense_key(text: Text, f: Found) -> tuple[str, ...]:
    """A mention's words, a Korean place's by their Korean key: Kangwon and Gangwon are one
    word, which the item uses in one sense."""
    words = text.words[f.first : f.last + 1]
    name = f.name
    if name.person or not (name.korean_word or name.korean_places):
        return tuple(words)
    return tuple(korean_key(w) for w in words)


def _occupied_elsewhere(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A person the item names once by an occupation no office has (the actor Kim Young-ho)
    is that namesake in its other mentions of the same given name and surname, and in its
    bare surname."""
    named: dict[tuple[str, str], tuple[set[tuple[str, ...]], str]] = {}
    for text, items in out.values():
        for f in items:
            if f.reason is not None and f.reason.startswith(_OCCUPATION):
                forms, _ = named.setdefault((f.name.watchlist, f.name.entry.id), (set(), f.reason))
                forms.add(tuple(text.words[f.first : f.last + 1]))
    if not named:
        return
    # (a person the item calls North Korean elsewhere is the North's, spelt the South's way:
    # "Weightlifter Eom Yun-cheol" in the headline, "North Korean weightlifter" in the body)
    northern = {
        (f.name.watchlist, f.name.entry.id)
        for text, items in out.values()
        for f in items
        if f.reason is None
        and f.kind == "translit"
        and (f.name.watchlist, f.name.entry.id) in named
        and _northern(text, f.first, f.last)
    }
    for _text, items in out.values():
        for n, f in enumerate(items):
            spared = (f.name.watchlist, f.name.entry.id) in northern
            if spared and f.reason is not None and f.reason.startswith(_OCCUPATION):
                items[n] = Found(f.name, f.first, f.last, f.score, f.kind)
    for key in northern:
        del named[key]
    for text, items in out.values():
        for n, f in enumerate(items):
            key = (f.name.watchlist, f.name.entry.id)
            if f.reason is not None or key not in named:
                continue
            forms, reason = named[key]
            words = tuple(text.words[f.first : f.last + 1])
            if any(_same_person(words, form, f.name.korean) for form in forms):
                items[n] = _reject(f, f"the item {reason}")


def _same_person(words: tuple[str, ...], form: tuple[str, ...], korean: bool) -> bool:
    """The same given name and surname, with or without a patronymic, or the surname alone
    (a Korean name only as written: Kim Yong Ho is not Kim Young-ho's namesake)."""
    if korean:
        return words == form
    return (words[0] == form[0] or len(words) == 1) and words[-1] == form[-1]


def _place_cue(text: Text, k: int) -> bool:
    """Word k follows a word for a location (in, from) or a settlement's noun and "of" (the
    town of Kurchatov)."""
    words = text.words
    if k and words[k - 1] in _LOCATIVES and not _broken(text.gap(k)):  # (not "… near. Seondeok")
        return True
    return k >= 2 and words[k - 1] == "of" and words[k - 2] in _SETTLEMENTS


def _broken(gap: str) -> bool:
    """The gap between two words ends a sentence or a line ("near. Seondeok"; not "in #Severomorsk")."""
    return any(c in ".!?;\n" for c in gap)


_SETTLEMENTS = frozenset("town city village settlement port region district county province".split())


def _acronym_of_another(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A title read short of some of the entry's words whose own initials the item writes as
    an acronym, one the entry does not have, is the document or body of that acronym: the
    India-Korea CEPA is not the RCEP, whose name holds its words (Comprehensive Economic
    Partnership Agreement)."""
    acronyms: set[str] | None = None
    for text, items in out.values():
        for n, f in enumerate(items):
            if f.reason is not None or f.name.mode != "title":
                continue
            if f.first == f.last:
                # the title's part read from its initials (CEPA of the RCEP's words): that
                # acronym, not the entry's, names another
                if _in_capitals(text, f.first) and text.words[f.first] not in _entry_acronyms(f.name):
                    items[n] = _reject(f, f"'{text.cased_word(f.first)}' is another acronym than the entry's")
                continue
            words = [w for w in text.words[f.first : f.last + 1] if w not in STOPWORDS]
            initials = "".join(w[0] for w in words)
            if f.last - f.first < 2 or len(initials) < 3 or initials in _entry_acronyms(f.name):
                continue
            if acronyms is None:  # (the item's words in capitals, read once)
                acronyms = {
                    t.words[i] for t, _ in out.values() for i in range(len(t.words)) if _in_capitals(t, i)
                }
            if initials in acronyms:
                items[n] = _reject(f, f"the item calls it '{initials.upper()}', another acronym")


def _in_capitals(text: Text, i: int) -> bool:
    word = text.cased_word(i)
    return len(word) >= 3 and word.isupper() and word.isalpha()


def _entry_acronyms(name: NameSpec) -> frozenset[str]:
    """The entry's names in one word (its acronyms, in lowercase) and its names' initials."""
    return _acronyms_of(name.entry.names)


@lru_cache(maxsize=4096)  # (asked for every title mention of every item: once per entry)
def _acronyms_of(names: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for other in names:
        words = split_words(other)[0]
        if len(words) == 1:
            out.add(words[0])
            continue
        out.add("".join(w[0] for w in words if w not in STOPWORDS))
        out.add("".join(w[0] for w in words))
        # (and without its country: JCS, the Joint Chiefs of Staff of the Republic of Korea)
        local = [w for c, a, b in canonical(words) if c not in COUNTRY_WORDS for w in words[a : b + 1]]
        out.add("".join(w[0] for w in local if w not in STOPWORDS))
    return frozenset(out)


def _issued_elsewhere(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A document the item once gives to another body (PACE Resolution 2356), or names as a
    kind of document (an open skies agreement), is so wherever the item names it in the same
    words (the headline's "open skies agreement"), unless the item also names the entry's own
    in other words (the UN Security Council's Resolution 2356)."""
    issued: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for text, items in out.values():
        for f in items:
            if f.reason is not None and f.reason.startswith((ISSUED_ELSEWHERE, KIND_OF)):
                key = (f.name.watchlist, f.name.entry.id, tuple(text.words[f.first : f.last + 1]))
                issued.setdefault(key, f.reason)
    if not issued:
        return
    others = {
        (f.name.watchlist, f.name.entry.id)
        for text, items in out.values()
        for f in items
        if f.reason is None
        and (f.name.watchlist, f.name.entry.id, tuple(text.words[f.first : f.last + 1])) not in issued
    }
    for text, items in out.values():
        for n, f in enumerate(items):
            if f.reason is not None or (f.name.watchlist, f.name.entry.id) in others:
                continue
            reason = issued.get((f.name.watchlist, f.name.entry.id, tuple(text.words[f.first : f.last + 1])))
            if reason is not None:
                items[n] = _reject(f, f"the item has it {reason}")


def _parties_elsewhere(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A body or document the item gives to other countries (the Treaty on Comprehensive
    Strategic Partnership between Russia and Iran) is theirs where the item names it without
    a country (Iranian officials hoped the comprehensive strategic partnership treaty would
    bring more Russian support), unless that mention's sentence names one of the entry's own
    countries that the other mention's did not (North Korea, for the DPRK-Russia treaty), or
    the item names the entry's own with a country elsewhere."""
    others: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}
    for text, items in out.values():
        for f in items:
            if f.reason is not None and f.reason.startswith((OTHER_COUNTRY, OTHER_PARTIES, PARTY_REPLACED)):
                key = (f.name.watchlist, f.name.entry.id)
                named = countries_around(text, f.first, f.last)
                reason, seen = others.get(key, (f.reason, frozenset()))
                others[key] = (reason, seen | named)
    if not others:
        return
    bare: list[tuple[list[Found], int, str]] = []
    for text, items in out.values():
        for n, f in enumerate(items):
            key = (f.name.watchlist, f.name.entry.id)
            if f.reason is not None or key not in others:
                continue
            reason, seen = others[key]
            own = own_countries(f.name)
            if countries_around(text, f.first, f.last) & (own - seen) or _names_a_country(text, f):
                others.pop(key)  # the entry's own, named so: its bare mentions are its own too
                continue
            bare.append((items, n, reason))
    for items, n, reason in bare:
        f = items[n]
        if (f.name.watchlist, f.name.entry.id) in others:
            items[n] = _reject(f, f"the item gives it to others: {reason}")


def _parties_unnamed(out: dict[str, tuple[Text, list[Found]]]) -> None:
    """A place named by two countries (the Korea-Russia Friendship Bridge), read from common
    title words alone (the Friendship Bridge), in an item that names neither country
    anywhere: one of the many so called, between other countries (the Friendship Bridge over
    the Mekong). A distinctive word names it without them. (Not a document: the issue's own
    example, "the comprehensive strategic partnership treaty", is the DPRK-Russia one.)"""
    candidates = [
        (items, n)
        for text, items in out.values()
        for n, f in enumerate(items)
        if f.reason is None
        and f.name.mode == "title"
        and f.name.entry.kind.lower() == "place"
        and len(own_countries(f.name)) >= 2
        and all(_common_title_word(f.name, w) for w in text.words[f.first : f.last + 1])
    ]
    if not candidates or any(is_foreign_script(text.original) for text, _ in out.values()):
        return  # (countries in another script are not read as countries)
    named = frozenset().union(*(countries_in(list(text.words)) for text, _ in out.values()))
    for items, n in candidates:
        f = items[n]
        if not own_countries(f.name) & named:
            items[n] = _reject(f, "the item names none of its parties")


def _common_title_word(name: NameSpec, word: str) -> bool:
    """A word common to many titles, or the title's head noun (Friendship, Bridge)."""
    canon = title_word(word)
    return generic(canon) or (name.head >= 0 and canon == name.distinct[name.head])


def _names_a_country(text: Text, f: Found) -> bool:
    """The mention's own words name a country (the DPRK-Russia treaty)."""
    return bool(countries_in(text.words[f.first : f.last + 1]))


def _acronym_veto(text: Text, f: Found) -> Found:
    """An acronym in brackets after words whose initials spell it stands for them (FSB here is
    the Financial Stability Board), unless those words are the entry's own name."""
    if f.reason is not None or not f.name.case_sensitive or not f.name.alone or f.first != f.last:
        return f
    acronym = f.name.words[0]
    company = _company_after(text, f)
    if company > 0:
        a, b = text.orig(f.first, company)
        return _reject(f, f"names a company ('{text.original[a:b]}')")
    if "(" not in text.gap(f.first):
        return f
    initials: list[int] = []
    i = f.first - 1
    while i >= 0 and len(initials) < len(acronym) and (i == f.first - 1 or not text.sentence_break(i + 1)):
        if text.words[i] not in STOPWORDS:
            initials.append(i)
        i -= 1
    spelt = "".join(text.words[i][0] for i in reversed(initials))
    if spelt != acronym or not all(text.capitalized(i) for i in initials):
        return f
    own = {w for name in f.name.entry.names for w in split_words(name)[0]}
    if all(text.words[i] in own or own_word(text.words[i], f.name) for i in initials):
        return f  # (Corp. for Corporation: verify.own_word)
    a, b = text.orig(initials[-1], f.first - 1)
    return _reject(f, f"{_REDEFINED} '{text.original[a:b]}' in this item")


# Capitalised words that make an acronym before them a company's name (JCG Holdings, RGS
# Insurance Group) unless the entry's own name holds them; not Bank or Group, which a body's
# acronym takes too (VTB Bank, the Wagner Group)
_ACRONYM_COMPANY = frozenset(
    "holdings insurance securities capital investments ltd limited inc plc llc".split()
)


def _company_after(text: Text, f: Found) -> int:
    """The index of a company word closing a name the acronym opens, or -1."""
    k = f.last + 1
    if k >= len(text.words) or text.gap(k) != " " or not text.capitalized(k):
        return -1
    word = text.words[k]
    if word not in _ACRONYM_COMPANY or any(word in split_words(n)[0] for n in f.name.entry.names):
        return -1
    return k


def _reject(f: Found, reason: str) -> Found:
    return Found(f.name, f.first, f.last, f.score, f.kind, reason)


def _why_not(rule: Rule, by_list: dict[str, list[_Mention]]) -> str | None:
    """None when the rule fires, else the reason it does not."""
    if rule.any and not any(by_list.get(wl) for wl in rule.any):
        return f"rule needs one of {list(rule.any)}; none matched"
    missing = [wl for wl in rule.all if not by_list.get(wl)]
    if missing:
        return f"rule needs all of {list(rule.all)}; missing '{missing[0]}'"
    vetoes = [wl for wl in rule.none if by_list.get(wl)]
    if vetoes:
        return f"rule excludes list '{vetoes[0]}' (none)"
    if rule.near is not None:
        a, b = rule.near.lists
        if not _near_ok(by_list.get(a, []), by_list.get(b, []), rule.near.within):
            return f"not within {rule.near.within} words of list '{b}'"
    return None


def _near_ok(left: list[_Mention], right: list[_Mention], within: int) -> bool:
    for x in left:
        for y in right:
            if x.field != y.field:
                continue
            gap = max(y.found.first - x.found.last, x.found.first - y.found.last) - 1
            if gap <= within:
                return True
    return False


def _span(m: _Mention) -> tuple[int, int, str]:
    start, end = m.text.orig(m.found.first, m.found.last)
    return start, end, m.text.original[start:end]


def _described(m: _Mention) -> dict[str, Any]:
    """What a Match and a NearMiss both say about a mention."""
    start, end, text = _span(m)
    f = m.found
    return {"watchlist": f.name.watchlist, "entry": f.name.entry.id, "entry_name": f.name.entry.name,
            "field": m.field, "start": start, "end": end, "text": text, "score": round(f.score, 1)}


def _to_match(rule: str, m: _Mention) -> Match:
    return Match(rule=rule, kind=m.found.kind, **_described(m))


def _near(rule: str | None, m: _Mention, reason: str) -> NearMiss:
    return NearMiss(rule=rule, reason=reason, **_described(m))


def _unique(items: list[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
