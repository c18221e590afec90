"""Ready-to-fill life-cycle-cost cases for the purchases where life-cycle cost decides.

Each template is a YAML file in ``cps/lcc/templates/`` in the format of ``cps lcc`` with Spanish
comments: what to fill in, how each default was obtained, and its public source (or that it is
only illustrative). The first comment line is the summary shown by ``--list-templates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from cps import yamlio
from cps.atomic import write_text
from cps.errors import InputError

PACKAGE = "cps.lcc"
FOLDER = "templates"


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    summary: str


def _files() -> dict[str, str]:
    folder = resources.files(PACKAGE).joinpath(FOLDER)
    return {
        entry.name.removesuffix(".yaml"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }


def names() -> list[str]:
    return sorted(_files())


def available() -> list[TemplateInfo]:
    out = []
    for name, text in sorted(_files().items()):
        first = next((line for line in text.splitlines() if line.startswith("#")), "# ")
        data = yamlio.load(text)
        out.append(TemplateInfo(name=name, title=str(data.get("name", name)),
                                summary=first.lstrip("#").strip().removeprefix("Plantilla:").strip()))
    return out


def text(name: str) -> str:
    """The template's YAML text; unknown names end in a Spanish message listing the valid ones."""
    files = _files()
    key = name.strip().lower().removesuffix(".yaml")
    if key not in files:
        matches = [n for n in files if n.startswith(key)] if key else []
        if len(matches) == 1:
            key = matches[0]
        else:
            raise InputError(f"no hay una plantilla «{name}». Plantillas disponibles: {', '.join(sorted(files))}",
                             field="--template")
    return files[key]


def write(name: str, out: str | Path, *, force: bool = False) -> Path:
    """Write the template ``name`` to ``out`` (atomically; refuses to overwrite unless ``force``)."""
    content = text(name)
    target = Path(out)
    if target.exists() and not force:
        raise InputError("el archivo ya existe; use otro nombre o --force para reemplazarlo", file=target,
                         field="--out")
    write_text(target, content)
    return target
