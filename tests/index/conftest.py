"""A small multilingual collection indexed once per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.indexer import rebuild
from index.service import SearchService
from library.model import Record
from tests.index.factories import make_record


def collection() -> list[Record]:
    return [
        make_record(
            "ar/law/2004/25871",
            [
                "La presente ley regula la migración y los derechos de las personas migrantes.",
                "El Estado garantiza el derecho a la reunificación familiar de los inmigrantes.",
                "Los extranjeros podrán solicitar residencia temporaria.",
            ],
            title="Ley 25.871 de Migraciones",
            number="25.871",
            date="2004-01-21",
            topics=("migration",),
        ),
        make_record(
            "ar/law/2008/26364",
            [
                "Se entiende por trata de personas el ofrecimiento, la captación o el traslado.",
                "Las víctimas de trata tendrán derecho a asistencia.",
            ],
            title="Ley 26.364 de prevención de la trata de personas",
            number="26.364",
            date="2008-04-30",
            status="amended",
            topics=("trafficking",),
        ),
        make_record(
            "mx/law/2011/ley-migracion",
            [
                "Ley de Migración. El migrante tiene derecho a la educación.",
                "Las trabajadoras domésticas migrantes gozarán de protección.",
            ],
            title="Ley de Migración",
            jurisdiction="MX",
            date="2011-05-25",
            topics=("migration", "domestic-work"),
            issuing_body="Congreso de la Unión",
        ),
        make_record(
            "br/law/2017/13445",
            [
                "Esta Lei dispõe sobre os direitos e os deveres do migrante.",
                "A trabalhadora doméstica migrante tem direito à proteção social.",
                "O tráfico de pessoas é crime.",
            ],
            title="Lei nº 13.445, Lei de Migração",
            language="pt",
            jurisdiction="BR",
            number="13.445",
            date="2017-05-24",
            topics=("migration", "trafficking"),
        ),
        make_record(
            "oas/resolution/2005/2141",
            [
                "The General Assembly adopts the Inter-American Program for migrants.",
                "Member states shall fight trafficking in persons.",
            ],
            title="AG/RES. 2141 (XXXV-O/05) Inter-American Program for the Promotion of the Human Rights of Migrants",
            language="en",
            jurisdiction="OAS",
            instrument_type="resolution",
            number="AG/RES. 2141 (XXXV-O/05)",
            date="2005-06-07",
            topics=("migration",),
            issuing_body="General Assembly",
        ),
        make_record(
            "ca/act/2001/27",
            [
                "Trafficking in persons is an offence under this Act.",
                "An officer may <script>alert(1)</script> detain a foreign national.",
            ],
            title="Immigration and Refugee Protection Act",
            language="en",
            jurisdiction="CA",
            instrument_type="law",
            date="2001-11-01",
            topics=("trafficking", "refugees"),
            issuing_body="Parliament",
        ),
        make_record(
            "fr/law/2016/274",
            ["La traite des personnes est punie. Les étrangers ont droit au séjour."],
            title="Loi relative au droit des étrangers",
            language="fr",
            jurisdiction="FR",
            date="2016-03-07",
            topics=("trafficking",),
            issuing_body="Parlement",
        ),
        make_record(
            "uy/law/2006/18076",
            ["Toda persona tiene derecho a solicitar refugio. Los refugiados serán protegidos."],
            title="Ley 18.076 sobre el derecho al refugio",
            jurisdiction="UY",
            number="18.076",
            date="2006-12-19",
            status="repealed",
            topics=("refugees",),
        ),
    ]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index")
    rebuild(path, collection(), procs=1)
    return path


@pytest.fixture(scope="module")
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir) as svc:
        yield svc
