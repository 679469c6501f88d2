from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import ocr, pdf
from ingest.extracted import Limits
from ingest.pdf import extract_pdf
from ingest.pdf_layout import Line, clean_text, is_page_number, join_lines, reading_order
from library.errors import ExtractionError, LimitExceeded
from tests.ingest.pdf_fixtures import Image, Page, Text, column, make_pdf, text_page

LIMITS = Limits()
ARTICLE_1 = (
    "Artículo 1. Toda persona migrante tiene derecho a la protección de su vida, su integridad "
    "y su libertad, cualquiera sea su situación migratoria, y el Estado garantiza el acceso a "
    "la justicia en igualdad de condiciones con los nacionales, sin discriminación alguna."
)
ARTICLE_2 = (
    "Artículo 2. Las autoridades migratorias informan a las personas extranjeras, en un "
    "idioma que comprendan, de los derechos que les asisten y de los recursos disponibles "
    "contra las decisiones que las afecten, con asistencia consular cuando la soliciten."
)

ARTICLE_3 = (
    "Artículo 3. Ninguna persona será devuelta a un país donde su vida o su libertad corran "
    "peligro por causa de su origen, su religión, su nacionalidad o sus opiniones políticas."
)


def two_columns(left: list[str], right: list[str], top: float = 770) -> list[Text]:
    """Two ragged columns whose lines share baselines, as in a gazette."""
    return column(left, 50, top, chars=44) + column(right, 310, top, chars=44)


def test_one_column_paragraphs_come_out_in_order_with_their_pages() -> None:
    data = make_pdf([text_page([ARTICLE_1]), text_page([ARTICLE_2])])
    result = extract_pdf(data, LIMITS)
    assert result.format == "pdf"
    assert result.pages == 2
    assert [(b.text, b.page) for b in result.blocks] == [(ARTICLE_1, 1), (ARTICLE_2, 2)]
    assert result.text == f"{ARTICLE_1}\n\n{ARTICLE_2}"
    assert result.warnings == ()


def test_two_columns_are_read_column_by_column() -> None:
    page = Page(two_columns([ARTICLE_1, "Artículo 3. Texto breve de cierre."], [ARTICLE_2]))
    result = extract_pdf(make_pdf([page]), LIMITS)
    assert [b.text for b in result.blocks] == [
        ARTICLE_1,
        "Artículo 3. Texto breve de cierre.",
        ARTICLE_2,
    ]


def test_three_columns_are_read_left_to_right() -> None:
    texts = [
        t
        for n, a in enumerate((ARTICLE_1, ARTICLE_2, ARTICLE_3))
        for t in column([a], 40 + 180 * n, 770, chars=30)
    ]
    blocks = extract_pdf(make_pdf([Page(texts)]), LIMITS).blocks
    assert [b.text for b in blocks] == [ARTICLE_1, ARTICLE_2, ARTICLE_3]


def test_a_sentence_cut_by_the_column_break_stays_one_paragraph() -> None:
    words = ARTICLE_1.split()
    left, right = " ".join(words[:24]), " ".join(words[24:])
    assert right[0].islower()
    page = Page(two_columns([ARTICLE_2, left], [right, "Artículo 3. Texto breve de cierre."]))
    blocks = [b.text for b in extract_pdf(make_pdf([page]), LIMITS).blocks]
    assert blocks == [ARTICLE_2, ARTICLE_1, "Artículo 3. Texto breve de cierre."]


def test_full_width_title_above_two_columns_is_read_first() -> None:
    title = Text(120, 790, "LEY DE MIGRACIONES Y PROTECCIÓN DE PERSONAS EXTRANJERAS", 12)
    page = Page([title, *two_columns([ARTICLE_1], [ARTICLE_2], top=750)])
    blocks = extract_pdf(make_pdf([page]), LIMITS).blocks
    assert [b.text for b in blocks] == [title.text, ARTICLE_1, ARTICLE_2]
    assert blocks[0].kind == "heading"


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    pages = []
    for n in range(1, 5):
        texts = [
            Text(72, 810, "BOLETÍN OFICIAL DE LA REPÚBLICA"),
            Text(400, 810, f"Lunes {n} de marzo de 2025"),
            *column([f"Artículo {n}. Disposición número {n} de la ley."], 72, 700),
            Text(280, 30, f"Página {n} de 4"),
        ]
        pages.append(Page(texts))
    result = extract_pdf(make_pdf(pages), LIMITS)
    assert [b.text for b in result.blocks] == [
        f"Artículo {n}. Disposición número {n} de la ley." for n in range(1, 5)
    ]


def test_a_bare_page_number_is_removed_even_on_a_single_page() -> None:
    page = Page([*column([ARTICLE_1], 72, 740), Text(290, 30, "- 7 -")])
    assert extract_pdf(make_pdf([page]), LIMITS).text == ARTICLE_1


def test_words_hyphenated_at_line_ends_are_rejoined() -> None:
    lines = [
        "La presente ley regula la migra-",
        "ción de personas extranjeras y los dere-",
        "chos.",
    ]
    page = Page([Text(72, 770 - 12 * n, line) for n, line in enumerate(lines)])
    result = extract_pdf(make_pdf([page]), LIMITS)
    assert (
        result.text == "La presente ley regula la migración de personas extranjeras y los derechos."
    )


