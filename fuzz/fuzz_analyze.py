"""Coverage-guided fuzzing of ``spinlint.analyze`` with atheris (not run in CI; see docs/security.md).

    pip install atheris
    python fuzz/fuzz_analyze.py -max_len=4096 -runs=200000 [corpus_dir]

Each input's first byte picks the format (text, Markdown, HTML); the rest is
decoded as UTF-8 with replacement.  Any exception, a finding whose ``match``
is not the exact source slice, or a score outside [0, 100] is a crash that
atheris reports with the input that caused it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import spinlint
    from spinlint.formats import FORMATS, renderer

FILENAMES = ("fuzz.txt", "fuzz.md", "fuzz.html")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    filename = FILENAMES[data[0] % len(FILENAMES)]
    text = data[1:].decode("utf-8", "replace")
    report = spinlint.analyze(text, filename=filename)
    file_report = report.files[0]
    for finding in file_report.findings:
        if text[finding.span.start:finding.span.end] != finding.match:
            raise AssertionError(f"inexact span {finding.span} for {finding.code}")
    for name, value in file_report.scores.items():
        if not 0 <= value <= 100:
            raise AssertionError(f"score {name} = {value}")
    for output_format in FORMATS:
        renderer(output_format)(report, colour=False, show_questions=True).encode("utf-8")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
