"""The lean write path writes what Whoosh's own writer and field writer would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from index import analysis
from index import fields as F
from index.codec import LeanCodec, LeanSegmentWriter
from index.mapping import to_fields
from index.schema import ExpressionSchema
from tests.index.conftest import collection


def _postings(path: Path) -> dict[tuple[str, bytes], Any]:
    ix = whoosh_index.open_dir(str(path))
    out: dict[tuple[str, bytes], Any] = {}
    with ix.reader() as reader:
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            matcher = reader.postings(fieldname, text)
            rows = []
            while matcher.is_active():
                value = matcher.value()
                if fieldname == F.BODY_EXACT:
                    after, before = analysis.decode_neighbours(value)
                    value = (analysis.decode_count(value), sorted(after), sorted(before))
                rows.append((matcher.id(), matcher.weight(), value))
                matcher.next()
            stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length())
            out[(fieldname, text)] = (stats, info.max_weight(), rows)
        stored = [reader.stored_fields(n) for n in reader.all_doc_ids()]
        out[("", b"stored")] = stored
    ix.close()
    return out


def _build(path: Path, lean: bool) -> None:
    path.mkdir()
    ix = whoosh_index.create_in(str(path), ExpressionSchema())
    options: dict[str, Any] = {"compound": False}
    if lean:
        writer = LeanSegmentWriter(ix, codec=LeanCodec(), **options)
    else:
        writer = ix.writer(codec=W3Codec(), **options)
    for record in collection():
        for expression in record.expressions:
            writer.add_document(**to_fields(record, expression))
    writer.commit()
    ix.close()


def test_lean_writer_and_codec_write_the_same_postings_as_whoosh(tmp_path: Path) -> None:
    _build(tmp_path / "whoosh", lean=False)
    _build(tmp_path / "lean", lean=True)
    assert _postings(tmp_path / "lean") == _postings(tmp_path / "whoosh")
