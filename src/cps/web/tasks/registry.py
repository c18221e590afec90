"""Task kinds and their handlers. Apps register theirs when Django starts (``AppConfig.ready``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Progress = Callable[[int, str], None]
Handler = Callable[[Any, Progress], dict[str, Any]]

_HANDLERS: dict[str, Handler] = {}


def task_handler(kind: str) -> Callable[[Handler], Handler]:
    def decorate(fn: Handler) -> Handler:
        _HANDLERS[kind] = fn
        return fn

    return decorate


def handler_for(kind: str) -> Handler:
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise LookupError(f"tipo de tarea desconocido: {kind}") from None
