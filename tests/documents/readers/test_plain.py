"""Plain text and Markdown: encodings, mojibake, markup, tables, pages."""

import pytest

from cps.documents.readers import read_document
from cps.documents.readers.plain import decode, read_plain, repair_mojibake
from cps.errors import InputError

TEXT = "PRESUPUESTO OFICIAL: CUARENTA Y NUEVE MILLONES DE PESOS ($49.000.000). Garantía de cumplimiento, Gachetá."


def test_utf8_latin1_cp1252_and_utf16_decode_the_same():
    for encoding in ("utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16"):
        assert decode(TEXT.encode(encoding), "x.txt") == TEXT


def test_mojibake_is_repaired():
    broken = TEXT.encode("utf-8").decode("cp1252")
    assert "Ã" in broken
    assert repair_mojibake(broken) == TEXT
    assert decode(broken.encode("utf-8"), "x.txt") == TEXT


def test_binary_is_refused():
    with pytest.raises(InputError, match="binarios"):
        decode(b"\x00\x01\x02PK\x03\x04" * 100, "x.txt")
    with pytest.raises(InputError, match="control"):
        decode(bytes(range(1, 31)) * 200, "x.txt")


def test_markup_and_tables():
    raw = "## 1.2. PRESUPUESTO\n**El valor es \\$1.000** y [ver](http://x)\n\t<b>RUBRO</b>\tVALOR\t\n15000000\t15120000\tAceite\n"
    lines = read_plain(raw.encode(), "x.md")
    assert lines[0].heading and lines[0].text == "1.2. PRESUPUESTO"
    assert lines[1].text == "El valor es $1.000 y ver"
    assert lines[2].cells == ["RUBRO", "VALOR"]
    assert lines[3].cells == ["15000000", "15120000", "Aceite"]
    assert lines[3].source_line == 4


def test_form_feeds_are_pages():
    lines = read_plain(b"uno\fdos\fdos bis\n", "x.txt")
    assert [(line.text, line.page) for line in lines] == [("uno", 1), ("dos", 2), ("dos bis", 3)]


def test_page_markers_and_repeated_headers(tmp_path):
    bodies = [
        "El objeto del contrato es el suministro de papelería.",
        "El presupuesto oficial asciende a diez millones de pesos.",
        "Las garantías se constituirán a favor del municipio.",
        "Los proponentes plurales indicarán su participación.",
        "La aceptación de la oferta constituye el contrato.",
    ]
    parts = []
    for page in range(1, 6):
        parts.append(f"MUNICIPIO DE PRUEBA\nNIT 899999331-2\nPágina {page} de 5\n")
        parts.append(bodies[page - 1] + "\n")
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    doc = read_document(path)
    assert [(line.text, line.page) for line in doc.lines] == [(body, n) for n, body in enumerate(bodies, start=1)]
    assert "NIT 899999331-2" in doc.furniture


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "vacío"),
        ("blank.txt", b"   \n\n  \t\n", "no contiene texto"),
        ("binary.txt", bytes(range(256)) * 50, "binarios"),
        ("invitation.doc", b"old word", "formato no admitido"),
        ("invitation", b"text", "sin extensión"),
    ],
)
def test_bad_text_inputs(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_document(path)
    assert name in str(info.value)


def test_fifty_megabytes_of_text_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"PRESUPUESTO OFICIAL " * (50 * 1024 * 1024 // 20))
    with pytest.raises(InputError, match="MB"):
        read_document(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no existe"):
        read_document(tmp_path / "nope.pdf")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="carpeta"):
        read_document(folder)
