"""dedupe-class: replace copies of a class with a re-export of its canonical definition.

Rules (``--arg canonical=pkg.module.ClassName``; the engine sends the source of ``pkg.module`` along):
- In every module other than ``pkg.module``, a module-level class named ``ClassName`` (also one inside a module-level
  ``if``/``try``) whose definition is equivalent to the canonical one is removed and the name bound again with
  ``from pkg.module import ClassName``. Equivalent means ``_class_equivalence.class_fingerprint`` matches: the same
  ``ast`` once comments, docstrings, whitespace and formatting are dropped; name, bases, decorators and every statement
  must agree.
  - A class directly in the module body: the import joins the module's imports (LibCST's ``AddImportsVisitor``; an
    existing ``from pkg.module import ...`` gains the name, an existing ``from pkg.module import ClassName`` is kept).
  - A class inside ``if``/``try``, or a module that already imports from ``pkg.module`` inside a block: the import
    takes the class's place, so the name is bound under the same condition and at the same point.
  Imports that only the removed class used are removed (``RemoveImportsVisitor``; names in ``__all__`` count as used).
  The name stays bound, so ``from pkg.other import ClassName`` and an ``__all__`` entry keep working.
- A same-named class that is not equivalent: review item ``class-differs``, with the members that differ.
- ``pkg.module`` imports this module at import time: the re-export would make an import cycle, review item
  ``import-cycle``.
- Source of ``pkg.module`` missing, unparsable or without a module-level ``ClassName``: review item
  ``canonical-not-found`` at each same-named class; nothing changes.
- The canonical module itself is never changed (recognised by module name or path, also under a ``src/`` prefix).
  Classes nested in functions or other classes are not module attributes and are left alone.

Caveats (why the codemod is BREAKING):
- The old class object is gone: ``pkg.other.ClassName is pkg.module.ClassName`` afterwards, so code that told the two
  apart (``isinstance`` against one of them, monkeypatching one module's class, class-level state) behaves differently.
- Equivalence is judged on the class's text: free names in its body (module constants, helpers) are assumed to mean
  the same thing in both modules.
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

from _class_equivalence import class_fingerprint, describe_difference
from _codemod_support import ReportingMixin

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


class CanonicalClassCommand(ReportingMixin, VisitorBasedCodemodCommand):
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

    def replaced(self, node: cst.ClassDef) -> None:
        raise NotImplementedError

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


class DedupeClassCommand(CanonicalClassCommand):
    NAME = "dedupe-class"
    DESCRIPTION = "Replace classes identical to a canonical class with a re-export of it."
    VERSION = "1.0.0"
    BREAKING = True
    CANONICAL_HELP = ("dotted name of the canonical class, pkg.module.ClassName; equivalent copies elsewhere "
                      "re-export it")

    def verdict(self, local: ast.ClassDef, canonical: ast.ClassDef, canonical_tree: ast.Module) -> Verdict:
        if class_fingerprint(local) != class_fingerprint(canonical):
            summary = describe_difference(local, canonical)
            return "class-differs", f"{self.class_name} differs from {self.canonical}: {summary}"
        if self._imported_by_canonical(canonical_tree):
            return ("import-cycle", f"{self.canonical_module} imports {self.this_module()}: re-exporting "
                    f"{self.class_name} from it would make an import cycle")
        return None

    def replaced(self, node: cst.ClassDef) -> None:
        self.record_change(node, "class-reexported",
                           f"{self.class_name} duplicates {self.canonical}: replaced by a re-export of it")
        self.record_breaking(f"{self.this_module()}.{self.class_name} is now a re-export of {self.canonical}",
                             f"import {self.class_name} from {self.canonical_module}")

    def _imported_by_canonical(self, tree: ast.Module) -> bool:
        mine = self.context.full_module_name
        if not mine:
            return False
        package = self.canonical_module.rpartition(".")[0]
        for stmt in module_level_statements(tree.body):
            names = []
            if isinstance(stmt, ast.Import):
                names = [alias.name for alias in stmt.names]
            elif isinstance(stmt, ast.ImportFrom):
                base = stmt.module or ""
                if stmt.level:
                    parts = package.split(".") if package else []
                    parts = parts[: len(parts) - (stmt.level - 1)] if stmt.level > 1 else parts
                    base = ".".join(p for p in (*parts, base) if p)
                names = [base] + [f"{base}.{alias.name}" for alias in stmt.names]
            if any(name and (mine == name or mine.endswith("." + name)) for name in names):
                return True
        return False


__all__ = ["CanonicalClassCommand", "DedupeClassCommand", "dotted_class_name", "keep_top_seam"]
