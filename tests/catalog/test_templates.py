"""Every Word template of the package renders completely; the committed one is the builder's output."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from cps.catalog.draft import annex_context, render_template
from cps.catalog.template_builder import TEMPLATE_PATH, build_template

from .helpers import seed_record

TEMPLATES = sorted(TEMPLATE_PATH.parent.glob("*.docx"))
TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def xml_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def full_context() -> dict[str, object]:
    """A context where every optional branch of the template is taken."""
    context = annex_context(seed_record(), today=dt.date(2026, 11, 20))
    context["uncovered"] = "Mineral (11101501)"
    goods = context["goods"]
    assert isinstance(goods, list)
    goods[0]["sections"][0]["clauses"][0]["already"] = "la invitación ya lo dice (línea 3): «…»"
    return context


def test_there_is_at_least_one_template() -> None:
    assert TEMPLATE_PATH in TEMPLATES


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_renders_without_unfilled_tags(template: Path) -> None:
    context = full_context()
    undeclared = DocxTemplate(str(template)).get_undeclared_template_variables()
    assert undeclared <= set(context), undeclared - set(context)
    rendered = render_template(str(template), context)
    for name, xml in xml_parts(rendered).items():
        leftover = TAG.search(xml)
        assert leftover is None, f"{template.name}:{name}: etiqueta sin llenar cerca de {xml[leftover.start()-80:leftover.end()+80]!r}"
    assert "MC-034-2026" in "".join(xml_parts(rendered).values())


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_every_tag_sits_in_one_run(template: Path) -> None:
    """A tag split across runs (the usual Word pitfall) would show up as a half tag in a <w:t>."""
    for name, xml in xml_parts(template.read_bytes()).items():
        for text in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml):
            opened = len(re.findall(r"\{\{|\{%", text))
            closed = len(re.findall(r"\}\}|%\}", text))
            assert opened == closed, f"{template.name}:{name}: {text!r}"


def test_committed_template_is_the_builders_output() -> None:
    committed = xml_parts(TEMPLATE_PATH.read_bytes())
    built = xml_parts(build_template())
    for part in ("word/document.xml", "word/styles.xml"):
        assert committed[part] == built[part], f"{part} cambió: ejecute python -m cps.catalog.template_builder"
    footers = [n for n in built if n.startswith("word/footer")]
    assert footers and all(committed[n] == built[n] for n in footers)
