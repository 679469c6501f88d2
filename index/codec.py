"""A leaner W3 codec and writers: the same files, with posting blocks that decode in C.

Whoosh spends most of an index build in per-posting Python: a pool call with type
checks per posting, then per posting a field-length column read, ``add`` and
``add_posting`` calls and assertions. :class:`LeanSegmentWriter` (and
:class:`LeanMpWriter` for ``procs>1``) hand each document field's postings to the pool
as one sorted list; :class:`LeanFieldWriter` writes each term a block at a time, with
field lengths read once per (field, document). Posting blocks store ids (delta-coded),
weights and values as packed arrays instead of tuples of Python objects, so a block
unpickles as three byte strings and decodes with ``array`` and
``itertools.accumulate``; values (the neighbour hashes) are only split when asked for;
blocks under :data:`COMPRESS_MIN_BYTES` are not compressed. :class:`LeanLeafMatcher`
reads both these blocks and plain W3 ones. ``index/indexer.py`` uses these writers and
passes the codec (``codec=``); segments record their codec, so readers pick it up.
"""

from __future__ import annotations

import gc
import zlib
from array import array
from itertools import accumulate, groupby
from operator import itemgetter, sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.filedb.structfile import BufferFile
from whoosh.matching import ListMatcher
from whoosh.multiproc import MpWriter, SubWriterTask, finish_subsegment
from whoosh.util.numeric import length_to_byte
from whoosh.writing import PostingPool, SegmentWriter

#: Posting blocks whose pickle is shorter than this are written uncompressed.
COMPRESS_MIN_BYTES = 512


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

    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block, except that small blocks are not compressed:
        # zlib costs a call per block and gains little on a few postings. Each block
        # records its own compression, so readers handle both.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = dumps(data, 2)
        comp = self._compression if len(databytes) >= COMPRESS_MIN_BYTES else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()

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
        # The whole posting list in one read: the matcher then seeks and reads each
        # block's header and data in memory, not with several system calls per block.
        offset, length = terminfo.extent()
        if isinstance(length, tuple):  # Whoosh 2.7 decodes the length as a 1-tuple
            length = length[0]
        whole = BufferFile(dbfile.get(offset, length))
        return LeanLeafMatcher(whole, 0, length, format_, term=term, scorer=scorer)

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


# -- writers: postings go to the pool a document field at a time -------------------------


class LeanPostingPool(PostingPool):
    """Whoosh's posting pool, filled a list of postings at a time (no per-posting checks)."""

    def add_field_postings(self, fieldname: str, postings: list[tuple]) -> None:
        """Add one document field's ``(fieldname, tbytes, docnum, weight, vbytes)`` tuples.

        :param fieldname: the field all ``postings`` belong to.
        :param postings: the tuples, sorted by term.
        """
        if not postings:
            return
        self.fieldnames.add(fieldname)
        # The same size estimate as PostingPool.add, summed over the postings.
        self.currentsize += (
            (150 + len(fieldname)) * len(postings)
            + 2 * sum(map(len, map(_TERM, postings)))
            + sum(map(len, map(_VALUE, postings)))
        )
        self.current.extend(postings)
        if self.currentsize > self.limit:
            self.save()


_TERM = itemgetter(1)
_VALUE = itemgetter(4)


class LeanSegmentWriter(SegmentWriter):
    """A segment writer that hands each field's postings to the pool as one sorted list.

    Whoosh's ``add_document`` makes a call with type checks and a size estimate for every
    posting; here a list comprehension builds a field's posting tuples, sorted by term
    so that the pool's final sort merges presorted runs.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool = LeanPostingPool(
            self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128)
        )
        self._lean = not any(
            field.vector or field.separate_spelling() for _name, field in self.schema.items()
        )

    def add_document(self, **fields: Any) -> None:
        if not self._lean:
            super().add_document(**fields)
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        add_postings = self.pool.add_field_postings
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                boost = self._field_boost(fields, fieldname, docboost)
                items = sorted(field.index(value), key=_FIRST)
                if field.scorable:
                    length = sum(map(_FREQ, items))
                add_postings(
                    fieldname,
                    [
                        (fieldname, tbytes, docnum, weight * boost, vbytes)
                        for tbytes, _freq, weight, vbytes in items
                    ],  # fmt: skip
                )
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1


_FIRST = itemgetter(0)
_FREQ = itemgetter(1)


class LeanSubWriterTask(SubWriterTask):
    """Whoosh's writer process, writing with :class:`LeanSegmentWriter`.

    The process holds millions of posting tuples until its segment is written, none of
    them in a reference cycle, and every full pass of Python's cyclic garbage collector
    walks them all: with it off, writing a 10,000-document segment took a third less
    time. The process ends with its segment, so nothing is left to collect later.
    """

    def run(self) -> None:
        gc.disable()
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = LeanSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            jobinfo = self.jobqueue.get()
            if jobinfo is None:
                break
            self._process_file(*jobinfo)
        if not self.running:
            writer.cancel()
            return
        if self.multisegment:
            result = (None, writer.pool.fieldnames, writer._finalize_segment())
        else:
            result = finish_subsegment(writer, self.kwargs.get("k", 64))
        self.resultqueue.put(result, timeout=5)


class LeanMpWriter(MpWriter):
    """Whoosh's multi-process writer whose processes use :class:`LeanSegmentWriter`."""

    def _new_task(self) -> LeanSubWriterTask:
        task = LeanSubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task
