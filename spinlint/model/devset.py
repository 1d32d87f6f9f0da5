"""The spin-devset benchmark: lint real passages as documents and score the judgment against two blind annotators.

Each passage of ``../shared/datasets/spin-devset`` is linted as one plain-text
document with the shipped rules and model (what a user gets). Its four
document scores are compared with the *consensus* labels (both annotators
agree; disagreements are left out of that label) by ROC AUC with a 95%
bootstrap interval and average precision; the rule families are scored at
passage level (a family fires when any of its rules fires in the passage).

The dev set is evaluation-only third-party text: this module reads it from the
datasets folder and never writes any of it anywhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

NAME = "spin-devset"
SCORES = ("spin", "vague", "blame", "evidence_gap")
# rule family (code prefix) -> the consensus label it is meant to find
FAMILIES = {"V": "vague", "B": "blame", "E": "evidence_gap", "M": "spin"}
BOOTSTRAP_SEED = 20261202
BOOTSTRAP_ROUNDS = 2000
MIN_CLASS_FOR_GENRE_AUC = 3  # fewer positives or negatives than this in a genre: no AUC for it
# What the judgment is held to (issue 13: the document scores; issue 14: the rule families at passage level,
# rules only; both: how often a plain passage fails a run at the default --fail-on). ``run`` reports each as met or not.
SCORE_TARGETS = {"spin": 0.90, "vague": 0.88, "blame": 0.85, "evidence_gap": 0.85}
FAMILY_TARGETS = {"V": {"recall": 0.60, "precision": 0.85}, "B": {"recall": 0.50, "precision": 0.85},
                  "E": {"recall": 0.50, "precision": 0.85}}
PLAIN_FLAGGED_AT_MOST = 0.10


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    genre: str
    # consensus per label: 1, 0, or None (the annotators disagree, or 1 vs 2 on overall_spin)
    consensus: Mapping[str, int | None]


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def consensus(a: Mapping, b: Mapping) -> dict[str, int | None]:
    """The dev set's own rule (its README): positive when both say so, negative when both say not."""
    def binary(key: str, positive: Callable[[int], bool], negative: Callable[[int], bool]) -> int | None:
        if positive(a[key]) and positive(b[key]):
            return 1
        if negative(a[key]) and negative(b[key]):
            return 0
        return None

    return {
        "spin": binary("overall_spin", lambda v: v >= 2, lambda v: v == 0),
        "vague": binary("vague", lambda v: v >= 1, lambda v: v == 0),
        "blame": binary("blame_shift", lambda v: v == 1, lambda v: v == 0),
        "evidence_gap": binary("evidence_gap", lambda v: v == 1, lambda v: v == 0),
    }


def load(datasets_dir: Path) -> list[Passage]:
    folder = Path(datasets_dir) / NAME
    files = [folder / name for name in ("passages.jsonl", "labels-a.jsonl", "labels-b.jsonl")]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"{NAME} is incomplete: missing {', '.join(missing)}")
    passages, first, second = (_read_jsonl(path) for path in files)
    labels_a = {row["id"]: row for row in first}
    labels_b = {row["id"]: row for row in second}
    return [Passage(row["id"], row["text"], row.get("genre", "unknown"),
                    consensus(labels_a[row["id"]], labels_b[row["id"]]))
            for row in passages if row["id"] in labels_a and row["id"] in labels_b]


