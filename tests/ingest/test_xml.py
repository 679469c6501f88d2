from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingest.extracted import Block, Limits
from ingest.xml import extract_xml
from library.errors import ExtractionError
from library.model import Part

LIMITS = Limits()

AKN_ACT = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta>
      <identification source="#source">
        <FRBRWork>
          <FRBRthis value="/akn/cr/act/2009-08-19/8764/!main"/>
          <FRBRuri value="/akn/cr/act/2009-08-19/8764"/>
          <FRBRdate date="2009-08-19" name="enactment"/>
          <FRBRauthor href="#asamblea"/>
          <FRBRcountry value="cr"/>
          <FRBRnumber value="8764"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/cr/act/2009-08-19/8764/spa@/!main"/>
          <FRBRdate date="2010-03-01" name="consolidation"/>
          <FRBRlanguage language="spa"/>
        </FRBRExpression>
      </identification>
      <publication date="2009-09-01" name="gaceta" showAs="La Gaceta" number="170"/>
      <references source="#source">
        <TLCOrganization eId="asamblea" href="/ontology/organization/cr/asamblea"
            showAs="Asamblea Legislativa"/>
      </references>
    </meta>
    <preface><p><docTitle>Ley General de Migración y Extranjería</docTitle></p></preface>
    <preamble><p>La Asamblea Legislativa de la República de Costa Rica decreta:</p></preamble>
    <body>
      <title eId="tit_1"><num>TÍTULO I</num><heading>Disposiciones generales</heading>
        <chapter eId="tit_1__chp_1"><num>CAPÍTULO I</num><heading>Objeto</heading>
          <article eId="tit_1__chp_1__art_1"><num>Artículo 1.-</num><heading>Objeto</heading>
            <content><p>Esta Ley regula el ingreso de <term refersTo="#p">personas</term>.</p></content>
          </article>
          <article eId="tit_1__chp_1__art_2"><num>Artículo 2 bis.-</num>
            <paragraph eId="tit_1__chp_1__art_2__para_1"><num>1.</num>
              <content><p>La migración es de interés público.</p></content></paragraph>
            <paragraph eId="tit_1__chp_1__art_2__para_2"><num>2.</num>
              <content><p>Se garantizan los derechos humanos.</p></content></paragraph>
          </article>
        </chapter>
      </title>
    </body>
    <conclusions><p>Dada en San José.</p></conclusions>
  </act>
</akomaNtoso>
"""

LIMS_STATUTE = """<?xml version="1.0" encoding="utf-8"?>
<Statute in-force="yes" xml:lang="en" xmlns:lims="http://justice.gc.ca/lims"
    lims:pit-date="2024-01-01">
  <Identification>
    <LongTitle>An Act respecting workers</LongTitle>
    <ShortTitle status="official">Workers Act</ShortTitle>
    <BillHistory><Stages stage="assented-to"><Date><YYYY>2005</YYYY><MM>6</MM><DD>9</DD></Date>
    </Stages></BillHistory>
    <Chapter><ConsolidatedNumber official="yes">W-9</ConsolidatedNumber></Chapter>
  </Identification>
  <Body>
    <Heading level="1"><TitleText>Short Title</TitleText></Heading>
    <Section><MarginalNote>Short title</MarginalNote><Label>1</Label>
      <Text>This Act may be cited as the Workers Act.</Text>
      <HistoricalNote><HistoricalNoteSubItem>2005, c. 1, s. 1</HistoricalNoteSubItem></HistoricalNote>
    </Section>
    <Heading level="1"><Label>PART 1</Label><TitleText>Entry</TitleText></Heading>
    <Heading level="2"><Label>DIVISION 1</Label><TitleText>Visas</TitleText></Heading>
    <Section><MarginalNote>Visa required</MarginalNote><Label>2</Label>
      <Subsection><Label>(1)</Label><Text>A worker must obtain a visa</Text>
        <Paragraph><Label>(a)</Label><Text>before entry; and</Text></Paragraph>
        <Paragraph><Label>(b)</Label><Text>at a port of entry.</Text></Paragraph>
      </Subsection>
      <Subsection><MarginalNote>Exception</MarginalNote><Label>(2)</Label>
        <Text>Subsection (1) does not apply to citizens.</Text></Subsection>
    </Section>
    <Section><Label><FootnoteRef idref="n1">*</FootnoteRef>2.1</Label>
      <Text><Repealed>[Repealed, 2010, c. 3, s. 4]</Repealed></Text></Section>
  </Body>
  <Schedule><ScheduleFormHeading><Label>SCHEDULE</Label><TitleText>Oath</TitleText>
    </ScheduleFormHeading><Provision><Text>I swear to obey the law.</Text></Provision></Schedule>
