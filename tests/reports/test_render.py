"""Reports render to Word and PDF, the same bytes for the same report, readable permissions."""

import os
import stat

import pytest

from cps.reports import render
from cps.reports.model import Bullets, Heading, KeyValues, Paragraph, Report, Table


def _report() -> Report:
    return Report(
        "Informe de prueba",
        "MC-001-2026 · Municipio de Prueba",
        footer="Compras Sostenibles",
        blocks=[
            Heading("1. Proceso"),
            KeyValues((("Número", "MC-001-2026"), ("Presupuesto", "$49.016.520"))),
            Paragraph("Tildes y símbolos: áéíóú ñ ≥ 1 %"),
            Bullets(("uno", "dos")),
            Table(("Oferta", "Valor"), (("A", "44.600.000"), ("B", "43.500.000")), widths=(1, 2), numeric=(1,), caption="Ofertas"),
        ],
    )


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_same_report_same_bytes(tmp_path, suffix):
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    render.write(_report(), a)
    render.write(_report(), b)
    assert a.read_bytes() == b.read_bytes()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(a).st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_text_is_in_both_formats(tmp_path):
    import zipfile

    render.write(_report(), tmp_path / "r.docx")
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    assert "MC-001-2026" in xml and "44.600.000" in xml
    pdf = render.to_pdf(_report())
    assert pdf.startswith(b"%PDF")


def test_wrong_suffix(tmp_path):
    from cps.errors import InputError

    with pytest.raises(InputError, match=r"\.docx o \.pdf"):
        render.write(_report(), tmp_path / "r.txt")
