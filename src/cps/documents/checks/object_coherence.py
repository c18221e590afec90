"""Object coherence: words of another contract type, activities that do not belong to the object,
goods named in the object that no UNSPSC row classifies."""

from __future__ import annotations

import re

from cps.documents.checks.base import Context, Rule, make
from cps.documents.extract.guarantees import guarantee_key
from cps.documents.findings import Finding
from cps.documents.record import ProcessRecord
from cps.documents.search import search
from cps.documents.text import fold, folded_index
from cps.law import unspsc

FAMILY = "coherencia del objeto"
GOODS = {"suministro", "compraventa"}

CONTRACT_TYPE = Rule(
    "OBJECT_CONTRACT_TYPE", FAMILY, "warning",
    "Palabras de otro tipo de contrato",
    "El texto usa términos de otro tipo de contrato (obra, consultoría, interventoría, servicio) en un "
    "proceso cuyo objeto es distinto; suele ser un resto copiado de otro proceso. Es un error cuando esa "
    "palabra define un requisito (una garantía, un documento exigido).",
    "Decreto 1082 de 2015 art. 2.2.1.1.2.1.1 num. 2 (objeto a contratar y contrato a celebrar); arts. 2.2.1.2.3.1.7 y ss. (amparos según el tipo de contrato)",
)
FOREIGN_ACTIVITY = Rule(
    "OBJECT_FOREIGN_ACTIVITY", FAMILY, "warning",
    "Actividad que no corresponde al objeto",
    "Un requisito menciona actividades que no tienen relación con el objeto ni con los bienes "
    "clasificados; suele ser texto copiado de otro proceso.",
    "Decreto 1082 de 2015 art. 2.2.1.1.1.6.2 (requisitos adecuados y proporcionales al objeto)",
)
UNCLASSIFIED = Rule(
    "OBJECT_GOODS_UNCLASSIFIED", FAMILY, "warning",
    "Bienes del objeto sin código UNSPSC",
    "El objeto nombra bienes que ninguna fila del Clasificador de Bienes y Servicios cubre; el objeto "
    "debe identificarse en el Clasificador.",
    "Decreto 1082 de 2015 art. 2.2.1.2.1.5.1 num. 2 (objeto identificado con el Clasificador de Bienes y Servicios; texto literal sin confirmar)",
)
SERVICE_CODE = Rule(
    "UNSPSC_SERVICE_IN_SUPPLY", FAMILY, "warning",
    "Código de servicios en un suministro de bienes",
    "La tabla clasifica con un segmento de servicios (70 a 94) un proceso cuyo objeto es suministrar bienes.",
    unspsc.RULE,
)

