"""Russian names written in Cyrillic in any grammatical case (genitive, dative, instrumental...)."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist
from monitor.matching.translit import russian_nominatives

ENTRIES = (
    Entry("lav", "Sergei Lavrov", ("Lavrov",), kind="person"),
    Entry("sho", "Sergei Shoigu", ("Shoigu",), kind="person"),
    Entry("put", "Vladimir Putin", ("Putin",), kind="person"),
    Entry("bel", "Andrei Belousov", ("Belousov",), kind="person"),
    Entry("zak", "Maria Zakharova", ("Zakharova",), kind="person"),
    Entry("zkm", "Oleg Zakharov", kind="person"),
    Entry("pes", "Dmitry Peskov", kind="person"),
    Entry("mat", "Valentina Matviyenko", ("Matviyenko",), kind="person"),
    Entry("slu", "Leonid Slutsky", kind="person"),
    Entry("mor", "Igor Morgulov", kind="person"),
    Entry("kha", "Khabarovsk", kind="place"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _entries(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


POSITIVE = [
    # -ov surname, masculine first name: every case
    ("gen", "Заявление Сергея Лаврова прозвучало в среду.", "lav"),
    ("dat", "Вопрос был задан Сергею Лаврову на брифинге.", "lav"),
    ("instr", "Переговоры с Сергеем Лавровым длились два часа.", "lav"),
    ("prep", "Журналисты спросили о Сергее Лаврове.", "lav"),
    ("acc-surname", "Делегация ждала Лаврова у трапа.", "lav"),
    ("instr-surname", "Встреча с Лавровым перенесена.", "lav"),
    ("dat-surname", "Письмо направлено Лаврову лично.", "lav"),
    ("prep-surname", "Речь шла о Лаврове и его визите.", "lav"),
    ("patronymic-gen", "Слова Сергея Викторовича Лаврова цитировали все.", "lav"),
    ("patronymic-alone", "Ответ Викторовича Лаврова был кратким.", "lav"),
    # -in surname, first name in -ir
    ("putin-gen", "Указ Владимира Путина опубликован.", "put"),
    ("putin-instr", "Беседа с Владимиром Путиным состоялась в Кремле.", "put"),
    ("putin-dat", "Доклад представлен Владимиру Путину.", "put"),
    ("putin-alone", "Пресс-секретарь Путина ответил коротко.", "put"),
    # indeclinable surname, declined first name
    ("shoigu-dat", "Телеграмма пришла Сергею Шойгу вечером.", "sho"),
    ("shoigu-gen", "Поездка Сергея Шойгу в Пхеньян.", "sho"),
    ("belousov-gen", "Приказ Андрея Белоусова подписан.", "bel"),
    ("belousov-alone", "Завершился визит Белоусова.", "bel"),
    # feminine: -ia first name, -ova surname
    ("fem-gen", "Брифинг Марии Захаровой начался с опозданием.", "zak"),
    ("fem-instr", "Интервью с Марией Захаровой вышло утром.", "zak"),
    ("fem-acc", "Журналисты окружили Марию Захарову.", "zak"),
    ("fem-alone", "По словам Захаровой, ответ будет.", "zak"),
    ("fem-indeclinable", "Поздравление Валентины Матвиенко зачитали.", "mat"),
    # -ev/-ov surnames with soft first names, adjectival surname
    ("dmitry-gen", "Комментарий Дмитрия Пескова был сдержан.", "pes"),
    ("dmitry-instr", "С Дмитрием Песковым связаться не удалось.", "pes"),
    ("igor-instr", "Игорем Моргуловым подписан протокол.", "mor"),
    ("adjectival", "Инициатива Леонида Слуцкого не прошла.", "slu"),
    # masculine entry: the Cyrillic genitive in -a is his
    ("masc-gen-a", "Мнение Олега Захарова учли.", "zkm"),
    # places decline too
    ("place-prep", "Учения прошли в Хабаровске.", "kha"),
    ("place-gen", "Губернатор Хабаровска выступил.", "kha"),
]


@pytest.mark.parametrize(("case", "text", "entry"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_inflected_cyrillic_names_match(case: str, text: str, entry: str) -> None:
    assert entry in _entries(text), case


NEGATIVE = [
    # the same first name in the genitive, another person
    ("other-sergei", "Заявление Сергея Иванова прозвучало в среду.", "lav"),
    ("other-vladimir", "Указ Владимира Мединского опубликован.", "put"),
    ("other-maria", "Брифинг Марии Ивановой начался.", "zak"),
    # another first name before the surname
    ("other-first-fem", "Выступление Светланы Захаровой на льду.", "zak"),
    ("other-first-gen", "Ответ Николая Лаврова был кратким.", "lav"),
    # a surname sharing the stem
    ("stem-nom", "Режиссёр Лавровский представил фильм.", "lav"),
    ("stem-gen", "Фильм Лавровского вышел в прокат.", "lav"),
    ("stem-putilin", "Статья Путилина вышла вчера.", "put"),
    # a feminine entry never matches the masculine nominative
    ("masc-nom", "Захаров заявил о новых данных.", "zak"),
    # endings are only stripped from Cyrillic: in Latin script Putina is another person
    ("latin-putina", "Katerina Putina attended the gala.", "put"),
    ("latin-lavrova", "Actress Lavrova won the award.", "lav"),
    ("latin-zakharov", "Oleg Zakharov said.", "zak"),
]


@pytest.mark.parametrize(("case", "text", "entry"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_no_false_hits(case: str, text: str, entry: str) -> None:
    assert entry not in _entries(text), case


def test_scores_and_span() -> None:
    text = "Переговоры с Сергеем Лавровым длились два часа."
    (m,) = [m for m in MATCHER.match({"title": "", "body": text}) if m.entry == "lav"]
    assert m.text == "Сергеем Лавровым"
    assert m.kind == "script"
    assert m.score >= 90


def test_nominatives_rule() -> None:
    assert "lavrov" in russian_nominatives("lavrovym")
    assert "sergei" in russian_nominatives("sergeya")
    assert "mariya" in russian_nominatives("mariei")
    assert "zakharova" in russian_nominatives("zakharovoi")
    assert "zakharova" not in russian_nominatives("zakharov")
    assert russian_nominatives("lavrov") == ()


def test_chinese_characters_read_one_syllable_a_word() -> None:
    matcher = Matcher.build(
        RuleSet(
            watchlists={"w": Watchlist("w", (Entry("lq", "Li Qiang", kind="person"),))},
            rules=(Rule("all", any=("w",)),),
        )
    )
    (m,) = matcher.match({"title": "", "body": "国务院总理李强同日会见了代表团。"})
    assert (m.entry, m.text, m.kind) == ("lq", "李强", "script")
    assert not matcher.match({"title": "", "body": "国务院总理同日会见了代表团。"})


def test_a_chinese_name_that_also_reads_as_korean_is_not_taken_for_a_longer_korean_name() -> None:
    # 王毅 (Wang Yi) reads as two Korean syllables too; the character after it starts the
    # next word ("attends") as often as it ends a longer name, so it does not veto the match
    matcher = Matcher.build(
        RuleSet(
            watchlists={"w": Watchlist("w", (Entry("wy", "Wang Yi", kind="person"),))},
            rules=(Rule("all", any=("w",)),),
        )
    )
    (m,) = matcher.match({"title": "", "body": "外交部长王毅参加会见。"})
    assert (m.entry, m.text) == ("wy", "王毅")
    assert not matcher.match({"title": "", "body": "Kim Wang Yi Chol spoke."})  # a 4-word Latin name
