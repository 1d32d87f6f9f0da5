"""The pipeline for one document: source → markup → segments → features → findings → file report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Mapping

from . import markup
from .config import Settings
from .document import Directive, Source
from .model.loading import load_model
from .report import scoring, suppress
from .report import FileReport
from .rules.engine import Engine
from .rules.features import Features
from .rules.findings import Finding, LineIndex


# Distinct rule selections one Linter keeps compiled; a scan has one or a few, the API may see more.
_MAX_ENGINES = 16


class Linter:
    """Lints sources; compiles each distinct rule selection once and reuses it."""

    def __init__(self, *, model_path: Path | None = None, keep_text: bool = False, inline_suppressions: bool = True):
        """``inline_suppressions=False`` ignores every directive in the documents (``scan
        --no-inline-suppressions``): whoever runs the linter, not the author, decides what is silenced."""
        self._engines: dict[tuple, Engine] = {}
        self._model_path = model_path
        self._keep_text = keep_text
        self._inline_suppressions = inline_suppressions
        if model_path is not None:
            # A model the user names is checked against its card now, even if no selected rule needs it,
            # so a swapped or card-less file is an error rather than silently ignored.
            load_model(model_path)

    def _engine(self, settings: Settings, filename: str) -> Engine:
        rules = settings.rules_for(filename)
        # Keyed by what the engine is built from, not by the Settings object: command-line
        # overrides make a new (equal) Settings per file, and an id can be reused once freed.
        key = (tuple(rule.code for rule in rules), _frozen(settings.rule_options),
               _frozen(settings.vocabulary.add), _frozen(settings.vocabulary.remove))
        if key not in self._engines:
            if len(self._engines) >= _MAX_ENGINES:  # a long-lived API process trying many configs
                self._engines.pop(next(iter(self._engines)))
            self._engines[key] = Engine(rules, options=settings.rule_options, overrides=settings.vocabulary)
        return self._engines[key]

    def _model_loader(self) -> Callable:
        return lambda: load_model(self._model_path)

    def lint(self, source: Source, settings: Settings) -> FileReport:
        engine = self._engine(settings, source.path)
        document = markup.parse(source)
        from .text.segment import segment

        segments = segment(document)
        features = Features(segments, model_loader=self._model_loader() if engine.needs_model else None)
        findings = engine.run(segments, features)
        # What the report needs from the blocks and sentences, taken now so that they (a few hundred bytes
        # for each short line of the document) are freed before the findings are located and scored.
        sentence_count = len(segments.sentences)
        readability = features.readability.to_dict() if sentence_count else {}
        probabilities, statements = features.probabilities, features.statements
        model = features.model if probabilities is not None else None
        written_directives = document.directives
        del document, segments, features
        lines = LineIndex(source.text)
        directives = written_directives if self._inline_suppressions else ()
        found = len(findings)
        findings, unused = suppress.apply(findings, directives, source.text, lines)
        suppressed = found - len(findings)
        unused_rule = next((rule for rule in engine.rules if rule.code == "X001"), None)
        if unused_rule is not None:
            findings.extend(_unused_suppression(unused_rule, source, directive) for directive in unused)
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
        # Replaced one at a time, so the unlocated copy of each finding is freed as its located one is
        # made: building a second sequence held both copies of every finding at once.
        for index, finding in enumerate(findings):
            findings[index] = _locate(finding, lines, source)
        located = tuple(findings)
        floors = model.thresholds if model is not None else None
        document_model = model.document_model if model is not None else None
        scores = scoring.document_scores(sentence_count, located, probabilities, statements, floors, document_model)
        return FileReport(
            path=source.path,
            findings=located,
            scores=scores,
            readability=readability,
            sentences=sentence_count,
            text=source.text if self._keep_text else None,
            fail_on=settings.fail_on,
            max_spin=settings.max_spin,
            os_path=source.os_path,
            directives=len(written_directives),
            suppressed=suppressed,
        )


_RULES_ONLY: tuple[Linter, Settings] | None = None


def rule_hits_alone(texts):
    """Per text, linted as a plain-text document of its own with every default rule except the classifier
    rules: a 0/1 per rule family (spinlint/model/rule_hits.py), the hits a sentence that came alone gets."""
    global _RULES_ONLY
    from .config import parse_settings
    from .model.rule_hits import FAMILIES, hits_by_span

    import numpy as np

    if _RULES_ONLY is None:
        _RULES_ONLY = (Linter(), parse_settings({"ignore": ["M"]}, Path("<rule hits>")))
    linter, settings = _RULES_ONLY
    hits = np.zeros((len(texts), len(FAMILIES)))
    for row, text in enumerate(texts):
        findings = linter.lint(Source(path="sentence.txt", text=text, format="text"), settings).findings
        hits[row] = hits_by_span(findings, [(0, len(text))])[0]
    return hits


def _frozen(value: Any) -> Any:
    """A hashable, order-independent stand-in for nested mappings and lists from config."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(_frozen(item) for item in value))
    return value


def _locate(finding: Finding, lines: LineIndex, source: Source) -> Finding:
    position = lines.position(finding.span)
    return replace(finding, line=position.line, column=position.column,
                   end_line=position.end_line, end_column=position.end_column,
                   location=source.location(finding.span.start))


def _unused_suppression(rule, source: Source, directive: Directive) -> Finding:
    span = directive.span
    written = source.text[span.start:span.end]
    message = suppress.unknown_directive_message(written) if directive.action == "unknown" else rule.message
    return Finding(code=rule.code, name=rule.name, category=rule.category, severity=rule.severity,
                   message=message, span=span, match=written,
                   suggestion=rule.suggestion, question=rule.question, scope="document")

