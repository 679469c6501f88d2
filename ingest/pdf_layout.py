"""Page geometry for PDF text: reading order, running headers, paragraphs.

Pure functions over :class:`Line` records (one text line with its box, in PDF
user space: y grows upwards). :mod:`ingest.pdf` gets the lines from pdfminer;
nothing here knows about pdfminer. The text of single lines (ligatures, page
numbers, hyphenation) is handled by :mod:`ingest.pdf_text`.

Reading order is a constrained XY-cut. A region is first searched for column
gutters: vertical strips that (almost) no line crosses, with enough text on
both sides. Lines that do cross a gutter (titles, full-width headings) cut the
region into horizontal bands read top to bottom; a region without such lines is
read column by column. A region with no gutter but some very wide lines is cut
into bands at those lines, so that a full-width introduction above a
two-column body does not hide the body's gutter.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingest.pdf_text import END_OF_SENTENCE, is_page_number, join_lines
from ingest.pdf_text import LIGATURES as LIGATURES
from ingest.pdf_text import clean_text as clean_text
from ingest.pdf_text import continues as continues

#: A gutter may be crossed by at most this share of a region's lines (they become band breaks).
SPAN_FRACTION = 0.15
#: Each column holds at least this many lines and this share of the region's width.
MIN_COLUMN_LINES = 3
MIN_COLUMN_FRACTION = 0.12
#: A gutter is at least this many line heights wide.
MIN_GUTTER_HEIGHTS = 0.8
#: Lines wider than this share of their region cut it into bands when no gutter is found.
WIDE_FRACTION = 0.6
MAX_DEPTH = 8
#: Running headers/footers live in this share of the page height at the top and bottom...
BAND_FRACTION = 0.12
#: ...and repeat on at least this share of the pages (0.4, not 0.5: odd and even pages
#: often carry different running heads, each on half of the pages).
RUNNING_FRACTION = 0.4

_DIGITS = re.compile(r"\d+")
_LIST_MARKER = re.compile(
    r"^(?:[(\[]?(?:\d{1,3}|[a-zñ]|[ivxlcdm]{1,6})[.)\]º°]\s|"
    r"[•·▪\-–—]\s|"
    r"(?:art[íi]culo|art\.|article|artigo|section|secci[óo]n|cap[íi]tulo|chapter|chapitre|"
    r"t[íi]tulo|title|titre)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One line of text and its box (PDF points, y upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    bold: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Paragraph:
    """Lines joined into one paragraph; ``height`` is its median line height."""

    text: str
    height: float
    lines: int


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def strip_running_lines(
    pages: Sequence[Sequence[Line]], boxes: Sequence[tuple[float, float]]
) -> list[list[Line]]:
    """Drop running headers/footers and bare page numbers from every page.

    A line is a running header (footer) when it lies in the top (bottom) band of
    its page and the same text, digits normalised, lies in that band on at
    least :data:`RUNNING_FRACTION` of the pages (and on two pages at least).

    :param pages: the lines of each page.
    :param boxes: ``(y_bottom, y_top)`` of each page.
    """

    def band(line: Line, box: tuple[float, float]) -> str:
        bottom, top = box
        margin = (top - bottom) * BAND_FRACTION
        if line.yc >= top - margin:
            return "top"
        return "bottom" if line.yc <= bottom + margin else ""

    counts: dict[tuple[str, str], int] = {}
    for lines, box in zip(pages, boxes, strict=True):
        seen = {(band(li, box), _running_key(li.text)) for li in lines}
        for key in seen:
            if key[0]:
                counts[key] = counts.get(key, 0) + 1
    needed = max(2.0, RUNNING_FRACTION * len(pages))
    running = {key for key, n in counts.items() if n >= needed}
    kept: list[list[Line]] = []
    for lines, box in zip(pages, boxes, strict=True):
        out = []
        for li in lines:
            where = band(li, box)
            if where and ((where, _running_key(li.text)) in running or is_page_number(li.text)):
                continue
            out.append(li)
        kept.append(out)
    return kept


def _gutters(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Vertical strips of (almost) no text with enough text on either side."""
    left = min(li.x0 for li in lines)
    right = max(li.x1 for li in lines)
    width = right - left
    if width <= 0:
        return []
    origin = int(left)
    size = int(right) - origin + 2
    diff = [0] * (size + 1)
    for li in lines:
        diff[max(0, int(li.x0) - origin)] += 1
        diff[min(size, int(li.x1 + 0.999) - origin)] -= 1
    cover, total = [], 0
    for d in diff[:size]:
        total += d
        cover.append(total)
    allowed = max(1, int(SPAN_FRACTION * len(lines)))
    min_gap = max(4.0, MIN_GUTTER_HEIGHTS * statistics.median(li.height for li in lines))
    found: list[tuple[float, float]] = []
    i = 0
    while i < size:
        if cover[i] > allowed:
            i += 1
            continue
        j = i
        while j < size and cover[j] <= allowed:
            j += 1
        if i > 0 and j < size - 1:  # interior runs only
            low = min(cover[i:j])
            best, k = (0, 0), i
            while k < j:
                if cover[k] == low:
                    m = k
                    while m < j and cover[m] == low:
                        m += 1
                    if m - k > best[1] - best[0]:
                        best = (k, m)
                    k = m
                else:
                    k += 1
            if best[1] - best[0] >= min_gap:
                found.append((origin + best[0], origin + best[1]))
        i = j
    return _valid_columns(lines, found, left, right)


