"""The running headers a PDF's pages share are kept as evidence for its metadata."""

from __future__ import annotations

from ingest.pdf import running_header
from ingest.pdf_layout import Line


def _line(text: str, y: float) -> Line:
    return Line(72.0, y, 500.0, y + 10.0, text)


def test_a_header_over_two_lines_is_given_top_line_first_without_page_numbers() -> None:
    before = [
        [
            _line("Extract from Implementing the Global Compact", 780.0),
            _line("Migration: Guidance for governments", 768.0),
            _line(f"Body text of page {n}", 500.0),
            _line(str(n), 30.0),
        ]
        for n in range(1, 5)
    ]
    after = [[page[2]] for page in before]
    assert running_header(before, after) == (
        "Extract from Implementing the Global Compact\nMigration: Guidance for governments"
    )


def test_a_line_removed_from_one_page_only_is_not_a_running_header() -> None:
    before = [[_line("A heading that looked like a header", 780.0)], [_line("Body", 500.0)]]
    after: list[list[Line]] = [[], [before[1][0]]]
    assert running_header(before, after) == ""
