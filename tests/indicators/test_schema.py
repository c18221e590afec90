"""The canonical column sets and vocabularies kept as data."""

from __future__ import annotations

import pytest

from cps.indicators.schema import USED_FIELDS, dataset, fold, fold_header, vocabulary


def test_field_sets_match_the_api_captures() -> None:
    procesos, contratos = dataset("procesos"), dataset("contratos")
    assert procesos.socrata_id == "p6dx-8zbt" and contratos.socrata_id == "jbjy-vk9h"
    assert len(procesos.fields) == 59  # /api/views/p6dx-8zbt.json, captured 2026-09-03
    assert len({f.api for f in procesos.fields}) == 59
    assert len({f.api for f in contratos.fields}) == len(contratos.fields) >= 85
    for name in ("procesos", "contratos"):
        apis = {f.api for f in dataset(name).fields}
        assert set(USED_FIELDS[name]) <= apis  # type: ignore[index]


def test_titles_are_unambiguous() -> None:
    for name in ("procesos", "contratos"):
        table = dataset(name).lookup()  # type: ignore[arg-type]
        assert table  # building it raises if a folded title maps to two fields


@pytest.mark.parametrize(
    ("header", "api"),
    [
        ("Fecha de Publicacion del Proceso", "fecha_de_publicacion_del"),
        ("FECHA DE PUBLICACIÓN DEL PROCESO", "fecha_de_publicacion_del"),
        ("fecha_de_publicacion_del", "fecha_de_publicacion_del"),
        ("\ufeffNit Entidad", "nit_entidad"),
        ("Precio Base", "precio_base"),
        ("ID del Portafolio", "id_del_portafolio"),
        ("Descripción del Procedimiento", "descripci_n_del_procedimiento"),
        ("descripci_n_del_procedimiento", "descripci_n_del_procedimiento"),
        ("URLProceso", "urlproceso"),
    ],
)
def test_procesos_titles(header: str, api: str) -> None:
    assert dataset("procesos").resolve(header) == api


@pytest.mark.parametrize(
    ("header", "api"),
    [
        ("Proceso de Compra", "proceso_de_compra"),
        ("Obligación Ambiental", "obligaci_n_ambiental"),
        ("Obligacion ambiental", "obligaci_n_ambiental"),
        ("obligaci_n_ambiental", "obligaci_n_ambiental"),
        ("Obligaciones Postconsumo", "obligaciones_postconsumo"),
        ("Presupuesto General de la Nacion – PGN", "presupuesto_general_de_la_nacion_pgn"),
    ],
)
def test_contratos_titles(header: str, api: str) -> None:
    assert dataset("contratos").resolve(header) == api


def test_fold() -> None:
    assert fold("  SÍ ") == "si"
    assert fold_header("Fecha de Publicación (Fase Borrador)") == "fecha de publicacion fase borrador"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Mínima cuantía", "minima_cuantia"),
        ("MÍNIMA CUANTÍA", "minima_cuantia"),
        ("CONTRATACION MINIMA CUANTIA", "minima_cuantia"),
        ("Contratación directa", "contratacion_directa"),
        ("Contratación Directa (con ofertas)", "contratacion_directa"),
        ("Contratación régimen especial (con ofertas)", "regimen_especial"),
        ("Selección Abreviada de Menor Cuantía", "seleccion_abreviada_menor_cuantia"),
        ("Seleccion Abreviada Menor Cuantia Sin Manifestacion Interes", "seleccion_abreviada_menor_cuantia"),
        ("Selección abreviada subasta inversa", "subasta_inversa"),
        ("Licitación pública Obra Publica", "licitacion_publica"),
        ("Licitación Pública Acuerdo Marco de Precios", "acuerdo_marco"),
        ("CCE-20-Concurso_Meritos_Sin_Lista_Corta_1Sobre", "concurso_de_meritos"),
        ("Concurso de méritos abierto", "concurso_de_meritos"),
        ("Enajenación de bienes con subasta", "enajenacion"),
        ("Solicitud de información a los Proveedores", "solicitud_informacion"),
        ("No Definido", "no_definida"),
        (None, "no_definida"),
        ("Modalidad inventada", "otra"),
    ],
)
def test_modalities(raw: str | None, key: str) -> None:
    assert vocabulary().modality(raw).key == key


def test_cancelled_states_do_not_include_void() -> None:
    voc = vocabulary()
    assert "cancelado" in voc.cancelled_states
    assert "desierto" not in voc.cancelled_states
    assert voc.yes_values == ("si",)