def _valid_columns(
    lines: Sequence[Line], gutters: list[tuple[float, float]], left: float, right: float
) -> list[tuple[float, float]]:
    """Drop gutters until every column is wide enough and holds enough lines."""
    gutters = list(gutters)
    while gutters:
        edges = [left, *(g for pair in gutters for g in pair), right]
        columns = list(zip(edges[::2], edges[1::2], strict=True))
        bad = -1
        for n, (a, b) in enumerate(columns):
            inside = sum(1 for li in lines if li.x0 >= a - 1 and li.x1 <= b + 1)
            if b - a < MIN_COLUMN_FRACTION * (right - left) or inside < MIN_COLUMN_LINES:
                bad = n
                break
        if bad < 0:
            return gutters
        # remove a gutter next to the bad column (the narrower one if it has two)
        candidates = [g for g in (bad - 1, bad) if 0 <= g < len(gutters)]
        gutters.pop(min(candidates, key=lambda g: gutters[g][1] - gutters[g][0]))
    return []


def _crosses(line: Line, gutters: Iterable[tuple[float, float]]) -> bool:
    return any(line.x0 < b - 1 and line.x1 > a + 1 for a, b in gutters)


def _bands(lines: Sequence[Line], breakers: Sequence[Line]) -> list[list[Line]]:
    """Cut a region into horizontal bands at the breaker lines (top first)."""
    marks = sorted({li.yc for li in breakers}, reverse=True)
    slots: list[list[Line]] = [[] for _ in range(2 * len(marks) + 1)]
    breaking = {id(li) for li in breakers}
    for li in lines:
        above = sum(1 for m in marks if m > li.yc)
        slots[2 * above + (1 if id(li) in breaking else 0)].append(li)
    bands: list[list[Line]] = []
    previous_breaker = False
    for n, slot in enumerate(slots):
        if not slot:
            continue
        is_breaker = n % 2 == 1
        if is_breaker and previous_breaker and bands:
            bands[-1].extend(slot)
        else:
            bands.append(list(slot))
        previous_breaker = is_breaker
    return bands


def rows(lines: Iterable[Line]) -> list[Line]:
    """Sort lines top to bottom, merging pieces that share a baseline (left to right).

    pdfminer splits a justified line at wide word gaps and separates list labels
    ("a.", "XIV.") from their text; within one column those pieces are one line.

    :param lines: the lines of one column.
    """
    ordered = sorted(lines, key=lambda li: (-li.y1, li.x0))
    merged: list[list[Line]] = []
    for li in ordered:
        if merged:
            first = merged[-1][0]
            overlap = min(first.y1, li.y1) - max(first.y0, li.y0)
            if overlap >= 0.5 * min(first.height, li.height):
                merged[-1].append(li)
                continue
        merged.append([li])
    out = []
    for group in merged:
        group.sort(key=lambda li: li.x0)
        out.append(
            Line(
                min(li.x0 for li in group),
                min(li.y0 for li in group),
                max(li.x1 for li in group),
                max(li.y1 for li in group),
                " ".join(li.text for li in group),
                2 * sum(len(li.text) for li in group if li.bold)
                > sum(len(li.text) for li in group),
            )
        )
    return out


def reading_order(lines: Sequence[Line]) -> list[list[Line]]:
    """Split a page's lines into flows (column runs), each top to bottom, in reading order.

    :param lines: the lines of one page.
    """
    return [rows(flow) for flow in _order(lines, 0, in_column=False) if flow]


