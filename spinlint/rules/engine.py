"""Run compiled rules over a segmented document and produce findings."""

from __future__ import annotations

import copy
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Iterator, Mapping

from ..document import Block, Segments, Span
from ..text.asciiregex import ascii_safe, ascii_twin, twin_function
from . import prefilter
from .features import Features
from .findings import SEVERITY_RANK, Finding
from .kinds import (ClassifierKind, ConditionalKind, Hit, LogicKind, MetricKind, PatternKind,
                    VocabularyOverrides, compile_rule, first_apart)
from .ruleset import Rule, RuleError


class _SafeFormat(dict):
    """``str.format_map`` that leaves unknown placeholders as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# A quoted match longer than this many words reads as its first and last words around an ellipsis: a
# paragraph-scope finding can span a whole paragraph, and the message should still fit on a line.
QUOTED_WORDS = 12


def quoted(match: str) -> str:
    """The match as a message quotes it: on one line, and elided in the middle when it is long."""
    words = str(match).split()
    if len(words) > QUOTED_WORDS:
        words = words[:QUOTED_WORDS - 4] + ["…"] + words[-3:]
    return " ".join(words)


def render(template: str, values: Mapping[str, Any]) -> str:
    if "match" in values:
        # A match that runs over a line break reads as one phrase in a message; the finding's own match
        # field keeps the exact text.
        values = {**values, "match": quoted(values["match"])}
    try:
        return template.format_map(_SafeFormat(values))
    except (ValueError, IndexError, AttributeError):
        return template


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    kind: Any
    options: Mapping[str, Any] = field(default_factory=dict)


class Engine:
    """Holds the selected rules, compiled once, and runs them per document."""

    # After this many documents the engine works out the word heads (spinlint.rules.prefilter) of rules
    # the shipped table does not know: a tenth of a second once, which a one-file run would not repay.
    WARM_UP_DOCUMENTS = 10

    def __init__(self, rules: tuple[Rule, ...] | list[Rule], *,
                 options: Mapping[str, Mapping[str, Any]] | None = None,
                 overrides: VocabularyOverrides | None = None, use_word_heads: bool = True):
        overrides = overrides or VocabularyOverrides()
        options = options or {}
        self.rules = tuple(rules)
        self.compiled = tuple(
            CompiledRule(rule, compile_rule(rule, overrides), {**rule.options, **options.get(rule.code, {})})
            for rule in self.rules
        )
        self._documents = 0
        # One copy of each distinct text the findings of the document being run hold (see ``_finding``).
        self._shared: dict[str, str] = {}
        # Per rule, its requirements (spinlint.rules.prefilter): None means try every unit.
        self._heads: list = [None] * len(self.compiled)
        if use_word_heads:
            self._heads = [prefilter.UNKNOWN if source is None else prefilter.shipped_requirements(source)
                           for source in map(_filtered_source, self.compiled)]
            for index, item in enumerate(self.compiled):
                if isinstance(item.kind, LogicKind) and "heads" in item.options:
                    self._heads[index] = _declared_heads(item)
        self._index_heads()
        # Per rule, the same rule reading the ASCII twins of its regexes (spinlint.text.asciiregex), made the
        # first time an ASCII document needs it after the warm-up.
        self._ascii_rules: dict[int, CompiledRule] = {}

    @property
    def needs_model(self) -> bool:
        return any(isinstance(item.kind, ClassifierKind) for item in self.compiled)

    def _index_heads(self) -> None:
        """One candidate finder for the rules tried sentence by sentence, one for those tried by paragraph."""
        known: dict[bool, dict[int, prefilter.Requirements]] = {True: {}, False: {}}
        for index, requirements in enumerate(self._heads):
            if isinstance(requirements, tuple):
                known[_by_sentence(self.compiled[index])][index] = requirements
        self._finders = {by_sentence: prefilter.CandidateFinder(rules) for by_sentence, rules in known.items()
                         if rules}

    def _learn_heads(self) -> None:
        """Work out the requirements the shipped table did not have (a long run only)."""
        for index, heads in enumerate(self._heads):
            if heads is prefilter.UNKNOWN:
                source = _filtered_source(self.compiled[index])
                self._heads[index] = None if source is None else prefilter.requirements_of(source)
        self._index_heads()

    def _candidate_units(self, segments: Segments) -> list[int | None]:
        """Per rule, a bit per unit (sentence or paragraph) it may match in; None: try every unit."""
        units: list[int | None] = [None] * len(self.compiled)
        for by_sentence, finder in self._finders.items():
            texts = segments.sentences.texts if by_sentence else segments.document.blocks.texts()
            found = finder.units(texts)
            if found is None:
                continue  # a unit whose case folding the filter does not follow: try everything
            for index, bits in found.items():
                units[index] = bits
        return units

    def run(self, segments: Segments, features: Features) -> list[Finding]:
        self._documents += 1
        if self._documents == self.WARM_UP_DOCUMENTS + 1 and prefilter.UNKNOWN in self._heads:
            self._learn_heads()
        findings: list[Finding] = []
        classifiers = []
        # Twins of the regexes find exactly the same on ASCII text, faster; a short run does not build them.
        ascii_text = self._documents > self.WARM_UP_DOCUMENTS and _ascii_document(segments)
        try:
            for index, (item, units) in enumerate(zip(self.compiled, self._candidate_units(segments))):
                if isinstance(item.kind, ClassifierKind):
                    classifiers.append((item, units))
                elif units != 0:
                    if ascii_text:
                        item = self._ascii_rule(index)
                    findings.extend(self._run_rule(item, segments, features, units))
            # The classifier rules run last: the model reads which rule families fired in each sentence.
            features.rule_findings = list(findings)
            for item, units in classifiers:
                if units != 0:
                    findings.extend(self._run_rule(item, segments, features, units))
        finally:
            self._shared = {}
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
        return _one_finding_per_claim(findings)

    def ascii_twins(self) -> None:
        """Make every rule's ASCII twin now (``python -m spinlint.rules.tables`` stores their regexes)."""
        for index in range(len(self.compiled)):
            self._ascii_rule(index)

    def _ascii_rule(self, index: int) -> CompiledRule:
        item = self._ascii_rules.get(index)
        if item is None:
            item = self.compiled[index]
            kind = item.kind
            twin = copy.copy(kind)
            if isinstance(kind, (PatternKind, ConditionalKind)):
                for name in kind.sources:
                    pattern = getattr(kind, name)  # compiled now if it was not yet
                    twin.__dict__[name] = None if pattern is None else ascii_twin(pattern)
            elif isinstance(kind, LogicKind):
                twin.function = twin_function(kind.function, LOGIC_PACKAGE) if kind.function else None
            item = self._ascii_rules[index] = replace(item, kind=twin)
        return item

    # -- one rule ---------------------------------------------------------------------------------

    def _run_rule(self, item: CompiledRule, segments: Segments, features: Features,
                  units: int | None = None) -> Iterator[Finding]:
        """One rule's findings; ``units`` (a bit per sentence or block) limits where patterns are tried."""
        kind = item.kind
        if isinstance(kind, PatternKind):
            if item.rule.kind == "occurrence":
                yield from self._occurrence(item, segments, features, units)
            else:
                yield from self._pattern(item, segments, units)
        elif isinstance(kind, ConditionalKind):
            yield from self._conditional(item, segments, units)
        elif isinstance(kind, MetricKind):
            yield from self._metric(item, segments, features)
        elif isinstance(kind, ClassifierKind):
            yield from self._classifier(item, segments, features)
        elif isinstance(kind, LogicKind):
            yield from self._logic(item, segments, units)

    def _units(self, rule: Rule, segments: Segments, units: int | None = None
               ) -> Iterator[tuple[int, int, str, int]]:
        """(block index, offset of the unit in the block, unit text, sentence index) by scope."""
        if rule.scope == "sentence":
            sentences = segments.sentences
            for index in _sentences(segments, units):
                yield sentences.block_indices[index], sentences.starts[index], sentences.texts[index], index
        else:
            # Paragraph and document scope both read paragraph by paragraph: a
            # pattern never spans two paragraphs, which keeps positions exact.
            paragraphs = segments.paragraphs
            for block_index, text in enumerate(segments.document.blocks.texts()):
                if units is not None and not units >> block_index & 1:
                    continue
                indices = paragraphs.range(block_index)
                yield block_index, 0, text, indices[0] if indices else -1

    def _pattern(self, item: CompiledRule, segments: Segments, units: int | None) -> Iterator[Finding]:
        for block_index, offset, text, sentence_index in self._units(item.rule, segments, units):
            for hit in item.kind.hits(text):
                match = text[hit.start:hit.end]
                values = {"match": match, **hit.extras}
                yield self._finding(item, segments, block_index, offset + hit.start, offset + hit.end,
                                    sentence_index, values)

    def _logic(self, item: CompiledRule, segments: Segments, units: int | None) -> Iterator[Finding]:
        if item.rule.match.get("function") == "disguised_words":
            yield from self._disguised_words(item, segments)
            return
        for block_index, offset, text, sentence_index in self._units(item.rule, segments, units):
            for hit in item.kind.hits(text, item.options):
                values = {"match": text[hit.start:hit.end], **hit.extras}
                yield self._finding(item, segments, block_index, offset + hit.start, offset + hit.end,
                                    sentence_index, values)

    def _disguised_words(self, item: CompiledRule, segments: Segments) -> Iterator[Finding]:
        """Words written with hidden characters or look-alike letters (found by spinlint.text.normalise)."""
        blocks = segments.document.blocks
        for block_index in blocks.disguised_blocks():
            block = blocks[block_index]
            sentences = segments.paragraphs.range(block_index)
            ends = [segments.sentences.ends[index] for index in sentences]
            for start, end in block.disguised:
                at = bisect_right(ends, start)
                index = sentences[at] if at < len(sentences) else -1
                yield self._finding(item, segments, block_index, start, end, index,
                                    {"word": block.text[start:end]})

    def _occurrence(self, item: CompiledRule, segments: Segments, features: Features,
                    units: int | None) -> Iterator[Finding]:
        first: tuple[int, int, int, int, str] | None = None
        count = 0
        sentences = segments.sentences
        for index in _sentences(segments, units):
            text = sentences.texts[index]
            for hit in item.kind.hits(text):
                count += 1
                if first is None:
                    start = sentences.starts[index]
                    first = (sentences.block_indices[index], start + hit.start, start + hit.end, index,
                             text[hit.start:hit.end])
        if first is None:
            return
        words = max(features.readability.words, 1)
        density = 100.0 * count / words
        limit = float(item.options.get("per_100_words", 2.0))
        if count < int(item.options.get("min_count", 3)) or density <= limit:
            return
        block_index, start, end, sentence_index, match = first
        values = {"match": match, "count": count, "density": _number(density), "limit": _number(limit)}
        yield self._finding(item, segments, block_index, start, end, sentence_index, values,
                            score=round(density, 2))

    def _conditional(self, item: CompiledRule, segments: Segments, units: int | None) -> Iterator[Finding]:
        kind: ConditionalKind = item.kind
        blocks = segments.document.blocks
        paragraph_scope = item.rule.scope != "sentence"
        evidence_by_block: dict[int, list[tuple[int, int]]] = {}
        sentences = segments.sentences
        for index in _sentences(segments, units):
            hits = kind.claims(sentences.texts[index])
            if not hits:
                continue
            sentence = sentences[index]
            block = blocks[sentence.block_index]
            # Evidence is searched once per scope unit, not once per claim (claims x paragraph length
            # would make a long paragraph of claims quadratic).
            if paragraph_scope:
                if sentence.block_index not in evidence_by_block:
                    evidence_by_block[sentence.block_index] = kind.evidence_spans(block.text)
                evidence, scope_start = evidence_by_block[sentence.block_index], 0
            else:
                evidence, scope_start = kind.evidence_spans(sentence.text), sentence.start
            for hit in hits:
                claim_start, claim_end = sentence.start + hit.start, sentence.start + hit.end
                claim = Hit(claim_start - scope_start, claim_end - scope_start)
                if first_apart(evidence, claim) is not None or self._has_marker(item, block, sentence):
                    continue
                values = {"match": sentence.text[hit.start:hit.end]}
                yield self._finding(item, segments, sentence.block_index, claim_start, claim_end, index, values)

    def _has_marker(self, item: CompiledRule, block: Block, sentence) -> bool:
        """A link, footnote or citation in the paragraph (or right after the sentence) counts as evidence."""
        kind: ConditionalKind = item.kind
        if not kind.use_markers or not block.markers:
            return False
        if item.rule.scope != "sentence":
            return True
        sentence_span = block.to_source(sentence.start, sentence.end)
        return any(sentence_span.start <= marker.span.start <= sentence_span.end + 3 for marker in block.markers)

    def _metric(self, item: CompiledRule, segments: Segments, features: Features) -> Iterator[Finding]:
        kind: MetricKind = item.kind
        limit = float(item.options.get("max", 0))
        if item.rule.scope == "sentence":
            for index, stats in enumerate(features.sentence_stats):
                value = _sentence_metric(stats, kind.metric)
                if value > limit:
                    sentence = segments.sentences[index]
                    values = {"match": sentence.text, "value": _number(value), "limit": _number(limit)}
                    yield self._finding(item, segments, sentence.block_index, sentence.start, sentence.end,
                                        index, values, score=round(float(value), 2))
            return
        readability = features.readability
        if readability.words < int(item.options.get("min_words", 0)) or not segments.sentences:
            return
        value = float(getattr(readability, kind.metric))
        if value > limit:
            first = segments.sentences[0]
            values = {"match": first.text, "value": _number(value), "limit": _number(limit)}
            yield self._finding(item, segments, first.block_index, first.start, first.end, -1, values,
                                score=round(value, 2))

    def _classifier(self, item: CompiledRule, segments: Segments, features: Features) -> Iterator[Finding]:
        kind: ClassifierKind = item.kind
        probabilities = features.probabilities
        if probabilities is None:
            return
        model = features.model
        threshold = float(item.options.get("threshold", 0.0)) or float(model.thresholds[kind.label])
        # Where a rule of the label's family already flagged the sentence, the classifier's finding would say
        # the same thing less precisely (and the model read that rule's hit): one problem, one finding.
        flagged = None
        if getattr(model, "reads_rule_hits", False):
            from ..model.rule_hits import column_of_label

            flagged = features.rule_hits[:, column_of_label(kind.label)]
        for index, probability in enumerate(probabilities[kind.label]):
            if probability < threshold or (flagged is not None and flagged[index]):
                continue
            sentence = segments.sentences[index]
            from ..model.explain import plain_reasons

            explained = (model.explain(sentence.text, kind.label, k=3) if flagged is None else
                         model.explain(sentence.text, kind.label, k=3, rule_hits=features.rule_hits[index]))
            reasons = plain_reasons(model, sentence.text, explained)
            reason = "why: " + "; ".join(reasons)
            values = {"match": sentence.text, "probability": f"{probability:.2f}"}
            yield self._finding(item, segments, sentence.block_index, sentence.start, sentence.end, index,
                                values, score=round(probability, 4), reason=reason)

    # -- building a finding -----------------------------------------------------------------------

    def _finding(self, item: CompiledRule, segments: Segments, block_index: int, start: int, end: int,
                 sentence_index: int, values: Mapping[str, Any], *, score: float | None = None,
                 reason: str = "", evidence: Span | None = None) -> Finding:
        rule = item.rule
        block = segments.document.blocks[block_index]
        span = block.to_source(start, end)
        source_text = segments.document.source.text
        values = {**values, **{key: value for key, value in item.options.items() if key not in values}}
        # Rendering and slicing make a new string each time, though a rule's texts and a buzzword's match
        # repeat all through a document: one copy of each took dense prose from about 37x to 32x its input.
        share = self._share
        return Finding(
            code=rule.code,
            name=rule.name,
            category=rule.category,
            severity=str(item.options.get("severity", rule.severity)),
            message=share(render(rule.message, values)),
            span=span,
            match=share(source_text[span.start:span.end]),
            suggestion=share(render(rule.suggestion, values)),
            question=share(render(rule.question, values)),
            score=score,
            reason=share(reason),
            evidence=evidence,
            scope=rule.scope,
            sentence_index=sentence_index,
        )

    def _share(self, text: str) -> str:
        return self._shared.setdefault(text, text)


