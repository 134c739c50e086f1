"""What the class-replacing codemods (dedupe-class, consolidate-mocks) share.

A ``CanonicalClassCommand`` finds module-level (or block-level) classes named like a canonical class given as
``--arg canonical=pkg.module.ClassName``, asks the subclass for a verdict on each (replace, or a review item), and
replaces the accepted ones with an import of the canonical class. ``keep_top_seam`` restores the blank lines LibCST's
import removal takes from the top of a file; env-in-tests uses it too.
"""

from __future__ import annotations

import argparse
import ast
import functools
from typing import Any, Iterator, Mapping, Optional, Set, Tuple, Union

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import get_absolute_module_from_package_for_import
from libcst.metadata import PositionProvider, ScopeProvider

from _codemod_support import ReportingMixin
from _imports import ModuleLevelImportsMixin
from _metadata import FreshTreeMixin, PlainDispatchMixin

Verdict = Optional[Tuple[str, str]]  # None: replace the class; otherwise (review kind, message)


def dotted_class_name(value: str) -> str:
    """argparse type of ``canonical``: ``pkg.module.ClassName``."""
    module, _, name = value.rpartition(".")
    if not module or not name.isidentifier() or not all(part.isidentifier() for part in module.split(".")):
        raise argparse.ArgumentTypeError(f"expected pkg.module.ClassName, got {value!r}")
    return value


@functools.lru_cache(maxsize=16)
def _parse_canonical(source: str) -> Union[ast.Module, str]:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError) as error:
        return f"cannot parse it: {error}"


