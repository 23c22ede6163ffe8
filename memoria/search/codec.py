"""whoosh's W3 codec with each posting block's values stored apart from its ids and weights.

Why: a W3 block is one pickled, compressed tuple (ids, weights, values),
so ranking a common word unpickles every posting's value too: for the
stemmed text fields that is the word's positions in each transcript. At
10,000 hour-long testimonies, decoding the blocks of "desplazados" and
"Medellín" took 30 ms with the values and 2 ms without; ranking needs only
ids and weights, and phrases and snippets read the values of few blocks.

A block here is: the length of the first part (4 bytes, big-endian), the
compressed pickle of (ids, weights), then the compressed pickle of the
values, each minified exactly as W3 minifies them. The block header (count,
last id, top weight, compression, lengths) is W3's, so skipping by block
stays as it was; term infos and inlined postings are W3's unchanged.
Vector postings (not used here) keep W3's blocks, because whoosh reads them
with W3's matcher directly.

STABLE IMPORT PATH: whoosh pickles the codec into each segment's entry of
the index's TOC; moving or renaming these classes means bumping
``schema.INDEX_VERSION`` (the index is then rebuilt from the catalogue).
"""

from __future__ import annotations

import zlib
from pickle import dumps, loads
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.util.numeric import length_to_byte

__all__ = ["SplitBlockCodec"]

_UNREAD: Any = object()  # a block's values not decoded yet (None is a real W3 value)


class SplitBlockCodec(W3Codec):
    """W3, with values apart in each posting block (see the module docstring)."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        cls = W3PostingsWriter if byteids else _SplitPostingsWriter
        return cls(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                   compression=self._compression, inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None,
                        scorer: Any = None) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return _SplitLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class _SplitPostingsWriter(W3PostingsWriter):
    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block, but two compressed parts
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        head = dumps((self._mini_ids(), self._mini_weights()), 2)
        tail = dumps(self._mini_values(), 2)
        comp = self._compression
        if comp:
            head = zlib.compress(head, comp)
            tail = zlib.compress(tail, comp)
        databytes = len(head).to_bytes(4, "big") + head + tail
        ids = self._ids
        infobytes = dumps((len(ids), ids[-1], self._maxweight, comp,
                           length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class _SplitLeafMatcher(W3LeafMatcher):
    _block: bytes = b""
    _head_end = 0

    def _read_data(self) -> None:
        """Read the block, decode ids and weights; values wait for ``_read_values``."""
        block = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        self._head_end = 4 + int.from_bytes(block[:4], "big")
        self._block = block
        head = memoryview(block)[4:self._head_end]
        ids, weights = loads(zlib.decompress(head) if self._compression else head)
        self._data = (ids, weights, _UNREAD)

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        if self._data[2] is _UNREAD:
            tail = memoryview(self._block)[self._head_end:]
            values = loads(zlib.decompress(tail) if self._compression else tail)
            self._data = (self._data[0], self._data[1], values)
        super()._read_values()
