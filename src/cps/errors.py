"""Errors that end a command with exit code 2 and a Spanish message for the user."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Unusable input: names the file and, when known, the field or line.

    ``str(error)`` is the complete Spanish message shown to the user.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.field = field
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        where = []
        if self.file:
            where.append(f"archivo «{self.file}»")
        if self.line is not None:
            where.append(f"línea {self.line}")
        if self.field:
            where.append(f"campo «{self.field}»")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message
