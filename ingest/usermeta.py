"""Metadata given by a person: a catalogue CSV (``--metadata``) or ``<file>.meta.json``.

Given metadata wins over anything derived. The CSV has the columns of the demo
catalogue (``path,title,country,organization,issuing_body,instrument_type,date,
language,topics,status,source,…``); model field names (``jurisdiction``,
``date_adopted``, ``number``…) are accepted too. Rows are matched to files by
``sha256`` when given, else by ``path`` relative to the CSV's folder.

The whole file is validated before any document is ingested, and every problem
is reported at once with its row number, so a librarian fixes the CSV in one go.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from library.errors import MetadataError
from library.model import METADATA_FIELDS, STATUSES
from library.vocabulary import Vocabularies

#: CSV column -> model field, for the demo catalogue's column names.
COLUMN_ALIASES: Mapping[str, str] = {
    "date": "date_adopted",
    "source": "source_url",
    "type": "instrument_type",
    "lang": "language",
    "country": "jurisdiction",
}
IGNORED_COLUMNS = frozenset({"path", "sha256", "format", "bytes", "notes", "organization"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LANGUAGE = re.compile(r"^([a-z]{2,3})$")
INTERNATIONAL = {"INT", "XX", ""}


@dataclass(frozen=True)
class GivenMetadata:
    """Validated rows of a metadata CSV, addressable by sha256 or by resolved path."""

    by_sha256: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    by_path: Mapping[Path, Mapping[str, str]] = field(default_factory=dict)

    def for_file(self, path: Path, sha256: str) -> dict[str, str]:
        """The given values for one file (empty when the CSV does not list it)."""
        row = self.by_sha256.get(sha256) or self.by_path.get(path.resolve())
        return dict(row or {})

    def __len__(self) -> int:
        return len(self.by_sha256) + len(self.by_path)


def load_csv(path: Path, vocab: Vocabularies) -> GivenMetadata:
    """Read and validate a metadata CSV.

    :param path: the CSV file; relative ``path`` cells resolve against its folder.
    :raises MetadataError: listing every problem found, with row numbers.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise MetadataError(f"cannot read metadata file {path}: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MetadataError(
            f"{path} is not UTF-8 (byte {exc.start}); save the CSV as UTF-8 and try again"
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not ({"sha256", "path"} & set(reader.fieldnames)):
        raise MetadataError(f"{path}: the CSV needs a 'sha256' or a 'path' column to match files")
    by_sha: dict[str, dict[str, str]] = {}
    by_path: dict[Path, dict[str, str]] = {}
    problems: list[str] = []
    for number, row in enumerate(reader, start=2):
        values, row_problems = normalise(row, vocab)
        problems += [f"row {number}: {p}" for p in row_problems]
        sha = (row.get("sha256") or "").strip().lower()
        if sha:
            by_sha[sha] = values
        if (row.get("path") or "").strip():
            by_path[(path.parent / row["path"].strip()).resolve()] = values
    if problems:
        shown = "\n  ".join(problems[:30])
        more = f"\n  … and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise MetadataError(f"{path} has {len(problems)} problem(s):\n  {shown}{more}")
    return GivenMetadata(by_sha, by_path)


def load_sidecar(document: Path, vocab: Vocabularies) -> dict[str, str]:
    """Values of ``<document>.meta.json`` if it exists, validated; else ``{}``."""
    sidecar = document.with_name(document.name + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MetadataError(f"{sidecar}: not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"{sidecar}: expected a JSON object of field names to values")
    flat = {k: ";".join(v) if isinstance(v, list) else str(v) for k, v in data.items()}
    values, problems = normalise(flat, vocab)
    if problems:
        raise MetadataError(f"{sidecar}: " + "; ".join(problems))
    return values


def normalise(
    row: Mapping[str, str | None], vocab: Vocabularies
) -> tuple[dict[str, str], list[str]]:
    """Map column names to model fields, clean values and list what is invalid."""
    values: dict[str, str] = {}
    problems: list[str] = []
    for column, raw in row.items():
        if column is None or column.strip().lower() in IGNORED_COLUMNS:
            continue
        name = COLUMN_ALIASES.get(column.strip().lower(), column.strip().lower())
        value = (raw or "").strip()
        if not value:
            continue
        if name not in METADATA_FIELDS:
            problems.append(f"unknown column {column!r}")
            continue
        values[name] = value
    jurisdiction = _jurisdiction(row, values.get("jurisdiction", ""), vocab, problems)
    if jurisdiction:
        values["jurisdiction"] = jurisdiction
    else:
        values.pop("jurisdiction", None)
    _check_values(values, vocab, problems)
    return values, problems


def _jurisdiction(
    row: Mapping[str, str | None], country: str, vocab: Vocabularies, problems: list[str]
) -> str:
    """A country code, or for international rows the organisation's code."""
    code = country.strip().upper()
    if code not in INTERNATIONAL:
        if code not in vocab.jurisdictions:
            problems.append(f"unknown country code {country!r}")
            return ""
        return code
    organisation = (row.get("organization") or "").strip()
    if not organisation:
        return ""
    found = vocab.jurisdiction_by_name(organisation)
    if found is None:
        problems.append(f"unknown organization {organisation!r}")
        return ""
    return found


def _check_values(values: dict[str, str], vocab: Vocabularies, problems: list[str]) -> None:
    kind = values.get("instrument_type")
    if kind is not None and kind not in vocab.instrument_types:
        problems.append(
            f"unknown instrument_type {kind!r} (known: {', '.join(sorted(vocab.instrument_types))})"
        )
    status = values.get("status")
    if status is not None and status not in STATUSES:
        problems.append(f"unknown status {status!r} (known: {', '.join(STATUSES)})")
    for key in ("date_adopted", "date_published", "date_in_force"):
        if key in values and not _DATE.match(values[key]):
            problems.append(f"{key} {values[key]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    language = values.get("language")
    if language is not None:
        values["language"] = language = language.lower()
        if not _LANGUAGE.match(language):
            problems.append(f"language {language!r} is not an ISO 639 code such as 'es' or 'mul'")
    if "topics" in values:
        topics = [t.strip() for t in values["topics"].split(";") if t.strip()]
        unknown = [t for t in topics if t not in vocab.concepts]
        if unknown:
            problems.append(
                f"unknown topic(s) {', '.join(unknown)} (see library/vocabularies/topics.json)"
            )
        values["topics"] = ";".join(topics)


def known_columns() -> Iterable[str]:
    """Column names a metadata CSV may use (for help texts and the README)."""
    return sorted(set(METADATA_FIELDS) | set(COLUMN_ALIASES) | IGNORED_COLUMNS)
