"""Spelling equivalence keys and typo budgets for single (folded, lowercase) words.

Two words are transliteration variants when their keys are equal. The Korean key
works per romanised syllable (it bridges Revised Romanization, McCune–Reischauer
and the usual South/North Korean spellings); the Russian key rewrites letters
(English, German and French transliterations of Cyrillic). See docs/matching.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import OSA


def _spellings(*groups: tuple[str, str], optional: bool = True) -> dict[str, str]:
    """{spelling: canonical} from (canonical, space-separated spellings) groups."""
    table = {"": ""} if optional else {}
    for canon, spelt in groups:
        table.update(dict.fromkeys(spelt.split(), canon))
    return table


# A Korean syllable is read as initial consonant + vowel + final consonant, each part
# through its own spelling table, so RR, McCune-Reischauer and the usual North and South
# Korean spellings of one syllable get one key.
_K_INITIALS = _spellings(
    ("k", "kk gg kh k g"),  # Gim / Kim, Gwon / Kwon
    ("t", "tt th t d"),  # Thae / Tae, Deok / Tok
    ("p", "pp ph p b"),  # Bak / Pak, Nampho / Nampo
    ("j", "tch jj ch j c"),  # Cho / Jo, Chong / Jong
    ("s", "ss sh s"),  # Shin / Sin
    ("l", "rh r l"),  # then the initial-sound rule, see _syllable_key
    ("n", "n"),
    ("m", "m"),
    ("h", "h"),
)
_K_VOWELS = _spellings(
    ("a", "a"),
    ("ae", "ae ai"),
    ("ya", "ya"),
    ("yae", "yae"),
    # RR eo = MR o-breve = o; RR eu = MR u-breve; South Korean u for o (Jung/Jong, Sun/Son)
    ("o", "eo o u eu oo ou woo"),
    ("yo", "yeo yo yu yoo you"),  # Hyeon / Hyon / Hyun, Young / Yong, Yoo / Yu
    ("e", "e ei"),
    ("ye", "ye"),
    ("wa", "wa"),
    ("wae", "wae"),
    ("oe", "oe oi we"),  # Choe / Choi / Chwe
    ("wo", "wo weo"),
    ("wi", "wi"),
    ("i", "i ee yi ui eui"),  # Hui / Hee / Heui, Yi / I
    optional=False,
)
_K_FINALS = _spellings(
    ("N", "ng"),
    ("k", "k g ck rk lk"),  # RR final g (Deog), Duck, Park
    ("t", "t d"),
    ("n", "n"),
    ("m", "m"),
    ("l", "l r"),
    ("p", "p b"),
)
_MAX_SYLLABLES = 4
_SILENT_H = re.compile(r"(?<=[aeiouy])h(?=[^aeiouwy]|$)")  # Noh, Oh, Nahm, Sohn, Ahn
_UH = re.compile(r"(?<=[^aeiouy])uh(?=[^aeiouwy]|$)")  # Suh = Seo: u before a silent h is ŏ
_WH = re.compile(r"wh(?=[aeo])")  # older Western spelling of hw: Doo-whan = Du-hwan
# older Western final c after a: Sung-lac = Seong-rak (only there: "economic" is no Korean word)
_FINAL_AC = re.compile(r"(?<=a)c$")


def _either(table: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted((s for s in table if s), key=len, reverse=True)) + ")"


# Some reading as syllables exists: checked by the regex engine before the parse below
# looks for the best one (most words of a text have none).
_READABLE = re.compile(
    f"(?:{_either(_K_INITIALS)}?{_either(_K_VOWELS)}{_either(_K_FINALS)}?){{1,{_MAX_SYLLABLES}}}"
)


def _syllable_table() -> dict[str, tuple[str, str, str]]:
    """Every spelling of one syllable -> how it reads: of several readings, the one that sorts
    last by (initial, vowel, final), so that a parse is the same whichever way it is done."""
    table: dict[str, tuple[str, str, str]] = {}
    for ini in _K_INITIALS:
        for vow in _K_VOWELS:
            for fin in _K_FINALS:
                spelt = ini + vow + fin
                table[spelt] = max(table.get(spelt, (ini, vow, fin)), (ini, vow, fin))
    return table


_SYLLABLES = _syllable_table()
_SYLLABLE_LONGEST = max(map(len, _SYLLABLES))


# Per-word caches (here and in names, index, verify): 32,768 words each; 65,536 was no
# faster on long runs at 20,000 entries, and took twice the memory in a daemon.
@lru_cache(maxsize=32768)
def korean_syllables(word: str) -> tuple[tuple[str, str, str], ...] | None:
    """The word read as romanised Korean syllables (initial, vowel, final), or None.

    Fewest syllables first, then the longest first syllable (Jongun = Jong-un);
    at most four syllables (Sinuiju, Panmunjom).
    """
    if "h" in word:  # (most words have none: three regex passes saved)
        word = _WH.sub("hw", _SILENT_H.sub("", _UH.sub("eo", word)))
    if word.endswith("ac"):
        word = _FINAL_AC.sub("k", word)
    if _READABLE.fullmatch(word) is None or not (word.isalpha() and word.isascii()):
        return None
    # best[at]: the best reading of word[at:], filled from the end; of readings with as few
    # syllables, the one whose first syllable is longest
    size = len(word)
    best: list[tuple[tuple[str, str, str], ...] | None] = [None] * size + [()]
    table = _SYLLABLES
    for at in range(size - 1, -1, -1):
        found: tuple[tuple[str, str, str], ...] | None = None
        for end in range(min(size, at + _SYLLABLE_LONGEST), at, -1):
            rest = best[end]
            if rest is None or (found is not None and len(rest) + 1 > len(found)):
                continue
            if found is not None and len(rest) + 1 == len(found) and not _splits_aspirate(found, word, at):
                continue
            syllable = table.get(word[at:end])
            if syllable is not None:
                found = (syllable, *rest)
        best[at] = found
    got = best[0]
    return got if got is not None and len(got) <= _MAX_SYLLABLES else None


def _splits_aspirate(reading: tuple[tuple[str, str, str], ...], word: str, at: int) -> bool:
    """The reading of word[at:] ends its first syllable in t before an h: DPRK spelling writes
    the aspirate th as one initial, so Pothonggang is po-thong-gang, not pot-hong-gang."""
    first = reading[0]
    end = at + len(first[0]) + len(first[1]) + len(first[2])
    return first[2] == "t" and word[end : end + 1] == "h"


@lru_cache(maxsize=32768)
def is_korean(word: str) -> bool:
    """The word reads as one or two romanised Korean syllables."""
    syllables = korean_syllables(word)
    return syllables is not None and len(syllables) <= 2


# Hanyu Pinyin syllables, toneless, by initial and final (a superset: some pairs are unused)
_PINYIN_PLAIN = "a o e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang i".split()
_PINYIN_I = "i ia ie iao iu ian in iang ing iong".split()
_PINYIN = frozenset(
    [i + f for i in "b p m f d t n l g k h zh ch sh r z c s".split() for f in _PINYIN_PLAIN]
    + [i + f for i in "b p m d t n l j q x".split() for f in _PINYIN_I]
    + [i + f for i in "j q x".split() for f in "u ue uan un".split()]
    + "a o e ai ei ao ou an en ang eng er".split()
    + ["y" + f for f in "a e ao ou an in ang ing ong u ue uan un i".split()]
    + ["w" + f for f in "a o ai ei an en ang eng u".split()]
)


# Wade-Giles, the older romanisation of Chinese (Taiwanese and older Western copy), for a
# pinyin syllable: its initial, then its final as Wade-Giles writes it after that initial. The
# aspirated initials (ch', k', p', t', ts') lose their apostrophe in folding, so q and j are
# both ch, k and g both k: Qian = Ch'ien = Chien, Xiaoming = Hsiao-ming, Leji = Le-chi.
_WG_INITIALS = {
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "zh": "ch", "ch": "ch", "j": "ch",
    "q": "ch", "x": "hs", "z": "ts", "c": "ts", "r": "j",
}  # fmt: skip
_WG_FINALS = {"ian": "ien", "ie": "ieh", "ong": "ung", "iong": "iung", "ue": "ueh", "er": "erh"}
_WG_WHOLE = {
    "yan": "yen", "you": "yu", "ye": "yeh", "yue": "yueh", "yong": "yung",
    "zi": "tzu", "ci": "tzu", "si": "ssu",
}  # fmt: skip


def _wade_giles_syllable(syllable: str) -> str:
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    if syllable[:2] in ("zh", "ch", "sh"):
        initial = syllable[:2]
    else:
        initial = syllable[:1] if syllable[0] not in "aoe" else ""
    final = syllable[len(initial) :]
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        final = "ih"  # zhi, shi, ri: chih, shih, jih
    elif final == "e" and initial in ("g", "k", "h"):
        final = "o"  # ge, he: ko, ho
    elif final == "uo" and initial not in ("g", "k", "h", "sh", ""):
        final = "o"  # duo, luo, zhuo: to, lo, cho (guo, shuo: kuo, shuo)
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"  # gui: kuei
    else:
        final = _WG_FINALS.get(final, final)
    return _WG_INITIALS.get(initial, initial) + final


@lru_cache(maxsize=8192)
def wade_giles(word: str) -> str:
    """The pinyin word (one or more syllables) in Wade-Giles, syllables run together and without
    apostrophes, as a text word or hyphenated pair folds ("" if it is no pinyin)."""
    return "".join(map(_wade_giles_syllable, pinyin_split(word) or ()))


def pinyin_syllable(word: str) -> bool:
    """The (folded, lowercase) word is one pinyin syllable (zhao, xu, jun)."""
    return word in _PINYIN


@lru_cache(maxsize=32768)
def pinyin_split(word: str) -> tuple[str, ...] | None:
    """The word as the fewest pinyin syllables it splits into (hongzhong: hong, zhong), or None."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [()] + [None] * n  # best[e]: word[:e], fewest syllables
    for e in range(1, n + 1):
        for b in range(max(0, e - 6), e):
            prev, here = best[b], best[e]
            if prev is not None and word[b:e] in _PINYIN and (here is None or len(prev) + 1 < len(here)):
                best[e] = (*prev, word[b:e])
    return best[n]


