"""Read a life-cycle-cost case (YAML file, text or mapping) into a :class:`~cps.lcc.model.Case`.

Every problem ends in :class:`~cps.errors.InputError` (exit code 2) with a Spanish message that
names the file, the line, the field (``alternatives[3].one_off[1].year``, positions counted from
1) and the alternative by its name.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

import yaml
from pydantic import ValidationError

from cps.errors import InputError
from cps.lcc.model import MAX_HORIZON_YEARS, Case
from cps.money import parse_amount

TOP_KEYS = ("name", "currency", "horizon_years", "discount_rate", "carbon_price", "alternatives")
ALTERNATIVE_KEYS = ("name", "acquisition", "annual", "one_off", "residual_value", "annual_emissions_tco2e")
ANNUAL_KEYS = ("concept", "amount", "escalation")
ONE_OFF_KEYS = ("year", "concept", "amount")

FIELD_LABELS = {
    "name": "nombre",
    "currency": "moneda",
    "horizon_years": "horizonte en años",
    "discount_rate": "tasa de descuento real",
    "carbon_price": "precio del carbono",
    "alternatives": "alternativas",
    "acquisition": "costo de adquisición",
    "annual": "costos anuales",
    "one_off": "costos únicos",
    "residual_value": "valor residual",
    "annual_emissions_tco2e": "emisiones anuales (tCO2e)",
    "concept": "concepto",
    "amount": "valor",
    "escalation": "escalamiento real anual",
    "year": "año",
}

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_PERCENT = re.compile(r"([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*%")

Path_ = tuple[str | int, ...]


def load_case(source: str | Path | Mapping[str, Any]) -> Case:
    """A case from a YAML file path or from an already-parsed mapping (web forms, API)."""
    if isinstance(source, Mapping):
        return _Reader(file=None, lines={}).case(source)
    path = Path(source)
    if not path.exists():
        raise InputError("el archivo no existe", file=path)
    if path.is_dir():
        raise InputError("se esperaba un archivo y es una carpeta", file=path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_case(text, file=path)


MONEY_FIELDS = {"amount", "acquisition", "residual_value", "carbon_price"}
THOUSANDS_DOTS = re.compile(r"-?\d{1,3}(?:\.\d{3})+")


def parse_case(text: str, *, file: str | Path | None = None) -> Case:
    """A case from YAML text; ``file`` names it in the messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(f"el archivo no es YAML válido ({problem})", file=file, line=line) from error
    lines: dict[Path_, int] = {}
    plain: dict[Path_, str] = {}
    if node is not None:
        _index_lines(node, (), lines, file, plain)
    if data is None:
        raise InputError("el archivo está vacío; use `cps lcc --template` para obtener uno de ejemplo", file=file)
    if not isinstance(data, Mapping):
        raise InputError("el caso debe ser un mapa de campos (name, horizon_years, discount_rate, alternatives…)",
                         file=file, line=1)
    return _Reader(file=file, lines=lines, plain=plain).case(data)


def _index_lines(
    node: yaml.Node, path: Path_, out: dict[Path_, int], file: str | Path | None, plain: dict[Path_, str] | None = None
) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if plain is not None and isinstance(node, yaml.ScalarNode) and node.style is None:
        plain[path] = str(node.value)  # as written, unquoted: «1.500» before YAML reads it as 1.5
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                field = _render_path((*path, key))
                raise InputError(f"el campo «{key}» está repetido", file=file, field=field,
                                 line=key_node.start_mark.line + 1)
            seen.add(key)
            out[(*path, key)] = key_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), out, file, plain)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), out, file, plain)


def _render_path(path: Path_) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


