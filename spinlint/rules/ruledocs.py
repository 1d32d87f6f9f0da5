"""Rule documentation rendered from the rule files: `spinlint explain`, docs/rules/, SARIF help."""

from __future__ import annotations

import re
from typing import Mapping

from .ruleset import Rule

_KIND_TEXT = {
    "existence": "Flags each occurrence of the phrases it lists",
    "substitution": "Flags each phrase that has a plainer replacement and proposes it",
    "occurrence": "Counts the phrases it lists across the document and flags the document when they are too dense",
    "conditional": "Flags a claim when no evidence (a number with a base, a named source, a citation or link, "
                   "a date and method) sits in the same {scope}",
    "metric": "Compares a readability measure with a limit",
    "classifier": "Flags sentences the trained classifier scores above its threshold",
    "logic": "Applies a check written in code (spinlint.rules.logic)",
}


def what_it_does(rule: Rule) -> str:
    summary = _KIND_TEXT[rule.kind].format(scope=rule.scope)
    return (f"{summary} ({rule.kind} rule, {rule.scope} scope).{_evidence_sets(rule)}{_veto_sets(rule)} "
            f"Message: {_plain(rule.message)}")


def _shared_sets(rule: Rule, key: str, opening: str, file_name: str, closing: str) -> str:
    """The shared pattern sets a rule names under ``key`` (rules/catalogue/<file_name>), as a sentence."""
    names = rule.match.get(key, ())
    if not names:
        return ""
    return (f" {opening} " + ", ".join(f"`{name}`" for name in names)
            + f" (spinlint/rules/catalogue/{file_name}){closing}")


def _evidence_sets(rule: Rule) -> str:
    return _shared_sets(rule, "evidence_sets", "Evidence it accepts: the shared sets", "evidence-sets.toml",
                        ", then any patterns of its own.")


def _veto_sets(rule: Rule) -> str:
    return _shared_sets(rule, "unless_sets", "Silenced by the shared accounts", "veto-sets.toml",
                        " and any patterns of its own.")


_PLACEHOLDER = re.compile(r"\{(?:match|replacement|count|density|value|limit|probability)\}")


def _plain(template: str) -> str:
    """A message template without its placeholders, for docs that describe every finding at once."""
    return _PLACEHOLDER.sub("…", template)


def _options(rule: Rule, in_force: Mapping[str, str] | None = None) -> list[str]:
    """``name = default``, or, given what is in force where the command runs, ``name = value  # why``."""
    if in_force:
        return [f"{name} = {in_force.get(name, repr(value))}" for name, value in rule.options.items()]
    return [f"{name} = {value!r}" for name, value in rule.options.items()]


# What a rule that skips quotations leaves out, and why (the kinds decide it: spinlint.rules.kinds).
SKIPPED_QUOTES = ("Quotations are checked like the author's own words: a company quoting its own people is the "
                  "company speaking. Skipped: a quotation the same sentence attributes to someone criticising or "
                  "reporting it ('..., critics said', 'what the company calls \"rightsizing\"'), and capitalised "
                  "product names mid-sentence.")


def skips_quotes(rule: Rule) -> bool:
    if rule.kind in ("existence", "substitution", "occurrence"):
        return rule.match.get("skip_quoted", True)
    return rule.kind == "conditional" and rule.match.get("skip_quoted", False)


def _subtype(rule: Rule) -> str:
    return f"`{rule.subtype}` (corpora/guideline.md, taxonomy)" if rule.subtype else ""


def render_rule_text(rule: Rule, in_force: Mapping[str, str] | None = None) -> str:
    """``spinlint explain``; ``in_force`` gives option values as they apply here (config, the model's own)."""
    lines = [f"{rule.code} {rule.name} ({rule.category}, {rule.severity})", ""]
    if rule.subtype:
        lines += [f"Subtype: {rule.subtype} (taxonomy of corpora/guideline.md)", ""]
    lines += ["What it does", f"  {what_it_does(rule)}", ""]
    if skips_quotes(rule):
        lines += ["What it skips", f"  {SKIPPED_QUOTES}", ""]
    lines += ["Why it matters"] + [f"  {line}" if line else "" for line in rule.rationale.splitlines()]
    lines += [f"  Source: {rule.source}", ""]
    if rule.bad_examples:
        lines += ["Example"] + [f"  {example}" for example in rule.bad_examples] + [""]
    if rule.good_examples:
        lines += ["Instead, write"] + [f"  {example}" for example in rule.good_examples] + [""]
    lines += ["Question to ask", f"  {_plain(rule.question)}"]
    if rule.suggestion:
        lines += ["", "Suggestion", f"  {_plain(rule.suggestion)}"]
    if rule.options:
        lines += ["", f"Options ([tool.spinlint.rules.{rule.code}])"]
        lines += [f"  {option}" for option in _options(rule, in_force)]
    return "\n".join(lines)


def _quoted(examples) -> list[str]:
    """One block quote per example (adjacent '>' lines would merge into one paragraph)."""
    lines: list[str] = []
    for example in examples:
        lines += [f"> {line}" if line else ">" for line in example.splitlines()] + [""]
    return lines


