"""A new user's first session, in the browser: log in, review the seed invitation, read the
findings, try the other sections. Screenshots in build/e2e-screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.e2e.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _login(page: Any, server: dict[str, str]) -> None:
    page.goto(server["base"] + "/procesos/")
    assert "/cuentas/ingresar/" in page.url
    shot(page, "01-ingresar")
    page.get_by_label("Usuario").fill(server["username"])
    page.get_by_label("Contraseña").fill(server["password"])
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_url("**/procesos/")


def test_review_the_seed_invitation(page: Any, server: dict[str, str]) -> None:
    _login(page, server)
    shot(page, "02-procesos-vacio")
    page.get_by_role("link", name="Revisar un documento nuevo").click()
    page.get_by_label("Invitación o estudios previos").set_input_files(str(FIXTURES / "003_910f26f6926a9d9c.txt"))
    shot(page, "03-cargar")
    page.get_by_role("button", name="Cargar y revisar").click()
    # the review runs in the background; the page polls and reloads when it is done
    page.wait_for_selector("text=Ficha del proceso", timeout=60_000)
    page.wait_for_load_state("networkidle")
    shot(page, "04-revision")
    body = page.content()
    assert "MC-034-2026" in body
    assert "Código UNSPSC mal formado" in body
    assert "$49.016.520" in body
    page.get_by_role("link", name="Historial").click()
    shot(page, "05-historial")
    assert "Revisión versión 1" in page.content()
    page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Procesos").click()
    shot(page, "06-procesos")


def test_other_sections_answer(page: Any, server: dict[str, str]) -> None:
    _login(page, server)
    for name, title in (("Catálogo", "07-catalogo"), ("Evaluaciones", "08-evaluaciones"), ("Ciclo de vida", "09-ciclo-de-vida"), ("Metas", "10-metas")):
        page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name=name).click()
        page.wait_for_load_state("networkidle")
        shot(page, title)
        assert page.locator("h1").count() == 1
