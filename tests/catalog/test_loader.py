"""The package catalog is complete and sourced; broken files are rejected with clear messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cps.catalog import load_catalog, load_files
from cps.catalog.loader import package_files
from cps.catalog.model import PLACEMENTS_ES
from cps.errors import InputError
from cps.law.unspsc import Code

from .helpers import SOURCES, criterion

REQUIRED_CATEGORIES = {
    # Colombian CPS priorities
    "iluminacion", "papel", "cafe", "impresion-grafica", "materiales-construccion", "vehiculos",
    "mantenimiento-vehiculos", "computadores", "equipos-impresion", "productos-limpieza",
    # EU GPP groups municipalities buy
    "alimentos-cafeteria", "mobiliario", "textiles", "edificios", "alumbrado-publico",
    "servicios-aseo", "electricidad", "pinturas",
    # the seed's own goods
    "lubricantes", "aceites-hidraulicos", "grasas", "filtros", "conectores-mangueras", "llantas",
    "baterias-plomo-acido",
}


def test_package_catalog_covers_the_required_categories() -> None:
    catalog = load_catalog()
    ids = {cat.id for cat in catalog.categories}
    assert len(catalog.categories) >= 20
    assert ids >= REQUIRED_CATEGORIES, REQUIRED_CATEGORIES - ids
    assert all(cat.criteria for cat in catalog.categories)


def test_every_package_criterion_is_sourced_and_valid() -> None:
    catalog = load_catalog()
    ids = [c.id for c in catalog.criteria]
    assert len(ids) == len(set(ids))
    for c in catalog.criteria:
        assert c.sources, c.id
        assert any(s.status in ("confirmed", "secondary") for s in c.sources), c.id
        assert all(s.url for s in c.sources), c.id
        assert set(c.placements) <= set(PLACEMENTS_ES), c.id
        assert c.detect and len(c.patterns) == len(c.detect), c.id
        assert c.applies_to, c.id
        for code in c.applies_to:
            Code.parse(code)
        assert c.legal_basis and c.verification and c.text, c.id


def test_recommendations_are_marked_as_such() -> None:
    catalog = load_catalog()
    natures = {c.nature for c in catalog.criteria}
    assert natures == {"legal_requirement", "recommendation"}
    # a criterion built on an EU label is never presented as a Colombian obligation
    for c in catalog.criteria:
        if all(s.id.startswith(("eu-", "se-")) for s in c.sources):
            assert c.nature == "recommendation", c.id


def test_lead_acid_batteries_cite_the_2025_resolution_not_the_repealed_one() -> None:
    catalog = load_catalog()
    for c in catalog.category("baterias-plomo-acido").criteria:
        assert "0799 de 2025" in c.legal_basis
        assert [s.id for s in c.sources] == ["co-res0799-2025"]
    assert "derogó la Resolución 372 de 2009" in catalog.sources["co-res0799-2025"].title


def test_decreto_142_is_cited_by_title_only() -> None:
    source = load_catalog().sources["co-d142-2023"]
    assert "art." not in source.title and "artículo" not in source.title
    assert source.note and "SIN CONFIRMAR" in source.note


def test_each_criterion_recognises_its_own_wording() -> None:
    from cps.catalog import present_in

    for c in load_catalog().criteria:
        assert present_in(c.text, c) is not None, c.id


def test_package_files_are_all_loaded() -> None:
    names = [p.name for p in package_files()]
    assert names[0] == "00_fuentes.yaml"
    assert len(load_catalog().files) == len(names)


# --------------------------------------------------------------------------- broken files

BROKEN = [
    # (criterion changes, expected fragments of the message)
    ({"verification": None}, ["criterio TST-01", "verification", "falta este dato obligatorio"]),
    ({"placements": ["puntaje"]}, ["criterio TST-01", "placements", "'puntaje' no válido"]),
    ({"applies_to": ["4000000"]}, ["criterio TST-01", "applies_to", "mal formado", "8 dígitos"]),
    ({"sources": ["no-existe"]}, ["criterio TST-01", "sources", "«no-existe» no está definida"]),
    ({"sources": []}, ["criterio TST-01", "sources", "falta este dato obligatorio"]),
    ({"detect": ["re:(sin cerrar"]}, ["criterio TST-01", "detect", "no es válido"]),
    ({"level": "experto"}, ["criterio TST-01", "level", "'experto' no válido", "basico, avanzado"]),
    ({"dimension": "ambiental"}, ["criterio TST-01", "dimension", "environmental, social, economic"]),
    ({"verificacion": "typo"}, ["criterio TST-01", "claves no reconocidas: verificacion"]),
    ({"placements": ["technical_specification", "technical_specification"]}, ["placements", "repetidas"]),
]


@pytest.mark.parametrize(("changes", "fragments"), BROKEN)
def test_broken_criterion_is_rejected_naming_file_line_and_field(
    write_catalog: Callable[..., Path], changes: dict[str, object], fragments: list[str]
) -> None:
    path = write_catalog([("pruebas", ["40161500"], [criterion("TST-01", **changes)])], sources=SOURCES)
    with pytest.raises(InputError) as raised:
        load_files([path])
    message = str(raised.value)
    assert f"archivo «{path}»" in message
    assert "línea" in message
    for fragment in fragments:
        assert fragment in message


def test_unconfirmed_sources_alone_are_not_enough(write_catalog: Callable[..., Path]) -> None:
    sources = {"rumor": {"title": "Dicho sin fuente", "status": "unconfirmed"}}
    path = write_catalog([("pruebas", ["40161500"], [criterion("TST-01", sources=["rumor"])])], sources=sources)
    with pytest.raises(InputError, match="ninguna de sus fuentes está confirmada"):
        load_files([path])


def test_bad_category_code_is_rejected(write_catalog: Callable[..., Path]) -> None:
    path = write_catalog([("pruebas", ["400000"], [criterion("TST-01")])], sources=SOURCES)
    with pytest.raises(InputError) as raised:
        load_files([path])
    assert "categoría pruebas" in str(raised.value) and "unspsc" in str(raised.value)


def test_duplicate_ids_in_the_package_are_rejected(write_catalog: Callable[..., Path]) -> None:
    first = write_catalog([("uno", ["40161500"], [criterion("TST-01")])], sources=SOURCES)
    second = write_catalog([("dos", ["15121500"], [criterion("TST-01")])])
    with pytest.raises(InputError) as raised:
        load_files([first, second])
    assert f"archivo «{second}»" in str(raised.value)
    assert "criterio TST-01" in str(raised.value) and "ya está usado en la categoría «uno»" in str(raised.value)


def test_duplicate_id_in_one_file_is_rejected(write_catalog: Callable[..., Path]) -> None:
    path = write_catalog([("uno", ["40161500"], [criterion("TST-01"), criterion("TST-01")])], sources=SOURCES)
    with pytest.raises(InputError, match="repetido en el archivo"):
        load_files([path])


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "roto.yaml"
    path.write_text("schema: 1\nversion: x\ncategories:\n  - id: [sin cerrar\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_files([path])
    assert f"archivo «{path}»" in str(raised.value) and "línea" in str(raised.value)
    assert "YAML no es válido" in str(raised.value)


def test_missing_schema_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "sin_schema.yaml"
    path.write_text("version: x\ncategories: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="schema: 1"):
        load_files([path])
    with pytest.raises(InputError, match="no existe"):
        load_files([tmp_path / "no_esta.yaml"])
