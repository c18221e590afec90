"""From reader lines to a document: pages, repeated headers and footers removed, sections."""

from __future__ import annotations

import re
from collections import defaultdict

from cps.documents.normalize import normalize_lines
from cps.documents.sections import assign_sections
from cps.documents.text import DocumentText, Line, RawLine, fold

PAGE_MARKER = re.compile(r"\b(?:p[aá]gina|p[aá]g\.?|page)\s*(\d{1,4})\s*(?:de|of|/)\s*(\d{1,4})\b", re.IGNORECASE)
PAGE_ONLY = re.compile(r"^\s*(?:p[aá]gina|p[aá]g\.?|page)?\s*-?\s*\d{1,4}\s*-?\s*$", re.IGNORECASE)
WINDOW = 7  # lines around a page boundary where headers and footers live


def shape(text: str) -> str:
    """Normalised form used to recognise the same header on every page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", fold(text))).strip()


PAGE_DASHES = re.compile(r"^\s*[-–—]\s*(\d{1,4})\s*[-–—]\s*$")


def _markers(raw: list[RawLine]) -> list[tuple[int, int]]:
    """(index, page number) of "Página N de M" lines (or "- N -" alone on a line), when they form
    an increasing sequence."""
    found = [
        (i, int(m.group(1)))
        for i, line in enumerate(raw)
        if len(line.text) < 300 and (m := PAGE_MARKER.search(line.text))
    ]
    if len(found) < 2:
        found = [(i, int(m.group(1))) for i, line in enumerate(raw) if (m := PAGE_DASHES.match(line.text))]
    numbers = [n for _, n in found]
    if len(found) < 2 or numbers != sorted(numbers):
        return []
    return found


def _boundary_zones(raw: list[RawLine], markers: list[tuple[int, int]]) -> dict[int, int]:
    """Line index → page boundary id, for lines close enough to a boundary to be furniture."""
    zones: dict[int, int] = {}
    if markers:
        for zone, (idx, _) in enumerate(markers):
            for i in range(max(0, idx - WINDOW), min(len(raw), idx + 3)):
                zones.setdefault(i, zone)
    else:
        by_page: dict[int, list[int]] = defaultdict(list)
        for i, line in enumerate(raw):
            if line.page is not None:
                by_page[line.page].append(i)
        for page, indexes in by_page.items():
            for i in indexes[:WINDOW] + indexes[-WINDOW:]:
                zones[i] = page
    return zones


def _furniture(raw: list[RawLine], zones: dict[int, int], boundaries: int) -> set[int]:
    """Indexes of header/footer lines: the same short text near most page boundaries."""
    if boundaries < 3:
        return set()
    seen_in: dict[str, set[int]] = defaultdict(set)
    for i, zone in zones.items():
        text = raw[i].text.strip()
        if text and len(text) < 250:
            seen_in[shape(text)].add(zone)
    threshold = max(3, int(boundaries * 0.3))
    shapes = {shape for shape, z in seen_in.items() if len(z) >= threshold}
    return {
        i
        for i in zones
        if (text := raw[i].text.strip())
        and (shape(text) in shapes or PAGE_MARKER.search(text) or PAGE_ONLY.fullmatch(text) or PAGE_DASHES.match(text))
    }


def build_document(raw: list[RawLine], *, path: str, fmt: str) -> DocumentText:
    known_furniture = [line.text.strip() for line in raw if line.furniture and line.text.strip()]
    raw = [line for line in raw if line.text.strip() and not line.furniture]
    markers = _markers(raw) if all(line.page is None for line in raw) else []
    zones = _boundary_zones(raw, markers)
    boundaries = len(markers) if markers else len({line.page for line in raw if line.page is not None})
    furniture = _furniture(raw, zones, boundaries)

    if markers:
        first_content = 0
        header_style = markers[0][0] - first_content <= WINDOW and markers[0][1] == 1
        marker_at = dict(markers)
        if header_style:
            page = 1
            for i, line in enumerate(raw):
                page = marker_at.get(i, page)
                line.page = page
        else:  # footers: a marker closes its page
            page = markers[-1][1] + 1
            for i in range(len(raw) - 1, -1, -1):
                page = marker_at.get(i, page)
                raw[i].page = page

    removed: list[str] = []
    kept: list[RawLine] = []
    for i, line in enumerate(raw):
        if i in furniture:
            removed.append(line.text.strip())
        else:
            kept.append(line)
    kept = normalize_lines(kept)
    lines = [
        Line(
            number=n,
            text=line.text.strip(),
            page=line.page,
            section=None,
            cells=line.cells,
            heading=line.heading,
            bold=line.bold,
            source_line=line.source_line,
        )
        for n, line in enumerate(kept, start=1)
    ]
    pages = max((line.page for line in raw if line.page is not None), default=None)
    furniture_text = list(dict.fromkeys(known_furniture + removed))
    doc = DocumentText(path=path, lines=lines, furniture=furniture_text, pages=pages, format=fmt)
    assign_sections(doc)
    return doc