# words of a contract type: (label, the type they belong to, pattern)
OTHER_TYPE = [
    ("obra", "obra", r"\bla\s+obra\s+(?:objeto|a\s+contratar|contratad[ao])|\bentregar\s+la\s+obra\b|\bobjeto\s+de\s+la\s+obra|\bla\s+presente\s+obra|\bejecuci[oó]n\s+de\s+la\s+obra|\brecibo\s+a\s+satisfacci[oó]n\s+de\s+la\s+obra"),
    ("obra", "obra", r"\bcontratos?\s+de\s+obras?(?:\s+p[uú]blicas?)?\b|\bacta\s+de\s+recibo\s+(?:final\s+|definitivo\s+)?de\s+(?:la\s+)?obra\b|\b(?:personal|trabajadores)\s+que\s+labore?n?\s+en\s+la\s+obra\b"
     r"|\b(?:bit[aá]cora|libro|diario)\s+de\s+(?:la\s+)?obra\b"),
    ("obra", "obra", r"\bobras?\s+(?:civiles\s+)?de\s+(?:mantenimiento|adecuaci[oó]n|construcci[oó]n|mejoramiento|rehabilitaci[oó]n|reparaci[oó]n)\b"),
    ("consultoría", "consultoria", r"\bla\s+consultor[ií]a\s+(?:objeto|a\s+contratar)|\bel\s+consultor\b|\bcontrato\s+de\s+consultor[ií]a\b|\b(?:productos|informe\s+final)\s+de\s+la\s+consultor[ií]a\b"),
    ("interventoría", "interventoria", r"\bla\s+interventor[ií]a\s+(?:objeto|a\s+contratar|del\s+(?:presente\s+)?contrato)|\bel\s+interventor\s+del\s+contrato|\bcontrato\s+de\s+interventor[ií]a\b"),
    # the interventor reports on the works; the builder does not write interventoría reports
    ("informes de interventoría", "informe_interventoria", r"\b(?:presentar|entregar|elaborar)\s+(?:los\s+)?informes?\s+(?:mensuales\s+|semanales\s+)?de\s+interventor[ií]a\b"),
    ("prestación de servicios", "prestacion_de_servicios", r"\bcontrato\s+de\s+prestaci[oó]n\s+de\s+servicios\b"),
    ("suministro de bienes", "suministro", r"\bcontratos?\s+de\s+(?:suministro|compraventa)\b|\bentregar\s+los\s+bienes\s+en\s+el\s+almac[eé]n\b"),
]
TYPE_NAMES = {
    "informe_interventoria": "una interventoría",
    "suministro": "un suministro de bienes",
    "compraventa": "una compraventa de bienes",
    "prestacion_de_servicios": "una prestación de servicios",
    "obra": "un contrato de obra",
    "consultoria": "una consultoría",
    "interventoria": "una interventoría",
    "arrendamiento": "un arrendamiento",
}
# words that make the sentence a requirement: the other type then changes what is asked
REQUIREMENT_CONTEXT = re.compile(
    r"exig|requisit|acredit|experiencia|certificaci[oó]n(?:es)?\s+de\s+(?:experiencia|contratos?|cumplimiento)|so\s+pena|causal|habilitante|amparo|p[oó]liza"
    r"|garant[ií]a\s+(?:[uú]nica|de\s+(?:cumplimiento|seriedad|calidad|estabilidad|buen\s+manejo|pago))"
)


def _foreign_type(own: str, other: str, obj: str) -> bool:
    """Whether words of contract type ``other`` are foreign to a contract of type ``own``."""
    if own == other or (own in GOODS and other in GOODS):
        return False
    if other == "suministro":  # experience in supply contracts asked for a service, a consultancy, works…
        return own in ("prestacion_de_servicios", "consultoria", "interventoria", "obra")
    if other == "obra" and own == "prestacion_de_servicios" and re.search(r"mantenimiento|adecuaci|reparaci", obj):
        return False  # building maintenance bought as a service is close enough to works
    if other == "obra":
        return own in GOODS or own == "prestacion_de_servicios"  # (construction materials: see _contract_type)
    if other == "informe_interventoria":
        return own != "interventoria"
    # a consultant or an auditor (interventor) is natural around works; foreign to buying goods and
    # to a service, which is another type of contract (Ley 80 de 1993 art. 32 num. 2 y 3)
    return own in GOODS or own == "prestacion_de_servicios"


