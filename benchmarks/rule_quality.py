"""How precise are the rule families?  Numbers for docs/quality.md.

    python benchmarks/rule_quality.py [--datasets ../shared/datasets] [--only corpus,conll,debater,sec,examples]

Each sentence is linted on its own as plain text with only the rules of one
family selected, through the same pipeline as ``spinlint check``.  A family
"fires" on a sentence when any of its sentence- or paragraph-scope rules
reports a finding there; document-scope rules (density, document metrics)
cannot be judged sentence by sentence and are left out.

Data (read from ``../shared/datasets``, never copied; file hashes printed):
- corpus:  the project's own labels (corpora/labels/pass1.jsonl) on 665 real
           10-K and AI-disclosure sentences, by split (train, frozen test), and
           the 84 in-register sentences of corpora/synthetic.jsonl; family V vs
           ``vague``, B vs ``blame``, E vs ``evidence_gap``.
- conll:   CoNLL-2010 WikiWeasel *eval* split; family V vs ``uncertain``.
- debater: IBM Debater CE-EMNLP-2015, the 19 held-out topics; family E on
           claims (no support in the sentence) vs STUDY/EXPERT evidence sentences.
- sec:     firing rate per rule per 1,000 sentences on unlabelled 10-K MD&A prose.
- examples: findings per rule on the project's examples/.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spinlint.config import Settings  # noqa: E402
from spinlint.document import Source  # noqa: E402
from spinlint.lint import Linter  # noqa: E402
from spinlint.rules.ruleset import builtin_rules  # noqa: E402

FAMILIES = {"V": "vague", "B": "blame", "E": "evidence_gap"}
WARNING_CODES = {rule.code for rule in builtin_rules() if rule.severity in ("warning", "error")}


class FamilyRunner:
    """Lints single sentences with one family's sentence-level rules."""

    def __init__(self):
        self.linter = Linter()
        self.settings = {
            prefix: Settings(select=tuple(rule.code for rule in builtin_rules()
                                          if rule.prefix == prefix and rule.scope != "document"))
            for prefix in FAMILIES
        }

    def codes(self, prefix: str, text: str) -> list[str]:
        report = self.linter.lint(Source(path="s.txt", text=text), self.settings[prefix])
        return [finding.code for finding in report.findings]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores(pairs: list[tuple[bool, bool]]) -> dict:
    """Precision, recall, F1 of predictions against gold, with the counts behind them."""
    tp = sum(1 for predicted, gold in pairs if predicted and gold)
    fp = sum(1 for predicted, gold in pairs if predicted and not gold)
    fn = sum(1 for predicted, gold in pairs if not predicted and gold)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"n": len(pairs), "positives": tp + fn, "fired": tp + fp, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "f1": f1}


def line(name: str, result: dict) -> str:
    return (f"| {name} | {result['n']} | {result['positives']} | {result['fired']} | {result['tp']} | "
            f"{result['precision']:.2f} | {result['recall']:.2f} | {result['f1']:.2f} |")


HEADER = "| set | n | gold positives | fired | true positives | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|"


def corpus(runner: FamilyRunner, datasets: Path) -> None:
    from spinlint.model.corpus import load_labelled, load_splits

    everything = load_labelled(datasets, include_synthetic=True)
    sentences = [s for s in everything if not s.synthetic]
    print(f"\n## Project labels (corpora/labels/pass1.jsonl), {len(sentences)} real sentences, "
          f"and {len(everything) - len(sentences)} sentences in corpora/synthetic.jsonl")
    print(f"test split hash (corpora/splits.json): {load_splits()['test_ids_sha256']}")
    print("'warnings' counts only warning-severity rules (the ones that claim spin); 'all rules' adds the info-level "
          "style rules.\n")
    print(HEADER)
    per_rule: dict[str, Counter] = {}
    for prefix, label in FAMILIES.items():
        fired = {s.id: runner.codes(prefix, s.text) for s in everything}
        for subset in ("train", "test", "synthetic"):
            chosen = [s for s in everything if (s.synthetic if subset == "synthetic" else
                                                (not s.synthetic and s.split == subset))]
            for severity in ("warnings", "all rules"):
                pairs = [(any(severity == "all rules" or code in WARNING_CODES for code in fired[s.id]),
                          bool(getattr(s, label))) for s in chosen]
                print(line(f"{prefix} vs {label}, {subset}, {severity}", scores(pairs)))
        for s in sentences:
            for code in set(fired[s.id]):
                per_rule.setdefault(code, Counter())["tp" if getattr(s, label) else "fp"] += 1
    print("\nPer rule on the 665 real sentences (a hit is 'true' when the sentence carries the family's label):\n")
    print("| rule | fired | with label | without label |\n|---|---|---|---|")
    for code in sorted(per_rule):
        counts = per_rule[code]
        print(f"| {code} | {counts['tp'] + counts['fp']} | {counts['tp']} | {counts['fp']} |")


