"""Find every mention of every name in one field (before rules apply)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection, Iterator, Sequence
from itertools import accumulate

from monitor.matching.bodies import (
    ISSUED_ELSEWHERE,
    KIND_OF,
    OTHER_COUNTRY,
    OTHER_PARTIES,
    PARTY_REPLACED,
    another_body,
    another_issuer,
    generic_instance,
    missing_subject,
    party_replaced,
)
from monitor.matching.countries import COUNTRY_WORDS
from monitor.matching.hangul import HangulTable, hangul_words, loan_key, syllables_key
from monitor.matching.index import EMPTY, AnchorIndex, Lookup, Posting, TitlePlan, WordIndex
from monitor.matching.japanese import KanjiTable, kanji_names
from monitor.matching.names import (
    ENGLISH_WORDS,
    GENERIC_WORDS,
    STOPWORDS,
    SYNONYM_WORDS,
    NameSpec,
    split_words,
    title_may_match,
    title_word,
)
from monitor.matching.normalize import ABBREVIATED_OFFICES, INITIAL_DIGRAPHS, Text
from monitor.matching.russian_titles import RUSSIAN_GLUE
from monitor.matching.translit import is_korean, is_pinyin, korean_syllables, pinyin_syllable
from monitor.matching.verify import (
    DEFAULT_MIN_SCORE,
    MONTH_NAMES,
    OFFICES,
    OFFICIAL_RUN,
    PATRONYMIC_ENDINGS,
    PENALTY_TRANSLIT,
    TURKIC_PATRONYMICS,
    Found,
    case_forms,
    compare,
    cyrillic_word,
    dotted_pair,
    hangul_word,
    initial_of,
    listed,
    listed_number,
    mongolian_bator,
    numeric_month,
    official_title,
    opens_at,
    other_compass_before,
    other_country_before,
    other_parties_after,
    other_pinyin,
    own_title_after,
    pinyin_name,
    seq_at,
    shortened,
    surname_only,
    title_at,
    title_reach,
    title_width,
)

# Words that open a question or a sentence, capitalised there only: "Will Putin meet them?",
# "May Lavrov attend?", never a first name there.
_OPENERS = frozenset(
    """will would can could may might must shall should did does do has have had is was are were
    why when how what where who whom whose if as so yet then let ask tell thank says said
    meanwhile however""".split()
)
# Capitalised words that may stand before a surname without being another first name.
# A patronymic before a surname is no other person's first name: Alexandrovich Kozlov.
_PATRONYMIC = PATRONYMIC_ENDINGS
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "madam",
        "president",
        "premier",
        "minister",
        "ministers",
        "chairman",
        "chairwoman",
        "chair",
        "marshal",
        "general",
        "gen",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "major",
        "admiral",
        "commander",
        "comrade",
        "leader",
        "secretary",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "deputy",
        "vice",
        "prime",
        "foreign",
        "defence",
        "defense",
        "chief",
        "head",
        "governor",
        "mayor",
        "senator",
        "ceo",
        "commissioner",
        "adviser",
        "advisor",
        "aide",
        "ombudsman",
        "speaker",
        "prosecutor",
        "lawmaker",
        "legislator",
        "parliamentarian",
        "congressman",
        "congresswoman",
        "chairperson",
        "academician",
        "king",
        "queen",
        "prince",
        "princess",
        "vice-chairman",
        "first",
        "state",
        "supreme",
        "party",
        "premier's",
        "kremlin",
        "moscow",
        "pyongyang",
        "seoul",
        "beijing",
        "but",
        "and",
        "when",
        "while",
        "after",
        "before",
        "as",
        "if",
        "so",
        "then",
        "yet",
        "also",
        "meanwhile",
        "however",
        "though",
        "although",
        "said",
        "says",
        "told",
        "asked",
        "according",
        "since",
        "during",
        "under",
        "with",
        "without",
        "by",
        "for",
        "from",
        "to",
        "at",
        "in",
        "on",
        "of",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "we",
        "he",
        "she",
        "they",
        "it",
        "i",
        "you",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    ]
) | ABBREVIATED_OFFICES  # (Amb. Ulyanov, @Amb_Ulyanov, Deputy FM Bogdanov)


def scan(
    text: Text,
    index: WordIndex,
    names: Sequence[NameSpec],
    watchlists: Collection[str],
    *,
    near_misses: bool = False,
) -> list[Found]:
    """Verified mentions in the text, best per overlapping span of the same entry."""
    return _Scan(text, names, watchlists, near_misses).run(index)


def scan_anchored(
    text: Text, index: AnchorIndex, names: Sequence[NameSpec], watchlists: Collection[str]
) -> list[Found]:
    """Like ``scan`` (without near misses), through the anchor index: what Matcher.match uses."""
    return _Scan(text, names, watchlists, False).run_anchored(index)


class _Scan:
    """Per-field state: what was tried, which titles passed the word-presence filter."""

    def __init__(
        self, text: Text, names: Sequence[NameSpec], watchlists: Collection[str], near_misses: bool
    ) -> None:
        self.text = text
        self.names = names
        self.watchlists = watchlists
        self.near_misses = near_misses
        self.tried: set[tuple[int, int, bool]] = set()
        self.found: list[Found] = []
        self._present: set[str] | None = None  # the field's words, for explain's title filter
        self.title_ok: dict[tuple[int, bool], bool] = {}
        self.title_anywhere: dict[int, bool] = {}  # nid -> enough of its words in the field
        self.title_words: dict[str, tuple[Posting, ...]] = {}
        self.positions: dict[str, list[int]] | None = None
        self.memo: dict[str, Lookup] = {}  # the index's word memo for this text (run_anchored)
        self.title_inside: dict[int, set[int]] = {}  # title -> word indices inside its mentions
        self.glue: list[int] | None = None  # function words before each word (_glue_counts)
        self.title_windows: dict[tuple[int, int, int], Found | None] = {}  # verify.title_at's

    def run(self, index: WordIndex) -> list[Found]:
        text, words = self.text, self.text.words
        last = len(words) - 1
        for k, word in enumerate(words):
            entry = index.lookup(word)
            if entry is EMPTY:
                continue
            free, capital, title, korean = entry
            if title:
                self._titles(k, word, title)
            if not (self.near_misses or "-" in text.gap(k) or text.capitalized(k)):
                capital = ()  # typos, Korean syllables: only in a capitalised or joined word
            elif korean and k < last and text.joined(k + 1):
                hangul = hangul_word(text, k, 2)
                # (syllables in Hangul spell a name word no one of them does: width 2, as in
                # run_anchored's _korean)
                for nid, j, width in index.lookup_pair(word, words[k + 1], hangul=hangul):
                    self._seq(k, nid, j, max(width, 2) if hangul else width)
                if hangul and hangul_word(text, k, 3):
                    for nid, j, width in index.lookup_pair(word, words[k + 1], words[k + 2], hangul=True):
                        self._seq(k, nid, j, max(width, 2))
            for posting in free:
                self._seq(k, *posting)
            for posting in capital:
                self._seq(k, *posting)
        pairs = split_pairs(text, set(words) & index.chinese_surnames.keys())
        for k in pairs + _joined_pairs(text):
            free, capital, _, _ = index.lookup(words[k] + words[k + 1])
            for nid, j, _ in (*free, *capital):
                self._seq(k, nid, j, 0)
        self._hangul(index.hangul)
        self._kanji(index.kanji)
        return _resolve(text, self.names, self.found)

    def run_anchored(self, index: AnchorIndex) -> list[Found]:
        words = self.text.words
        self.memo = index.memo_for(self.text)
        memo = self.memo
        split = index.split_heads
        unique = set(words)
        hits = memo.starting(unique)
        text = self.text
        surnames = index.chinese_surnames
        han = split_pairs(text, unique & surnames.keys() if surnames else ())
        self._hangul(index.hangul)
        self._kanji(index.kanji)
        acronyms = unique & index.initials.keys() if index.initials else ()
        offices = _after_offices(text, unique & surnames.keys()) if surnames else []
        joined = _joined_pairs(text)
        if not hits and not han and not self.found and not acronyms and not offices and not joined:
            return []
        places: dict[int, list[int]] = {}  # title word id -> text word indices, ascending
        korean: list[int] = []
        # (the positions first, in one comprehension: most words start nothing)
        for k in [k for k, word in enumerate(words) if word in hits]:
            free, capital, cids, slot1, syllabic, head, _ = hits[words[k]]
            for c in cids:
                at = places.get(c)
                if at is None:
                    places[c] = [k]
                else:
                    at.append(k)
            for posting in free:
                self._anchored_seq(k, posting)
            if capital and (text.capitalized(k) or "-" in text.gap(k)):
                for posting in capital:
                    self._anchored_seq(k, posting)
            if slot1 or head or (split and syllabic):
                korean.append(k)
        # an acronym of a title's first words, in capitals: UNSCR (one pass over the words,
        # only when one of them is in capitals somewhere)
        capitals = {w for w in acronyms if w.upper() in text.cased}
        for k, w in enumerate(words) if capitals else ():
            if w in capitals and text.cased_word(k).isupper():
                for c in index.initials[w]:
                    at = places.setdefault(c, [])
                    i = bisect_left(at, k)
                    if i == len(at) or at[i] != k:
                        at.insert(i, k)
        if "." in text.gaps:  # (a dot between two words: 9.19; most fields have none)
            self._numeric_months(places)
        for k in offices:
            for nid in surnames[words[k]]:
                self._seq(k, nid, 0, 1)  # President Xi (verify.surname_only)
        if korean:
            self._korean(index, korean)
        if places:
            self._anchored_titles(index, places)
        for k in joined:  # U.N. for UN, Nizhne-Leninskoye: the verifier reads them as one word
            found = self.memo[words[k] + words[k + 1]]
            for nid, j, _ in (*found.free, *found.capital):
                self._seq(k, nid, j, 0)
        for k in han:
            found = self.memo[words[k] + words[k + 1]]
            for nid, j, _ in (*found.free, *found.capital):
                self._seq(k, nid, j, 0)
            if found.slot1 and text.gap(k + 1) in _LINE_BREAK_HYPHENS:
                self._korean(index, [k])  # a Korean name's first syllable broken (Ch- | on Gyun)
        return _resolve(text, self.names, self.found)

    def _numeric_months(self, places: dict[int, list[int]]) -> None:
        """A date in figures spells its month's title word: 9.19 for September 19."""
        text = self.text
        for at in gaps_equal(text.gaps, "."):  # each bare dot between two words
            k = at - 1  # the word before it: the month?
            if numeric_month(text, k):
                for c in self.memo[MONTH_NAMES[int(text.words[k]) - 1]].cids:
                    insort(places.setdefault(c, []), k)

    def _hangul(self, table: HangulTable) -> None:
        """Foreign people's names written in Hangul (세르게이 라브로프): every name word in
        order, one Hangul word each (monitor.matching.hangul)."""
        text = self.text
        if text.offsets is None or not _HANGUL_CHAR.search(text.original):
            return
        spans = hangul_words(text)
        keys = [syllables_key(text.words[a : b + 1]) for a, b in spans]
        for h, key in enumerate(keys):
            for nid, j in table.get(key):
                name = self.names[nid]
                n = len(name.words)
                if j or name.watchlist not in self.watchlists or h + n > len(spans):
                    continue
                ok = all(
                    keys[h + q] == loan_key(name.words[q]) and spans[h + q][0] == spans[h + q - 1][1] + 1
                    for q in range(1, n)
                )
                if ok:
                    first, last = spans[h][0], spans[h + n - 1][1]
                    self.found.append(Found(name, first, last, 100.0 - PENALTY_TRANSLIT, "script"))

    def _kanji(self, table: KanjiTable) -> None:
        """Japanese names written in kanji (竹村浩之: Takemura Hiroyuki; monitor.matching.japanese):
        a kanji folds to one word, so a name's span is whole words."""
        text = self.text
        if text.offsets is None or not _HAN.search(text.original):
            return
        keys = table.table()
        if not keys:
            return
        for nid, start, end in kanji_names(text.original, keys):
            name = self.names[nid]
            span = text.span_words(start, end)
            if name.watchlist in self.watchlists and span is not None:
                self.found.append(Found(name, span[0], span[1], 100.0 - PENALTY_TRANSLIT, "script"))

    def _korean(self, index: AnchorIndex, starts: list[int]) -> None:
        """Korean names whose anchor pair two adjacent text units spell (a unit: one or two words).

        A unit of two words (Jong Un for Jongun) is tried only if some anchor word has two
        syllables or more (``split_heads``).
        """
        words = self.text.words
        n = len(words)
        memo = self.memo
        split = index.split_heads
        text = self.text
        cyrillic = memo is index.cyrillic_words
        breaks = "-\n" in text.cased or "-\r\n" in text.cased  # (most text breaks no word)
        for k in starts:
            broken = breaks and k + 1 < n and text.gap(k + 1) in _LINE_BREAK_HYPHENS  # Ch- | on Gyun
            word = words[k] + words[k + 1] if broken else words[k]
            first = memo[word]
            cap = text.capitalized(k)
            units = []
            if first.slot1:
                units.append((first.slot1 if cap else index.slot(0, word, False), k + 2 if broken else k + 1))
            if broken:
                first = memo[words[k]]
            if first.syllabic and k + 1 < n and memo[words[k + 1]].syllabic:
                if first.head:
                    # (width 2: the syllables spell the name word, which no one word does:
                    # 북도 bug do, Bukdo of Hamgyong-bukdo)
                    for nid, j, _ in index.places(words[k], words[k + 1]):
                        self._seq(k, nid, j, 2)
                    # (Hangul first: most text holds none, and that test is then one look-up)
                    third = hangul_word(text, k, 3) and memo[words[k + 2]].syllabic
                    if third and index.place_head(words[k], words[k + 1]):
                        for nid, j, _ in index.places(words[k], words[k + 1], words[k + 2]):
                            self._seq(k, nid, j, 2)
                if split:
                    joined = index.slot(0, words[k] + words[k + 1], cap)
                    if joined:
                        units.append((joined, k + 2))
            for pairs, nxt in units:
                if nxt >= n or not pairs:
                    continue
                cap2 = text.capitalized(nxt)
                second = index.slot(1, words[nxt], cap2, cyrillic)
                if split and nxt + 1 < n and memo[words[nxt]].syllabic and memo[words[nxt + 1]].syllabic:
                    second = second | index.slot(1, words[nxt] + words[nxt + 1], cap2)
                elif breaks and nxt + 1 < n and text.gap(nxt + 1) in _LINE_BREAK_HYPHENS:
                    # a syllable broken at the end of a line (Kim Chon Gy- | un)
                    second = second | index.slot(1, words[nxt] + words[nxt + 1], cap2)
                for nid, a in sorted(pairs & second):
                    if a == 0 or self._after_name_word(k, self.names[nid], a - 1):
                        self._seq(k, nid, a, 2)

    def _anchored_seq(self, k: int, posting: Posting) -> None:
        nid, j, width = posting
        if j and self.names[nid].korean and not self._after_name_word(k, self.names[nid], j - 1):
            return  # a Korean given name (Jongun) after anything but the rest of the name
        self._seq(k, nid, j, width)

    def _after_name_word(self, k: int, name: NameSpec, j: int) -> bool:
        """Word k may follow name word j (cheap necessary check before seq_at; Korean names).

        Word k starts name word j + 1; a Korean name matches every word in order, so name
        word j ends right before it, or word k spells j and j + 1 together.
        """
        text, words = self.text, self.text.words
        order = name.words
        if compare(text, k, words[k], order[j] + order[j + 1], name) is not None:
            return True
        if k == 0 or not (text.joined(k) or (j == 0 and listed(text, k))):
            return False
        if compare(text, k - 1, words[k - 1], order[j], name) is not None:
            return True
        if j > 0 and compare(text, k - 1, words[k - 1], order[j - 1] + order[j], name) is not None:
            return True
        if k >= 2 and text.joined(k - 1) and "s" not in (words[k - 2], words[k - 1]):
            glued = compare(text, k - 2, words[k - 2] + words[k - 1], order[j], name)
            return glued is not None and glued.kind != "typo"
        return False

    def _anchored_titles(self, index: AnchorIndex, places: dict[int, list[int]]) -> None:
        singles, pairs, plans = index.singles, index.pairs, index.plans
        anywhere = self._title_anywhere
        for c, at in places.items():
            for nid in singles.get(c, ()):
                if anywhere(index, places, nid):
                    for k in at:
                        self._title_at(index, places, nid, k)
        partners = index.pair_partners
        for a in sorted(c for c in places if c in partners):
            for b in sorted(partners[a].intersection(places)):
                nids = pairs[a, b]
                others = places[b]
                near = [k for k in places[a] if _near(others, k, index.max_reach)]
                for nid in nids if near else ():
                    if not anywhere(index, places, nid):
                        continue
                    reach = plans[nid].reach
                    for k in near:
                        if _near(others, k, reach):
                            self._title_at(index, places, nid, k)

    def _title_at(self, index: AnchorIndex, places: dict[int, list[int]], nid: int, k: int) -> None:
        name = self.names[nid]
        if name.watchlist not in self.watchlists:
            return
        plan = index.plans[nid]
        reach = plan.reach
        inside = self.title_inside.setdefault(nid, set())
        todo = [k]  # a work list, not recursion: a long run of one title chains far
        while todo:
            k = todo.pop()
            if (nid, k, True) in self.tried or k in inside:
                continue  # (inside a mention found already: its words find nothing new)
            self.tried.add((nid, k, True))
            # its words in any spelling the verifier takes: enough of them (its share, or the
            # required number with every distinctive word), else no match lies here; first
            # within reach, then (dearer) within the window title_at reads: k's sentence
            # (the head noun first: most tries fail for want of it, and one look-up says so)
            head = plan.head
            if head >= 0 and head in plan.placed and not _near(places.get(head, ()), k, reach):
                self._official_at(places, plan, name, k)
                continue
            absent = [c for c in plan.placed if not _near(places.get(c, ()), k, reach)]
            if not _enough(plan, absent) or not self._dense_enough(plan, places, name, k):
                self._official_at(places, plan, name, k)
                continue
            lo, hi = self.text.sentence_window(k, title_reach(name))
            if not _enough(plan, [c for c in plan.placed if not _within(places.get(c, ()), lo, hi)]):
                self._official_at(places, plan, name, k)
                continue
            hit = title_at(self.text, name, k, self.title_windows)
            if hit is not None:
                self.found.append(hit)
                inside.update(range(hit.first, hit.last + 1))
                if hit.first <= k <= hit.last:
                    continue
            # The best mention near k lies elsewhere: another may be around the title's other words.
            for c in plan.cids:
                for p in places.get(c, ()) if c >= 0 else ():
                    if k - reach <= p <= k + reach:
                        todo.append(p)

    def _dense_enough(self, plan: TitlePlan, places: dict[int, list[int]], name: NameSpec, k: int) -> bool:
        """Enough of a title's words lie close together around k: title_at reads a mention
        as a run of its words no longer than ``reach`` words, holding no more content words
        than verify.title_width allows (verify._best_title). Word salad that merely holds
        a title's words ("rail ... space ... treaty" over a dozen words) fails here, before
        the dearer reading. Two words of slack each way: a title word's position here is
        where its text word starts, the reading's may be a word off (run-together words)."""
        reach = plan.reach
        spots = sorted(
            (p, c)
            for c in set(plan.cids)
            if c >= 0
            for p in places.get(c, ())
            if k - reach <= p <= k + reach
        )
        glue = self._glue_counts()
        width = title_width(name) + 2
        span = title_reach(name) + 2
        for x, (first, _) in enumerate(spots):
            seen: set[int] = set()
            for p, c in spots[x:]:
                if p - first > span or p + 1 - first - (glue[p + 1] - glue[first]) > width:
                    break
                seen.add(c)
            if _enough(plan, [c for c in plan.placed if c not in seen]):
                return True
        return False

    def _glue_counts(self) -> list[int]:
        """Running count of function words (not content words) before each word index."""
        if self.glue is None:
            self.glue = list(accumulate(map(_GLUE_WORDS.__contains__, self.text.words), initial=0))
        return self.glue

    def _official_at(self, places: dict[int, list[int]], plan: TitlePlan, name: NameSpec, k: int) -> None:
        """A title's words too far apart for title_at's window may all be inside one official
        title opening with its head noun before k (verify.official_title)."""
        if plan.head < 0 or not _within(places.get(plan.head, ()), k - OFFICIAL_RUN, k):
            return
        lo, hi = k - OFFICIAL_RUN, k + OFFICIAL_RUN
        if any(not _within(places.get(c, ()), lo, hi) for c in plan.placed):
            return
        hit = official_title(self.text, name, k)
        if hit is not None:
            self.found.append(hit)
            self.title_inside.setdefault(name.id, set()).update(range(hit.first, hit.last + 1))

    def _title_anywhere(self, index: AnchorIndex, places: dict[int, list[int]], nid: int) -> bool:
        """_title_at's word count over the whole field (cached per title): False, no match."""
        anywhere = self.title_anywhere.get(nid)
        if anywhere is None:
            plan = index.plans[nid]
            anywhere = _enough(plan, [c for c in plan.placed if c not in places])
            self.title_anywhere[nid] = anywhere
        return anywhere

    def _titles(self, k: int, word: str, postings: tuple[Posting, ...]) -> None:
        passing = self.title_words.get(word)
        if passing is None:
            passing = tuple(p for p in postings if self._title_may_match(*p))
            self.title_words[word] = passing
        for nid, j, width in passing:
            if (nid, k, True) not in self.tried:
                self.tried.add((nid, k, True))
                name = self.names[nid]
                if not (self.near_misses or self._window_may_match(name, k, j, width)):
                    continue
                hit = title_at(self.text, name, k)
                if hit is not None:
                    self.found.append(hit)

    def _window_may_match(self, name: NameSpec, k: int, j: int, width: int) -> bool:
        """Cheap filter: enough of the title's words occur verbatim near word k."""
        if self.positions is None:
            self.positions = {}
            for i, w in enumerate(self.text.words):
                self.positions.setdefault(w, []).append(i)
        reach = title_reach(name)
        positions = self.positions

        def near(form: str) -> bool:
            spots = positions.get(form, ())
            at = bisect_left(spots, k - reach)
            return at < len(spots) and spots[at] <= k + reach

        # a country phrase may stand for a word without forms: assume it present
        hit = [not forms or any(near(f) for f in forms) for forms in name.forms]
        d = name.distinct
        for q in range(len(d) - 1):
            if not (hit[q] and hit[q + 1]) and near(d[q] + d[q + 1]):
                hit[q] = hit[q + 1] = True
        misspelt = width == 1 and self.text.words[k] not in name.forms[j]
        # one more word may be misspelt
        return sum(hit) + misspelt + 1 >= name.required

    def _title_may_match(self, nid: int, j: int, width: int) -> bool:
        name = self.names[nid]
        if name.watchlist not in self.watchlists:
            return False
        if self.near_misses:
            return True
        if self._present is None:
            self._present = set(self.text.words)
        misspelt = width == 1 and not any(f in self._present for f in name.forms[j])
        ok = self.title_ok.get((nid, misspelt))
        if ok is None:
            ok = title_may_match(name, self._present, misspelt)
            self.title_ok[nid, misspelt] = ok
        return ok

    def _seq(self, k: int, nid: int, j: int, width: int) -> None:
        name = self.names[nid]
        if name.watchlist not in self.watchlists:
            return
        text = self.text
        got = _seq_candidates(text, name, k, j, width, self.tried)
        if got is None and name.bare_surname:
            if self.near_misses:
                reason = f"bare Korean surname '{name.text}' never matches alone"
                self.found.append(Found(name, k, k, 0.0, "partial", reason))
            return
        if got is None:
            got = surname_only(text, name, k, j) or listed_number(text, name, k, j)
        if got is None and self.near_misses:
            got = _diagnose(text, name, k, j)
        if got is not None:
            self.found.append(got)


