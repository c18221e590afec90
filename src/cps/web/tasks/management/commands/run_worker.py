"""``run_worker``: runs background tasks (reviews of long documents, imports of extracts)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from cps.web.tasks.services import run_pending_tasks, task_recover_interrupted, worker_loop


class Command(BaseCommand):
    help = "Ejecuta las tareas en segundo plano (revisiones, importaciones de extractos)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="ejecuta lo que haya en cola y termina")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            count = run_pending_tasks()
            self.stdout.write(f"{count} tareas ejecutadas")
            return
        task_recover_interrupted()
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        worker_loop(stop=stop, poll_seconds=settings.CPS_TASK_POLL_SECONDS)
