"""Colombian pesos: amounts in digits and in Spanish words, both ways, exact.

Colombian documents write amounts twice, "CUARENTA Y NUEVE MILLONES DIECISEIS MIL QUINIENTOS
VEINTE PESOS MONEDA CORRIENTE ($49.016.520.00)", and the two must agree. num2words gets the
Spanish forms wrong ("veintiuno mil", "un millón pesos"), so this module writes and reads them
itself:

* :func:`to_words` writes the RAE forms: "un millón de pesos", "veintiún mil pesos",
  "doscientos un pesos", "dieciséis", with optional upper case and "M/CTE";
* :func:`from_words` reads what documents actually contain: with or without accents, upper or
  lower case, "DIEZ Y SEIS", "UN MIL", "MILLON", feminine hundreds, "de pesos", "M/CTE",
  "moneda corriente", "con 50/100" or "con cincuenta centavos";
* :func:`parse_amount` reads digits in the local notations ("$49.016.520", "$49.016.520.00",
  "49.016.520,50", "$ 4,690,750", "1'200.000");
* :func:`format_cop` writes es-CO amounts ("$49.016.520").

Money is ``Decimal`` or ``int`` pesos; rounding is explicit (:func:`round_pesos`, half up).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from cps.textnorm import fold

MAX_AMOUNT = 10**15 - 1  # up to "novecientos noventa y nueve billones …"

# --------------------------------------------------------------------------- rounding and format


def round_pesos(value: Decimal | int | str) -> int:
    """Round to whole pesos, half up (0.5 → 1), as Colombian documents do."""
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def group_thousands(value: int) -> str:
    """``49016520`` → ``49.016.520`` (es-CO: dot for thousands)."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_cop(amount: Decimal | int, *, symbol: bool = True, decimals: int = 0) -> str:
    """es-CO currency: ``$49.016.520``; with ``decimals=2``: ``$49.016.520,00``."""
    value = Decimal(amount)
    quantum = Decimal(1).scaleb(-decimals)
    value = value.quantize(quantum, rounding=ROUND_HALF_UP)
    negative = value < 0
    integer = int(abs(value))
    text = group_thousands(integer)
    if decimals:
        frac = str(abs(value)).split(".")[1] if "." in str(value) else "0" * decimals
        text += "," + frac.ljust(decimals, "0")
    text = ("$" if symbol else "") + text
    return ("-" + text) if negative else text