_GLUE_WORDS = STOPWORDS | RUSSIAN_GLUE  # not content words: what a title's span does not count
_HAN = re.compile("[\u4e00-\u9fff]")
_HANGUL_CHAR = re.compile("[\uac00-\ud7a3]")


def _after_offices(text: Text, surnames: set[str]) -> list[int]:
    """Indices of words in ``surnames`` right after a capitalised office (President Xi)."""
    if not surnames:
        return []
    words = text.words
    return [
        k
        for k in range(1, len(words))
        if words[k] in surnames and words[k - 1] in OFFICES and text.capitalized(k - 1)
    ]


_LINE_BREAK_HYPHENS = ("-\n", "-\r\n")
_BROKEN_GAPS = frozenset(("-\n", "-\r\n", "\n", "\r\n"))  # a word broken at a line's end


def split_pairs(text: Text, surnames: Collection[str]) -> list[int]:
    """Word indices k where words k and k+1 may be one name word written apart: two
    adjacent Chinese characters (han_pairs), or two short syllables joined by a hyphen
    (Xi Jin-ping for Xi Jinping), or by a space after a watched Chinese surname in the
    text (``surnames``: Wang Ya Jun), or a word broken at the end of a line (Sho-|igu);
    each such pair is also looked up as one word."""
    gaps, words = text.gaps, text.words
    hyphens = []
    last = len(words) - 1
    for at in gaps_equal(gaps, "-"):
        k = at - 1  # the gap before word at: words k and at
        if at > last or not words[k].isalpha():
            continue
        short = len(words[k]) <= 5 and len(words[at]) <= 5
        short = short or (pinyin_syllable(words[k]) and pinyin_syllable(words[at]))  # Zhuang-long
        # (a given name's syllables as Wade-Giles writes them: Yün-hsiang)
        short = short or (len(words[k]) <= 6 >= len(words[at]) and not text.capitalized(at))
        # (or two longer capitalised halves of a name hyphenated: Gharib-Abadi)
        halves = len(words[k]) <= 8 and len(words[at]) <= 8 and text.capitalized(k) and text.capitalized(at)
        if short or halves:
            hyphens.append(k)
    if "-\n" in text.cased or "-\r\n" in text.cased:  # a word broken at the end of a line (Sho-|igu)
        hyphens += [
            at - 1
            for at, gap in enumerate(gaps)
            if gap in _LINE_BREAK_HYPHENS
            and 0 < at <= last
            and words[at - 1].isalpha()
            and words[at].isalpha()
        ]
    if "\n" in text.cased:  # a capitalised word broken by a bare line break (Krav|chuk, in OCR)
        hyphens += [k for k in _broken_at_line_end(text) if words[k].isalpha() and words[k + 1].isalpha()]
    han = han_pairs(text)
    spaced = _spaced_syllables(text, surnames) if surnames else []
    return sorted(set(hyphens) | set(han) | set(spaced))


