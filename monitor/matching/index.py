"""Word index: text word -> names whose anchor word it may spell (exact, key or typo).

Postings come in three buckets: ``free`` ones are verified for any text word,
``capital`` ones (typos, one-word transliterations, Korean syllable pairs) only
for a capitalised or hyphen-joined word, and ``title`` ones go through a cheap
per-item word-presence filter first. Common lowercase English words thus cost
one dictionary look-up.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from mypy_extensions import mypyc_attr

from monitor.matching.hangul import HangulTable
from monitor.matching.japanese import KanjiTable
from monitor.matching.names import (
    ROMAN_NUMERALS,
    STOPWORDS,
    SYNONYM_WORDS,
    NameSpec,
    generic,
    title_word,
)
from monitor.matching.normalize import Text
from monitor.matching.palladius import palladius
from monitor.matching.russian_titles import russian_title_words
from monitor.matching.translit import (
    ADMIN_TERMS,
    deletions,
    genitive_stem,
    is_korean,
    kontsevich_keys,
    korean_key,
    korean_pair_key,
    korean_syllables,
    russian_key,
    russian_keys,
    russian_nominatives,
    russian_place_names,
    russian_surname_forms,
    typo_budget,
    wade_giles,
)
from monitor.matching.verify import (
    MIN_EXPANDED,
    compare,
    inflected,
    kontsevich,
    russian_name_word,
    title_reach,
)

# (name id, index of the name word - or of the canonical title word -, words covered)
Posting = tuple[int, int, int]
# (free, capital, title, the word reads as a Korean syllable or two)
Postings = tuple[tuple[Posting, ...], tuple[Posting, ...], tuple[Posting, ...], bool]
_CACHE_LIMIT = 200_000
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Longer text words (a 10 KB run of junk) are looked up only as they are: no name word (nor
# two run together) is this long, and the neighbourhood of a 10 KB word is 50 million strings.
MAX_FUZZY_WORD = 48
EMPTY: Postings = ((), (), (), False)


@dataclass
class _Table:
    # lists, not sets, while building (a set is four times the size); tuples once built
    keys: defaultdict[str, list[Posting]] = field(default_factory=lambda: defaultdict(list))
    typos: defaultdict[str, list[Posting]] = field(default_factory=lambda: defaultdict(list))

    def frozen(self) -> tuple[dict[str, Sequence[Posting]], dict[str, Sequence[Posting]]]:
        return _frozen(self.keys), _frozen(self.typos)


def _frozen(table: dict[str, list[Posting]]) -> dict[str, Sequence[Posting]]:
    # Tuples, not lists: the garbage collector stops tracking a tuple of atoms, never a list,
    # and every full collection while matching would walk 250,000 lists. Not sorted or
    # deduplicated (that cost a tenth of a build): look-ups gather postings in sets.
    return {k: tuple(v) for k, v in table.items()}


def chinese_surnames(specs: Iterable[NameSpec]) -> dict[str, tuple[int, ...]]:
    """A Chinese name's surname (its first word) -> the names."""
    surnames: defaultdict[str, list[int]] = defaultdict(list)
    for spec in specs:
        if spec.person and spec.chinese and len(spec.words) >= 2 and not spec.exact:
            surnames[spec.words[0]].append(spec.id)
    return {word: tuple(ids) for word, ids in surnames.items()}


