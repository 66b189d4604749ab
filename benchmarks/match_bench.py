"""Throughput, memory and build time of the matcher against two baselines.

Usage: python benchmarks/match_bench.py [--items N] [--sizes 100,2000,20000] [--seed S]
                                        [--corpus news|legacy] [--warmup N]

Builds (seeded, deterministic) ~3 KB English news-like items with some real
mentions sprinkled in, and watch-lists of generated person / place / organisation
names and multi-word treaties. For each size prints: matcher items/s on one
core, index build time, peak traced memory; the naive rapidfuzz loop
(partial_ratio >= 90 for every entry; sampled and extrapolated) and an exact
Aho-Corasick scan of the same folded text (the floor).

``--warmup N`` first matches N other items (another seed, not timed), as a long-running
daemon has by the time it is measured: the timed items' common words are then known, and
only their new proper nouns cost a first look-up. The default (0) times a fresh matcher.

Two corpora. ``legacy`` is the first one; it is kept for comparison, but it was not
realistic in two ways that decided what the matcher spent its time on:

* every treaty was "Treaty on <A> and <B> Cooperation <Suffix>" with A, B out of ten
  topic words, two of them ("grain", "energy") in the text vocabulary: at 20,000
  entries ~20 treaties share any given 4 of their 5 words, so ordinary sentences about
  grain and energy cooperation "mentioned" dozens of treaties at the 80 % token-set
  share (~1 spurious treaty per item, 287 of 298 treaty matches in 300 items);
* Korean names were any 3 of 19 syllables (6,859 names), so at 20,000 entries
  (~5,000 Korean) almost every Korean-looking name was on the list.

``news`` (the default) keeps the text vocabulary, sizes and mention rate, and adds what
real wire copy has: treaties with varied vocabulary (60 subjects, 34 countries, six
title patterns), Korean names as a real surname plus two of 60 given-name syllables,
a third of the mentions in a variant spelling (hyphenated or capitalised Korean given
names, Sergey for Sergei, a typo, an initial, a possessive, a lowercase or reworded
title), Korean names not on the list (1 sentence in 10), country names (1 in 4) and
subject words (1 in 3).
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from collections.abc import Callable

import ahocorasick
from rapidfuzz import fuzz

from monitor.matching import compiled
from monitor.matching.engine import Matcher
from monitor.matching.names import split_words
from monitor.matching.normalize import Text
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

_COMMON_TEXT = """
the of and to in a is that for on with as was said by at from it its an be has have
are were will would been their which about after over more than new also but not they
officials government minister president talks meeting week year month country state
security cooperation economic military nuclear trade sanctions border region capital
agency report statement ministry foreign defence delegation visit leader party talks
agreement treaty summit relations development support forces exercise missile launch
spokesman spokeswoman according told reporters press conference said on tuesday monday
during while before under against between including despite amid following since
international national regional local public private energy oil gas grain shipments
port rail road bridge project investment bank fund market prices growth exports imports
officials expected announced confirmed denied warned urged called accused rejected
"""
_COMMON = _COMMON_TEXT.split()
_SYL_RU = "vo lo ko mi sha ro ni ta se re ga zu be do pe tro ka li na vi"
_SUFFIX_RU = "ov ev in sky enko ova eva ina skaya ich"
_FIRST_RU = "Sergei Andrei Dmitry Alexander Mikhail Nikolai Yuri Pavel Oleg Igor Anna Elena Olga"
_SYL_KO = "kim pak ri choe jo jong un song chol hui il nam yong ho su myong kwang hyon thae"
_PLACE = "grad sk ovo insk burg pol dar ino"
_ORG = "Institute Agency Committee Council Bureau Corporation Commission Academy"
_ORG_TOPIC = "Energy Space Atomic Maritime Grain Railway Fisheries Steel Aviation Cyber"


_SUBJECTS = """
Fisheries Navigation Extradition Taxation Aviation Satellite Maritime Boundary Customs Railway
Telecommunications Hydropower Pipeline Uranium Investment Tourism Education Healthcare Agriculture
Forestry Mining Shipbuilding Pharmaceutical Veterinary Meteorological Seismic Quarantine Postal
Broadcasting Archival Cultural Scientific Sports Migration Labour Pension Insurance Banking Currency
Grain Energy Atomic Space Cyber Steel Chemical Textile Automotive Electronics Logistics Transit Water
Wildlife Polar Seabed Ozone Climate Missile Fertiliser Irrigation Geological Hydrographic Judicial
""".split()
_COUNTRIES = """
Russia China Mongolia Vietnam Laos Cuba Belarus Iran Syria Kazakhstan Uzbekistan Kyrgyzstan
Tajikistan Turkmenistan Armenia Azerbaijan Georgia Serbia Nicaragua Venezuela Eritrea Myanmar
Cambodia Indonesia Malaysia Singapore Thailand India Pakistan Egypt Algeria Angola Ethiopia Uganda
""".split()
_TREATIES = (
    "Treaty on {a} and {b} Cooperation between {x} and {y}",
    "Agreement between {x} and {y} on {a} {b}",
    "{x}-{y} {a} and {b} Agreement",
    "Convention on {a} {b} Safety",
    "Protocol on {a} {b} Cooperation with {x}",
    "{x}-{y} Treaty of Friendship and {a} Cooperation",
)
_KO_SURNAMES = (
    "Kim Kim Kim Ri Ri Pak Pak Choe Jong Kang Jo Yun Jang Han Hong Ho Hyon Ju Kwon Mun Ryu Sin O Paek"
)
_KO_GIVEN = """
chol hui il nam yong ho su myong kwang hyon thae song un jong son gwon hwa sun ok gyong chun dok
hak ryong sok chang guk man rim hyok jin hun bong won hyang ung sik gil mu pil sang kun yon mi ran
ae chon gum hye bom chil sam nyo
""".split()
_TEXT_SUBJECTS = [w.lower() for w in _SUBJECTS]  # news text names subjects too


def _korean_name(rng: random.Random) -> str:
    given = rng.sample(_KO_GIVEN, 2)
    return f"{rng.choice(_KO_SURNAMES.split())} {_cap(given[0])} {_cap(given[1])}"


def _news_entry(roll: float, rng: random.Random) -> tuple[str, tuple[str, ...], str] | None:
    """A realistic entry for the roll's kind (None: keep the legacy generator's)."""
    if 0.45 <= roll < 0.7:
        return _korean_name(rng), (), "person"
    if roll >= 0.95:
        a, b = rng.sample(_SUBJECTS, 2)
        x, y = rng.sample(_COUNTRIES, 2)
        return rng.choice(_TREATIES).format(a=a, b=b, x=x, y=y), (), "treaty"
    return None


def _variant(entry: Entry, rng: random.Random) -> str:
    """The entry's name as a journalist might write it (a third of mentions)."""
    name = rng.choice(entry.names)
    if rng.random() >= 1 / 3:
        return name
    words = name.split()
    if entry.kind == "person" and len(words) == 3 and words[0] in _KO_SURNAMES.split():
        hyphen = f"{words[0]} {words[1]}-{words[2]}"
        return rng.choice([hyphen, hyphen.replace("-" + words[2], "-" + words[2].lower()), name.upper()])
    if entry.kind == "person" and len(words) == 2:
        first, last = words
        swapped = last[:2] + last[3] + last[2] + last[4:] if len(last) > 5 else last
        return rng.choice(
            [f"{first.replace('ei', 'ey')} {last}", f"{first[0]}. {last}", f"{first} {swapped}"]
        )
    if entry.kind == "treaty":
        return rng.choice([name.lower(), name.replace("Agreement", "agreement").replace("Treaty", "treaty")])
    return name + "'s"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def make_entries(n: int, rng: random.Random, corpus: str = "news") -> list[Entry]:
    """Plausible, unique entries: people (Russian, Korean), places, organisations, treaties."""
    ru, suf, first = _SYL_RU.split(), _SUFFIX_RU.split(), _FIRST_RU.split()
    ko, place, org, topic = _SYL_KO.split(), _PLACE.split(), _ORG.split(), _ORG_TOPIC.split()
    seen: set[str] = set()
    out: list[Entry] = []
    while len(out) < n:
        roll = rng.random()
        aliases: tuple[str, ...] = ()
        kind = "person"
        if roll < 0.45:
            surname = _cap("".join(rng.choices(ru, k=rng.randint(2, 3))) + rng.choice(suf))
            name = f"{rng.choice(first)} {surname}"
            aliases = (surname,) if rng.random() < 0.3 else ()
        elif roll < 0.7:
            name = " ".join(_cap(rng.choice(ko)) for _ in range(3))
        elif roll < 0.85:
            kind = "place"
            name = _cap("".join(rng.choices(ru, k=2)) + rng.choice(place)) + " region"
        elif roll < 0.95:
            kind = "organisation"
            name = f"{rng.choice(topic)} {rng.choice(org)} of {_cap(''.join(rng.choices(ru, k=2)))}"
        else:
            kind = "treaty"
            a, b = rng.sample(topic, 2)
            name = f"Treaty on {a} and {b} Cooperation {_cap(''.join(rng.choices(ru, k=3)))}"
        news = _news_entry(roll, rng) if corpus == "news" else None
        if news is not None:
            name, aliases, kind = news
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        out.append(Entry(id=f"e{len(out)}", name=name, aliases=aliases, kind=kind))
    return out


