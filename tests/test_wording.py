from cps.wording import count


def test_one_is_singular_and_the_rest_plural():
    assert count(1, "bien", "bienes") == "1 bien"
    assert count(0, "bien", "bienes") == "0 bienes"
    assert count(12, "criterio", "criterios") == "12 criterios"