class _Reader:
    def __init__(self, *, file: str | Path | None, lines: dict[Path_, int], plain: dict[Path_, str] | None = None) -> None:
        self.file = file
        self.lines = lines
        self.plain = plain or {}
        self.alt_names: dict[int, str] = {}

    # ------------------------------------------------------------------ errors

    def fail(self, path: Path_, message: str) -> NoReturn:
        line = None
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                line = self.lines[path[:cut]]
                break
        if len(path) >= 2 and path[0] == "alternatives" and isinstance(path[1], int):
            name = self.alt_names.get(path[1])
            who = f"alternativa «{name}»" if name else f"alternativa n.º {path[1] + 1}"
            message = f"en la {who}, {message}"
        field = _render_path(path) if path else None
        raise InputError(message, file=self.file, field=field, line=line)

    def check_keys(self, data: Mapping[Any, Any], allowed: tuple[str, ...], path: Path_, what: str) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f" ¿Quiso decir «{close[0]}»?" if close else ""
                self.fail((*path, str(key)), f"campo desconocido «{key}» en {what}. Campos admitidos: "
                          f"{', '.join(allowed)}.{hint}")

    # ------------------------------------------------------------------ values

    def number(self, value: Any, path: Path_, *, percent: bool = False) -> Decimal:
        label = FIELD_LABELS.get(str(path[-1]), str(path[-1]))
        if value is None:
            self.fail(path, f"falta el valor de «{label}»")
        written = self.plain.get(path, "")
        if str(path[-1]) in MONEY_FIELDS and THOUSANDS_DOTS.fullmatch(written):
            # YAML reads «1.500» as 1,5: a Colombian writing thousands with dots would lose three zeros
            self.fail(
                path,
                f"«{label}» está escrito «{written}», que YAML lee como {str(value).replace('.', ',')}; "
                f"si son pesos, escríbalo sin puntos de miles ({written.replace('.', '')}), y si es un decimal, "
                "entre comillas.",
            )
        if isinstance(value, bool):
            self.fail(path, f"«{label}» debe ser un número y se encontró «{str(value).lower()}»")
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                self.fail(path, f"«{label}» debe ser un número finito")
            return Decimal(repr(value))
        if isinstance(value, Decimal):
            if not value.is_finite():
                self.fail(path, f"«{label}» debe ser un número finito")
            return value
        if isinstance(value, str):
            text = value.strip().replace("_", "")
            if _PLAIN_NUMBER.fullmatch(text):
                try:
                    return Decimal(text)
                except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
                    pass
            match = _PERCENT.fullmatch(text)
            if percent and match:
                return Decimal(match.group(1).replace(",", ".")) / 100
            hint = ""
            try:
                amount = parse_amount(text)
            except ValueError:
                amount = None
            if amount is not None:
                plain = format(amount.normalize(), "f")
                hint = f" Escríbalo sin puntos de miles ni signo $: {plain}."
            elif percent and "%" in text:
                hint = " Escriba la tasa como fracción (0.06 = 6 %) o como «6 %»."
            self.fail(path, f"«{label}» debe ser un número y se encontró el texto «{value}».{hint}")
        self.fail(path, f"«{label}» debe ser un número y se encontró {_kind(value)}")

    def integer(self, value: Any, path: Path_) -> int:
        label = FIELD_LABELS.get(str(path[-1]), str(path[-1]))
        number = self.number(value, path)
        if number != number.to_integral_value():
            self.fail(path, f"«{label}» debe ser un número entero de años y se encontró {value}")
        return int(number)

    def text(self, value: Any, path: Path_, *, required: bool) -> str:
        label = FIELD_LABELS.get(str(path[-1]), str(path[-1]))
        if value is None:
            if required:
                self.fail(path, f"falta «{label}»")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            self.fail(path, f"«{label}» debe ser un texto y se encontró {_kind(value)}")
        text = str(value).strip()
        if required and not text:
            self.fail(path, f"«{label}» no puede estar vacío")
        return text

    def sequence(self, value: Any, path: Path_) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            label = FIELD_LABELS.get(str(path[-1]), str(path[-1]))
            self.fail(path, f"«{label}» debe ser una lista (cada elemento en una línea que empieza con «-») "
                      f"y se encontró {_kind(value)}")
        return value

    def mapping(self, value: Any, path: Path_, what: str) -> Mapping[Any, Any]:
        if not isinstance(value, Mapping):
            self.fail(path, f"cada {what} debe ser un mapa de campos y se encontró {_kind(value)}")
        return value

    # ------------------------------------------------------------------ structure

    def case(self, data: Mapping[Any, Any]) -> Case:
        self.check_keys(data, TOP_KEYS, (), "el caso")
        for key in ("horizon_years", "discount_rate", "alternatives"):
            if key not in data:
                self.fail((key,), f"falta el campo obligatorio «{key}» ({FIELD_LABELS[key]})")
        clean: dict[str, Any] = {}
        clean["name"] = self.text(data.get("name"), ("name",), required=False)
        if data.get("currency") is not None:
            currency = self.text(data["currency"], ("currency",), required=True)
            if currency.upper() != "COP":
                self.fail(("currency",), f"solo se admiten pesos colombianos (COP) a precios constantes; "
                          f"se encontró «{currency}»")
        horizon = self.integer(data["horizon_years"], ("horizon_years",))
        if not 1 <= horizon <= MAX_HORIZON_YEARS:
            # checked here because the one-off years are checked against it below
            self.fail(("horizon_years",), f"el horizonte debe ser de al menos 1 año y no más de "
                      f"{MAX_HORIZON_YEARS} (se encontró {horizon})")
        clean["horizon_years"] = horizon
        clean["discount_rate"] = self.number(data["discount_rate"], ("discount_rate",), percent=True)
        if data.get("carbon_price") is not None:
            clean["carbon_price"] = self.number(data["carbon_price"], ("carbon_price",))
        alternatives = self.sequence(data["alternatives"], ("alternatives",))
        if not alternatives:
            self.fail(("alternatives",), "el caso necesita al menos una alternativa en «alternatives»")
        for i, raw in enumerate(alternatives):
            if isinstance(raw, Mapping) and isinstance(raw.get("name"), str | int | float) and str(raw["name"]).strip():
                self.alt_names[i] = str(raw["name"]).strip()
        clean["alternatives"] = [self.alternative(raw, i, horizon) for i, raw in enumerate(alternatives)]
        seen: dict[str, int] = {}
        for i, alt in enumerate(clean["alternatives"]):
            key = alt["name"].casefold()
            if key in seen:
                self.fail(("alternatives", i, "name"), f"el nombre ya lo usa la alternativa n.º {seen[key] + 1}; "
                          "cada alternativa necesita un nombre distinto")
            seen[key] = i
        return self.validate(clean)

    def alternative(self, raw: Any, i: int, horizon: int) -> dict[str, Any]:
        path: Path_ = ("alternatives", i)
        data = self.mapping(raw, path, "alternativa")
        self.check_keys(data, ALTERNATIVE_KEYS, path, "la alternativa")
        alt: dict[str, Any] = {"name": self.text(data.get("name"), (*path, "name"), required=True)}
        for key in ("acquisition", "residual_value", "annual_emissions_tco2e"):
            if data.get(key) is not None:
                alt[key] = self.number(data[key], (*path, key))
        annual = []
        for j, item in enumerate(self.sequence(data.get("annual"), (*path, "annual"))):
            where: Path_ = (*path, "annual", j)
            line = self.mapping(item, where, "costo anual")
            self.check_keys(line, ANNUAL_KEYS, where, "el costo anual")
            clean = {"concept": self.text(line.get("concept"), (*where, "concept"), required=False),
                     "amount": self.number(line.get("amount"), (*where, "amount"))}
            if line.get("escalation") is not None:
                clean["escalation"] = self.number(line["escalation"], (*where, "escalation"), percent=True)
            annual.append(clean)
        alt["annual"] = annual
        one_off = []
        for j, item in enumerate(self.sequence(data.get("one_off"), (*path, "one_off"))):
            where = (*path, "one_off", j)
            cost = self.mapping(item, where, "costo único")
            self.check_keys(cost, ONE_OFF_KEYS, where, "el costo único")
            year = self.integer(cost.get("year"), (*where, "year"))
            if not 0 <= year <= horizon:
                self.fail((*where, "year"), f"el año {year} está fuera del horizonte de {horizon} años "
                          f"(use un año de 0 a {horizon})")
            one_off.append({"year": year,
                            "concept": self.text(cost.get("concept"), (*where, "concept"), required=False),
                            "amount": self.number(cost.get("amount"), (*where, "amount"))})
        alt["one_off"] = one_off
        return alt

    def validate(self, clean: dict[str, Any]) -> Case:
        try:
            return Case.model_validate(clean)
        except ValidationError as error:
            first = error.errors()[0]
            path: Path_ = tuple(first["loc"])
            message = str(first["msg"]).removeprefix("Value error, ")
            generic = message.startswith("el valor")
            if generic and path and isinstance(path[-1], str) and path[-1] in FIELD_LABELS:
                message = f"«{FIELD_LABELS[path[-1]]}»: {message}"
            self.fail(path, message)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "un mapa de campos"
    if isinstance(value, list):
        return "una lista"
    if value is None:
        return "un valor vacío"
    return f"«{value}»"
