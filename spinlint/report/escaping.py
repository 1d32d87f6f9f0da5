"""Text from a document or a file name, made safe to print on a terminal or into a CI log.

A document someone else wrote can carry escape sequences (OSC 52 writes the clipboard, CSI clears the
screen), bidirectional overrides that reorder what a reader sees, or a newline that forges a second
finding line or a GitHub workflow command (``::add-mask::``). Every human-readable format passes such
text through ``visible``: C0 and C1 controls, DEL and the bidi controls become ``\\xNN`` / ``\\uNNNN``.
JSON and SARIF escape by their own rules and keep the exact text.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    return _UNSAFE.sub(_escape, text)
