"""Module-level imports placed where a name must certainly be bound, and import removal that keeps blank lines.

Why not ``AddImportsVisitor`` alone: it treats an import *anywhere* in the file as present (inside a function, under
``if TYPE_CHECKING:``, in a ``try`` whose handler swallows ``ImportError``) and merges new names into such imports, so
a name written in another function stays unbound; and it appends new imports after the last import of the leading
block, relative imports included. ``ensure_module_import`` adds ``from <module> import <name>`` unless an
unconditional module-level statement before ``before_index`` already binds it that way, merging into an unconditional
module-level ``from <module> import ...`` when there is one, else inserting a statement where isort would: sections
``__future__``, standard library, third party, first party, relative; ``import x`` before ``from x import`` within a
section; alphabetical. Sections are told apart by ``sys.stdlib_module_names`` and the first-party roots the caller
names. No blank line is added or removed inside the block.

``BlankKeepingRemoveImportsVisitor`` is LibCST's ``RemoveImportsVisitor`` except that a removed import line's leading
blank lines go to the statement that follows it when that statement has none, so the blank line a user wrote after a
docstring or between sections survives. ``KnownUnusedRemoveImportsVisitor`` is that visitor for a codemod that has
already proved which aliases its rewrite left unused: it skips the second scope analysis, of the new tree, that costs
LibCST's visitor several times the parse.
"""

from __future__ import annotations

import sys
from typing import Collection, Dict, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import get_absolute_module_from_package_for_import, get_full_name_for_node
from libcst.metadata import ProviderT

from _metadata import FreshTreeMixin, PlainDispatchMixin

_STDLIB: Set[str] = set(getattr(sys, "stdlib_module_names", ())) | set(sys.builtin_module_names)

Statement = Union[cst.SimpleStatementLine, cst.BaseCompoundStatement]


def ensure_module_import(
    tree: cst.Module,
    module: str,
    name: str,
    package: Optional[str],
    first_party: Sequence[str] = (),
    before_index: Optional[int] = None,
) -> cst.Module:
    """``tree`` with ``from module import name`` certainly bound at module level (see the module docstring).

    ``before_index``: index in ``tree.body`` of the first module-level statement that reads the name at import time;
    an existing import at or after it does not count.
    """
    body = list(tree.body)
    limit = len(body) if before_index is None else before_index
    merge_into: Optional[Tuple[int, int]] = None
    for index, stmt in enumerate(body[:limit]):
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for position, small in enumerate(stmt.body):
            if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
                continue
            if get_absolute_module_from_package_for_import(package, small) != module:
                continue
            for alias in small.names:
                if get_full_name_for_node(alias.name) == name and (alias.evaluated_alias or name) == name:
                    return tree
            if merge_into is None and not small.relative:
                merge_into = (index, position)
    if merge_into is not None:
        index, position = merge_into
        stmt = body[index]
        assert isinstance(stmt, cst.SimpleStatementLine)
        small = stmt.body[position]
        assert isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar)
        small = small.with_changes(names=_with_alias(small.names, name))
        body[index] = stmt.with_changes(body=[*stmt.body[:position], small, *stmt.body[position + 1 :]])
        return tree.with_changes(body=body)
    new = cst.parse_statement(f"from {module} import {name}", config=tree.config_for_parsing)
    assert isinstance(new, cst.SimpleStatementLine)
    return tree.with_changes(body=_insert(body, new, _key(module, True, first_party), first_party))


def _with_alias(names: Sequence[cst.ImportAlias], name: str) -> List[cst.ImportAlias]:
    # Sorted position when the names are sorted; the last name's comma (none, or a trailing one) stays last.
    values = [get_full_name_for_node(alias.name) or "" for alias in names]
    at = next((i for i, value in enumerate(values) if value.lower() > name.lower()), len(values))
    new = cst.ImportAlias(name=cst.Name(name))
    if at == len(values):
        last = names[-1]
        return [*names[:-1], last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
                new.with_changes(comma=last.comma)]
    return [*names[:at], new.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))), *names[at:]]


