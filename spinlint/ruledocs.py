"""Rule documentation rendered from the rule files: `spinlint explain`, docs/rules/, SARIF help."""

from __future__ import annotations

from .ruleset import Rule

_KIND_TEXT = {
    "existence": "Flags each occurrence of the phrases it lists",
    "substitution": "Flags each phrase that has a plainer replacement and proposes it",
    "occurrence": "Counts the phrases it lists across the document and flags the document when they are too dense",
    "conditional": "Flags a claim when no evidence (a number with a base, a named source, a citation or link, "
                   "a date and method) sits in the same {scope}",
    "metric": "Compares a readability measure with a limit",
    "classifier": "Flags sentences the trained classifier scores above its threshold",
    "logic": "Applies a check written in code (spinlint.logic)",
}


def what_it_does(rule: Rule) -> str:
    summary = _KIND_TEXT[rule.kind].format(scope=rule.scope)
    return f"{summary} ({rule.kind} rule, {rule.scope} scope). Message: {_plain(rule.message)}"


def _plain(template: str) -> str:
    return template.replace("{match}", "…").replace("{replacement}", "…")


def _options(rule: Rule) -> list[str]:
    return [f"{name} = {value!r}" for name, value in rule.options.items()]


def render_rule_text(rule: Rule) -> str:
    lines = [f"{rule.code} {rule.name} ({rule.category}, {rule.severity})", ""]
    lines += ["What it does", f"  {what_it_does(rule)}", ""]
    lines += ["Why it matters"] + [f"  {line}" if line else "" for line in rule.rationale.splitlines()]
    lines += [f"  Source: {rule.source}", ""]
    if rule.bad_examples:
        lines += ["Example"] + [f"  {example}" for example in rule.bad_examples] + [""]
    if rule.good_examples:
        lines += ["Instead, write"] + [f"  {example}" for example in rule.good_examples] + [""]
    lines += ["Question to ask", f"  {rule.question}"]
    if rule.suggestion:
        lines += ["", "Suggestion", f"  {rule.suggestion}"]
    if rule.options:
        lines += ["", f"Options ([tool.spinlint.rules.{rule.code}])"] + [f"  {option}" for option in _options(rule)]
    return "\n".join(lines)


def render_rule_markdown(rule: Rule, heading_level: int = 1) -> str:
    hashes = "#" * heading_level
    sub = "#" * (heading_level + 1)
    parts = [f"{hashes} {rule.code} {rule.name}", "",
             f"Category: `{rule.category}` · default severity: `{rule.severity}` · kind: `{rule.kind}` · "
             f"scope: `{rule.scope}` · status: `{rule.status}`", "",
             f"{sub} What it does", "", what_it_does(rule), "",
             f"{sub} Why it matters", "", rule.rationale, "", f"Source: {rule.source}", ""]
    if rule.bad_examples:
        parts += [f"{sub} Example", ""] + [f"> {example}" for example in rule.bad_examples] + [""]
    if rule.good_examples:
        parts += [f"{sub} Instead, write", ""] + [f"> {example}" for example in rule.good_examples] + [""]
    parts += [f"{sub} Question to ask", "", rule.question, ""]
    if rule.suggestion:
        parts += [f"{sub} Suggestion", "", rule.suggestion, ""]
    if rule.options:
        parts += [f"{sub} Options", "", "```toml", f"[tool.spinlint.rules.{rule.code}]"] + _options(rule) + ["```", ""]
    return "\n".join(parts)
