"""Russian title vocabulary, so that a treaty or body named in Russian (Договор о
нераспространении ядерного оружия) is read word by word as its English title (Treaty on the
Non-Proliferation of Nuclear Weapons) and matched like any rewording of it (names.canonical,
verify.title_at).

Only words written in Cyrillic are read this way (verify._cyrillic), as the folded text
spells them (normalize: Договору -> dogovoru). Each Russian word is a stem; a case ending
of up to four letters may follow it (dogovor, dogovora, dogovoru, dogovorom). The table
holds common treaty and institution vocabulary, not names: a name in Cyrillic is
transliterated and matched as a name (§2 of docs/matching.md).
"""

from __future__ import annotations

from functools import lru_cache

# stem -> English word (the vocabulary of treaty and body titles)
_STEMS = {
    "dogovor": "treaty",
    "soglasheni": "agreement",
    "konventsi": "convention",
    "deklaratsi": "declaration",
    "pakt": "pact",
    "protokol": "protocol",
    "memorandum": "memorandum",
    "kommyunike": "communique",
    "khartiya": "charter",
    "ustav": "charter",
    "rezolyutsi": "resolution",
    "nerasprostranen": "nonproliferation",
    "yadern": "nuclear",
    "atomn": "atomic",
    "oruzhi": "weapons",
    "vooruzheni": "arms",
    "raket": "missiles",
    "strategichesk": "strategic",
    "nastupateln": "offensive",
    "vseobemlyushch": "comprehensive",
    "vsestoronn": "comprehensive",
    "partnerstv": "partnership",
    "druzhb": "friendship",
    "dobrososedstv": "neighborliness",
    "sotrudnichestv": "cooperation",
    "vzaimn": "mutual",
    "pomoshch": "assistance",
    "bezopasnost": "security",
    "sovet": "council",
    "otkryt": "open",
    "sozdani": "creation",
    "soyuzn": "union",
    "soyuz": "union",
    "gosudarstv": "state",
    "ministerstv": "ministry",
    "inostrann": "foreign",
    "oboron": "defense",
    "zapreshcheni": "prohibition",
    "khimichesk": "chemical",
    "biologichesk": "biological",
    "bakteriologichesk": "bacteriological",
    "toksinn": "toxin",
    "ispytani": "tests",
    "sredn": "intermediate",
    "menshe": "shorter",
    "dalnost": "range",
    "organizatsi": "organization",
    "kollektivn": "collective",
    "voenn": "military",
    "peremiri": "armistice",
    "ogranicheni": "limitation",
    "sokrashcheni": "reduction",
    "mezhdunarodn": "international",
    "agentstv": "agency",
    "energi": "energy",
    "federatsi": "federation",
    "rossiisk": "russian",
    "rossi": "russia",
    "kitaisk": "chinese",
    "kita": "china",
    "koreisk": "korean",
    "kndr": "dprk",
    "oon": "un",
    "sluzhb": "service",
    "federaln": "federal",
    "razvedk": "intelligence",
    "komitet": "committee",
    "tsentraln": "central",
    "partii": "party",
    "partiya": "party",
    "trud": "workers",
    "narodn": "people",
    "armi": "army",
    "flot": "fleet",
    "kosmodrom": "cosmodrome",
    "razvitiya": "development",
    "razviti": "development",
    "dalnego": "far",
    "dalnii": "far",
    "vostok": "east",
    "arktik": "arctic",
    "arkticheskii": "arctic",
    "arktichesk": "arctic",
    "vostochn": "eastern",
    "zapadn": "western",
    "severn": "northern",
    "yuzhn": "southern",
    "ekonomichesk": "economic",
    "forum": "forum",
    "natsionaln": "national",
    "gvardi": "guard",
    "voisk": "troops",
    "chrezvychain": "emergency",
    "situatsi": "situations",
    "kosmichesk": "space",
    "deyatelnost": "activities",
    "korporatsi": "corporation",
    "generaln": "general",
    "shtab": "staff",
    "pogranichn": "border",
    "sledstvenn": "investigative",
    "verkhovn": "supreme",
    "sobrani": "assembly",
    "komissi": "commission",
    "gosudarstvenn": "state",
    "kore": "korea",
    "prezident": "president",
    "pravitelstv": "government",
    "pravitelstvenn": "government",
    "parlament": "parliament",
    "duma": "duma",
    "kabinet": "cabinet",
    "diplomatichesk": "diplomatic",
    "snosheni": "relations",
    "otnosheni": "relations",
    "garanti": "safeguards",
    "konsulsk": "consular",
}
# function words a Russian title holds (о, об, и, в, по, между, ...), as folded
RUSSIAN_GLUE = frozenset("o ob obo i v vo po s so na mezhdu k ko ot dlya za pri".split())
# short stems collide with other words: only these whole words
_WORDS = {
    "del": "affairs", "nebo": "sky", "nebu": "sky", "neba": "sky", "nebom": "sky", "mir": "peace",
    "magate": "iaea",
}  # fmt: skip
_ENDING = 4  # letters a case ending may add to a stem
_ENDING_LETTERS = frozenset("aeiouyjmkhvg")  # -a, -om, -ykh, -ov, -ogo, -iyu: not sovet|nik
_LONGEST = max(len(s) for s in _STEMS)


@lru_cache(maxsize=8192)
def russian_title_word(word: str) -> str:
    """The English title word a Russian word (folded to Latin letters) stands for, or ""."""
    whole = _WORDS.get(word)
    if whole is not None:
        return whole
    for cut in range(min(len(word), _LONGEST), 2, -1):
        english = _STEMS.get(word[:cut])
        if english is not None:
            ending = word[cut:]
            return english if len(ending) <= _ENDING and set(ending) <= _ENDING_LETTERS else ""
    return ""
