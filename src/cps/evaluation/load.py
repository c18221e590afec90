"""Read an evaluation case (YAML file or mapping) into a :class:`Case`, or fail in Spanish.

Every problem ends in :class:`cps.errors.InputError` naming the file, the offer and the field,
so the command exits with code 2 and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from cps.errors import InputError
from cps.evaluation import texts
from cps.evaluation.identity import person_key
from cps.evaluation.model import Case, Offer
from cps.evaluation.rules import flag_rules
from cps.law import params

_INT_TAG = "tag:yaml.org,2002:int"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml when available) with a fast path for plain decimal integers.

    Large cases are mostly prices: ``resolve`` and ``construct_yaml_int`` of PyYAML spend most
    of the time on them. Plain ASCII digits without a leading zero are integers in YAML 1.1
    anyway; anything else goes through the standard resolver.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if (kind is yaml.ScalarNode and implicit[0] and value.isascii() and value.isdigit()
                and (value[0] != "0" or value == "0")):
            return _INT_TAG
        return super().resolve(kind, value, implicit)

    def construct_fast_int(self, node: Any) -> Any:
        value = node.value
        if value.isascii() and value.isdigit():
            return int(value)
        return self.construct_yaml_int(node)


    def construct_lenient_timestamp(self, node: Any) -> Any:
        """A date that does not exist (``2026-02-30``) stays text, so the case model reports it with
        its offer and field instead of PyYAML failing without a line."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_Loader.add_constructor(_INT_TAG, _Loader.construct_fast_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_lenient_timestamp)


