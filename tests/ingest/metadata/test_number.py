from __future__ import annotations

import pytest

from ingest.metadata.number import find_number


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ley N° 25.871", "25.871"),
        ("Ley 26.364", "26.364"),
        ("Lei nº 13.445, de 24 de maio de 2017", "13.445"),
        ("Decreto 616/2010", "616/2010"),
        ("Decreto Supremo N° 119-2003-RE", "119-2003-RE"),
        ("Loi n° 2018-778 du 10 septembre 2018", "2018-778"),
        ("AG/RES. 2141 (XXXV-O/05)", "2141 (XXXV-O/05)"),
        ("C-29", "C-29"),
        ("Domestic Workers Convention, 2011 (No. 189)", "189"),
        ("LEY NÚM. 21.325", "21.325"),
        ("LEY 1465 DE 2011", "1465"),
        ("Ley de Migración", ""),
        ("Constitution of 1988", ""),
    ],
)
def test_number_is_kept_as_printed(line: str, expected: str) -> None:
    assert find_number(line) == expected
