"""Where spinlint's time goes: start-up stages, per-part cost per document, lexicon scan speed.

    python benchmarks/stages.py startup              # stages of a one-file run on the memo (fresh process)
    python benchmarks/stages.py steady [--token-cache N] [--warm 500] [--documents 1000] [--by-logic-check]
    python benchmarks/stages.py memory [--documents 1000]  # a worker's RSS after each thing it loads (3x the documents)
    python benchmarks/stages.py lexicon              # buzzword alternation: flat list against trie
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=sys_call_tracing \
        python benchmarks/stages.py instructions --warm 60 --documents 50   # instructions of 50 documents

The figures in benchmarks/README.md ("Where the time goes", the cache sizes) come from these. Uses the
corpus of build_corpus.py (/tmp/spinlint-bench/corpus, or SPINLINT_BENCH_DIR). Times are CPU seconds of
this process, which depend less on other load than wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(os.environ.get("SPINLINT_BENCH_DIR", "/tmp/spinlint-bench")) / "corpus"


def startup() -> None:
    """Run the stages of `spinlint check memo.txt` one by one in a fresh interpreter, three times (CPU time,
    as the module says: on a shared machine wall time mostly measures the other jobs)."""
    script = f"""
import time
marks = [("start", time.process_time())]
def mark(name): marks.append((name, time.process_time()))
import spinlint.cli; mark("importing the CLI")
from spinlint.rules.ruleset import builtin_rules
rules = builtin_rules(); mark("rule files")
from spinlint.rules.engine import Engine
engine = Engine(rules); mark("building the rules")
from spinlint import markup
from spinlint.document import Source
from spinlint.text.segment import segment
segments = segment(markup.parse(Source(path="memo.txt", text=open({str(CORPUS / "memo.txt")!r}).read())))
mark("markup and sentence splitting")
from spinlint.rules.features import Features
from spinlint.model.loading import load_model
model = load_model(); mark("loading the model")
features = Features(segments, model_loader=lambda: model)
features.sentence_stats; features.readability; mark("readability counts")
features.probabilities; mark("model scores")
engine.run(segments, features); mark("running the rules")
print(" ".join(f"{{name}}={{1000 * (at - marks[i][1]):.1f}}" for i, (name, at) in enumerate(marks[1:])))
"""
    runs = []
    for _ in range(3):
        line = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "OPENBLAS_NUM_THREADS": "1"}).stdout.strip()
        runs.append(dict(re.findall(r"(.+?)=([\d.]+)\s*", line)))
    print("stage                              ms (median of 3 fresh processes)")
    total = 0.0
    for name in runs[0]:
        value = sorted(float(run[name]) for run in runs)[1]
        total += value
        print(f"{name:<34} {value:6.1f}")
    print(f"{'total inside the process':<34} {total:6.1f}")


def steady(token_cache: int | None, warm: int, documents: int, by_logic_check: bool = False) -> None:
    """Per-part CPU ms per document on documents the process has not seen, after a warm-up.

    ``by_logic_check`` gives each logic check its own line (as the engine calls it: declared heads applied).
    """
    import psutil

    from spinlint.rules import kinds, logic
    from spinlint.text import readability
    from spinlint.model import runtime
    from spinlint.scan.archive import ScanOptions, scan_document

    if token_cache is not None:
        runtime.CHAR_COLUMN_CACHE = runtime.TOKEN_INFO_CACHE = token_cache
    parts: dict[str, float] = {}

    def timed(name, owner, attribute):
        original = getattr(owner, attribute)

        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.process_time() - started
        setattr(owner, attribute, wrapper)

    described = [0]
    describe = runtime.ExportedModel._describe_tokens

    def counting(self, tokens):
        described[0] += len(tokens)
        return describe(self, tokens)
    runtime.ExportedModel._describe_tokens = counting
    timed("model: scores", runtime.ExportedModel, "predict_proba")
    timed("model: explanations", runtime.ExportedModel, "explain")
    timed("readability counts", readability, "sentence_stats")  # Features reads it through the module
    timed("pattern rules", kinds.PatternKind, "hits")
    timed("conditional rules", kinds.ConditionalKind, "claims")
    if by_logic_check:
        # Wrapped one by one, the checks run without their ASCII twins (the engine twins only spinlint's own
        # functions, spinlint/text/asciiregex.py): slower on ASCII documents than in a real run.
        for name, function in list(logic.LOGIC.items()):
            logic.LOGIC[name] = _timed_function(parts, f"logic: {name}", function)
    else:
        kinds.LogicKind.hits = _timed_function(parts, "logic rules", kinds.LogicKind.hits)
    files = sorted(str(path) for path in (CORPUS / "archive").rglob("*.txt"))[:warm + documents]
    for path in files[:warm]:
        scan_document(path, ScanOptions())
    parts.clear()
    described[0] = 0
    started = time.process_time()
    for path in files[warm:]:
        scan_document(path, ScanOptions())
    total = time.process_time() - started
    count = len(files) - warm
    print(f"{count} documents after {warm} to warm up; token cache {runtime.CHAR_COLUMN_CACHE}")
    for name, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"{name:<44} {1000 * seconds / count:5.2f} ms/doc  {100 * seconds / total:4.0f} %")
    print(f"{'everything else':<44} {1000 * (total - sum(parts.values())) / count:5.2f} ms/doc")
    print(f"{'whole lint':<44} {1000 * total / count:5.2f} ms/doc")
    print(f"model tokens described afresh: {described[0] / count:.1f} per document")
    print(f"process RSS: {psutil.Process().memory_info().rss / 1e6:.0f} MB")


def _timed_function(parts, name, function):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            yield from function(*args, **kwargs)
        finally:
            parts[name] = parts.get(name, 0.0) + time.process_time() - started
    return wrapper


def memory(documents: int) -> None:
    """A scan worker's resident memory after each thing it loads, in a fresh interpreter (what a worker holds)."""
    script = f"""
def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))
marks = [("interpreter", rss())]
import numpy, joblib; marks.append(("numpy and joblib (every loky worker imports them)", rss()))
from spinlint.scan.archive import ScanOptions, scan_document; marks.append(("spinlint's modules", rss()))
from spinlint.model.loading import load_model
load_model(); marks.append(("the model", rss()))
from spinlint.rules.ruleset import builtin_rules
from spinlint.rules.engine import Engine
Engine(builtin_rules()); marks.append(("rules", rss()))
from spinlint.text.syllables import syllables
syllables("hello"), syllables("zqxvbword"); marks.append(("syllable and hyphenation data", rss()))
import pathlib
files = sorted(str(path) for path in pathlib.Path({str(CORPUS / "archive")!r}).rglob("*.txt"))[:{documents}]
for path in files:
    scan_document(path, ScanOptions())
marks.append((f"{{len(files)}} documents (bounded caches)", rss()))
for (name, value), (_, before) in zip(marks, [("", 0.0)] + marks):
    print(f"{{name:<52}} {{value:6.1f}} MB  (+{{value - before:.1f}})")
"""
    subprocess.run([sys.executable, "-c", script], check=True, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})


