"""consolidate-mocks: replace local copies of a test mock with an import of the shared, canonical mock.

Rules (``--arg canonical=test_framework.fixtures.websocket.MockWebSocketManager``; the engine sends the source of
``test_framework.fixtures.websocket`` along):
- A class named like the canonical mock, anywhere in a module other than the canonical one (module level, inside a
  test function or a test class), is replaced with ``from <canonical module> import <ClassName>`` when the canonical
  mock covers it:
  - every method and attribute the local class defines (``_class_equivalence.class_members``: methods, class
    attributes, ``self.x`` assigned in ``__init__``) also exists on the canonical mock, as a method or an attribute;
  - every method both define accepts the calls the local one accepts (same positional slots and keyword names, or
    ``*args``/``**kwargs``; no parameter the local one lacks is required);
  - the local bases and decorators (other than ``object``) are among the canonical ones.
  A module-level class: the import joins the module's imports (``AddImportsVisitor``; existing imports are kept or
  gain the name). A nested class, or a module that imports from the canonical module inside a block: the import takes
  the class's place. Imports the local class alone used are removed (``RemoveImportsVisitor``).
- Not covered: review item ``mock-not-covered`` naming what the canonical mock lacks.
- Source of the canonical module missing, unparsable or without the class: review item ``canonical-not-found``.
- The canonical module itself is never changed.

Caveats:
- Coverage is by name and signature, not behaviour: a test asserting on what the local mock did (recorded calls,
  return values) may need the canonical mock's way of recording; the diff is the place to check that.
- Attributes a local mock sets outside ``__init__`` are not compared.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Set, Tuple

import libcst as cst

from _class_equivalence import class_members
from _canonical_class import CanonicalClassCommand, Verdict


class ConsolidateMocksCommand(CanonicalClassCommand):
    NAME = "consolidate-mocks"
    DESCRIPTION = "Replace local test mocks covered by the canonical mock class with an import of it."
    VERSION = "1.0.0"
    CANONICAL_HELP = ("dotted name of the canonical mock, e.g. test_framework.fixtures.websocket.MockWebSocketManager; "
                      "local classes of that name it covers are replaced by an import of it")
    NESTED_CLASSES = True

    def verdict(self, local: ast.ClassDef, canonical: ast.ClassDef, canonical_tree: ast.Module) -> Verdict:
        lacking = _not_covered(local, canonical)
        if not lacking:
            return None
        return "mock-not-covered", f"{self.canonical} lacks what the local {self.class_name} has: {'; '.join(lacking)}"

    def change(self) -> Tuple[str, str]:
        return "mock-consolidated", f"local {self.class_name} is covered by {self.canonical}: replaced by an import of it"


def _not_covered(local: ast.ClassDef, canonical: ast.ClassDef) -> List[str]:
    mine, theirs = class_members(local), class_members(canonical)
    available = theirs["methods"] | theirs["attributes"]
    lacking: List[str] = []
    for label, names in (("methods", mine["methods"] - available), ("attributes", mine["attributes"] - available)):
        if names:
            lacking.append(f"{label} {', '.join(sorted(names))}")
    theirs_functions = _functions(canonical)
    differing = sorted(name for name, function in _functions(local).items()
                       if name in theirs_functions and not _accepts_calls_of(theirs_functions[name], function))
    if differing:
        lacking.append(f"signatures of {', '.join(differing)}")
    for label, field in (("bases", "bases"), ("decorators", "decorator_list")):
        extra = _expressions(local, field) - _expressions(canonical, field) - {"object"}
        if extra:
            lacking.append(f"{label} {', '.join(sorted(extra))}")
    return lacking


def _functions(node: ast.ClassDef) -> Dict[str, ast.AST]:
    return {stmt.name: stmt for stmt in node.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _expressions(node: ast.ClassDef, field: str) -> Set[str]:
    return {ast.unparse(expr) for expr in getattr(node, field)}


def _accepts_calls_of(theirs: ast.AST, mine: ast.AST) -> bool:
    """Whether every call ``mine`` accepts is also accepted by ``theirs`` (by parameter shape, not by types)."""
    a, b = mine.args, theirs.args  # type: ignore[attr-defined]
    mine_positional = [p.arg for p in a.posonlyargs + a.args]
    theirs_positional = [p.arg for p in b.posonlyargs + b.args]
    if len(mine_positional) > len(theirs_positional) and b.vararg is None:
        return False
    if a.vararg is not None and b.vararg is None or a.kwarg is not None and b.kwarg is None:
        return False
    theirs_keywords = {p.arg for p in b.args + b.kwonlyargs}
    if b.kwarg is None and any(name not in theirs_keywords for name in [p.arg for p in a.args + a.kwonlyargs]):
        return False
    if b.kwarg is None:
        # Positional slots both accept by keyword must carry the same name, or a keyword call lands elsewhere.
        if any(x != y for x, y in zip([p.arg for p in a.args], [p.arg for p in b.args])):
            return False
    mine_required = len(mine_positional) - len(a.defaults)
    theirs_required = len(theirs_positional) - len(b.defaults)
    if theirs_required > mine_required:
        return False
    mine_required_keywords = _required_keywords(a)
    return _required_keywords(b) <= mine_required_keywords


def _required_keywords(arguments: ast.arguments) -> Set[str]:
    return {p.arg for p, default in zip(arguments.kwonlyargs, arguments.kw_defaults) if default is None}


__all__ = ["ConsolidateMocksCommand"]