def _broken_at_line_end(text: Text) -> list[int]:
    """Indices k where a capitalised word k runs on after a bare line break into a word in
    lowercase (an OCR or PDF line broken inside a name: Krav / chuk)."""
    last = len(text.words) - 1
    return [
        at - 1
        for gap in ("\n", "\r\n")
        for at in gaps_equal(text.gaps, gap)
        if at <= last and text.capitalized(at - 1) and not text.capitalized(at)
    ]


def gaps_equal(gaps: list[str], gap: str) -> Iterator[int]:
    """Indices of the gaps equal to ``gap`` (past the field's start), found by list.index at C
    speed: most gaps are spaces."""
    at = 0
    while True:
        try:
            at = gaps.index(gap, at + 1)
        except ValueError:
            return
        yield at


def _spaced_syllables(text: Text, surnames: Collection[str]) -> list[int]:
    """Word indices k where words k and k+1 are two capitalised pinyin syllables after a
    watched Chinese surname (``surnames``: those in the text), apart by spaces: a given
    name written syllable by syllable, as KCNA writes it (Wang Ya Jun). Only after such a
    surname: Korean names read as pinyin too (Kim Yong Ho)."""
    words, gaps = text.words, text.gaps
    out = []
    for k in [k for k, w in enumerate(words[:-2]) if w in surnames]:
        if not (gaps[k + 1] == gaps[k + 2] == " " and text.capitalized(k) and text.capitalized(k + 1)):
            continue
        if text.capitalized(k + 2) and pinyin_syllable(words[k + 1]) and pinyin_syllable(words[k + 2]):
            out.append(k + 1)
    return out


