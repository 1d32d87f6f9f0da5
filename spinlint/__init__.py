"""spinlint: a linter for corporate communication.

Python API (documented in docs/api.md)::

    report = spinlint.analyze(text, filename="memo.md")
    report.files[0].scores["spin"]
    spinlint.classify_sentences(["We will unlock value at scale."])

Heavy modules load inside the functions, so ``import spinlint`` stays cheap.
"""

from __future__ import annotations

from typing import Any, Mapping

from .warmstart import seed_re_cache

seed_re_cache()  # before any of spinlint's modules compiles its patterns

__version__ = "0.2.0"
__all__ = ["analyze", "classify_sentences", "__version__"]


def _format_for(filename: str) -> str:
    lower = filename.lower()
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".html", ".htm")):
        return "html"
    return "text"


def analyze(text: str, filename: str = "<text>", config: Any = None):
    """Lint ``text`` as if it were the file ``filename`` and return a ``Report``.

    ``config`` is a ``spinlint.config.Settings``, a mapping shaped like the
    ``[tool.spinlint]`` table, or None for the defaults.  The format (plain
    text, Markdown, HTML) follows the file name's extension.
    """
    from pathlib import Path

    from .config import Settings, parse_settings
    from .document import Source
    from .lint import Linter
    from .report import Report

    if config is None:
        settings = Settings()
    elif isinstance(config, Settings):
        settings = config
    elif isinstance(config, Mapping):
        settings = parse_settings(config, Path("<config>"))
    else:
        raise TypeError("config must be a Settings, a mapping or None")
    global _linter
    if _linter is None:
        _linter = Linter(keep_text=True)
    source = Source(path=filename, text=text, format=_format_for(filename))
    file_report = _linter.lint(source, settings)
    return Report(files=(file_report,))


# One Linter for every call: it compiles each distinct rule selection once (about 15 ms of regex building
# per call otherwise, more than linting a short passage). Its cache is keyed by what an engine is built from,
# so a call with other settings gets its own engine, never a stale one.
_linter = None


def classify_sentences(sentences: list[str]) -> list[dict[str, float]]:
    """Calibrated probabilities from the shipped model, one dict per sentence.

    Keys: ``vague``, ``blame``, ``evidence_gap``. Each sentence is read on its own, as a one-sentence
    document: the rule findings the model reads beside its words are those the sentence gets alone.
    """
    from .model.loading import load_model

    model = load_model(None)
    if not sentences:
        return []
    if model.reads_rule_hits:
        from .lint import rule_hits_alone

        matrix = model.predict_proba(list(sentences), rule_hits=rule_hits_alone(list(sentences)))
    else:
        matrix = model.predict_proba(list(sentences))
    return [{label: float(row[column]) for column, label in enumerate(model.labels)} for row in matrix]
