"""Document scores: bounded, length-normalised, monotone in the evidence."""

from __future__ import annotations

from spinlint.document import Span
from spinlint.rules.findings import Finding
from spinlint.report.scoring import document_scores


def finding(category: str, sentence: int, severity: str = "warning", scope: str = "sentence") -> Finding:
    return Finding(code="V001", name="x", category=category, severity=severity, message="", span=Span(0, 1),
                   match="x", scope=scope, sentence_index=sentence)


def test_empty_document_scores_zero():
    assert document_scores(0, [], None) == {"spin": 0.0, "vague": 0.0, "blame": 0.0, "evidence_gap": 0.0}


def test_one_buzzword_in_long_concrete_document_is_low_and_all_slogans_is_high():
    long_doc = document_scores(40, [finding("vague", 3)], None)
    short_doc = document_scores(6, [finding("vague", i, "error") for i in range(6)], None)
    assert long_doc["vague"] < 5 and long_doc["spin"] < 5
    assert short_doc["vague"] > 85 and short_doc["spin"] > 85


def test_scores_rise_with_more_findings_and_stay_bounded():
    previous = -1.0
    for count in range(0, 12):
        findings = [finding("blame", i % 4, "error") for i in range(count)]
        score = document_scores(4, findings, None)["blame"]
        assert 0.0 <= score <= 100.0 and score >= previous
        previous = score


def test_model_probabilities_below_half_add_nothing_and_confident_ones_count():
    quiet = document_scores(2, [], {"vague": [0.3, 0.49], "blame": [0.1, 0.1], "evidence_gap": [0.2, 0.2]})
    loud = document_scores(2, [], {"vague": [0.95, 0.9], "blame": [0.1, 0.1], "evidence_gap": [0.2, 0.2]})
    assert quiet["vague"] == 0.0 and quiet["spin"] == 0.0
    assert loud["vague"] > 75 and loud["spin"] == loud["vague"]


def test_readability_findings_do_not_count_as_spin():
    scores = document_scores(3, [finding("readability", 0, "error"), finding("readability", -1, scope="document")], None)
    assert scores["spin"] == 0.0


def test_document_level_finding_raises_the_score():
    base = document_scores(10, [finding("vague", 1)], None)["vague"]
    dense = document_scores(10, [finding("vague", 1), finding("vague", -1, scope="document")], None)["vague"]
    assert dense > base


def test_headings_do_not_dilute_the_mean():
    findings = [finding("vague", 1, "error"), finding("vague", 3, "error")]
    statements = [False, True, False, True]  # two headings, two slogans
    assert document_scores(4, findings, None, statements)["vague"] == 90.0
    assert document_scores(4, findings, None)["vague"] == 45.0


def test_end_to_end_heading_is_not_judged_by_the_model():
    import spinlint

    report = spinlint.analyze("# Summary\n\nThe checkout service failed for 47 minutes on 14 March.\n",
                              filename="post.md")
    assert all(f.line != 1 for f in report.files[0].findings if f.code.startswith("M"))


def test_model_probability_counts_only_above_its_threshold():
    probabilities = {"vague": [0.6], "blame": [0.0], "evidence_gap": [0.0]}
    assert document_scores(1, [], probabilities)["vague"] == 20.0  # floor 0.5
    assert document_scores(1, [], probabilities, floors={"vague": 0.6})["vague"] == 0.0
    assert document_scores(1, [], probabilities, floors={"vague": 0.4})["vague"] > 20.0
