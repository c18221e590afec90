"""Readers: turn a .txt, .md, .docx or .pdf file into a :class:`~cps.documents.text.DocumentText`.

Every failure a user can cause (empty file, wrong type, broken Word file, protected or scanned
PDF, undecodable text, a file far too large) ends in :class:`cps.errors.InputError` with a Spanish
message naming the file; no library exception escapes.
"""

from __future__ import annotations

from pathlib import Path

from cps.documents.layout import build_document
from cps.documents.text import DocumentText
from cps.errors import InputError

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = {".txt": 10 * 1024 * 1024, ".md": 10 * 1024 * 1024, ".docx": 50 * 1024 * 1024, ".pdf": 100 * 1024 * 1024}


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def read_document(path: str | Path) -> DocumentText:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"formato no admitido «{suffix or 'sin extensión'}»; se aceptan .pdf, .docx, .txt y .md "
            "(un .doc antiguo debe guardarse como .docx)",
            file=str(path),
        )
    if not p.exists():
        raise InputError("el archivo no existe", file=str(path))
    if p.is_dir():
        raise InputError("se esperaba un archivo y es una carpeta", file=str(path))
    size = p.stat().st_size
    if size == 0:
        raise InputError("el archivo está vacío", file=str(path))
    if size > MAX_BYTES[suffix]:
        raise InputError(
            f"el archivo pesa {_megabytes(size)}; el máximo para un documento {suffix} es "
            f"{_megabytes(MAX_BYTES[suffix])}. Una invitación o unos estudios previos no deberían "
            "ser tan grandes: revise que sea el archivo correcto.",
            file=str(path),
        )
    data = p.read_bytes()
    if suffix in (".txt", ".md"):
        from cps.documents.readers.plain import read_plain

        raw, fmt = read_plain(data, str(path)), suffix.lstrip(".")
    elif suffix == ".docx":
        from cps.documents.readers.word import read_docx

        raw, fmt = read_docx(data, str(path)), "docx"
    else:
        from cps.documents.readers.pdf import read_pdf

        raw, fmt = read_pdf(data, str(path)), "pdf"
    doc = build_document(raw, path=str(path), fmt=fmt)
    if not any(line.text.strip() for line in doc.lines):
        raise InputError("el documento no contiene texto", file=str(path))
    return doc