def _one_finding_per_claim(findings: list[Finding]) -> list[Finding]:
    """One evidence finding per claim: "up to 40% faster" is one unsupported figure, not a ceiling and a change.

    Two evidence rules whose spans overlap in one sentence ask the reader for the same support, so only the more
    severe one (then the lower code) is kept. Other families keep every finding: a buzzword inside a blame phrase
    is a second problem, not the same one.
    """
    claims = [f for f in findings if f.category == "evidence" and f.sentence_index >= 0]
    if len(claims) < 2:
        return findings
    dropped: set[int] = set()
    ranked = sorted(claims, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), f.code, f.span.start))
    # kept findings by sentence: only findings of one sentence can overlap, and a document of thousands of
    # claims must not compare each with every other (that was quadratic in one long paragraph)
    kept: dict[int, list[Finding]] = {}
    for finding in ranked:
        same_sentence = kept.setdefault(finding.sentence_index, [])
        if any(other.code != finding.code and finding.span.start < other.span.end
               and other.span.start < finding.span.end for other in same_sentence):
            dropped.add(id(finding))
        else:
            same_sentence.append(finding)
    return [f for f in findings if id(f) not in dropped] if dropped else findings


LOGIC_PACKAGE = __package__ + ".logic"


def _ascii_document(segments: Segments) -> bool:
    """Is every text a rule reads (paragraphs and sentences) one where ASCII twins find what the originals do?"""
    return (all(map(ascii_safe, segments.document.blocks.texts()))
            and all(map(ascii_safe, segments.sentences.texts)))


