"""The ``cps`` command: a thin shell over the core.

Each subcommand lives in its own module under ``cps.cli.commands`` and exposes
``ORDER`` (position in the help), ``register(subparsers)`` and a ``run(args) -> int``
bound through ``set_defaults(func=run)``. Modules are discovered, so adding a command
never touches this file.

Exit codes (CONTRACTS.md): 0 success; 1 the input was read but the result reports
problems; 2 unusable input, with a Spanish message on stderr naming the file and the
field or line.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Sequence

from cps import __version__
from cps.cli import commands
from cps.cli.spanish_argparse import SpanishArgumentParser
from cps.errors import InputError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def build_parser() -> SpanishArgumentParser:
    parser = SpanishArgumentParser(
        prog="cps",
        description="Compras Públicas Sostenibles: revisión de invitaciones, criterios de "
        "sostenibilidad, evaluación de ofertas, costo del ciclo de vida y metas.",
    )
    parser.add_argument("--version", action="version", version=f"cps {__version__}", help="muestra la versión y termina")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=SpanishArgumentParser)
    modules = []
    for info in pkgutil.iter_modules(commands.__path__):
        modules.append(importlib.import_module(f"{commands.__name__}.{info.name}"))
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__)):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        code: int = args.func(args)
        return code
    except InputError as error:
        print(f"cps: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("cps: interrumpido por el usuario", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        if os.environ.get("CPS_DEBUG"):
            traceback.print_exc()
        print(
            f"cps: error interno ({type(error).__name__}: {error}). Ejecute de nuevo con "
            "CPS_DEBUG=1 para ver el detalle y repórtelo al equipo de Compras Sostenibles.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
