"""Reporting helpers shared by every codemod in this folder.

A codemod records what it rewrote (changes), what it found but would not rewrite because behaviour could change
(reviews), and, for codemods that move or remove public names, breaking-change entries. The records live in
``context.scratch`` so the worker can return them with the file's outcome; review items are also emitted through
``warn`` so LibCST's own runner (``python -m libcst.tool codemod``) shows them.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional

import libcst as cst
from libcst.codemod import CodemodCommand
from libcst.metadata import PositionProvider

CHANGES = "codemod.changes"
REVIEWS = "codemod.reviews"
BREAKING = "codemod.breaking"
CONTEXT_MODULES = "codemod.context_modules"


class ReportingMixin:
    """Mixed into a ``CodemodCommand``; needs ``PositionProvider`` in ``METADATA_DEPENDENCIES``."""

    def _position(self, node: cst.CSTNode) -> Dict[str, int]:
        try:
            start = self.get_metadata(PositionProvider, node).start  # type: ignore[attr-defined]
            return {"line": start.line, "column": start.column}
        except Exception:  # node created by the codemod itself has no position
            return {"line": 0, "column": 0}

    def record_change(self, node: cst.CSTNode, kind: str, message: str) -> None:
        entry = {**self._position(node), "kind": kind, "message": message}
        self.context.scratch.setdefault(CHANGES, []).append(entry)  # type: ignore[attr-defined]

    def record_review(self, node: cst.CSTNode, kind: str, message: str) -> None:
        entry = {**self._position(node), "kind": kind, "message": message}
        self.context.scratch.setdefault(REVIEWS, []).append(entry)  # type: ignore[attr-defined]
        self.warn(f"line {entry['line']}: {message}")  # type: ignore[attr-defined]

    def record_breaking(self, what: str, migrate: str) -> None:
        self.context.scratch.setdefault(BREAKING, []).append(  # type: ignore[attr-defined]
            {"what": what, "migrate": migrate}
        )

    def context_module_source(self, dotted: str) -> Optional[str]:
        """Source of a project module the engine sent along (CONTEXT_ARGS).

        Under the worker the engine sends it; under LibCST's own runner there is no engine, so fall back to reading
        the module relative to the current directory, as that runner's users expect.
        """
        modules: Dict[str, str] = self.context.scratch.get(CONTEXT_MODULES, {})  # type: ignore[attr-defined]
        if CONTEXT_MODULES in self.context.scratch:  # type: ignore[attr-defined]
            return modules.get(dotted)
        base = dotted.replace(".", os.sep)
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.isfile(candidate):
                with open(candidate, "rb") as handle:
                    return handle.read().decode("utf-8", errors="replace")
        return None


def take_records(scratch: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """The records one transform left in ``scratch``, sorted by position."""
    key = lambda r: (r.get("line", 0), r.get("column", 0), r.get("kind", ""))  # noqa: E731
    return {
        "changes": sorted(scratch.get(CHANGES, []), key=key),
        "reviews": sorted(scratch.get(REVIEWS, []), key=key),
        "breaking": list(scratch.get(BREAKING, [])),
    }


__all__ = ["ReportingMixin", "take_records", "CodemodCommand", "CONTEXT_MODULES"]
