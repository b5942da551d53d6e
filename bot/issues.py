"""Problems found while validating knowledge files, named by file and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Issue:
    """One validation finding."""

    severity: Literal["error", "warning"]
    file: str
    field: str
    message: str

    @classmethod
    def error(cls, file: str, field: str, message: str) -> Issue:
        """A problem that stops the knowledge base from loading."""
        return cls("error", file, field, message)

    @classmethod
    def warning(cls, file: str, field: str, message: str) -> Issue:
        """A problem to fix soon (e.g. an overdue review) that does not stop loading."""
        return cls("warning", file, field, message)

    def __str__(self) -> str:
        label = "FEHLER" if self.severity == "error" else "WARNUNG"
        return f"{label} {self.file} [{self.field}]: {self.message}"


def errors_only(issues: Iterable[Issue]) -> list[Issue]:
    """The issues of severity ``error``."""
    return [i for i in issues if i.severity == "error"]


class KnowledgeError(Exception):
    """The knowledge base is invalid; the message lists every error by file and field."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("Wissensbasis ungültig:\n" + "\n".join(str(i) for i in issues))
