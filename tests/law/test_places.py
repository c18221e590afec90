"""Departments named in a text."""

from cps.law import places


def test_departments_in_order_without_accents_or_case():
    assert places.departments_in("Mipyme de BOYACÁ y de Cundinamarca") == ["Boyacá", "Cundinamarca"]


def test_a_longer_name_is_not_also_the_shorter_one_inside_it():
    assert places.departments_in("domiciliadas en el departamento de Norte de Santander") == ["Norte de Santander"]
    assert places.departments_in("Norte de Santander y Santander") == ["Norte de Santander", "Santander"]


def test_no_department():
    assert places.departments_in("Palmas del Chicamocha") == []