def _insert(body: List[Statement], new: cst.SimpleStatementLine, key: Tuple[int, int, str],
            first_party: Sequence[str]) -> List[Statement]:
    start = _after_docstring(body)
    block: List[Tuple[int, Tuple[int, int, str]]] = []
    for index in range(start, len(body)):
        found = _import_key(body[index], first_party)
        if found is None:
            break
        block.append((index, found))
    if not block:
        # No leading imports: right after the docstring, separated from the code below by one blank line.
        rest = body[start:]
        if rest and not rest[0].leading_lines:
            rest[0] = rest[0].with_changes(leading_lines=[cst.EmptyLine()])
        return [*body[:start], new, *rest]
    for position, (index, found) in enumerate(block):
        if found > key:
            following = body[index]
            previous_section = block[position - 1][1][0] if position else None
            if found[0] == key[0] and previous_section != key[0]:
                # The new import opens this section: it takes the section's leading blank lines.
                new = new.with_changes(leading_lines=following.leading_lines)
                following = following.with_changes(leading_lines=[])
            return [*body[:index], new, following, *body[index + 1 :]]
    last = block[-1][0]
    return [*body[: last + 1], new, *body[last + 1 :]]


def _after_docstring(body: Sequence[Statement]) -> int:
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1:
        first = body[0].body[0]
        if isinstance(first, cst.Expr) and isinstance(first.value, (cst.SimpleString, cst.ConcatenatedString)):
            return 1
    return 0


def _import_key(stmt: Statement, first_party: Sequence[str]) -> Optional[Tuple[int, int, str]]:
    if not isinstance(stmt, cst.SimpleStatementLine) or not stmt.body:
        return None
    first = stmt.body[0]
    if not all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in stmt.body):
        return None
    if isinstance(first, cst.Import):
        return _key(get_full_name_for_node(first.names[0].name) or "", False, first_party)
    assert isinstance(first, cst.ImportFrom)
    if first.relative:
        return (5, 1, "." * len(first.relative) + (get_full_name_for_node(first.module) or "" if first.module else ""))
    return _key(get_full_name_for_node(first.module) or "" if first.module else "", True, first_party)


def _key(module: str, is_from: bool, first_party: Sequence[str]) -> Tuple[int, int, str]:
    root = module.split(".")[0]
    if module == "__future__":
        section = 0
    elif root in first_party:
        section = 4
    elif root in _STDLIB:
        section = 1
    else:
        section = 3
    return (section, 1 if is_from else 0, module.lower())