def instructions(warm: int, documents: int) -> None:
    """Lint ``documents`` archive documents after ``warm`` inside ``sys.call_tracing``: under callgrind told to
    count only that C function (the command in the module's docstring), the instructions of the steady loop
    alone, which do not depend on the machine's load as CPU time does."""
    from spinlint.scan.archive import ScanOptions, scan_document

    files = sorted(str(path) for path in (CORPUS / "archive").rglob("*.txt"))[:warm + documents]
    for path in files[:warm]:
        scan_document(path, ScanOptions())

    def measured():
        for path in files[warm:]:
            scan_document(path, ScanOptions())
    sys.call_tracing(measured, ())
    print(f"{len(files) - warm} documents after {warm} to warm up: divide callgrind's 'Collected' by them")


def lexicon() -> None:
    """Scan speed of the buzzword alternation written flat (longest first) and as a trie."""
    from spinlint.text import vocabulary
    from spinlint.rules.kinds import alternation_source

    phrases = vocabulary.get("buzzwords") + vocabulary.get("hype_adjectives")
    flat = "|".join(vocabulary.phrase_pattern(phrase)
                    for phrase in sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)))
    text = "\n".join(path.read_text(encoding="utf-8")
                     for path in sorted((CORPUS / "archive").rglob("*.txt"))[:300])
    for name, body in (("flat", flat), ("trie", vocabulary.alternation(phrases))):
        pattern = re.compile(alternation_source([r"(?:" + body + ")"]), re.IGNORECASE)
        started = time.process_time()
        found = [match.span() for match in pattern.finditer(text)]
        seconds = time.process_time() - started
        print(f"{name}: {len(text) / seconds / 1e6:5.1f} MB/s ({len(found)} matches in {len(text) / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("startup", "steady", "memory", "instructions", "lexicon"))
    parser.add_argument("--token-cache", type=int, help="entries of the model's per-token caches")
    parser.add_argument("--warm", type=int, default=500)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--by-logic-check", action="store_true", help="steady: one line per logic check")
    args = parser.parse_args()
    if not (CORPUS / "memo.txt").exists():
        sys.exit(f"no corpus at {CORPUS}: run benchmarks/build_corpus.py")
    if args.what == "startup":
        startup()
    elif args.what == "steady":
        steady(args.token_cache, args.warm, args.documents, args.by_logic_check)
    elif args.what == "memory":
        memory(args.documents * 3)
    elif args.what == "instructions":
        instructions(args.warm, args.documents)
    else:
        lexicon()


if __name__ == "__main__":
    main()
