"""Headings and labelled facts hidden in the shape of a line."""

from cps.documents.normalize import normalize_lines
from cps.documents.text import RawLine


def _texts(lines):
    return [(line.text, line.cells) for line in normalize_lines(lines)]


def test_a_run_in_heading_is_split_from_its_paragraph():
    lines = [RawLine("2.4. PLAZO DE EJECUCIÓN. Sesenta (60) días calendario contados a partir del acta de inicio.")]
    out = normalize_lines(lines)
    assert [line.text for line in out] == ["2.4. PLAZO DE EJECUCIÓN", "Sesenta (60) días calendario contados a partir del acta de inicio."]
    assert out[0].heading and not out[1].heading


def test_a_sentence_case_run_in_heading_that_names_a_usual_part_is_split():
    lines = [RawLine("3.3. Plazo de ejecución. Sesenta (60) días calendario contados a partir del acta de inicio.")]
    assert [line.text for line in normalize_lines(lines)] == [
        "3.3. Plazo de ejecución",
        "Sesenta (60) días calendario contados a partir del acta de inicio.",
    ]


def test_sentence_case_sentences_and_bare_headings_are_left_alone():
    for text in (
        "2.1. El plazo será de dos meses. Luego se liquidará el contrato.",  # a sentence with a verb
        "2.2. Colores institucionales. Azul y blanco en todas las prendas.",  # not a usual part
        "2.8. CRONOGRAMA.",  # nothing after the title
        "1. El proponente deberá presentar la oferta. Luego se verificará.",
        "3. $1.000.000. Valor del contrato",
    ):
        assert _texts([RawLine(text)]) == [(text, None)]


def test_a_numbered_heading_read_as_a_one_row_table_becomes_a_line():
    lines = [RawLine("Adquisición de computadores."), RawLine("1. OBJETO", cells=["1.", "OBJETO"]), RawLine("Texto.")]
    assert _texts(lines)[1] == ("1. OBJETO", None)


def test_an_item_row_inside_a_table_stays_a_row():
    rows = [
        RawLine("Ítem Descripción", cells=["Ítem", "Descripción"]),
        RawLine("1. SILLA", cells=["1.", "SILLA"]),
        RawLine("2. MESA", cells=["2.", "MESA"]),
    ]
    assert _texts(rows)[1] == ("1. SILLA", ["1.", "SILLA"])


def test_a_label_and_its_value_become_a_labelled_line():
    row = RawLine("x", cells=["Lugar de ejecución", "Municipio de Guachucal (Nariño), casco urbano."])
    assert _texts([row]) == [("Lugar de ejecución: Municipio de Guachucal (Nariño), casco urbano.", None)]


def test_code_rows_headers_and_list_markers_are_not_labels():
    for cells in (
        ["43211507", "Computadores de escritorio de escritorio"],
        ["Código", "Bien"],
        ["ii", "Realizar el montaje y desmontaje de tarimas y carpas"],
        ["Observaciones", "Hasta el 17"],
    ):
        assert _texts([RawLine(" ".join(cells), cells=cells)]) == [(" ".join(cells), cells)]


def test_a_paragraph_cut_by_a_page_break_is_joined_on_its_first_page():
    lines = [
        RawLine("La menor cuantía del municipio", page=1),
        RawLine("para 2026 es de 280 SMMLV.", page=2),
        RawLine("Termina la frase.", page=2),
        RawLine("Nueva página con mayúscula.", page=3),
    ]
    out = normalize_lines(lines)
    assert [(line.text, line.page) for line in out] == [
        ("La menor cuantía del municipio para 2026 es de 280 SMMLV.", 1),
        ("Termina la frase.", 2),
        ("Nueva página con mayúscula.", 3),
    ]
