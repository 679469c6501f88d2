"""A leaner write path for Whoosh's W3 codec (same files, same readers).

Whoosh spends most of an index build in per-posting Python: a type assertion in the
pool and in the postings writer, and a column read of the document's field length
for every posting. :class:`LeanCodec` writes byte-for-byte the same W3 segment but
caches field lengths per (field, document) and skips the assertions; :class:`LeanPool`
does the same for the posting pool. Both are passed to the writer explicitly
(``codec=``, ``poolclass=``) by ``index/indexer.py``; reading uses W3 unchanged.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.base import FieldWriter
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter
from whoosh.writing import PostingPool


class LeanPostingsWriter(W3PostingsWriter):
    """W3 postings writer without per-posting type assertions."""

    def add_posting(
        self, id_: int, weight: float, vbytes: bytes, length: int | None = None
    ) -> None:
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length


class LeanFieldWriter(W3FieldWriter):
    """W3 field writer that looks each document's field length up once, not per posting."""

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        cache: dict[tuple[int, str], int] = {}
        if lengths:
            dfl = lengths.doc_field_length

            def length_of(docnum: int, fieldname: str) -> int:
                key = (docnum, fieldname)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = dfl(docnum, fieldname)
                return value

            class _Lengths:
                doc_field_length = staticmethod(length_of)

            FieldWriter.add_postings(self, schema, _Lengths(), items)
        else:
            FieldWriter.add_postings(self, schema, lengths, items)


class LeanCodec(W3Codec):
    """The W3 codec with :class:`LeanFieldWriter` and :class:`LeanPostingsWriter`."""

    def field_writer(self, storage: Any, segment: Any) -> LeanFieldWriter:
        return LeanFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return LeanPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class LeanPool(PostingPool):
    """Posting pool without per-posting assertions (sizes are estimated the same way)."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        self.fieldnames.add(item[0])
        self.currentsize += 130 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)
