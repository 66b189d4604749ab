"""Chinese names in Russian copy: pinyin syllables in the Palladius system.

TASS writes Xi Jinping as Си Цзиньпин and Ding Xuexiang as Дин Сюэсян; English copy that
took a name from Russian keeps that spelling in Latin letters (Din Syuesyan, Lyu Tszyanchao).
Each pinyin syllable has one Palladius spelling, so a name word's Russian forms are computed,
then folded as any text is (monitor.matching.normalize): the verifier and the index compare
text words with them (verify.compare, index._add).
"""

from __future__ import annotations

from functools import lru_cache

from monitor.matching.normalize import Text

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г",
    "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж",
    "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "i": "и", "ia": "я",
    "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн",
}  # fmt: skip
# after j, q, x the u is ü
_AFTER_JQX = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}
# syllables with no initial (y-, w- or a bare final)
_ZERO = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е",
    "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин",
    "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва",
    "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}  # fmt: skip
_LONGEST = 6  # letters in the longest pinyin syllable (zhuang, shuang)


def _syllable(syllable: str) -> str | None:
    """The Palladius (Cyrillic) spelling of one toneless pinyin syllable, or None."""
    if syllable in _ZERO:
        return _ZERO[syllable]
    for cut in (2, 1):
        initial, final = syllable[:cut], syllable[cut:]
        if initial not in _INITIALS or not final:
            continue
        if initial in ("j", "q", "x") and final in _AFTER_JQX:
            return _INITIALS[initial] + _AFTER_JQX[final]
        if final == "i" and initial in ("z", "c", "s"):
            return _INITIALS[initial] + "ы"  # zi, ci, si: цзы, цы, сы
        if final == "ui" and initial == "h":
            return "хуэй"
        if final in _FINALS:
            return _INITIALS[initial] + _FINALS[final]
    return None


@lru_cache(maxsize=32768)
def palladius(word: str) -> frozenset[str]:
    """A pinyin word's Russian spellings, folded as text is (jinping: tszinpin), one for each
    way it splits into syllables (xian: sian, or syan for xi-an); empty if it is no pinyin."""
    spellings: list[set[str]] = [{""}] + [set() for _ in word]  # [e]: Cyrillic of word[:e]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            cyrillic = _syllable(word[start:end]) if spellings[start] else None
            if cyrillic is not None:
                spellings[end].update(head + cyrillic for head in spellings[start])
    return frozenset("".join(Text.of(c).words) for c in spellings[-1])
