"""``cps serve``: the web app on 127.0.0.1 (gunicorn), with the background task worker."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Any

from cps.errors import InputError

ORDER = 90


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="aplicación web en español (http://127.0.0.1:8000)",
        description="Ejecuta la aplicación web en 127.0.0.1 con SQLite en CPS_DATA_DIR (por omisión ./data) "
        "o PostgreSQL con DATABASE_URL=postgres://…; aplica las migraciones al iniciar.",
    )
    parser.add_argument("--port", type=int, default=8000, help="puerto (por omisión 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="dirección (por omisión 127.0.0.1)")
    parser.add_argument("--workers", type=int, default=0, help="procesos de gunicorn (por omisión 2 × núcleos + 2)")
    parser.add_argument("--threads", type=int, default=1, help="hilos por proceso (por omisión 1: trabajadores síncronos)")
    parser.add_argument("--demo", action="store_true", help="crea la entidad, el usuario y los datos de demostración")
    parser.add_argument("--no-worker", action="store_true", help="no inicia el proceso de tareas en segundo plano")
    parser.set_defaults(func=run)


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cps.web.config.settings")
    import django

    django.setup()


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise InputError("el puerto debe estar entre 1 y 65535", field="--port")
    try:
        _setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    except Exception as error:
        raise InputError(f"no se pudo preparar la base de datos: {error}") from None
    if args.demo:
        call_command("load_demo")
    # gunicorn forks its workers from this process: no database connection may be inherited
    from django.db import connections

    connections.close_all()
    worker = None
    if not args.no_worker:
        worker = subprocess.Popen([sys.executable, "-m", "cps.web.manage", "run_worker"], env=os.environ.copy())
    if args.workers < 0 or args.threads < 1:
        raise InputError("--workers y --threads deben ser positivos")
    # synchronous workers queue requests in order, which keeps the slow tail short; the long work
    # (reviews, imports) runs in the task worker, so no request holds a process for long
    workers = args.workers or 2 * (os.cpu_count() or 1) + 2
    print(f"Compras Sostenibles en http://{args.host}:{args.port}/ (Ctrl+C para terminar)", file=sys.stderr, flush=True)
    try:
        from cps.web.server import serve

        serve(host=args.host, port=args.port, workers=workers, threads=args.threads)
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0
