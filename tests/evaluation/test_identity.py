from __future__ import annotations

from cps.evaluation.identity import person_key, place_key, text_key


def test_person_key_ignores_dots_and_check_digit() -> None:
    assert person_key("900.511.223-4") == person_key("900511223") == "900511223"
    assert person_key("52 123 456") == "52123456"
    assert person_key("pa-123 45") == "PA12345"  # not a NIT: compared as written


def test_place_key() -> None:
    assert place_key("Bogotá, D.C.") == place_key("bogota") == "bogota"
    assert place_key("Departamento de Cundinamarca") == place_key("CUNDINAMARCA")
    assert place_key("Norte de Santander") == "norte de santander"
    assert place_key("Gachetá") == place_key("GACHETA")
    assert place_key("Boyacá") != place_key("Cundinamarca")


def test_text_key() -> None:
    assert text_key("Aceite motor 15W-40, caneca 55 gal") == text_key("ACEITE MOTOR 15W 40 CANECA 55 GAL")
    assert text_key("galón") != text_key("caneca")