class WordIndex:
    """Maps words to postings; ``anchors_only=False`` indexes every word (for explain)."""

    def __init__(self, specs: Iterable[NameSpec], *, anchors_only: bool = True) -> None:
        specs = list(specs)
        self.hangul = HangulTable(specs)
        self.kanji = KanjiTable(specs)
        self.chinese_surnames = chinese_surnames(specs)  # (scan.split_pairs: Wang Ya Jun)
        tables = (_Table(), _Table(), _Table())
        for spec in specs:
            if spec.korean and anchors_only:
                _add_korean_pair(tables[1], spec)
                continue
            words = spec.distinct if spec.mode == "title" else spec.words
            if spec.mode != "title":
                _add_acronyms(spec, tables[1])
            if spec.mode == "title":
                for key, covered in spec.title_targets.items():
                    if key.startswith("i:"):  # an acronym of its first words (UNSCR)
                        tables[2].keys[key].append((spec.id, min(covered), 1))
            chosen = spec.anchors if anchors_only else range(len(words))
            for i in chosen:
                if words[i] in STOPWORDS and len(words) > 1:
                    continue
                _add(tables, spec, words[i], (spec.id, i, 1), typo=True)
                # Two name words written as one: Jongun, Nonproliferation.
                for a in (i - 1, i):
                    if a >= 0 and a + 1 < len(words):
                        _add(tables, spec, words[a] + words[a + 1], (spec.id, a, 2), False)
        self._tables = tuple(t.frozen() for t in tables)
        self._cache: dict[str, Postings] = {}

    def lookup(self, word: str) -> Postings:
        """(free, capital, title, korean) postings a text word may hit; cached per word (bounded)."""
        found = self._cache.get(word)
        if found is None:
            found = self._compute(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = found
        return found

    def lookup_pair(self, *words: str, hangul: bool = False) -> tuple[Posting, ...]:
        """Korean names whose anchor pair adjacent text words spell (Il-hwan, Jong Un); with
        ``hangul``, the words are syllables written in Hangul, maybe three of a place's name
        (신의주, sin ui ju), read both ways (hangul_keys)."""
        pair = " ".join(words) + " h" * hangul
        found = self._cache.get(pair)
        if found is None:
            keys = hangul_keys(words) if hangul else ("".join(map(korean_key, words)),)
            table = self._tables[1][0]
            postings = sorted({p for key in keys for p in table.get("k:" + key, ())})
            found = (tuple(postings), (), (), True)
            self._cache[pair] = found
        return found[0]

    def _compute(self, word: str) -> Postings:
        keys, variants, by_key = text_keys(word)
        korean = is_korean(word)
        keys.add(title_word(word))  # Russian -> russia, accord -> treaty, forces -> force
        keys.add("i:" + word)  # an acronym of a title's first words (verify._title_hits)
        out = []
        for n, (table, typos) in enumerate(self._tables):
            hits: set[Posting] = set()
            for key in keys:
                hits.update(table.get(key, ()))
            for variant in variants if n == 2 else variants | by_key:
                hits.update(typos.get(variant, ()))
            out.append(tuple(sorted(hits)))
        if not any(out) and not korean:
            return EMPTY  # the common case, tested by identity in the scan loop
        return out[0], out[1], out[2], korean


def text_keys(word: str, cyrillic: bool = True) -> tuple[set[str], frozenset[str], set[str]]:
    """Keys a text word is looked up under, its deletion (typo) neighbourhood, and that of
    its transliteration keys (for names only; titles: verify._title_hits).

    Both indexes use this, so that what one finds the other finds. ``cyrillic``: the word
    may have been written in Cyrillic, so its Russian case forms count too.
    """
    # "A:" + first letter: the acronyms a capitalised word may begin to spell (verify.expansion_ends)
    keys = {word, "d:" + word, "A:" + word[:1], *("r:" + key for key in russian_keys(word))}
    if len(word) == 4:  # two letters swapped in a four-letter name word (Snog for Song)
        keys.update("d:" + v for v in deletions(word, 1))
    if cyrillic:
        # a Russian case form (Lavrovym): only if written in Cyrillic, see verify.compare
        keys.update("r:" + russian_key(form) for form in russian_nominatives(word))
        # a place adjective (Kurskoi, Yaltinskoe): verify.compare
        keys.update("r:" + russian_key(stem) for stem in russian_place_names(word))
        keys.update(f for f in russian_nominatives(word) if f in ADMIN_TERMS)  # области
    if korean_syllables(word):  # Korean syllables, also longer words: places (Shinuiju)
        keys.add("k:" + korean_key(word))
        if word.endswith("ack"):  # a given name's "ack" is also "ak": verify._given_ack
            keys.add("k:" + korean_key(word[:-2] + "k"))
    keys.update(_ocr_keys(word))
    # a Kazakh surname in -uly, -kyzy: verify._compare
    keys.update("r:" + russian_key(form) for form in russian_surname_forms(word))
    stem = genitive_stem(word)
    if stem is not None:  # a Mongolian genitive (Tsevegjavyn): verify._patronymic_genitive
        keys.update("r:" + key for s in (stem, stem + "a") for key in russian_keys(s))
    if cyrillic:  # a Korean name in Russian copy (Пхеньян, Чен): see verify.compare
        keys.update("k:" + key for key in kontsevich_keys(word))
        # a Russian title word, under its English ones (the explain index's titles), and as a
        # name's word in the singular or plural (островах: Islands; verify.russian_name_word)
        for english in russian_title_words(word):
            keys.update((title_word(english), english, english + "s"))
    variants = _variants(word)
    # one typo in a transliteration (Koschemjaco): verify.compare
    by_key = {
        v
        for k in russian_keys(word)
        if k != word and 5 <= len(k) <= MAX_FUZZY_WORD
        for v in deletions(k, 1)
    }
    return keys, variants, by_key


# a numeral's other form: Roman <-> Arabic
_NUMERAL_FORMS = {**ROMAN_NUMERALS, **{n: roman for roman, n in ROMAN_NUMERALS.items()}}


def _add(
    tables: tuple[_Table, _Table, _Table], spec: NameSpec, word: str, posting: Posting, typo: bool
) -> None:
    free, capital, title = tables
    if spec.mode == "title":
        free = capital = title
    free.keys[word].append(posting)
    if word in _NUMERAL_FORMS and not spec.person:  # Minsk-2 for Minsk II: verify.compare
        free.keys[_NUMERAL_FORMS[word]].append(posting)
    if spec.case_sensitive:
        for form in spec.mixed_case:  # RZhD for RZD: the verifier checks the case
            if form.lower() != word:
                free.keys[form.lower()].append(posting)
    if spec.exact or spec.case_sensitive:
        return
    if spec.mode != "title":
        for term in ADMIN_TERMS.get(word, ()):  # Primorsky Territory for Primorsky Krai
            free.keys[term].append(posting)
    if spec.mode == "title" and "k:" + korean_key(word) in spec.title_targets:
        title.keys["k:" + korean_key(word)].append(posting)  # Gaeseong Industrial Complex
    if spec.korean:
        capital.keys["k:" + korean_key(word)].append(posting)
    else:
        # a one-word name's transliteration must be capitalised: see verify.compare
        (capital if spec.alone else free).keys["r:" + russian_key(word)].append(posting)
        for form in palladius(word) if spec.chinese else ():  # Си Цзиньпин: verify.compare
            capital.keys[form].append(posting)
        if spec.chinese and wade_giles(word) not in ("", word):  # Hsiao-ming: verify.compare
            capital.keys[wade_giles(word)].append(posting)
        if spec.korean_word:
            # width 2: also reached by two text syllables (Hangul 남포 reads "Nam Pho")
            capital.keys["k:" + korean_key(word)].append((spec.id, posting[1], 2))
        elif posting[2] == 1 and spec.korean_place(word):  # Dongchang-ri for Tongchang-ri
            capital.keys["k:" + korean_key(word)].append(posting)
    budget = typo_budget(len(word), spec.alone) if typo else 0
    if not budget or (spec.mode == "title" and len(word) < 5):
        return
    if len(word) == 4:  # a dropped letter only: the text word is the name word minus one
        for variant in deletions(word, 1) - {word}:
            capital.keys["d:" + variant].append(posting)
        return
    for variant in deletions(word, budget):
        capital.typos[variant].append(posting)
    key = russian_key(word)
    key_budget = typo_budget(len(key), spec.alone)
    russian = not (spec.korean or spec.korean_word or spec.mode == "title")
    if key != word and russian and key_budget and len(key) >= 5:
        for variant in deletions(key, 1):  # one typo in a transliteration: verify.compare
            capital.typos[variant].append(posting)


def _add_acronyms(spec: NameSpec, capital: _Table) -> None:
    """Postings (width 0) under "A:" + first letter for a name's acronyms, which a run of
    capitalised words may spell out (New Strategic Arms Reduction Treaty: New START)."""
    for j, word in enumerate(spec.words):
        if word in spec.acronyms and len(word) >= MIN_EXPANDED and word.isalpha():
            capital.keys["A:" + word[0]].append((spec.id, j, 0))


def _add_korean_pair(capital: _Table, spec: NameSpec) -> None:
    """Index a Korean name by its anchor pair of adjacent words, by syllable key.

    Every word of a Korean name must match, so one pair suffices; it is a given-name
    pair when there is one, since given names are also written as one word (Jongun).
    Four-letter syllables may lose a letter (Jon for Jong).
    """
    a = spec.anchors[0]
    first, second = spec.words[a], spec.words[a + 1]
    for x in _dropped(first):
        for y in _dropped(second):
            capital.keys["k:" + korean_pair_key(x, y)].append((spec.id, a, 2))


def _dropped(word: str) -> frozenset[str]:
    return deletions(word, 1) if len(word) == 4 else frozenset((word,))


# ---------------------------------------------------------------------------------------
# The index Matcher.match uses. Whatever the verifier accepts around a name's anchor, the
# index finds: tests/test_matching_speed_regressions.py checks match() against explain(),
# which indexes every word of every name and skips every filter.

# Title words a news text is likely to hold anyway: never a title's only trigger.
_COMMON_TITLE_WORDS = frozenset(
    """
    academy administration agency agreement alliance assistance association atomic authority
    bank bureau central china commission committee company complex comprehensive conference
    congress convention cooperation corporation council court defence defense democratic
    development economic energy federal federation foreign force friendship front fund general
    government grain industrial institute international joint korea league military ministry
    mutual national nuclear oil organisation organization partnership party people republic
    research russia security service social space state strategic supreme trade treaty union
    united weapon worker world
    """.split()
)
_WEAK_FREQ = 3  # a title word in this many watch-list titles is a weak trigger too

_NO_SLOT: frozenset[tuple[int, int]] = frozenset()


class Lookup(NamedTuple):
    """What one text word may start: computed once per distinct word, then cached."""

    free: tuple[Posting, ...]  # seq names, verified around any such word
    capital: tuple[Posting, ...]  # seq names, only if the word is capitalised or hyphen-joined
    cids: tuple[int, ...]  # title words it may spell (exactly, by key, with a typo, as a half)
    slot1: frozenset[tuple[int, int]]  # Korean (name, pair) whose pair's first word it spells
    syllabic: bool  # reads as Korean syllables: may be half of a split name word (Jong Un)
    head: bool  # its syllable key begins a one-word Korean name's key (ham of Hamhung)
    starts: bool  # any of the above may start a match here (the scan's first filter)


NO_HIT = Lookup((), (), (), _NO_SLOT, False, False, False)


class _Memo(dict[str, Lookup]):
    """word -> Lookup, computed on first use; ``memo[word]`` stays a C-level dict access."""

    def __init__(self, index: AnchorIndex, cyrillic: bool) -> None:
        super().__init__()
        # weakly: the index holds the memo, and a memo holding the index back would make a
        # cycle, freed only by a full garbage collection (an old index after a rules reload).
        # (A reference to the index, not a WeakMethod: a method compiled by mypyc is no
        # weakly referenceable function.)
        self._index = weakref.ref(index)
        self._cyrillic = cyrillic
        # the same keys as a plain set, and the words that may start a match: a text's words
        # are sorted into new, starting and other ones by set operations at C speed (a set
        # minus a dict subclass would walk the whole dict)
        self.known: set[str] = set()
        self.starters: dict[str, Lookup] = {}

    def __missing__(self, word: str) -> Lookup:
        index = self._index()
        assert index is not None, "a word memo used after its index was freed"
        found = index.compute(word, self._cyrillic)
        if len(self) >= _CACHE_LIMIT:
            self.clear()
            self.known.clear()
            self.starters.clear()
        self[word] = found
        self.known.add(word)
        if found.starts:
            self.starters[word] = found
        return found

    def starting(self, words: set[str]) -> dict[str, Lookup]:
        """The words of this set that may start a match, with their Lookups."""
        for word in words - self.known:
            self[word]  # computed and filed
        starters = self.starters
        return {word: starters[word] for word in starters.keys() & words}


class TitlePlan(NamedTuple):
    cids: tuple[int, ...]  # title word id per distinct word; -1: a country phrase may stand for it
    required: int  # fewest words a match holds
    reach: int  # a match lies within this many words of any of its words
    share: int  # a match with fewer words holds every distinctive one (``keep``)
    keep: tuple[int, ...]  # ids of the title's distinctive (not generic) words
    head: int  # id of its head noun, which every match holds (verify._best_title); -1: none
    # ids of the words a match must hold as written somewhere: not a country phrase (-1), nor
    # the title's own acronym, which may be spelled out (WPK: verify._acronyms_spelled_out)
    placed: tuple[int, ...]


# Not a mypyc native class: its word memos refer to it weakly, and mypyc's native instances
# take no weak references.
@mypyc_attr(native_class=False)
class AnchorIndex:
    """Text word -> the names a match around it may belong to.

    All keys live in one dictionary, so a text word seen for the first time costs one
    look-up per key: its spelling, transliteration keys, dropped-letter and deletion
    (typo) neighbourhood, and its canonical title form. Candidates the verifier would
    reject for that word anyway are dropped then, once per distinct word.

    * People and places (``seq`` names): their rarest word, as in ``WordIndex``.
    * Korean names: a pair of adjacent name words; each text word is looked up on its own
      (slot 0 or 1) and the two sets intersected, so "on" ~ Un alone costs nothing. A text
      word may also stand for two name words (Jongun), two words for one (Jong Un).
    * Titles: each text word that may spell a title word records its position under the
      word's id. A title is tried where one of its rare words occurs, or, when it has too
      few, where two of its commoner words occur near each other; then only if enough of
      its words (in any spelling the verifier takes) lie within its reach.
    """

    def __init__(self, specs: Sequence[NameSpec]) -> None:
        self._specs = specs
        self.hangul = HangulTable(specs)
        self.kanji = KanjiTable(specs)
        free, capital = _Table(), _Table()
        slots: tuple[defaultdict[str, set[tuple[int, int]]], ...] = (defaultdict(set), defaultdict(set))
        titles: defaultdict[str, set[int]] = defaultdict(set)
        keyed: set[tuple[str, int]] = set()  # (title word, id) whose typo keys are in titles
        self._vocab: dict[str, int] = {}
        singles: defaultdict[int, list[int]] = defaultdict(list)
        pairs: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
        self.plans: dict[int, TitlePlan] = {}
        freq = Counter(w for s in specs if s.mode == "title" for w in set(s.distinct))
        split_words = []
        for spec in specs:
            if spec.mode == "title":
                self._add_title(spec, titles, keyed, freq, singles, pairs)
            elif spec.korean:
                _add_korean_slots(spec, free, slots)
                a = spec.anchors[0]
                split_words += [spec.words[a], spec.words[a + 1]]
            else:
                _add_acronyms(spec, capital)
                for i in spec.anchors:
                    if spec.words[i] in STOPWORDS and len(spec.words) > 1:
                        continue
                    _add((free, capital, capital), spec, spec.words[i], (spec.id, i, 1), typo=True)
                    for a in (i - 1, i):
                        if a >= 0 and a + 1 < len(spec.words):
                            pair = spec.words[a] + spec.words[a + 1]
                            _add((free, capital, capital), spec, pair, (spec.id, a, 2), False)
        (free_keys, free_typos), (cap_keys, cap_typos) = free.frozen(), capital.frozen()
        self._seq = (free_keys, cap_keys)
        self._typos = _merge_typos(free_typos, cap_typos, slots[0], titles)
        self._titles = {key: tuple(ids) for key, ids in titles.items() if key[:2] not in ("T~", "Ti")}
        # acronyms of titles' first words (UNSCR): looked up only for words in capitals, which
        # the word memo cannot tell (scan.run_anchored)
        self.initials = {key[3:]: tuple(ids) for key, ids in titles.items() if key.startswith("Ti:")}
        # a Chinese name's surname (its first word) -> the names: alone, it is read only after
        # an office (President Xi), so it is no anchor (Wang, Li would start a reading of
        # every Wang and Li at every turn)
        self.chinese_surnames = chinese_surnames(specs)
        self._slots = tuple({key: tuple(pairs) for key, pairs in table.items()} for table in slots)
        self.singles = dict(singles)
        self.pairs = {pair: list(dict.fromkeys(ids)) for pair, ids in pairs.items()}  # (a title once)
        # title word id -> the ids it is paired with, each greater (a pair (a, b) has a < b):
        # the scan intersects them with the field's words, at C speed
        partners: defaultdict[int, set[int]] = defaultdict(set)
        for a, b in pairs:
            partners[a].add(b)
        self.pair_partners = {a: frozenset(bs) for a, bs in partners.items()}
        self.max_reach = max((p.reach for p in self.plans.values()), default=0)
        # one-word Korean names (places) two text syllables may spell: prefixes of their keys
        self._korean_words = {k[2:] for k in self._seq[1] if k.startswith("k:")}
        self._heads = {k[:cut] for k in self._korean_words for cut in range(1, len(k))}
        # (a final l keyed as n before n, read syllable by syllable: sol of Solnam, "sonnam")
        self._heads |= {h[:-1] + "l" for h in self._heads if h[-1] == "n" and h + "n" in self._heads}
        # a name word of two syllables or more may be written as two words (Jong Un)
        self.split_heads = any(len(korean_syllables(w) or ()) > 1 for w in split_words)
        # (0, title word) -> lengths a word before it in some title may have, give or take
        # two; (1, title word) -> the same for a word after it
        near_lengths: defaultdict[tuple[int, str], set[int]] = defaultdict(set)
        for spec in specs:
            for left, right in zip(spec.distinct, spec.distinct[1:], strict=False):
                near_lengths[0, right].update(range(len(left) - 2, len(left) + 3))
                near_lengths[1, left].update(range(len(right) - 2, len(right) + 3))
        self._near_lengths = {key: frozenset(n) for key, n in near_lengths.items()}
        self.words = _Memo(self, cyrillic=False)  # text word -> Lookup, bounded
        # the same for text holding Cyrillic, whose words may be Russian case forms (rare:
        # apart, so that Latin text never pays for case forms it cannot hold)
        self.cyrillic_words = _Memo(self, cyrillic=True)
        self._units: tuple[dict[str, frozenset[tuple[int, int]]], ...] = tuple({} for _ in range(8))

    # -- text side ---------------------------------------------------------------------

    def lookup(self, word: str) -> Lookup:
        return self.words[word]

    def memo_for(self, text: Text) -> _Memo:
        """The word memo for this text: ``cyrillic_words`` if it holds any Cyrillic."""
        cyrillic = text.cased is not text.original and _CYRILLIC.search(text.original) is not None
        return self.cyrillic_words if cyrillic else self.words

    def compute(self, word: str, cyrillic: bool = False) -> Lookup:
        """The word's Lookup, uncached (``words`` and ``cyrillic_words`` cache it)."""
        syllabic = korean_syllables(word) is not None
        kkey = "k:" + korean_key(word) if syllabic else ""
        keys, variants, by_key = text_keys(word, cyrillic)
        canon = title_word(word)
        tkeys = ["T=" + canon, "Tp:" + word, "Tk:" + korean_key(canon)]
        if cyrillic:  # a Russian title word (Договору for Treaty): verify._title_hits
            tkeys += ["T=" + title_word(english) for english in russian_title_words(word)]
            tkeys += ["T=" + title_word(place) for place in russian_place_names(word)]  # Амурский
        if canon != word:
            tkeys.append("Tp:" + canon)
        # two title words run together (Nonproliferation): one half of 4+ letters is exact,
        # and the other as long as a word next to it in some title, give or take the two
        # edits a run-together word may carry ("beviga" is no "agency" + "Viga")
        near = self._near_lengths
        tkeys += [
            "T=" + word[:cut]
            for cut in range(4, min(len(word), MAX_FUZZY_WORD))
            if len(word) - cut in near.get((1, word[:cut]), ())
        ]
        tkeys += [
            "T=" + canon[cut:]
            for cut in range(max(1, len(canon) - MAX_FUZZY_WORD), len(canon) - 3)
            if cut in near.get((0, canon[cut:]), ())
        ]
        seq: set[Posting] = set()
        cap: set[Posting] = set()
        slot: set[tuple[int, int]] = set()
        cids: set[int] = set()
        free_keys, cap_keys = self._seq
        for key in keys:
            seq.update(free_keys.get(key, ()))
            cap.update(cap_keys.get(key, ()))
        # deletion neighbourhoods, one look-up each: names take the word's and its
        # transliteration keys' (by_key), titles their canonical word's own
        # (and, for a plural, the word's own: Skyes is a typo of Skies, whose canonical
        # form is sky)
        title_variants = variants if canon == word else variants | _variants(canon)
        get = self._typos.get
        for variant in variants | by_key if by_key else variants:
            hit = get(variant)
            if hit is None:
                continue
            if not isinstance(hit, _Typos):
                cap.update(hit)  # the common case: typos of names, capitalised words only
                continue
            seq.update(hit.free)
            cap.update(hit.capital)
            slot.update(hit.slot)
            if hit.cids and variant in title_variants:
                cids.update(hit.cids)
        if title_variants is not variants:
            for variant in title_variants - variants:
                hit = get(variant)
                if isinstance(hit, _Typos) and hit.cids:
                    cids.update(hit.cids)
        slots = self._slots[0]
        for key in (kkey or "k:" + word, "d:" + word, *_ocr_keys(word)):
            slot.update(slots.get(key, ()))
        if len(word) == 3:  # two letters swapped (Sno for Son): _name_keys
            for variant in deletions(word, 1):
                slot.update(slots.get("~" + variant, ()))
        elif len(word) == 2:  # a letter dropped (Yn for Yun): verify._slipped
            slot.update(slots.get("~" + word, ()))
        if cyrillic:
            for key in kontsevich_keys(word):
                slot.update(slots.get("k:" + key, ()))
        tget = self._titles.get
        for key in tkeys:
            cids.update(tget(key, ()))
        syllabic = syllabic and is_korean(word)
        head = bool(kkey) and kkey[2:] in self._heads
        if not (seq or cap or cids or slot or syllabic):
            return NO_HIT
        keep = self._posting_spells
        slot1 = frozenset(p for p in slot if self._slot_spells(0, word, *p, True, cyrillic))
        free = tuple(sorted(p for p in seq if keep(word, p, cyrillic)))
        capital = tuple(sorted(p for p in cap if keep(word, p, cyrillic)))
        starts = bool(free or capital or cids or slot1 or head or (self.split_heads and syllabic))
        return Lookup(free, capital, tuple(sorted(cids)), slot1 or _NO_SLOT, syllabic, head, starts)

    def slot(self, which: int, unit: str, cap: bool, cyrillic: bool = False) -> frozenset[tuple[int, int]]:
        """Korean (name, pair) whose pair's first (0) or second (1) word ``unit`` spells.

        Those the verifier accepts for the unit (one word, or two written together) as it
        is cased: capitalised, or lowercase (no typos then). ``cyrillic``: the text holds
        Cyrillic, so a capitalised unit may be a Korean name's word in Russian copy.
        """
        cyrillic = cyrillic and cap
        cache = self._units[4 * cyrillic + 2 * which + cap]
        found = cache.get(unit)
        if found is None:
            hits: set[tuple[int, int]] = set()
            table = self._slots[which]
            for key in _unit_keys(unit) if cap else ("k:" + korean_key(unit),):
                hits.update(table.get(key, ()))
            if cyrillic:
                for key in kontsevich_keys(unit):
                    hits.update(table.get("k:" + key, ()))
            kept = frozenset(p for p in hits if self._slot_spells(which, unit, *p, cap, cyrillic))
            found = kept or _NO_SLOT
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[unit] = found
        return found

    def places(self, *syllables: str) -> Sequence[Posting]:
        """One-word Korean names adjacent syllables spell (Hangul 함흥 reads "ham heung",
        신의주 "sin ui ju", 회령 "hoe ryeong": hangul_keys)."""
        keys = [key for key in hangul_keys(syllables) if key in self._korean_words]
        if len(keys) == 1:
            return self._seq[1].get("k:" + keys[0], ())
        return sorted({p for key in keys for p in self._seq[1].get("k:" + key, ())})

    def place_head(self, first: str, second: str) -> bool:
        """Two syllables begin a longer one-word Korean name's key (sin ui of Sinuiju)."""
        return any(key in self._heads for key in hangul_keys((first, second)))

    def _posting_spells(self, word: str, posting: Posting, cyrillic: bool) -> bool:
        """The verifier may accept the word (capitalised) for the posting's name word(s)."""
        nid, j, width = posting
        spec = self._specs[nid]
        if width == 0:  # the first word of an acronym spelled out: its first letter, checked by key
            return len(word) > 1 and word not in STOPWORDS
        # width 2: two name words (Jongun), or a one-word Korean place (two syllables)
        return _spells(word, "".join(spec.words[j : j + width]), spec, True, cyrillic)

    def _slot_spells(
        self, which: int, unit: str, nid: int, a: int, cap: bool, cyrillic: bool = False
    ) -> bool:
        spec = self._specs[nid]
        words = spec.words
        q = a + which
        targets = [words[q]]
        if which == 0 and q > 0:
            targets.append(words[q - 1] + words[q])
        if which == 1 and q + 1 < len(words):
            targets.append(words[q] + words[q + 1])
        return any(_spells(unit, t, spec, cap, cyrillic) for t in targets)

    # -- titles ------------------------------------------------------------------------

    def _cid(self, word: str) -> int:
        if word in SYNONYM_WORDS:
            return -1  # a country phrase (North Korea = DPRK): counted as present
        return self._vocab.setdefault(word, len(self._vocab))

    def _add_title(
        self,
        spec: NameSpec,
        titles: defaultdict[str, set[int]],
        keyed: set[tuple[str, int]],
        freq: Counter[str],
        singles: defaultdict[int, list[int]],
        pairs: defaultdict[tuple[int, int], list[int]],
    ) -> None:
        cids = tuple(self._cid(w) for w in spec.distinct)
        for target, covered in spec.title_targets.items():
            if len(covered) > 1:  # two words run together: found by their halves (see _compute)
                ids = {cids[q] for q in covered} - {-1}
                if ids:
                    titles["T" + target if ":" in target else "T=" + target].update(ids)
                continue
            (q,) = covered
            cid = cids[q]
            if cid < 0:
                continue
            titles["T" + target if ":" in target else "T=" + target].add(cid)
            if spec.exact or ":" in target or (target, cid) in keyed:
                continue  # (thousands of titles share a word: its keys hold its id already)
            keyed.add((target, cid))
            for key in _title_word_keys(target):
                titles[key].add(cid)
        keep = [q for q in range(len(cids)) if not generic(spec.distinct[q])]
        if spec.where:  # (the country a body works in may be left out: verify._where)
            keep = [q for q in keep if q != len(cids) - 1]
        reach = title_reach(spec) + 1
        head = cids[spec.head] if spec.head >= 0 else -1
        short_name = spec.short_subjects
        # (a short name by the parties may leave distinctive words out: verify.parties_short_name)
        kept = () if short_name else tuple(cids[q] for q in keep)
        # the title's own acronyms (WPK) may be spelled out (the Workers' Party of Korea:
        # verify._acronyms_spelled_out): counted as present, like a country phrase
        own = {w for w in spec.own_acronyms if len(w) >= MIN_EXPANDED}
        placed = tuple(c for q, c in enumerate(cids) if c >= 0 and spec.distinct[q] not in own)
        plan = TitlePlan(cids, spec.required, reach, spec.share, kept, head, placed)
        self.plans[spec.id] = plan

        # a short name by the parties (the DPRK-Russia partnership treaty) holds the head noun
        # and a subject word: each such pair is a trigger
        for q in short_name:
            if cids[q] >= 0 and head >= 0:
                a, b = sorted((cids[q], head))
                pairs[a, b].append(spec.id)
        # (decorated sorts, no closures: mypyc compiles no closure in this class's methods)
        words = spec.distinct
        weak = [w in _COMMON_TITLE_WORDS or len(w) <= 3 or freq[w] >= _WEAK_FREQ for w in words]
        spellable = [q for q in range(len(cids)) if cids[q] in placed]  # (placed: see above)
        ranked = sorted((weak[q], freq[words[q]], -len(words[q]), q) for q in spellable)
        usable = [q for *_, q in ranked]
        # A match holds ``share`` of its words, or (cut to its distinctive words and head
        # noun: verify._short_form) every distinctive word: then the rarest of them is a trigger.
        triggers = {cids[min((freq[words[q]], q) for q in keep)[1]]} if keep else set()
        if spec.required >= spec.share:
            triggers = set()
        misses = len(cids) - spec.share  # a match holding its share misses this many words
        strong = [q for q in usable if not weak[q]][: misses + 1]
        rest = [q for q in usable if q not in strong][: misses - len(strong) + 2]
        if len(strong) == misses + 1 or len(strong) + len(rest) < misses + 2:
            # enough rare words (a match holds one), or too few spellable words for pairs
            for q in strong if len(strong) == misses + 1 else usable[: misses + 1]:
                triggers.add(cids[q])
            for c in triggers:
                singles[c].append(spec.id)
            return
        # a match holds one of the rare words, or else two of the others
        triggers.update(cids[q] for q in strong)
        for c in triggers:
            singles[c].append(spec.id)
        for x, q in enumerate(rest):
            for r in rest[x + 1 :]:
                a, b = sorted((cids[q], cids[r]))
                pairs[a, b].append(spec.id)


@lru_cache(maxsize=32768)
def hangul_keys(syllables: tuple[str, ...]) -> tuple[str, ...]:
    """Korean keys of syllables written in Hangul as one word: keyed one by one, and keyed
    run together. A romanised name is parsed with closed syllables first (Sariwon as
    sar-i-won, Hoeryong as hoer-yong), so 사리원 (sa ri won) matches its key only run
    together; 함흥 (ham heung) keys the same both ways."""
    apart = "".join(map(korean_key, syllables))
    together = korean_key("".join(syllables))
    return (apart,) if together == apart else (apart, together)


@lru_cache(maxsize=65_536)
def _title_word_keys(target: str) -> tuple[str, ...]:
    """Keys one title word is also indexed under: its deletion (typo) neighbourhood, and
    its halves of 4+ letters, as when written as two words (Non-Proliferation for
    Nonproliferation). Cached: thousands of titles share their words."""
    keys = ["T~" + v for v in deletions(target, typo_budget(len(target), False))] if len(target) >= 5 else []
    keys += [
        "Tp:" + part
        for cut in range(1, len(target))
        for part in (target[:cut], target[cut:])
        if len(part) >= 4
    ]
    return tuple(keys)


class _Typos(NamedTuple):
    """A deletion variant's postings, when it has any besides names' capital ones."""

    free: Sequence[Posting]
    capital: Sequence[Posting]
    slot: tuple[tuple[int, int], ...]  # Korean (name, pair), slot 0
    cids: tuple[int, ...]  # title words


def _merge_typos(
    free: dict[str, Sequence[Posting]],
    capital: dict[str, Sequence[Posting]],
    slots: dict[str, set[tuple[int, int]]],
    titles: dict[str, set[int]],
) -> dict[str, Sequence[Posting] | _Typos]:
    """All deletion variants in one dictionary, so a text word's cost one look-up each.

    Most hold only names' capital postings: those stay a plain tuple (no wrapper, no
    extra memory); the rest get a ``_Typos``.
    """
    merged: dict[str, Sequence[Posting] | _Typos] = dict(capital)
    slot_typos = {k[1:]: tuple(sorted(v)) for k, v in slots.items() if k.startswith("~")}
    title_typos = {k[2:]: tuple(sorted(v)) for k, v in titles.items() if k.startswith("T~")}
    for key in free.keys() | slot_typos.keys() | title_typos.keys():
        merged[key] = _Typos(
            free.get(key, ()), capital.get(key, ()), slot_typos.get(key, ()), title_typos.get(key, ())
        )
    return merged


def _variants(word: str) -> frozenset[str]:
    """The text word's deletion neighbourhood (typos of names up to 2 edits meet it there)."""
    if len(word) < 4 or len(word) > MAX_FUZZY_WORD:
        return frozenset()
    return deletions(word, 1 if len(word) <= 6 else 2)


def _spells(word: str, target: str, spec: NameSpec, cap: bool, cyrillic: bool = False) -> bool:
    """verify.compare on the word alone, capitalised or not: may it spell the name word?

    ``cyrillic``: the word may have been written in Cyrillic (then a Russian case form counts).
    """
    if spec.case_sensitive or (spec.acronyms and target not in spec.words):
        return True  # the word's case decides (NewSTART, Newstart): leave it to the verifier
    if word == "ii" and target == "il" and spec.korean:
        return True  # so too for OCR's II for Il (verify._ocr_il)
    if spec.person and len(word) > len(target) and genitive_stem(word) is not None:
        return True  # and for a Mongolian genitive, the given name after it (verify._patronymic_genitive)
    if cyrillic and russian_name_word(word, target, spec):
        return True  # a Russian word of a document's name (Ялтинское: Yalta): not by profile
    # The answer depends on the name only through its profile (as compare's): a syllable
    # such as "on" or "jong" is checked against a hundred Korean names' words, mostly alike.
    key = (word, target, cap, spec.profile, cyrillic)
    known = _SPELLS.get(key)
    if known is None:
        text = _word_text(word, cap)
        # a Russian case form: the verifier takes it if the word was written in Cyrillic
        known = text is not None and (
            compare(text, 0, word, target, spec) is not None
            or (cyrillic and cap and (inflected(word, target, spec) or kontsevich(word, target, spec)))
        )
        if len(_SPELLS) >= _SPELLS_LIMIT:
            _SPELLS.clear()
        _SPELLS[key] = known
    return known


_SPELLS: dict[tuple[str, str, bool, int, bool], bool] = {}
_SPELLS_LIMIT = 65_536  # ~150 bytes an entry


@lru_cache(maxsize=1024)
def _word_text(word: str, cap: bool) -> Text | None:
    """The word alone as a Text, capitalised or not (None: it is no single word)."""
    text = Text.of(word[:1].upper() + word[1:] if cap else word)
    return text if len(text.words) == 1 else None


def _name_keys(word: str) -> set[str]:
    """Keys under which a Korean name word (or two written as one) is looked up."""
    keys = {"k:" + korean_key(word)}
    if len(word) == 2:
        keys.add("~" + word)  # its last letter doubled: Ill for Il (verify._slipped)
    elif len(word) == 3:
        keys.update("~" + v for v in deletions(word, 1))  # two letters swapped: Hiu for Hui
    elif len(word) == 4:
        keys.update("d:" + v for v in deletions(word, 1) - {word})
        keys.update("~" + v for v in deletions(word, 1))  # two letters swapped: Snog for Song
    elif len(word) >= 5:
        keys.update("~" + v for v in deletions(word, typo_budget(len(word), False)))
    return keys


def _ocr_keys(word: str) -> tuple[str, ...]:
    """Korean keys of the word as OCR misreads one: rn for m (Kirn, Narn), II for Il."""
    if "rn" in word:
        return ("k:" + korean_key(word.replace("rn", "m")),)
    return ("k:il",) if word == "ii" else ()


@lru_cache(maxsize=32768)
def _unit_keys(unit: str) -> tuple[str, ...]:
    keys = {"k:" + korean_key(unit), "d:" + unit, *("~" + v for v in _variants(unit)), *_ocr_keys(unit)}
    if len(unit) == 3:  # a three-letter syllable with two letters swapped (_name_keys)
        keys.update("~" + v for v in deletions(unit, 1))
    elif len(unit) == 2:  # ... or with a letter dropped (Yn for Yun)
        keys.add("~" + unit)
    return tuple(keys)


def _add_korean_slots(
    spec: NameSpec, free: _Table, slots: tuple[defaultdict[str, set[tuple[int, int]]], ...]
) -> None:
    """Index a Korean name by its anchor pair (every word of a Korean name must match).

    The pair's first and second words go in two slot tables (a word written together with
    its outer neighbour too: Kimjong Un); the pair written as one word (Jongun) goes in the
    ``free`` table, by its key and typo neighbourhood.
    """
    a = spec.anchors[0]
    words = spec.words
    post = (spec.id, a)
    for key in _name_keys(words[a]):
        slots[0][key].add(post)
    for key in _name_keys(words[a + 1]):
        slots[1][key].add(post)
    if a > 0:
        slots[0]["k:" + korean_key(words[a - 1] + words[a])].add(post)
    if a + 2 < len(words):
        slots[1]["k:" + korean_key(words[a + 1] + words[a + 2])].add(post)
    joined = words[a] + words[a + 1]
    free.keys["k:" + korean_key(joined)].append((spec.id, a, 2))
    free.keys[joined].append((spec.id, a, 2))
    budget = typo_budget(len(joined), False)
    if len(joined) == 4:
        for variant in deletions(joined, 1) - {joined}:
            free.keys["d:" + variant].append((spec.id, a, 2))
    elif budget:
        for variant in deletions(joined, budget):
            free.typos[variant].append((spec.id, a, 2))
