"""Property tests: no generated input crashes the readers; they return a document or refuse the
file with an InputError (exit code 2), never another exception."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cps.documents.readers import read_document
from cps.documents.review import review_document
from cps.errors import InputError
from tests.conftest import FIXTURES

SEED_DOCX = (FIXTURES / "seed" / "seed.docx").read_bytes()
SEED_PDF = (FIXTURES / "seed" / "seed.pdf").read_bytes()[:60_000]
COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError as error:
        assert name in str(error)
        return
    review_document(doc)  # whatever was read must also review without crashing


@COMMON
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_random_bytes(tmp_path, data, suffix):
    _read(tmp_path, "random" + suffix, data)


@COMMON
@given(text=st.text(max_size=3000))
def test_random_text(tmp_path, text):
    _read(tmp_path, "random.txt", text.encode("utf-8", "surrogatepass") if text else b"x")


WORDS = st.sampled_from(
    ["PRESUPUESTO", "OFICIAL", "$49.016.520", "CUARENTA", "Y", "NUEVE", "MILLONES", "1.7.", "CAPÍTULO", "II", "NIT",
     "899999331-2", "Anexo", "N°", "2", "15121504", "4000000", "\t", "\n", "Página", "1", "de", "3", "garantía",
     "seriedad", "no", "aplica", "(30%)", "treinta", "por", "ciento", "sorteo", "puntos", "obra", "RUP", "\f"]
)


@COMMON
@given(tokens=st.lists(WORDS, max_size=400))
def test_invitation_like_text(tmp_path, tokens):
    _read(tmp_path, "like.txt", " ".join(tokens).encode("utf-8") or b"x")


def _mutate(data: bytes, positions: list[int], values: list[int], cut: int | None) -> bytes:
    out = bytearray(data)
    for p, v in zip(positions, values, strict=False):
        out[p % len(out)] = v
    return bytes(out[:cut]) if cut else bytes(out)


@COMMON
@given(
    positions=st.lists(st.integers(min_value=0), max_size=20),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=20),
    cut=st.one_of(st.none(), st.integers(min_value=1, max_value=len(SEED_DOCX))),
)
def test_corrupted_word(tmp_path, positions, values, cut):
    _read(tmp_path, "corrupt.docx", _mutate(SEED_DOCX, positions, values, cut))


@COMMON
@given(
    positions=st.lists(st.integers(min_value=0), max_size=20),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=20),
    cut=st.one_of(st.none(), st.integers(min_value=1, max_value=len(SEED_PDF))),
)
def test_corrupted_pdf(tmp_path, positions, values, cut):
    with contextlib.suppress(InputError):
        _read(tmp_path, "corrupt.pdf", _mutate(SEED_PDF, positions, values, cut))
