"""The arrays of an uncompressed ``.npz`` read straight from its bytes, without ``zipfile`` or copies.

``train.write_npz`` stores every entry uncompressed and aligned, and ``runtime.load`` has already
checked the bytes' sha256, so an entry's array is a read-only view of the bytes where it starts.
``numpy.load`` would also import ``zipfile`` (with ``shutil``, ``bz2`` and ``lzma``), check each
entry's CRC-32 and copy every array out through file objects, touching 6 MB of fresh memory on
each cold start.  Anything this reader does not expect (a deflated entry, ZIP64, a second disk, an
odd header) returns None and the caller uses ``numpy.load``, whose errors are the ones users see
for a broken file.
"""

from __future__ import annotations

import io
import struct

import numpy as np

_END = b"PK\x05\x06"  # end of central directory
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_STORED = 0


def read_stored_npz(content: bytes) -> dict[str, np.ndarray] | None:
    """``{name: array}`` of every ``<name>.npy`` entry, or None when the file is not the plain kind."""
    try:
        return _read(content)
    except (ValueError, struct.error, IndexError, TypeError):
        return None


def _read(content: bytes) -> dict[str, np.ndarray] | None:
    end = content.rfind(_END, max(0, len(content) - 65_557))  # the record ends the file, before a comment
    if end < 0:
        return None
    disk, start_disk, _, entries, size, offset, _ = struct.unpack_from("<HHHHIIH", content, end + 4)
    if disk or start_disk or offset + size > end:
        return None
    arrays: dict[str, np.ndarray] = {}
    position = offset
    for _ in range(entries):
        if content[position:position + 4] != _CENTRAL:
            return None
        (flags, method, compressed, uncompressed, name_length, extra_length, comment_length,
         local) = struct.unpack_from("<4xHH8xIIHHH8xI", content, position + 4)
        name = content[position + 46:position + 46 + name_length].decode("utf-8")
        position += 46 + name_length + extra_length + comment_length
        if method != _STORED or flags & 1 or compressed != uncompressed or not name.endswith(".npy"):
            return None
        if content[local:local + 4] != _LOCAL:
            return None
        local_name, local_extra = struct.unpack_from("<HH", content, local + 26)
        data = local + 30 + local_name + local_extra
        arrays[name[:-4]] = _array(content, data, uncompressed)
    return arrays


def _array(content: bytes, start: int, length: int) -> np.ndarray:
    """The ``.npy`` held in ``content[start:start + length]``: a read-only view of ``content`` where the
    entry is aligned for its type (``train.write_npz`` aligns them), an aligned copy where it is not."""
    stream = io.BytesIO(content[start:start + min(length, 4096)])
    major, _ = np.lib.format.read_magic(stream)
    if major == 1:
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(stream)
    elif major == 2:
        shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(stream)
    else:
        raise ValueError("unknown .npy version")
    if dtype.hasobject:
        raise ValueError("object arrays are never loaded")
    count = int(np.prod(shape, dtype=np.int64))
    header = stream.tell()
    if header + count * dtype.itemsize != length:
        raise ValueError("entry size does not match its header")
    flat = np.frombuffer(content, dtype=dtype, count=count, offset=start + header)
    if not flat.flags.aligned:
        flat = flat.copy()
    return flat.reshape(shape, order="F" if fortran_order else "C")
