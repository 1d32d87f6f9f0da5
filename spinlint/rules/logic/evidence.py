"""Logic checks for claims without evidence: a paragraph that stacks benefit claims and measures none of them."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from ...text.casefold import any_case, lowered
from .common import Offsets

# The goods a benefit claim promises: abstract outcomes a reader cannot see without a measurement.
_OUTCOME = (r"(?:performance|productivity|efficienc(?:y|ies)|quality|(?:user\s+|customer\s+)?experiences?|outcomes|"
            r"services?|reliability|security|scalability|accuracy|agility|collaboration|engagement|satisfaction|"
            r"decision-making|delivery|operations|workflows?|processes|care|results|relevance|usability|resilience|"
            r"stability|visibility|transparency|innovation|growth|value|communication)")
_COMPARATIVE = (r"(?:faster|better|easier|simpler|smarter|cheaper|safer|smoother|quicker|stronger|"
                r"more\s+(?:efficient|reliable|productive|effective|secure|scalable|accessible|responsive|intuitive|"
                r"powerful|flexible|affordable|seamless))")

# One alternation, so that the matches a paragraph yields never overlap: "makes search faster" is one claim, not two.
_BENEFIT_SOURCE = "|".join((
    # an improvement verb on an abstract good: "improves the customer experience", "streamlining operations"
    r"\b(?:improv|enhanc|boost|strengthen|bolster|elevat|accelerat|streamlin|optimi[sz]|transform|moderni[sz]|"
    r"revitali[sz]|maximi[sz]|amplif)(?:e|es|ed|ing|y|ies|ied|ying)?\s+(?:[\w-]+\s+){0,3}?" + _OUTCOME + r"\b",
    # a better good handed over: "provides better security", "delivers a better experience"
    r"\b(?:provid|offer|deliver|bring|brought|enabl|ensur|giv|gave|creat|produc|yield)\w*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:better|improved|increased|enhanced|greater|higher|superior|stronger|faster|smoother)\s+(?:[\w-]+\s+){0,2}?"
    + _OUTCOME + r"\b",
    # work made easier or faster: "makes the processing of forms faster", "helps clients find a home faster"
    r"\b(?:makes?|making|made|helps?|helping|helped|allows?|allowing|enables?|enabling|lets?|letting)\s+"
    r"(?:[\w-]+\s+){1,5}?" + _COMPARATIVE + r"\b",
    # a cost or burden taken away: "cuts down on start-up costs", "eliminates operational overhead"
    r"\b(?:reduc|lower|cut|minimi[sz]|eliminat|slash|remov)(?:e|es|ed|ing|s|ting)?\s+(?:down\s+on\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:costs|overhead|effort|friction|complexity|toil|burden|bottlenecks|barriers|waste|paperwork|busywork)\b",
    # an unanchored comparative or a promise word
    _COMPARATIVE + r"\b",
    r"\b(?:seamless(?:ly)?|effortless(?:ly)?|powerful|cutting[- ]edge|state[- ]of[- ]the[- ]art|world[- ]class|"
    r"best[- ]in[- ]class|transformative|revolutionary|game[- ]chang\w+|unmatched|unparall?eled|unlock\w*|"
    r"empower\w*|supercharg\w*)\b",
))

# A benefit named as a purpose, a plan, a possibility, a topic or a denial is not asserted as achieved; nor is a
# comparative after "the" ("the better you plan, the easier it is") or "for" ("for better decisions").
_NOT_ASSERTED_SOURCE = (
    r"\b(?:to|could|might|may|would|should|if|whether|unless|not|never|no\s+longer|without|aims?|seeks?|seeking|"
    r"hope[sd]?|hoping|ways?\s+to|how\s+(?:can|to|do)|order\s+to|so\s+as\s+to|experimenting\s+with|exploring|"
    r"working\s+on|the\s+work\s+of|\w+n['’]t)\s+(?:[\w-]+\s+){0,2}?$|\b(?:the|for)\s+$")

# Anything a reader could check: a number, a source, a method, a comparison, or the price of the benefit.
_MEASURED_SOURCE = (
    r"\d|\baccording\s+to\b|\bthan\b|\bcompared\b|\bversus\b|\bvs\.|\brelative\s+to\b|\bsurvey\w*|\bstud(?:y|ies)\b|"
    r"\bbenchmark\w*|\bmeasur\w+|\btested\b|\btrials?\b|\bpilot\w*|\bet\s+al\b|\bin\s+exchange\s+for\b|"
    r"\btrade[- ]?offs?\b|\bat\s+the\s+(?:cost|expense)\s+of\b")

# Each runs case-sensitively on the paragraph lower-cased (several times faster than IGNORECASE, and the same
# wherever spinlint.text.casefold says so); the rare paragraph it refuses gets the IGNORECASE pattern.
_BENEFIT, _NOT_ASSERTED, _MEASURED = (re.compile(source) for source in
                                      (_BENEFIT_SOURCE, _NOT_ASSERTED_SOURCE, _MEASURED_SOURCE))

_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")


def _questions(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that end in a question mark: a question asserts no benefit."""
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if "?" in end.group(0):
            spans.append((start, end.end()))
        start = end.end()
    return spans


def stacked_unmeasured_benefits(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """A paragraph that asserts several benefits and measures none of them.

    One benefit claim without a figure is common and often harmless; a
    paragraph that stacks them ("improves the experience, makes filing
    faster, cuts down on costs") with no number, source, method or
    comparison anywhere sells a result it never shows.  Claims are counted
    once each; a hedged, planned or denied benefit does not count.
    """
    minimum = int(options.get("min_claims", 3))
    folded = lowered(text)
    if folded is None:
        folded = text
        benefit, not_asserted, measured = (any_case(source) for source in
                                           (_BENEFIT_SOURCE, _NOT_ASSERTED_SOURCE, _MEASURED_SOURCE))
    else:
        benefit, not_asserted, measured = _BENEFIT, _NOT_ASSERTED, _MEASURED
    if measured.search(folded):
        return
    questions = _questions(text)
    claims = [found.span() for found in benefit.finditer(folded)
              if not not_asserted.search(folded, max(0, found.start() - 40), found.start())
              and not any(start <= found.start() < end for start, end in questions)]
    if len(claims) >= minimum:
        start, end = claims[0]
        yield start, end, {"count": len(claims)}


EVIDENCE_CHECKS = {
    "stacked_unmeasured_benefits": stacked_unmeasured_benefits,
}