def is_pinyin(word: str) -> bool:
    """The word is a run of pinyin syllables (hongzhong = hong zhong, jinping = jin ping)."""
    return pinyin_split(word) is not None


def pinyin_count(word: str) -> int:
    """The fewest pinyin syllables the word splits into (0: none; hongzhong: 2)."""
    return len(pinyin_split(word) or ())


def is_chinese_name(words: Sequence[str]) -> bool:
    """A person's name in pinyin: a surname of one or two syllables, then a given name of one or
    two (in one word or apart: Wang Yajun, Wang Ya Jun). Japanese names split into pinyin too,
    but longer: Yasukazu Hamada (four syllables), Takeo Akiba, Masataka Okano are none."""
    if len(words) < 2:
        return False
    counts = [pinyin_count(w) for w in words]
    return all(counts) and counts[0] <= 2 and sum(counts[1:]) <= 2


def is_korean_name(words: Sequence[str]) -> bool:
    """A romanised Korean name: a one-syllable surname, then one- or two-syllable words."""
    first = korean_syllables(words[0]) if words else None
    return len(words) >= 2 and first is not None and len(first) == 1 and all(is_korean(w) for w in words[1:])


def _syllable_key(initial: str, vowel: str, final: str) -> str:
    ini, vow = _K_INITIALS[initial], _K_VOWELS[vowel]
    if vowel == "a" and final == "ck":
        vow = "ae"  # older Western "ack" spells RR "aek" (Back = Baek = Paik), never "ak" (Pak)
    if ini in ("l", "n") and vow[0] in "iy":
        ini = ""  # Ri = Lee = Yi = I, Ryong = Nyong = Yong, Rim = Lim = Im
    elif ini == "l":
        ini = "n"  # Rodong = Nodong, Ra = Na
    if not final and vowel in _OPEN_U:
        vow = _OPEN_U[vowel]
    return ini + vow + _K_FINALS[final]


