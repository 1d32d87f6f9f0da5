"""The word-head prefilter only ever skips work: never a finding (spinlint.rules.prefilter)."""

import random
from pathlib import Path

import pytest

from spinlint.rules import prefilter
from spinlint.text import vocabulary
from spinlint.document import Source
from spinlint.rules.engine import Engine
from spinlint.rules.kinds import ConditionalKind, PatternKind, alternation_source
from spinlint.rules.ruleset import builtin_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CORPUS = Path("/tmp/spinlint-bench/corpus/archive/shard-000")


def rule_patterns():
    engine = Engine(builtin_rules())
    for item in engine.compiled:
        if isinstance(item.kind, PatternKind):
            yield item.rule, item.kind.pattern
        elif isinstance(item.kind, ConditionalKind):
            yield item.rule, item.kind.claim


def sample_texts(seed=3, generated=3000):
    """Rule examples and fixtures, plus sentences stitched from every lexicon and example."""
    texts = []
    for rule in builtin_rules():
        texts.extend(rule.bad_examples)
        texts.extend(rule.good_examples)
    for path in sorted(FIXTURES.glob("*/*.md")):
        texts.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    phrases = [phrase for name in vocabulary.names() for phrase in vocabulary.get(name)]
    pieces = phrases + [word for text in texts for word in text.split()]
    rng = random.Random(seed)
    for _ in range(generated):
        words = [rng.choice(pieces) for _ in range(rng.randint(3, 25))]
        if rng.random() < 0.2:
            words = [word.upper() if rng.random() < 0.5 else word.title() for word in words]
        texts.append(" ".join(words))
    return texts


def test_every_shipped_rule_gets_word_heads():
    # Not required for correctness, but a rule that loses its heads is scanned in every sentence again.
    missing = [rule.code for rule, pattern in rule_patterns() if prefilter.heads_of(pattern.pattern) is None]
    assert missing == []


def test_a_text_the_heads_rule_out_never_matches():
    texts = sample_texts()
    masks = [prefilter.HeadFinder().masks([text]) for text in texts]
    matched = 0
    for rule, pattern in rule_patterns():
        heads = prefilter.heads_of(pattern.pattern)
        for text, mask in zip(texts, masks):
            if pattern.search(text):
                matched += 1
                assert mask is None or heads & mask.keys(), (rule.code, text)
    assert matched > 2000  # the sample really exercises the rules


def test_a_text_the_requirements_rule_out_never_matches():
    texts = sample_texts(seed=4)
    masks = [prefilter.HeadFinder().masks([text]) for text in texts]
    matched = 0
    for rule, pattern in rule_patterns():
        requirements = prefilter.requirements_of(pattern.pattern)
        assert requirements is not None, rule.code
        for text, mask in zip(texts, masks):
            if pattern.search(text):
                matched += 1
                assert mask is None or any(all(heads & mask.keys() for heads in alternative)
                                           for alternative in requirements), (rule.code, text)
    assert matched > 2000


def test_requirements_need_every_word_of_an_alternative():
    source = alternation_source([r"we\s+(?:remind|urge)\s+(?:all\s+)?(?:customers|users)", r"legacy\s+tools?"])
    assert [set(alternative) for alternative in prefilter.requirements_of(source)] == [
        {frozenset({"remind", "urge"}), frozenset({"customer", "users"})},
        {frozenset({"legacy"}), frozenset({"tool", "tools"})}]
    finder = prefilter.CandidateFinder({7: prefilter.requirements_of(source)})
    found = finder.units(["We remind you.", "We urge all users to wait.", "Old tools, legacy code.", "Users."])
    assert found == {7: 0b0110}
    # An alternative needing all that another needs, and more, adds nothing.
    assert prefilter.requirements_of(alternation_source([r"legacy", r"legacy\s+tools"])) == ((frozenset({"legacy"}),),)


def test_the_candidate_finder_keeps_every_unit_a_rule_matches_in():
    # All rules at once, forty units at a time, as the engine asks.
    texts = sample_texts(seed=8, generated=800)
    rules = list(rule_patterns())
    finder = prefilter.CandidateFinder({index: prefilter.requirements_of(pattern.pattern)
                                        for index, (_, pattern) in enumerate(rules)})
    for start in range(0, len(texts), 40):
        chunk = texts[start:start + 40]
        found = finder.units(chunk)
        if found is None:
            continue
        for index, (rule, pattern) in enumerate(rules):
            for bit, text in enumerate(chunk):
                if pattern.search(text):
                    assert found[index] >> bit & 1, (rule.code, text)