def han_pairs(text: Text) -> list[int]:
    """Word indices k where words k and k+1 are adjacent Chinese characters.

    Chinese is folded one word per character (syllable), so a two-syllable given name is
    two words (赵乐际: Zhao Le Ji): each such pair is also looked up as one word (Leji), and
    the verifier reads it glued (verify._may_glue). Only text holding Chinese pays for this.
    """
    if text.offsets is None or _HAN.search(text.original) is None:
        return []
    starts = [text.orig(k, k)[0] for k in range(len(text.words))]
    han = [_HAN.match(text.original, start) is not None for start in starts]
    return [
        k
        for k in range(len(text.words) - 1)
        if han[k] and han[k + 1] and text.orig(k, k)[1] == starts[k + 1]
    ]


def _enough(plan: TitlePlan, absent: list[int]) -> bool:
    """Enough of a title's words are present (given the ids of those absent)."""
    present = len(plan.cids) - len(absent)
    if present < plan.required or (plan.head >= 0 and plan.head in absent):
        return False
    return present >= plan.share or not any(c in absent for c in plan.keep)


def _within(spots: Sequence[int], lo: int, hi: int) -> bool:
    """A sorted list of word indices holds one in [lo, hi]."""
    at = bisect_left(spots, lo)
    return at < len(spots) and spots[at] <= hi


