"""Plain text and Markdown: decoding (UTF-8, UTF-16, Windows-1252, repaired mojibake) and markup."""

from __future__ import annotations

import re

from cps.documents.text import RawLine
from cps.errors import InputError

_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€")
_TAG = re.compile(r"</?(?:b|i|u|strong|em|span|br|p|font|sup|sub)\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*[.:]?\s*$")
_EMPH = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")


def decode(data: bytes, path: str) -> str:
    """Decode text bytes, guessing the encoding, and repair UTF-8 read as Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("el archivo dice ser UTF-16 pero no se puede leer", file=path) from exc
    elif b"\x00" in data[:4096]:
        raise InputError(
            "el archivo no es un documento de texto (contiene datos binarios); si es un PDF o un "
            "Word, use la extensión correcta",
            file=path,
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\n\r\f")
    if control > max(20, len(text[:20000]) // 100):
        raise InputError(
            "el archivo no es un documento de texto legible (demasiados caracteres de control)", file=path
        )
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 (\"PRESUPUESTO OFICIAL Ã\" …), up to twice."""
    for _ in range(2):
        marks = len(_MOJIBAKE.findall(text))
        if marks == 0:
            break
        try:
            fixed = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            # mixed content: repair line by line where possible
            lines = []
            for line in text.split("\n"):
                try:
                    lines.append(line.encode("cp1252").decode("utf-8") if _MOJIBAKE.search(line) else line)
                except (UnicodeEncodeError, UnicodeDecodeError):
                    lines.append(line)
            fixed = "\n".join(lines)
        if len(_MOJIBAKE.findall(fixed)) >= marks:
            break
        text = fixed
    return text


def clean_inline(text: str) -> str:
    text = _TAG.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPH.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def read_plain(data: bytes, path: str) -> list[RawLine]:
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    out: list[RawLine] = []
    page: int | None = 1 if "\f" in text else None
    for number, raw in enumerate(text.split("\n"), start=1):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i:
                page = (page or 1) + 1
            if part.strip():
                line = _line(part, page)
                line.source_line = number
                out.append(line)
    return out


def _line(raw: str, page: int | None) -> RawLine:
    heading = False
    bold = False
    m = _MD_HEADING.match(raw)
    if m:
        heading = True
        raw = m.group(2)
    if "\t" in raw.strip("\t ") or raw.count("\t") >= 2:
        cells = [clean_inline(c) for c in raw.split("\t")]
        # drop the empty edges produced by leading/trailing tabs but keep inner empty cells
        while cells and not cells[0]:
            cells.pop(0)
        while cells and not cells[-1]:
            cells.pop()
        if len([c for c in cells if c]) >= 2:
            return RawLine(text=" ".join(c for c in cells if c), page=page, cells=cells)
    stripped = re.sub(r"<[^>]+>", "", raw)
    if _BOLD_LINE.match(stripped) and "**" not in _BOLD_LINE.match(stripped).group(1):  # type: ignore[union-attr]
        bold = True
    if re.fullmatch(r"\s*(?:<b>.*</b>\s*)+", raw, flags=re.IGNORECASE):
        bold = True
    return RawLine(text=clean_inline(raw), page=page, heading=heading, bold=bold)
