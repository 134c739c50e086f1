"""env-to-isolated: the planned rewrites and the accessor they write (``RewriteMixin``).

``_plan`` accepts a site only where the accessor can be bound (``_name_resolution``); the ``leave_*`` methods replace
the planned nodes. A mixin of ``EnvToIsolatedCommand``.
"""

from __future__ import annotations

import ast
import os
import re
from typing import Dict, List, Optional, Tuple, Union

import libcst as cst
from libcst.helpers import calculate_module_and_package
from libcst.metadata import Assignment, ImportAssignment, ScopeProvider

import _env_forms as forms
from _env_shapes import _append_arg, _single_index
from _name_resolution import Resolution, byte_column, resolve


class RewriteMixin:
    """Planned rewrites, the accessor call they write and the source label."""

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        kind = self._plans.get(id(original_node))
        if kind is None:
            return updated_node
        if kind == "environ-get":
            return updated_node.with_changes(func=updated_node.func.with_changes(value=self._accessor_call()))
        if kind == "getenv":
            return updated_node.with_changes(func=self._method("get"))
        if kind == "environ-copy":
            return cst.Call(func=self._method("get_all"), lpar=updated_node.lpar, rpar=updated_node.rpar)
        if kind == "environ-pop-statement":
            args = updated_node.args
            key = args[0].with_changes(comma=args[-1].comma, whitespace_after_arg=args[-1].whitespace_after_arg)
            return updated_node.with_changes(func=self._method("delete"), args=[key])
        if kind == "environ-update":
            return updated_node.with_changes(
                func=self._method("update"), args=_append_arg(updated_node.args, self._label_literal())
            )
        return updated_node

    def leave_Assign(
        self, original_node: cst.Assign, updated_node: cst.Assign
    ) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        if id(original_node) not in self._plans:
            return updated_node
        target = updated_node.targets[0].target
        assert isinstance(target, cst.Subscript)
        key = _single_index(target)
        call = cst.Call(
            func=self._method("set"),
            args=[cst.Arg(key), cst.Arg(updated_node.value), cst.Arg(self._label_literal())],
        )
        return cst.Expr(value=call, semicolon=updated_node.semicolon)

    def leave_Del(self, original_node: cst.Del, updated_node: cst.Del) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        if id(original_node) not in self._plans:
            return updated_node
        target = updated_node.target
        assert isinstance(target, cst.Subscript)
        call = cst.Call(func=self._method("delete"), args=[cst.Arg(_single_index(target))])
        return cst.Expr(value=call, semicolon=updated_node.semicolon)

    def leave_Comparison(self, original_node: cst.Comparison, updated_node: cst.Comparison) -> cst.BaseExpression:
        kind = self._plans.get(id(original_node))
        if kind is None:
            return updated_node
        exists = cst.Call(func=self._method("exists"), args=[cst.Arg(updated_node.left)])
        if kind == "environ-contains":
            return exists.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        # `not` binds looser than a comparison, but an unparenthesized comparison only ever sits where `not` may too.
        return cst.UnaryOperation(operator=cst.Not(), expression=exists, lpar=updated_node.lpar, rpar=updated_node.rpar)

    def _plan(self, node: cst.CSTNode, ref: cst.CSTNode, kind: str) -> None:
        if self.site_suppressed(node, kind, forms.message(kind, self.accessor)):
            self._claimed.add(id(ref))  # left as it is on purpose: neither rewritten nor reported again
            return
        self._check_accessor_free(node)
        refused = self._unbound_accessor(node)
        if refused is not None:
            self._review(node, ref, refused[0], **refused[1])
            return
        self._plans[id(node)] = kind
        self._claimed.add(id(ref))
        self._changes.append((node, kind, forms.message(kind, self.accessor)))
        self._rewritten_refs.append(ref)

    def _unbound_accessor(self, node: cst.CSTNode) -> Optional[Tuple[str, Dict[str, str]]]:
        """Review kind and details when the accessor written at ``node`` could be unbound there, else None.

        A site in a scope that binds the accessor itself (a function-level import above it) uses that binding; every
        other site reads the module-level name, so a module-level import is added before the first of them.
        """
        position = self._position(node)
        line, column = position["line"], position["column"]
        tree, lines = self._original_ast()
        found = Resolution("unknown") if tree is None or not 0 < line <= len(lines) else \
            resolve(tree, self.accessor, line, byte_column(lines[line - 1], column))
        if found.where in ("local", "enclosing"):
            if found.problem is None:
                return None
            error = "UnboundLocalError" if found.where == "local" else "NameError"
            return "accessor-unbound-here", {"problem": found.problem, "error": error}
        if found.where == "module" and found.reason == "conditional":
            return "accessor-import-conditional", {"problem": found.problem or ""}
        index = max((i for i, start in enumerate(self._top_lines) if start <= line), default=0)
        if self._first_module_site is None or index < self._first_module_site:
            self._first_module_site = index
        return None

    def _original_ast(self) -> Tuple[Optional[ast.Module], List[str]]:
        if self._parsed is None:
            code = self._code()
            try:
                tree: Optional[ast.Module] = ast.parse(code)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                tree = None  # LibCST accepts a few files CPython refuses; the worker's gates speak for those
            self._parsed = (tree, re.split(r"\r\n|\r|\n", code))
        return self._parsed

    def _check_accessor_free(self, node: cst.CSTNode) -> None:
        if self._taken_by is not None:
            return
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None or id(scope) in self._checked_scopes:
            return
        self._checked_scopes.add(id(scope))
        if self.accessor not in scope:
            return
        for assignment in list(scope[self.accessor]):
            if isinstance(assignment, ImportAssignment):
                if assignment.get_qualified_names_for(self.accessor) == {self._accessor_name}:
                    continue
            self._taken_by = assignment.node if isinstance(assignment, Assignment) else node
            return

    def _accessor_call(self) -> cst.Call:
        return cst.Call(func=cst.Name(self.accessor))

    def _method(self, name: str) -> cst.Attribute:
        return cst.Attribute(value=self._accessor_call(), attr=cst.Name(name))

    def _label_literal(self) -> cst.SimpleString:
        if self._label is None:
            label = self.source_label or self.context.full_module_name or self._module_from_filename() or "unknown"
            escaped = label.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            self._label = cst.SimpleString(f'"{escaped}"')
        return self._label.deep_clone()

    def _module_from_filename(self) -> Optional[str]:
        filename = self.context.filename
        if not filename:
            return None
        try:
            return calculate_module_and_package(os.getcwd(), os.path.abspath(filename)).name or None
        except ValueError:
            return None
