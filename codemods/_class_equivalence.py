"""When are two classes "the same"? Shared by the dedupe-class codemod and the scan's identical-class rule.

Two class definitions are equivalent when their ``ast`` dumps match once docstrings are dropped: comments, whitespace,
formatting and quoting never reach the ``ast``; positions are excluded from the dump. The class name itself is part of
the fingerprint, its decorators and bases too (a different base is a different class).
"""

from __future__ import annotations

import ast
import hashlib
from typing import Dict, List, Set, Tuple, Union

ClassNode = ast.ClassDef


def strip_docstring(node: Union[ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.Module]) -> None:
    """Drops the docstring of one body, in place (``class_fingerprint`` does it on a copy, for every body below)."""
    body = node.body
    if body and type(body[0]) is ast.Expr and type(body[0].value) is ast.Constant and type(body[0].value.value) is str:
        node.body = body[1:] or [ast.Pass()]


def _strip_docstrings(node: ast.AST) -> None:
    for child in ast.walk(node):
        if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            strip_docstring(child)


def class_fingerprint(node: Union[ClassNode, str]) -> str:
    """A stable hash of the class's meaning: equal for classes that differ only in comments, docstrings, formatting."""
    tree = _parse_class(node)
    _strip_docstrings(tree)
    return stripped_fingerprint(tree)


def stripped_fingerprint(node: ClassNode) -> str:
    """``class_fingerprint`` of a class whose docstrings are already stripped, without copying it (the scan strips
    them bottom-up as it walks). Raises RecursionError for a class too deeply nested to dump."""
    dumped = ast.dump(node, annotate_fields=False, include_attributes=False)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:16]


def class_members(node: Union[ClassNode, str]) -> Dict[str, Set[str]]:
    """Names a class defines in its own body: ``methods`` and ``attributes`` (assigned or annotated names)."""
    methods, attributes = members(_parse_class(node))
    return {"methods": methods, "attributes": attributes}


def members(node: ClassNode) -> Tuple[Set[str], Set[str]]:
    """(methods, attributes) of ``class_members``, read from ``node`` itself (no copy)."""
    methods: Set[str] = set()
    attributes: Set[str] = set()
    for stmt in node.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            methods.add(stmt.name)
            if stmt.name == "__init__":
                attributes.update(_self_attributes(stmt))
        elif isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                attributes.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            attributes.add(stmt.target.id)
    return methods, attributes


def describe_difference(mine: Union[ClassNode, str], theirs: Union[ClassNode, str]) -> str:
    """A short human summary of how two same-named classes differ (members only in one of them)."""
    a, b = class_members(mine), class_members(theirs)
    parts: List[str] = []
    for label, key in (("methods", "methods"), ("attributes", "attributes")):
        only_a, only_b = sorted(a[key] - b[key]), sorted(b[key] - a[key])
        if only_a:
            parts.append(f"{label} only here: {', '.join(only_a)}")
        if only_b:
            parts.append(f"{label} only in canonical: {', '.join(only_b)}")
    return "; ".join(parts) or "same members, different bodies"


def _self_attributes(init: ast.AST) -> Set[str]:
    names: Set[str] = set()
    for node in ast.walk(init):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self" \
                and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return names


def _parse_class(node: Union[ClassNode, str]) -> ClassNode:
    if isinstance(node, ast.ClassDef):
        import copy
        return copy.deepcopy(node)
    import textwrap
    module = ast.parse(textwrap.dedent(node))
    for stmt in module.body:
        if isinstance(stmt, ast.ClassDef):
            return stmt
    raise ValueError("no class definition in the given source")
