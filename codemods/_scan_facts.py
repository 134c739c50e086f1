"""The scan's statement facts: classes, imports, singletons, deprecation shims and ``__all__`` (shapes in ``_scan``).

One pass over the statements, never into expressions: definitions and imports are statements. Class fingerprints and
members are ``_class_equivalence``'s, singletons ``_singleton``'s: the rules the codemods apply.
"""

from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional, Set, Tuple

from _class_equivalence import members, strip_docstring, stripped_fingerprint
from _scan_scopes import LOOP_TYPES, TRY_TYPES, WITH_TYPES
from _shims import MARKER, shim_entry, shim_kind
from _singleton import accessor_function_class, dotted, is_accessor_method, is_instance_cache, is_singleton_instance

SHIM_MARKER = MARKER


def _base_text(node: ast.expr) -> str:
    name = dotted(node.value if type(node) is ast.Subscript else node)
    return name if name is not None else _unparse(node)


def _decorator_text(node: ast.expr) -> str:
    name = dotted(node.func if type(node) is ast.Call else node)
    return name if name is not None else _unparse(node)


def _unparse(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except RecursionError:
        return "<expression>"


def _fingerprint(node: ast.ClassDef) -> Optional[str]:
    # Every docstring below the class is already stripped (bottom-up by the collector): no copy needed.
    try:
        return stripped_fingerprint(node)
    except RecursionError:
        return None


def _members(node: ast.ClassDef) -> Tuple[List[str], List[str]]:
    methods, attributes = members(node)
    return sorted(methods), sorted(attributes)


def _literal_strings(node: Optional[ast.AST]) -> Optional[List[str]]:
    if type(node) not in (ast.List, ast.Tuple):
        return None
    values: List[str] = []
    for element in node.elts:
        if type(element) is not ast.Constant or type(element.value) is not str:
            return None
        values.append(element.value)
    return values


class FactCollector:
    """One pass over the statements (never into expressions: definitions and imports are statements)."""

    def __init__(self, package: str) -> None:
        self.package = package
        self.classes: List[Dict[str, Any]] = []
        self.imports: List[Dict[str, Any]] = []
        self.shims: List[Dict[str, Any]] = []
        self.all_names: Optional[List[str]] = None
        self._class_singletons: List[Dict[str, Any]] = []
        self._instances: List[Tuple[int, str, str]] = []  # module-level (line, name, callee)
        self._class_names: Set[str] = set()
        self._functions: List[Tuple[ast.AST, List[str]]] = []  # module-level functions: maybe singleton accessors

    def run(self, tree: ast.Module) -> None:
        self._body(tree.body, "", True)

    def singletons(self) -> List[Dict[str, Any]]:
        found = list(self._class_singletons)
        instances: Dict[str, str] = {}
        for line, name, callee in self._instances:
            if is_singleton_instance(callee, self._class_names):
                instances[name] = callee
                found.append({"line": line, "name": name, "kind": "module-instance", "class": callee})
        for function, decorators in self._functions:
            owner = accessor_function_class(function, instances, decorators)
            if owner is not None:
                found.append({"line": function.lineno, "name": function.name, "kind": "get-function", "class": owner})
        return sorted(found, key=lambda s: (s["line"], s["kind"], s["name"]))

    def shim_facts(self) -> List[Dict[str, Any]]:
        """The marker's entries, each with its ``kind`` (``_shims.shim_kind``: ``wrapper`` or ``alias``)."""
        defined = {function.name for function, _ in self._functions}  # type: ignore[attr-defined]
        defined.update(f"{c['name']}.{m}" for c in self.classes if not c["nested"] for m in c["methods"])
        return [{**shim, "kind": shim_kind(shim["name"], defined)} for shim in self.shims]

    def _body(self, body: List[ast.stmt], prefix: str, toplevel: bool) -> None:
        for stmt in body:
            kind = type(stmt)
            if kind is ast.ImportFrom:
                self._import_from(stmt, toplevel)
            elif kind is ast.Import:
                for alias in stmt.names:
                    self.imports.append({"kind": "import", "module": alias.name, "asname": alias.asname,
                                         "line": stmt.lineno, "toplevel": toplevel})
            elif kind is ast.ClassDef:
                self._class(stmt, prefix)
            elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                if toplevel:
                    self._functions.append((stmt, [_decorator_text(d) for d in stmt.decorator_list]))
                self._body(stmt.body, f"{prefix}{stmt.name}.<locals>.", False)
                strip_docstring(stmt)
            elif kind is ast.If or kind in LOOP_TYPES or kind in WITH_TYPES:
                self._body(stmt.body, prefix, toplevel)
                self._body(getattr(stmt, "orelse", ()), prefix, toplevel)
            elif kind in TRY_TYPES:
                self._body(stmt.body, prefix, toplevel)
                for handler in stmt.handlers:
                    self._body(handler.body, prefix, toplevel)
                self._body(stmt.orelse, prefix, toplevel)
                self._body(stmt.finalbody, prefix, toplevel)
            elif kind is ast.Match:
                for case in stmt.cases:
                    self._body(case.body, prefix, toplevel)
            elif toplevel:
                self._module_statement(stmt)

    def _import_from(self, stmt: ast.ImportFrom, toplevel: bool) -> None:
        module = stmt.module or ""
        unresolved = False
        if stmt.level:
            parts = self.package.split(".") if self.package else []
            if stmt.level > len(parts):
                module, unresolved = "." * stmt.level + module, True
            else:
                module = ".".join(parts[:len(parts) - stmt.level + 1] + ([module] if module else []))
        for alias in stmt.names:
            entry = {"kind": "from", "module": module, "name": alias.name, "asname": alias.asname,
                     "line": stmt.lineno, "toplevel": toplevel}
            if unresolved:
                entry["unresolved"] = True
            self.imports.append(entry)

    def _class(self, node: ast.ClassDef, prefix: str) -> None:
        name = prefix + node.name
        self._class_names.add(node.name)
        methods, attributes = _members(node)
        entry: Dict[str, Any] = {
            "name": name,
            "line": node.lineno,
            "bases": [_base_text(base) for base in node.bases],
            "fingerprint": None,
            "methods": methods,
            "attributes": attributes,
            "decorators": [_decorator_text(decorator) for decorator in node.decorator_list],
            "nested": bool(prefix),
        }
        self.classes.append(entry)
        self._class_singleton_patterns(node, name)
        self._body(node.body, name + ".", False)
        strip_docstring(node)
        entry["fingerprint"] = _fingerprint(node)

    def _class_singleton_patterns(self, node: ast.ClassDef, name: str) -> None:
        for stmt in node.body:
            kind = type(stmt)
            if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                if is_accessor_method(stmt.name, [_decorator_text(d) for d in stmt.decorator_list]):
                    self._class_singletons.append({"line": stmt.lineno, "name": stmt.name,
                                                   "kind": "get-instance", "class": name})
            elif kind is ast.Assign or kind is ast.AnnAssign:
                targets = stmt.targets if kind is ast.Assign else [stmt.target]
                if is_instance_cache(t.id for t in targets if type(t) is ast.Name):
                    self._class_singletons.append({"line": stmt.lineno, "name": "_instance",
                                                   "kind": "instance-attribute", "class": name})

    def _module_statement(self, stmt: ast.stmt) -> None:
        kind = type(stmt)
        if kind is ast.Assign or kind is ast.AnnAssign:
            targets = stmt.targets if kind is ast.Assign else [stmt.target]
            value = stmt.value
            for target in targets:
                if type(target) is not ast.Name:
                    continue
                if target.id == "__all__":
                    self.all_names = _literal_strings(value)
                elif target.id == SHIM_MARKER and value is not None:
                    self._shims(value)
                elif type(value) is ast.Call:
                    callee = dotted(value.func)
                    if callee is not None:
                        self._instances.append((stmt.lineno, target.id, callee))
        elif kind is ast.AugAssign:
            if type(stmt.target) is ast.Name and stmt.target.id == "__all__":
                self._extend_all(_literal_strings(stmt.value))
        elif kind is ast.Expr and type(stmt.value) is ast.Call:
            call = stmt.value
            method = dotted(call.func)
            if method in ("__all__.extend", "__all__.append") and len(call.args) == 1 and not call.keywords:
                argument = call.args[0]
                if method == "__all__.extend":
                    self._extend_all(_literal_strings(argument))
                else:
                    is_str = type(argument) is ast.Constant and type(argument.value) is str
                    self._extend_all([argument.value] if is_str else None)

    def _extend_all(self, values: Optional[List[str]]) -> None:
        if self.all_names is not None:
            self.all_names = self.all_names + values if values is not None else None

    def _shims(self, value: ast.expr) -> None:
        if type(value) is not ast.Dict:
            return
        for key, item in zip(value.keys, value.values):
            entry = shim_entry(key, item) if key is not None else None
            if entry is not None:
                name, canonical, sunset = entry
                self.shims.append({"line": key.lineno, "name": name, "canonical": canonical, "sunset": sunset})


__all__ = ["FactCollector", "SHIM_MARKER"]