def test_capitalised_lines_are_headings_and_paragraph_gaps_are_kept() -> None:
    texts = column(["CAPÍTULO I", "DISPOSICIONES GENERALES"], 250, 770) + column(
        [ARTICLE_1, ARTICLE_2], 72, 700, chars=85
    )
    blocks = extract_pdf(make_pdf([Page(texts)]), LIMITS).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "CAPÍTULO I"),
        ("heading", "DISPOSICIONES GENERALES"),
        ("paragraph", ARTICLE_1),
        ("paragraph", ARTICLE_2),
    ]


def test_info_title_and_creation_date_become_hints() -> None:
    info = {"Title": "Ley de Migración", "CreationDate": "D:20110525103000-05'00'"}
    result = extract_pdf(make_pdf([text_page([ARTICLE_1])], info=info), LIMITS)
    assert result.metadata == {"pdf_title": "Ley de Migración", "pdf_created": "2011-05-25"}


@pytest.mark.parametrize(
    "title",
    ["Microsoft Word - doc1.docx", "Normas_Legales_20151123.indd", "Untitled", "Documento1", "  "],
)
def test_application_defaults_and_file_names_are_not_titles(title: str) -> None:
    result = extract_pdf(make_pdf([text_page([ARTICLE_1])], info={"Title": title}), LIMITS)
    assert "pdf_title" not in result.metadata


def test_empty_file_is_rejected() -> None:
    with pytest.raises(ExtractionError, match="empty file"):
        extract_pdf(b"", LIMITS)


def test_a_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(LimitExceeded):
        extract_pdf(make_pdf([text_page([ARTICLE_1])]), Limits(max_bytes=100))


def test_bytes_that_are_not_a_pdf_are_rejected() -> None:
    with pytest.raises(ExtractionError, match="not a PDF"):
        extract_pdf(b"<html><body>Ley 1</body></html>", LIMITS)


def test_a_pdf_cut_short_is_rejected_with_the_reason() -> None:
    data = make_pdf([text_page([ARTICLE_1])])
    with pytest.raises(ExtractionError, match="damaged or truncated"):
        extract_pdf(data[:40], LIMITS)


def test_a_pdf_without_its_cross_reference_table_is_read_with_a_warning() -> None:
    data = make_pdf([text_page([ARTICLE_1]), text_page([ARTICLE_2])])
    result = extract_pdf(data[: data.rindex(b"xref")], LIMITS)
    assert result.text == f"{ARTICLE_1}\n\n{ARTICLE_2}"
    assert any("damaged" in w for w in result.warnings)


@pytest.mark.parametrize(
    "page",
    [Page(images=[Image(50, 50, 495, 742)]), Page()],
    ids=["image-only", "blank"],
)
def test_pdf_without_text_layer_is_rejected_when_ocr_is_unavailable(
    page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "ocr_available", lambda *args: False)
    with pytest.raises(ExtractionError, match="no text layer .* OCR is not available"):
        extract_pdf(make_pdf([page, page]), LIMITS)


def test_a_scanned_page_among_text_pages_is_reported_when_ocr_is_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr, "ocr_available", lambda *args: False)
    scanned = Page(images=[Image(50, 50, 495, 742)])
    result = extract_pdf(
        make_pdf([text_page([ARTICLE_1]), scanned, text_page([ARTICLE_2])]), LIMITS
    )
    assert result.text == f"{ARTICLE_1}\n\n{ARTICLE_2}"
    assert result.warnings == (
        "no text layer on page 2 (scanned images) and OCR is not available: their text is "
        "missing; install tesseract-ocr with spa/eng/por/fra data",
    )


def test_only_the_scanned_pages_go_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[int]] = []

    def fake_ocr(data: bytes, pages: list[int], limits: Limits) -> dict[int, str]:
        asked.append(pages)
        return {2: "Artículo 2. Texto recono-\ncido en la imagen.\n\n14\n"}

    monkeypatch.setattr(ocr, "ocr_available", lambda *args: True)
    monkeypatch.setattr(ocr, "ocr_pdf_pages", fake_ocr)
    scanned = Page(images=[Image(50, 50, 495, 742)])
    result = extract_pdf(
        make_pdf([text_page([ARTICLE_1]), scanned, text_page([ARTICLE_2])]), LIMITS
    )
    assert asked == [[2]]
    assert [(b.text, b.page) for b in result.blocks] == [
        (ARTICLE_1, 1),
        ("Artículo 2. Texto reconocido en la imagen.", 2),
        (ARTICLE_2, 3),
    ]
    assert result.warnings == (
        "no text layer on page 2: text obtained by OCR (tesseract), check it",
    )


def test_password_protected_pdf_is_rejected_with_advice() -> None:
    data = make_pdf([text_page([ARTICLE_1])], user_password="secreto")
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(data, LIMITS)
    assert str(caught.value) == pdf.ENCRYPTED


