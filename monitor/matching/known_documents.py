"""Other names of well-known documents, which no spelling rule can derive.

The press names a treaty by its date (`the Sept. 19 military agreement`), by where it was
signed (`the Prague Treaty`), by what it did (`the Iran nuclear deal`) or by an older
translation (`the Seabed Arms Control Treaty`). An entry whose name or alias is one of a
group's names (word for word, case and punctuation aside) also gets the group's other names
(names.compile_names; kind `alias`). The table holds documents of the field (arms control,
the Korean peninsula, Russia and its neighbours); an analyst can always add an alias.
"""

from __future__ import annotations

from functools import lru_cache

# Each group: names of one document.
_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "Agreement on the Implementation of the Historic Panmunjom Declaration in the Military Domain",
        "Comprehensive Military Agreement",
        "September 19 Military Agreement",
        "Inter-Korean Military Agreement",
        "North-South Military Agreement",
    ),
    (
        "Panmunjom Declaration for Peace, Prosperity and Unification of the Korean Peninsula",
        "Panmunjom Declaration",
        "April 27 Declaration",
    ),
    (
        "Joint Statement of the Fourth Round of the Six-Party Talks",
        "September 19 Joint Statement",
    ),
    (
        "Agreed Framework between the United States of America and the Democratic People's Republic of Korea",
        "Agreed Framework",
        "Geneva Agreed Framework",
    ),
    (
        "Joint Comprehensive Plan of Action",
        "JCPOA",
        "Iran Nuclear Deal",
    ),
    (
        "Treaty between the United States of America and the Russian Federation on Measures for the Further"
        " Reduction and Limitation of Strategic Offensive Arms",
        "New START",
        "Prague Treaty",
    ),
    (
        "Treaty between the United States of America and the Union of Soviet Socialist Republics on the"
        " Elimination of Their Intermediate-Range and Shorter-Range Missiles",
        "Treaty on the Elimination of Intermediate-Range and Shorter-Range Missiles",
        "Intermediate-Range Nuclear Forces Treaty",
        "INF Treaty",
    ),
    (
        "Treaty Banning Nuclear Weapon Tests in the Atmosphere, in Outer Space and Under Water",
        "Partial Test Ban Treaty",
        "Limited Test Ban Treaty",
        "Partial Nuclear Test Ban Treaty",
    ),
    (
        "Treaty on the Prohibition of the Emplacement of Nuclear Weapons and Other Weapons of Mass"
        " Destruction on the Sea-Bed and the Ocean Floor and in the Subsoil Thereof",
        "Seabed Arms Control Treaty",
        "Seabed Treaty",
    ),
    (
        "Treaty concerning the Archipelago of Spitsbergen",
        "Svalbard Treaty",
        "Spitsbergen Treaty",
    ),
    (
        "Fissile Material Cut-off Treaty",
        "FMCT",
        "Cut-off Treaty",
    ),
    (
        "Memorandum on Security Assurances in Connection with Ukraine's Accession to the Treaty on the"
        " Non-Proliferation of Nuclear Weapons",
        "Budapest Memorandum",
    ),
    (
        "Initiative on the Safe Transportation of Grain and Foodstuffs from Ukrainian Ports",
        "Black Sea Grain Initiative",
        "Black Sea Grain Deal",
    ),
    (
        "Convention on the Prohibition of the Development, Production and Stockpiling of Bacteriological"
        " (Biological) and Toxin Weapons and on Their Destruction",
        "Biological Weapons Convention",
        "Biological and Toxin Weapons Convention",
        "BWC",
        "BTWC",
    ),
    (
        "Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space,"
        " including the Moon and Other Celestial Bodies",
        "Outer Space Treaty",
    ),
    (
        "Treaty on the Limitation of Anti-Ballistic Missile Systems",
        "Anti-Ballistic Missile Treaty",
        "ABM Treaty",
    ),
    (
        "Vienna Convention on Diplomatic Relations",
        "Vienna Convention on Diplomatic Intercourse",
    ),
    (
        "Treaty of Good-Neighborliness and Friendly Cooperation between the People's Republic of China and"
        " the Russian Federation",
        "Treaty of Good-Neighbourliness and Friendly Cooperation",
        "Sino-Russian Treaty of Friendship",
    ),
)


def _key(name: str) -> str:
    """A name compared word for word, case and punctuation aside."""
    return " ".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[str, ...]]:
    return {_key(name): group for group in _GROUPS for name in group}


def known_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The other names of the well-known document one of these names is, or none."""
    table = _by_name()
    have = {_key(n) for n in names}
    for name in names:
        group = table.get(_key(name))
        if group is not None:
            return tuple(other for other in group if _key(other) not in have)
    return ()
