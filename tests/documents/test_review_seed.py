"""Acceptance on the seed invitation MC-034-2026 (Gachetá): the record is right, every defect it
contains is reported with section and evidence, and nothing right is reported as an error."""

from __future__ import annotations

import pytest

from cps.documents.review import Review, review_path
from tests.conftest import SEED_INVITATION


@pytest.fixture(scope="module")
def review() -> Review:
    return review_path(SEED_INVITATION)


def test_record(review: Review) -> None:
    p = review.process
    assert p.entity == "ALCALDÍA MUNICIPAL DE GACHETÁ"
    assert p.entity_nit == "899999331-2"
    assert p.process_number == "MC-034-2026"
    assert p.modality == "minima_cuantia"
    assert p.object and p.object.startswith("SUMINISTRO DE LUBRICANTES, REPUESTOS, HERRAMIENTAS")
    assert p.contract_type == "suministro"
    assert p.budget == 49016520
    assert p.budget_in_words and p.budget_in_words.startswith("CUARENTA Y NUEVE MILLONES DIECISEIS MIL QUINIENTOS VEINTE")
    assert p.cdp_total == 49016520
    assert p.cdp_number == "2026000313"
    assert len(p.cdp_lines) == 17 and sum(line.value for line in p.cdp_lines) == 49016520
    assert len(p.unspsc) == 9
    first = p.unspsc[0]
    assert (first.segment, first.family, first.class_, first.product, first.name) == (
        "15000000", "15120000", "15121500", "15121504", "Aceite hidráulico",
    )
    assert p.unspsc[-1].segment == "400000"  # as written, malformed
    assert [(g.kind, g.percent) for g in p.guarantees if g.required] == [("cumplimiento", 30), ("calidad", 30)]
    assert [g.kind for g in p.guarantees if not g.required] == ["seriedad"]
    assert p.term and "TREINTA Y UNO (31) DE DICIEMBRE DE 2026" in p.term
    assert p.location and "Gachetá, Cundinamarca" in p.location
    assert p.experience and p.experience.contracts == 2 and p.experience.min_value_share_of_budget == 1.0
    assert len(p.rejection_causes) == 21 and p.rejection_causes[8].letter == "I"
    assert p.mipyme_limitation is True
    assert p.territorial_limitation == "departamento de Cundinamarca"
    assert p.tie_break_rule and "2.2.1.2.4.2.17" in p.tie_break_rule
    listed = {(a.kind, a.number) for a in p.annexes}
    assert ("anexo", "2") not in listed and ("anexo", "5") in listed and ("formato", "12") in listed
    assert p.financial_capacity == "N.A."


def test_sections_and_pages(review: Review) -> None:
    doc = review.document
    assert doc is not None and doc.pages == 39
    numbers = [s.number for s in doc.sections]
    assert numbers[numbers.index("CAPÍTULO I") : numbers.index("CAPÍTULO I") + 3] == ["CAPÍTULO I", "1.1", "1.2"]
    assert "7.1" in numbers and numbers.count("7.1") == 1  # the decree's numeral 7.1 in §2.15 is not a section
    assert "2.10.1" in numbers and "3.1.1.3" in numbers
    assert all("Página" not in line.text for line in doc.lines)  # headers and footers removed
    assert any("899999331-2" in f for f in doc.furniture)


def _find(review: Review, code: str, section: str | None = None, evidence: str | None = None):
    return [
        f
        for f in review.findings
        if f.code == code
        and (section is None or (f.location and f.location.section == section))
        and (evidence is None or evidence in f.evidence)
    ]


@pytest.mark.parametrize(
    ("code", "severity", "section", "page", "evidence"),
    [
        # identifiers: segments and families with 6 or 7 digits (§1.7)
        ("UNSPSC_MALFORMED", "error", "1.7", 4, "4000000"),
        ("UNSPSC_MALFORMED", "error", "1.7", 4, "4016000"),
        ("UNSPSC_MALFORMED", "error", "1.7", 4, "400000"),
        # modality law: manifestación de interés + sorteo (§2.8)
        ("MC_FOREIGN_PROCEDURE", "error", "2.8", 12, "manifestación de interés y haya sido seleccionado en el sorteo"),
        # references: Anexo N° 2 is not in the list of annexes (§2.10.1 vs §9.1)
        ("MISSING_REFERENCE", "error", "2.10.1", 12, "Anexo N° 2"),
        # references: a format for foreign bidders' financial capacity that the list does not have
        ("MISSING_REFERENCE", "error", "CAPÍTULO III", 27, "Formato sobre Capacidad financiera"),
        # "no aplica" vs required: seriedad declared N/A (§7.2) but rejection cause I (§2.13)
        ("NOT_APPLICABLE_BUT_REQUIRED", "error", "2.13", 15, "Garantía de seriedad de la oferta junto con la propuesta"),
        # … and the chapter VII introduction says it is required
        ("NOT_APPLICABLE_BUT_REQUIRED", "error", "CAPÍTULO VII", 36, "exigir garantía de seriedad"),
        # … and financial capacity declared N.A. (§3.3) but its format is required of foreign bidders
        ("NOT_APPLICABLE_BUT_REQUIRED", "error", "CAPÍTULO III", 27, "Capacidad financiera"),
        # object coherence: "calidad del servicio" guarantee in a supply of goods (§7.3)
        ("OBJECT_CONTRACT_TYPE", "error", "7.3", 37, "Calidad del servicio"),
        # object coherence: "La obra objeto del presente Proceso" in a supply (§1.7)
        ("OBJECT_CONTRACT_TYPE", "warning", "1.7", 3, "La obra objeto"),
        ("OBJECT_CONTRACT_TYPE", "warning", "3.2.3", 33, "recibo a satisfacción de la obra"),
        # object coherence: logistics and food in a lubricants process (§3.2.1)
        ("OBJECT_FOREIGN_ACTIVITY", "warning", "3.2.1", 32, "logística, alimentación"),
        # object coherence: tools in the object, no tools code in the table
        ("OBJECT_GOODS_UNCLASSIFIED", "warning", "1.1", 3, "HERRAMIENTAS"),
        # the seriedad guarantee made enforceable in §2.7 though declared N/A
        ("NOT_APPLICABLE_BUT_REQUIRED", "warning", "2.7", 12, "podrá hacer exigible la Garantía de seriedad"),
        # tie-break text written for scores, and the random method never described (§2.15)
        ("MC_TIEBREAK_SCORE_WORDING", "warning", "2.15", 19, "empate en el puntaje total"),
        ("MC_RANDOM_METHOD_UNDEFINED", "warning", "2.15", 25, "método aleatorio"),
        # the same provision cited as numeral 8 (§2.10.1) and numeral 7 (§2.17)
        ("NORM_CITATION_CONFLICT", "warning", "2.17", 26, "numeral 7º"),
        # RUP demanded of foreign branches (§3.1.1.2)
        ("MC_RUP_REQUIRED", "error", "3.1.1.2", 29, "Registro Único de Proponentes"),
        # the value against the ceilings: information, with the unconfirmed band marked
        ("MC_CEILING_BANDS", "info", "1.2", 3, "$49.016.520"),
    ],
)
def test_seed_defect_is_reported(review: Review, code, severity, section, page, evidence) -> None:
    found = _find(review, code, section, evidence)
    assert found, f"{code} not reported at {section} with «{evidence}»"
    assert found[0].severity == severity
    assert found[0].location and found[0].location.page == page
    assert found[0].rule and found[0].title and found[0].message