def make_items(
    count: int, entries: list[Entry], rng: random.Random, corpus: str = "news"
) -> list[dict[str, str]]:
    """~3 KB items of news-like text; most mention an entry (about one sentence in 33)."""
    ru = _SYL_RU.split()
    news = corpus == "news"
    items = []
    for _ in range(count):
        words: list[str] = []
        size = 0
        while size < 3000:
            sentence = [rng.choice(_COMMON) for _ in range(rng.randint(8, 20))]
            if news and rng.random() < 0.3:  # a subject: fisheries, pipeline, insurance...
                sentence.insert(rng.randrange(len(sentence)), rng.choice(_TEXT_SUBJECTS))
            if rng.random() < 0.15:  # an unknown proper noun: cache misses happen in real text
                sentence.insert(rng.randrange(len(sentence)), _cap("".join(rng.choices(ru, k=3))))
            if news and rng.random() < 0.1:  # a Korean name, most often not on the list
                sentence.insert(rng.randrange(len(sentence)), _korean_name(rng))
            if news and rng.random() < 0.25:
                sentence.insert(rng.randrange(len(sentence)), rng.choice(_COUNTRIES))
            if rng.random() < 0.03:
                entry = rng.choice(entries)
                sentence.insert(rng.randrange(len(sentence)), _variant(entry, rng) if news else entry.name)
            text = _cap(" ".join(sentence)) + "."
            words.append(text)
            size += len(text) + 1
        items.append({"title": _cap(" ".join(rng.choices(_COMMON, k=8))), "body": " ".join(words)})
    return items