# activity families: pattern → UNSPSC segments where they belong
ACTIVITIES: dict[str, tuple[str, tuple[str, ...]]] = {  # pattern → UNSPSC prefixes where they belong
    "alimentación": (r"\balimentaci[oó]n\b(?!\s+(?:autom|electric|de\s+(?:papel|hojas|documentos|energia)))|\blos\s+alimentos\s+(?:deber|se\s+entregar|ser[aá]n)|\brefrigerios?\b|\bcatering\b|\balmuerzos?\b", ("50", "90")),
    "logística": (r"\blog[ií]stic[ao]s?\b|\bproducci[oó]n\s+de\s+eventos\b", ("78", "80", "90")),
    "vigilancia": (r"\bvigilancia\s+(?:y\s+seguridad\s+)?privada\b|\bseguridad\s+privada\b", ("92",)),
    "aseo y cafetería": (r"\baseo\s+y\s+cafeter[ií]a\b|\bservicios?\s+de\s+aseo\b", ("47", "76")),
    "obras civiles": (r"\bobras?\s+civiles?\b", ("72", "30", "95")),
    "software": (r"(?<!con )(?<!incluye )\bsoftware\b", ("43", "81")),
    "jardinería": (r"\bcorte\s+de\s+c[eé]sped\b|\bpoda\s+de\b|\bmantenimiento\s+de\s+(?:las\s+)?zonas\s+verdes\b|\bjardiner[ií]a\b", ("7011", "7017", "1015", "1016")),
    "publicidad": (r"\bpublicidad\b|\bpublicitari[ao]s?\b", ("82", "80")),
    "capacitación": (r"\bcapacitaci[oó]n(?:es)?\b|\btalleres?\s+de\s+formaci[oó]n\b", ("86",)),
    "transporte de personas": (r"\btransporte\s+(?:de\s+)?(?:pasajeros|personal|escolar)\b", ("78",)),
    # not "instituciones prestadoras de servicios de salud": the kind of client, not an activity
    "servicios de salud": (r"(?<!prestadoras de )(?<!prestadora de )\bservicios?\s+de\s+salud\b|\batenci[oó]n\s+m[eé]dica\b", ("85",)),
    "lavado de tanques": (r"\blavado\s+(?:y\s+desinfecci[oó]n\s+)?de\s+(?:los\s+)?tanques\b|\bdesinfecci[oó]n\s+de\s+(?:los\s+)?tanques\b", ("7210", "7611")),
    "cadena de frío": (r"\bcadena\s+de\s+fr[ií]o\b|\bbiol[oó]gicos\b|\bvacunas?\b", ("42", "51", "41", "85")),
    "suministro de combustible": (r"\bacpm\b|\bgasolina\b|\bsuministr\w*\s+(?:el\s+|de\s+)?combustibles?\b", ("1510",)),
    "fumigación": (r"\bfumigaci[oó]n(?:es)?\b|\bfumigar\b|\bcontrol\s+de\s+plagas\b|\bdesratizaci[oó]n\b", ("7210", "7014", "1019")),
    "alumbrado público": (r"\balumbrado\s+p[uú]blico\b", ("39", "7215", "8310")),
    "obras en vías": (
        r"\bmantenimiento\s+(?:rutinario\s+)?de\s+(?:las\s+)?v[ií]as\b|\bparcheo\b|\bbacheo\b|\bse[nñ]alizaci[oó]n\s+vial\b|\bdemarcaci[oó]n\s+vial\b",
        ("72", "30", "95", "4614"),
    ),
    "transporte de biológicos o personas": (
        r"\btransport(?:ar|e|ara)\s+(?:de\s+)?(?:los\s+|las\s+)?(?:biol[oó]gicos|vacunas|muestras|pacientes|personas|estudiantes|funcionarios)\b",
        # a supply of vaccines or medicines (segment 51) carries them to the delivery point: that is delivery
        ("78", "51"),
    ),
    "distribución de kits o mercados": (
        r"\bdistribuci[oó]n\s+de\s+(?:los\s+|las\s+)?(?:kits|mercados|paquetes\s+alimentarios|raciones|refrigerios|material\s+did[aá]ctico)\b",
        ("78", "14", "44", "60", "53", "50", "90"),
    ),
    "mantenimiento de plantas eléctricas": (
        r"\bmantenimiento\s+(?:(?:preventivo|correctivo|y)\s+)*de\s+(?:las\s+|los\s+|la\s+|el\s+)?(?:plantas?\s+el[eé]ctricas?|generadores?\s+el[eé]ctricos?)\b",
        ("2611", "7215"),
    ),
    "mantenimiento de equipos de telefonía": (
        r"\bmantenimiento\s+(?:(?:preventivo|correctivo|y)\s+)*de\s+(?:las\s+|los\s+|la\s+|el\s+)?(?:plantas?\s+telef[oó]nicas?|centrales?\s+telef[oó]nicas?|conmutador(?:es)?)\b",
        ("4322", "4321", "8111", "8116"),
    ),
    "cableado estructurado": (r"\bcableado\s+estructurado\b|\bpuntos\s+de\s+red\s+certificados\b", ("4322", "7215")),
    "diseño de redes de acueducto o alcantarillado": (
        r"\bdise[nñ]o\s+de\s+(?:las\s+)?redes\b|\bredes\s+de\s+(?:acueducto|alcantarillado)\b",
        ("8110", "8310", "7212", "7214"),
    ),
    "recolección de residuos": (r"\brecolecci[oó]n\s+de\s+(?:residuos|basuras)\b", ("76",)),
}
WORKS_ACTIVITIES = {"obras civiles", "obras en vías", "mantenimiento de vías"}
# a line under "Obligaciones específicas", "Actividades" or "Alcance" is a duty whatever its verb
OBLIGATION_TITLES = r"obligaciones|actividades|alcance"
ACTIVITY_CONTEXT = re.compile(
    r"actividades|servicios?\s+(?:asociados|de)|experiencia|objeto|obligaciones\s+(?:del|espec)|ejecuci[oó]n\s+de|"
    r"^\W*(?:\w\)\s*)?(?:suministrar|prestar|garantizar|cumplir|realizar|atender|entregar)|operaci[oó]n|prestaci[oó]n\s+de|"
    r"deber[aá]n?\s+(?:entregar|suministrar|prestar|realizar)"
)

