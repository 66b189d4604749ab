"""Backtest throughput: 100,000 stored items against a 2,000-entry rule folder.

Usage: python benchmarks/backtest_bench.py [--items 100000] [--entries 2000] [--seed 7]
                                           [--workers N] [--dir /tmp/backtest_bench] [--fresh]

Generates (deterministically, from the seed) a SQLite store of news-like items of
1-3 KB from a dozen sources, about a quarter of them mentioning watched names in
the spellings wires use (hyphens, capitals, possessives, other transliterations),
with the matches "alerted" under an older rule set recorded in the store; and a
rules folder of 2,000 entries (people, places, organisations) in four watch-lists
and four rules. The store is cached in --dir between runs (--fresh rebuilds it).
Then runs the backtest exactly as ``monitor backtest`` does (run_backtest with the
default process pool) and prints wall time, items/s, and peak RSS of the parent
and of the worker processes. Target: 100k items in under 60 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.backtest import ProgressBar, format_report, run_backtest
from monitor.model import Item, Match
from monitor.store import Store

SOURCES = [
    "KCNA Watch",
    "NK News",
    "38 North",
    "Yonhap North Korea",
    "TASS World",
    "Daily NK",
    "RIA",
    "Rodong Sinmun",
    "Naenara",
    "Interfax",
    "Reuters Asia",
    "AP Korea",
]
FIRST_RU = (
    "Sergei Andrei Dmitry Alexander Mikhail Nikolai Yuri Pavel Oleg Igor Anna Elena Olga Viktor".split()
)
FIRST_RU_VARIANT = {"Sergei": "Sergey", "Andrei": "Andrey", "Yuri": "Yuriy", "Dmitry": "Dmitri"}
SYL_RU = "vo lo ko mi sha ro ni ta se re ga zu be do pe tro ka li na vi".split()
SUF_RU = "ov ev in sky enko ova eva ina kov".split()
SYL_KO = "kim pak ri choe jo jong un song chol hui nam yong ho su myong kwang hyon thae".split()
PLACES = "grad sk ovo insk burg pol dar ino".split()
ORG_KIND = "Institute Agency Committee Council Bureau Corporation Commission Academy".split()
ORG_TOPIC = "Energy Space Atomic Maritime Grain Railway Fisheries Steel Aviation Cyber".split()
# Sentences of the kind these outlets print; {X} is a watched name or an unwatched one.
SENTENCES = [
    "The delegation led by {X} arrived in Pyongyang on Tuesday for talks on economic cooperation.",
    "{X} said the two countries would expand trade across the border bridge at Tumangang.",
    "According to the state news agency, {X} inspected a construction site in the capital.",
    "Officials in Moscow confirmed that {X} had met the ambassador to discuss the agreement.",
    "The ministry said in a statement that sanctions had not affected grain shipments.",
    "Analysts said the visit signalled closer military ties between the two governments.",
    "A spokesman for the foreign ministry rejected the report as a fabrication.",
    "The agreement covers energy, transport, fisheries and scientific exchange until 2030.",
    "Satellite images showed new construction near the port, according to the institute.",
    "The committee approved the plan at a plenary meeting attended by senior party officials.",
    "Rail freight between the two countries rose sharply in the third quarter, customs data show.",
    "The newspaper devoted its front page to the anniversary and the achievements of the year.",
    "{X} told reporters the exercise was a routine defensive measure and threatened no one.",
    "Prices of rice and corn in markets rose for a second month, traders told the outlet.",
    "Observers expect further visits before the end of the year as preparations continue.",
]
UNWATCHED = [
    "John Smith",
    "Maria Garcia",
    "Lee Jae-myung",
    "Antonio Guterres",
    "Wang Yi",
    "Yoon Suk Yeol",
    "Rafael Grossi",
    "Kishida Fumio",
    "Olaf Scholz",
    "Recep Erdogan",
]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def make_entries(n: int, rng: random.Random) -> list[tuple[str, str, list[str]]]:
    """(watch-list, name, aliases) for ``n`` unique plausible entries."""
    seen: set[str] = set()
    out: list[tuple[str, str, list[str]]] = []
    while len(out) < n:
        roll = rng.random()
        aliases: list[str] = []
        if roll < 0.45:
            surname = _cap("".join(rng.choices(SYL_RU, k=rng.randint(2, 3))) + rng.choice(SUF_RU))
            name, wl = f"{rng.choice(FIRST_RU)} {surname}", "russian-officials"
            if rng.random() < 0.3:
                aliases = [surname]
        elif roll < 0.75:
            name, wl = " ".join(_cap(rng.choice(SYL_KO)) for _ in range(3)), "dprk-officials"
        elif roll < 0.9:
            name, wl = _cap("".join(rng.choices(SYL_RU, k=2)) + rng.choice(PLACES)) + " region", "places"
        else:
            name = (
                f"{rng.choice(ORG_TOPIC)} {rng.choice(ORG_KIND)} of {_cap(''.join(rng.choices(SYL_RU, k=2)))}"
            )
            wl = "organisations"
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append((wl, name, aliases))
    return out


def variant(name: str, rng: random.Random) -> str:
    """A spelling a wire might use for ``name``."""
    words = name.split()
    roll = rng.random()
    if roll < 0.2:
        return name.upper()
    if roll < 0.4 and len(words) == 3:
        return f"{words[0]} {words[1]}-{words[2].lower()}"  # Kim Jong-un
    if roll < 0.55 and words[0] in FIRST_RU_VARIANT:
        return " ".join([FIRST_RU_VARIANT[words[0]], *words[1:]])
    if roll < 0.65:
        return name + "'s"
    return name


def write_rules(folder: Path, entries: list[tuple[str, str, list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    by_list: dict[str, list[str]] = {}
    for wl, name, aliases in entries:
        alias = (
            f", aliases = [{', '.join(repr(a).replace(chr(39), chr(34)) for a in aliases)}]"
            if aliases
            else ""
        )
        by_list.setdefault(wl, []).append(f'  {{ name = "{name}"{alias} }},' if alias else f'  "{name}",')
    people = ["dprk-officials", "russian-officials"]
    text = []
    for wl in people:
        text += ["[[watchlist]]", f'name = "{wl}"', "entries = [", *by_list.get(wl, []), "]", ""]
    (folder / "people.toml").write_text("\n".join(text), encoding="utf-8")
    text = []
    for wl in ("places", "organisations"):
        text += ["[[watchlist]]", f'name = "{wl}"', "entries = [", *by_list.get(wl, []), "]", ""]
    text += [
        '[[rule]]\nname = "officials"\nany = ["dprk-officials", "russian-officials"]\n',
        '[[rule]]\nname = "summits"\nall = ["dprk-officials", "russian-officials"]\n',
        '[[rule]]\nname = "places near officials"\nany = ["places"]\n'
        'near = { lists = ["places", "russian-officials"], within = 30 }\n',
        '[[rule]]\nname = "organisations"\nany = ["organisations"]\nnone = ["places"]\n',
    ]
    (folder / "topics.toml").write_text("\n".join(text), encoding="utf-8")


def build_store(
    path: Path, n_items: int, entries: list[tuple[str, str, list[str]]], rng: random.Random
) -> None:
    """``n_items`` items; the first 95% of the entries stand for the rules "in force" when the items
    arrived, so the backtest of the full folder shows additions."""
    start = datetime(2026, 10, 1, tzinfo=UTC)
    old_cutoff = int(len(entries) * 0.95)
    with Store(path) as store:
        store.db.execute("PRAGMA synchronous=OFF")  # generation only: the bench is not about durability
        per_source: dict[str, list[Item]] = {s: [] for s in SOURCES}
        mentions: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        for i in range(n_items):
            source = SOURCES[i % len(SOURCES)]
            key = f"{source}-{i}"
            mentioned: list[tuple[int, str, str]] = []
            body: list[str] = []
            size = rng.randint(1000, 3000)
            while sum(len(s) + 1 for s in body) < size:
                sentence = rng.choice(SENTENCES)
                if "{X}" in sentence:
                    if rng.random() < 0.08:
                        k = rng.randrange(len(entries))
                        who = variant(entries[k][1], rng)
                        mentioned.append((k, who, "body"))
                    else:
                        who = rng.choice(UNWATCHED)
                    sentence = sentence.replace("{X}", who)
                body.append(sentence)
            title = rng.choice(
                [
                    "Talks on cooperation continue",
                    "Delegation visits the capital",
                    "Trade across the border grows",
                    "Statement of the foreign ministry",
                    "Construction site inspected",
                    "Grain prices rise again",
                ]
            )
            if rng.random() < 0.05:
                k = rng.randrange(len(entries))
                who = variant(entries[k][1], rng)
                title = f"{who} {rng.choice(['meets envoy', 'visits Moscow', 'receives delegation'])}"
                mentioned.append((k, who, "title"))
            published = start + timedelta(minutes=i)
            per_source[source].append(
                Item(
                    source=source,
                    key=key,
                    title=title,
                    body=" ".join(body),
                    link=f"https://example.org/{key}",
                    published=published,
                )
            )
            if mentioned:
                mentions[(source, key)] = mentioned
        for source, items in per_source.items():
            for j in range(0, len(items), 2000):
                store.add_items(
                    source,
                    f"https://example.org/{source}",
                    items[j : j + 2000],
                    now=items[j].published or start,
                    etag=None,
                    last_modified=None,
                    content_hash=None,
                    next_poll_at=None,
                    body_pending=False,
                )
        ids = {(r[0], r[1]): r[2] for r in store.db.execute("SELECT source, key, id FROM items")}
        for (source, key), mentioned in mentions.items():
            matches = [
                Match(
                    rule="officials" if entries[k][0].endswith("officials") else "organisations",
                    watchlist=entries[k][0],
                    entry=f"e{k}",
                    entry_name=entries[k][1],
                    field=f,
                    start=0,
                    end=len(who),
                    text=who,
                    score=100.0,
                )
                for k, who, f in mentioned
                if k < old_cutoff and entries[k][0] != "places"
            ]
            store.save_matches(ids[(source, key)], matches, ["daily"] if matches else [], now=start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=None, help="default: one per core (as the CLI)")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/backtest_bench"))
    ap.add_argument("--fresh", action="store_true", help="rebuild the cached store")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    entries = make_entries(args.entries, rng)
    rules = args.dir / f"rules-{args.entries}-{args.seed}"
    write_rules(rules, entries)
    db = args.dir / f"store-{args.items}-{args.entries}-{args.seed}.db"
    if args.fresh or not db.exists():
        for stale in args.dir.glob(f"{db.name}*"):
            stale.unlink()
        t = time.perf_counter()
        build_store(db, args.items, entries, rng)
        print(
            f"generated {db} ({db.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s",
            file=sys.stderr,
        )
    with Store(db) as store:
        t = time.perf_counter()
        report = run_backtest(store, rules, workers=args.workers, progress=ProgressBar(sys.stderr))
        wall = time.perf_counter() - t
    print(format_report(report, rules_dir=rules, scope="all sources, all time"))
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\nbacktest_bench: {report.items:,} items x {args.entries:,} entries: {wall:.1f} s wall, "
        f"{report.items / wall:,.0f} items/s, {report.workers} process(es); "
        f"peak RSS parent {parent:.0f} MB, largest worker {children:.0f} MB; target < 60 s: "
        f"{'MET' if wall < 60 and report.items >= 100_000 else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