_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"``", '"'), (r"''", '"'),
        (r" ([.,;:!?%)\]])", r"\1"), (r"([(\[$]) ", r"\1"), (r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1")]


def detokenise(text: str) -> str:
    for pattern, replacement in _PTB:
        text = re.sub(pattern, replacement, text)
    return text


def conll(runner: FamilyRunner, datasets: Path) -> None:
    folder = datasets / "conll2010-wikiweasel"
    files = {True: folder / "eval_wikiweasel_uncertain_sentences.txt", False: folder / "eval_wikiweasel_certain_sentences.txt"}
    print("\n## CoNLL-2010 WikiWeasel eval split: family V vs `uncertain`")
    for gold, path in files.items():
        print(f"- {path.name} sha256 {sha256_file(path)}")
    pairs, per_rule = [], Counter()
    for gold, path in files.items():
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            codes = runner.codes("V", detokenise(raw))
            pairs.append((bool(codes), gold))
            for code in set(codes):
                per_rule[(code, gold)] += 1
    print("\n" + HEADER)
    print(line("V vs uncertain", scores(pairs)))
    print("\n| rule | fired on uncertain | fired on certain | precision |\n|---|---|---|---|")
    for code in sorted({code for code, _ in per_rule}):
        tp, fp = per_rule[(code, True)], per_rule[(code, False)]
        print(f"| {code} | {tp} | {fp} | {tp / (tp + fp):.2f} |")


def debater(runner: FamilyRunner, datasets: Path) -> None:
    folder = datasets / "ibm-debater-ce-emnlp2015"
    for name in ("motions.txt", "claims.txt", "evidence.txt"):
        print(f"- {name} sha256 {sha256_file(folder / name)}")
    held_out = set()
    with open(folder / "motions.txt", encoding="utf-8", errors="replace") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 3 and "held" in row[2].lower():
                held_out.add(row[1].strip())
    strip_refs = re.compile(r"\s*\[REF\]")
    claims, evidence = [], []
    with open(folder / "claims.txt", encoding="utf-8", errors="replace") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 3 and row[0].strip() in held_out:
                claims.append(strip_refs.sub("", row[1]).strip())
    with open(folder / "evidence.txt", encoding="utf-8", errors="replace") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 4 and row[0].strip() in held_out and re.search(r"STUDY|EXPERT", row[3]):
                evidence.append(strip_refs.sub("", row[2]).strip())
    claims, evidence = sorted(set(claims)), sorted(set(evidence))
    print(f"\n## IBM Debater held-out topics ({len(held_out)} topics): family E")
    rows = []
    for name, texts in (("claims (no support in the sentence)", claims), ("STUDY/EXPERT evidence sentences", evidence)):
        per_rule = Counter()
        fired = 0
        for text in texts:
            codes = set(runner.codes("E", text))
            fired += bool(codes)
            per_rule.update(codes)
        rows.append(f"| {name} | {len(texts)} | {fired} | {100 * fired / max(len(texts), 1):.1f}% | "
                    + ", ".join(f"{code} {count}" for code, count in sorted(per_rule.items())) + " |")
    print("\n| sentences | n | E fired | rate | by rule |\n|---|---|---|---|---|")
    print("\n".join(rows))


def sec(runner: FamilyRunner, datasets: Path, limit: int = 24) -> None:
    from spinlint.model.corpus import sentence_spans

    folder = datasets / "sec-10k-mdna-unlabelled"
    files = sorted(folder.glob("*.txt"))[:: max(1, len(list(folder.glob("*.txt"))) // limit)][:limit]
    sentences = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences.extend(text[start:end] for start, end in sentence_spans(text))
    sentences = [s for s in sentences if 6 <= len(s.split()) <= 80]
    per_rule = Counter()
    for text in sentences:
        for prefix in FAMILIES:
            per_rule.update(set(runner.codes(prefix, text)))
    print(f"\n## Unlabelled 10-K MD&A: {len(sentences)} sentences from {len(files)} files (every "
          f"{max(1, 97 // limit)}th file)\n")
    print("| rule | findings | per 1,000 sentences |\n|---|---|---|")
    for code, count in sorted(per_rule.items()):
        print(f"| {code} | {count} | {1000 * count / len(sentences):.1f} |")


def examples(_runner: FamilyRunner, _datasets: Path) -> None:
    import spinlint

    print("\n## The project's examples/\n")
    print("| file | findings by rule |\n|---|---|")
    for path in sorted((REPO / "examples").iterdir()):
        report = spinlint.analyze(path.read_text(encoding="utf-8"), filename=path.name,
                                  config=Settings(select=("V", "B", "E", "R")))
        counts = Counter(finding.code for finding in report.files[0].findings)
        print(f"| {path.name} | " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) + " |")


STEPS = {"corpus": corpus, "conll": conll, "debater": debater, "sec": sec, "examples": examples}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--only", default=",".join(STEPS))
    args = parser.parse_args(argv)
    runner = FamilyRunner()
    print(f"# spinlint rule quality ({len(builtin_rules())} rules)")
    for name in args.only.split(","):
        STEPS[name](runner, args.datasets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
