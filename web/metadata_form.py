"""The metadata form of a work: its options from the vocabularies, and server-side checks.

:func:`metadata_form` builds the form from a record (or from a submitted form that
failed its checks, so the librarian's input is kept); :func:`parse_metadata` checks a
submission and returns the new :class:`~library.model.Work` and titles, or the errors
as message keys per field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from werkzeug.datastructures import MultiDict

from library.model import STATUSES, Record, Work
from library.vocabulary import Vocabularies
from web.labels import Labels

TEXT_FIELDS: tuple[str, ...] = ("number", "issuing_body", "gazette")
DATE_FIELDS: tuple[str, ...] = ("date_adopted", "date_published", "date_in_force")
CHOICE_FIELDS: tuple[str, ...] = ("jurisdiction", "instrument_type", "status")
MAX_TEXT = 300
MAX_TITLE = 1000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class TitleField:
    """The title of one expression, named ``title-N`` in the form."""

    name: str
    expression_id: str
    language: str
    value: str


@dataclass(frozen=True)
class MetadataForm:
    """What the form shows: values, options, and errors (message keys) per field name."""

    values: Mapping[str, str]
    options: Mapping[str, tuple[Option, ...]]
    topics: tuple[Option, ...]
    titles: tuple[TitleField, ...]
    errors: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Submission:
    """A checked submission: the work to save, changed titles, the note, or errors."""

    work: Work
    titles: Mapping[str, str]  # expression_id -> new title (changed ones only)
    note: str
    errors: Mapping[str, str]


def _options(values: list[tuple[str, str]], chosen: set[str]) -> tuple[Option, ...]:
    return tuple(Option(v, label, v in chosen) for v, label in sorted(values, key=lambda x: x[1]))


def metadata_form(
    record: Record,
    vocab: Vocabularies,
    labels: Labels,
    submitted: MultiDict[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
) -> MetadataForm:
    """The form for ``record``, showing ``submitted`` values instead when given.

    :param submitted: a form that failed its checks (its values are shown again).
    :param errors: message keys per field name.
    """
    work = record.work
    values = {
        name: str(getattr(work, name)) for name in (*TEXT_FIELDS, *DATE_FIELDS, *CHOICE_FIELDS)
    }
    topics = set(work.topics)
    titles = {f"title-{i}": e.title for i, e in enumerate(record.expressions)}
    if submitted is not None:
        values = {k: submitted.get(k, "") for k in values}
        topics = set(submitted.getlist("topics"))
        titles = {k: submitted.get(k, "") for k in titles}
    options = {
        "jurisdiction": _options([(c, labels.jurisdiction(c)) for c in vocab.jurisdictions],
                                 {values["jurisdiction"]}),
        "instrument_type": _options([(i, labels.instrument_type(i)) for i in vocab.instrument_types],
                                    {values["instrument_type"]}),
        "status": tuple(Option(s, labels.status(s), s == values["status"]) for s in STATUSES),
    }  # fmt: skip
    return MetadataForm(
        values=values,
        options=options,
        topics=_options([(c, labels.topic(c)) for c in vocab.concepts], topics),
        titles=tuple(
            TitleField(
                f"title-{i}", e.expression_id, labels.language(e.language), titles[f"title-{i}"]
            )
            for i, e in enumerate(record.expressions)
        ),
        errors=dict(errors or {}),
    )


def valid_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD and a real date.

    >>> [valid_date(v) for v in ("2004", "2004-02", "2004-02-29", "2003-02-29", "04/2004")]
    [True, True, True, False, False]
    """
    found = _DATE.match(value)
    if not found:
        return False
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _text_error(value: str, limit: int) -> str:
    if len(value) > limit:
        return "form.error.too_long"
    if _CONTROL.search(value):
        return "form.error.control"
    return ""


def parse_metadata(form: MultiDict[str, str], record: Record, vocab: Vocabularies) -> Submission:
    """Check a submitted metadata form against the vocabularies.

    Changed fields are marked ``given`` in the work's provenance; the work id never
    changes (it is the stable address of the work).

    :param form: the submitted fields.
    :param record: the work as stored.
    """
    work = record.work
    errors: dict[str, str] = {}
    changes: dict[str, object] = {}
    value = {
        name: form.get(name, "").strip() for name in (*TEXT_FIELDS, *DATE_FIELDS, *CHOICE_FIELDS)
    }
    if value["jurisdiction"] not in vocab.jurisdictions:
        errors["jurisdiction"] = "form.error.choice"
    if value["instrument_type"] not in vocab.instrument_types:
        errors["instrument_type"] = "form.error.choice"
    if value["status"] not in STATUSES:
        errors["status"] = "form.error.choice"
    for name in DATE_FIELDS:
        if value[name] and not valid_date(value[name]):
            errors[name] = "form.error.date"
    for name in TEXT_FIELDS:
        if problem := _text_error(value[name], MAX_TEXT):
            errors[name] = problem
    topics = tuple(dict.fromkeys(form.getlist("topics")))
    if any(t not in vocab.concepts for t in topics):
        errors["topics"] = "form.error.choice"
    for name, v in value.items():
        if v != str(getattr(work, name)):
            changes[name] = v
    if set(topics) != set(work.topics):
        changes["topics"] = topics
    titles: dict[str, str] = {}
    for i, expression in enumerate(record.expressions):
        title = form.get(f"title-{i}", "").strip()
        if not title:
            errors[f"title-{i}"] = "form.error.required"
        elif problem := _text_error(title, MAX_TITLE):
            errors[f"title-{i}"] = problem
        elif title != expression.title:
            titles[expression.expression_id] = title
    note = form.get("note", "").strip()
    if problem := _text_error(note, MAX_TEXT):
        errors["note"] = problem
    sources = {**work.field_sources, **{name: "given" for name in changes}}
    new = replace(work, **changes, field_sources=sources) if changes else work  # type: ignore[arg-type]
    return Submission(new, titles, note, errors)
