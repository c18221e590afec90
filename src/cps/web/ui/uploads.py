"""Checks on uploaded files: size limit and real type (by content, not only by name), in Spanish."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile


@dataclass(frozen=True)
class FileKind:
    extensions: tuple[str, ...]
    label: str


DOCUMENT = FileKind((".pdf", ".docx", ".txt", ".md"), "PDF, Word (.docx) o texto (.txt, .md)")
EXTRACT = FileKind((".jsonl", ".json", ".csv"), "JSON lines (.jsonl, .json) o CSV (.csv) de datos.gov.co")
YAML = FileKind((".yaml", ".yml"), "YAML (.yaml, .yml)")


def _head(upload: UploadedFile, size: int = 4096) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # a multi-byte character cut at the end of the sample is fine
        if error.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def validate_upload(upload: UploadedFile, *, kind: FileKind, max_mb: int) -> str:
    """Return the lower-case extension of an acceptable file; raise ``ValidationError`` otherwise."""
    name = upload.name or ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in kind.extensions:
        raise ValidationError(
            f"El archivo «{name}» no es de un tipo aceptado. Se aceptan archivos {kind.label}.",
            code="file_type",
        )
    if upload.size is not None and upload.size > max_mb * 1024 * 1024:
        size_mb = f"{upload.size / (1024 * 1024):.1f}".replace(".", ",")
        raise ValidationError(
            f"El archivo «{name}» pesa {size_mb} MB y el límite es {max_mb} MB.",
            code="file_size",
        )
    if not upload.size:
        raise ValidationError(f"El archivo «{name}» está vacío.", code="file_empty")
    head = _head(upload)
    ok = True
    if suffix == ".pdf":
        ok = head.lstrip()[:5] == b"%PDF-"
    elif suffix == ".docx":
        ok = head[:4] == b"PK\x03\x04"
    else:
        ok = _looks_like_text(head)
    if not ok:
        raise ValidationError(
            f"El contenido de «{name}» no corresponde a un archivo {suffix}: puede estar dañado o tener otra extensión.",
            code="file_content",
        )
    return suffix


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
