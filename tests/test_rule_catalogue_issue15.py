"""Issue 14's seed sentence and issue 15's catalogue items: the severity scale, message templates that read right,
and one evidence finding per claim."""

from __future__ import annotations

import spinlint
from spinlint.config import Settings
from spinlint.rules.findings import SEVERITY_RANK
from spinlint.rules.ruleset import rules_by_code

MISSION = ("By introducing new technology into outdated models and systems, organizations are failing to unlock the "
           "full productivity value of generative AI across their workforce.")


def findings(text: str, select: tuple[str, ...] = ("V", "B", "E")):
    return spinlint.analyze(text, filename="memo.txt", config=Settings(select=select)).files[0].findings


def test_the_mission_sentence_is_a_blame_finding_with_a_workers_question():
    blame = [f for f in findings(MISSION) if f.category == "blame"]
    assert blame, "the project's own example sentence gets no blame finding"
    finding = blame[0]
    assert SEVERITY_RANK[finding.severity] >= SEVERITY_RANK["warning"]
    # the question a worker asks: who decided, and who changes what, not staff
    assert "who decided" in finding.question.lower()
    assert "staff" in finding.question.lower()


def test_some_rules_are_errors_and_every_level_is_used():
    severities = {rule.severity for rule in rules_by_code().values()}
    assert {"info", "warning", "error"} <= severities
    errors = [code for code, rule in rules_by_code().items() if rule.severity == "error"]
    assert all(code[0] in "BEV" for code in errors)


def test_fail_on_error_fails_on_an_error_rule_and_not_on_a_warning(tmp_path):
    from click.testing import CliRunner

    from spinlint.cli import main

    rules = rules_by_code()
    error_rule = next(rule for rule in rules.values() if rule.severity == "error")
    error_file = tmp_path / "error.txt"
    error_file.write_text(error_rule.bad_examples[0] + "\n", encoding="utf-8")
    warning_file = tmp_path / "warning.txt"
    warning_file.write_text(rules["B003"].bad_examples[0] + "\n", encoding="utf-8")
    assert rules["B003"].severity == "warning"

    def run(path):
        return CliRunner().invoke(main, ["check", "--select", "V,B,E", "--fail-on", "error", str(path)],
                                  catch_exceptions=False).exit_code

    assert run(error_file) == 1
    assert run(warning_file) == 0


def test_the_crowd_rule_does_not_put_the_verb_into_the_crowd():
    found = [f for f in findings("Industry leaders agree that agents will replace dashboards.", ("V004",))]
    assert found
    assert "Who exactly are" not in found[0].question
    assert "'Industry leaders agree'" in found[0].question


def test_the_user_burden_message_does_not_assume_a_product():
    found = findings("Employees must adapt to an AI-first workplace.", ("B003",))
    assert found
    assert "product" not in found[0].message


def test_one_evidence_finding_per_claim():
    text = "Our new engine makes queries up to 40% faster."
    codes = [f.code for f in findings(text, ("E",))]
    assert codes.count("E004") == 1 and "E006" not in codes
    # each rule alone still reports its own reading
    assert [f.code for f in findings(text, ("E006",))] == ["E006"]


def test_separate_claims_in_one_sentence_keep_their_findings():
    text = "Cut costs by up to 70% and get 3x ROI."
    codes = {f.code for f in findings(text, ("E",))}
    assert "E004" in codes and len([f for f in findings(text, ("E",))]) >= 2
