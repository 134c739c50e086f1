"""add-deprecation-shim: replace a legacy duplicate class by a deprecated alias of the canonical one.

Parameters: ``--arg legacy=old.module.OldName --arg canonical=new.module.NewName --arg sunset=YYYY-MM-DD``
(all required; ``sunset`` must be a real calendar date).

Only the legacy module's own file is touched (the file whose module name is ``old.module``); every other file is
returned unchanged without being analysed. In that file:

* the module-level ``class OldName`` (decorators included) is removed;
* a marker records the deprecation where a scanner (or a person) can read it with ``ast``. The contract is a
  module-level assignment of a dict literal, one entry per deprecated name, string keys and values only::

      __codemod_deprecated__ = {
          "OldName": {"canonical": "new.module.NewName", "sunset": "2027-03-31"},
      }

  Shimming a second name in the same module adds an entry (existing entries keep their order and values);
* a module ``__getattr__`` (PEP 562) serves every name listed in the marker: it calls
  ``warnings.warn(..., DeprecationWarning, stacklevel=2)`` with a message naming the canonical import path and the
  sunset date, then returns the canonical object itself, imported lazily with ``importlib`` (so a canonical module
  that imports the legacy one causes no import cycle). ``from old.module import OldName`` and ``old.module.OldName``
  therefore give the canonical class: ``isinstance`` and subclassing keep working, and the warning points at the
  importing or accessing line. The marker is what ``__getattr__`` reads, so the two cannot disagree, and deleting an
  entry after the sunset removes that alias;
* when the module already defines ``def __getattr__(name)``, the same branch is put at the top of its body and the
  rest of it runs for every other name; ``import warnings`` / ``import importlib`` are added through
  ``AddImportsVisitor`` unless imported unconditionally at module level (one inside a function does not count);
* ``__all__`` is left as it is: a listed old name keeps working for ``from old.module import *``.

A breaking-change entry is recorded: "old.module.OldName now resolves to new.module.NewName (deprecated, removed after
SUNSET)", migrate with "from new.module import NewName".

Left unchanged, with a review item:
* ``legacy-class-referenced``: code in the legacy module itself (outside the class) still uses ``OldName``; a module's
  own global lookups never reach its ``__getattr__``, so that code would break;
* ``getattr-not-mergeable``: an existing ``__getattr__`` that is not a plain one-parameter ``def``;
* ``legacy-class-not-found``: no module-level ``class OldName`` and no marker entry for it;
* ``legacy-name-rebound``: ``OldName`` is bound more than once at module level;
* ``marker-unreadable``: a ``__codemod_deprecated__`` that is not a dict literal of the contract's shape;
* ``name-conflict``: the module binds ``warnings`` or ``importlib`` to something else;
* ``canonical-not-found``: the canonical module's source is available and does not define the canonical name.
When the canonical class lacks members the legacy class had, the shim is still written (this codemod is declared
breaking) and a ``legacy-members-missing`` review lists them.

Change kinds: ``legacy-class-replaced`` and ``getattr-added`` / ``getattr-extended``.

Idempotent: a module whose marker already lists the name and that no longer defines the class is left as it is.

Caveats: static type checkers see names served by a module ``__getattr__`` as ``Any``. Imports that only the removed
class used are kept, since other modules may import them from here. For a package's ``__init__``,
``from package import OldName`` reaches ``__getattr__`` twice (the import machinery probes first), so under the
``always`` warnings filter the warning shows twice, both times at the importing line.
"""

from __future__ import annotations

import argparse
import ast
from typing import Any, Dict, List, Optional, Tuple

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import ImportAssignment, PositionProvider, ScopeProvider

from _class_equivalence import class_members
from _codemod_support import ReportingMixin
from _imports import ModuleLevelImportsMixin
from _metadata import FreshTreeMixin, PlainDispatchMixin
from _shim_marker import GETATTR, GUARD, find_marker, is_docstring, marker_statement, read_marker
from _shims import MARKER, iso_date
from redirect_imports import dotted_name

def _indented(code: str, prefix: str = "    ") -> str:
    return "".join(prefix + line if line.strip() else line for line in code.splitlines(keepends=True))