def auc_with_interval(y: Sequence[int], scores: Sequence[float], rounds: int = BOOTSTRAP_ROUNDS,
                      seed: int = BOOTSTRAP_SEED) -> dict:
    """ROC AUC with a 95% percentile bootstrap interval (passages resampled with replacement)."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    y = np.asarray(y, dtype=int)
    scores = np.asarray(scores, dtype=float)
    result = {"n": int(len(y)), "positives": int(y.sum()), "auc": None, "ci95": None, "average_precision": None}
    if len(set(y.tolist())) < 2:
        return result
    result["auc"] = round(float(roc_auc_score(y, scores)), 4)
    result["average_precision"] = round(float(average_precision_score(y, scores)), 4)
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(rounds):
        rows = rng.integers(0, len(y), len(y))
        if y[rows].min() == y[rows].max():
            continue
        samples.append(roc_auc_score(y[rows], scores[rows]))
    if samples:
        low, high = np.percentile(samples, [2.5, 97.5])
        result["ci95"] = [round(float(low), 4), round(float(high), 4)]
    return result


def _has_digit(text: str) -> bool:
    return bool(re.search(r"\d", text))


@dataclass(frozen=True)
class Linted:
    scores: Mapping[str, float]
    codes: frozenset[str]
    # codes of the findings at or above the run's --fail-on severity
    failing_codes: frozenset[str]


def lint_passages(passages: Iterable[Passage], config: Mapping | None = None,
                  model_path: Path | None = None) -> list[Linted]:
    from ..config import parse_settings
    from ..document import Source
    from ..lint import Linter
    from ..rules.findings import SEVERITY_RANK

    settings = parse_settings(dict(config or {}), Path("<benchmark>"))
    threshold = SEVERITY_RANK.get(settings.fail_on, 99)
    linter = Linter(model_path=model_path)
    results = []
    for passage in passages:
        file_report = linter.lint(Source(path=f"{passage.id}.txt", text=passage.text, format="text"), settings)
        findings = file_report.findings
        results.append(Linted(
            scores={name: float(file_report.scores.get(name, 0.0)) for name in SCORES},
            codes=frozenset(finding.code for finding in findings),
            failing_codes=frozenset(finding.code for finding in findings
                                    if SEVERITY_RANK[finding.severity] >= threshold)))
    return results


def _labelled(passages: Sequence[Passage], label: str) -> list[int]:
    return [index for index, passage in enumerate(passages) if passage.consensus[label] is not None]


def score_table(passages: Sequence[Passage], linted: Sequence[Linted]) -> dict:
    from .evaluate import reliability

    table = {}
    for label in SCORES:
        rows = _labelled(passages, label)
        y = [passages[i].consensus[label] for i in rows]
        entry = auc_with_interval(y, [linted[i].scores[label] for i in rows])
        entry["baseline_no_digits"] = auc_with_interval(
            y, [0.0 if _has_digit(passages[i].text) else 1.0 for i in rows], rounds=0)["auc"]
        by_genre = {}
        for genre in sorted({passages[i].genre for i in rows}):
            genre_rows = [i for i in rows if passages[i].genre == genre]
            genre_y = [passages[i].consensus[label] for i in genre_rows]
            positives = sum(genre_y)
            row = {"n": len(genre_rows), "positives": positives, "auc": None}
            if min(positives, len(genre_y) - positives) >= MIN_CLASS_FOR_GENRE_AUC:
                row["auc"] = auc_with_interval(genre_y, [linted[i].scores[label] for i in genre_rows],
                                               rounds=0)["auc"]
            by_genre[genre] = row
        entry["by_genre"] = by_genre
        # the scores are probabilities x 100 (the document model's): are they calibrated on real text?
        entry["reliability"] = reliability(y, [linted[i].scores[label] / 100.0 for i in rows], bins=5)
        table[label] = entry
    return table


def wilson_interval(successes: int, trials: int, z: float = 1.959964) -> list[float] | None:
    """95% Wilson score interval of a proportion: honest for the small counts a rule family has here."""
    if not trials:
        return None
    share = successes / trials
    denominator = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    half = z * np.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / denominator
    return [round(float(max(0.0, centre - half)), 4), round(float(min(1.0, centre + half)), 4)]


def family_table(passages: Sequence[Passage], linted: Sequence[Linted]) -> dict:
    """Passage-level precision and recall of each rule family against its label's consensus.

    Precision is the share of passages where the family fires that are not consensus negatives
    (a passage the annotators disagree on counts for the family), as issue 14 defines it.
    """
    table = {}
    for family, label in FAMILIES.items():
        fired = [i for i, result in enumerate(linted) if any(code.startswith(family) for code in result.codes)]
        positives = [i for i, passage in enumerate(passages) if passage.consensus[label] == 1]
        not_negative = [i for i in fired if passages[i].consensus[label] != 0]
        hits = [i for i in positives if i in set(fired)]
        table[family] = {
            "label": label, "fired": len(fired), "consensus_positives": len(positives),
            "precision": round(len(not_negative) / len(fired), 4) if fired else None,
            "precision_ci95": wilson_interval(len(not_negative), len(fired)),
            "recall": round(len(hits) / len(positives), 4) if positives else None,
            "recall_ci95": wilson_interval(len(hits), len(positives)),
        }
    return table


def rule_table(passages: Sequence[Passage], linted: Sequence[Linted]) -> dict:
    """How often each rule fires, and on how many consensus positives / negatives of its family's label."""
    table: dict[str, dict] = {}
    for passage, result in zip(passages, linted):
        for code in result.codes:
            label = FAMILIES.get(code[:1])
            row = table.setdefault(code, {"fires": 0, "on_positive": 0, "on_negative": 0})
            row["fires"] += 1
            if label:
                value = passage.consensus[label]
                row["on_positive"] += value == 1
                row["on_negative"] += value == 0
    return dict(sorted(table.items()))


