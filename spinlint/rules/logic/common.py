"""What every logic check shares: the offsets a check yields and the helpers for trimming them."""

from __future__ import annotations

Offsets = tuple[int, int]


def skip_spaces(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading whitespace so a finding starts on a word."""
    while start < end and text[start].isspace():
        start += 1
    return start
