"""Suppression comments, shared by every codemod and the scan.

``# codemod: ignore`` on a line, or on the first line of a multi-line statement, leaves that statement's sites untouched
for every codemod; ``# codemod: ignore[env-to-isolated, redirect-imports]`` only for the codemods named (their ``NAME``);
``# codemod: skip-file`` in a file's first lines skips the whole file. Only real comments count (tokenize, not a text
search): the same words inside a string change nothing. Sites the engine asks to exclude (an interactive rejection)
are filtered the same way, so a codemod asks one question: ``site_filter.reason(line)``.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional

# ``ignore`` as a whole word: ``# codemod: ignored`` or ``# codemod: ignore-me`` is prose, not a suppression.
IGNORE = re.compile(r"#\s*codemod:\s*ignore(?:\[([^\]]*)\]|(?![\w\[-]))", re.IGNORECASE)
SKIP_FILE = re.compile(r"#\s*codemod:\s*skip-file(?:\s|$)", re.IGNORECASE)
SKIP_FILE_LINES = 10

COMMENT = "comment"
EXCLUDED = "excluded"


@dataclass(frozen=True)
class Suppression:
    """One ``# codemod: ignore`` comment: its line and the codemods it names (``None``: every codemod)."""

    line: int
    codemods: Optional[FrozenSet[str]]

    def applies_to(self, codemod: str) -> bool:
        return self.codemods is None or codemod in self.codemods


def _comments(source: str) -> Iterable[tokenize.TokenInfo]:
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                yield token
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return


def find_suppressions(source: str) -> Dict[int, Suppression]:
    """Every ``# codemod: ignore`` comment of the source, by line."""
    found: Dict[int, Suppression] = {}
    if "codemod:" not in source:
        return found
    for token in _comments(source):
        match = IGNORE.search(token.string)
        if match is None:
            continue
        names = match.group(1)
        codemods = None if names is None else frozenset(n.strip() for n in names.split(",") if n.strip())
        found[token.start[0]] = Suppression(token.start[0], codemods)
    return found


def has_skip_file(source: str) -> bool:
    """A ``# codemod: skip-file`` comment in the first lines of the file."""
    head = "".join(source.splitlines(keepends=True)[:SKIP_FILE_LINES])
    if "codemod:" not in head:
        return False
    return any(SKIP_FILE.search(t.string) for t in _comments(head) if t.start[0] <= SKIP_FILE_LINES)


def statement_starts(source: str) -> Dict[int, int]:
    """For every line of a multi-line simple statement or compound-statement header, the line the statement starts on."""
    starts: Dict[int, int] = {}
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return starts
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        end = node.end_lineno or node.lineno
        body: List[ast.stmt] = getattr(node, "body", None) or []
        if body and isinstance(body, list) and isinstance(body[0], ast.stmt):
            # A compound statement: its header only (``if x:`` ... up to the first line of the body).
            end = max(node.lineno, body[0].lineno - 1)
        for line in range(node.lineno, end + 1):
            # ast.walk goes outside-in, so an inner statement on the same lines overrides its parent.
            starts[line] = node.lineno
    return starts


class SiteFilter:
    """Answers, for one codemod over one file, whether the site on a line must be left as it is, and why."""

    def __init__(self, source: str, codemod: str, excluded_lines: Iterable[int] = ()) -> None:
        self.codemod = codemod
        self.excluded = frozenset(excluded_lines)
        self.suppressions = {
            line: s for line, s in find_suppressions(source).items() if s.applies_to(codemod)
        }
        self._starts = statement_starts(source) if (self.suppressions or self.excluded) else {}
        self.used: set = set()

    def __bool__(self) -> bool:
        return bool(self.suppressions or self.excluded)

    def reason(self, line: int) -> Optional[str]:
        """``"excluded"``, ``"comment"`` or ``None`` for a site whose node starts on ``line``."""
        if not self:
            return None
        candidates = [line]
        start = self._starts.get(line)
        if start is not None and start != line:
            candidates.append(start)
        for candidate in candidates:
            if candidate in self.excluded:
                return EXCLUDED
            if candidate in self.suppressions:
                self.used.add(candidate)
                return COMMENT
        return None


__all__ = ["COMMENT", "EXCLUDED", "SiteFilter", "Suppression", "find_suppressions", "has_skip_file", "statement_starts"]
