"""Places where a file patches another module's ``os`` (typically a test), for env-to-isolated's cross-file review.

Once env-to-isolated rewrites ``pkg.mod``, ``pkg.mod`` reads its environment through the accessor, and a test that
patches ``pkg.mod.os`` (or ``pkg.mod.os.environ``) silently stops affecting it. Found here, cheaply (positions only,
no scope analysis), with the patched module's dotted name:

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

import re
from typing import Dict, List, Optional, Tuple

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import, get_full_name_for_node
from libcst.metadata import MetadataWrapper, PositionProvider

_STRING_TARGET = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.os(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")

Found = Tuple[int, int, str]  # line, column, patched module


def find(tree: cst.Module, package: Optional[str]) -> List[Found]:
    """Every place ``tree`` patches another module's ``os``, in source order."""
    finder = _Finder(_imported_names(tree, package))
    MetadataWrapper(tree, unsafe_skip_copy=True).visit(finder)
    return sorted(set(finder.found))


def _imported_names(tree: cst.Module, package: Optional[str]) -> Dict[str, str]:
    names: Dict[str, str] = {}
    for stmt in tree.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    dotted = get_full_name_for_node(alias.name) or ""
                    if alias.asname is not None:
                        names[alias.evaluated_alias or ""] = dotted
                    else:
                        names[dotted.split(".")[0]] = dotted.split(".")[0]
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                try:
                    module = get_absolute_module_from_package_for_import(package, small)
                except Exception:
                    module = None
                if module is None:
                    continue
                for alias in small.names:
                    name = get_full_name_for_node(alias.name) or ""
                    names[alias.evaluated_alias or name] = f"{module}.{name}"
    return names


class _Finder(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, imported: Dict[str, str]) -> None:
        super().__init__()
        self.imported = imported
        self.found: List[Found] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        positional = [arg.value for arg in node.args if arg.keyword is None and arg.star == ""]
        if not positional:
            return
        first = positional[0]
        if name in ("patch", "setattr") and isinstance(first, (cst.SimpleString, cst.ConcatenatedString)):
            value = first.evaluated_value
            match = _STRING_TARGET.match(value) if isinstance(value, str) else None
            if match is not None:
                self._add(node, match.group(1))
                return
        if name in ("object", "setattr", "dict"):
            second = positional[1] if len(positional) > 1 else None
            names_os = isinstance(second, cst.SimpleString) and second.evaluated_value == "os"
            module = self._module_of(first) if names_os else self._os_owner(first)
            if module is not None:
                self._add(node, module)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            module = self._os_owner(target.target)
            if module is not None:
                self._add(node, module)

    def _os_owner(self, node: cst.BaseExpression) -> Optional[str]:
        """The module whose ``os`` ``node`` is (``mod.os``) or reaches into (``mod.os.environ``)."""
        while isinstance(node, cst.Attribute):
            if node.attr.value == "os":
                return self._module_of(node.value)
            node = node.value
        return None

    def _module_of(self, node: cst.BaseExpression) -> Optional[str]:
        dotted = get_full_name_for_node(node)
        if not dotted:
            return None
        head, _, rest = dotted.partition(".")
        base = self.imported.get(head)
        if base is None:
            return None
        module = f"{base}.{rest}" if rest else base
        return None if module == "os" else module

    def _add(self, node: cst.CSTNode, module: str) -> None:
        start = self.get_metadata(PositionProvider, node).start
        self.found.append((start.line, start.column, module))


__all__ = ["find"]