def plain_flagged(passages: Sequence[Passage], linted: Sequence[Linted]) -> dict:
    """On the passages both annotators call plain (overall_spin 0): how many get a finding that fails the run."""
    plain = [i for i, passage in enumerate(passages) if passage.consensus["spin"] == 0]
    flagged = [i for i in plain if linted[i].failing_codes]
    # which rules fail the run there (a passage counts once per rule): where the plain-text false alarms come from
    by_code: dict[str, int] = {}
    for i in flagged:
        for code in linted[i].failing_codes:
            by_code[code] = by_code.get(code, 0) + 1
    return {"plain_passages": len(plain), "flagged": len(flagged),
            "rate": round(len(flagged) / len(plain), 4) if plain else None,
            "by_code": dict(sorted(by_code.items()))}


def targets(scores: Mapping, families: Mapping, plain: Mapping, rules_only: bool) -> list[dict]:
    """Each target with the figure measured and whether it is met. The score targets are for the full analysis and
    the family targets for the rules alone (``--ignore M``), so each is reported only for the run it is defined on."""
    rows = []
    if not rules_only:
        for label, target in SCORE_TARGETS.items():
            value = scores.get(label, {}).get("auc")
            rows.append({"target": f"{label} document score AUC >= {target}", "value": value,
                         "met": value is not None and value >= target})
    else:
        for family, wanted in FAMILY_TARGETS.items():
            entry = families.get(family, {})
            for measure, target in wanted.items():
                value = entry.get(measure)
                rows.append({"target": f"{family} family {measure} >= {target}", "value": value,
                             "met": value is not None and value >= target})
    rate = plain.get("rate")
    rows.append({"target": f"plain passages failing a run <= {PLAIN_FLAGGED_AT_MOST}", "value": rate,
                 "met": rate is not None and rate <= PLAIN_FLAGGED_AT_MOST})
    return rows


def classifier_rules_selected(config: Mapping | None) -> bool:
    """Whether any M rule runs under ``config``'s select and ignore, however the codes are written
    (``--ignore M``, ``M0`` or each of M001–M003): a run without them is judged on the rules-only targets."""
    from ..rules.ruleset import builtin_rules, matches_selector

    select = [str(code).upper() for code in (config or {}).get("select", ())] or ["ALL"]
    ignore = [str(code).upper() for code in (config or {}).get("ignore", ())]
    return any(matches_selector(rule.code, select) and not matches_selector(rule.code, ignore)
               for rule in builtin_rules() if rule.prefix == "M")


