"""``.eml`` and ``.mbox`` through the standard library's ``email``: each message's subject and body.

The plain-text part is read when there is one, else the HTML part, which the HTML markup reads (so the
source becomes HTML). What the writer quotes is not theirs: ``>`` lines with the "On … wrote:" line
before them, an Outlook reply header ("From: … / Sent: …") or "Original Message" line and all below it,
and a signature after "-- " are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from html import escape

from ..document import Source
from .errors import InputError
from .extracted import ExtractedText, reason

HEADERS = ("from", "to", "subject", "date", "message-id", "content-type", "mime-version")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
ATTRIBUTION = re.compile(r"On\b.{4,300}\bwrote:", re.S)
ORIGINAL_MESSAGE = re.compile(r"-{2,}\s*Original Message\s*-{2,}", re.I)
OUTLOOK_HEADER = (re.compile(r"From:\s.+"), re.compile(r"(?:Sent|Date):\s.+"))
RULE_LINE = re.compile(r"_{10,}")
MBOX_SEPARATOR = re.compile(rb"^From [^\r\n]*\r?\n", re.M)
MBOX_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.M)


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    html: bool  # the body is the message's HTML part


def read_eml(data: bytes, shown: str, os_path: str | None) -> Source:
    return _source([_message(data, shown)], shown, os_path, numbered=False)


def read_mbox(data: bytes, shown: str, os_path: str | None) -> Source:
    if not data.startswith(b"From "):
        raise InputError(f"{shown}: not an mbox file (it does not start with a 'From ' line)")
    chunks = MBOX_SEPARATOR.split(data)[1:]
    messages = [_message(MBOX_ESCAPED_FROM.sub(rb"\1", chunk), f"{shown}, message {number}")
                for number, chunk in enumerate(chunks, 1)]
    return _source(messages, shown, os_path, numbered=True)


def _message(data: bytes, shown: str) -> Message:
    try:
        message = message_from_bytes(data, policy=policy.default)
        if not any(name in message for name in HEADERS):
            raise InputError(f"{shown}: not an email message (no mail headers)")
        subject = str(message.get("subject", "") or "")
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            raise InputError(f"{shown}: no plain-text or HTML body (attachments are not read)")
        body = part.get_content()
    except InputError:
        raise
    except Exception as error:  # broken MIME structure, an unknown charset
        raise InputError(f"{shown}: not a readable email message ({reason(error)})") from None
    html = part.get_content_subtype() == "html"
    return Message(subject=subject, body=body if html else without_quotes(body), html=html)


def without_quotes(body: str) -> str:
    """A plain-text body without what it quotes from earlier messages, or its signature."""
    kept: list[str] = []
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if (line == "-- " or ORIGINAL_MESSAGE.fullmatch(stripped)
                or (OUTLOOK_HEADER[0].fullmatch(stripped) and OUTLOOK_HEADER[1].fullmatch(following))):
            break
        if stripped.startswith(">"):
            _drop_attribution(kept)
            continue
        kept.append(line)
    while kept and (not kept[-1].strip() or RULE_LINE.fullmatch(kept[-1].strip())):
        kept.pop()
    return "\n".join(kept)


def _drop_attribution(kept: list[str]) -> None:
    """Remove the "On <date>, <name> wrote:" line (often wrapped onto two) that introduces a quote."""
    while kept and not kept[-1].strip():
        kept.pop()
    for count in (1, 2):
        if len(kept) >= count and ATTRIBUTION.fullmatch(" ".join(line.strip() for line in kept[-count:])):
            del kept[-count:]
            return


def _source(messages: list[Message], shown: str, os_path: str | None, *, numbered: bool) -> Source:
    html = any(message.html for message in messages)
    text = ExtractedText()
    for number, message in enumerate(messages, 1):
        where = f"message {number}, " if numbered else ""
        text.add(f"{where}subject", f"<h1>{escape(message.subject)}</h1>" if html else message.subject)
        if message.html:
            text.add(f"{where}body", message.body)
            continue
        paragraphs = [paragraph for paragraph in PARAGRAPH_BREAK.split(message.body) if paragraph.strip()]
        for paragraph_number, paragraph in enumerate(paragraphs, 1):
            text.add(f"{where}paragraph {paragraph_number}",
                     f"<p>{escape(paragraph, quote=False)}</p>" if html else paragraph)
    return text.source(shown, os_path, format="html" if html else "text")