def _order(lines: Sequence[Line], depth: int, in_column: bool) -> list[list[Line]]:
    """Flows of unmerged lines; consecutive single-flow bands are one flow."""
    if depth < MAX_DEPTH and len(lines) >= 2 * MIN_COLUMN_LINES:
        gutters = _gutters(lines)
        if gutters:
            crossing = [li for li in lines if _crosses(li, gutters)]
            if crossing:
                parts = _bands(lines, crossing)
            else:
                edges = [g[0] for g in gutters]
                parts = [[] for _ in range(len(gutters) + 1)]
                for li in lines:
                    parts[sum(1 for e in edges if li.x0 >= e)].append(li)
            if len(parts) > 1:
                columns = not crossing
                results = [_order(p, depth + 1, in_column or columns) for p in parts]
                return _concat(results, columns)
        # A full-width introduction may hide the gutter of the columns below it.
        span = max(li.x1 for li in lines) - min(li.x0 for li in lines)
        wide = [li for li in lines if li.width > WIDE_FRACTION * span]
        if not in_column and wide and len(wide) < len(lines):
            parts = _bands(lines, wide)
            if len(parts) > 1:
                return _concat([_order(p, depth + 1, in_column) for p in parts], columns=False)
    return [list(lines)]


def _concat(results: list[list[list[Line]]], columns: bool) -> list[list[Line]]:
    flows: list[list[Line]] = []
    single_before = False
    for result in results:
        single = len(result) == 1 and not columns
        if single and single_before:
            flows[-1] = [*flows[-1], *result[0]]
        else:
            flows.extend(result)
        single_before = single
    return flows


def paragraphs(flow: Sequence[Line]) -> list[Paragraph]:
    """Group the lines of one flow (top to bottom) into paragraphs.

    A paragraph ends at a vertical gap, a change of type size or weight, a short line in
    justified text, or before a list/article marker or an indented first line
    that follows the end of a sentence.

    :param flow: lines of one column, top to bottom, pieces already merged.
    """
    if not flow:
        return []
    left = min(li.x0 for li in flow)
    ends = sorted(li.x1 for li in flow)
    right, justified = _right_margin(ends)
    width = max(right - left, 1.0)
    height = statistics.median(li.height for li in flow)
    tolerance = max(0.04 * width, 1.0 * height)
    gaps = [a.y0 - b.y1 for a, b in zip(flow, flow[1:], strict=False)]
    usual_gap = statistics.median(gaps) if gaps else 0.0

    def centred(li: Line) -> bool:
        return li.x0 - left > height and abs((li.x0 - left) - (right - li.x1)) < 2 * height

    def breaks(prev: Line, cur: Line, nxt: Line | None) -> bool:
        h = min(prev.height, cur.height)
        if prev.y0 - cur.y1 > max(usual_gap, 0.0) + 0.5 * h:
            return True
        if abs(prev.height - cur.height) > 0.25 * max(prev.height, cur.height):
            return True
        if cur.bold and not prev.bold:
            return True
        if prev.bold and not cur.bold and prev.x1 < right - max(1.0, 0.15 * h):
            return True  # a bold heading line, then the text (not a bold run-in lead)
        sentence = bool(END_OF_SENTENCE.search(prev.text))
        short = prev.x1 < right - tolerance and not (centred(prev) and centred(cur))
        if justified and short:
            return True
        if not justified and short and sentence and prev.x1 < right - 0.3 * width:
            return True
        if _LIST_MARKER.match(cur.text) and (sentence or short):
            return True
        if cur.x0 - left > 0.5 * width and abs(cur.x1 - right) <= 1.5 and not centred(cur):
            return True  # a short right-aligned note, not the continuation of a line
        indented = cur.x0 > prev.x0 + 0.8 * h and (nxt is None or cur.x0 > nxt.x0 + 0.8 * h)
        return indented and sentence

    out: list[Paragraph] = []
    current = [flow[0]]
    for n in range(1, len(flow)):
        nxt = flow[n + 1] if n + 1 < len(flow) else None
        if breaks(flow[n - 1], flow[n], nxt):
            out.append(_paragraph(current))
            current = []
        current.append(flow[n])
    out.append(_paragraph(current))
    return [p for p in out if p.text]


def _right_margin(ends: list[float]) -> tuple[float, bool]:
    """The right edge of a column and whether it is justified.

    Justified lines end within a point or two of each other; the right edge is
    then theirs, else the 90th percentile of the line ends (ragged text).
    """
    needed = max(3, math.ceil(0.4 * len(ends)))
    for x in reversed(ends):
        if sum(1 for e in ends if abs(e - x) <= 1.5) >= needed:
            return x, len(ends) >= 3
    return ends[int(0.9 * (len(ends) - 1))], False


def _paragraph(lines: Sequence[Line]) -> Paragraph:
    text = ""
    for li in lines:
        text = join_lines(text, li.text)
    return Paragraph(text, statistics.median(li.height for li in lines), len(lines))