def format_percent(share: Decimal | float, decimals: int = 2) -> str:
    """``0.0122`` → ``1,22 %``."""
    value = (Decimal(str(share)) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{value}".replace(".", ",") + " %"


# --------------------------------------------------------------------------- digits


_AMOUNT_RE = re.compile(r"-?\d[\d.,'’ ]*")


def parse_amount(text: str) -> Decimal:
    """Read an amount written in digits, in any of the notations Colombian documents use.

    Dots or commas may separate thousands; the decimal separator, when present, is the last
    separator followed by one or two digits (``49.016.520.00`` and ``49.016.520,00`` both give
    49016520.00). Raises ``ValueError`` when the text is not an amount.
    """
    raw = text.strip().strip("()").strip()
    raw = re.sub(r"^(?:COP|US\$|USD|\$)\s*", "", raw, flags=re.IGNORECASE)
    raw = re.sub(r"\s*(?:COP|M/?CTE\.?|pesos)$", "", raw, flags=re.IGNORECASE).strip()
    if not raw or not _AMOUNT_RE.fullmatch(raw):
        raise ValueError(f"no es un valor en cifras: {text!r}")
    negative = raw.startswith("-")
    body = raw.lstrip("-").replace(" ", "").replace("'", ".").replace("’", ".")
    separators = [(i, c) for i, c in enumerate(body) if c in ".,"]
    decimals = ""
    if separators:
        last_i, last_c = separators[-1]
        tail = body[last_i + 1 :]
        # the last separator is decimal when followed by 1-2 digits, or when it is the only
        # comma after dot groups ("49.016.520,5"); a 3-digit tail is a thousands group
        if len(tail) in (1, 2) or (len(tail) != 3 and last_c == "," and body.count(",") == 1):
            decimals = tail
            body = body[:last_i]
    integer = re.sub(r"[.,]", "", body)
    if not integer.isdigit():
        raise ValueError(f"no es un valor en cifras: {text!r}")
    # thousands groups must have 3 digits
    groups = re.split(r"[.,]", body)
    if len(groups) > 1 and (any(len(g) != 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3):
        raise ValueError(f"separadores de miles mal ubicados: {text!r}")
    try:
        value = Decimal(integer + ("." + decimals if decimals else ""))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"no es un valor en cifras: {text!r}") from exc
    return -value if negative else value


# --------------------------------------------------------------------------- number → words

_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
_TEENS = {
    10: "diez", 11: "once", 12: "doce", 13: "trece", 14: "catorce", 15: "quince",
    16: "dieciséis", 17: "diecisiete", 18: "dieciocho", 19: "diecinueve",
}
_TWENTIES = {
    20: "veinte", 21: "veintiuno", 22: "veintidós", 23: "veintitrés", 24: "veinticuatro",
    25: "veinticinco", 26: "veintiséis", 27: "veintisiete", 28: "veintiocho", 29: "veintinueve",
}
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_HUNDREDS = {
    1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
    6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos",
}


def _below_thousand(n: int, apocope: bool) -> str:
    """1..999 in words; ``apocope`` turns a final "uno" into "un" (before a noun)."""
    assert 0 < n < 1000
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append("cien" if hundreds == 1 and rest == 0 else _HUNDREDS[hundreds])
    if rest:
        if rest < 10:
            parts.append(_UNITS[rest])
        elif rest < 20:
            parts.append(_TEENS[rest])
        elif rest < 30:
            parts.append(_TWENTIES[rest])
        else:
            tens, unit = divmod(rest, 10)
            parts.append(_TENS[tens] + (f" y {_UNITS[unit]}" if unit else ""))
    text = " ".join(parts)
    if apocope:
        if text.endswith("veintiuno"):
            text = text[: -len("veintiuno")] + "veintiún"
        elif text == "uno" or text.endswith(" uno"):
            text = text[:-3] + "un"
    return text


def _below_million(n: int, apocope: bool) -> str:
    """0 < n < 10**6."""
    thousands, rest = divmod(n, 1000)
    parts: list[str] = []
    if thousands:
        parts.append("mil" if thousands == 1 else f"{_below_thousand(thousands, apocope=True)} mil")
    if rest:
        parts.append(_below_thousand(rest, apocope))
    return " ".join(parts)


def _integer_words(n: int, apocope: bool) -> str:
    if n == 0:
        return "cero"
    parts: list[str] = []
    billions, rest = divmod(n, 10**12)
    millions, units = divmod(rest, 10**6)
    if billions:
        parts.append("un billón" if billions == 1 else f"{_below_million(billions, True)} billones")
    if millions:
        parts.append("un millón" if millions == 1 else f"{_below_million(millions, True)} millones")
    if units:
        parts.append(_below_million(units, apocope))
    return " ".join(parts)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def to_words(
    amount: int | Decimal,
    *,
    currency: bool = True,
    upper: bool = False,
    accents: bool = True,
    mcte: bool = False,
) -> str:
    """Spanish words for ``amount``.

    ``to_words(49016520)`` → "cuarenta y nueve millones dieciséis mil quinientos veinte pesos";
    ``to_words(1000000)`` → "un millón de pesos"; ``to_words(21000)`` → "veintiún mil pesos";
    ``to_words(21, currency=False)`` → "veintiuno". Cents are written "con N centavos".
    ``mcte`` appends "M/CTE"; ``upper`` and ``accents=False`` give the style of many invitations.
    """
    value = Decimal(amount)
    if value < 0:
        raise ValueError("los valores negativos no se escriben en letras")
    if value > MAX_AMOUNT:
        raise ValueError(f"valor fuera de rango: {amount}")
    cents = int((value - int(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    integer = int(value)
    if cents == 100:  # 0.995 rounds up into the next peso
        integer, cents = integer + 1, 0
    text = _integer_words(integer, apocope=currency)
    if currency:
        if integer == 1:
            text += " peso"
        elif integer and integer % 10**6 == 0:
            text += " de pesos"
        else:
            text += " pesos"
        if cents:
            text += f" con {_integer_words(cents, apocope=True)} {'centavo' if cents == 1 else 'centavos'}"
        if mcte:
            text += " M/CTE"
    elif cents:
        text += f" con {cents:02d}/100"
    if not accents:
        text = _strip_accents(text)
    return text.upper() if upper else text


# --------------------------------------------------------------------------- words → number

_WORD_VALUES: dict[str, tuple[int, str]] = {}


def _register() -> None:
    for i, w in enumerate(_UNITS):
        _WORD_VALUES[_strip_accents(w)] = (i, "unit")
    _WORD_VALUES["un"] = (1, "unit")
    _WORD_VALUES["una"] = (1, "unit")
    for n, w in _TEENS.items():
        _WORD_VALUES[_strip_accents(w)] = (n, "ten" if n == 10 else "teen")
    for n, w in _TWENTIES.items():
        _WORD_VALUES[_strip_accents(w)] = (n, "ten" if n == 20 else "teen")
    _WORD_VALUES["veintiun"] = (21, "teen")
    _WORD_VALUES["veintiuna"] = (21, "teen")
    _WORD_VALUES["veinti"] = (20, "ten")
    for n, w in _TENS.items():
        _WORD_VALUES[w] = (n * 10, "ten")
    _WORD_VALUES["cien"] = (100, "hundred")
    _WORD_VALUES["ciento"] = (100, "hundred")
    for n, w in _HUNDREDS.items():
        if n > 1:
            _WORD_VALUES[w] = (n * 100, "hundred")
            _WORD_VALUES[w[:-2] + "as"] = (n * 100, "hundred")  # doscientas …


_register()
_SCALES = {"mil": 10**3, "millon": 10**6, "millones": 10**6, "billon": 10**12, "billones": 10**12}
_CURRENCY_NOISE = {"pesos", "peso", "moneda", "corriente", "legal", "colombiana", "colombianos", "mcte", "cte", "m", "ml", "cop"}
NUMBER_WORDS = frozenset(_WORD_VALUES) | frozenset(_SCALES)


def _normalise(text: str) -> list[str]:
    t = _strip_accents(text).lower()
    t = re.sub(r"m\s*/\s*cte\.?|m\s*/\s*l\.?", " mcte ", t)
    t = re.sub(r"[^a-z0-9/ ]+", " ", t)
    return t.split()


class WordsError(ValueError):
    """The text is not an amount in Spanish words."""


def _small_value(tokens: list[str], text: str) -> int:
    """Value of a run of words below one thousand ("doscientos treinta y uno")."""
    total = 0
    last: str | None = None
    previous = ""
    for tok in tokens:
        if previous == "cien":
            raise WordsError(f"«cien» no admite más cifras en {text!r} (se escribe «ciento»)")
        previous = tok
        if tok == "y":
            if last != "ten":
                raise WordsError(f"«y» fuera de lugar en {text!r}")
            last = "y"
            continue
        value, kind = _WORD_VALUES[tok]
        allowed = {
            None: {"unit", "teen", "ten", "hundred"},
            "hundred": {"unit", "teen", "ten"},
            "ten": {"unit"},
            "y": {"unit"},
            "teen": set(),
            "unit": set(),
        }[last]
        if kind not in allowed:
            raise WordsError(f"combinación de números no válida en {text!r}: «{tok}»")
        if kind == "unit" and value == 0 and (last is not None or len(tokens) > 1):
            raise WordsError(f"«cero» fuera de lugar en {text!r}")
        total += value
        last = kind
    if last == "y":
        raise WordsError(f"número incompleto en {text!r}")
    return total


def from_words(text: str) -> Decimal:
    """Read an amount in Spanish words (see the module docstring for the forms accepted)."""
    tokens = _normalise(text)
    cents = Decimal(0)
    # cents: "con 50/100", "con cincuenta centavos"
    if "con" in tokens:
        i = tokens.index("con")
        tail = [t for t in tokens[i + 1 :] if t not in _CURRENCY_NOISE]
        tokens = tokens[:i]
        if len(tail) == 1 and re.fullmatch(r"\d{1,2}/100", tail[0]):
            cents = Decimal(tail[0].split("/")[0]) / 100
        elif tail and tail[-1] in ("centavos", "centavo"):
            cents = Decimal(_integer_from_tokens(tail[:-1], text)) / 100
            if cents >= 1:
                raise WordsError(f"centavos fuera de rango en {text!r}")
        else:
            raise WordsError(f"centavos no reconocidos en {text!r}")
    # "de" only between a scale word and "pesos": "un millón de pesos"
    cleaned = [t for t in tokens if t not in _CURRENCY_NOISE]
    while cleaned and cleaned[-1] == "de":
        cleaned.pop()
    return Decimal(_integer_from_tokens(cleaned, text)) + cents


def _integer_from_tokens(tokens: list[str], text: str) -> int:
    if not tokens:
        raise WordsError(f"no hay un número en letras en {text!r}")
    for tok in tokens:
        if tok not in NUMBER_WORDS and tok != "y":
            raise WordsError(f"palabra no numérica «{tok}» en {text!r}")
    total = 0  # billions and millions already closed
    group = 0  # thousands part below a million scale
    run: list[str] = []
    last_scale: int | None = None
    seen_scales: list[int] = []
    for tok in tokens:
        if tok in _SCALES:
            scale = _SCALES[tok]
            small = _small_value(run, text) if run else None
            if small == 0:
                raise WordsError(f"«cero» delante de «{tok}» en {text!r}")
            if scale == 10**3:
                if last_scale == 10**3:
                    raise WordsError(f"«mil» repetido en {text!r}")
                group += (small if small is not None else 1) * 1000
            else:
                plural = tok.endswith("es")
                amount = group + (small if small is not None else 0)
                if amount == 0:
                    raise WordsError(f"«{tok}» sin cantidad en {text!r}")
                if plural != (amount > 1):
                    # "un millones" or "dos millón": tolerated in documents only with "un mil millones"
                    if not (plural and amount >= 1000):
                        raise WordsError(f"número y plural no concuerdan en {text!r}")
                if any(s <= scale for s in seen_scales):
                    raise WordsError(f"escalas fuera de orden en {text!r}")
                seen_scales.append(scale)
                if scale == 10**12:
                    total = (total + amount) * 10**12
                else:
                    total += amount * scale
                group = 0
            run = []
            last_scale = scale
        else:
            run.append(tok)
            last_scale = None if tok != "y" else last_scale
    if run:
        small = _small_value(run, text)
        if small == 0 and (total or group):
            raise WordsError(f"«cero» fuera de lugar en {text!r}")
        group += small
    return total + group


# --------------------------------------------------------------------------- finding amounts in text


@dataclass(frozen=True)
class WordsAmount:
    start: int
    end: int
    text: str
    value: Decimal


_TOKEN_RE = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")


def find_words_amounts(text: str) -> list[WordsAmount]:
    """Maximal runs of Spanish number words in ``text`` that read as a number.

    Runs may include "y" and end with "de pesos", "pesos", "moneda corriente" or "M/CTE"; single
    short words that are ordinary Spanish ("un", "una", "mil" alone) are ignored.
    """
    found: list[WordsAmount] = []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN_RE.finditer(text)]
    i = 0
    while i < len(tokens):
        if tokens[i][2] not in NUMBER_WORDS or tokens[i][2] == "y":
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1][2]
            gap = text[tokens[j][1] : tokens[j + 1][0]]
            if gap.strip() not in ("", "-"):
                break
            if nxt in NUMBER_WORDS or (nxt == "y" and j + 2 < len(tokens) and tokens[j + 2][2] in NUMBER_WORDS):
                j += 1
            else:
                break
        words = [t[2] for t in tokens[i : j + 1]]
        if not (len(words) == 1 and words[0] in {"un", "una", "uno", "mil", "cien", "ciento", "millon", "millones"}):
            try:
                value = Decimal(_integer_from_tokens(words, text[tokens[i][0] : tokens[j][1]]))
            except WordsError:
                value = None
            if value is not None:
                found.append(WordsAmount(tokens[i][0], tokens[j][1], text[tokens[i][0] : tokens[j][1]], value))
        i = j + 1
    return found