# Western spellings write ŏ as u only before a final (Jung, Sung, Hyun): in an open syllable
# u, oo, eu (ㅜ, ㅡ) and o, eo (ㅗ, ㅓ) are different vowels, so Kusong is not Kosong (Suh,
# for Seo, is read as eo before the silent h goes).
_OPEN_U = {"u": "u", "oo": "u", "ou": "u", "woo": "u", "eu": "u", "yu": "yu", "yoo": "yu", "you": "yu"}


_LIQUID_INITIALS = frozenset(["l", "r", "n"])


@lru_cache(maxsize=32768)
def korean_key(word: str) -> str:
    """Spelling key of a romanised Korean word: the keys of its syllables, joined.

    A word that does not read as Korean syllables is its own key.
    """
    syllables = korean_syllables(word)
    if syllables is None:
        return word
    keys = [_syllable_key(*s) for s in syllables]
    for x in range(len(syllables) - 1):
        if syllables[x][2] == "l" and syllables[x + 1][0] in _LIQUID_INITIALS:
            # ㄴ before ㄹ is said, and written by sound, as ㄹ: Halla is 한라 (han-la),
            # Chollima 천리마, Silla 신라; so a final l before l, r or n keys as n
            keys[x] = keys[x][:-1] + "n"
    return "".join(keys)


def korean_pair_key(first: str, second: str) -> str:
    """Key of two adjacent words, syllable boundary kept (Son-gwon is not Song-won)."""
    return korean_key(first) + korean_key(second)


_RUSSIAN_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),  # German
    ("tch", "ch"),  # French: Viatcheslav, Tchernychev
    ("sch", "sh"),  # German Schoigu
    ("shch", "sh"),  # shch written sh, as simplified copy does: Fedorishev for Fedorishchev
    ("w", "v"),  # German Wladimir, Lawrow
    ("kh", "h"),  # Zakharova / Zaharova
    ("x", "ks"),  # Alexander / Aleksandr
    ("q", "k"),  # Kazakh and Uzbek Latin: Qasym-Jomart Toqaev
    ("ph", "f"),
    ("tz", "ts"),
    ("ou", "u"),  # French
    ("j", "y"),  # German Sergej
    ("y", "i"),  # Sergey / Sergei, Shoygu / Shoigu
)
# (substring without which the pattern cannot match: a cheap test first, pattern, replacement)
_RUSSIAN_REGEX: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("ff", re.compile(r"ff$"), "v"),  # Lavroff
    ("ie", re.compile(r"^ie"), "e"),  # Yevgeny / Evgeny
    ("ie", re.compile(r"([aeiou])ie"), r"\1e"),  # Andreyev / Andreev
    ("io", re.compile(r"([^aeiou])io"), r"\1e"),  # Pyotr / Petr, Fyodor / Fedor
    ("", re.compile(r"(.)\1+"), r"\1"),  # doubled letters; -ii / -iy / -y endings
    ("r", re.compile(r"([^aeiou])r$"), r"\1er"),  # Aleksandr / Alexander
)