def test_unspsc_malformed_groups_repeated_cells(review: Review) -> None:
    malformed = _find(review, "UNSPSC_MALFORMED")
    assert sorted(f.evidence for f in malformed) == ["400000", "4000000", "4016000"]
    segment = next(f for f in malformed if f.evidence == "4000000")
    assert "40000000" in segment.message and len(segment.related) == 3


def test_no_error_on_what_is_right(review: Review) -> None:
    wrong_codes = {
        "BUDGET_WORDS_MISMATCH", "CDP_SUM_MISMATCH", "CDP_BUDGET_MISMATCH", "NIT_CHECK_DIGIT", "VALUE_STATED_TWICE",
        "AMOUNT_WORDS_MISMATCH", "UNSPSC_HIERARCHY", "UNSPSC_DUPLICATE", "MC_SCORING_FACTOR", "MC_CEILING_EXCEEDED",
        "MIPYME_TERRITORY_MISMATCH", "MIPYME_THRESHOLD_EXCEEDED", "TERM_CONFLICT", "PLACE_CONFLICT",
        "GUARANTEE_CONFLICT", "GUARANTEE_AMOUNT_MISMATCH", "MISSING_ESSENTIAL",
    }
    assert [f.code for f in review.findings if f.code in wrong_codes] == []
    # the Mipyme's request to limit the process (§2.14) is legitimate, not a foreign procedure
    assert not [f for f in review.findings if f.code == "MC_FOREIGN_PROCEDURE" and f.location and f.location.section == "2.14"]
    # guarantees in mínima cuantía are optional and justified here: not a defect by themselves
    assert not [f for f in review.findings if f.location and f.location.section == "7.1"]


def test_every_finding_has_evidence_quoted_from_the_document(review: Review) -> None:
    text = review.document.full_text if review.document else ""
    for f in review.findings:
        assert f.evidence
        if f.code in {"UNSPSC_MALFORMED", "MC_CEILING_BANDS", "SUSTAINABILITY_GAPS"}:
            continue
        probe = f.evidence.strip("…")[:60]
        assert probe in text or probe in (review.process.object or ""), (f.code, probe)


def test_json_contract(review: Review) -> None:
    data = review.to_json()
    assert set(data) >= {"process", "findings", "sustainability"}
    p = data["process"]
    assert p["budget"] == 49016520 and isinstance(p["budget"], int)
    assert p["cdp_total"] == 49016520
    assert p["unspsc"][0]["class"] == "15121500"
    assert [g["kind"] for g in p["guarantees"]] == ["cumplimiento", "calidad"]
    for f in data["findings"]:
        assert f["severity"] in ("error", "warning", "info")
        assert set(f) >= {"code", "severity", "title", "message", "location", "evidence", "rule"}
    assert [s["unspsc"] for s in data["sustainability"]][:2] == ["15121504", "15121501"]
    assert all(s["already_in_document"] is False for s in data["sustainability"])


def test_sustainability_uses_the_catalog(review: Review) -> None:
    by_code = {item.unspsc: item for item in review.sustainability}
    assert "HID-01" in by_code["15121504"].criteria  # biodegradable hydraulic fluid
    assert "LUB-01" in by_code["15121501"].criteria  # used oil to an authorised manager
    assert by_code["40161505"].criteria[:1] == ["FIL-01"]  # used filters
    assert not any(item.present for item in review.sustainability)
    assert {c.placement for c in review.criteria} <= {"technical_specification", "contract_obligation", "habilitating_requirement"}
    gaps = [f for f in review.findings if f.code == "SUSTAINABILITY_GAPS"]
    assert len(gaps) == 1 and gaps[0].severity == "info" and "9 de 9" in gaps[0].message
