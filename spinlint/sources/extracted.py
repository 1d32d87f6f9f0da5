"""Text read out of a document format, part by part, with a landmark where each part starts."""

from __future__ import annotations

import zipfile
from io import BytesIO

from ..document import Landmark, Source
from .errors import InputError

PART_SEPARATOR = "\n\n"  # a blank line: the text markup reads each part as its own paragraph
# A .docx is a ZIP archive; python-docx inflates its parts in memory, so a small file that inflates to
# gigabytes would take the machine down before any prose is read.
MAX_INFLATED_BYTES = 200_000_000


class ExtractedText:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.landmarks: list[Landmark] = []
        self.length = 0

    def add(self, label: str, text: str) -> None:
        """Append one part (a paragraph, a page); a part with no text is left out and leaves no landmark."""
        text = text.strip()
        if not text:
            return
        if self.parts:
            self.parts.append(PART_SEPARATOR)
            self.length += len(PART_SEPARATOR)
        self.landmarks.append(Landmark(self.length, label))
        self.parts.append(text)
        self.length += len(text)

    def source(self, shown: str, os_path: str | None, format: str = "text") -> Source:
        return Source(path=shown, text="".join(self.parts), format=format, os_path=os_path,
                      landmarks=tuple(self.landmarks))


def check_zip(data: bytes, shown: str) -> None:
    """Refuse a ZIP container that is not one, or that would inflate past ``MAX_INFLATED_BYTES``."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as problem:
        raise InputError(f"{shown}: not a readable ZIP container ({problem})") from None
    if inflated > MAX_INFLATED_BYTES:
        raise InputError(f"{shown}: inflates to {inflated:,} bytes, over the {MAX_INFLATED_BYTES:,}-byte limit "
                    "for documents; not read")


def reason(error: Exception) -> str:
    """A parser's exception as a short phrase for a one-line message."""
    lines = str(error).strip().splitlines()
    return (lines[0][:200] if lines else "") or type(error).__name__
