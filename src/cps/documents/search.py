"""Accent- and case-insensitive search over a document, returning hits that quote the original text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from cps import money
from cps.documents.record import Location
from cps.documents.text import DocumentText, Line, folded_index


@dataclass(frozen=True)
class Hit:
    line: Line
    start: int  # offsets in line.text
    end: int
    groups: tuple[str | None, ...]

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]

    @property
    def location(self) -> Location:
        return self.line.location

    def sentence(self, limit: int = 320) -> str:
        return sentence_around(self.line.text, self.start, self.end, limit)


def search_lines(lines: Iterable[Line], pattern: str | re.Pattern[str]) -> list[Hit]:
    """Find ``pattern`` (written without accents, lower case) in each line's folded text."""
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    hits: list[Hit] = []
    for line in lines:
        folded, index = folded_index(line.text)
        for m in rx.finditer(folded):
            if m.end() == m.start():
                continue
            start = index[m.start()]
            end = index[m.end() - 1] + 1
            groups = tuple(
                line.text[index[m.start(g)] : index[m.end(g) - 1] + 1] if m.start(g) >= 0 and m.end(g) > m.start(g) else None
                for g in range(1, (rx.groups or 0) + 1)
            )
            hits.append(Hit(line, start, end, groups))
    return hits


@lru_cache(maxsize=2048)
def _multiline(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.MULTILINE)


def search(doc: DocumentText, pattern: str | re.Pattern[str]) -> list[Hit]:
    """``search_lines`` over the whole document: one scan of the joined folded text finds the lines
    where the pattern can match (``^``/``$`` per line), then only those lines are searched."""
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    joined, starts = doc.folded_joined()
    candidates: set[int] = set()
    for m in _multiline(rx.pattern, rx.flags).finditer(joined):
        first = bisect_right(starts, m.start()) - 1
        last = bisect_right(starts, max(m.end() - 1, m.start())) - 1
        candidates.update(range(first, last + 1))
    return search_lines([doc.lines[i] for i in sorted(candidates)], rx)


_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-ZÁÉÍÓÚÑ¿(\"«-])")


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence of ``text`` containing ``[start, end)``, trimmed around the match."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    s_start = max(b for b in bounds if b <= start)
    later = [b for b in bounds if b >= end]
    s_end = min(later) if later else len(text)
    sentence = text[s_start:s_end].strip()
    if len(sentence) <= limit:
        return sentence
    rel = start - s_start
    half = limit // 2
    lo = max(0, rel - half)
    hi = min(len(sentence), lo + limit)
    snippet = sentence[lo:hi].strip()
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(sentence) else "")


# --------------------------------------------------------------------------- money in digits

MONEY_RE = re.compile(
    r"(?:\$|COP|\bpesos\b)\s*\(?\s*(\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d{4,}(?:[.,]\d{1,2})?)"
    r"|(\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2})?|\d{1,3}['’]\d{3}(?:[.,]\d{3})+(?:,\d{1,2})?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyHit:
    line: Line
    start: int
    end: int
    value: Decimal

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]

    def sentence(self, limit: int = 320) -> str:
        return sentence_around(self.line.text, self.start, self.end, limit)


def money_in(line: Line) -> list[MoneyHit]:
    out = []
    for m in MONEY_RE.finditer(line.text):
        group = 1 if m.group(1) else 2
        try:
            value = money.parse_amount(m.group(group))
        except ValueError:
            continue
        out.append(MoneyHit(line, m.start(), m.end(), value))
    return out


def money_hits(lines: Iterable[Line]) -> list[MoneyHit]:
    return [hit for line in lines for hit in money_in(line)]


def words_before(text: str, position: int, max_gap: int = 60) -> money.WordsAmount | None:
    """The amount in words that ends right before ``position`` ("… PESOS M/CTE ($…)")."""
    candidates = [w for w in money.find_words_amounts(text[:position]) if w.end <= position]
    if not candidates:
        return None
    last = candidates[-1]
    gap = text[last.end : position]
    filler = re.sub(
        r"(?i)\b(de|pesos?|moneda|corriente|legal|colombian[ao]s?|m\s*/\s*cte|mcte|m/l|cop)\b|[\s.,()$:\-]", "", gap
    )
    if len(gap) <= max_gap and not filler:
        return last
    return None