def test_pdf_encrypted_without_a_user_password_is_read() -> None:
    data = make_pdf([text_page([ARTICLE_1])], info={"Title": "Ley cifrada"}, user_password="")
    result = extract_pdf(data, LIMITS)
    assert result.text == ARTICLE_1
    assert result.metadata["pdf_title"] == "Ley cifrada"


def test_page_limit_cuts_the_document_with_a_warning() -> None:
    data = make_pdf([Page(column([f"Artículo {n}. {ARTICLE_1}"], 72, 600)) for n in range(1, 5)])
    result = extract_pdf(data, Limits(max_pages=2))
    assert [b.page for b in result.blocks] == [1, 2]
    assert result.pages == 4
    assert result.warnings == ("stopped after 2 pages: page limit of 2 reached",)


def test_time_budget_cuts_the_document_after_the_first_page() -> None:
    data = make_pdf([Page(column([f"Artículo {n}. {ARTICLE_1}"], 72, 600)) for n in range(1, 4)])
    result = extract_pdf(data, Limits(max_seconds=0))
    assert [b.page for b in result.blocks] == [1]
    assert result.warnings == ("stopped after 1 page: time budget of 0 s reached",)


# --- layout rules on hand-made lines -------------------------------------------------


def test_list_labels_set_apart_from_their_text_are_not_a_column() -> None:
    lines = []
    for n, label in enumerate(["I.", "II.", "III.", "IV."]):
        y = 700 - 30 * n
        lines.append(Line(72, y, 84, y + 10, label))
        lines.append(Line(110, y, 540, y + 10, f"Definición {label} que ocupa toda la línea"))
        lines.append(Line(110, y - 12, 300, y - 2, "y sigue aquí."))
    flows = reading_order(lines)
    assert len(flows) == 1
    assert flows[0][0].text == "I. Definición I. que ocupa toda la línea"


def test_pieces_of_a_widely_justified_line_are_joined_left_to_right() -> None:
    lines = [Line(300, 100, 330, 108, "circunstancias"), Line(50, 100, 90, 108, "Reconoce")]
    lines.append(Line(120, 100, 200, 108, "la existencia de"))
    assert [li.text for li in reading_order(lines)[0]] == [
        "Reconoce la existencia de circunstancias"
    ]


@pytest.mark.parametrize("text", ["3", "- 3 -", "Página 3 de 40", "Page 3 of 40", "3/40", "xii"])
def test_page_number_forms(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize(
    "text", ["Artículo 3", "3. Principios", "LEY 30364 DE 2015", "civil", "mil"]
)
def test_text_lines_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_ligatures_and_odd_spaces_are_normalised() -> None:
    assert clean_text("la \ufb01rma\u00a0y  el  \ufb02ujo (cid:12)") == "la firma y el flujo"


def test_hyphen_of_a_compound_word_is_kept_before_a_capital() -> None:
    assert join_lines("Ley Ítalo-", "Brasileña") == "Ley Ítalo- Brasileña"
    assert join_lines("SALVA-", "GUARDAR LOS") == "SALVAGUARDAR LOS"


# --- the shared corpus -----------------------------------------------------------------


def corpus_pdfs(root: Path) -> list[Path]:
    return sorted((root / "docs").glob("*/*.pdf"))


@pytest.mark.slow
def test_gazette_columns_keep_each_article_whole_and_in_order(shared_corpus: Path) -> None:
    path = shared_corpus / "docs" / "pe" / "ley-30364-violencia-contra-las-mujeres.pdf"
    result = extract_pdf(path.read_bytes(), LIMITS)
    texts = [b.text for b in result.blocks]
    first = texts.index("Artículo 1. Objeto de la Ley")
    assert texts[first + 1].startswith("La presente Ley tiene por objeto prevenir, erradicar")
    assert texts[first + 1].endswith("personas adultas mayores y personas con discapacidad.")
    assert texts[first + 2].startswith("Para tal efecto, establece mecanismos")
    numbers = [int(m.group(1)) for m in re.finditer(r"^Artículo (\d+)\.", result.text, re.M)]
    assert numbers[:47] == list(range(1, 48))
    principles = [n for n, t in enumerate(texts) if re.match(r"\d\. Principio ", t)]
    assert [texts[n][0] for n in principles] == ["1", "2", "3", "4", "5", "6"]
    assert texts[principles[3]] == "4. Principio de intervención inmediata y oportuna"
    assert texts[principles[3] - 1].startswith("El Estado adopta sin dilaciones")
    assert "567008" not in result.text and "El Peruano" not in result.text


@pytest.mark.slow
def test_every_corpus_pdf_gives_text(shared_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not ocr.ocr_available():
        monkeypatch.setattr(ocr, "ocr_available", lambda *args: False)
    failures = []
    for path in corpus_pdfs(shared_corpus):
        try:
            result = extract_pdf(path.read_bytes(), Limits(max_pages=80))
        except ExtractionError as exc:
            if "OCR is not available" not in str(exc):
                failures.append(f"{path.name}: {exc}")
            continue
        if len(result.text) < 1000 or not result.pages:
            failures.append(f"{path.name}: only {len(result.text)} characters")
    assert not failures
