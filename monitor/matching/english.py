"""Whether a lowercase string is shaped like an English word.

An item that writes an acronym's letters as a lowercase word (`the spa` ... `the SPA
building`) uses it as that word, unless English could not spell such a word (no vowel,
`fatf`'s final `tf`, `rcep`'s initial `rc`): then the lowercase letters are the acronym typed
carelessly (`the fsb report`), and say nothing of the capitals.
"""

from __future__ import annotations

import re

_VOWELS = "aeiouy"
# Consonant clusters that open or close an English syllable (besides a single consonant)
_ONSETS = frozenset(
    """bl br ch cl cr dr dw fl fr gl gr kl kn kr ph pl pr ps qu sc sch scr sh shr sk sl sm sn sp
    sph spl spr squ st str sw th thr tr tw wh wr""".split()
)
_CODAS = frozenset(
    """ch ck ct dth ff ft gh ght ld lf lk ll lm ln lp ls lt mb mp mph mps ms nch nd nds ng ngs
    nk nks ns nt nth pt rb rc rch rd rf rg rk rl rm rn rp rs rst rt rth sh sk sp ss st th
    ts tch tz wn ws xt zz bs ds gs ks ps""".split()
)
_RUNS = re.compile(f"[{_VOWELS}]+|[^{_VOWELS}]+")


def wordlike(word: str) -> bool:
    """The lowercase letters could spell an English word: a vowel, at most two vowels in a
    row, and an opening and a closing run of consonants English has (``rcep``, ``fatf``,
    ``smgs``, ``eaeu`` could not; ``salt``, ``start``, ``nato`` could)."""
    runs = _RUNS.findall(word)
    if not runs or not any(r[0] in _VOWELS for r in runs):
        return False
    if any(r[0] in _VOWELS and len(r) > 2 for r in runs):
        return False
    first, last = runs[0], runs[-1]
    if first[0] not in _VOWELS and len(first) > 1 and first not in _ONSETS:
        return False
    if last[0] not in _VOWELS and len(last) > 1 and last not in _CODAS:
        return False
    # (inside a word a run of consonants closes one syllable and opens the next)
    return all(len(r) <= 3 for r in runs[1:-1] if r[0] not in _VOWELS)
