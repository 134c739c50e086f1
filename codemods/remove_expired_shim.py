"""remove-expired-shim: delete the deprecation shims whose sunset date has passed.

Parameter: ``--arg today=YYYY-MM-DD`` (default: the real date; plans pass it so a run is reproducible, and the result
cache keys on it). Only modules with a module-level ``__codemod_deprecated__`` marker are touched, and in them exactly
the entries the scan's ``expired-shim`` rule reports: what a shim and its sunset are is ``_shims`` (``shim_entry``,
``is_expired``), the definition the scan's facts use. Per expired entry:

* a ``Class.method`` key (singleton-to-factory ``shim=true``): the method is deleted from the module-level class
  (a class left empty gets ``pass``); change kind ``expired-wrapper-removed``;
* a name the module defines with ``def`` (a deprecated accessor wrapper): the function is deleted, same kind;
* any other name, an alias served by the PEP 562 ``__getattr__`` (add-deprecation-shim): change kind
  ``expired-alias-removed``; the name is also taken out of a literal ``__all__`` (``from m import *`` would fail).

Then the entry leaves the marker. When the marker is left empty: the ``if name in __codemod_deprecated__:`` branch
leaves ``__getattr__``, and a ``__getattr__`` that only raised ``AttributeError`` besides is deleted
(``getattr-removed``); the marker goes too, unless something else still reads it (then it stays as ``{}``). A
``_PROCESS_CONTEXT = None`` that only the deleted wrappers read is deleted, and ``warnings`` / ``importlib`` imports
nothing uses any more are removed with ``RemoveImportsVisitor``. Each removal records a breaking-change entry.

Left alone, with a review item: a wrapper the module itself still calls (``shim-still-used``: those calls would
fail); a definition that does not warn with ``DeprecationWarning`` (``shim-wrapper-edited``: not the wrapper any
more). Unexpired entries and entries the scan does not count (no string ``canonical``, unreadable sunset) stay.

Callers in other files are not visible here: ``codemod plan suggest --expired`` puts the redirect steps
(``redirect-imports``, ``singleton-to-factory``) before this one. Idempotent: a second run finds nothing expired.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import PositionProvider, ScopeProvider

from _codemod_support import ReportingMixin
from _metadata import FreshTreeMixin, PlainDispatchMixin
from _shim_marker import cst_shim_entry, find_marker
from _shims import MARKER, is_expired, iso_date, parse_date, shim_kind

PROCESS_CONTEXT = "_PROCESS_CONTEXT"


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _without(elements: List[Any], drop: Set[int]) -> List[Any]:
    """``elements`` without the indexes in ``drop``; the last one kept takes the comma of the old last one."""
    kept = [e for i, e in enumerate(elements) if i not in drop]
    if kept and elements and (len(elements) - 1) in drop:
        kept[-1] = kept[-1].with_changes(comma=elements[-1].comma)
    return kept


class _Names(cst.CSTVisitor):
    """Every ``Name`` and ``Attribute.attr`` spelled in a tree, except under the nodes in ``skip``."""

    def __init__(self, skip: Set[int]) -> None:
        self.skip, self.names, self.attrs = skip, [], []  # type: ignore[var-annotated]

    def on_visit(self, node: cst.CSTNode) -> bool:
        if id(node) in self.skip:
            return False
        if isinstance(node, cst.Name):
            self.names.append(node.value)
        elif isinstance(node, cst.Attribute):
            self.attrs.append(node.attr.value)
        return True


class RemoveExpiredShimCommand(FreshTreeMixin, PlainDispatchMixin, ReportingMixin, VisitorBasedCodemodCommand):
    NAME = "remove-expired-shim"
    DESCRIPTION = "Delete deprecation shims (aliases and accessor wrappers) whose sunset date has passed."
    VERSION = "1.0.0"
    PREFILTER: Tuple[str, ...] = (MARKER,)
    BREAKING = True
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--today", dest="today", type=iso_date, default=None,
                                help="the day that decides what is expired, YYYY-MM-DD (default: the real date)")

    def __init__(self, context: CodemodContext, today: Optional[str] = None) -> None:
        super().__init__(context)
        self.today = parse_date(iso_date(today)) if today else datetime.date.today()
        self.module_name = ""

    def transform_module(self, tree: cst.Module) -> cst.Module:
        result = super().transform_module(tree)
        # Removed imports at the top must not leave the next statement's blank lines opening the file.
        if result is not tree and result.body and tree.body and not tree.body[0].leading_lines:
            first = result.body[0]
            lines = list(first.leading_lines)
            while lines and lines[0].comment is None:
                lines.pop(0)
            result = result.with_changes(body=[first.with_changes(leading_lines=lines), *result.body[1:]])
        return result

    def visit_Module(self, node: cst.Module) -> bool:
        return False

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        module = updated_node
        self.module_name = self.context.full_module_name or ""
        marker = find_marker(module)
        if marker is None or not isinstance(marker[1].value, cst.Dict):
            return module
        statement, assign = marker
        elements = list(assign.value.elements)  # type: ignore[attr-defined]
        drop: Set[int] = set()
        removed: Set[int] = set()  # id() of statements / methods to delete
        aliases: List[str] = []
        for index, element in enumerate(elements):
            entry = cst_shim_entry(element)
            if entry is None or not is_expired(entry[2], self.today):
                continue
            name, canonical, sunset = entry
            target = self._definition(module, name) if shim_kind(name, self._defined(module)) == "wrapper" else None
            if target is not None and not self._removable(module, name, target, element):
                continue
            drop.add(index)
            if "." not in name:
                aliases.append(name)
            if target is None:
                kind = "expired-alias-removed"
            else:
                removed.add(id(target))
                kind = "expired-wrapper-removed"
            self.record_change(element, kind, f"{name}: deprecated alias of {canonical} past its sunset {sunset}")
            self.record_breaking(what=f"{self.module_name}.{name} removed (deprecated alias of {canonical}, "
                                      f"sunset {sunset})", migrate=f"use {canonical}")
        if not drop:
            return module
        kept = _without(elements, drop)
        guard_gone = not kept
        body: List[cst.BaseStatement] = []
        for stmt in module.body:
            if id(stmt) in removed:
                continue
            if isinstance(stmt, cst.ClassDef):
                stmt = self._without_methods(stmt, removed)
            elif isinstance(stmt, cst.FunctionDef) and stmt.name.value == "__getattr__" and guard_gone:
                cleaned = self._without_guard(stmt)
                if cleaned is None:
                    self.record_change(stmt, "getattr-removed", "__getattr__ served only the expired aliases")
                    continue
                if cleaned is not stmt:
                    self.record_change(stmt, "getattr-guard-removed", "__getattr__ no longer serves deprecated names")
                stmt = cleaned
            elif stmt is statement:
                value = assign.value.with_changes(elements=kept) if kept else cst.Dict([])
                stmt = stmt.with_changes(body=[assign.with_changes(value=value)])
            elif aliases:
                stmt = self._without_in_all(stmt, aliases)
            body.append(stmt)
        result = module.with_changes(body=body)
        result = self._tidy(result, statement, guard_gone, bool(removed))
        for name in ("warnings", "importlib"):
            RemoveImportsVisitor.remove_unused_import(self.context, name)
        return result

    # ---- what an entry names

    @staticmethod
    def _defined(module: cst.Module) -> Set[str]:
        """What the module defines, as ``_shims.shim_kind`` (and the scan's facts) spell it."""
        defined: Set[str] = set()
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef):
                defined.add(stmt.name.value)
            elif isinstance(stmt, cst.ClassDef):
                defined.update(f"{stmt.name.value}.{s.name.value}" for s in stmt.body.body if isinstance(s, cst.FunctionDef))
        return defined

    @staticmethod
    def _definition(module: cst.Module, name: str) -> Optional[cst.FunctionDef]:
        owner, _, method = name.rpartition(".")
        holders: List[Any] = [module] if not owner else [
            s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == owner]
        for holder in holders:
            statements = holder.body if isinstance(holder, cst.Module) else holder.body.body
            for stmt in statements:
                if isinstance(stmt, cst.FunctionDef) and stmt.name.value == method:
                    return stmt
        return None

    def _removable(self, module: cst.Module, name: str, target: cst.FunctionDef, element: cst.CSTNode) -> bool:
        if "DeprecationWarning" not in _code(target):
            self.record_review(target, "shim-wrapper-edited",
                               f"{name} no longer warns with DeprecationWarning: it is not the deprecated wrapper "
                               f"any more; delete it or its {MARKER} entry by hand")
            return False
        names = _Names({id(target)})
        module.visit(names)
        method = name.rpartition(".")[2]
        if ("." in name and method in names.attrs) or ("." not in name and names.names.count(name) > 0):
            self.record_review(target, "shim-still-used",
                               f"{self.module_name} itself still uses {name}: move those uses to the factory "
                               f"first, then rerun")
            return False
        return True

    # ---- deleting

    @staticmethod
    def _without_methods(cls: cst.ClassDef, removed: Set[int]) -> cst.ClassDef:
        statements = [s for s in cls.body.body if id(s) not in removed]
        if len(statements) == len(cls.body.body):
            return cls
        if not statements:
            statements = [cst.SimpleStatementLine([cst.Pass()])]
        return cls.with_changes(body=cls.body.with_changes(body=statements))

    @staticmethod
    def _without_guard(function: cst.FunctionDef) -> Optional[cst.FunctionDef]:
        block = function.body
        if not isinstance(block, cst.IndentedBlock) or len(function.params.params) != 1:
            return function
        parameter = function.params.params[0].name.value
        guard = f"{parameter} in {MARKER}"
        statements = [s for s in block.body if not (isinstance(s, cst.If) and _code(s.test) == guard)]
        if len(statements) == len(block.body):
            return function
        rest = [s for s in statements if not _code(s).strip().startswith(("raise AttributeError", '"', "'"))]
        if not rest:
            return None
        return function.with_changes(body=block.with_changes(body=statements))

    @staticmethod
    def _without_in_all(stmt: cst.BaseStatement, names: List[str]) -> cst.BaseStatement:
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Assign)):
            return stmt
        assign = stmt.body[0]
        target = assign.targets[0].target if len(assign.targets) == 1 else None
        value = assign.value
        if not (isinstance(target, cst.Name) and target.value == "__all__" and isinstance(value, (cst.List, cst.Tuple))):
            return stmt
        drop = {i for i, e in enumerate(value.elements)
                if isinstance(e.value, cst.SimpleString) and e.value.evaluated_value in names}
        if not drop:
            return stmt
        return stmt.with_changes(body=[assign.with_changes(value=value.with_changes(
            elements=_without(list(value.elements), drop)))])

    def _tidy(self, module: cst.Module, marker: cst.SimpleStatementLine, empty: bool, wrappers: bool) -> cst.Module:
        """Deletes the marker once empty and unread, and a ``_PROCESS_CONTEXT = None`` only the wrappers read."""
        marker_now = find_marker(module)
        drop: Set[int] = set()
        names = _Names({id(marker_now[0])} if marker_now else set())
        module.visit(names)
        if empty and marker_now is not None and MARKER not in names.names:
            drop.add(id(marker_now[0]))
        if wrappers and names.names.count(PROCESS_CONTEXT) == 1:
            for stmt in module.body:
                if isinstance(stmt, cst.SimpleStatementLine) and _code(stmt).strip().endswith(
                        f"{PROCESS_CONTEXT} = None"):
                    drop.add(id(stmt))
        if not drop:
            return module
        return module.with_changes(body=[s for s in module.body if id(s) not in drop])


__all__ = ["RemoveExpiredShimCommand"]
