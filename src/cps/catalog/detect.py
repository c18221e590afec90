"""Recognise a criterion's usual wording in a document (the criterion's ``detect`` patterns).

Matching ignores case, accents and runs of whitespace: both the document and the patterns are
folded (NFKD without combining marks, casefold). A pattern is either a phrase, matched
literally after folding, or a regular expression written after the prefix ``re:`` (applied to
the folded text, case-insensitively). The evidence quotes the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cps.catalog.model import REGEX_PREFIX, Criterion

_EXCERPT_CONTEXT = 90


@dataclass(frozen=True)
class Evidence:
    """Where a criterion's wording was found: the pattern, the quoted text and its position."""

    criterion_id: str
    pattern: str
    excerpt: str
    start: int  # character offsets in the original text
    end: int
    line: int  # 1-based

    def to_dict(self) -> dict[str, object]:
        return {
            "criterion": self.criterion_id,
            "pattern": self.pattern,
            "excerpt": self.excerpt,
            "line": self.line,
        }


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Accent- and case-insensitive form with single spaces."""
    return " ".join(strip_accents(text).casefold().split())


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one ``detect`` entry; raises ``re.error`` for a broken regular expression."""
    if pattern.startswith(REGEX_PREFIX):
        source = strip_accents(pattern[len(REGEX_PREFIX) :]).strip()
        if not source:
            raise re.error("expresión regular vacía")
        # the text is already folded to lower case: IGNORECASE (several times slower) is only
        # needed when the author wrote upper-case letters
        return re.compile(source, re.IGNORECASE if source != source.lower() else 0)
    phrase = fold(pattern)
    if not phrase:
        raise re.error("frase vacía")
    return re.compile(re.escape(phrase))


@dataclass(frozen=True)
class _Folded:
    text: str  # folded text
    origin: tuple[int, ...]  # origin[i] = index in the original text of folded character i


@lru_cache(maxsize=16)
def _folded(text: str) -> _Folded:
    table: dict[int, str] = {}
    for ch in set(text):
        piece = _FOLDED_CHARS.get(ch)
        if piece is None:
            piece = _FOLDED_CHARS[ch] = strip_accents(ch).casefold()
        table[ord(ch)] = piece
    if all(len(piece) == 1 for piece in table.values()):
        # the usual case, one folded character per character: translate in one pass and work by
        # runs of text and of spaces, not character by character
        folded = text.translate(table)
        parts: list[str] = []
        origin: list[int] = []
        for m in re.finditer(r"\S+|\s+", folded):
            if m.group()[0].isspace():
                if parts:
                    parts.append(" ")
                    origin.append(m.start())
                continue
            parts.append(m.group())
            origin.extend(range(m.start(), m.end()))
        return _Folded("".join(parts), tuple(origin))
    return _folded_slow(text)


def _folded_slow(text: str) -> _Folded:
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and not in_space:
                chars.append(" ")
                origin.append(i)
            in_space = True
            continue
        in_space = False
        piece = _FOLDED_CHARS.get(ch)
        if piece is None:
            piece = _FOLDED_CHARS[ch] = strip_accents(ch).casefold()
        for part in piece:
            chars.append(part)
            origin.append(i)
    return _Folded("".join(chars), tuple(origin))


_FOLDED_CHARS: dict[str, str] = {}


def _excerpt(text: str, start: int, end: int) -> str:
    lo = max(0, start - _EXCERPT_CONTEXT)
    hi = min(len(text), end + _EXCERPT_CONTEXT)
    body = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def present_in(text: str, criterion: Criterion) -> Evidence | None:
    """The first place where ``text`` already contains the criterion's usual wording, if any."""
    if not text or not criterion.patterns:
        return None
    folded = _folded(text)
    best: tuple[int, int, str] | None = None
    for raw, pattern in zip(criterion.detect, criterion.patterns, strict=True):
        match = pattern.search(folded.text)
        if match and match.end() > match.start() and (best is None or match.start() < best[0]):
            best = (match.start(), match.end(), raw)
    if best is None:
        return None
    start = folded.origin[best[0]]
    end = folded.origin[best[1] - 1] + 1
    return Evidence(
        criterion_id=criterion.id,
        pattern=best[2],
        excerpt=_excerpt(text, start, end),
        start=start,
        end=end,
        line=text.count("\n", 0, start) + 1,
    )


def find_present(text: str, criteria: list[Criterion] | tuple[Criterion, ...]) -> dict[str, Evidence]:
    """Evidence for every criterion of ``criteria`` that ``text`` already contains."""
    found: dict[str, Evidence] = {}
    for criterion in criteria:
        evidence = present_in(text, criterion)
        if evidence is not None:
            found[criterion.id] = evidence
    return found