# goods named in an object → UNSPSC prefixes (segment, family or class) that classify them
GOODS_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "herramientas": (r"\bherramientas?\b", ("27",)),
    "lubricantes": (r"\blubricantes?\b|\baceites?\b|\bgrasas?\b", ("1512",)),
    "combustibles": (r"\bcombustibles?\b|\bgasolina\b|\bacpm\b|\bdi[eé]sel\b", ("1510",)),
    "llantas": (r"\bllantas?\b|\bneum[aá]ticos?\b", ("2517",)),
    "baterías": (r"\bbater[ií]as?\b|\bacumuladores\b", ("2611",)),
    "extintores": (r"\bextintor(?:es)?\b", ("4619",)),
    "papelería": (r"\bpapel(?:er[ií]a)?\b|\b[uú]tiles\s+de\s+(?:oficina|escritorio)\b", ("14", "44")),
    "tóner y cartuchos": (r"\bt[oó]ner(?:es)?\b|\bcartuchos?\b", ("4410",)),
    "equipos de cómputo": (r"\bcomputador(?:es|as)?\b|\bport[aá]tiles?\b|\bequipos?\s+de\s+c[oó]mputo\b", ("4321",)),
    "escáneres": (r"\besc[aá]ner(?:es)?\b", ("432117",)),
    "fotocontroles": (r"\bfotocontrol(?:es)?\b|\bfotoceldas?\b", ("3912",)),
    "impresoras": (r"\bimpresoras?\b", ("4321",)),
    "productos de aseo": (r"\b(?:productos?|elementos?|insumos?|art[ií]culos?)\s+de\s+(?:aseo|limpieza)\b", ("47", "53", "12")),
    "cafetería": (r"\bcafeter[ií]a\b|\bcaf[eé]\b", ("50", "48")),
    "iluminación": (r"\bluminarias?\b|\bbombillas?\b|\bbombillos?\b|\bl[aá]mparas?\b|\bled\b", ("39",)),
    "dotación": (r"\buniformes?\b|\bdotaci[oó]n(?:es)?\b|\bcalzado\b|\bprendas?\b", ("53", "4618", "4213")),
    "muebles": (r"\bmuebles?\b|\bmobiliario\b|\bsillas?\b|(?<!utiles de )(?<!computadores de )(?<!computador de )(?<!equipos de )\bescritorios?\b", ("56",)),
    "medicamentos": (r"\bmedicamentos?\b", ("51",)),
    "materiales de construcción": (r"\bmateriales\s+de\s+construcci[oó]n\b|\bcemento\b|\bladrillos?\b|\bgravilla\b", ("30", "11", "31")),
    "alimentos": (r"\balimentos?\b|\bv[ií]veres\b", ("50",)),
    "pinturas": (r"\bpinturas?\b", ("3121",)),
    "repuestos": (r"\brepuestos?\b", ("20", "21", "22", "23", "24", "25", "26", "27", "31", "39", "40")),
    "tableros": (r"\btableros?\s+(?:acr[ií]licos?|de\s+borrado|borrables?|de\s+corcho|magn[eé]ticos?|escolares?|inteligentes?|interactivos?)\b|\bpizarr(?:a|ones?)\b", ("4411", "4321")),
    "morrales": (r"\bmorral(?:es)?\b|\bmochilas?\b|\bmaletines?\b", ("5312",)),
    "electrodomésticos": (r"\bneveras?\b|\brefrigeradores?\b|\bestufas?\b|\blicuadoras?\b|\bhornos?\s+microondas\b|\belectrodom[eé]sticos\b", ("52", "48")),
    "televisores y video": (r"\btelevisores?\b|\bvideo\s*beams?\b|\bproyectores?\b", ("5216", "4521", "4511")),
    "aires acondicionados": (r"\baires?\s+acondicionados?\b|\bventiladores?\b", ("4010",)),
    "implementos deportivos": (r"\bbalones?\b|\bimplementos?\s+deportivos?\b|\buniformes?\s+deportivos?\b", ("49", "53")),
    "instrumentos musicales": (r"\binstrumentos?\s+musicales?\b", ("60",)),
    "instrumentos de medición": (r"\btermohigr[oó]metros?\b|\bterm[oó]metros?\b|\bhigr[oó]metros?\b|\bdataloggers?\b|\bbalanzas?\b", ("4111",)),
    "libros": (r"\blibros?\b|\btextos?\s+escolares\b", ("55", "60")),
}


