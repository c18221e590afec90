"""Spanish text normalisation shared by the core: accents and case folded for matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile("[\u0300-\u036f]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for matching Spanish text written either way."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).lower()