@lru_cache(maxsize=32768)
def russian_key(word: str) -> str:
    key = word
    for old, new in _RUSSIAN_RULES:
        key = key.replace(old, new)
    for needed, pattern, new in _RUSSIAN_REGEX:
        if needed in key:
            key = pattern.sub(new, key)
    return key


# German and Polish spellings of Cyrillic letters that an English-style key reads otherwise:
# German ch = Polish ch = English kh (Chabarowsk), German sch = English sh or zh
# (Koschemjako), Polish cz = ch, sz = sh, rz = zh (Szojgu, Rzewski).
# \x01 holds ch (German tsch, French tch), \x02 a German sch, \x03 German schtsch meanwhile.
_GERMAN = (
    ("schtsch", "\x03"),
    ("tsch", "\x01"),
    ("sch", "\x02"),
    ("ch", "kh"),
    ("\x01", "ch"),
    ("\x03", "shch"),
)
_POLISH = (
    ("tch", "\x01"),
    ("szcz", "sh\x01"),
    ("cz", "\x01"),
    ("sz", "sh"),
    ("rz", "zh"),
    ("ch", "kh"),
    ("\x01", "ch"),
)
_MAX_AMBIGUOUS = 2  # German sch: sh or zh, both tried for at most this many in one word
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=32768)
def russian_keys(word: str) -> tuple[str, ...]:
    """Russian keys of a text word read as English, then (if it looks so) French, German or Polish."""
    keys = [russian_key(word)]
    readings = []
    if "ch" in word or "ou" in word or "j" in word:
        readings.append(_french(word))
    if "zh" in word:
        readings.append(word.replace("zh", "j"))  # English-style j for zh: Zhomart / Jomart
    if "w" in word and word[:1] == "s" and word[1:2] in _VOWELS:
        readings.append("z" + word[1:])  # German w marks German s before a vowel: Solotow
    if "ch" in word or "cz" in word or "sz" in word or "rz" in word:
        if "ch" in word:
            german = word
            for old, new in _GERMAN:
                german = german.replace(old, new)
            parts = german.split("\x02")
            if len(parts) - 1 <= _MAX_AMBIGUOUS:
                for combo in product(("sh", "zh"), repeat=len(parts) - 1):
                    readings.append(parts[0] + "".join(c + p for c, p in zip(combo, parts[1:], strict=True)))
            if readings and readings[-1][:1] == "s" and readings[-1][1:2] in _VOWELS:
                readings.append("z" + readings[-1][1:])  # German s before a vowel is z: Sacharowa
        if "cz" in word or "sz" in word or "rz" in word:
            polish = word
            for old, new in _POLISH:
                polish = polish.replace(old, new)
            readings.append(polish)
    # Ukrainian doubles zh where Russian has one (Zaporizhzhia, Zaporozhye)
    single = word.replace("zhzh", "zh") if "zhzh" in word else ""
    if single:
        readings.append(single)
    if "bator" in word:  # Russian's older Mongolian -batör for -baatar ("hero"): Ulan-Bator
        readings.append(word.replace("bator", "baatar"))
    if _BELARUSIAN_HINT.search(word) is not None:
        readings += [_belarusian(w) for w in (word, single) if w]
    if _TURKIC_LATIN_HINT.search(word) is not None:
        readings.extend(_turkic_latin(word))
    if len(word) >= 5 and _KUNREI_HINT.search(word) is not None:  # (Sino is no Shino)
        readings.append(_KUNREI.sub(lambda m: _HEPBURN[m.group()], word))
    # English j for Дж, as for Ж: Dzhaparov, German Dschaparow / Japarov (either way round)
    readings += [r.replace("dzh", "j") for r in (word, *readings) if "dzh" in r]
    if word.count("j") == 1 and "dzh" not in word:
        readings.append(word.replace("j", "dzh"))
    keys.extend(russian_key(r) for r in readings)
    return tuple(dict.fromkeys(keys))


# Mongolian genitive endings, as romanised: -giin after a long vowel (Ukhnaagiin), -iin,
# -yn (Tsevegjavyn); not -n after a diphthong in i (Luvsannamsrain), which English words
# end in (remain, captain) at a cost in look-ups
_GENITIVES = ("giin", "iin", "yn")


