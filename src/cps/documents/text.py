"""Document text with anchors: every line knows its page, its section and whether it is a table row.

Readers (plain text, Word, PDF) produce :class:`RawLine` sequences; :func:`build_document`
turns them into a :class:`DocumentText` by removing repeated page headers and footers and
assigning section numbers (see :mod:`cps.documents.sections`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from cps.documents.record import Location
from cps.textnorm import fold

__all__ = ["DocumentText", "Line", "RawLine", "Section", "fold", "folded_index"]


@dataclass
class RawLine:
    """A line as a reader found it."""

    text: str
    page: int | None = None
    cells: list[str] | None = None  # table row cells, when the line is a table row
    heading: bool = False  # the source marks it as a heading (Word style, markdown #, bold line)
    bold: bool = False
    source_line: int | None = None  # line in the original text file
    furniture: bool = False  # a page header or footer the reader already knows as such


@dataclass
class Line:
    number: int  # 1-based position in the document
    text: str
    page: int | None
    section: str | None
    cells: list[str] | None = None
    heading: bool = False
    bold: bool = False
    source_line: int | None = None

    @property
    def is_table_row(self) -> bool:
        return self.cells is not None

    @property
    def location(self) -> Location:
        return Location(section=self.section, page=self.page, line=self.source_line or self.number)


@dataclass
class Section:
    number: str  # "1.7", "2.10.1", "CAPÍTULO VII"
    title: str
    line: int  # line number of the heading
    page: int | None
    chapter: str | None = None
    # the heading line is also the section's first paragraph ("38. EL SUPERVISOR CERTIFICARÁ…")
    runs_in: bool = False


@dataclass
class DocumentText:
    path: str
    lines: list[Line]
    sections: list[Section] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # removed page headers / footers
    pages: int | None = None
    format: str = "txt"

    _joined: tuple[int, str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    def folded_joined(self) -> tuple[str, list[int]]:
        """The folded text of every line joined by newlines, and where each line starts in it (lets a
        search scan the document once instead of line by line)."""
        if self._joined is None or self._joined[0] != len(self.lines):
            starts: list[int] = []
            parts: list[str] = []
            at = 0
            for line in self.lines:
                folded = folded_index(line.text)[0]
                starts.append(at)
                parts.append(folded)
                at += len(folded) + 1
            self._joined = (len(self.lines), "\n".join(parts), starts)
        return self._joined[1], self._joined[2]

    @property
    def full_text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def section(self, number: str) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def section_lines(self, which: str | Section) -> list[Line]:
        """Lines of a section (given as found, or by number) and its subsections (heading excluded).
        Pass the Section itself where numbers repeat (a second part that numbers from 1 again)."""
        sec = which if isinstance(which, Section) else self.section(which)
        if sec is None:
            return []
        number = sec.number
        idx = self.sections.index(sec)
        end = len(self.lines) + 1
        for other in self.sections[idx + 1 :]:
            if not _is_within(other.number, number):
                end = other.line
                break
        if not number[:1].isdigit() and not number.startswith(("CAPÍTULO", "TÍTULO")) and len(number) > 2:
            # an unnumbered heading ends at the next heading of any kind
            later = [o.line for o in self.sections[idx + 1 :]]
            end = min([end, *later]) if later else end
        first = sec.line if sec.runs_in else sec.line + 1
        return [line for line in self.lines if first <= line.number < end]

    def body_lines(self, which: str | Section) -> list[Line]:
        """Non-empty lines of a section and its subsections, without any heading line."""
        headings = {s.line for s in self.sections if not s.runs_in}
        return [line for line in self.section_lines(which) if line.number not in headings and line.text.strip()]

    def sections_titled(self, pattern: str) -> list[Section]:
        rx = re.compile(pattern, re.IGNORECASE)
        return [s for s in self.sections if rx.search(fold(s.title))]

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def line_at(self, location: Location | None) -> Line | None:
        """The line a :class:`Location` points to (its ``line`` is the source line in text files)."""
        if location is None or location.line is None:
            return None
        for line in self.lines:
            if line.location.line == location.line:
                return line
        return None


def _is_within(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent + ".")


def folded_index(text: str) -> tuple[str, Sequence[int]]:
    """``fold(text)`` plus, for each folded character, its index in ``text``.

    Lets a regex run on folded text and map the match back to the original, to quote evidence
    exactly as written.
    """
    cached = _FOLD_CACHE.get(text)
    if cached is not None:
        return cached
    folded = fold(text)
    if len(folded) == len(text):  # the usual case: one folded character per character
        result: tuple[str, Sequence[int]] = (folded, range(len(text)))
    else:
        result = _folded_index_slow(text)
    if len(_FOLD_CACHE) > 200_000:
        _FOLD_CACHE.clear()
    _FOLD_CACHE[text] = result
    return result


_FOLD_CACHE: dict[str, tuple[str, Sequence[int]]] = {}


def _folded_index_slow(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFD", ch):
            if unicodedata.category(c) == "Mn":
                continue
            for low in c.lower():
                out.append(low)
                index.append(i)
    return "".join(out), index