def _near(spots: Sequence[int], k: int, reach: int) -> bool:
    """A sorted list of word indices holds one within ``reach`` of k."""
    return _within(spots, k - reach, k + reach)


# a capital letter with its dot after a dot (the .N. of U.N.), a capital after a hyphen: the
# regex engine skips to the literal at C speed (2 us a field, where a test of every word, or
# a regex opening with a class, cost 4 to 18 % of an item's matching time)
_DOTTED_PAIR_HINT = re.compile(r"\.[A-Z]\.")
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")


def _joined_pairs(text: Text) -> list[int]:
    """Where two words may be one name word written apart: two capital letters with their dots
    (U.N. for UN), two capitalised words of three letters or more joined by a hyphen
    (Nizhne-Leninskoye for Nizhneleninskoye), or a capitalised word and the Mongolian "Bator"
    (Ulan Bator for Ulaanbaatar). verify._may_glue reads them so."""
    cased, gaps = text.cased, text.gaps
    marks = "." if "." in cased and _DOTTED_PAIR_HINT.search(cased) is not None else ""
    if "-" in cased and _HYPHEN_CAPITAL.search(cased) is not None:
        marks += "-"
    out: list[int] = []
    for mark in marks:
        at = cased.find(mark)
        while at >= 0:
            if at and cased[at + 1 : at + 2].isupper():
                k = bisect_left(text.starts, at) - 1  # the word before the mark
                read = dotted_pair if mark == "." else _long_pair
                if k >= 0 and gaps[k + 1] == mark and read(text, k):
                    out.append(k)
            at = cased.find(mark, at + 1)
    if " bator" in text.lower:  # (a literal search: most fields have none)
        out += [k - 1 for k in range(1, len(text.words)) if mongolian_bator(text, k)]
    return out


def _long_pair(text: Text, k: int) -> bool:
    """Words k and k + 1 are capitalised and three letters or more each (Nizhne-Leninskoye)."""
    words = text.words
    return len(words[k]) >= 3 and len(words[k + 1]) >= 3 and text.capitalized(k)