def genitive_stem(word: str) -> str | None:
    """The word without a Mongolian genitive ending (the father's name before the given
    name), if it has one and four letters or more are left."""
    if not word.endswith(_GENITIVES):  # (most words: one test)
        return None
    ending = next(e for e in _GENITIVES if word.endswith(e))
    return word[: -len(ending)] if len(word) - len(ending) >= 4 else None


# Kazakh surnames in -uly ("son of") and -kyzy ("daughter of") for the Russian -ov/-ev and
# -ova/-eva: Temirbekuly is Temirbekov
_KAZAKH_ENDINGS = (("uly", ("ov", "ev")), ("kyzy", ("ova", "eva")), ("qyzy", ("ova", "eva")))


def russian_surname_forms(word: str) -> tuple[str, ...]:
    """A Kazakh surname in -uly or -kyzy as its Russian forms (Temirbekuly: Temirbekov,
    Temirbekev); () for other words."""
    for ending, russian in _KAZAKH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return tuple(word[: -len(ending)] + r for r in russian)
    return ()


# Kunrei-shiki Japanese (Japan's official romanisation, in some of its own copy) for the
# Hepburn most English copy writes: Sekiguti = Sekiguchi, Tutida = Tsuchida, Itikawa
_HEPBURN = {
    "tya": "cha", "tyu": "chu", "tyo": "cho", "sya": "sha", "syu": "shu", "syo": "sho",
    "zya": "ja", "zyu": "ju", "zyo": "jo", "ti": "chi", "tu": "tsu", "si": "shi", "zi": "ji",
    "hu": "fu",
}  # fmt: skip
_KUNREI = re.compile("|".join(sorted(_HEPBURN, key=len, reverse=True)))
_KUNREI_HINT = re.compile(r"ti|tu|si|zi|hu|[tsz]y[auo]")


# Uzbek and Kazakh Latin spellings: q (Qurbonov, Qairat), x for kh (Xo'jiyev, Baxodir)
_TURKIC_LATIN_HINT = re.compile(r"[qx]")
_MAX_TURKIC_O = 3


def _turkic_latin(word: str) -> list[str]:
    """An Uzbek or Kazakh Latin spelling read as the Russian one: q is k, x is kh, gh is g, j
    is dzh, and a stem's o is Russian a (Qurbonov = Kurbanov) or, written o' (the apostrophe
    folded away), u (Qo'chqorov = Kuchkarov): each stem o read all three ways."""
    base = word.replace("gh", "g").replace("q", "k")
    base = base.replace("x", "kh")
    stem, suffix = (base[:-2], base[-2:]) if base.endswith(("ov", "ev")) else (base, "")
    parts = stem.split("o")
    if len(parts) - 1 > _MAX_TURKIC_O:
        return [base]
    out = [
        parts[0] + "".join(v + p for v, p in zip(combo, parts[1:], strict=True)) + suffix
        for combo in product("oau", repeat=len(parts) - 1)
    ]
    return out + [r.replace("j", "dzh") for r in out if "j" in r]


# French spellings of Cyrillic: ch = sh, j = zh, ou = u (russian_key), and a final mute e
# after a consonant (Poutine, Narychkine, Choïgou, Jirinovski, Tchernychev).
_FRENCH_FINAL_E = re.compile(r"(?<=[^aeiouy])e$")


def _french(word: str) -> str:
    french = word.replace("tch", "\x01").replace("ch", "sh").replace("\x01", "ch").replace("j", "zh")
    return _FRENCH_FINAL_E.sub("", french)


# Belarusian names in Belarusian romanisation (Alyaksandr Lukashenka, Siarhei, Halouchanka):
# ia/ya for Russian e after a consonant, h for g, ou (ў) for ov, -enka/-anka for -enko. Read so
# only a word that shows one of the first, third or fourth, or a town's -ichy (Ihar alone
# stays Ihar).
_BELARUSIAN_HINT = re.compile(r"[^aeiouy](?:ia|ya)|ou(?:[^aeiouy]|$)|[ae]nka$|^a.*ichy$")
_BELARUSIAN = (
    (re.compile(r"(?<=[^aeiouy])(?:ia|ya)"), "e"),
    (re.compile(r"(?<![kszc])h"), "g"),
    (re.compile(r"ou(?=[^aeiouy]|$)"), "ov"),
    (re.compile(r"[ae]nka$"), "enko"),
    # a town's plural -ichy (-ichi), its first o written a by the akanye: Asipovichy, Osipovichi
    (re.compile(r"^a(?=.*ichy$)"), "o"),
)


def _belarusian(word: str) -> str:
    for pattern, new in _BELARUSIAN:
        word = pattern.sub(new, word)
    return word


def typo_budget(length: int, alone: bool) -> int:
    """Edits tolerated in a name word of this length (``alone``: a one-word name).

    Short words (<= 3 letters, e.g. Korean syllables) never; 4 letters one dropped
    letter; 5-7 letters one edit; 8+ two. A one-word name needs one letter more.
    """
    if alone:
        length -= 1
        if length <= 4:
            return 0
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    return 2