def _rate(fn: Callable[[dict[str, str]], object], items: list[dict[str, str]]) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - start)


def _aho(entries: list[Entry]) -> Callable[[dict[str, str]], object]:
    auto = ahocorasick.Automaton()
    for e in entries:
        for name in e.names:
            key = " ".join(split_words(name)[0])
            auto.add_word(f" {key} ", key)
    auto.make_automaton()

    def scan(item: dict[str, str]) -> object:
        hits = []
        for value in item.values():
            # the same folding as the matcher; words joined by single spaces
            folded = " " + " ".join(Text.of(value).words) + " "
            hits.extend(auto.iter(folded))
        return hits

    return scan


def _naive(entries: list[Entry], items: list[dict[str, str]], rng: random.Random) -> float:
    """Items/s of partial_ratio over every entry, measured on a sample and extrapolated."""
    sample = rng.sample(entries, min(len(entries), 100))
    probe = items[:5]
    start = time.perf_counter()
    for item in probe:
        text = item["title"] + "\n" + item["body"]
        for e in sample:
            fuzz.partial_ratio(e.name, text, score_cutoff=90)
    per_item = (time.perf_counter() - start) / len(probe) * len(entries) / len(sample)
    return 1.0 / per_item


def run(size: int, n_items: int, seed: int, corpus: str = "news", warmup: int = 0) -> dict[str, float]:
    rng = random.Random(seed + size)
    entries = make_entries(size, rng, corpus)
    items = make_items(n_items, entries, rng, corpus)
    ruleset = RuleSet(watchlists={"w": Watchlist("w", tuple(entries))}, rules=(Rule(name="r", any=("w",)),))
    start = time.perf_counter()
    matcher = Matcher.build(ruleset)
    build = time.perf_counter() - start
    for item in make_items(warmup, entries, random.Random(seed + size + 1), corpus):
        matcher.match(item)
    rate = _rate(matcher.match, items)
    tracemalloc.start()
    traced = Matcher.build(ruleset)
    for item in items[:200]:
        traced.match(item)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    aho = _rate(_aho(entries), items)
    naive = _naive(entries, items, rng)
    return {"size": size, "rate": rate, "build": build, "peak": peak, "aho": aho, "naive": naive}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--sizes", default="100,2000,20000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", choices=("news", "legacy"), default="news")
    parser.add_argument("--warmup", type=int, default=0, help="other items matched first, not timed")
    args = parser.parse_args()
    rows = [run(int(s), args.items, args.seed, args.corpus, args.warmup) for s in args.sizes.split(",")]
    warm = f", after {args.warmup} other items" if args.warmup else ", a fresh matcher"
    build = "compiled by mypyc (setup.py)" if compiled() else "pure Python"
    print(f"{args.items} items of ~3 KB ({args.corpus} corpus), one core{warm}; matcher {build}")
    print(
        f"{'entries':>8} {'items/s':>9} {'build s':>8} {'peak MB':>8} {'exact/s':>9} "
        f"{'naive/s':>9} {'x naive':>8} {'exact/us':>9}"
    )
    for r in rows:
        print(
            f"{r['size']:>8} {r['rate']:>9.0f} {r['build']:>8.2f} {r['peak']:>8.1f} "
            f"{r['aho']:>9.0f} {r['naive']:>9.2f} {r['rate'] / r['naive']:>8.0f} "
            f"{r['aho'] / r['rate']:>9.2f}"
        )
    first, last = rows[0], rows[-1]
    grow = last["size"] / first["size"]
    print(
        f"entries x{grow:.0f} -> time per item x{first['rate'] / last['rate']:.2f} "
        "(linear growth would be the entries factor)"
    )


if __name__ == "__main__":
    main()
