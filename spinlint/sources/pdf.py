"""``.pdf`` through pypdf: the text of each page, located by page number.

pypdf gives lines but not paragraphs; a paragraph break is put where the next line starts well below
the last one (more than ``PARAGRAPH_GAP`` line heights) or above it (a new column).
"""

from __future__ import annotations

import logging
from io import BytesIO

from ..document import Source
from .errors import InputError
from .extracted import ExtractedText, reason

PARAGRAPH_GAP = 1.7  # in font sizes; single-spaced lines step about 1.2


def read_pdf(data: bytes, shown: str, os_path: str | None) -> Source:
    import pypdf  # only when a .pdf is linted

    # pypdf reports the structure it repairs through logging, whose last-resort handler would print it
    # on stderr as if it were spinlint's; a file it cannot read raises instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    text = ExtractedText()
    try:
        reader = pypdf.PdfReader(BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise InputError(f"{shown}: an encrypted PDF that needs a password; not read")
        pages = len(reader.pages)
        for number, page in enumerate(reader.pages, 1):
            text.add(f"page {number}", _page_text(page))
    except InputError:
        raise
    except Exception as error:  # pypdf raises its own errors and those of the structures it walks
        raise InputError(f"{shown}: not a readable PDF ({reason(error)})") from None
    if not text.parts:
        raise InputError(f"{shown}: no text on its {pages} page{'s' if pages != 1 else ''} "
                         "(a scanned image?); run it through OCR first")
    return text.source(shown, os_path)


def _opens_without_password(reader) -> bool:
    """Whether the PDF is only protected against changes (an empty user password), as many are."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an encryption pypdf cannot undo without optional packages
        return False


def _page_text(page) -> str:
    pieces: list[str] = []
    last_y: float | None = None

    def visit(chunk: str, matrix, text_matrix, font, size) -> None:
        nonlocal last_y
        if not chunk:
            return
        y = text_matrix[4] * matrix[1] + text_matrix[5] * matrix[3] + matrix[5]
        height = abs(size * text_matrix[3] * matrix[3]) or 1.0
        starts_line = not pieces or pieces[-1].endswith("\n")
        if starts_line and last_y is not None and (last_y - y > PARAGRAPH_GAP * height or y - last_y > height):
            pieces.append("\n")
        pieces.append(chunk)
        last_y = y

    page.extract_text(visitor_text=visit)
    return "".join(pieces)