# Longest one-word name whose prefix is taken for another word rather than a typo.
_CUT_SHORT_MAX = 8


_DIGITS = re.compile(r"\d+")


def typo_edits(text: str, name: str, alone: bool) -> int | None:
    """Edits (optimal string alignment) from name to text if within budget, else None."""
    budget = typo_budget(len(name), alone)
    if budget == 0 or text[:1] != name[:1] or abs(len(text) - len(name)) > budget:
        return None
    if text + "a" == name or name + "a" == text:
        return None  # Zakharov / Zakharova: a different person, not a typo
    if alone and text[:-1] == name[:-1] and text[-1] in "aeiou" and name[-1] in "aeiou":
        return None  # a one-word name's last vowel changed is another name: Matsuna, Okana
    if not (text.isalpha() and name.isalpha()) and _DIGITS.findall(text) != _DIGITS.findall(name):
        return None  # a number is never misspelt: Resolution2375 is not Resolution2397
    # a one-word name cut short or run on is another word: Slutsk is not Slutsky, nor
    # Slutsky Slutsk, Khabarov not Khabarovsk; a long one that lost or gained only its last
    # letter is a typo (Rosoboronexpor's)
    short, long_ = (text, name) if len(text) < len(name) else (name, text)
    cut = alone and len(short) < len(long_) and long_.startswith(short)
    if cut and (len(name) <= _CUT_SHORT_MAX or len(short) < len(long_) - 1):
        return None
    if len(name) == 4:
        # four letters: a dropped letter (Jon for Jong) or two neighbours swapped (Snog for
        # Song) unless that spells another syllable; never a substitution (Song/Jong)
        dropped = len(text) == 3 and any(name[:i] + name[i + 1 :] == text for i in range(1, 4))
        return 1 if dropped or swapped(text, name) else None
    edits = OSA.distance(text, name, score_cutoff=budget)
    return edits if edits <= budget else None


def transposed(text: str, name: str) -> bool:
    """Two neighbouring letters of the name swapped, not the first (Snog, Keasong)."""
    if len(text) != len(name) or text[:1] != name[:1]:
        return False
    diff = [i for i in range(1, len(name)) if text[i] != name[i]]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    return text[diff[0]] == name[diff[1]] and text[diff[1]] == name[diff[0]]


def swapped(text: str, name: str) -> bool:
    """transposed, and the result no single Korean syllable of its own (Sugn, Jnog are none;
    Yeol -> Yoel reads as two)."""
    if not transposed(text, name):
        return False
    syllables = korean_syllables(text)
    return syllables is None or len(syllables) != 1


@lru_cache(maxsize=32768)
def deletions(word: str, depth: int) -> frozenset[str]:
    """All strings made by deleting up to ``depth`` letters (never the first).

    Cached: the index asks for the same names' words (and a text word's) many times.
    Typo budgets stop at two edits, and so does this.
    """
    if depth > 2:
        raise ValueError(f"deletions: depth {depth} > 2")
    if depth <= 0:
        return frozenset((word,))
    # sets as they are made: a run of one letter (a 10 KB "WWW…" word) stays one string
    ones: dict[str, int] = {}  # each string -> the first position whose deletion makes it
    for i in range(1, len(word)):
        ones.setdefault(word[:i] + word[i + 1 :], i)
    if depth == 1:
        return frozenset((word, *ones))
    # two deletions i < j, each generated once (not once per order)
    twos = {w[:j] + w[j + 1 :] for w, i in ones.items() for j in range(i, len(w))}
    return frozenset((word, *ones, *twos))


# Russian case endings as the text is folded (я ya, ю yu, ы y, й i, ь dropped), each with the
# nominative endings it may stand for: masculine nouns and names (Vladimira, Vladimirom,
# Sergeya, Sergeem, Igorya, Dmitrii), -ov/-in surnames (Lavrovym), feminine ones (Anny, Olgi,
# Marii, Mariei, Zakharovoi, Zakharovu), patronymics (Vladimirovichem, Vladimirovny),
# adjectival surnames (Slutskogo, Zelenskim, Slutskoi). Words that do not decline (Shoigu,
# Matvienko) end in none of them but -u, whose stripping finds no name. Only for words
# written in Cyrillic: verify.compare.
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ogo", ("ii", "yi", "oi")),
    ("ego", ("ii",)),
    ("omu", ("ii", "yi", "oi")),
    ("emu", ("ii",)),
    ("uyu", ("aya",)),
    ("oyu", ("a",)),
    ("ym", ("", "yi", "oi")),
    ("im", ("ii",)),
    ("om", ("", "ii", "oi")),
    ("em", ("", "i")),
    ("ya", ("i", "")),
    ("yu", ("i", "", "ya")),
    ("oi", ("a", "aya")),
    ("ei", ("ya",)),
    ("a", ("",)),
    ("u", ("", "a")),
    ("e", ("", "i", "a", "ya")),
    ("i", ("i", "a", "ya", "")),  # also области: oblast
    ("y", ("a",)),
)
_MIN_STEM = 3