class AddDeprecationShimCommand(FreshTreeMixin, PlainDispatchMixin, ModuleLevelImportsMixin, ReportingMixin,
                                VisitorBasedCodemodCommand):
    NAME = "add-deprecation-shim"
    DESCRIPTION = "Replace a legacy duplicate class by a DeprecationWarning alias of the canonical class (PEP 562)."
    VERSION = "1.0.0"
    PREFILTER: Tuple[str, ...] = ()
    BREAKING = True
    CONTEXT_ARGS = ("canonical",)
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def prefilter_for(cls, args: Dict[str, Any]) -> Tuple[str, ...]:
        return (str(args["legacy"]).rpartition(".")[2],)

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--legacy", dest="legacy", type=dotted_name, required=True,
                                help="dotted path of the legacy class, e.g. old.module.OldName")
        arg_parser.add_argument("--canonical", dest="canonical", type=dotted_name, required=True,
                                help="dotted path of the canonical class, e.g. new.module.NewName")
        arg_parser.add_argument("--sunset", dest="sunset", type=iso_date, required=True,
                                help="date after which the alias may be removed, YYYY-MM-DD")

    def __init__(self, context: CodemodContext, legacy: str, canonical: str, sunset: str) -> None:
        super().__init__(context)
        self.legacy, self.canonical, self.sunset = dotted_name(legacy), dotted_name(canonical), iso_date(sunset)
        self.legacy_module, _, self.legacy_name = self.legacy.rpartition(".")
        self.canonical_module, _, self.canonical_name = self.canonical.rpartition(".")
        self._plan: Optional[Dict[str, Any]] = None

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # Every file but one is unchanged: skip the metadata computation for them.
        if self.context.full_module_name != self.legacy_module:
            return tree
        return super().transform_module(tree)

    # ------------------------------------------------------------------ planning

    def visit_Module(self, node: cst.Module) -> bool:
        self._plan = self._make_plan(node)
        return False

    def _make_plan(self, module: cst.Module) -> Optional[Dict[str, Any]]:
        classes = [s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == self.legacy_name]
        marker_line, entries = None, {}
        marker = find_marker(module)
        if marker is not None:
            marker_line, read = marker[0], read_marker(marker[1].value)
            if read is None:
                self.record_review(marker_line, "marker-unreadable",
                                   f"{MARKER} is not a dict literal of {{name: {{key: str}}}}: fix it by hand")
                return None
            entries = read
        if not classes:
            if self.legacy_name not in entries:
                self.record_review(module, "legacy-class-not-found",
                                   f"no module-level class {self.legacy_name} in {self.legacy_module}")
            return None
        legacy_class = classes[0]
        scope = self.get_metadata(ScopeProvider, module)
        bindings = scope.assignments[self.legacy_name] if scope is not None else set()
        if len(bindings) != 1:
            self.record_review(legacy_class, "legacy-name-rebound",
                               f"{self.legacy_name} is bound more than once in {self.legacy_module}: shim it by hand")
            return None
        span = self.get_metadata(PositionProvider, legacy_class)
        outside = sorted(
            self.get_metadata(PositionProvider, access.node).start.line
            for access in next(iter(bindings)).references
            if not span.start.line <= self.get_metadata(PositionProvider, access.node).start.line <= span.end.line
        )
        if outside:
            self.record_review(
                legacy_class, "legacy-class-referenced",
                f"{self.legacy_module} itself uses {self.legacy_name} (line {', '.join(map(str, outside))}); its own "
                f"lookups do not go through __getattr__: point them at {self.canonical} first",
            )
            return None
        for needed in ("warnings", "importlib"):
            if scope is not None and any(not isinstance(a, ImportAssignment) for a in scope.assignments[needed]):
                self.record_review(legacy_class, "name-conflict",
                                   f"'{needed}' is bound to something else here; the shim needs the module")
                return None
        getattr_plan = self._plan_getattr(module, scope)
        if getattr_plan is None:
            return None
        if not self._check_canonical(legacy_class, module):
            return None
        if self.site_suppressed(legacy_class, "legacy-class-replaced", f"class {self.legacy_name} -> deprecated alias "
                                f"of {self.canonical} until {self.sunset}"):
            return None  # a comment on the class line keeps the class
        entries = dict(entries)
        entries[self.legacy_name] = {"canonical": self.canonical, "sunset": self.sunset}
        return {"class": legacy_class, "marker": marker_line, "entries": entries, "getattr": getattr_plan}

    def _plan_getattr(self, module: cst.Module, scope: Any) -> Optional[Tuple[str, Optional[cst.FunctionDef]]]:
        defs = [s for s in module.body if isinstance(s, cst.FunctionDef) and s.name.value == "__getattr__"]
        bound = scope.assignments["__getattr__"] if scope is not None else set()
        if not defs and not bound:
            return ("add", None)
        params = defs[0].params if defs else None
        plain = (
            len(defs) == 1 and len(bound) == 1 and not defs[0].decorators and defs[0].asynchronous is None
            and params is not None and len(params.params) == 1 and not params.posonly_params
            and not params.kwonly_params and params.params[0].default is None
            and not isinstance(params.star_arg, cst.Param) and params.star_kwarg is None
        )
        if not plain:
            self.record_review(defs[0] if defs else module, "getattr-not-mergeable",
                               "this module's __getattr__ is not a plain one-parameter def: add the shim by hand")
            return None
        existing = defs[0]
        if MARKER in cst.Module([]).code_for_node(existing.body):
            return ("keep", existing)
        return ("extend", existing)

    def _check_canonical(self, legacy_class: cst.ClassDef, module: cst.Module) -> bool:
        source = self.context_module_source(self.canonical_module)
        if source is None:
            return True
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return True
        found = None
        for statement in tree.body:
            names: List[str] = []
            if isinstance(statement, (ast.ClassDef, ast.FunctionDef)):
                names = [statement.name]
            elif isinstance(statement, ast.Assign):
                names = [t.id for t in statement.targets if isinstance(t, ast.Name)]
            elif isinstance(statement, ast.ImportFrom):
                names = [a.asname or a.name for a in statement.names]
            if self.canonical_name in names:
                found = statement
        if found is None:
            self.record_review(legacy_class, "canonical-not-found",
                               f"{self.canonical_module} does not define {self.canonical_name}")
            return False
        if isinstance(found, ast.ClassDef):
            mine = class_members(module.code_for_node(legacy_class))
            theirs = class_members(found)
            # private and dunder members are the class's own business (object supplies the dunders)
            missing = sorted(n for key in ("methods", "attributes") for n in mine[key] - theirs[key]
                             if not n.startswith("_"))
            if missing:
                self.record_review(
                    legacy_class, "legacy-members-missing",
                    f"{self.canonical} lacks {', '.join(missing)} that {self.legacy} had: "
                    "callers using them will break",
                )
        return True

    # ------------------------------------------------------------------ rewriting

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        plan = self._plan
        if plan is None:
            return updated_node
        legacy_class: cst.ClassDef = plan["class"]
        mode, existing = plan["getattr"]
        marker = marker_statement(plan["entries"])
        body: List[cst.BaseStatement] = []
        # The marker must exist before any __getattr__ that reads it can run (a circular import can call it while
        # this module is still executing), so it goes where the class was or before an earlier __getattr__.
        getattr_first = mode == "extend" and updated_node.body.index(existing) < updated_node.body.index(legacy_class)
        for statement in updated_node.body:
            if statement is existing and getattr_first and plan["marker"] is None:
                body.append(marker.with_changes(leading_lines=statement.leading_lines))
                body.append(self._extended(existing).with_changes(leading_lines=[cst.EmptyLine()] * 2))
            elif statement is legacy_class:
                if plan["marker"] is None and not getattr_first:
                    body.append(marker.with_changes(leading_lines=legacy_class.leading_lines))
                if mode == "add":
                    guard = _indented(GUARD.format(name="name"))
                    function = cst.parse_statement(GETATTR.format(guard=guard))
                    body.append(function.with_changes(leading_lines=[cst.EmptyLine()] * 2))
            elif statement is plan["marker"]:
                body.append(marker.with_changes(leading_lines=statement.leading_lines))
            elif statement is existing and mode == "extend":
                body.append(self._extended(existing))
            else:
                body.append(statement)
        AddImportsVisitor.add_needed_import(self.context, "warnings")
        AddImportsVisitor.add_needed_import(self.context, "importlib")
        self.record_change(legacy_class, "legacy-class-replaced",
                           f"class {self.legacy_name} -> deprecated alias of {self.canonical} until {self.sunset}")
        if mode == "add":
            self.record_change(legacy_class, "getattr-added", "module __getattr__ serves the deprecated names")
        elif mode == "extend" and existing is not None:
            self.record_change(existing, "getattr-extended", "existing __getattr__ serves the deprecated names first")
        self.record_breaking(
            what=f"{self.legacy} now resolves to {self.canonical} (deprecated, removed after {self.sunset})",
            migrate=f"from {self.canonical_module} import {self.canonical_name}",
        )
        return updated_node.with_changes(body=body)

    def _extended(self, function: cst.FunctionDef) -> cst.FunctionDef:
        parameter = function.params.params[0].name.value
        guard = cst.parse_module(GUARD.format(name=parameter)).body[0]
        block = function.body
        assert isinstance(block, cst.IndentedBlock)
        statements = list(block.body)
        position = 1 if statements and is_docstring(statements[0]) else 0
        statements.insert(position, guard)
        return function.with_changes(body=block.with_changes(body=statements))


__all__ = ["AddDeprecationShimCommand", "MARKER", "iso_date", "read_marker"]