def test_heads_follow_the_structure_of_a_pattern():
    heads = prefilter.heads_of(alternation_source([r"(?:the\s+)?legacy\s+(?:systems?|tools)", r"users?\s+error"]))
    assert heads == {"legacy", "error"}
    # Optional and repeated parts promise nothing; a hyphen may join two words into one.
    assert prefilter.heads_of(alternation_source([r"(?:\w+\s+){0,3}?ready"])) == {"ready"}
    assert prefilter.heads_of(alternation_source([], ("co-create",))) == {"cocreate", "create"}
    # Nothing literal, or only short words, is no filter at all.
    assert prefilter.heads_of(alternation_source([r"%|[$€]"])) is None
    # A number at the start of a word is a head of its own.
    assert prefilter.heads_of(alternation_source([r"\d+%"])) == {prefilter.DIGIT_HEAD}
    assert prefilter.HeadFinder().masks(["up 40% on", "no numbers"])[prefilter.DIGIT_HEAD] == 0b01
    assert prefilter.heads_of(alternation_source([r"an?|if"])) is None


def test_units_with_unsure_case_folding_are_never_filtered():
    assert prefilter.HeadFinder().masks(["a plain sentence", "an \u0130stanbul office"]) is None
    masks = prefilter.HeadFinder().masks(["Legacy systems", "new tools"])
    assert masks["leg"] == 0b01 and masks["tool"] == 0b10 and masks["new"] == 0b10


def findings_with_and_without_filter(documents, overrides=None):
    """Findings of every pattern and conditional rule, filtered and not, per document."""
    from spinlint import markup
    from spinlint.rules.features import Features
    from spinlint.text.segment import segment

    rules = builtin_rules()
    engines = (Engine(rules, overrides=overrides, use_word_heads=False), Engine(rules, overrides=overrides))
    results = ([], [])
    for name, text in documents:
        segments = segment(markup.parse(Source(path=name, text=text)))
        for engine, found in zip(engines, results):
            found.append([(f.code, f.span, f.message) for f in engine.run(segments, Features(segments))])
    return results


def test_the_shipped_heads_table_is_current():
    # Stale, it only loses speed, never a finding; but it should be regenerated with the rules.
    from spinlint.rules.engine import prefilter_sources

    sources = prefilter_sources(Engine(builtin_rules()))
    assert all(prefilter.shipped_requirements(source) is not prefilter.UNKNOWN for source in sources), \
        "run: python -m spinlint.rules.tables"
    assert prefilter.heads_table(sources) == prefilter._shipped_table()


def test_rules_the_table_does_not_know_learn_their_heads_in_a_long_run():
    from spinlint.rules.kinds import VocabularyOverrides

    overrides = VocabularyOverrides(add={"buzzwords": ("moonshot thinking",)})
    engine = Engine(builtin_rules(), overrides=overrides)
    v001 = next(index for index, item in enumerate(engine.compiled) if item.rule.code == "V001")
    assert engine._heads[v001] is prefilter.UNKNOWN
    texts = sample_texts(seed=11, generated=400) + ["Our moonshot thinking wins."] * 5
    documents = [(f"doc{index}.md", "\n\n".join(texts[index:index + 10])) for index in range(0, len(texts), 10)]
    assert len(documents) > Engine.WARM_UP_DOCUMENTS + 5
    unfiltered, filtered = findings_with_and_without_filter(documents, overrides)
    assert filtered == unfiltered
    assert any("moonshot" in str(found) for found in filtered)


def test_findings_are_the_same_with_the_filter_on():
    texts = sample_texts(seed=5, generated=600)
    documents = [(f"doc{index}.md", "\n\n".join(texts[index:index + 12]))
                 for index in range(0, len(texts), 12)]
    unfiltered, filtered = findings_with_and_without_filter(documents)
    assert sum(map(len, unfiltered)) > 500
    assert filtered == unfiltered


@pytest.mark.skipif(not CORPUS.is_dir(), reason="benchmark corpus not built (benchmarks/build_corpus.py)")
def test_findings_are_the_same_with_the_filter_on_for_the_benchmark_corpus():
    documents = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(CORPUS.iterdir())[:150]]
    unfiltered, filtered = findings_with_and_without_filter(documents)
    assert filtered == unfiltered


def test_the_head_finder_table_stays_bounded_and_gives_the_same_answers():
    finder = prefilter.HeadFinder({"legacy", "legac", "<digit>", "tool"})
    finder.TABLE_SIZE = 50
    words = [f"legacy{index}" for index in range(200)] + ["40", "tools", "plain"]
    first = {word: finder.heads_of_word(word) for word in words}
    assert len(finder._heads_of_word) <= 50
    assert all(finder.heads_of_word(word) == heads for word, heads in first.items())
    assert first["legacy7"] == ("legac", "legacy") and first["40"] == ("<digit>",) and first["plain"] == ()