def _seq_candidates(
    text: Text, name: NameSpec, k: int, j: int, width: int, tried: set[tuple[int, int, bool]]
) -> Found | None:
    """Best match of a name around word k, which spells its word j (width: name words it
    spells; 0: with the next text word, a Chinese syllable pair, unchecked here)."""
    best: Found | None = None
    if width == 1 and compare(text, k, text.words[k], name.words[j], name) is None:
        return None  # the index over-approximates typos: the anchor itself must hold
    plain_person = name.person and not name.korean and not name.chinese
    if width == 1 and j and plain_person and not _name_beside(text, k, name, j):
        return None  # a capitalised surname with no name word beside it: no reading opens here
    reversible = name.person and not name.korean and len(name.words) == 2 and not name.exact
    # (a Chinese name of two syllables reversed is another name: Peng Hao is no Hao Peng;
    # Jinping Xi is still Xi Jinping)
    reversible = reversible and not (name.chinese and pinyin_syllable(name.words[1]))
    # Russian names a facility before its name (космодром Восточный): Vostochny Cosmodrome
    reversible = reversible or (bool(name.facility) and len(name.words) == 2 and cyrillic_word(text, k))
    for start in range(max(0, k - j - 2), k + 1):
        for reverse in (False, True) if reversible else (False,):
            if (name.id, start, reverse) in tried:
                continue
            tried.add((name.id, start, reverse))
            if not opens_at(text, name, start, reverse):
                continue
            got = seq_at(text, name, start, reverse)
            if got is not None and not got.first <= k <= got.last:
                # a mention here that word k is no part of: its own anchor reads it (정주
                # [Chongju]: from the romanised word, the Hangul one is read and left)
                tried.discard((name.id, start, reverse))
            elif got is not None and (best is None or got.score > best.score):
                best = got
    if best is not None and name.bare_surname:
        return None
    return best


def _name_beside(text: Text, k: int, name: NameSpec, j: int) -> bool:
    """Word k spells word j > 0 of a person's name in capitals: a reading of the whole name
    around it has a capitalised word (a first name, an initial, a patronymic; the first name
    after the surname in reverse: LAVROV, Sergei) or the name's own particle (von der Leyen,
    bin Salman) next to it. A cheap necessary test before opening the name at each start,
    which a typo neighbourhood asks of many namesakes at once (Trogana for ten people)."""
    if not text.capitalized(k):
        return True  # (lowercase or hyphenated text: no such cue)
    before = text.words[k - 1] if k > 0 else ""
    if k > 0 and (text.capitalized(k - 1) or before == name.words[j - 1] or before in TURKIC_PATRONYMICS):
        return True  # (a Turkic patronymic's particle: Heydar oglu Aliyev)
    if k > 1 and text.gap(k - 1) in _BROKEN_GAPS and text.capitalized(k - 2):
        return True  # the first name broken at a line's end: Ar- | kady Sheremetev
    return k + 1 < len(text.words) and text.capitalized(k + 1)


def _diagnose(text: Text, name: NameSpec, k: int, j: int) -> Found | None:
    """Explain why a name aligned on word k failed (explain mode only)."""
    start = k - j
    n = len(name.words)
    if n < 2 or start < 0 or start + n > len(text.words):
        return None
    matched = 0
    problem = None
    for q in range(n):
        i = start + q
        if q and not text.joined(i):
            return None
        word, target = text.words[i], name.words[q]
        if compare(text, i, word, target, name) is not None:
            matched += 1
        elif problem is None:
            if not text.capitalized(i) or word in _TITLES:
                return None  # not a name at all: no point explaining
            problem = _why(word, target, name)
    if problem is None or matched * 2 < n or matched < min(2, n - 1):
        return None
    score = round(100.0 * matched / n, 1)
    return Found(name, start, start + n - 1, score, "partial", problem)


def _office_of(text: Text, i: int) -> bool:
    """Word i ends an office's name: it follows an office and "of" (Minister of Environment,
    Secretary of State), so it is no first name."""
    words = text.words
    return i >= 2 and words[i - 1] == "of" and words[i - 2] in _TITLES


def _why(word: str, target: str, name: NameSpec) -> str:
    if pinyin_name(name) and other_pinyin(word, target):
        return f"'{word}' is other pinyin syllables than '{target}' (another name, not a typo)"
    if len(target) <= 3 or len(word) <= 3:
        return f"short token '{word}' differs from '{target}' (short tokens must match exactly)"
    return f"'{word}' is too far from '{target}' (beyond the typo budget)"


def _resolve(text: Text, names: Sequence[NameSpec], found: list[Found]) -> list[Found]:
    # the same mention may be found from several of its words: once each
    unique: dict[tuple[int, int, int, float, str, str | None], Found] = {}
    for f in found:
        unique.setdefault((f.name.id, f.first, f.last, f.score, f.kind, f.reason), f)
    found = list(unique.values())
    checked = [_vetoed(text, names, f) for f in found]
    accepted = [f for f in checked if f.reason is None]
    rejected = [f for f in checked if f.reason is not None]
    # Longest, then best-scored, mention wins among overlapping ones of the same entry; but
    # a longer one straying past a better-scored one is another reading, not a fuller one.
    # A reading below the default threshold gives way to a better one inside it ("Wonsan
    # Kalma beach resort reopened to tourists" is a poor reading of the Coastal Tourist Area;
    # "Wonsan Kalma" inside it is the alias itself).
    accepted.sort(
        key=lambda f: (f.score < DEFAULT_MIN_SCORE, -(f.last - f.first), -f.score, f.first, f.name.id)
    )
    by_entry: dict[tuple[str, str], list[Found]] = {}
    for f in accepted:
        by_entry.setdefault((f.name.watchlist, f.name.entry.id), []).append(f)
    # each entry's mentions by first word, and its longest span: what may overlap a mention
    # is found by bisection (a long item repeating a name made this quadratic)
    starts = {key: sorted(fs, key=lambda g: g.first) for key, fs in by_entry.items()}
    firsts = {key: [g.first for g in fs] for key, fs in starts.items()}
    longest = {key: max(g.last - g.first for g in fs) for key, fs in by_entry.items()}
    kept: list[Found] = []
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}  # kept spans, sorted, disjoint
    for f in accepted:
        key = (f.name.watchlist, f.name.entry.id)
        spans = taken.setdefault(key, [])
        at = bisect_left(spans, (f.first, -1))
        if (at < len(spans) and spans[at][0] <= f.last) or (at and spans[at - 1][1] >= f.first):
            continue
        lo = bisect_left(firsts[key], f.first - longest[key])
        hi = bisect_right(firsts[key], f.last)
        if any(_strays_past(f, g) for g in starts[key][lo:hi]):
            continue
        insort(spans, (f.first, f.last))
        kept.append(f)
    return kept + rejected


def _strays_past(f: Found, g: Found) -> bool:
    """g scores better than f, overlaps it, and is not inside it."""
    inside = f.first <= g.first and g.last <= f.last
    return g.score > f.score and f.first <= g.last and g.first <= f.last and not inside


# What two people joined by a hyphen hold together (the Putin-Kadyrov talks): a pair, not a
# first name and a surname nor a double surname
_PAIR_NOUNS = frozenset(
    """talks meeting meetings summit summits call calls phone deal deals pact axis alliance
    relationship relations ties feud rivalry duel race ticket tandem partnership handshake
    agreement accord channel line format meet""".split()
)