def _codes(ctx: Context) -> list[str]:
    return [c for row in ctx.record.unspsc if (c := row.most_specific) and c.isdigit()]


def _goods_part(obj: str) -> str:
    """The goods an object buys, before its purpose ("… NECESARIOS PARA EL FUNCIONAMIENTO DE …")."""
    folded = fold(obj)
    cut = re.search(r"\b(?:necesari[oa]s?\s+para|para\s+(?:el|la|los|las)|con\s+destino|destinad[oa]s?|que\s+requiere|de\s+propiedad)\b", folded)
    return folded[: cut.start()] if cut else folded


# the words name another contract by its number: "el contrato de obra MC-OP-011-2025", "contrato de obra No. 45 de 2025"
OTHER_CONTRACT_CITED = re.compile(r"\s*(?:(?:n[o°º]\.?|n[uú]mero)\s*\d|[A-Z]{1,8}(?:[-_][A-Z]{1,8}){0,3}[-_]\s?\d)")


def _contract_type(ctx: Context) -> list[Finding]:
    r = ctx.record
    if r.contract_type is None:
        return []
    obj = fold(r.object or "")
    out = []
    seen: set[tuple[int, str]] = set()
    building_supply = any(code.startswith(("30", "11", "31")) for code in _codes(ctx))
    for label, other, pattern in OTHER_TYPE:
        if not _foreign_type(r.contract_type, other, obj):
            continue
        if other == "obra" and r.contract_type in GOODS and building_supply:
            continue  # materials for a work: the work is where they are delivered
        for hit in search(ctx.doc, pattern):
            sentence = hit.sentence()
            folded = fold(sentence)
            if (hit.line.number, sentence) in seen or (other == "suministro" and re.search(r"servicio", folded)):
                continue
            seen.add((hit.line.number, sentence))
            if OTHER_CONTRACT_CITED.match(hit.line.text[hit.end :]) or re.search(r"\bya\s+(?:liquidad|ejecutad|terminad)", folded):
                continue  # another contract, cited ("construidas con el contrato de obra MC-OP-011-2025, ya liquidado")
            requirement = bool(REQUIREMENT_CONTEXT.search(folded))
            out.append(
                make(
                    CONTRACT_TYPE,
                    severity="error" if requirement else "warning",
                    message=(
                        f"El objeto es {TYPE_NAMES.get(r.contract_type, r.contract_type)}, pero el texto habla de "
                        f"«{hit.text}» ({label})" + (" en un requisito." if requirement else ".")
                    ),
                    evidence=sentence,
                    location=hit.location,
                )
            )
    if r.contract_type in ("prestacion_de_servicios", "consultoria", "interventoria"):
        # the amparo of goods in a service or a consultancy: copied from a supply
        for g in r.guarantees:
            if g.required and g.kind == "estabilidad":
                out.append(
                    make(
                        CONTRACT_TYPE,
                        severity="error",
                        message=(
                            f"Para {TYPE_NAMES.get(r.contract_type, r.contract_type)} se exige el amparo de estabilidad y "
                            "calidad de la obra, que solo corresponde a los contratos de obra."
                        ),
                        evidence=(g.text or "")[:300],
                        location=g.location,
                    )
                )
            if g.required and g.kind == "calidad" and guarantee_key(g.kind, g.text or "") == "calidad:bienes":
                out.append(
                    make(
                        CONTRACT_TYPE,
                        severity="error",
                        message=(
                            f"Para {TYPE_NAMES.get(r.contract_type, r.contract_type)} se exige el amparo de calidad y "
                            "correcto funcionamiento de los bienes; el que corresponde es el de calidad del servicio."
                        ),
                        evidence=(g.text or "")[:300],
                        location=g.location,
                    )
                )
    if r.contract_type not in GOODS:
        return out
    for g in r.guarantees:
        folded = fold(g.text or "")
        wrong = None
        if g.kind == "estabilidad" and g.required:
            wrong = ("el amparo de estabilidad y calidad de la obra", "solo corresponde a los contratos de obra")
        elif g.kind == "calidad" and re.search(r"calidad\s+del\s+servicio", folded):
            wrong = ("el amparo de «calidad del servicio»", "el que corresponde es el de calidad y correcto funcionamiento de los bienes")
        if wrong and g.text:
            out.append(
                make(
                    CONTRACT_TYPE,
                    severity="error",
                    message=f"Para un suministro de bienes se exige {wrong[0]}; {wrong[1]}.",
                    evidence=g.text[:300],
                    location=g.location,
                )
            )
    return out


