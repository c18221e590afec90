"""Sustainability gaps per good: catalog criteria that apply and those the document already has."""

from cps.documents.readers import read_document
from cps.documents.review import review_document


def test_criteria_already_in_the_document_are_marked(tmp_path):
    text = (
        "ALCALDÍA MUNICIPAL DE PRUEBA NIT 899999331-2\n"
        "INVITACIÓN PÚBLICA DE MÍNIMA CUANTÍA MC-007-2026\n"
        "1.1. OBJETO\nSuministro de filtros y aceite para la maquinaria del municipio.\n"
        "1.2. PRESUPUESTO\nEl presupuesto oficial es de DIEZ MILLONES DE PESOS M/CTE ($10.000.000).\n"
        "1.3. CLASIFICACIÓN UNSPSC\nPRODUCTO\tDETALLE\n40161505\tFiltros de aire\n47131801\tLimpiador de pisos\n"
        "1.4. OBLIGACIONES AMBIENTALES\n"
        "El contratista recibirá los filtros usados y los entregará a un gestor autorizado de residuos "
        "peligrosos, con certificado de gestión como soporte de cada pago.\n"
    )
    path = tmp_path / "inv.txt"
    path.write_text(text, encoding="utf-8")
    review = review_document(read_document(path))
    by_code = {item.unspsc: item for item in review.sustainability}
    filters = by_code["40161505"]
    assert filters.already_in_document and "FIL-01" in filters.present
    assert filters.evidence and "gestor autorizado" in filters.evidence[0].text
    cleaning = by_code["47131801"]
    assert not cleaning.already_in_document and "LIM-01" in cleaning.criteria
