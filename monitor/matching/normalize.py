"""Fold text to lowercase ASCII words, keeping a map back to the original offsets.

Every layer above works on the folded words; offsets are translated back only
for the few spans that become mentions, so a highlighter can slice the field.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from anyascii import anyascii

# A word may hold an apostrophe between letters: McCune-Reischauer aspiration and syllable
# marks (Ch'oe, Namp'o, Han'guk) and the soft sign of transliterated Cyrillic (Ol'ga); the
# apostrophe is dropped from the word. A possessive 's stays apart (Kim's).
WORD_RE = re.compile(r"[a-z0-9]+(?:'(?!s(?![a-z0-9]))[a-z0-9]+)*")


# Invisible characters that may sit inside a word (soft hyphen, zero-width space, BOM...).
_IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_APOSTROPHES = frozenset("\u2018\u2019\u201b\u02bc\u02b9\u02bb\u00b4\u2032\uff07")
_SIGNS = frozenset("ьъЬЪ")  # Cyrillic soft and hard signs
_HANGUL = range(0xAC00, 0xD7A4)
BREVES = frozenset("ŏŭŎŬ")  # McCune-Reischauer's: a word written with them is spelt with care


def is_hangul(ch: str) -> bool:
    """A Hangul syllable."""
    return ord(ch) in _HANGUL
# Mount, Saint, Fort, Mr., Sept.: the dot is no full stop
# Offices and ranks abbreviated before a name (Deputy FM Bogdanov, Amb. Kim, Def. Min. Kurbanov)
ABBREVIATED_OFFICES = frozenset("fm pm amb gov sen gen adm col min".split())
_ABBREVIATED = frozenset(
    "mt st ft mr mrs ms jan feb mar apr jun jul aug sep sept oct nov dec lt".split()
) | (ABBREVIATED_OFFICES - {"fm", "pm"})  # (and those a dot follows: FM and PM take none)
# ... nor after a capitalised initial of two Latin letters for one Cyrillic one (Yu. Borisov)
INITIAL_DIGRAPHS = frozenset("yu ya ye yo zh kh ch sh ts".split())
NUMBER_SIGNS = frozenset(["no", "nos", "nr", "number"])  # Resolution No. 2375
_DOTTED = re.compile(r"(?<![A-Za-z0-9.])(?:[A-Z]\.){3,}")  # G.R.U., D.P.R.K.
_DOTTED_HINT = re.compile(r"\.[A-Z]\.[A-Z]\.")  # (the .R.U. of G.R.U.)
_HAN = range(0x4E00, 0xA000)  # CJK unified ideographs: one pinyin syllable each
_HIRAGANA = range(0x3041, 0x30A0)


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """ASCII spelling of one character, case kept ("" for invisible ones)."""
    if ch.isascii():
        return ch
    if ch in _IGNORABLE or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return ""
    if ch in _DASHES:
        return "-"
    if ch in "\u018f\u0259":
        return "A" if ch == "\u018f" else "a"  # Azerbaijani schwa: Əliyev is Aliyev (not "E")
    if ch in "\u04e8\u04e9":
        return "U" if ch == "\u04e8" else "u"  # Mongolian ө, which English spells u: Мөнхбат, Munkhbat
    if ch in _APOSTROPHES:
        return "'"
    if ch in "«»":
        return " "  # Russian quotes a body's proper name: ИЭМЗ «Купол», ПВК «Вагнер» (a space joins)
    if ch.isspace():
        return " "
    if ord(ch) in _HANGUL or ord(ch) in _HAN or ord(ch) in _HIRAGANA:
        # One token per syllable: Korean and Chinese names are written without spaces
        # (a given name of two syllables is two words, joined as one name word: Le Ji = Leji).
        # Japanese writes its particles and endings in hiragana against the kanji of names
        # (防衛相の竹村浩之): one word each, so a name's kanji start a word of their own.
        return anyascii(ch) + " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base.isascii() else anyascii(base)


class _Table(dict[int, str]):
    """str.translate table filled on demand from fold_char."""

    def __missing__(self, key: int) -> str:
        value = fold_char(chr(key))
        self[key] = value
        return value


_TABLE = _Table()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Folded ASCII text (case kept) and, if lengths changed, folded index -> original index."""
    if text.isascii():
        return text, None
    if all(len(fold_char(c)) == 1 for c in set(text) if not c.isascii()):
        return text.translate(_TABLE), None
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        piece = ch if ch.isascii() else fold_char(ch)
        parts.append(piece)
        offsets.extend([i] * len(piece))
    offsets.append(len(text))
    return "".join(parts), offsets


