"""The official budget (presupuesto oficial), in digits and in words."""

from __future__ import annotations

import re

from cps import money
from cps.documents.record import ProcessRecord
from cps.documents.search import MoneyHit, money_hits, search, words_before
from cps.documents.text import DocumentText, fold

BUDGET_CONTEXT = re.compile(
    r"presupuesto\s+oficial|valor\s+estimado|presupuesto\s+estimado|presupuesto\s+asignado|"
    r"valor\s+del\s+presupuesto|valor\s+total\s+del\s+(?:proceso|contrato)|presupuesto\s+total|"
    r"cuant[ií]a\s+del\s+proceso|valor\s+del\s+proceso"
)


def budget_mentions(doc: DocumentText) -> list[MoneyHit]:
    """Amounts in digits stated as the budget or the value of the process, in order."""
    out: list[MoneyHit] = []
    for hit in money_hits(doc.lines):
        before = fold(hit.line.text[max(0, hit.start - 260) : hit.start])
        # nearest context keyword, not separated by another amount
        if BUDGET_CONTEXT.search(before) and not re.search(r"\$\s*\d", before[-80:]):
            out.append(hit)
    return out


def extract_budget(doc: DocumentText, record: ProcessRecord) -> None:
    chosen: MoneyHit | None = None
    for sec in doc.sections_titled(r"presupuesto|valor\s+(?:estimado|del\s+contrato|oficial)|^valor\b"):
        hits = money_hits(doc.section_lines(sec.number))
        if hits:
            chosen = hits[0]
            break
    if chosen is None:
        mentions = budget_mentions(doc)
        if mentions:
            chosen = mentions[0]
    if chosen is None:
        return
    record.budget = money.round_pesos(chosen.value)
    record.sources["budget"] = chosen.line.location
    words = words_before(chosen.line.text, chosen.start)
    if words is not None:
        tail = re.match(
            r"(?i)(\s*(?:de\s+)?pesos?(?:\s+moneda\s+corriente|\s+m\s*/\s*cte\.?|\s+mcte\.?|\s+colombianos)?)",
            chosen.line.text[words.end :],
        )
        record.budget_in_words = (words.text + (tail.group(1) if tail else "")).strip()
    else:
        # words written after the digits: "$49.016.520 (CUARENTA Y NUEVE MILLONES …)"
        after = chosen.line.text[chosen.end : chosen.end + 400]
        found = money.find_words_amounts(after)
        if found and after[: found[0].start].strip(" ()-:") == "":
            record.budget_in_words = found[0].text


def words_value(text: str) -> int | None:
    try:
        return money.round_pesos(money.from_words(text))
    except ValueError:
        return None


__all__ = ["budget_mentions", "extract_budget", "search", "words_value"]
