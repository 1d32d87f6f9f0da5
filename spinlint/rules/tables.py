"""The tables generated from the shipped rule files, and the command that rewrites them.

Each table only saves start-up time (``ruleset.generated_table`` reads it; a missing or stale
entry means the work is done as usual), and a test fails when one is stale:

- ``decoded-rules.json``: the rule files' TOML decoded once (``ruleset``);
- ``word-heads.json``: the word heads of each rule's regex (``prefilter``);
- ``compiled-regexes.json``: each regex compiled ahead for this Python (``regexcache``);
- ``phrase-alternations.json``: each vocabulary alternation written out, keyed by its phrases (``regexcache``);
- ``spinlint/text/ascii-regexes.json``: the ASCII twins of the rules' and logic modules' regexes, compiled ahead
  (``spinlint.text.asciiregex``).

``python -m spinlint.rules.tables`` rewrites all five, and ``spinlint/warmstart-regexes.json`` (the
regexes spinlint's modules compile, ``spinlint.warmstart``), after a rule file or a vocabulary changes.
Working out the heads and the regexes needs the shipped rules compiled by the engine, so this
module sits above the engine, and the speed machinery the engine uses never imports it back.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import warmstart
from ..text import asciiregex
from . import prefilter, regexcache, ruleset
from .engine import Engine, prefilter_sources

HERE = Path(__file__).parent


def shipped_engine() -> Engine:
    return Engine(ruleset.builtin_rules())


def regex_sources(engine: Engine | None = None) -> list[str]:
    """Every regex source of the shipped rules (patterns, claims, evidence, vetoes)."""
    engine = engine or shipped_engine()
    sources = {source for item in engine.compiled
               for source in getattr(item.kind, "sources", {}).values() if source is not None}
    return sorted(sources)


def alternations_table() -> dict:
    """The alternation of every phrase list the shipped rules build, keyed by the phrases."""
    with regexcache.recording_alternations() as alternations:
        shipped_engine()
    return {"alternations": dict(sorted(alternations.items()))}


def ascii_twin_table(engine: Engine | None = None) -> dict:
    """The ASCII twins of every regex the shipped rules and their logic checks read (in a fresh process: the
    twins of whatever else this process has twinned go in too)."""
    (engine or shipped_engine()).ascii_twins()
    return asciiregex.store(asciiregex.twinned())


def main() -> int:
    print(f"wrote {ruleset.write_decoded()}")
    engine = shipped_engine()
    heads = prefilter.heads_table(prefilter_sources(engine))
    target = HERE / prefilter.SHIPPED
    target.write_text(json.dumps(heads, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote the word heads of {len(heads)} regexes to {target}")
    compiled = regexcache.store(regex_sources(engine))
    target = HERE / regexcache.STORE
    target.write_text(json.dumps(compiled, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(compiled['regexes'])} compiled regexes for {compiled['runtime']} to {target}")
    alternations = alternations_table()
    target = HERE / regexcache.ALTERNATIONS
    target.write_text(json.dumps(alternations, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(alternations['alternations'])} phrase alternations to {target}")
    twins = ascii_twin_table(engine)
    asciiregex.TABLE.write_text(json.dumps(twins, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(twins['regexes'])} ASCII twins of regexes for {twins['runtime']} to {asciiregex.TABLE}")
    table = warmstart.write_table()
    print(f"wrote {len(table['regexes'])} module-level regexes for {table['runtime']} to {warmstart.TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
