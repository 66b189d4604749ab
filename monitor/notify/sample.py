"""A realistic sample digest: template previews, screenshots and tests.

Pure: the caller passes ``now``; published times are offsets from it. Stories
are modelled on how KCNA, TASS, Yonhap and NK News report the same events.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from monitor.model import DigestEntry, Item, Match, SourceHealthNote, StoredItem
from monitor.notify.viewmodel import DigestView

# rule -> watch-list entry -> (entry name, spellings an outlet may use, kind of variant)
ENTRIES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "kju": ("Leadership", "Kim Jong Un", (
        ("Kim Jong Un", "exact"), ("Kim Jong-un", "alias"), ("KIM JONG UN", "case"),
    )),
    "kyj": ("Leadership", "Kim Yo Jong", (("Kim Yo Jong", "exact"), ("Kim Yo-jong", "alias"))),
    "putin": ("DPRK–Russia", "Vladimir Putin", (
        ("Vladimir Putin", "exact"), ("Putin", "partial"), ("Vladimir Vladimirovich Putin", "alias"),
    )),
    "shoigu": ("DPRK–Russia", "Sergei Shoigu", (
        ("Sergei Shoigu", "exact"), ("Sergey Shoygu", "translit"), ("Shoigu", "partial"),
    )),
    "lavrov": ("DPRK–Russia", "Sergei Lavrov", (("Sergei Lavrov", "exact"), ("Lavrov", "partial"))),
    "choe": ("DPRK–Russia", "Choe Son Hui", (("Choe Son Hui", "exact"), ("Choe Son-hui", "alias"))),
    "treaty": ("Treaties", "Comprehensive Strategic Partnership Treaty", (
        ("Treaty on Comprehensive Strategic Partnership", "reordered"),
        ("comprehensive strategic partnership treaty", "case"),
        ("Comprehensive Strategic Partnership Treaty", "exact"),
    )),
    "hwasong": ("Missiles", "Hwasong-18", (("Hwasong-18", "exact"), ("Hwasong 18", "typo"))),
    "rason": ("Trade and transport", "Rason", (("Rason", "exact"), ("Rajin", "alias"))),
}

# (minutes before now, source, title, body, teaser_only); stories told by several outlets
# sit together, separated by blank tuples only in spirit: dedupe has to find them.
REPORTS: tuple[tuple[int, str, str, str, bool], ...] = (
    (620, "KCNA", "Respected Comrade Kim Jong Un Inspects Munitions Factory",
     "Kim Jong Un, general secretary of the Workers' Party of Korea and president of the State "
     "Affairs of the DPRK, inspected a munitions enterprise producing artillery shells and multiple "
     "rocket launchers. He set forth the task of expanding the production capacity of shells and "
     "modernising the production lines of the enterprise.", False),
    (560, "Yonhap", "N. Korean leader inspects munitions factory, calls for more artillery shells",
     "SEOUL, Sept. 2 (Yonhap) -- North Korean leader Kim Jong-un inspected a munitions factory "
     "producing artillery shells and multiple rocket launchers and called for expanding production "
     "capacity, state media reported Saturday, amid speculation over arms supplies to Russia.", False),
    (500, "NK News", "Kim Jong Un tours artillery shell factory amid Russia arms deal speculation",
     "North Korean leader Kim Jong Un visited a munitions enterprise that produces artillery shells "
     "and rocket launchers, state media reported, urging workers to expand production capacity as "
     "Washington warns of arms talks between Pyongyang and Moscow.", False),
    (480, "KCNA", "Kim Jong Un Inspects Construction Site of Fertilizer Factory",
     "Kim Jong Un inspected the construction site of the Hungnam fertilizer complex and learned "
     "about the progress of building a new ammonia production line, stressing that the fertilizer "
     "supply to the farms of the country must be increased.", False),
    (300, "KCNA", "Kim Jong Un Sends Greetings to President of Lao PDR",
     "Kim Jong Un sent a message of greeting to Thongloun Sisoulith, general secretary of the Lao "
     "People's Revolutionary Party and president of the Lao PDR, on the national day of Laos, "
     "expressing the hope that the friendly relations would grow stronger.", False),
    (290, "KCNA", "Kim Jong Un Sends Greetings to President of Vietnam",
     "Kim Jong Un sent a message of greeting to To Lam, general secretary of the Communist Party "
     "of Vietnam and president of the Socialist Republic of Vietnam, on the national day of "
     "Vietnam, expressing the hope that the friendly relations would grow stronger.", False),
    (900, "TASS", "Shoigu arrives in Pyongyang on official visit",
     "PYONGYANG, July 25. /TASS/. Russian Defence Minister Sergei Shoigu arrived in Pyongyang at "
     "the head of a military delegation to attend celebrations of the 70th anniversary of the "
     "armistice in the Korean War, the Russian Defence Ministry said.", False),
    (870, "KCNA", "Military Delegation of Russian Federation Arrives in Pyongyang",
     "A military delegation of the Russian Federation led by Sergey Shoygu, minister of Defence, "
     "arrived in Pyongyang to congratulate the 70th anniversary of the victory in the Great "
     "Fatherland Liberation War. It was greeted at the airport by the minister of National Defence.",
     False),
    (840, "Yonhap", "Russian defense chief Shoigu arrives in N. Korea for war anniversary",
     "SEOUL, July 25 (Yonhap) -- Russian Defense Minister Sergei Shoigu arrived in Pyongyang at the "
     "head of a military delegation to attend the 70th anniversary of the Korean War armistice, "
     "state media said.", False),
    (200, "TASS", "Putin signs law ratifying Comprehensive Strategic Partnership Treaty with DPRK",
     "MOSCOW, November 9. /TASS/. Russian President Vladimir Putin has signed a law ratifying the "
     "Comprehensive Strategic Partnership Treaty between Russia and the DPRK. The treaty provides "
     "for mutual assistance in the event of aggression against one of the parties.", False),
    (150, "NK News", "Putin ratifies mutual defense treaty with North Korea",
     "Russian President Vladimir Putin signed a law ratifying the comprehensive strategic "
     "partnership treaty with North Korea, which includes a mutual assistance clause in the event "
     "of aggression against either party, the Kremlin said.", False),
    (100, "KCNA", "DPRK Presidium of Supreme People's Assembly Ratifies Treaty with Russia",
     "The Presidium of the Supreme People's Assembly issued a decree ratifying the Treaty on "
     "Comprehensive Strategic Partnership between the DPRK and the Russian Federation, signed in "
     "Pyongyang in June.", False),
    (60, "TASS", "Lavrov, Choe Son Hui hold talks in Moscow",
     "MOSCOW, November 1. /TASS/. Russian Foreign Minister Sergei Lavrov held talks with DPRK "
     "Foreign Minister Choe Son Hui in Moscow, discussing the situation on the Korean Peninsula "
     "and the implementation of the agreements reached at the summit.", False),
    (40, "Yonhap", "N. Korean FM Choe Son-hui holds talks with Lavrov in Moscow",
     "SEOUL, Nov. 1 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with her "
     "Russian counterpart Sergei Lavrov in Moscow, discussing the situation on the Korean Peninsula "
     "and follow-up to the summit agreements.", False),
    (1300, "KCNA", "Kim Yo Jong Issues Press Statement on Drone Incursion",
     "Kim Yo Jong, vice department director of the Central Committee of the WPK, issued a press "
     "statement warning that the intrusion of drones into the sky over the capital would be "
     "answered with a horrible disaster.", False),
    (1200, "Yonhap", "N. Korea fires ICBM into East Sea: JCS",
     "SEOUL, Dec. 18 (Yonhap) -- North Korea fired an intercontinental ballistic missile into the "
     "East Sea on Monday, the Joint Chiefs of Staff said. Analysts said it was likely a "
     "solid-fuel Hwasong-18.", False),
    (1150, "KCNA", "Launching Drill of ICBM Hwasong-18 Conducted",
     "A launching drill of the ICBM Hwasong-18 was conducted under the guidance of Kim Jong Un, "
     "who said the drill demonstrated the will to respond to the hostile moves of the US. The "
     "missile flew 1 002 km and landed in the open waters of the East Sea.", False),
    (1000, "Rodong Sinmun", "Passenger Train Service Between Rason and Vladivostok Resumes",
     "Passenger train service between Rason and Vladivostok resumed after four years, carrying "
     "tourists and business delegations.", True),
    (980, "TASS", "Rail freight via Khasan–Rajin rises by a third",
     "VLADIVOSTOK, October 3. /TASS/. Freight traffic through the Khasan–Rajin border crossing rose "
     "by a third this year, the Far Eastern Railway said, with coal and fertiliser making up most "
     "of the cargo.", False),
    (700, "TASS", "Putin and Kim Jong Un hold talks at Vostochny cosmodrome",
     "VOSTOCHNY, September 13. /TASS/. Russian President Vladimir Putin and Kim Jong Un held talks "
     "at the Vostochny cosmodrome in the Amur Region; the talks in the expanded format lasted "
     "about an hour and a half.", False),
    (690, "Yonhap", "Kim, Putin hold summit at Russian spaceport",
     "SEOUL, Sept. 13 (Yonhap) -- North Korean leader Kim Jong-un and Russian President Vladimir "
     "Putin held summit talks at the Vostochny cosmodrome in the Amur region, according to TASS, "
     "with talks in the expanded format lasting about an hour and a half.", False),
    (400, "KCNA", "Kim Jong Un Visits Kim Il Sung University",
     "Kim Jong Un visited Kim Il Sung University on its anniversary and looked round its new "
     "electronic library and research laboratories.", False),
    (380, "KCNA", "Kim Jong Un Watches Tactical Drill of Artillery Units",
     "Kim Jong Un watched a firing drill of artillery sub-units of the western front, stressing "
     "that the gunners must be ready to strike the enemy at any moment.", False),
    (360, "Naenara", "Kim Jong Un Enjoys Performance Given by Art Troupe",
     "Kim Jong Un enjoyed a performance of the Samjiyon Orchestra given in celebration of the "
     "founding anniversary of the Korean Children's Union.", False),
    (340, "KCNA", "Greetings to Vladimir Putin on Russia Day",
     "Kim Jong Un sent a message of greeting to Vladimir Vladimirovich Putin, president of the "
     "Russian Federation, on Russia Day, wishing the Russian people victory in their just cause.",
     False),
    (320, "TASS", "Putin receives DPRK Foreign Minister Choe Son Hui in the Kremlin",
     "MOSCOW, November 4. /TASS/. Vladimir Putin received DPRK Foreign Minister Choe Son Hui in "
     "the Kremlin; Sergei Lavrov took part in the meeting.", False),
    (250, "KCNA", "Russian Economic Delegation Leaves Pyongyang",
     "An economic delegation of the Russian Federation led by the minister of natural resources "
     "left Pyongyang after signing a protocol on trade and the development of Rason port.", False),
    (230, "NK News", "Rason port sees new Russian coal shipments, satellite imagery shows",
     "Satellite imagery shows vessels unloading Russian coal at Rajin port in the Rason special "
     "economic zone for the third week running.", False),
    (210, "KCNA", "Kim Jong Un Inspects Newly Built Greenhouse Farm",
     "Kim Jong Un inspected the newly built Kangdong greenhouse farm and praised the builders for "
     "completing it ahead of schedule.", False),
    (190, "KCNA", "Kim Jong Un Receives Russian Delegation",
     "Kim Jong Un received a delegation of the Russian Federation led by Sergei Shoigu, secretary "
     "of the Security Council, and had a talk with it.", False),
    (170, "Uriminzokkiri", "Commentary: Treaty on Comprehensive Strategic Partnership a Shield",
     "The Treaty on Comprehensive Strategic Partnership is a powerful shield that protects the "
     "sovereignty of the two countries, a commentary said.", True),
    (130, "KCNA", "Kim Jong Un Congratulates Putin on Election Victory",
     "Kim Jong Un sent a message of congratulations to Vladimir Putin on his re-election as "
     "president of the Russian Federation.", False),
    (90, "TASS", "Hwasong 18 launch condemned at UN Security Council",
     "NEW YORK, December 19. /TASS/. The launch of the Hwasong 18 was discussed at the UN "
     "Security Council; Russia and China opposed new sanctions.", False),
    (20, "KCNA", "KIM JONG UN VISITS MUNITIONS INDUSTRY ENTERPRISES",
     "KIM JONG UN visited important munitions industry enterprises, looking round the production "
     "of new-type tactical missiles and drones.", False),
)

HEALTH = (
    SourceHealthNote("Rodong Sinmun", "listing page layout changed: 0 items found with the "
                     "configured selector for 3 polls (since 2024-11-09 04:00 UTC)"),
    SourceHealthNote("Naenara", "HTTP 503 on the last 5 polls; next try in 30 min"),
)


def sample_view(now: datetime, *, name: str = "daily", timezone: str = "Asia/Seoul",
                max_items: int = 50) -> DigestView:
    entries = tuple(_entry(i + 1, report, now) for i, report in enumerate(REPORTS))
    return DigestView(name, now, timezone, entries, HEALTH, max_items)


def _entry(row: int, report: tuple[int, str, str, str, bool], now: datetime) -> DigestEntry:
    minutes, source, title, body, teaser = report
    published = now - timedelta(minutes=minutes)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    item = Item(source, f"{source}:{row}", title, f"https://news.example/{row}/{slug}", body,
                published, teaser)
    stored = StoredItem(row, item, published + timedelta(minutes=3))
    return DigestEntry(stored, tuple(_matches(item)))


def _matches(item: Item) -> list[Match]:
    found: list[Match] = []
    for entry_id, (rule, entry_name, spellings) in ENTRIES.items():
        for field, text in item.fields().items():
            taken: list[tuple[int, int]] = []
            for spelling, kind in sorted(spellings, key=lambda s: -len(s[0])):
                for m in re.finditer(re.escape(spelling), text):
                    if any(m.start() < e and s < m.end() for s, e in taken):
                        continue  # a longer spelling already covers it
                    taken.append((m.start(), m.end()))
                    score = 1.0 if kind == "exact" else 0.9 if kind in ("alias", "case") else 0.82
                    found.append(Match(rule, rule.lower(), entry_id, entry_name, field,
                                       m.start(), m.end(), m.group(), score, kind))
    return found
