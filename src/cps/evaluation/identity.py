"""Who is who: the same person behind different spellings of a NIT or cédula."""

from __future__ import annotations

import re
import unicodedata

from cps.law import nit


def person_key(number: str) -> str:
    """Identity key of a NIT or cédula: its base digits, without dots or check digit.

    ``"900.511.223-4"``, ``"900511223-4"`` and ``"900511223"`` are the same person. Numbers that
    are not Colombian NITs (foreign passports, codes with letters) are compared as written,
    upper case and without spaces, dots or dashes.
    """
    try:
        return nit.parse(number).base
    except ValueError:
        return re.sub(r"[\s.\-–]", "", number).upper()


_PREFIXES = ("departamento", "depto", "dpto", "municipio")


def place_key(name: str) -> str:
    """Compare place names without case, accents, punctuation or a leading "Departamento de".

    "Bogotá, D.C.", "Bogota DC" and "bogotá" give the same key, and so do "Departamento de
    Cundinamarca" and "CUNDINAMARCA"; inner words are kept ("Norte de Santander").
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[a-z0-9]+", text)
    if len(words) > 1 and words[0] in _PREFIXES:
        words = words[2:] if len(words) > 2 and words[1] in ("de", "del") else words[1:]
    while len(words) > 1 and words[-1] in ("d", "c", "dc"):
        words.pop()
    return " ".join(words)


def text_key(text: str) -> str:
    """Compare short texts (units, descriptions) without case, accents, punctuation or extra spaces."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", folded))
