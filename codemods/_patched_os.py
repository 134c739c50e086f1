"""Places where a file patches another module's ``os`` (typically a test), for env-to-isolated's cross-file review.

Once env-to-isolated rewrites ``pkg.mod``, ``pkg.mod`` reads its environment through the accessor, and a test that
patches ``pkg.mod.os`` (or ``pkg.mod.os.environ``) silently stops affecting it. Found here with the patched module's
dotted name, on Python's ``ast`` of the code: most files that reach this only patch, and LibCST's position metadata
would cost them three times their parse.

- a string target ``"pkg.mod.os"`` / ``"pkg.mod.os.<attr>"`` as the first argument of ``patch(...)``,
  ``mock.patch(...)``, ``mocker.patch(...)``, ``monkeypatch.setattr(...)`` (any call named ``patch`` or ``setattr``);
- ``patch.object(mod, "os")``, ``setattr(mod, "os", ...)``, ``monkeypatch.setattr(mod, "os", ...)``, and the same
  with ``mod.os`` as the object (``patch.object(mod.os, "environ")``) or inside ``patch.dict(mod.os.environ, ...)``;
- an assignment ``mod.os = ...`` / ``mod.os.environ = ...``;

where ``mod`` is a name bound by a module-level import (``import pkg.mod as mod``, ``from pkg import mod``; relative
imports are resolved from the file's package). The engine keeps such a review item only when the named module's file
changed in the same run.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Tuple

_STRING_TARGET = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.os(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")

Found = Tuple[int, int, str]  # line, column (characters), patched module


def find(code: str, package: Optional[str]) -> List[Found]:
    """Every place ``code`` patches another module's ``os``, in source order."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines = re.split(r"\r\n|\r|\n", code)
    found: List[Found] = []
    for node, module in _patches(tree, package):
        text = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
        column = len(text.encode("utf-8")[: node.col_offset].decode("utf-8", errors="replace"))
        found.append((node.lineno, column, module))
    return sorted(set(found))


def patches_any(tree: ast.Module, package: Optional[str]) -> bool:
    """Whether ``find`` would report anything in this already parsed file (no positions are worked out)."""
    return next(_patches(tree, package), None) is not None


def _patches(tree: ast.Module, package: Optional[str]) -> Iterator[Tuple[ast.stmt, str]]:
    """Each patching call or assignment, with the module whose ``os`` it patches, in ``ast.walk`` order."""
    imported = _imported_names(tree, package)
    for node in ast.walk(tree):
        module: Optional[str] = None
        if isinstance(node, ast.Call):
            module = _patched_by_call(node, imported)
        elif isinstance(node, ast.Assign):
            module = next((m for m in (_os_owner(t, imported) for t in node.targets) if m is not None), None)
        if module is not None:
            yield node, module  # type: ignore[misc]


def _patched_by_call(node: ast.Call, imported: Dict[str, str]) -> Optional[str]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
    if not positional:
        return None
    first = positional[0]
    if name in ("patch", "setattr") and isinstance(first, ast.Constant) and isinstance(first.value, str):
        match = _STRING_TARGET.match(first.value)
        if match is not None:
            return match.group(1)
    if name in ("object", "setattr", "dict"):
        second = positional[1] if len(positional) > 1 else None
        if isinstance(second, ast.Constant) and second.value == "os":
            return _module_of(first, imported)
        return _os_owner(first, imported)
    return None


def _imported_names(tree: ast.Module, package: Optional[str]) -> Dict[str, str]:
    names: Dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(stmt, ast.ImportFrom):
            module = _absolute(stmt, package)
            if module is None:
                continue
            for alias in stmt.names:
                if alias.name != "*":
                    names[alias.asname or alias.name] = f"{module}.{alias.name}"
    return names


def _absolute(node: ast.ImportFrom, package: Optional[str]) -> Optional[str]:
    if not node.level:
        return node.module
    parts = (package or "").split(".") if package else []
    if node.level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else [])) or None


def _os_owner(node: ast.expr, imported: Dict[str, str]) -> Optional[str]:
    """The module whose ``os`` ``node`` is (``mod.os``) or reaches into (``mod.os.environ``)."""
    while isinstance(node, ast.Attribute):
        if node.attr == "os":
            return _module_of(node.value, imported)
        node = node.value
    return None


def _module_of(node: ast.expr, imported: Dict[str, str]) -> Optional[str]:
    parts: List[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in imported:
        return None
    module = ".".join([imported[node.id], *reversed(parts)])
    return None if module == "os" else module


__all__ = ["find", "patches_any"]
