"""One fingerprint per finding, shared by SARIF ``partialFingerprints``, baselines and ``spinlint diff``.

A fingerprint must survive edits elsewhere in the file, so it never uses line
numbers or offsets. It keys on the rule code, the matched text normalised
(case and whitespace do not count), and which occurrence of that pair this is
in the file (the second "leverage synergies" stays the second when a paragraph
is added above it). Document-level findings describe the whole document, not
the text they point at, so they key on the code alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import Sequence

from ..rules.findings import Finding

# Bump when the recipe changes: old baselines then simply stop matching.
FINGERPRINT_VERSION = "1"
_WHITESPACE = re.compile(r"\s+")


def normalise_match(text: str) -> str:
    """The matched text as compared: NFKC, case-folded, runs of whitespace as one space."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _key(finding: Finding) -> tuple[str, str]:
    if finding.scope == "document":
        return finding.code, ""
    return finding.code, normalise_match(finding.match)


def fingerprints(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Fingerprints for one file's findings, aligned with ``findings``.

    Occurrences are counted in source order, whatever order ``findings`` is in.
    """
    order = sorted(range(len(findings)), key=lambda i: (findings[i].span.start, findings[i].span.end,
                                                        findings[i].code))
    seen: Counter[tuple[str, str]] = Counter()
    result = [""] * len(findings)
    for index in order:
        key = _key(findings[index])
        occurrence = seen[key]
        seen[key] += 1
        payload = "\0".join((FINGERPRINT_VERSION, *key, str(occurrence)))
        result[index] = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
    return tuple(result)
