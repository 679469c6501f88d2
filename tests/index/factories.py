"""Small records for index tests, built in memory."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from library.model import Expression, File, Part, Record, Work


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_record(
    work_id: str,
    articles: Sequence[str] | dict[str, Sequence[str]],
    *,
    title: str | dict[str, str] = "",
    language: str = "es",
    jurisdiction: str = "AR",
    instrument_type: str = "law",
    number: str = "",
    date: str = "2010-01-01",
    status: str = "in_force",
    topics: Sequence[str] = (),
    issuing_body: str = "Congreso",
    headings: Sequence[str] = (),
) -> Record:
    """A work with one expression per language; each article text becomes a part.

    :param articles: article texts, or ``{language: texts}`` for several expressions.
    :param title: the title, or ``{language: title}``.
    """
    by_language = articles if isinstance(articles, dict) else {language: articles}
    titles = title if isinstance(title, dict) else {lang: title for lang in by_language}
    expressions = []
    files = []
    for lang, texts in by_language.items():
        file_sha = sha(work_id + lang + "".join(texts))
        parts = tuple(
            Part(
                "article",
                str(i),
                headings[i - 1] if i - 1 < len(headings) else "",
                text,
                f"art-{i}",
                language=lang,
            )
            for i, text in enumerate(texts, start=1)
        )
        expressions.append(
            Expression(
                f"{work_id}@{lang}",
                work_id,
                lang,
                titles.get(lang, "") or f"Title of {work_id}",
                file_sha,
                parts=parts,
            )
        )
        files.append(File(file_sha, "markdown", sum(len(t) for t in texts)))
    work = Work(
        work_id,
        instrument_type,
        jurisdiction,
        number=number,
        issuing_body=issuing_body,
        date_adopted=date,
        status=status,
        topics=tuple(topics),
    )
    return Record(work, tuple(expressions), tuple(files))
