"""Logic checks of the evidence family: claims whose missing support a pattern alone cannot see.

Each check reads one unit of text and yields ``(start, end)`` offsets of the claim it finds.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping

from .common import Offsets

EVIDENCE_CHECKS: dict[str, Callable[[str, Mapping[str, Any]], Iterator[Offsets]]] = {}