def _paired(text: Text, prev: int, last: int) -> bool:
    """Word prev and the surname ending at ``last`` are two people joined by a dash: an en or
    em dash between them (Tokayev–Rahmon), or a hyphen and a noun for what they hold together
    after them (the Putin-Kadyrov talks). A double surname takes neither (Lvova-Belova)."""
    if text.gap(prev + 1) != "-":
        return False
    a, b = text.orig(prev, prev + 1)
    if "\u2013" in text.original[a:b] or "\u2014" in text.original[a:b]:
        return True
    return last + 1 < len(text.words) and text.joined(last + 1) and text.words[last + 1] in _PAIR_NOUNS


# Initials that may stand for the same Russian, Belarusian or Mongolian given name in
# another romanisation (Wladimir, Jewgeni, Hennadiy): compared by their class
_INITIAL_CLASS = {"w": "v", "e": "y", "i": "y", "j": "y", "h": "g", "k": "g"}


def _other_initial(text: Text, prev: int, name: NameSpec) -> bool:
    """A bare surname right after one capitalised initial with its dot that is not the
    initial of the entry's given name: another person (B. Uchral for Nyam-Osoryn Uchral,
    A. Putin for Vladimir Putin). Not after a patronymic's initial (V.V. Putin), nor for a
    Chinese name, whose given name follows."""
    word = text.words[prev]
    if len(word) != 1 and word not in INITIAL_DIGRAPHS:
        return False
    if not text.capitalized(prev) or text.gap(prev + 1) != ". " or name.chinese:
        return False
    if prev and len(text.words[prev - 1]) <= 2 and text.gap(prev).strip() == ".":
        return False  # (two initials: the second may be the patronymic's)
    given = split_words(name.entry.name)[0]
    if len(given) < 2 or all(is_pinyin(w) for w in given):
        return False
    if len(word) > 1 and initial_of(word, given[0]):
        return False  # Zh. for Jeenbek
    first = given[0][0]
    return _INITIAL_CLASS.get(word[0], word[0]) != _INITIAL_CLASS.get(first, first)


def _vetoed(text: Text, names: Sequence[NameSpec], f: Found) -> Found:
    if f.reason is not None:
        return f
    for phrase in f.name.entry.exclude:
        hit = _phrase_at(text, phrase, f.first, f.last)
        if hit:
            return _reject(f, f"inside exclusion '{phrase}'")
    name = f.name
    if name.person and f.first == f.last and not name.korean and f.first > 0:
        prev = f.first - 1
        word = text.words[prev]
        if (
            text.joined(f.first)
            and "." not in text.gap(f.first)
            and text.capitalized(prev)
            and len(word) > 1
            and word not in _TITLES
            and word not in STOPWORDS
            and not any(w.endswith(_PATRONYMIC) for w in (word, *case_forms(text, prev)))  # Viktorovicha
            and not text.cased_word(prev).isupper()  # FM, MP, KCNA; or an all-caps line
            and title_word(word) not in GENERIC_WORDS  # Chairman of the Government Mishustin
            and not _office_of(text, prev)  # Minister of Environment Hosokawa
            and not (word in _OPENERS and _opens_sentence(text, prev))  # Will Putin meet them?
            and not _is_own_word(text, prev, f, names)
            and not _shortened_own(word, f.name)  # Alex Bortnikov, Ukhnaa Khurelsukh
            and not _declined_after_noun(text, prev, f)  # Визит Володина
            and not _paired(text, prev, f.last)  # the Putin-Kadyrov talks, Tokayev–Rahmon
        ):
            return _reject(f, f"preceded by another first name '{text.cased_word(prev)}'")
        if _other_initial(text, prev, f.name):
            return _reject(f, f"preceded by another first name's initial '{text.cased_word(prev)}.'")
    if f.kind == "typo" and _acronym_in_lowercase(text, f):
        return _reject(f, f"'{text.cased_word(f.first)}' in lowercase letters is no misspelt acronym")
    longer = _surname_before(text, f)
    if longer:
        return _reject(f, f"preceded by another surname '{longer}' (a longer name)")
    country = other_country_before(text, name, f.first)
    if country:
        return _reject(f, f"{OTHER_COUNTRY} '{country}' (its own body or document)")
    issuer = another_issuer(text, name, f.first)
    if issuer:
        return _reject(f, f"{ISSUED_ELSEWHERE} '{issuer}' (its own document)")
    kind_of = generic_instance(text, name, f.first, f.last)
    if kind_of:
        return _reject(f, f"{KIND_OF} ('{kind_of}'), not the one watched")
    compass = other_compass_before(text, name, f.first, f.last)
    if compass:
        return _reject(f, f"'{compass}' is another place or body (another point of the compass)")
    parties = other_parties_after(text, name, f.first, f.last)
    if parties:
        return _reject(f, f"{OTHER_PARTIES} '{parties}' (another document or body)")
    replaced = party_replaced(text, name, f.first, f.last)
    if replaced:
        return _reject(f, f"{PARTY_REPLACED} '{replaced}', not the entry's party")
    body = another_body(text, name, f.first, f.last)
    if body:
        return _reject(f, f"qualified as another body '{body}'")
    lacking = missing_subject(text, name, f.first, f.last)
    if lacking:
        return _reject(f, f"lacks the subject '{lacking}' (another body of the kind)")
    titled = own_title_after(text, name, f.last)
    if titled:
        return _reject(f, f"followed by a title of its own '{titled}' (another document)")
    longer = _longer_korean_name(text, f)
    if longer:
        return _reject(f, f"followed by another given-name syllable '{longer}' (a longer name)")
    after = _surname_after(text, f)
    if after:
        return _reject(f, f"followed by another surname '{after}' (it is a first name here)")
    return f


def _acronym_in_lowercase(text: Text, f: Found) -> bool:
    """A one-word name the entry types in capitals (UNCLOS), read as a typo of a word not in
    capitals: an acronym misspelt stays in capitals ("UNCLSO"); "Uncles" is a word."""
    typed = f.name.cased[0]
    return f.name.alone and len(typed) > 1 and typed.isupper() and not text.cased_word(f.first).isupper()


