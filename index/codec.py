"""A leaner W3 codec: the same files, with posting blocks that decode in C.

Whoosh spends most of an index build in per-posting Python: type assertions in the
postings writer and a column read of the document's field length for every posting.
:class:`LeanCodec` caches field lengths per (field, document) and skips the
assertions. Its posting blocks store ids (delta-coded), weights and values as packed
arrays instead of tuples of Python objects, so a block unpickles as three byte
strings and decodes with ``array`` and ``itertools.accumulate``; values (the
neighbour hashes) are only split when asked for. :class:`LeanLeafMatcher` reads both
these blocks and plain W3 ones. ``index/indexer.py`` passes the codec to every writer
(``codec=``); segments record their codec, so readers pick it up by themselves.
"""

from __future__ import annotations

from array import array
from itertools import accumulate, groupby
from operator import itemgetter, sub
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3LeafMatcher, W3PostingsWriter
from whoosh.matching import ListMatcher


class LeanPostingsWriter(W3PostingsWriter):
    """W3 postings writer without per-posting assertions, writing packed blocks."""

    def _mini_ids(self) -> Any:
        if self._byteids:
            return super()._mini_ids()
        ids = self._ids
        deltas = array("I", [ids[0]])
        deltas.extend(map(sub, ids[1:], ids[:-1]))
        return deltas.tobytes()

    def _mini_weights(self) -> Any:
        weights = self._weights
        first = weights[0]
        if all(w == first for w in weights):
            return None if first == 1.0 else first
        return array("f", weights).tobytes()

    def _mini_values(self) -> Any:
        fixed = self._format.fixed_value_size()
        if fixed is not None and fixed >= 0:
            return super()._mini_values()
        lengths = array("I", map(len, self._values))
        return (lengths.tobytes(), b"".join(self._values))

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
    """W3 field writer that writes each term's postings a block at a time.

    Whoosh's generic loop makes several Python calls per posting (a field-length column
    read, ``add``, ``add_posting``). Here the sorted postings are grouped by term with
    ``itertools.groupby``, transposed with ``zip``, and each block's buffers are filled
    with C-level array constructors; field lengths are read once per (field, document).
    The bytes written are the same as with the generic loop.
    """

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        field_lengths: dict[str, list[int]] = {}
        lastfn = None
        for (fieldname, btext), group in groupby(items, _FIELD_TERM):
            if fieldname != lastfn:
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                lastfn = fieldname
            _f, _t, docnums, weights, values = zip(*group, strict=True)
            if docnums[0] == -1:  # spelling words (Whoosh's hack); no field here has them
                continue
            known = field_lengths.get(fieldname)
            if known is None:
                known = field_lengths[fieldname] = _field_lengths(lengths, fieldname)
            self.start_term(btext)
            _add_term(self._postwriter, docnums, weights, values, known)
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


_FIELD_TERM = itemgetter(0, 1)


def _field_lengths(lengths: Any, fieldname: str) -> list[int]:
    """Every document's (quantised) length of ``fieldname``, 0 without length statistics."""
    if not lengths:
        return _Zeros()
    dfl = lengths.doc_field_length
    return [dfl(docnum, fieldname) for docnum in range(lengths.doc_count_all())]


class _Zeros(list):  # type: ignore[type-arg]
    def __getitem__(self, index: Any) -> Any:
        return 0


def _add_term(writer: Any, docnums: tuple, weights: tuple, values: tuple, known: list[int]) -> None:
    """Fill ``writer``'s blocks with one term's postings, as ``add_posting`` would."""
    limit = writer._blocklimit
    total = len(docnums)
    for start in range(0, total, limit):
        if start:
            writer._write_block()
            writer._new_block()
        end = start + limit
        ids = docnums[start:end]
        block_weights = weights[start:end]
        writer._ids = array("I", ids)
        writer._weights = array("f", block_weights)
        writer._values = [v for v in values[start:end] if v]
        top = max(block_weights)
        writer._maxweight = top if top > 0 else 0
        found = [n for n in map(known.__getitem__, ids) if n]
        writer._minlength = min(found) if found else None
        writer._maxlength = max(found) if found else 0


class LeanLeafMatcher(W3LeafMatcher):
    """Reads packed blocks (and plain W3 blocks)."""

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        ids = self._data[0]
        if isinstance(ids, bytes):
            deltas = array("I")
            deltas.frombytes(ids)
            self._ids = tuple(accumulate(deltas))
        else:
            super()._read_ids()

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        weights = self._data[1]
        if isinstance(weights, bytes):
            packed = array("f")
            packed.frombytes(weights)
            self._weights = packed
        else:
            super()._read_weights()

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        values = self._data[2]
        if isinstance(values, tuple) and len(values) == 2 and isinstance(values[0], bytes):
            lengths = array("I")
            lengths.frombytes(values[0])
            blob = values[1]
            out = []
            pos = 0
            for n in lengths:
                out.append(blob[pos : pos + n])
                pos += n
            self._values = tuple(out)
        else:
            super()._read_values()


class LeanCodec(W3Codec):
    """The W3 codec with lean writers and :class:`LeanLeafMatcher`."""

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return ListMatcher(
                ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo
            )
        offset, length = terminfo.extent()
        return LeanLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

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
