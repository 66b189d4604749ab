"""Common Russian given names, to tell a person from a place named after one.

A one-word place right after a capitalised given name is that person's surname: Sergei
Korolev the designer, not the city of Korolyov; Konstantin Tsiolkovsky, not the town. Names
are compared by their Russian key (translit.russian_key), so Sergey, Sergej and Sergei, or
Pyotr and Petr, are one name here.
"""

from __future__ import annotations

from functools import lru_cache

from monitor.matching.translit import russian_key

_NAMES = """
aleksandr aleksei anatoly andrei anton arkady arseny artyom boris bogdan daniil denis dmitry
eduard evgeny fyodor gennady georgy gleb grigory igor ilya innokenty ivan kirill konstantin
lev leonid maksim matvei mikhail nikita nikolai oleg pavel pyotr roman ruslan semyon sergei
stanislav stepan taras timofei timur vadim valentin valery vasily viktor vitaly vladimir
vladislav vsevolod vyacheslav yakov yaroslav yegor yevgeny yuri zakhar
alexei alexander dmitri evgeni vasili
alla alyona anastasia anna antonina darya ekaterina elena elizaveta elvira galina inna irina
kseniya larisa lidiya lyubov lyudmila margarita maria marina nadezhda natalia nina oksana olga
polina raisa svetlana tamara tatyana valentina vera veronika viktoriya yekaterina yelena
yulia zinaida zoya
"""
_KEYS = frozenset(russian_key(name) for name in _NAMES.split())


@lru_cache(maxsize=4096)
def russian_given_name(word: str) -> bool:
    """The (lowercase, folded) word is a common Russian given name in some spelling."""
    return russian_key(word) in _KEYS
