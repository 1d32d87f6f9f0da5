"""The engine visits only the set bits of a rule's candidate units: the same sentences, in the same order,
as testing every sentence's bit."""

import random
from types import SimpleNamespace

from spinlint.rules.engine import _sentences


def _every_bit_tested(count: int, units: int | None) -> list[int]:
    return list(range(count)) if units is None else [index for index in range(count) if units >> index & 1]


def test_set_bits_are_the_sentences_whose_bit_is_tested():
    rng = random.Random(17)
    for _ in range(2000):
        count = rng.randrange(0, 140)
        units = rng.choice([None, 0, rng.getrandbits(count + 5), 1 << rng.randrange(count + 3)])
        segments = SimpleNamespace(sentences=[None] * count)
        assert list(_sentences(segments, units)) == _every_bit_tested(count, units)
