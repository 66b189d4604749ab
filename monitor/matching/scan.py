"""Find every mention of every name in one field (before rules apply)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from monitor.matching.index import WordIndex
from monitor.matching.names import STOPWORDS, NameSpec, split_words
from monitor.matching.normalize import Text
from monitor.matching.verify import Found, compare, seq_at, surname_only, title_at

# Capitalised words that may stand before a surname without being another first name.
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
)


def scan(
    text: Text,
    index: WordIndex,
    names: Sequence[NameSpec],
    watchlists: Collection[str],
    *,
    near_misses: bool = False,
) -> list[Found]:
    """Verified mentions in the text, best per overlapping span of the same entry."""
    tried: set[tuple[int, int, bool]] = set()
    found: list[Found] = []
    words = text.words
    for k, word in enumerate(words):
        postings = index.lookup(word)
        if not postings:
            continue
        for nid, j, width in postings:
            name = names[nid]
            if name.watchlist not in watchlists:
                continue
            if name.mode == "title":
                if (nid, k, True) not in tried:
                    tried.add((nid, k, True))
                    hit = title_at(text, name, k)
                    if hit is not None:
                        found.append(hit)
                continue
            got = _seq_candidates(text, name, k, j, width, tried)
            if got is None and name.bare_surname:
                if near_misses:
                    found.append(
                        Found(
                            name,
                            k,
                            k,
                            0.0,
                            "partial",
                            f"bare Korean surname '{name.text}' never matches alone",
                        )
                    )
                continue
            if got is None:
                got = surname_only(text, name, k, j)
            if got is None and near_misses:
                got = _diagnose(text, name, k, j)
            if got is not None:
                found.append(got)
    return _resolve(text, names, found)


def _seq_candidates(
    text: Text, name: NameSpec, k: int, j: int, width: int, tried: set[tuple[int, int, bool]]
) -> Found | None:
    best: Found | None = None
    reversible = name.person and not name.korean and len(name.words) == 2 and not name.exact
    for start in range(max(0, k - j - 2), k + 1):
        for reverse in (False, True) if reversible else (False,):
            if (name.id, start, reverse) in tried:
                continue
            tried.add((name.id, start, reverse))
            got = seq_at(text, name, start, reverse)
            if (
                got is not None
                and got.first <= k <= got.last
                and (best is None or got.score > best.score)
            ):
                best = got
    if best is not None and name.bare_surname:
        return None
    return best


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
            problem = _why(word, target)
    if problem is None or matched * 2 < n:
        return None
    score = round(100.0 * matched / n, 1)
    return Found(name, start, start + n - 1, score, "partial", problem)


def _why(word: str, target: str) -> str:
    if len(target) <= 3 or len(word) <= 3:
        return f"short token '{word}' differs from '{target}' (short tokens must match exactly)"
    return f"'{word}' is too far from '{target}' (beyond the typo budget)"


def _resolve(text: Text, names: Sequence[NameSpec], found: list[Found]) -> list[Found]:
    checked = [_vetoed(text, names, f) for f in found]
    accepted = [f for f in checked if f.reason is None]
    rejected = [f for f in checked if f.reason is not None]
    # Longest, then best-scored, mention wins among overlapping ones of the same entry.
    accepted.sort(key=lambda f: (-(f.last - f.first), -f.score, f.first, f.name.id))
    kept: list[Found] = []
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for f in accepted:
        key = (f.name.watchlist, f.name.entry.id)
        spans = taken.setdefault(key, [])
        if any(f.first <= b and a <= f.last for a, b in spans):
            continue
        spans.append((f.first, f.last))
        kept.append(f)
    return kept + rejected


def _vetoed(text: Text, names: Sequence[NameSpec], f: Found) -> Found:
    if f.reason is not None:
        return f
    for phrase in f.name.entry.exclude:
        hit = _phrase_at(text, phrase, f.first, f.last)
        if hit:
            return _reject(f, f"inside exclusion '{phrase}'")
    name = f.name
    if name.person and name.alone and not name.korean and f.first > 0:
        prev = f.first - 1
        word = text.words[prev]
        if (
            text.joined(f.first)
            and "." not in text.gap(f.first)
            and text.capitalized(prev)
            and len(word) > 1
            and word not in _TITLES
            and word not in STOPWORDS
            and not (text.cased_word(prev).isupper() and text.cased_word(f.first).isupper())
            and not _is_own_word(text, prev, f, names)
        ):
            return _reject(f, f"preceded by another first name '{text.cased_word(prev)}'")
    return f


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
