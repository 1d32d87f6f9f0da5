"""Every rule alone on short hostile inputs: no rule may take more than a second on 20,000 characters.

The shapes below once made single rule patterns backtrack (quadratic or worse): long runs of one short word,
cause connectives chained a thousand times, numbers glued by commas, ceilings stacked. Each rule of every
pattern, conditional and logic kind runs on each input by itself, as the engine runs it on one unit of text.
The script prints the slowest rules and exits 1 when any (rule, input) pair is over the limit.

    python benchmarks/rule_hostile.py               # every rule
    python benchmarks/rule_hostile.py --only B0     # the rules whose code starts with B0

Timing lives here, not in the unit tests (the project's rule: speed targets are benchmarks); the unit tests
check only that each rule's findings on hostile text are well-formed.
"""

from __future__ import annotations

import argparse
import sys
import time

LIMIT_SECONDS = 1.0

# Written for this benchmark; each about 20,000 characters.
HOSTILE = {
    "repeated words": "fail " + "the new of a " * 1500,
    "one long word": "a" * 20_000,
    "dashes": "- " * 10_000,
    "cause chains": "struggled " + "because of the " * 1200,
    "numbers": "1,2,3.4 " * 2500,
    "capitals": "Aa " * 6000,
    "ceilings": "up to " * 3000 + "5",
}


def run_rule(kind, rule, text: str) -> None:
    from spinlint.rules.kinds import ConditionalKind, LogicKind

    if isinstance(kind, ConditionalKind):
        for claim in kind.claims(text):
            kind.evidence_in(text, claim)
    elif isinstance(kind, LogicKind):
        list(kind.hits(text, dict(rule.options)))
    else:
        list(kind.hits(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only the rules whose code starts with this")
    parser.add_argument("--show", type=int, default=10, help="how many of the slowest pairs to print")
    args = parser.parse_args(argv)

    from spinlint.rules.kinds import VocabularyOverrides, compile_rule
    from spinlint.rules.ruleset import builtin_rules

    timings = []
    for rule in builtin_rules():
        if rule.kind in ("metric", "classifier") or not rule.code.startswith(args.only):
            continue
        kind = compile_rule(rule, VocabularyOverrides())
        run_rule(kind, rule, "Warm-up: compile the rule's patterns.")
        for name, text in HOSTILE.items():
            started = time.perf_counter()
            run_rule(kind, rule, text)
            timings.append((time.perf_counter() - started, rule.code, name))
    timings.sort(reverse=True)
    print(f"{len(timings)} (rule, input) pairs; the slowest:")
    for seconds, code, name in timings[:args.show]:
        flag = "   <-- over the limit" if seconds > LIMIT_SECONDS else ""
        print(f"  {code}  {name:<16} {seconds * 1000:8.1f} ms{flag}")
    over = [pair for pair in timings if pair[0] > LIMIT_SECONDS]
    print(f"{len(over)} over {LIMIT_SECONDS:g} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
