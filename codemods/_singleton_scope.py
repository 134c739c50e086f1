"""Where singleton-to-factory's sites stand: relative names made absolute, a request context provably bound at a
site, and the factory's name free to import (the rules are in ``singleton_to_factory``'s docstring)."""

from __future__ import annotations

from typing import Any, Optional

import libcst as cst
from libcst.helpers import get_absolute_module_for_import
from libcst.metadata import Assignment, FunctionScope, GlobalScope, ParentNodeProvider, PositionProvider, ScopeProvider


class SingletonScopeMixin:
    """Needs ``self.contexts``, ``self.factory_module``, ``self.factory_binding`` and the metadata of the command."""

    def _absolute(self, name: str) -> str:
        """QualifiedNameProvider keeps a relative import's dots (``.agent_registry.get_x``): resolve them."""
        if not name.startswith("."):
            return name
        level = len(name) - len(name.lstrip("."))
        package = (self.context.full_package_name or "").split(".")
        if level - 1 > len(package):
            return name
        head = package[:len(package) - (level - 1)] if level > 1 else package
        return ".".join(p for p in (*head, name[level:]) if p)

    def _context_in_scope(self, node: cst.CSTNode) -> Optional[str]:
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None:
            return None
        for name in self.contexts:
            assignments = scope[name]
            if assignments and all(self._binds_here(a, node) for a in assignments):
                return name
        return None

    def _binds_here(self, assignment: Any, site: cst.CSTNode) -> bool:
        if not isinstance(assignment, Assignment) or not isinstance(assignment.scope, FunctionScope):
            return False
        bound = assignment.node
        if isinstance(bound, cst.Param):
            return True
        if not isinstance(bound, cst.Name):
            return False
        statement = self._statement_of(bound)
        if isinstance(statement, (cst.With, cst.For)):
            return self._inside(site, statement.body)
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        block = self.get_metadata(ParentNodeProvider, statement, None)
        owner = self.get_metadata(ParentNodeProvider, block, None) if block is not None else None
        if not isinstance(owner, (cst.FunctionDef,)):
            return False
        end = self.get_metadata(PositionProvider, statement).end.line
        return end < self.get_metadata(PositionProvider, site).start.line

    def _statement_of(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        current: Optional[cst.CSTNode] = node
        while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            current = self.get_metadata(ParentNodeProvider, current, None)
        return current

    def _inside(self, node: cst.CSTNode, container: cst.CSTNode) -> bool:
        current: Optional[cst.CSTNode] = node
        while current is not None:
            if current is container:
                return True
            current = self.get_metadata(ParentNodeProvider, current, None)
        return False

    def _factory_name_taken(self, node: cst.CSTNode) -> bool:
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None:
            return True
        wanted = f"{self.factory_module}.{self.factory_binding}"
        for assignment in scope[self.factory_binding]:
            if not isinstance(assignment, Assignment) or not isinstance(assignment.scope, GlobalScope):
                return True
            if not isinstance(assignment.node, cst.ImportFrom):
                return True
            try:
                module = get_absolute_module_for_import(self.context.full_package_name, assignment.node)
            except Exception:
                module = None
            if f"{module}.{self.factory_binding}" != wanted:
                return True
        return False


__all__ = ["SingletonScopeMixin"]