@lru_cache(maxsize=32768)
def russian_nominatives(word: str) -> tuple[str, ...]:
    """Nominatives a folded Cyrillic word may be a case form of (Lavrovym -> lavrov), not itself."""
    found: list[str] = []
    for ending, bases in _CASE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            found.extend(stem + base for base in bases)
            if "" in bases and stem[-1] not in _VOWELS and stem[-2] not in _VOWELS:
                found.append(stem[:-1] + "e" + stem[-1])  # a fleeting e: Павла -> Павел
    return tuple(dict.fromkeys(f for f in found if f != word))


# A Russian place adjective (Курская область, Курской области = Kursk region, Белгородской
# = Belgorod): -sk- and an adjective's ending, as folded.
_PLACE_ADJECTIVE = re.compile(r"(?<=sk)(?:aya|oi|uyu|oyu|ii|yi|ogo|omu|om|oe|ie|ye|ikh|ykh|im|ym|imi|ymi)$")


@lru_cache(maxsize=32768)
def russian_place_stems(word: str) -> tuple[str, ...]:
    """Places a folded Russian place adjective may be made from (kurskoi: kursk, belgorodskoi:
    belgorod), or none. Only before an administrative term: verify.inflected."""
    found = _PLACE_ADJECTIVE.search(word)
    if found is None:
        return ()
    stem = word[: found.start()]
    return (stem, stem[:-2]) if len(stem) >= 6 else (stem,)


@lru_cache(maxsize=32768)
def russian_place_names(word: str) -> tuple[str, ...]:
    """Names a folded Russian adjective in -sk- may be made from, with the name's last vowel
    or its -in-/-an- dropped before -sk- (amurskii: Amur, yaltinskoe: Yalta, kiotskii: Kioto,
    afrikanskii: Afrika), or none. For a place's name in a document's or a body's: the
    verifier compares them by their Russian keys (verify._place_adjective)."""
    names: list[str] = []
    for stem in russian_place_stems(word):
        names += [stem, stem + "a", stem + "o", stem + "i"]
        if len(stem) >= 5 and stem.endswith(("in", "an")):
            names.append(stem[:-2] + "a")
    return tuple(dict.fromkeys(names))


# Russian administrative terms and their English translations: one word of a place name
# either way (Primorsky Krai = Primorsky Territory, Kursk Oblast = Kursk region). A general
# equivalence of the vocabulary, like the spelling rules above, not a list of places.
_ADMIN_GROUPS = (
    ("krai", "kray", "territory", "region"),  # English copy writes "Primorsky region" too
    ("oblast", "region", "province"),
    ("okrug", "district"),
    ("respublika", "republic"),
    ("mount", "mt", "mountain"),  # and geographic terms: Mt. Paektu
    # Korean units, written after a hyphen: Kangwon-do, Kilju-gun, Hamhung-si
    ("province", "do"),
    ("island", "do"),  # (도 is an island too: Yeonpyeong-do)
    ("county", "gun"),
    ("city", "si"),
)
KOREAN_UNITS = frozenset(["do", "gun", "si"])  # (English words too: only after a hyphen)
# units of a smaller place named after a place, written after a hyphen: Nampo-dong is a
# neighbourhood of Busan, not the port of Nampo (rules._unit_veto)
KOREAN_SUBUNITS = frozenset(["dong", "ri", "ni", "li", "gu", "myeon", "eup", "ro", "gil", "ga"])
# units a place's name may be written without (Mundok for Mundok-ri)
KOREAN_PLACE_UNITS = KOREAN_UNITS | KOREAN_SUBUNITS
ADMIN_TERMS: dict[str, frozenset[str]] = {
    word: frozenset(w for group in _ADMIN_GROUPS if word in group for w in group) - {word}
    for group in _ADMIN_GROUPS
    for word in group
}