def _foreign_activities(ctx: Context) -> list[Finding]:
    """One finding per line that names activities foreign to the object and to the UNSPSC rows."""
    codes = _codes(ctx)
    obj = fold(ctx.record.object or "")
    per_line: dict[int, tuple[list[str], list[str], str]] = {}
    # an interventoría or a consultancy about works talks about the works it supervises or designs
    about_works = ctx.record.contract_type in ("interventoria", "consultoria") and re.search(r"\bobras?\b|construcci[oó]n", obj)
    foreign = [
        label
        for label, (pattern, prefixes) in ACTIVITIES.items()
        if not re.search(pattern, obj)
        and not any(code.startswith(prefixes) for code in codes)
        and not (about_works and label in WORKS_ACTIVITIES)
    ]
    if not foreign:
        return []
    # one scan of the document for all the activities at once; the named group says which one
    combined = re.compile("|".join(f"(?P<a{i}>{ACTIVITIES[label][0]})" for i, label in enumerate(foreign)))
    group_of = {combined.groupindex[f"a{i}"]: label for i, label in enumerate(foreign)}
    for hit in search(ctx.doc, combined):
        label = next(group_of[g] for g in sorted(group_of) if hit.groups[g - 1] is not None)
        sentence = hit.sentence()
        section = ctx.doc.section(hit.location.section) if hit.location and hit.location.section else None
        title = fold(section.title) if section is not None else ""
        in_obligations = bool(re.search(OBLIGATION_TITLES, title))
        if hit.line.is_table_row and not re.search(r"obligaciones|actividades", title):
            continue  # a row of an items or specifications table describes goods, not duties
        if re.search(r"necesidad|justificaci[oó]n|antecedentes|contexto|^\W*objeto\b", title):
            continue  # who uses the goods ("son para las cuadrillas que hacen el mantenimiento de vías")
        if not ACTIVITY_CONTEXT.search(fold(sentence)) and not in_obligations:
            continue
        labels, words, _ = per_line.setdefault(hit.line.number, ([], [], sentence))
        if label not in labels:
            labels.append(label)
            words.append(hit.text)
    out = []
    reported: set[str] = set()
    for line_no, (labels, words, sentence) in sorted(per_line.items()):
        if not [label for label in labels if label not in reported]:
            continue
        reported.update(labels)
        out.append(
            make(
                FOREIGN_ACTIVITY,
                message=(
                    f"El texto menciona {' y '.join(labels)} («{'», «'.join(words)}»), que no hace parte del objeto "
                    f"({(ctx.record.object or '')[:120]}) ni de los bienes clasificados."
                ),
                evidence=sentence,
                location=ctx.doc.line(line_no).location,
            )
        )
    return out