def run(datasets_dir: Path, config: Mapping | None = None, model_path: Path | None = None) -> dict:
    passages = load(datasets_dir)
    linted = lint_passages(passages, config, model_path)
    scores, families = score_table(passages, linted), family_table(passages, linted)
    plain = plain_flagged(passages, linted)
    rules_only = not classifier_rules_selected(config)
    return {
        "benchmark": NAME, "passages": len(passages),
        "config": dict(config or {}),
        "bootstrap": {"rounds": BOOTSTRAP_ROUNDS, "seed": BOOTSTRAP_SEED, "interval": "95% percentile"},
        "scores": scores,
        "families": families,
        "plain_flagged_at_fail_on": plain,
        "rules": rule_table(passages, linted),
        "targets": targets(scores, families, plain, rules_only),
    }


def as_text(result: Mapping) -> str:
    lines = [f"{result['benchmark']}: {result['passages']} real passages, consensus of two blind annotators"]
    if result.get("config"):
        lines.append(f"settings: {json.dumps(result['config'])}")
    lines.append("")
    lines.append("document scores   AUC     95% interval     AP      n (pos)   no-digits AUC")
    for label, entry in result["scores"].items():
        interval = "n/a" if not entry["ci95"] else f"{entry['ci95'][0]:.3f}-{entry['ci95'][1]:.3f}"
        auc = "n/a" if entry["auc"] is None else f"{entry['auc']:.3f}"
        ap = "n/a" if entry["average_precision"] is None else f"{entry['average_precision']:.3f}"
        baseline = "n/a" if entry["baseline_no_digits"] is None else f"{entry['baseline_no_digits']:.3f}"
        lines.append(f"  {label:<14}  {auc:<6}  {interval:<15}  {ap:<6}  {entry['n']:>3} ({entry['positives']:>3})"
                     f"  {baseline}")
    lines.append("")
    lines.append("by genre (AUC; n/a when a genre has fewer than 3 positives or negatives)")
    genres = sorted({genre for entry in result["scores"].values() for genre in entry["by_genre"]})
    lines.append("  " + "genre".ljust(16) + "".join(label[:12].ljust(14) for label in result["scores"]))
    for genre in genres:
        cells = []
        for entry in result["scores"].values():
            row = entry["by_genre"].get(genre)
            if row is None:
                cells.append("-".ljust(14))
            else:
                value = "n/a" if row["auc"] is None else f"{row['auc']:.2f}"
                cells.append(f"{value} ({row['positives']}/{row['n']})".ljust(14))
        lines.append("  " + genre[:15].ljust(16) + "".join(cells))
    lines.append("")
    lines.append("rule families (passage level)   fired  precision (95% CI)   recall (95% CI)     of positives")
    for family, entry in result["families"].items():
        lines.append(f"  {family} -> {entry['label']:<24} {entry['fired']:>5}  "
                     f"{_share(entry['precision'], entry.get('precision_ci95')):<19}  "
                     f"{_share(entry['recall'], entry.get('recall_ci95')):<18}  {entry['consensus_positives']:>5}")
    plain = result["plain_flagged_at_fail_on"]
    lines.append("")
    lines.append(f"plain passages (both annotators: overall_spin 0) with a finding at --fail-on: "
                 f"{plain['flagged']} of {plain['plain_passages']}"
                 + ("" if plain["rate"] is None else f" ({100 * plain['rate']:.0f}%)")
                 + ("" if not plain.get("by_code") else
                    "; by rule: " + ", ".join(f"{code} {count}" for code, count in plain["by_code"].items())))
    if result.get("targets"):
        lines.append("")
        lines.append("targets")
        for row in result["targets"]:
            value = "n/a" if row["value"] is None else f"{row['value']:.3f}"
            lines.append(f"  {'met    ' if row['met'] else 'NOT met'}  {row['target']:<44} {value}")
    return "\n".join(lines)


def _share(value: float | None, interval: Sequence[float] | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}" + ("" if not interval else f" ({interval[0]:.2f}-{interval[1]:.2f})")