def render_rule_markdown(rule: Rule, heading_level: int = 1) -> str:
    hashes = "#" * heading_level
    sub = "#" * (heading_level + 1)
    parts = [f"{hashes} {rule.code} {rule.name}", "",
             f"Category: `{rule.category}` · default severity: `{rule.severity}` · kind: `{rule.kind}` · "
             f"scope: `{rule.scope}` · status: `{rule.status}`"
             + (f" · subtype: {_subtype(rule)}" if rule.subtype else ""), "",
             f"{sub} What it does", "", what_it_does(rule), ""]
    if skips_quotes(rule):
        parts += [f"{sub} What it skips", "", SKIPPED_QUOTES, ""]
    parts += [f"{sub} Why it matters", "", rule.rationale, "", f"Source: {rule.source}", ""]
    if rule.bad_examples:
        parts += [f"{sub} Example", ""] + _quoted(rule.bad_examples)
    if rule.good_examples:
        parts += [f"{sub} Instead, write", ""] + _quoted(rule.good_examples)
    parts += [f"{sub} Question to ask", "", _plain(rule.question), ""]
    if rule.suggestion:
        parts += [f"{sub} Suggestion", "", _plain(rule.suggestion), ""]
    if rule.options:
        parts += [f"{sub} Options", "", "```toml", f"[tool.spinlint.rules.{rule.code}]"] + _options(rule) + ["```", ""]
    return "\n".join(parts)


# -- the generated reference: docs/rules/<CODE>.md and docs/rules/README.md ----------------------

_FAMILY_TITLES = {
    "V": "Vague corporate-speak (`V`)",
    "B": "Blame-shifting framing (`B`)",
    "E": "Claims without evidence (`E`)",
    "R": "Readability (`R`)",
    "M": "Trained classifier (`M`)",
    "X": "Meta (`X`)",
}
_GENERATED = "<!-- Generated by `python -m spinlint.rules.ruledocs docs/rules` from spinlint/rules/catalogue/*.toml; do not edit. -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# What each level means; the README's "Severity" paragraph says the same.
SEVERITY_SCALE = (
    "## What the severities mean",
    "",
    "| severity | meaning | fails a run at |",
    "|---|---|---|",
    "| `error` | A clear instance of spin, from a rule whose findings were measured at precision 0.9 or higher on the "
    "project's labelled passages (docs/quality.md): when it fires, a reader almost always agrees. | "
    "`--fail-on error`, `--fail-on warning` (the default), `--fail-on info` |",
    "| `warning` | Likely spin that deserves a question: the rule's pattern is built for it, but plain text sometimes "
    "matches it, or it was not measured often enough to be called an error. | `--fail-on warning` (the default), "
    "`--fail-on info` |",
    "| `info` | Style advice and rules whose measured precision was low (readability, plain-word swaps, weasel "
    "quantifiers, unsupported benefit claims): still reported and read by the document scores. | `--fail-on info` |",
    "",
    "A rule's severity can be changed per project (`severity` under `[rules.CODE]` in `spinlint.toml`, "
    "docs/configuration.md).",
)


def render_rules_index(rules) -> str:
    """The table of every rule, grouped by category, for docs/rules/README.md."""
    parts = [_GENERATED, "", "# Rules", "",
             f"spinlint ships {len(rules)} rules. Each links to its page; `spinlint explain CODE` prints the same text.",
             "Select rules by code or prefix (`--select V,E0`), see docs/configuration.md.", "",
             *SEVERITY_SCALE, ""]
    for prefix, title in _FAMILY_TITLES.items():
        members = [rule for rule in rules if rule.prefix == prefix]
        if not members:
            continue
        parts += [f"## {title}", "", "| code | name | subtype | kind | scope | severity | question to ask |",
                  "|---|---|---|---|---|---|---|"]
        parts += [f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.subtype and '`' + rule.subtype + '`'} "
                  f"| {rule.kind} | {rule.scope} | {rule.severity} | {_cell(_plain(rule.question))} |"
                  for rule in members]
        parts.append("")
    return "\n".join(parts)


def generated_pages(rules) -> dict[str, str]:
    """File name → content for the whole docs/rules folder."""
    pages = {f"{rule.code}.md": f"{_GENERATED}\n\n{render_rule_markdown(rule)}" for rule in rules}
    pages["README.md"] = render_rules_index(rules) + "\n"
    return pages


def write_pages(folder, rules=None) -> list[str]:
    """Write the generated pages into ``folder``, remove stale rule pages, return the names written."""
    from pathlib import Path

    from .ruleset import builtin_rules

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pages = generated_pages(rules if rules is not None else builtin_rules())
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, content in pages.items():
        (folder / name).write_text(content, encoding="utf-8")
    return sorted(pages)


def main(argv=None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m spinlint.rules.ruledocs OUTPUT_FOLDER   (e.g. docs/rules)", file=sys.stderr)
        return 2
    written = write_pages(args[0])
    print(f"wrote {len(written)} pages to {args[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