</Statute>
"""

UDHR = """<?xml version="1.0" encoding="UTF-8"?>
<udhr iso639-3='gug' xml:lang='gug' key='gug' n='Guaraní' xmlns='http://efele.net/udhr'>
  <title>Declaración</title>
  <preamble><title>Preámbulo</title><para>Considerando que...</para></preamble>
  <article number="1"><title>Art. 1</title><para>Opavave yvypóra.</para></article>
  <article number="2"><title>Art. 2</title>
    <orderedlist><listitem><para>Primero.</para></listitem><listitem><para>Segundo.</para></listitem>
    </orderedlist></article>
</udhr>
"""


def test_an_entity_bomb_is_refused_without_expansion() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<lolz>&lol3;</lolz>"
    )
    with pytest.raises(
        ExtractionError, match=r"^XML declares entities \(possible entity-expansion"
    ):
        extract_xml(bomb.encode(), LIMITS)


def test_an_external_entity_is_refused() -> None:
    xxe = '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    with pytest.raises(ExtractionError, match="not read"):
        extract_xml(xxe.encode(), LIMITS)


def test_malformed_xml_is_damaged() -> None:
    with pytest.raises(ExtractionError, match="damaged XML"):
        extract_xml(b"<ley><articulo>sin cerrar</ley>", LIMITS)


def test_absurdly_deep_nesting_is_an_extraction_error() -> None:
    deep = "<a>" * 50_000 + "x" + "</a>" * 50_000
    with pytest.raises(ExtractionError, match="nested too deeply"):
        extract_xml(deep.encode(), LIMITS)


def test_generic_xml_gives_a_block_per_element_with_text_and_title_headings() -> None:
    data = (
        '<ley xml:lang="es-UY"><titulo>Ley 18.250</titulo><capitulo><title>Capítulo I</title>'
        "<articulo>Artículo 1. El Estado <b>reconoce</b> el derecho a migrar.</articulo>"
        "<articulo>  </articulo></capitulo></ley>"
    ).encode()
    result = extract_xml(data, LIMITS)
    assert result.format == "xml" and result.parts is None
    assert result.blocks == (
        Block("Ley 18.250", "heading", 1),
        Block("Capítulo I", "heading", 2),
        Block("Artículo 1. El Estado reconoce el derecho a migrar."),
    )
    assert dict(result.metadata) == {"language": "es"}


def test_akoma_ntoso_act_gives_parts_with_eid_anchors_and_parents() -> None:
    result = extract_xml(AKN_ACT.encode(), LIMITS)
    assert result.parts is not None
    assert [(p.kind, p.number, p.anchor, p.parent) for p in result.parts] == [
        ("preamble", "", "preamble", ""),
        ("title", "I", "tit_1", ""),
        ("chapter", "I", "tit_1__chp_1", "tit_1"),
        ("article", "1", "tit_1__chp_1__art_1", "tit_1__chp_1"),
        ("article", "2 bis", "tit_1__chp_1__art_2", "tit_1__chp_1"),
        ("final", "", "conclusions", ""),
    ]
    first, second = result.parts[3], result.parts[4]
    assert first.heading == "Objeto"
    assert first.text == "Artículo 1.- Esta Ley regula el ingreso de personas."
    assert second.text == (
        "Artículo 2 bis.- 1. La migración es de interés público.\n2. Se garantizan los derechos humanos."
    )
    assert dict(result.metadata) == {
        "title": "Ley General de Migración y Extranjería",
        "number": "8764",
        "jurisdiction": "CR",
        "date_adopted": "2009-08-19",
        "date_published": "2009-09-01",
        "gazette": "La Gaceta 170",
        "instrument_type": "law",
        "issuing_body": "Asamblea Legislativa",
        "language": "es",
        "version_date": "2010-03-01",
    }
    assert "TÍTULO I\nDisposiciones generales" in result.text


def test_akoma_ntoso_2_uses_id_attributes_and_generates_missing_anchors() -> None:
    data = (
        b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act><body>'
        b'<section id="sec1"><num>1.</num><content><p>Uno.</p></content></section>'
        b"<section><num>Section 2</num><content><p>Dos.</p></content></section>"
        b"</body></act></akomaNtoso>"
    )
    parts = extract_xml(data, LIMITS).parts
    assert parts == (
        Part("section", "1", "", "1. Uno.", "sec1"),
        Part("section", "2", "", "Section 2 Dos.", "sec-2"),
    )


def test_lims_statute_gives_one_part_per_section_under_its_headings() -> None:
    result = extract_xml(LIMS_STATUTE.encode(), LIMITS)
    parts = result.parts
    assert parts is not None
    assert [(p.kind, p.number, p.heading, p.anchor, p.parent) for p in parts] == [
        ("title", "", "Short Title", "h-short-title", ""),
        ("section", "1", "Short title", "sec-1", "h-short-title"),
        ("part", "1", "Entry", "part-1", ""),
        ("division", "1", "Visas", "part-1-div-1", "part-1"),
        ("section", "2", "Visa required", "sec-2", "part-1-div-1"),
        ("section", "2.1", "", "sec-2.1", "part-1-div-1"),
        ("schedule", "", "Oath", "sch-1", ""),
    ]
    assert parts[1].text == "1 This Act may be cited as the Workers Act."
    assert parts[4].text == (
        "2 (1) A worker must obtain a visa\n(a) before entry; and\n(b) at a port of entry.\n"
        "Exception\n(2) Subsection (1) does not apply to citizens."
    )
    assert parts[5].text == "2.1 [Repealed, 2010, c. 3, s. 4]"
    assert "I swear to obey the law." in parts[6].text
    assert dict(result.metadata) == {
        "title": "Workers Act (An Act respecting workers)",
        "number": "W-9",
        "date_adopted": "2005-06-09",
        "version_date": "2024-01-01",
        "status": "in_force",
        "jurisdiction": "CA",
        "instrument_type": "law",
        "issuing_body": "Parliament of Canada",
        "language": "en",
    }
    assert Block("PART 1\nEntry", "heading", 1) in result.blocks


def test_udhr_gives_preamble_and_articles_and_a_two_letter_language() -> None:
    result = extract_xml(UDHR.encode(), LIMITS)
    assert result.parts == (
        Part("preamble", "", "Preámbulo", "Preámbulo\nConsiderando que...", "preamble"),
        Part("article", "1", "Art. 1", "Art. 1\nOpavave yvypóra.", "art-1"),
        Part("article", "2", "Art. 2", "Art. 2\n1. Primero.\n2. Segundo.", "art-2"),
    )
    assert dict(result.metadata) == {
        "title": "Declaración",
        "language": "gn",
        "instrument_type": "declaration",
        "jurisdiction": "UN",
    }


def test_udhr_states_no_date_since_a_translation_does_not_say_when_it_was_adopted() -> None:
    metadata = extract_xml(UDHR.encode(), LIMITS).metadata
    assert not any(key.startswith("date") for key in metadata)


def _catalog(shared_corpus: Path) -> dict[str, dict[str, str]]:
    with (shared_corpus / "catalog.csv").open(encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "sections"),
    [
        ("docs/ca/irpa-I-2.5_en.xml", 350),
        ("docs/ca/lipr-I-2.5_fr.xml", 350),
        ("docs/ca/citizenship-act-C-29_en.xml", 80),
        ("docs/ca/loi-citoyennete-C-29_fr.xml", 80),
    ],
)
def test_corpus_canadian_acts_have_sections_and_their_stated_metadata(
    shared_corpus: Path, path: str, sections: int
) -> None:
    row = _catalog(shared_corpus)[path]
    result = extract_xml((shared_corpus / path).read_bytes(), LIMITS)
    parts = result.parts or ()
    found = [p for p in parts if p.kind == "section"]
    assert sections <= len(found) < 1000
    anchors = [p.anchor for p in parts]
    assert len(anchors) == len(set(anchors))
    assert {p.parent for p in parts} <= set(anchors) | {""}
    meta = result.metadata
    assert row["title"].startswith(meta["title"])
    assert meta["language"] == row["language"]
    assert meta["issuing_body"] == row["issuing_body"]
    assert meta["status"] == row["status"] == "in_force"
    assert (
        meta["jurisdiction"] == row["country"] and meta["instrument_type"] == row["instrument_type"]
    )
    assert meta.get("date_adopted", "") == row["date"]
    assert meta["number"] in row["notes"] + row["source"]


@pytest.mark.slow
def test_corpus_udhr_translations_have_thirty_articles_title_and_language(
    shared_corpus: Path,
) -> None:
    catalog = _catalog(shared_corpus)
    paths = sorted(p for p in catalog if p.startswith("docs/int/udhr_"))
    assert len(paths) >= 5
    for path in paths:
        result = extract_xml((shared_corpus / path).read_bytes(), LIMITS)
        articles = [p for p in result.parts or () if p.kind == "article"]
        assert [a.anchor for a in articles] == [f"art-{n}" for n in range(1, 31)], path
        assert all(a.text for a in articles), path
        assert result.metadata["language"] == catalog[path]["language"], path
        assert result.metadata["title"] == catalog[path]["title"], path


def test_lims_title_is_the_short_title_then_the_long_title() -> None:
    title = extract_xml(LIMS_STATUTE.encode(), LIMITS).metadata["title"]
    assert title == "Workers Act (An Act respecting workers)"
