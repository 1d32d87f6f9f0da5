"""``.docx`` through python-docx: body paragraphs (headings among them) and table cells, each located by number.

Paragraph numbers count the paragraphs that hold text, as a reader counts them; headers, footers,
text boxes and comments are not prose of the document and are left out.
"""

from __future__ import annotations

from io import BytesIO

from ..document import Source
from .errors import InputError
from .extracted import ExtractedText, check_zip, reason

# An encrypted .docx is not a ZIP archive but an OLE container, as old .doc files are.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def read_docx(data: bytes, shown: str, os_path: str | None) -> Source:
    if data.startswith(OLE_MAGIC):
        raise InputError(f"{shown}: a password-protected Word file (or an old .doc renamed .docx); "
                         "save it without a password as .docx")
    check_zip(data, shown)
    import docx  # lxml and python-docx take a while to load: only when a .docx is linted
    from docx.text.paragraph import Paragraph

    text = ExtractedText()
    try:
        document = docx.Document(BytesIO(data))
        paragraphs = tables = 0
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                if item.text.strip():
                    paragraphs += 1
                    text.add(f"paragraph {paragraphs}", item.text)
            else:
                tables += 1
                _add_table(text, item, f"table {tables}")
    except InputError:
        raise
    except Exception as error:  # python-docx lets its ZIP, XML and package layers' errors through
        raise InputError(f"{shown}: not a readable .docx ({reason(error)})") from None
    return text.source(shown, os_path)


def _add_table(text: ExtractedText, table, name: str) -> None:
    seen = set()  # a merged cell is returned once for every grid cell it spans
    for row_number, row in enumerate(table.rows, 1):
        for cell_number, cell in enumerate(row.cells, 1):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            text.add(f"{name}, row {row_number}, cell {cell_number}", cell.text)