def _unclassified(ctx: Context) -> list[Finding]:
    r = ctx.record
    # works are classified by the construction services they are (segment 72), not by the
    # building elements their object names ("baterías sanitarias", "luminarias", "cubierta")
    # (nor are services: the goods a maintenance names are serviced, not bought)
    if not r.object or not r.unspsc or r.contract_type not in GOODS:
        return []
    codes = _codes(ctx)
    goods = _goods_part(r.object)
    out = []
    for label, (pattern, prefixes) in GOODS_WORDS.items():
        m = re.search(pattern, goods)
        if m and not any(code.startswith(prefixes) for code in codes):
            out.append(
                make(
                    UNCLASSIFIED,
                    message=(
                        f"El objeto incluye {label} («{m.group(0)}»), pero ninguna fila de la tabla UNSPSC los "
                        f"clasifica (códigos esperados que empiecen por {', '.join(prefixes)})."
                    ),
                    evidence=_item_quote(r.object, m.start(), m.end()),
                    location=r.sources.get("object"),
                )
            )
    flagged = " ".join(f.message for f in out)
    missing = [item for item in _items_without_row(r) if _stem(item.split()[0]) not in fold(flagged)]
    if missing:
        out.append(
            make(
                UNCLASSIFIED,
                message=(
                    f"El objeto enumera {', '.join(missing)}, que ninguna fila de la tabla UNSPSC nombra "
                    f"(filas: {', '.join(row.name for row in r.unspsc if row.name)})."
                ),
                evidence=_item_quote(r.object, *_span(r.object, missing[0])),
                location=r.sources.get("object"),
            )
        )
    return out


def _span(obj: str, item: str) -> tuple[int, int]:
    at = fold(obj).find(item)
    return (at, at + len(item)) if at >= 0 else (0, 0)


def _item_quote(obj: str, start: int, end: int) -> str:
    """The item of the object's list, with the one before it ("casilleros metálicos y tableros
    acrílicos"), not the whole object: the quote shows what is missing."""
    folded, index = folded_index(obj)
    if end <= start or end > len(index):
        return obj
    seps = [m.end() for m in re.finditer(r",\s*|\s+y\s+|\s+e\s+|\(|:\s*", folded[:start])]
    begin = seps[-2] if len(seps) >= 2 else (seps[-1] if seps else max(0, start - 60))
    after = re.search(r"[,;:)]", folded[end:])
    stop_folded = end + after.start() if after else len(folded)
    stop = index[stop_folded - 1] + 1 if stop_folded > 0 else len(obj)
    return obj[index[begin] if begin < len(index) else 0 : stop].strip(" ,;:(")


QUANTITY = re.compile(r"^(?:\(?\d+\)?|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\(\d+\))$")


