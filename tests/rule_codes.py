"""The codes one family's rules find in a text linted alone: what the per-family rule tests compare."""

from __future__ import annotations

import spinlint


def family_codes(text: str, family: str) -> set[str]:
    report = spinlint.analyze(text, filename="note.txt", config={"select": [family]})
    return {finding.code for finding in report.files[0].findings}


def blame_codes(text: str) -> set[str]:
    return family_codes(text, "B")


def vague_codes(text: str) -> set[str]:
    return family_codes(text, "V")