def _parse(text: str) -> Any:
    """JSON when the file is a JSON object (much faster for large cases), YAML otherwise."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass  # YAML flow mapping, or broken: YAML reports it with its line
    return yaml.load(text, Loader=_Loader)  # _Loader is a safe loader

_TYPE_MESSAGES = {
    "missing": "falta este campo obligatorio",
    "extra_forbidden": "campo desconocido (revise la ortografía; los campos admitidos están en docs/evaluation-format.md)",
    "string_type": "se esperaba un texto",
    "bool_type": "se esperaba sí/no (true o false)",
    "bool_parsing": "se esperaba sí/no (true o false)",
    "int_type": "se esperaba un número entero",
    "int_parsing": "se esperaba un número entero",
    "int_from_float": "se esperaba un número entero",
    "decimal_type": "se esperaba un número",
    "decimal_parsing": "se esperaba un número",
    "list_type": "se esperaba una lista",
    "dict_type": "se esperaba un conjunto de campos (clave: valor)",
    "model_type": "se esperaba un conjunto de campos (clave: valor)",
    "date_type": "se esperaba una fecha (AAAA-MM-DD)",
    "date_parsing": "fecha no válida: use AAAA-MM-DD",
    "date_from_datetime_parsing": "fecha no válida: use AAAA-MM-DD",
    "datetime_type": "se esperaba una fecha y hora ISO 8601",
    "datetime_parsing": "fecha y hora no válida: use AAAA-MM-DDTHH:MM:SS-05:00",
    "datetime_from_date_parsing": "fecha y hora no válida: use AAAA-MM-DDTHH:MM:SS-05:00",
    "too_short": "no puede estar vacío",
    "string_too_short": "no puede estar vacío",
    "string_pattern_mismatch": "valor no válido",
    "literal_error": "valor no admitido",
}


def load_case(source: str | Path | Mapping[str, Any]) -> Case:
    """Load and validate a case from a YAML path or an already-parsed mapping."""
    file: str | None
    if isinstance(source, Mapping):
        raw: Any = dict(source)
        file = None
    else:
        path = Path(source)
        file = str(source)
        if not path.exists():
            raise InputError("el archivo no existe", file=file)
        if path.is_dir():
            raise InputError("se esperaba un archivo y es una carpeta", file=file)
        try:
            raw = _parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise InputError("el archivo no está en UTF-8", file=file) from None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            line = mark.line + 1 if mark is not None else None
            raise InputError(f"YAML no válido: {error.problem}", file=file, line=line) from None
        except yaml.YAMLError as error:
            raise InputError(f"YAML no válido: {error}", file=file) from None
    if not isinstance(raw, dict):
        raise InputError("el caso debe ser un conjunto de campos con «process» y «offers»", file=file)
    try:
        case = Case.model_validate(raw)
    except ValidationError as error:
        raise _translate(error, raw, file) from None
    check_case(case, file=file)
    return case


# --------------------------------------------------------------------------- pydantic errors


def _offer_label(raw: dict[str, Any], index: int) -> str:
    offers = raw.get("offers")
    if isinstance(offers, list) and index < len(offers) and isinstance(offers[index], dict):
        oid = offers[index].get("id")
        if oid is not None:
            return f"oferta «{oid}»"
    return f"oferta n.º {index + 1}"


def _field(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("[key]",):
            out += " (clave)"
        else:
            # pydantic adds the member of a union ("str", "FlagEntry", "function-before[…]") to loc
            if part[:1].isupper() or part.startswith(("function-", "str", "decimal", "constrained")):
                continue
            out += ("." if out else "") + part
    return out


def _message(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "mayor que", "greater_than_equal": "mayor o igual a",
                 "less_than": "menor que", "less_than_equal": "menor o igual a"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"el valor {err.get('input')!r} debe ser {bound} {limit}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " o ")
        return f"valor no admitido {err.get('input')!r}; valores posibles: {expected}"
    if kind == "extra_forbidden":
        return _TYPE_MESSAGES[kind]
    text = _TYPE_MESSAGES.get(kind)
    if text is None:
        return f"valor no válido ({err['msg']})"
    if "input" in err and kind != "missing":
        return f"{text} (valor recibido: {err['input']!r})"
    return text


def _translate(error: ValidationError, raw: dict[str, Any], file: str | None) -> InputError:
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for err in error.errors():
        loc = tuple(err["loc"])
        field = _field(loc)
        who = _offer_label(raw, loc[1]) if len(loc) > 1 and loc[0] == "offers" and isinstance(loc[1], int) else ""
        text = _message(err)
        key = f"{field}|{text}"
        if key in seen:
            continue
        seen.add(key)
        problems.append((field, f"{who}: {text}" if who else text))
    # unions report one error per member; keep the first per field
    first_field, first_text = problems[0]
    rest = [f"«{f}»: {t}" for f, t in problems[1:] if f != first_field][:9]
    message = first_text + ("" if not rest else " — además: " + "; ".join(rest))
    return InputError(message, file=file, field=first_field or None)


# --------------------------------------------------------------------------- semantic checks


def _fail(message: str, *, file: str | None, field: str) -> InputError:
    return InputError(message, file=file, field=field)


def check_case(case: Case, *, file: str | None = None) -> None:
    """Checks that need more than one field. Raises :class:`InputError`."""
    process = case.process
    seen_items: set[str] = set()
    for i, item in enumerate(process.items):
        if item.id in seen_items:
            raise _fail(f"el ítem «{item.id}» está repetido", file=file, field=f"process.items[{i}].id")
        seen_items.add(item.id)
    seen_offers: set[str] = set()
    for index, offer in enumerate(case.offers):
        where = f"offers[{index}]"
        if offer.id in seen_offers:
            raise _fail(f"el identificador de oferta «{offer.id}» está repetido", file=file, field=f"{where}.id")
        seen_offers.add(offer.id)
        _check_offer(case, offer, where, file)


def _check_offer(case: Case, offer: Offer, where: str, file: str | None) -> None:
    who = f"oferta «{offer.id}»"
    items = case.item_index()
    if offer.unit_prices is None and offer.items is None:
        raise _fail(f"{who}: faltan los precios unitarios (unit_prices, o items con unit_price)", file=file,
                    field=f"{where}.unit_prices")
    if offer.unit_prices is not None and offer.items is not None:
        raise _fail(f"{who}: use unit_prices o items, no ambos", file=file, field=f"{where}.items")
    for item_id, price in (offer.unit_prices or {}).items():
        if item_id not in items:
            raise _fail(
                f"{who}: precio unitario para el ítem «{item_id}», que no existe en process.items "
                f"(ítems: {', '.join(items)})", file=file, field=f"{where}.unit_prices.{item_id}")
        if price is not None and price < 0:
            raise _fail(f"{who}: precio unitario negativo para el ítem «{item_id}»", file=file,
                        field=f"{where}.unit_prices.{item_id}")
    offered_ids: set[str] = set()
    for j, offered in enumerate(offer.items or []):
        if offered.id in offered_ids:
            raise _fail(f"{who}: el ítem «{offered.id}» aparece dos veces", file=file, field=f"{where}.items[{j}].id")
        offered_ids.add(offered.id)
        if offered.unit_price is not None and offered.unit_price < 0:
            raise _fail(f"{who}: precio unitario negativo para el ítem «{offered.id}»", file=file,
                        field=f"{where}.items[{j}].unit_price")
    bidder = offer.bidder
    if bidder.plural:
        if len(bidder.members) < 2:
            raise _fail(f"{who}: un proponente plural ({bidder.kind}) debe relacionar al menos dos integrantes",
                        file=file, field=f"{where}.bidder.members")
        total = sum((m.participation for m in bidder.members), Decimal(0))
        if total != 1:
            shares = " + ".join(texts.share(m.participation) for m in bidder.members)
            raise _fail(
                f"{who}: los porcentajes de participación de los integrantes suman {texts.share(total)} "
                f"({shares}); deben sumar 100 % (invitación §3.1.1.3 E)",
                file=file, field=f"{where}.bidder.members[].participation")
        keys: dict[str, int] = {}
        for k, m in enumerate(bidder.members):
            key = person_key(m.nit)
            if key in keys:
                raise _fail(f"{who}: el integrante con NIT {m.nit} está repetido", file=file,
                            field=f"{where}.bidder.members[{k}].nit")
            keys[key] = k
        _check_plural_payroll(offer, where, file)
    elif bidder.members:
        raise _fail(f"{who}: solo los consorcios y uniones temporales tienen integrantes (bidder.kind = {bidder.kind})",
                    file=file, field=f"{where}.bidder.members")
    member_keys = {person_key(m.nit) for m in bidder.members}
    requirement = case.process.experience
    for j, entry in enumerate(offer.experience):
        field = f"{where}.experience[{j}]"
        if entry.currency.upper() != "COP" and entry.rate is None:
            raise _fail(f"{who}: contrato en {entry.currency.upper()} sin tasa de conversión (rate: pesos por unidad "
                        "a la fecha de terminación, invitación §3.2.1 regla 4)", file=file, field=f"{field}.rate")
        if bidder.plural:
            if entry.member is None:
                raise _fail(f"{who}: proponente plural: indique qué integrante aporta el contrato (NIT en member; "
                            "invitación §3.2.2)", file=file, field=f"{field}.member")
            if person_key(entry.member) not in member_keys:
                raise _fail(f"{who}: el NIT {entry.member} no es de ningún integrante del proponente plural",
                            file=file, field=f"{field}.member")
        elif entry.member is not None:
            raise _fail(f"{who}: «member» solo se usa en ofertas de consorcios o uniones temporales", file=file,
                        field=f"{field}.member")
        if requirement and requirement.min_total_smmlv is not None:
            try:
                params.smmlv(entry.end.year)
            except params.MissingParameter as error:
                raise _fail(f"{who}: {error} No se puede convertir el contrato a SMMLV.", file=file,
                            field=f"{field}.end") from None
    known = flag_rules()
    for j, flag in enumerate(offer.flag_entries()):
        if flag.code not in known:
            raise _fail(f"{who}: causal «{flag.code}» desconocida; admitidas: {', '.join(sorted(known))}",
                        file=file, field=f"{where}.flags[{j}]")


def _check_plural_payroll(offer: Offer, where: str, file: str | None) -> None:
    """Plural bidders' payroll shares (factors 4 and 5) are sums of head counts, not of percentages."""
    for pct_key, count_key in (("older_workers_pct", "older_workers"), ("ethnic_payroll_pct", "ethnic_workers")):
        members = offer.bidder.members
        has_pct = any(m.tie_break is not None and getattr(m.tie_break, pct_key) is not None for m in members)
        has_counts = all(
            m.tie_break is not None and m.tie_break.payroll_total is not None
            and getattr(m.tie_break, count_key) is not None for m in members
        )
        if has_pct and not has_counts and getattr(offer.tie_break, pct_key) is None:
            raise _fail(
                f"oferta «{offer.id}»: en un proponente plural la proporción se calcula con la sumatoria de las "
                f"nóminas de los integrantes: indique payroll_total y {count_key} de cada integrante, o "
                f"{pct_key} del proponente plural (art. 2.2.1.2.4.2.17 num. 4 y 5)",
                file=file, field=f"{where}.bidder.members[].tie_break.{pct_key}")