# Korean names in Russian copy (TASS: Ким Чен Ын, Чвэ Сон Хи, Пхеньян) follow the Kontsevich
# system or the older Soviet spellings. A syllable is read as initial + vowel + final, each
# letter group as folded standing for the romanised spellings the Korean key reads
# (_syllable_key): so Чен is Jong, Ын Un, Чхве Choe, Пхеньян Pyongyang.
_CY_INITIALS: dict[str, tuple[str, ...]] = {
    "": ("",),
    "chkh": ("ch",),  # чх: ch'
    "chzh": ("j",),  # чж: j (Чжон)
    "dzh": ("j",),  # дж (Чхонджин)
    "kkh": ("kh",),  # кх: k'
    "tkh": ("th",),  # тх: t'
    "pkh": ("ph",),  # пх: p' (Пхеньян)
    "ch": ("ch",),
    "ts": ("ch",),  # ц: older spelling of ch (Цой)
    "zh": ("j",),
    "kh": ("h",),  # х: h (Хи = Hui)
    "sh": ("s",),
    **{c: (c,) for c in ("k", "g", "t", "d", "p", "b", "s", "m", "n", "r", "l", "kk", "tt", "pp", "ss")},
}
# е after a consonant: ŏ or yŏ in the older spellings (Чен = Jong, Хен = Hyon), or ye (Пхунге
# = Phunggye); ё (folded e too): yo; э (folded e as well): ae (Кэсон = Kaesong). Korean e (ㅔ)
# hardly occurs in names, and each reading more multiplies a word's keys.
_CY_E = ("eo", "yeo", "ae", "ye")
_CY_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("a",),
    "ya": ("ya",),
    "o": ("o",),
    "u": ("u",),
    "yu": ("yu",),
    "y": ("eu",),  # ы: ŭ (Ын = Un)
    "yi": ("ui",),  # ый: ŭi
    "i": ("i",),
    "e": _CY_E,
    "oi": ("oe",),  # ой (Чой)
    "ai": ("ae",),
    "va": ("wa",),  # в before a vowel (Гван = Kwang)
    "vo": ("wo",),
    "ve": ("we", "wae"),  # Чхве, Чвэ = Choe
    "vi": ("wi",),
}
# a word's first е is ye, ё yo or yŏ, э ae or e: never ŏ (Ён is Yong, not Un's vowel)
_CY_INITIAL_E = ("ye", "yeo", "ae", "e")
_CY_FINALS: dict[str, tuple[str, ...]] = {
    "": ("",),
    "n": ("n", "ng"),  # н spells both finals (Сон = Son or Song)
    "l": ("l",),
    "r": ("l",),  # Ир = Il
    **{c: (c,) for c in ("k", "p", "t", "m")},
}
_CY_LONGEST = 4
# Russian declines a Korean name's last word (Ким Чен Ына, Но Гван Чхолем, Чхоля).
_CY_ENDINGS = ("om", "em", "ya", "yu", "a", "u", "e")
_CY_LETTERS = 16  # folded letters: four syllables at most
_CY_NUCLEI = re.compile("[aeiouy]+")  # vowel letters: one run a syllable, at most


# some reading as syllables exists: the regex engine's quick answer before the parse below
_CY_READABLE = re.compile(
    f"(?:{_either(_CY_INITIALS)}?{_either(_CY_VOWELS)}{_either(_CY_FINALS)}?){{1,{_MAX_SYLLABLES}}}"
)


def _cy_parts(table: dict[str, tuple[str, ...]], word: str, at: int) -> list[tuple[str, tuple[str, ...]]]:
    """(letter group, its spellings) for each group of the table word[at:] begins with."""
    groups = (word[at : at + n] for n in range(_CY_LONGEST + 1))
    return [(group, table[group]) for group in groups if group in table]


def _cy_keys(word: str) -> set[str]:
    """Korean keys of the folded Cyrillic word read as at most four syllables."""
    # keys[at]: (syllables, key) pairs for word[at:]; filled from the end
    if _CY_READABLE.fullmatch(word) is None:
        return set()
    keys: list[set[tuple[int, str]]] = [set() for _ in range(len(word) + 1)]
    keys[len(word)].add((0, ""))
    for at in range(len(word) - 1, -1, -1):
        found = keys[at]
        for ini, ini_spelt in _cy_parts(_CY_INITIALS, word, at):
            mid = at + len(ini)
            for vow, vow_spelt in _cy_parts(_CY_VOWELS, word, mid):
                if vow == "e" and mid == 0:
                    vow_spelt = _CY_INITIAL_E
                end = mid + len(vow)
                for fin, fin_spelt in _cy_parts(_CY_FINALS, word, end):
                    rest = keys[end + len(fin)]
                    if not rest:
                        continue
                    heads = {
                        _syllable_key(i, v, f)
                        for i in ini_spelt
                        for v in vow_spelt
                        for f in fin_spelt
                        if i in _K_INITIALS and v in _K_VOWELS and f in _K_FINALS
                    }
                    found.update((n + 1, h + tail) for n, tail in rest if n < _MAX_SYLLABLES for h in heads)
    return {key for _, key in keys[0]}


@lru_cache(maxsize=32768)
def kontsevich_keys(word: str) -> frozenset[str]:
    """Korean keys a folded Cyrillic word may spell (Chen -> the key of Jong, Yna -> Un).

    Empty when it reads as no Korean syllables. Only for words written in Cyrillic:
    verify.compare. The folding merges е, ё and э, so this is a little generous; the
    verifier still wants every word of a Korean name, in order.
    """
    if len(word) > _CY_LETTERS or not word.isascii() or len(_CY_NUCLEI.findall(word)) > _MAX_SYLLABLES:
        return frozenset()
    stems = [word, *(word[: -len(e)] for e in _CY_ENDINGS if word.endswith(e) and len(word) > len(e) + 1)]
    return frozenset(key for stem in stems for key in _cy_keys(stem))