def _sentences(segments: Segments, units: int | None) -> Iterator[int]:
    """The indices of the sentences whose bit is set in ``units`` (all of them when None)."""
    if units is None:
        yield from range(len(segments.sentences))
        return
    # Only the set bits are visited, lowest first (most rules may match in a few sentences of many).
    units &= (1 << len(segments.sentences)) - 1
    while units:
        lowest = units & -units
        yield lowest.bit_length() - 1
        units ^= lowest


def _by_sentence(item: CompiledRule) -> bool:
    """Is the rule's pattern tried sentence by sentence (else paragraph by paragraph)?"""
    # Conditional claims and occurrences are looked for sentence by sentence in every scope.
    return item.rule.kind in ("occurrence", "conditional") or item.rule.scope == "sentence"


def _filtered_source(item: CompiledRule) -> str | None:
    """The regex source whose word heads decide where a rule is tried, or None (always tried)."""
    kind = item.kind
    if isinstance(kind, PatternKind):
        return kind.sources["pattern"]
    if isinstance(kind, ConditionalKind):
        return kind.sources["claim"]
    return None


def _declared_heads(item: CompiledRule) -> prefilter.Requirements:
    """A logic rule's ``heads`` option as requirements: each unit it reads needs a word beginning with one.

    A logic check is Python, so no head can be worked out from it; its rule file (or a config) may declare
    them, and the check is then never called on a unit without one. Declaring them is a promise about the
    check: ``tests/test_engine_logic_heads.py`` shows how to hold a check to it.
    """
    heads = item.options["heads"]
    if isinstance(heads, str) or not all(isinstance(head, str) for head in heads):
        raise RuleError(f"{item.rule.code}: option heads must be a list of words")
    wanted = frozenset(head.lower()[:prefilter.HEAD_CHARS] for head in heads)
    short = sorted(head for head in wanted if len(head) < prefilter.MIN_HEAD_CHARS or not head.isalnum())
    if not wanted or short:
        raise RuleError(f"{item.rule.code}: option heads needs words of {prefilter.MIN_HEAD_CHARS} or more "
                        f"letters or digits (not {', '.join(map(repr, short)) or 'an empty list'})")
    return ((wanted,),)


def prefilter_sources(engine: Engine) -> list[str]:
    return [source for source in map(_filtered_source, engine.compiled) if source is not None]


def _sentence_metric(stats, metric: str) -> float:
    if metric == "syllables_per_word":
        return stats.syllables / stats.words if stats.words else 0.0
    return float(getattr(stats, metric))
