"""Reporting helpers shared by every codemod in this folder.

A codemod records what it rewrote (changes), what it found but would not rewrite because behaviour could change
(reviews), and, for codemods that move or remove public names, breaking-change entries. The records live in
``context.scratch`` so the worker can return them with the file's outcome; review items are also emitted through
``warn`` so LibCST's own runner (``python -m libcst.tool codemod``) shows them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Dict, List, Optional, Pattern, Tuple

import libcst as cst
from libcst.codemod import CodemodCommand
from libcst.metadata import PositionProvider

from _suppressions import SiteFilter

CHANGES = "codemod.changes"
REVIEWS = "codemod.reviews"
BREAKING = "codemod.breaking"
SUPPRESSED = "codemod.suppressed"
CONTEXT_MODULES = "codemod.context_modules"
# The file's SiteFilter (``_suppressions``), built once per file by the worker from the request's ``excludeLines`` and
# the file's comments; absent under LibCST's own runner, where the codemod builds one from the module on first use.
SITE_FILTER = "codemod.site_filter"
REQUIRES_CHANGED_MODULE = "requiresChangedModule"


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

    def site_suppressed(self, node: cst.CSTNode, kind: str, message: str) -> bool:
        """True when the site at ``node`` must be left as it is (a ``# codemod: ignore`` comment on its statement, or a
        line the engine excluded); the site is then recorded as suppressed, with the kind and message the rewrite would
        have had. Ask it at each site decision, before rewriting or adding imports for the site."""
        position = self._position(node)
        return self.line_suppressed(position["line"], position["column"], kind, message)

    def line_suppressed(self, line: int, column: int, kind: str, message: str) -> bool:
        """``site_suppressed`` for a site known by its position."""
        if line <= 0:
            return False
        reason = self.site_filter().reason(self.original_line(line))
        if reason is None:
            return False
        entry = {"line": line, "column": column, "kind": kind, "message": message, "reason": reason}
        records = self.context.scratch.setdefault(SUPPRESSED, [])  # type: ignore[attr-defined]
        if entry not in records:  # a codemod allowing several passes meets the same site again
            records.append(entry)
        return True

    def original_line(self, line: int) -> int:
        """The line of the file as it was given, for a line of the tree this codemod sees (codemods that transform in
        steps map a later step's lines back)."""
        return line

    def site_filter(self) -> SiteFilter:
        scratch: Dict[str, Any] = self.context.scratch  # type: ignore[attr-defined]
        found = scratch.get(SITE_FILTER)
        if found is None:
            module = self.context.module  # type: ignore[attr-defined]
            found = SiteFilter(module.code if module is not None else "", getattr(self, "NAME", ""))
            scratch[SITE_FILTER] = found
        return found

    def record_review(self, node: cst.CSTNode, kind: str, message: str) -> None:
        position = self._position(node)
        self.record_review_at(position["line"], position["column"], kind, message)

    def record_review_at(self, line: int, column: int, kind: str, message: str,
                         requires_changed_module: Optional[str] = None) -> None:
        """A review item at a known position. With ``requires_changed_module``, the engine keeps the item only when
        the file of that dotted module changed in the same run (a test patching a module this run rewrote)."""
        entry: Dict[str, Any] = {"line": line, "column": column, "kind": kind, "message": message}
        if requires_changed_module:
            entry[REQUIRES_CHANGED_MODULE] = requires_changed_module
        self.context.scratch.setdefault(REVIEWS, []).append(entry)  # type: ignore[attr-defined]
        self.warn(f"line {line}: {message}")  # type: ignore[attr-defined]

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
        "suppressed": sorted(scratch.get(SUPPRESSED, []), key=key),
    }


@lru_cache(maxsize=64)
def glob_to_regex(glob: str) -> Pattern[str]:
    """fnmatch-style glob over '/'-separated paths: '*' and '?' stay inside one folder, '**' spans folders.

    One definition for every ``allow``-style parameter, so env-to-isolated and the scan agree on which files are allowed.
    """
    glob = glob.replace("\\", "/")
    while glob.startswith("./"):
        glob = glob[2:]
    out: List[str] = []
    i, n = 0, len(glob)
    while i < n:
        char = glob[i]
        if char == "*":
            if glob.startswith("**", i):
                i += 2
                if glob.startswith("/", i):
                    out.append("(?:.*/)?")
                    i += 1
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = glob.find("]", i + 2 if glob.startswith(("[!", "[]"), i) else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = glob[i + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z")


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, newlines included, as one space: messages stay on one line."""
    return " ".join(text.split())


def module_and_package(path: str) -> Tuple[str, str]:
    """Dotted module and package of a '/'-separated path relative to the project root.

    Same rules as ``libcst.helpers.calculate_module_and_package``: ``a/b/c.py`` is ``a.b.c`` in package ``a.b``;
    ``a/b/__init__.py`` (and ``__main__.py``) is ``a.b`` in package ``a.b``. Not that function itself, because it
    differs where it matters here: it takes ``pkg/__init__.old.py`` for the package ``pkg`` (it compares the stem left
    after dropping one suffix), raises on an empty path, keeps a trailing dot (``a/b.`` -> ``a.b.``) and splits on
    ``\\`` only on Windows; this one accepts any project-relative path, either separator.
    """
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts:
        return "", ""
    stem, dot, _suffix = parts[-1].rpartition(".")
    if dot and stem:
        parts[-1] = stem
    if parts[-1] in ("__init__", "__main__"):
        dotted = ".".join(parts[:-1])
        return dotted, dotted
    return ".".join(parts), ".".join(parts[:-1])


__all__ = ["ReportingMixin", "take_records", "CodemodCommand", "CONTEXT_MODULES", "SITE_FILTER", "SUPPRESSED", "glob_to_regex", "module_and_package", "one_line"]