class BlankKeepingRemoveImportsVisitor(RemoveImportsVisitor):
    """``RemoveImportsVisitor`` that hands a removed import line's leading blank lines to the next statement."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._emptied: Dict[int, Sequence[cst.EmptyLine]] = {}

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> Union[cst.SimpleStatementLine, cst.RemovalSentinel]:
        if original_node.body and not updated_node.body:
            self._emptied[id(original_node)] = original_node.leading_lines
        return updated_node

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body = self._keep_blank_lines(original_node.body, updated_node.body)
        if body and original_node.body and id(original_node.body[0]) in self._emptied:
            # The file's first line was removed: the file must not now start with the blank lines that separated it.
            lines = list(body[0].leading_lines)
            while lines and lines[0].comment is None:
                lines.pop(0)
            body[0] = body[0].with_changes(leading_lines=lines)
        return updated_node.with_changes(body=body)

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        return updated_node.with_changes(body=self._keep_blank_lines(original_node.body, updated_node.body))

    def _keep_blank_lines(self, original: Sequence[Statement], updated: Sequence[Statement]) -> List[Statement]:
        if not self._emptied or len(updated) == len(original):
            return list(updated)
        result = list(updated)
        pending: List[cst.EmptyLine] = []
        position = 0
        for stmt in original:
            if id(stmt) in self._emptied:
                if not pending:
                    pending = [line for line in self._emptied[id(stmt)] if line.comment is None]
                continue
            if position >= len(result):
                break
            # Not onto the first statement of the file or block: blank lines there were the removed line's own.
            if pending and position > 0 and not result[position].leading_lines:
                result[position] = result[position].with_changes(leading_lines=pending)
            pending = []
            position += 1
        return result


# Set by a codemod that proved, on its own pass's scope analysis, which import aliases its rewrite left unused
# (``{alias node: its Import/ImportFrom}``); the removal pass then trusts it instead of analysing the new tree again.
KNOWN_UNUSED = "codemod.known_unused_imports"

# Nodes that never contain an import statement: the removal pass need not look inside them.
_NO_IMPORT_INSIDE = (cst.BaseExpression, cst.Decorator, cst.Parameters, cst.Assign, cst.AnnAssign, cst.AugAssign,
                     cst.Expr, cst.Return, cst.Raise, cst.Assert, cst.Del, cst.Global, cst.Nonlocal)


class KnownUnusedRemoveImportsVisitor(FreshTreeMixin, PlainDispatchMixin, BlankKeepingRemoveImportsVisitor):
    """``BlankKeepingRemoveImportsVisitor`` for imports already proved unused (``KNOWN_UNUSED``): no scope analysis of
    the new tree, no copy of it, and no visit below the statements. Removes the scheduled aliases
    (``remove_unused_import*``) that are in the proof; an import of the same module that was unused before the run and
    that the proof does not name stays (LibCST's visitor would remove it too)."""

    METADATA_DEPENDENCIES = ()

    @classmethod
    def get_inherited_dependencies(cls) -> Collection[ProviderT]:
        # LibCST unions METADATA_DEPENDENCIES over the whole MRO, so the empty tuple above alone would still compute
        # RemoveImportsVisitor's scope and qualified names. Only its visit_Module reads them, and that is replaced here.
        return ()

    def visit_Module(self, node: cst.Module) -> None:
        self._unused_imports = dict(self.context.scratch.get(KNOWN_UNUSED, {}))

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _NO_IMPORT_INSIDE):
            return False
        return super().on_visit(node)


def unused_import_aliases(statement: Union[cst.Import, cst.ImportFrom], bound: str) -> Dict[cst.ImportAlias, cst.CSTNode]:
    """The aliases of ``statement`` that bind the name ``bound`` (for ``KNOWN_UNUSED``)."""
    if isinstance(statement.names, cst.ImportStar):
        return {}
    found: Dict[cst.ImportAlias, cst.CSTNode] = {}
    for alias in statement.names:
        name = alias.evaluated_alias or (
            alias.evaluated_name.split(".")[0] if isinstance(statement, cst.Import) else alias.evaluated_name)
        if name == bound:
            found[alias] = statement
    return found


class ModuleLevelAddImportsVisitor(AddImportsVisitor):
    """``AddImportsVisitor`` that counts, and merges into, only imports that run unconditionally at module level.

    LibCST's visitor takes an import inside a function, a ``try`` or an ``if TYPE_CHECKING:`` block as present and
    adds nothing, or adds the new name to such an import: the name the codemod wrote elsewhere stays unbound.
    Placement of new imports is LibCST's own.
    """

    def visit_Module(self, node: cst.Module) -> None:
        top = [stmt for stmt in node.body if isinstance(stmt, cst.SimpleStatementLine)]
        self._top_imports = {id(small) for stmt in top for small in stmt.body}
        super().visit_Module(node.with_changes(body=top))

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        if id(original_node) not in self._top_imports:
            return updated_node
        return super().leave_ImportFrom(original_node, updated_node)


class ModuleLevelImportsMixin:
    """Mixed into a ``CodemodCommand``: imports scheduled with ``AddImportsVisitor.add_needed_import`` are added by
    ``ModuleLevelAddImportsVisitor``."""

    def _instantiate_and_run(self, transform: type, tree: cst.Module) -> cst.Module:
        if transform is AddImportsVisitor:
            transform = ModuleLevelAddImportsVisitor
        return super()._instantiate_and_run(transform, tree)  # type: ignore[misc]


__all__ = ["ensure_module_import", "BlankKeepingRemoveImportsVisitor", "KnownUnusedRemoveImportsVisitor", "KNOWN_UNUSED",
           "unused_import_aliases", "ModuleLevelAddImportsVisitor",
           "ModuleLevelImportsMixin"]
