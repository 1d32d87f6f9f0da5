"""Characters that hide inside English words: the invisible ones and the letters that look Latin.

``DEFAULT_IGNORABLE`` is Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt,
Unicode 15): characters a renderer shows as nothing, such as the zero-width space, the soft hyphen,
the joiners, the bidirectional controls and the variation selectors.  ``LATIN_LOOKALIKES`` maps
Cyrillic and Greek letters to the Latin letter each is drawn like, after the prototypes of UTS #39
(Unicode Security Mechanisms, confusables.txt); only letters a reader cannot tell apart in an
ordinary font are listed.
"""

from __future__ import annotations

import re

DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]")

LATIN_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "о": "o", "р": "p", "с": "c",
    "ԁ": "d", "ѕ": "s", "у": "y", "х": "x", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "υ": "u", "χ": "x", "γ": "y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
LOOKALIKE = re.compile("[" + "".join(LATIN_LOOKALIKES) + "]")
