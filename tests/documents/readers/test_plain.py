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


def test_a_table_written_column_by_column_is_rebuilt_row_by_row():
    # pdftotext without -layout writes each column of a table as a block
    raw = (
        "2.2. Clasificación UNSPSC\nSegmento\n82000000\n82000000\n82000000\n\n"
        "Clase\n82121700\n82121500\n82121700\n\n"
        "Producto\n82121701\n82121503\n82121701\n\n"
        "Servicio\nFotocopiado carta\nImpresión digital\nFotocopiado oficio\n\n2.3. Tipo de contrato\n"
    )
    lines = read_plain(raw.encode(), "x.txt")
    assert lines[0].text == "2.2. Clasificación UNSPSC" and lines[0].cells is None
    assert lines[1].cells == ["Segmento", "Clase", "Producto", "Servicio"]
    assert lines[2].cells == ["82000000", "82121700", "82121701", "Fotocopiado carta"]
    assert lines[4].cells == ["82000000", "82121700", "82121701", "Fotocopiado oficio"]
    assert lines[5].text == "2.3. Tipo de contrato"


def test_short_paragraphs_separated_by_blank_lines_are_not_a_table():
    raw = "Primero\nuno\ndos\ntres\n\nSegundo\ncuatro\ncinco\nseis\n\nTercero\nsiete\nocho\nnueve\n"
    assert all(line.cells is None for line in read_plain(raw.encode(), "x.txt"))


def test_hard_wrapped_prose_is_joined_even_among_many_short_table_cells():
    prose = ("El Instituto cuenta con el Certificado de Disponibilidad Presupuestal No. 064 del 3 de febrero de "
             "2026, rubro 2.1.2.02.02.008 Servicios prestados a las empresas y servicios de producción, por valor "
             "de $34.800.000, que respalda el presente proceso de contratación en su totalidad sin excepción. ") * 4
    import textwrap

    wrapped = textwrap.wrap(prose, 110)
    cells = [f"${n}.000" for n in range(40)]
    lines = read_plain("\n".join(cells + wrapped).encode(), "x.txt")
    assert len(lines) == len(cells) + 1
    assert lines[-1].text.startswith("El Instituto") and lines[-1].text.endswith("sin excepción.")


def test_word_numbering_alone_on_its_line_goes_back_before_its_title():
    raw = "1.\n\nOBJETO\n\nAdquisición de computadores.\n2.\n\nPRESUPUESTO OFICIAL\n\nDiez millones de pesos.\n"
    texts = [line.text for line in read_plain(raw.encode(), "x.txt")]
    assert texts == ["1. OBJETO", "Adquisición de computadores.", "2. PRESUPUESTO OFICIAL", "Diez millones de pesos."]


def test_space_aligned_columns_follow_the_gaps_not_the_header_positions():
    raw = (
        "    Segmento            Familia                Clase              Producto                      Nombre del producto\n"
        "    42000000           42130000              42132200             42132203          Guantes de examen de nitrilo\n"
        "    46000000           46180000              46182000             46182001          Respiradores N95\n"
    )
    lines = read_plain(raw.encode(), "x.txt")
    assert lines[1].cells == ["42000000", "42130000", "42132200", "42132203", "Guantes de examen de nitrilo"]


def test_a_justified_line_cut_in_an_amount_in_words_is_joined():
    long = "Texto de relleno que llena la línea hasta el margen derecho del documento para medir el ancho. " * 2
    import textwrap

    prose = textwrap.wrap(long * 14, 100)
    raw = "\n".join(
        [*prose, "", "El presupuesto oficial del proceso es de CIENTO TREINTA Y DOS MILLONES CUATROCIENTOS", "OCHENTA MIL SEISCIENTOS PESOS M/CTE ($132.480.600), incluido el IVA.", "Santa Rosa del Cravo, marzo de 2026 y otras palabras más largas", "CONVOCATORIA A LAS VEEDURÍAS CIUDADANAS."]
    )
    texts = [line.text for line in read_plain(raw.encode(), "x.txt")]
    assert any(t.startswith("El presupuesto") and "CUATROCIENTOS OCHENTA MIL" in t for t in texts)
    assert "CONVOCATORIA A LAS VEEDURÍAS CIUDADANAS." in texts