def _stem(word: str) -> str:
    word = fold(word)
    if word.endswith("es") and len(word) > 5 and word[-3] in "rlndzs":
        return word[:-2]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


HEAD_STOPWORDS = {"los", "las", "del", "con", "para", "por", "sus", "una", "uno", "unos", "unas", "otros", "otras", "demas"}


def _items_without_row(record: ProcessRecord) -> list[str]:
    """The goods an object enumerates ("…: cabinas de flujo laminar, autoclaves, balanzas…" or inside
    parentheses) whose head noun no row name of the UNSPSC table carries. Only for a real list (three
    items or more) and a table whose rows are named."""
    names = [fold(row.name) for row in record.unspsc if row.name]
    if record.contract_type not in GOODS or len(names) < 2 or not record.object:
        return []
    goods = _goods_part(record.object)
    m = (
        re.search(r"\(([^()]{10,})\)", goods)
        or re.search(r":\s*([^:]{10,})$", goods)
        or re.search(r":\s*([^:]{10,})$", fold(record.object))  # "… PARA LOS LABORATORIOS: CABINAS, AUTOCLAVES…"
    )
    if m is None:
        return []
    # commas separate the items; "y" only the last two ("… fertilizantes y herramientas"), not a
    # complement ("semillas de fríjol y maíz")
    pieces = [p.strip(" .;") for p in re.split(r",\s*", m.group(1)) if p.strip(" .;")]
    # the list ends where the object adds what comes with the goods ("incluidos su transporte…")
    end = next((i for i, p in enumerate(pieces) if re.match(r"(?:incluid|incluye|incluyendo|con\s|para\s|que\s|mediante|segun|de\s+acuerdo)", p)), len(pieces))
    pieces = pieces[:end]
    if pieces:
        pieces[-1:] = [p for p in re.split(r"\s+(?:y|e)\s+", pieces[-1]) if p]
    items = pieces
    codes = [c for row in record.unspsc if (c := row.most_specific) and c.isdigit()]
    if len(items) < 3:
        return []
    row_stems = {_stem(word) for name in names for word in re.findall(r"[a-z]{3,}", name)}
    missing = []
    for item in items:
        words = [w for w in re.findall(r"[a-z0-9()]+", item) if not QUANTITY.match(w)]
        # the head noun: the first real word, short ones too ("cal dolomita", "sal mineralizada")
        head = next((w for w in words if len(w) >= 3 and w.isalpha() and w not in HEAD_STOPWORDS), None)
        if head and _stem(head) not in row_stems and not _classified_by_kind(item, codes):
            missing.append(item)
    return missing


def _classified_by_kind(item: str, codes: list[str]) -> bool:
    """A category the rows name by its members ("herramientas manuales" → machetes, azadones): the
    codes of the category are there."""
    return any(re.search(pattern, item) and any(c.startswith(prefixes) for c in codes) for pattern, prefixes in GOODS_WORDS.values())


def _service_codes(ctx: Context) -> list[Finding]:
    r = ctx.record
    if r.contract_type not in GOODS:
        return []
    out = []
    food = re.search(r"alimentos?|refrigerios?|almuerzos?|raciones|comidas?|catering", fold(r.object or ""))
    for row in r.unspsc:
        code = row.most_specific
        if food and code and code.startswith("9010"):
            continue  # prepared food is classified as catering (90101600) even when it is supplied
        if code and unspsc.is_wellformed(code) and unspsc.Code.parse(code).is_service:
            out.append(
                make(
                    SERVICE_CODE,
                    message=f"El código {code} pertenece a un segmento de servicios y el objeto es un {r.contract_type} de bienes.",
                    evidence=f"{code} {row.name or ''}".strip(),
                    location=row.location,
                )
            )
    return out


RULES = [CONTRACT_TYPE, FOREIGN_ACTIVITY, UNCLASSIFIED, SERVICE_CODE]
CHECKS = [_contract_type, _foreign_activities, _unclassified, _service_codes]
