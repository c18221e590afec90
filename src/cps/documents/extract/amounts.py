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
    r"cuant[ií]a\s+del\s+proceso|valor\s+del\s+proceso|valor\s+(?:total\s+)?del\s+contrato,?\s+(?:que\s+)?(?:ser[aá]|es|asciende|corresponde)|"
    # a label at the start of a line of essential conditions: "Valor: $ 23,540,000 incluido IVA"
    r"^\W*(?:[a-z0-9][.)]\s*)?valor(?:\s+(?:total|estimado|del\s+contrato))?\s*:"
)


def budget_mentions(doc: DocumentText) -> list[MoneyHit]:
    """Amounts in digits stated as the budget or the value of the process, in order."""
    out: list[MoneyHit] = []
    for hit in money_hits(doc.lines):
        before = fold(hit.line.text[max(0, hit.start - 260) : hit.start])
        # nearest context keyword, not separated by another amount or by a share of it
        keywords = list(BUDGET_CONTEXT.finditer(before))
        if not keywords:
            continue
        keyword = keywords[-1]
        between = before[keyword.end() :]
        if re.search(r"%\s*\)?\s*(?:del?|sobre)?\s*$|por\s+ciento\s*(?:\(\s*\d+\s*%\s*\))?\s*(?:del?|sobre)?\s*$", before[: keyword.start()]):
            continue  # "el 50 % del presupuesto oficial, es decir $X": a share, not the value
        if re.search(r"\$\s*\d|%|por\s+ciento|equivale|corresponde|garant|experiencia|smmlv|salarios", between):
            continue
        around = fold(hit.line.text[max(0, hit.start - 40) : hit.end + 40])
        if re.search(r"us\$|usd|d[oó]lar|euro", around) or re.search(
            r"(?:menor|mayor|superior|inferior)\s+(?:a|al|o\s+igual)|no\s+(?:supere|exceda)|tope|umbral", between
        ):
            continue  # a legal threshold or a foreign-currency figure, not the value of this process
        out.append(hit)
    return out


BUDGET_TITLE = r"presupuesto|valor\s+(?:estimado|del\s+contrato|oficial)|^valor\b"
NOT_BUDGET_TITLE = re.compile(r"detallad|especificaci|cantidades|precios\s+unitarios|items?\b|[ií]tems")


def extract_budget(doc: DocumentText, record: ProcessRecord) -> None:
    chosen: MoneyHit | None = None
    titled = [s for s in doc.sections_titled(BUDGET_TITLE) if not NOT_BUDGET_TITLE.search(fold(s.title))]
    titled_lines = {line.number for sec in titled for line in doc.section_lines(sec)}
    mentions = budget_mentions(doc)
    # a value stated as the budget, in the budget section first, then anywhere
    for hit in sorted(mentions, key=lambda h: (h.line.number not in titled_lines, h.line.number)):
        chosen = hit
        break
    if chosen is None:
        for sec in titled:
            hits = [h for h in money_hits(doc.section_lines(sec)) if not h.line.is_table_row]
            if hits:
                chosen = hits[0]
                break
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
