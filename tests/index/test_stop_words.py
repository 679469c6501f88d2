"""Stop words of the query's language never narrow a search, even where another
language's text indexed them as words."""

from __future__ import annotations

from pathlib import Path

from index.analysis import function_word_language
from index.indexer import rebuild
from index.search import SearchParams
from index.service import SearchService
from tests.index.factories import make_record


def test_spanish_stop_word_indexed_in_a_dutch_translation_does_not_narrow(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/2008/26364", ["Se entiende por trata de personas la captación."]),
        make_record(
            "un/treaty/2000/palermo",
            [
                "Trafficking in persons means the recruitment.",
                "Mensenhandel: de werving van personen.",
            ],
            language="en",
            jurisdiction="UN",
            instrument_type="treaty",
        ),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="trata de personas", only_language=True))
    assert [h.work_id for h in page.hits] == ["ar/law/2008/26364"]


def test_phrase_with_stop_words_finds_texts_where_they_are_not_indexed(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/2004/25871", ["El derecho a la migración es esencial e inalienable."]),
        make_record("ar/law/2004/1", ["La migración es un derecho, no a la fuerza."]),
        make_record(
            "fr/law/2018/778",
            ["Le droit de la migration et la protection des personnes."],
            language="fr",
            jurisdiction="FR",
        ),
        # "la" is an ordinary word of this English text, so it is indexed there.
        make_record("un/treaty/1994/x", ["Adopted at La Paz."], language="en", jurisdiction="UN"),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q='"derecho a la migración"'))
        common = service.search(SearchParams(q='"de la"'))
    assert [h.work_id for h in page.hits] == ["ar/law/2004/25871"]
    assert "<mark>" in page.hits[0].parts[0].snippet_html
    assert common.total == 0 and common.notices


def test_state_and_meaning_are_words_of_the_law_not_stop_words(tmp_path: Path) -> None:
    records = [
        make_record("ar/law/2004/25871", ["El Estado garantiza el derecho a migrar."]),
        make_record("ar/law/2004/2", ["Los Estados Partes, en el sentido del artículo 1."]),
        make_record("ar/law/2004/3", ["La persona migrante está protegida."]),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        state = service.search(SearchParams(q="estado", only_language=True))
        parties = service.search(SearchParams(q='"estados partes"'))
        meaning = service.search(SearchParams(q='"en el sentido"'))
    assert {h.work_id for h in state.hits} == {"ar/law/2004/25871", "ar/law/2004/2"}
    assert [h.work_id for h in parties.hits] == ["ar/law/2004/2"]
    assert [h.work_id for h in meaning.hits] == ["ar/law/2004/2"]


def test_function_words_tell_the_query_language() -> None:
    assert function_word_language(["dans", "le", "but"]) == "fr"
    assert function_word_language(["the", "right", "of", "asylum"]) == "en"
    assert function_word_language(["direitos", "das", "mulheres"]) == "pt"
    # words shared by several languages' lists decide nothing
    assert function_word_language(["de", "la", "migration"]) == ""
    assert function_word_language(["migration"]) == ""


def test_a_stop_word_of_another_language_is_a_word_of_the_query(tmp_path: Path) -> None:
    # French "but" (goal) is an English stop word: in a French query it must count.
    records = [
        make_record(
            "fr/law/2016/274",
            ["Cette aide est accordée dans le but de protéger les victimes."],
            language="fr",
            jurisdiction="FR",
        ),
        make_record(
            "fr/law/2016/275",
            ["Cette aide est accordée dans le cadre de la loi."],
            language="fr",
            jurisdiction="FR",
        ),
        make_record(
            "ca/act/2001/27",
            ["Aid is granted, but only to victims."],
            language="en",
            jurisdiction="CA",
        ),
    ]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q='"dans le but"'))
    assert [h.work_id for h in page.hits] == ["fr/law/2016/274"]
    assert not page.notices


def test_a_query_of_common_words_only_finds_nothing_and_says_why(tmp_path: Path) -> None:
    records = [make_record("ar/law/2004/25871", ["La ley de los migrantes."])]
    rebuild(tmp_path, records, procs=1)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q="de los"))
        browse = service.search(SearchParams(q=""))
    assert page.total == 0 and not page.hits
    assert any("common words only" in n for n in page.notices)
    assert browse.total == 1 and not browse.notices


def _son_and_dos(tmp_path: Path) -> None:
    records = [
        make_record(
            "ar/law/2004/25871", ["Son derechos de los migrantes: residencia por dos años."]
        ),
        make_record("ar/law/2004/2", ["Los migrantes tienen derecho a la salud."]),
        make_record(
            "br/lei/2017/13445",
            ["Direitos dos migrantes e dos visitantes."],
            language="pt",
            jurisdiction="BR",
        ),
        make_record(
            "ca/act/2001/27",
            ["The son of a migrant worker is a resident."],
            language="en",
            jurisdiction="CA",
        ),
    ]
    rebuild(tmp_path, records, procs=1)


def test_a_common_word_alone_finds_the_texts_where_it_is_an_ordinary_word(tmp_path: Path) -> None:
    # "son" is a stop word in Spanish (they are) and French (his), a noun in English;
    # "dos" is a stop word in Portuguese (of the), a number in Spanish.
    _son_and_dos(tmp_path)
    with SearchService(tmp_path) as service:
        son = service.search(SearchParams(q="son"))
        dos = service.search(SearchParams(q="dos"))
        either = service.search(SearchParams(q="son OR dos"))
    assert [h.work_id for h in son.hits] == ["ca/act/2001/27"]
    assert "<mark>son</mark>" in son.hits[0].parts[0].snippet_html.lower()
    assert any("a common word in Spanish and French" in n for n in son.notices)
    assert [h.work_id for h in dos.hits] == ["ar/law/2004/25871"]
    assert any("common word in Portuguese, " in n for n in dos.notices)
    assert any("common words in Spanish, Portuguese and French" in n for n in either.notices)
    assert {h.work_id for h in either.hits} == {"ca/act/2001/27", "ar/law/2004/25871"}


def test_a_phrase_of_common_words_beside_a_word_is_left_out_not_fatal(tmp_path: Path) -> None:
    _son_and_dos(tmp_path)
    with SearchService(tmp_path) as service:
        page = service.search(SearchParams(q='"de los" salud'))
        alone = service.search(SearchParams(q="salud"))
    assert [h.work_id for h in page.hits] == [h.work_id for h in alone.hits] == ["ar/law/2004/2"]
    assert any("common words only" in n for n in page.notices)