def _surname_before(text: Text, f: Found) -> str:
    """A Chinese name, or a Korean one of two words, right after a capitalised word that reads
    as a Korean or Chinese surname: its words are another person's given name (Kim Dong-jun
    is not Dong Jun). The surname, or ""."""
    name, prev = f.name, f.first - 1
    two = len(name.words) == 2 if name.korean else len(name.words) > 1
    if not (name.person and (name.chinese or name.korean) and two and prev >= 0):
        return ""
    word = text.words[prev]
    if text.gap(f.first) != " " or not text.capitalized(prev) or word in _TITLES or word in STOPWORDS:
        return ""
    if word in ENGLISH_WORDS:
        return ""  # On, So, No: a sentence's first word
    if _HAN.match(text.original, text.orig(prev, prev)[0]) is not None:
        return ""  # in Chinese characters every syllable is a capitalised word (外长王毅)
    if text.cased_word(prev).isupper() and text.cased_word(f.first).isupper():
        return ""  # an all-caps line says nothing by its case
    # (a surname is one syllable, or two: Namgung, Ouyang; and no country: the ambassador to
    # Mongolia Choe Il)
    korean = is_korean(word) and len(korean_syllables(word) or ()) <= 2
    if not (korean or (is_pinyin(word) and len(word) <= 6)) or title_word(word) in COUNTRY_WORDS:
        return ""
    return text.cased_word(prev)


def _surname_after(text: Text, f: Found) -> str:
    """The name-like word after a surname standing alone, in running text: the surname is
    someone's first name there ("Novak Djokovic will play" is not Alexander Novak).

    Not in title-case text ("Shoigu Arrives in Pyongyang": most words capitalised), nor
    before titles, days, places, countries or body vocabulary ("Lavrov Tuesday", "Peskov
    Kremlin spokesman").
    """
    name, nxt = f.name, f.last + 1
    if not name.person or name.korean or f.first != f.last or nxt >= len(text.words):
        return ""
    if f.first and text.gap(f.first) == "-" and text.words[f.first - 1] in _PREFIXES:
        return ""  # (an attribute: pro-Kadyrov Telegram channels)
    word = text.words[nxt]
    if text.gap(nxt).strip() or not text.capitalized(nxt) or text.cased_word(nxt).isupper():
        return ""
    canon = title_word(word)
    if len(word) <= 2 or word in STOPWORDS or word in _TITLES or word in ENGLISH_WORDS:
        return ""
    if canon in GENERIC_WORDS or canon in SYNONYM_WORDS or _is_own_word(text, nxt, f, ()):
        return ""
    # running text: lowercase words that are not function words stand nearby
    around = range(max(0, f.first - 4), min(len(text.words), nxt + 5))
    lowercase = sum(1 for i in around if not text.capitalized(i) and text.words[i] not in STOPWORDS)
    return text.cased_word(nxt) if lowercase >= 2 else ""


_PREFIXES = frozenset(["pro", "anti", "ex", "non", "post", "pre", "neo"])  # pro-Kadyrov


def _opens_sentence(text: Text, i: int) -> bool:
    """Word i begins a sentence, a line or a question ("Q: Will ...")."""
    return i == 0 or text.sentence_break(i) or any(c in text.gap(i) for c in ":?!\n")


# Forms of address Korean writes glued to a name (comrade, Mr, Mrs/Madam, teacher)
_HANGUL_HONORIFICS = ("동지", "동무", "씨", "님", "여사", "선생")


def _longer_korean_name(text: Text, f: Found) -> str:
    """The syllable that continues a two-word Korean name into another one: "Kim Song Nam"
    is not Kim Song (three-word names are complete: no check). Hyphenated ones (Song-nam,
    a Song-led delegation) are the verifier's: verify.seq_at."""
    name, nxt = f.name, f.last + 1
    # a one-word Korean name (a place) read from two words: "Kang Sun Nam" or "Kang
    # Soon-nam" is a person, whose first two syllables happen to spell Kangson
    split = len(name.words) == 1 and f.last > f.first and is_korean(name.words[0])
    split = split and not _hangul(text, f.first)
    if not (split or (name.korean and name.person and len(name.words) == 2)) or nxt >= len(text.words):
        return ""
    word, gap = text.words[nxt], text.gap(nxt)
    hyphen = split and gap.strip() == "-"
    if not text.joined(nxt) or (gap.strip() and not hyphen) or not (text.capitalized(nxt) or hyphen):
        return ""
    if word in STOPWORDS or word in _TITLES or not is_korean(word):
        return ""
    # Hangul (one word per syllable): a syllable of the same word has nothing between
    # (김성남); one after a space is the next word (최휘 부위원장)
    start = text.orig(nxt, nxt)[0]
    spaced = text.offsets is not None and text.orig(f.last, f.last)[1] != start
    if spaced and "\uac00" <= text.original[start] <= "\ud7a3":
        return ""
    if text.original.startswith(_HANGUL_HONORIFICS, start):
        return ""  # 최일동지: Choe Il, comrade (KCNA's Korean writes the address glued on)
    if "\u4e00" <= text.original[start] <= "\u9fff":
        return ""  # Chinese characters: a Chinese name, whose next character starts a word as often
    syllables = korean_syllables(word)
    return text.cased_word(nxt) if syllables is not None and len(syllables) == 1 else ""


def _hangul(text: Text, i: int) -> bool:
    """Word i is written in Hangul (a syllable after a place's name there is its suffix: 라선시)."""
    return "\uac00" <= text.original[text.orig(i, i)[0]] <= "\ud7a3"


def _declined_after_noun(text: Text, prev: int, f: Found) -> bool:
    """A surname in a Russian case form after a word ending in a consonant: that word is no
    first name, which would take the same case (Вячеслава Володина), but a noun governing
    the surname (Визит Володина, Volodin's visit)."""
    declined = text.words[f.first] not in f.name.words and bool(case_forms(text, f.first))
    return declined and text.words[prev][-1] not in "aeiouy"


def _shortened_own(word: str, name: NameSpec) -> bool:
    """The word is a word of the entry's full name but its last cut short (verify.shortened)."""
    return any(shortened(word, w) for w in split_words(name.entry.name)[0][:-1])


def _is_own_word(text: Text, i: int, f: Found, names: Sequence[NameSpec]) -> bool:
    own = split_words(f.name.entry.name)[0]
    return any(compare(text, i, text.words[i], w, f.name) is not None for w in own)


def _phrase_at(text: Text, phrase: str, first: int, last: int) -> bool:
    words = split_words(phrase)[0]
    n = len(words)
    if not n:
        return False
    for s in range(max(0, first - n + 1), min(last, len(text.words) - n) + 1):
        if list(text.words[s : s + n]) == words and s <= last and first <= s + n - 1:
            return True
    return False


def _reject(f: Found, reason: str) -> Found:
    return Found(f.name, f.first, f.last, f.score, f.kind, reason)