def module_level_statements(body: list) -> Iterator[ast.stmt]:
    """Statements that run at import time, through ``if``/``try``/``with`` blocks but not into functions or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            for block in ("body", "orelse", "finalbody"):
                yield from module_level_statements(getattr(stmt, block, []))
            for handler in getattr(stmt, "handlers", []):
                yield from module_level_statements(handler.body)


def keep_top_seam(original: cst.Module, updated: cst.Module) -> cst.Module:
    """Put back the blank lines LibCST's import passes took from the top of the module.

    ``RemoveImportsVisitor`` drops a removed import line together with the blank lines above it, and
    ``AddImportsVisitor`` inserts imports without any; a module could then start with a blank line or have its
    docstring glued to the next statement. The blank lines between the docstring (or the top of the file) and the
    first statement are kept as they were; seams holding comments are left as LibCST made them.
    """
    seam = _first_after_docstring(original)
    if seam is None or seam != _first_after_docstring(updated):
        return updated
    before, after = original.body[seam].leading_lines, updated.body[seam].leading_lines
    if len(before) == len(after) or any(line.comment is not None for line in (*before, *after)):
        return updated
    body = list(updated.body)
    body[seam] = body[seam].with_changes(leading_lines=before)
    return updated.with_changes(body=body)


def _first_after_docstring(module: cst.Module) -> Optional[int]:
    index = 1 if module.body and m.matches(
        module.body[0], m.SimpleStatementLine(body=[m.Expr(value=m.SimpleString() | m.ConcatenatedString())])) else 0
    return index if index < len(module.body) else None


class CanonicalClassCommand(FreshTreeMixin, PlainDispatchMixin, ModuleLevelImportsMixin, ReportingMixin,
                            VisitorBasedCodemodCommand):
    """Shared walk of codemods that replace local copies of one canonical class with an import of it.

    Subclasses say which copies qualify (``verdict``) and what to record for a replaced one (``replaced``).
    """

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)
    PREFILTER: Tuple[str, ...] = ()
    CONTEXT_ARGS: Tuple[str, ...] = ("canonical",)
    CANONICAL_HELP = "dotted name of the canonical class, pkg.module.ClassName"
    NESTED_CLASSES = False  # whether classes inside functions or other classes are candidates too

    @classmethod
    def add_args(cls, arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--canonical", dest="canonical", required=True, type=dotted_class_name,
                                help=cls.CANONICAL_HELP)

    @classmethod
    def prefilter_for(cls, args: Union[Mapping[str, Any], argparse.Namespace]) -> Tuple[str, ...]:
        """Only files that mention the class name can hold a copy of it."""
        value = args.get("canonical") if isinstance(args, Mapping) else getattr(args, "canonical", None)
        if isinstance(value, str) and "." in value:
            return (value.rpartition(".")[2],)
        return ()

    def __init__(self, context: CodemodContext, canonical: str) -> None:
        super().__init__(context)
        self.canonical = canonical
        self.canonical_module, _, self.class_name = canonical.rpartition(".")
        self._depth = 0
        self._top_level: Set[int] = set()
        self._replace: Set[int] = set()
        self._hoist: Optional[bool] = None
        self._canonical: Union[None, Tuple[ast.ClassDef, ast.Module], str] = None

    # -- hooks --------------------------------------------------------------------------------------------------
    def verdict(self, local: ast.ClassDef, canonical: ast.ClassDef, canonical_tree: ast.Module) -> Verdict:
        raise NotImplementedError

    def change(self) -> Tuple[str, str]:
        """Kind and message of the change recorded for a replaced class."""
        raise NotImplementedError

    def replaced(self, node: cst.ClassDef) -> None:
        """Records a replaced class (``change``); subclasses add what else a replacement means."""
        self.record_change(node, *self.change())

    # -- walk ---------------------------------------------------------------------------------------------------
    def transform_module(self, tree: cst.Module) -> cst.Module:
        return keep_top_seam(tree, super().transform_module(tree))

    def visit_Module(self, node: cst.Module) -> bool:
        if self._is_canonical_module():
            return False
        self._top_level = {id(stmt) for stmt in node.body}
        return True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        self._depth -= 1
        return updated_node

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        candidate = node.name.value == self.class_name and (self._depth == 0 or self.NESTED_CLASSES)
        self._depth += 1
        if not candidate:
            return True
        canonical = self._load_canonical()
        if isinstance(canonical, str):
            self.record_review(node, "canonical-not-found", canonical)
            return True
        try:
            local = _parse_class(self.module.code_for_node(node))
        except SyntaxError:
            return True
        canonical_class, canonical_tree = canonical
        found = self.verdict(local, canonical_class, canonical_tree)
        if found is not None:
            self.record_review(node, *found)
            return True
        if self.site_suppressed(node, *self.change()):  # a comment on the class line keeps the class
            return True
        self._replace.add(id(node))
        self.replaced(node)
        self._schedule_import_cleanup(node)
        return False

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> Union[cst.BaseStatement, cst.RemovalSentinel]:
        self._depth -= 1
        if id(original_node) not in self._replace:
            return updated_node
        if id(original_node) in self._top_level and self._may_hoist():
            AddImportsVisitor.add_needed_import(self.context, self.canonical_module, self.class_name)
            return cst.RemoveFromParent()
        statement = cst.parse_statement(f"from {self.canonical_module} import {self.class_name}",
                                        config=self.module.config_for_parsing)
        return statement.with_changes(leading_lines=original_node.leading_lines)

    # -- helpers ------------------------------------------------------------------------------------------------
    def _is_canonical_module(self) -> bool:
        # Module names derived from paths may carry a source-root prefix (src.pkg.module): match by suffix, which can
        # only err towards leaving a file alone.
        name = self.context.full_module_name or ""
        if name == self.canonical_module or name.endswith("." + self.canonical_module):
            return True
        path = (self.context.filename or "").replace("\\", "/")
        base = self.canonical_module.replace(".", "/")
        return any(path == tail or path.endswith("/" + tail) for tail in (base + ".py", base + "/__init__.py"))

    def _load_canonical(self) -> Union[Tuple[ast.ClassDef, ast.Module], str]:
        if self._canonical is None:
            self._canonical = self._find_canonical()
        return self._canonical

    def _find_canonical(self) -> Union[Tuple[ast.ClassDef, ast.Module], str]:
        source = self.context_module_source(self.canonical_module)
        if source is None:
            return f"source of {self.canonical_module} not available: cannot compare {self.class_name} with it"
        tree = _parse_canonical(source)
        if isinstance(tree, str):
            return f"{self.canonical_module}: {tree}"
        for stmt in module_level_statements(tree.body):
            if isinstance(stmt, ast.ClassDef) and stmt.name == self.class_name:
                return stmt, tree
        return f"{self.canonical_module} defines no module-level class {self.class_name}"

    def _may_hoist(self) -> bool:
        # AddImportsVisitor treats an import inside a function or an `if TYPE_CHECKING:` block as already present (and
        # merges names into it), which would leave the name unbound at module level: then the import goes in place.
        if self._hoist is None:
            top = {id(small) for stmt in self.module.body if isinstance(stmt, cst.SimpleStatementLine)
                   for small in stmt.body}
            self._hoist = True
            for found in m.findall(self.module, m.ImportFrom()):
                assert isinstance(found, cst.ImportFrom)
                source = get_absolute_module_from_package_for_import(self.context.full_package_name, found)
                if source == self.canonical_module and id(found) not in top:
                    self._hoist = False
        return self._hoist

    def _schedule_import_cleanup(self, node: cst.ClassDef) -> None:
        RemoveImportsVisitor.remove_unused_import_by_node(self.context, node)
        # The class's own name also resolves to every import binding that name (the re-export itself, or the
        # `from fast import ClassName` a fallback class stood in for): those bind a public name nothing in the module
        # may use, so they must survive.
        pending = self.context.scratch.get(RemoveImportsVisitor.CONTEXT_KEY)
        if pending:
            pending[:] = [entry for entry in pending if _bound_name(*entry) != self.class_name]

    def this_module(self) -> str:
        return self.context.full_module_name or (self.context.filename or "<module>")


def _bound_name(module: str, obj: Optional[str], asname: Optional[str]) -> str:
    return asname or obj or module.split(".")[0]


def _parse_class(source: str) -> ast.ClassDef:
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.ClassDef):
            return stmt
    raise SyntaxError("no class definition")
