"""Report blocks: headings, paragraphs, bullet lists, tables, key-value lists and images."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    # keep the heading on the same page as the block that follows it (PDF; Word headings already do)
    keep_with_next: bool = True  # never stranded at the foot of a page


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["normal", "note", "small", "strong"] = "normal"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # relative column widths; None = equal
    widths: tuple[float, ...] | None = None
    caption: str | None = None
    # column indexes aligned right (numbers)
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class KeyValues:
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Image:
    data: bytes  # PNG
    width_cm: float = 16.0
    caption: str | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | KeyValues | Image | PageBreak


@dataclass
class Report:
    title: str
    subtitle: str | None = None
    footer: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # the report's own date, written in the Word file's properties (none: a fixed date, so that the
    # same report always gives the same bytes)
    date: dt.datetime | None = None

    def add(self, *blocks: Block) -> Report:
        self.blocks.extend(blocks)
        return self

    def plain_text(self) -> str:
        """All visible text, for tests and search."""
        out = [self.title, self.subtitle or ""]
        for b in self.blocks:
            if isinstance(b, Heading | Paragraph):
                out.append(b.text)
            elif isinstance(b, Bullets):
                out.extend(b.items)
            elif isinstance(b, Table):
                out.append(" | ".join(b.columns))
                out.extend(" | ".join(r) for r in b.rows)
                if b.caption:
                    out.append(b.caption)
            elif isinstance(b, KeyValues):
                out.extend(f"{k}: {v}" for k, v in b.pairs)
            elif isinstance(b, Image) and b.caption:
                out.append(b.caption)
        if self.footer:
            out.append(self.footer)
        return "\n".join(x for x in out if x)
