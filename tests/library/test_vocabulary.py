"""The controlled vocabularies: data completeness, consistency and matching in text."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.vocabulary import (
    LANGUAGES,
    Concept,
    UnknownEntry,
    Vocabularies,
    fold,
    load_vocabularies,
    validate,
)

OAS_MEMBERS = set(
    "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC "
    "SR TT US UY VE".split()
)
ORGANISATIONS = set("OAS UN ILO IOM MERCOSUR CAN SICA CARICOM COE EU UNHCR".split())
DEMO_TOPICS = (
    "migration gender human-rights labour trafficking nationality violence-against-women refugees "
    "consular return asylum domestic-work children smuggling remittances".split()
)


@pytest.fixture(scope="module")
def vocab() -> Vocabularies:
    return load_vocabularies()


# ---- data ----------------------------------------------------------------------------------
def test_the_json_files_are_packaged_with_the_library() -> None:
    folder = resources.files("library") / "vocabularies"
    for name in ("countries.json", "instrument_types.json", "topics.json"):
        assert (folder / name).is_file()


def test_every_oas_member_is_a_country_with_a_name_in_each_language(vocab: Vocabularies) -> None:
    members = {c for c, j in vocab.jurisdictions.items() if j.oas_member}
    assert members == OAS_MEMBERS
    for code in OAS_MEMBERS:
        j = vocab.jurisdictions[code]
        assert j.kind == "country"
        assert all(j.names[lang] for lang in LANGUAGES)


def test_spain_france_portugal_and_the_organisations_are_present(vocab: Vocabularies) -> None:
    assert {"ES", "FR", "PT"} <= set(vocab.jurisdictions)
    assert {c for c, j in vocab.jurisdictions.items() if j.kind == "organization"} == ORGANISATIONS


def test_thesaurus_has_forty_concepts_labelled_in_every_language(vocab: Vocabularies) -> None:
    assert len(vocab.concepts) >= 40
    for concept in vocab.concepts.values():
        assert all(concept.pref[lang] for lang in LANGUAGES), concept.id


def test_the_demo_catalogue_topics_exist(vocab: Vocabularies) -> None:
    assert set(DEMO_TOPICS) <= set(vocab.concepts)


def test_instrument_types_are_the_design_types(vocab: Vocabularies) -> None:
    expected = (
        "constitution law code decree regulation resolution treaty declaration guideline study "
        "judgment other".split()
    )
    assert sorted(vocab.instrument_types) == sorted(expected)
    assert vocab.instrument_type("code").broader == "law"


def test_validate_finds_no_problem_in_the_packaged_data(vocab: Vocabularies) -> None:
    assert validate(vocab) == []


def test_validate_reports_unknown_broader_missing_labels_and_shared_aliases(
    vocab: Vocabularies,
) -> None:
    orphan = Concept("orphan", {"es": "huérfano", "en": "orphan"}, broader="nowhere")
    ar, uy = vocab.jurisdictions["AR"], vocab.jurisdictions["UY"]
    broken = dataclasses.replace(
        vocab,
        concepts={**vocab.concepts, "orphan": orphan},
        jurisdictions={
            **vocab.jurisdictions,
            "UY": dataclasses.replace(uy, aliases=(*uy.aliases, *ar.gazettes)),
        },
        load_problems=("duplicate concept 'migration'",),
    )
    problems = "\n".join(validate(broken))
    assert "unknown broader or related concept 'nowhere'" in problems
    assert "concept orphan: no pt prefLabel" in problems
    assert "claimed by AR, UY" in problems
    assert "duplicate concept 'migration'" in problems


# ---- fold ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Organización  de los\tEstados Americanos", "organizacion de los estados americanos"),
        ("Conseil de l’Europe", "conseil de l'europe"),
        ("Nº 25.871 — Ley", "no 25.871 - ley"),
        ("  TRÁFICO DE PESSOAS\n", "trafico de pessoas"),
        ("main-d’œuvre", "main-d'oeuvre"),
        ("sin\u00adguion", "singuion"),
    ],
)
def test_fold_removes_case_accents_and_typographic_variants(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet=st.characters(max_codepoint=0x24F) | st.sampled_from("’‘–—\u00ad\u00a0")))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# ---- topics --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("es", "Ley para prevenir la trata de personas y proteger a las víctimas.", {"trafficking"}),
        ("es", "Las trabajadoras del hogar migrantes y la reunificación familiar.", {"domestic-work", "family-reunification"}),
        ("es", "La violencia contra las mujeres y el feminicidio.", {"violence-against-women", "femicide"}),
        ("en", "Protection of refugees and asylum seekers; statelessness.", {"refugees", "asylum", "statelessness"}),
        ("en", "Remittances sent by the diaspora; consular assistance.", {"remittances", "diaspora", "consular"}),
        ("pt", "Enfrentamento ao tráfico de pessoas e à violência doméstica.", {"trafficking", "domestic-violence"}),
        ("pt", "A naturalização e a dupla nacionalidade dos migrantes.", {"naturalization", "dual-nationality", "migration"}),
        ("fr", "La traite des êtres humains et les demandeurs d'asile.", {"trafficking", "asylum"}),
        ("fr", "Les travailleurs migrants et l’égalité des sexes.", {"migrant-workers", "equality"}),
    ],
)  # fmt: skip
def test_find_concepts_names_the_concepts_of_a_sentence(
    vocab: Vocabularies, language: str, sentence: str, expected: set[str]
) -> None:
    assert expected <= set(vocab.find_concepts(sentence, language))
    assert expected <= set(vocab.find_concepts(sentence))


def test_find_concepts_counts_each_mention(vocab: Vocabularies) -> None:
    text = "La trata de personas. Víctimas de trata. TRATA DE SERES HUMANOS."
    assert vocab.find_concepts(text, "es")["trafficking"] == 3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Tipifica el tráfico ilícito de migrantes."),
        ("es", "Sanciona el tráfico de migrantes."),
        ("en", "Protocol against the Smuggling of Migrants by Land, Sea and Air."),
        ("pt", "O contrabando de migrantes por via terrestre."),
        ("fr", "Le trafic illicite de migrants par terre, air et mer."),
    ],
)
def test_migrant_smuggling_is_not_trafficking(
    vocab: Vocabularies, language: str, text: str
) -> None:
    found = vocab.find_concepts(text, language)
    assert "smuggling" in found
    assert "trafficking" not in found


def test_portuguese_trafico_de_pessoas_is_trafficking(vocab: Vocabularies) -> None:
    found = vocab.find_concepts("Política Nacional de Enfrentamento ao Tráfico de Pessoas", "pt")
    assert set(found) == {"trafficking"}


def test_ambiguous_words_are_not_counted_alone(vocab: Vocabularies) -> None:
    assert "trafficking" not in vocab.find_concepts("Se trata de una ley sobre la materia.", "es")
    assert "trafficking" not in vocab.find_concepts("Illicit trafficking in narcotic drugs.", "en")
    assert "return" not in vocab.find_concepts("In return, the party shall pay.", "en")
    assert "visas" not in vocab.find_concepts("Tendo em vista o disposto na lei.", "pt")


def test_find_concepts_matches_whole_words_only(vocab: Vocabularies) -> None:
    assert "asylum" not in vocab.find_concepts("The asylums of the nineteenth century", "en")
    assert vocab.find_concepts("", "es") == {}


def test_expand_query_terms_gives_the_labels_in_every_language(vocab: Vocabularies) -> None:
    terms = vocab.expand_query_terms("Trata de Personas")
    assert "trafficking in persons" in terms["en"]
    assert "tráfico de pessoas" in terms["pt"]
    assert "traite des personnes" in terms["fr"]
    assert "trata" not in terms["es"]  # ambiguous labels do not expand
    assert vocab.expand_query_terms("no such topic") == {}


def test_concept_hierarchy_lookups(vocab: Vocabularies) -> None:
    assert vocab.concepts_for_term("tráfico de migrantes") == ("smuggling",)
    assert vocab.broader("femicide") == "violence-against-women"
    assert "femicide" in vocab.narrower("violence-against-women")
    assert vocab.concept("trafficking").label("fr") == "traite des personnes"
    assert "human trafficking" in vocab.concept("trafficking").terms("en")
    with pytest.raises(LookupError, match="unknown topic"):
        vocab.concept("no-such-topic")


# ---- instrument types ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "language", "expected"),
    [
        ("Decreto Supremo Nº 119-2003-RE", "es", "decree"),
        ("Ley Orgánica de Movilidad Humana", "es", "law"),
        ("LEY N° 26.485", None, "law"),
        ("Reglamento de la Ley de Nacionalidad", "es", "regulation"),
        ("Lineamientos Generales para la expedición de visas", "es", "guideline"),
        ("Constitución Política de los Estados Unidos Mexicanos", "es", "constitution"),
        ("Código Civil Federal", "es", "code"),
        ("Decreto-Lei nº 4.657, de 4 de setembro de 1942", "pt", "decree"),
        ("Medida Provisória nº 820", "pt", "decree"),
        ("Lei Complementar nº 150", "pt", "law"),
        ("Resolução Normativa nº 126", "pt", "resolution"),
        ("An Act respecting citizenship", "en", "law"),
        ("Convention relating to the Status of Refugees", "en", "treaty"),
        ("A/RES/73/195", "en", "resolution"),
        ("AG/RES. 2141 (XXXV-O/05)", "es", "resolution"),
        ("Loi n° 2018-778 du 10 septembre 2018", "fr", "law"),
        ("Déclaration universelle des droits de l’homme", "fr", "declaration"),
        ("Code pénal", "fr", "code"),
        ("Leyes Federales Vigentes", "es", None),
        ("Objective 10: Prevent trafficking", "en", None),
    ],
)
def test_match_instrument_type_reads_the_name_that_begins_a_title(
    vocab: Vocabularies, phrase: str, language: str | None, expected: str | None
) -> None:
    assert vocab.match_instrument_type(phrase, language) == expected


def test_match_instrument_type_in_a_title_finds_a_later_name(vocab: Vocabularies) -> None:
    title = "Citizenship Act (An Act respecting citizenship)"
    assert vocab.match_instrument_type(title, "en") is None
    assert vocab.match_instrument_type(title, "en", in_title=True) == "law"
    assert vocab.match_instrument_type("Universal Declaration of Human Rights", in_title=True) == (
        "declaration"
    )


def test_match_instrument_type_respects_the_language(vocab: Vocabularies) -> None:
    assert vocab.match_instrument_type("Lei nº 13.445", "es") is None
    assert vocab.match_instrument_type("Lei nº 13.445", "pt") == "law"


def test_instrument_type_labels_and_unknown_ids(vocab: Vocabularies) -> None:
    assert vocab.instrument_type("decree").label("fr") == "Décret"
    with pytest.raises(UnknownEntry, match="unknown instrument type"):
        vocab.instrument_type("edict")


# ---- jurisdictions -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Constitución Política de los Estados Unidos Mexicanos", [("MX", 1)]),
        ("Publicada en el Diario Oficial de la Federación (DOF)", [("MX", 2)]),
        ("Honorable Congreso de la Nación Argentina", [("AR", 1)]),
        ("Poder Legislativo de la República Oriental del Uruguay", [("UY", 1)]),
        ("Diário Oficial da União; brasileiros natos", [("BR", 2)]),
        ("Parliament of Canada / Parlement du Canada", [("CA", 2)]),
        ("Journal officiel de la République française", [("FR", 1)]),
        ("Organisation des États américains et Nations Unies", [("OAS", 1), ("UN", 1)]),
        ("Organización Internacional para las Migraciones (OIM)", [("IOM", 2)]),
        ("Conseil de l'Europe", [("COE", 1)]),
        ("Alto Comisionado de las Naciones Unidas para los Refugiados", [("UNHCR", 1)]),
        ("Publicada en el Diario Oficial. El Congreso Nacional decreta", []),
        ("Un migrante en Nuevo México; us; can; se usa", []),
    ],
)
def test_find_jurisdictions_counts_unambiguous_mentions(
    vocab: Vocabularies, text: str, expected: list[tuple[str, int]]
) -> None:
    assert vocab.find_jurisdictions(text) == expected


def test_jurisdiction_lookup_by_code_or_name(vocab: Vocabularies) -> None:
    assert vocab.jurisdiction("mx").name("fr") == "Mexique"
    assert vocab.jurisdiction("br").name("de") == "Brazil"  # falls back to English
    assert vocab.jurisdiction_by_name("Council of Europe") == "COE"
    assert vocab.jurisdiction_by_name("OEA") == "OAS"
    assert vocab.jurisdiction_by_name("International Labour Conference (100th Session)") == "ILO"
    assert vocab.jurisdiction_by_name("Atlantis") is None
    with pytest.raises(LookupError, match="unknown jurisdiction 'XX'"):
        vocab.jurisdiction("XX")


def test_load_vocabularies_is_cached(vocab: Vocabularies) -> None:
    assert load_vocabularies() is vocab
