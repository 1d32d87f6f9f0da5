"""cached_up_to keeps short keys in a bounded LRU and computes long ones afresh."""

from spinlint.text.caching import cached_up_to


def test_short_keys_are_kept_long_ones_are_not_and_the_lru_is_bounded():
    calls = []

    @cached_up_to(5, 3)
    def length(key: str) -> int:
        calls.append(key)
        return len(key)

    assert [length(key) for key in ("ab", "ab", "abcdefg", "abcdefg")] == [2, 2, 7, 7]
    assert calls == ["ab", "abcdefg", "abcdefg"]  # the long key is computed each time, never kept
    for key in ("a", "b", "c", "d"):
        length(key)
    assert length.cache_info().currsize == 3 and length.cache_info().maxsize == 3
    assert length.cached("zz") == 2 and length.__name__ == "length"
    length.cache_clear()
    assert length.cache_info().currsize == 0