# OCR reads a letter o as the digit 0 and an l as 1 (Golovchenk0, Choe I1, Rostov-0n-Don):
# a word of letters with such digits in it is read with the letters. Not a number with its
# ordinal or unit (1st, 10th, 10km), nor a word with other digits (G20, B52)
_OCR_HINT = re.compile(r"[A-Za-z][01]|[01][A-Za-z]")
_OCR_LETTERS = frozenset("01abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NUMBER_SUFFIXES = frozenset(
    "st nd rd th s km kg mm cm m g t am pm bn mn mw gw kw kwh hz ms gb mb tb x k".split()
)


def _ocr_hint(cased: str) -> bool:
    """A 0 or 1 beside an ASCII letter: looked for digit by digit with str.find, which runs at
    C speed where a regex over the text costs a tenth of an item's matching time."""
    for digit in "01":
        at = cased.find(digit)
        while at >= 0:
            before, after = cased[at - 1 : at], cased[at + 1 : at + 2]
            if (at and before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                return True
            at = cased.find(digit, at + 1)
    return False


def _ocr_read(cased: str) -> str:
    """The text with OCR's digits read as letters in the words that hold them (only the words
    around a letter beside a 0 or 1 are read: a regex over every word cost a fifth of the
    matching time). Each digit becomes one letter, so offsets hold."""
    parts: list[str] = []
    done = 0  # cased[:done] is in parts
    for hint in _OCR_HINT.finditer(cased):
        a = hint.start()
        if a < done:
            continue  # (a second hint in a word already read)
        while a > 0 and cased[a - 1].isascii() and cased[a - 1].isalnum():
            a -= 1
        b = hint.end()
        while b < len(cased) and cased[b].isascii() and cased[b].isalnum():
            b += 1
        word = cased[a:b]
        if _OCR_LETTERS.issuperset(word):
            parts += [cased[done:a], _ocr_letters(word)]
            done = b
    return "".join([*parts, cased[done:]]) if parts else cased


def _ocr_letters(word: str) -> str:
    letters = word.lstrip("01")
    if len(letters) < len(word) and letters.lower() in _NUMBER_SUFFIXES:
        return word  # 1st, 10th, 10km
    alpha = [c for c in word if c.isalpha()]
    if len(alpha) < 2 and not (word[0] in "01" and len(word) == 2) and alpha != ["I"]:
        return word  # (one letter and a digit: the A1 road; but 0n is "on", I1 "Il")
    caps = sum(c.isupper() for c in word) >= 2 and not any(c.islower() for c in word)
    out = []
    for i, c in enumerate(word):
        if c == "0":
            out.append("O" if caps or (i == 0 and word[1:2].islower()) else "o")
        elif c == "1":
            out.append("I" if caps or (i == 0 and word[1:2].islower()) else "l")
        else:
            out.append(c)
    return "".join(out)


def is_foreign_script(text: str) -> bool:
    """True if the text holds letters of a non-Latin script (Cyrillic, Hangul...)."""
    return any(ord(c) > 0x24F and c.isalpha() for c in text)


# The word pattern as the one capturing group of a split: [gap, word, gap, word, ..., gap].
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
# Without an apostrophe inside a word (most text: none, or only possessives and quotes) the
# same split with a plain pattern, a fifth faster.
_PLAIN_SPLIT_RE = re.compile(r"([a-z0-9]+)")
_INNER_APOSTROPHE = re.compile(r"[a-z0-9]'(?!s(?![a-z0-9]))[a-z0-9]")


_HUMP = re.compile(r"[A-Z][a-z]+")  # one word of a CamelCase hashtag
_ELISION = re.compile(r"(?:qu|[dljnsmtc])'[A-Z]")  # French: d'Oussouriïsk, l'Iran, qu'Ankara


_WINDOWS_READ = 3  # sentence windows read word by word before finding every sentence start


class Text:
    """One field, folded and split into words, in one pass of the regex engine.

    ``starts``/``ends`` are the words' offsets in the folded text, ``gaps[i]`` the folded
    text between word i-1 and word i (``gaps[len(words)]``: after the last word).
    """

    __slots__ = (
        "_breaks",
        "_breves",
        "_umlauts",
        "_windows",
        "cased",
        "ends",
        "gaps",
        "lower",
        "offsets",
        "original",
        "starts",
        "words",
    )

    def __init__(self, original: str, cased: str, offsets: list[int] | None) -> None:
        self.original = original
        self.cased = cased
        self.lower = lower = cased.lower()
        self.offsets = offsets
        self._breaks: list[int] | None = None  # sentence_window's sentence starts, once needed
        self._windows = 0  # sentence windows read word by word so far
        self._breves: bool | None = None  # McCune-Reischauer breves anywhere, once asked
        self._umlauts: bool | None = None  # an o or u umlaut anywhere, once asked
        inner = "'" in lower and _INNER_APOSTROPHE.search(lower) is not None
        parts = (_SPLIT_RE if inner else _PLAIN_SPLIT_RE).split(lower)
        raw = parts[1::2]
        if inner:  # apostrophes inside a word are dropped (Ch'oe, Ol'ga)
            raw = "\x00".join(raw).replace("'", "").split("\x00") if raw else raw
        self.words: list[str] = raw
        self.gaps: list[str] = parts[0::2]
        bounds = list(accumulate(map(len, parts)))
        self.starts: list[int] = bounds[0:-1:2]
        self.ends: list[int] = bounds[1::2]
        if "#" in cased:
            self._split_hashtags()
        if inner:
            self._drop_elisions()
        if "." in cased and _DOTTED_HINT.search(cased) is not None:  # (a literal first: 2 us a field, not 70)
            self._join_dotted()

    def _join_dotted(self) -> None:
        """Three capital letters or more, each with its dot, are one word: an acronym
        (G.R.U., D.P.R.K.). Two are initials (V.V. Putin) or read as a country (U.S.)."""
        for hit in reversed(list(_DOTTED.finditer(self.cased))):
            at = bisect_left(self.starts, hit.start())
            end = at + (hit.end() - hit.start()) // 2
            if end > len(self.words) or self.starts[at] != hit.start():
                continue
            self.words[at:end] = ["".join(self.words[at:end])]
            self.ends[at:end] = [self.ends[end - 1]]
            del self.starts[at + 1 : end]
            del self.gaps[at + 1 : end]

    def _drop_elisions(self) -> None:
        """French elision before a capitalised word belongs to the gap, not the word: the
        d' of d'Oussouriïsk, the l' of l'Iran (MR apostrophes follow a consonant of the word
        and come before a lowercase letter: Ch'oe, Namp'o)."""
        for at, word in enumerate(self.words):
            if len(word) < 3 or word[:1] not in "dljnsmtcq":
                continue
            start = self.starts[at]
            hit = _ELISION.match(self.cased, start, self.ends[at])
            if hit is not None:
                cut = hit.end() - 1  # the capital letter after the apostrophe
                self.gaps[at] += self.cased[start:cut]
                self.starts[at] = cut
                self.words[at] = self.cased[cut : self.ends[at]].lower().replace("'", "")

    def _split_hashtags(self) -> None:
        """A hashtag written in CamelCase is its words, run together (#KimJongUn: Kim Jong Un,
        joined by nothing, as Jong-Un is by a hyphen)."""
        at = len(self.words) - 1
        while at >= 0:
            if self.gaps[at].endswith("#"):
                start = self.starts[at]
                humps = _HUMP.findall(self.cased, start, self.ends[at])
                if len(humps) >= 2 and sum(map(len, humps)) == self.ends[at] - start:
                    cuts = list(accumulate([start, *map(len, humps)]))
                    self.words[at : at + 1] = [h.lower() for h in humps]
                    self.starts[at : at + 1] = cuts[:-1]
                    self.ends[at : at + 1] = cuts[1:]
                    self.gaps[at + 1 : at + 1] = [""] * (len(humps) - 1)
            at -= 1

    @classmethod
    def of(cls, original: str) -> Text:
        cased, offsets = fold(original)
        if _ocr_hint(cased):
            cased = _ocr_read(cased)
        return cls(original, cased, offsets)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def orig(self, first: int, last: int) -> tuple[int, int]:
        """Original [start, end) of words first..last inclusive."""
        start, end = self.starts[first], self.ends[last]
        if self.offsets is not None:
            # up to the next character that folds to something (an accent folds to nothing);
            # a Hangul syllable folds to letters and a space
            start, end = self.offsets[start], max(self.offsets[end - 1] + 1, self.offsets[end])
        if self.original[end : end + 1] in _SIGNS:
            end += 1  # a soft sign folds to an apostrophe but ends the word (Игорь)
        return start, end

    def span_words(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last word that cover original[start:end] exactly, if words do."""
        pos = start if self.offsets is None else bisect_left(self.offsets, start)
        first = bisect_left(self.starts, pos)
        if first >= len(self.starts) or self.starts[first] != pos:
            return None  # (the span starts inside a word: 竹 glued to a kana before it)
        last = first
        while last + 1 < len(self.starts) and self.orig(last + 1, last + 1)[0] < end:
            last += 1
        return (first, last) if self.orig(first, last) == (start, end) else None

    def cased_word(self, i: int) -> str:
        word = self.cased[self.starts[i] : self.ends[i]].replace("'", "")
        return word.replace(".", "") if "." in word else word  # (G.R.U.)

    def has_umlauts(self) -> bool:
        """The field writes an ö or ü somewhere (Mongolian Latin: Gantömör)."""
        if self._umlauts is None:
            self._umlauts = any(c in self.original for c in "öüÖÜ")
        return self._umlauts

    def has_breves(self) -> bool:
        """The field writes a McCune-Reischauer breve somewhere (ŏ, ŭ)."""
        if self._breves is None:
            self._breves = any(c in self.original for c in BREVES)
        return self._breves

    def capitalized(self, i: int) -> bool:
        return self.cased[self.starts[i]].isupper()

    def gap(self, i: int) -> str:
        """Folded text between word i-1 and word i."""
        return self.gaps[i]

    def joined(self, i: int) -> bool:
        """Word i continues word i-1's name: only spaces, hyphens, dots, apostrophes between (or
        an underscore, as a handle joins words: @Xing_Haiming)."""
        g = self.gap(i)
        if g == ".":
            return True  # a dot inside a name, no space after it: VEB.RF, Mail.ru
        if "." in g and len(self.words[i - 1]) > 1 and not self._abbreviated(i - 1):
            return False  # a full stop, not an initial nor Mt. (Mount), St. (Saint)
        return len(g) <= 4 and all(c in " -.'\n\t\r_" for c in g) and "\n\n" not in g

    def _abbreviated(self, i: int) -> bool:
        """Word i is an abbreviation its dot follows: Mt., St., Yu. (an initial), No. 2375."""
        word = self.words[i]
        if word in _ABBREVIATED or (word in INITIAL_DIGRAPHS and self.capitalized(i)):
            return True
        return word in NUMBER_SIGNS and i + 1 < len(self.words) and self.words[i + 1].isdigit()

    def followed_by_dot(self, i: int) -> bool:
        return self.gaps[i + 1][:1] == "."

    def sentence_break(self, i: int) -> bool:
        """A sentence or paragraph ends between word i-1 and word i."""
        g = self.gap(i)
        if g.count("\n") >= 2:
            return True
        if not any(c in ".!?;:" for c in g):
            return False
        # "V. Putin", "U.S. envoy": a dot after a lone letter is an initial.
        return len(self.words[i - 1]) > 1 and not self._abbreviated(i - 1)

    def _sentence_window_read(self, k: int, reach: int) -> tuple[int, int]:
        lo = k
        while lo > 0 and k - lo < reach and not self.sentence_break(lo):
            lo -= 1
        hi, last = k, len(self.words) - 1
        while hi < last and hi - k < reach and not self.sentence_break(hi + 1):
            hi += 1
        return lo, hi

    def _sentence_starts(self) -> list[int]:
        """Indices of the words opening a sentence (after the first), once per field: only a
        gap holding a mark can end one, and str.find goes from mark to mark at C speed."""
        text, starts, last = self.lower, self.starts, len(self.words) - 1
        after: set[int] = set()
        for mark in ".!?;:\n":
            at = text.find(mark)
            while at >= 0:
                after.add(bisect_right(starts, at))  # the word after the gap holding it
                at = text.find(mark, at + 1)
        return sorted(i for i in after if 0 < i <= last and self.sentence_break(i))

    def sentence_window(self, k: int, reach: int) -> tuple[int, int]:
        """First and last word within ``reach`` of word k and in k's sentence."""
        breaks = self._breaks
        if breaks is None:
            # word by word for the first few windows (most fields ask for few); then every
            # sentence start at once, which costs about as much as four windows read so
            self._windows += 1
            if self._windows <= _WINDOWS_READ:
                return self._sentence_window_read(k, reach)
            breaks = self._breaks = self._sentence_starts()
        at = bisect_right(breaks, k)  # breaks[at - 1] <= k < breaks[at]
        lo = max(k - reach, 0, breaks[at - 1] if at else 0)
        hi = min(k + reach, len(self.words) - 1, breaks[at] - 1 if at < len(breaks) else k + reach)
        return lo, hi
