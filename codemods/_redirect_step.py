"""redirect-imports: one ``from`` -> ``to`` pair over one module (``_RedirectStep``); see redirect_imports for the rules."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.commands.rename import RenameCommand
from libcst.helpers import get_absolute_module_from_package_for_import, get_full_name_for_node
from libcst.metadata import (
    Assignment,
    BaseAssignment,
    ImportAssignment,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    Scope,
    ScopeProvider,
)

from _codemod_support import ReportingMixin

from _redirect_rewrite import RewritingMixin
from _redirect_support import _Collector, _before_insertions, _fresh_alias, _renamed_annotation
from _redirect_targets import TargetsMixin


class _RedirectStep(RewritingMixin, TargetsMixin, ReportingMixin, RenameCommand):
    """One ``from`` -> ``to`` pair over one module. Positions it records refer to the tree it was given."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider, ParentNodeProvider, PositionProvider)
    NAME = "redirect-imports"  # whose ``# codemod: ignore[...]`` comments apply

    def __init__(self, context: CodemodContext, old: str, new: str) -> None:
        super().__init__(context, old_name=old, new_name=new)
        self.old_full, self.new_full = old, new
        self.old_obj, self.new_obj = self.old_mod_or_obj, self.new_mod_or_obj
        self.inserted_after: List[int] = []
        self._replace_import: Dict[cst.CSTNode, cst.CSTNode] = {}
        self._insert_after: Dict[cst.CSTNode, List[str]] = {}
        self._rename_name: Dict[cst.Name, str] = {}
        self._replace_attribute: Dict[cst.Attribute, str] = {}
        self._delegated_attributes: Set[cst.Attribute] = set()
        self._asname_imports: Set[cst.Import] = set()
        self._replace_string: Dict[cst.SimpleString, cst.SimpleString] = {}
        self._removals: List[Tuple[str, Optional[str], Optional[str]]] = []
        self._dropped: Dict[cst.ImportFrom, List[cst.ImportAlias]] = {}
        self._public_reviewed: Set[str] = set()
        # Input lines each earlier pair's step inserted a line after (redirect_imports): maps lines back to the file's.
        self.history: List[List[int]] = []

    def original_line(self, line: int) -> int:
        for inserted in reversed(self.history):
            line = _before_insertions(line, inserted)
        return line

    # ------------------------------------------------------------------ planning (on the unmodified tree)

    def visit_Module(self, node: cst.Module) -> bool:
        collector = _Collector()
        node.visit(collector)
        scopes = {s for s in self.metadata[ScopeProvider].values() if s is not None}
        self._assignments: List[BaseAssignment] = [a for s in scopes for a in s.assignments]
        self._imports_by_node: Dict[Tuple[int, str], ImportAssignment] = {
            (id(a.node), a.name): a for a in self._assignments if isinstance(a, ImportAssignment)
        }
        self._unbound_reads: Set[str] = {
            access.node.value
            for s in scopes
            for access in s.accesses
            if isinstance(access.node, cst.Name) and not any(isinstance(r, Assignment) for r in access.referents)
        }
        self._taken_exempt: Set[BaseAssignment] = set()
        name_bindings, module_bindings, new_names, new_modules = self._classify_from_imports(collector.import_froms)
        if self.context.full_module_name == self.new_module and (name_bindings or module_bindings):
            self.record_review(
                (name_bindings or module_bindings)[0][0], "new-module-file",
                f"{self.new_module} itself imports {self.old_full}: move this by hand",
            )
            return False
        self._new_local: Optional[str] = None
        self._plan_name_bindings(node, name_bindings, new_names)
        self._plan_module_bindings(module_bindings, new_modules)
        self._plan_plain_imports(collector.imports)
        self._plan_strings(collector.calls)
        return True

    def _scope(self, node: cst.CSTNode) -> Optional[Scope]:
        return self.get_metadata(ScopeProvider, node, None)

    def _assignment(self, node: cst.CSTNode, local: str) -> Optional[ImportAssignment]:
        return self._imports_by_node.get((id(node), local))

    def _taken(self, name: str) -> bool:
        if name in self._unbound_reads:
            return True
        return any(a.name == name and a not in self._taken_exempt for a in self._assignments)

    def _statement_line(self, node: cst.CSTNode) -> cst.CSTNode:
        while not isinstance(node, cst.SimpleStatementLine):
            node = self.get_metadata(ParentNodeProvider, node)
        return node

    def _insert(self, anchor: cst.CSTNode, code: str) -> None:
        line = self._statement_line(anchor)
        pending = self._insert_after.setdefault(line, [])
        if code not in pending:
            pending.append(code)

    def _classify_from_imports(self, import_froms: Sequence[cst.ImportFrom]) -> Tuple[list, list, list, list]:
        name_bindings, module_bindings, new_names, new_modules = [], [], [], []
        for node in import_froms:
            absolute = get_absolute_module_from_package_for_import(self.context.full_package_name, node)
            if absolute is None:
                continue
            if isinstance(node.names, cst.ImportStar):
                if absolute == self.old_module:
                    self.record_review(
                        node, "star-import",
                        f"'{self.old_obj}' may arrive through 'from {absolute} import *'; it now lives in "
                        f"{self.new_full}: import it explicitly if this module uses it",
                    )
                continue
            for alias in node.names:
                name = get_full_name_for_node(alias.name) or ""
                local = alias.evaluated_alias or name
                binding = (node, alias, local, self._assignment(node, local))
                if binding[3] is None:
                    continue
                if absolute == self.old_module and name == self.old_obj:
                    name_bindings.append(binding)
                elif f"{absolute}.{name}" == self.old_module:
                    module_bindings.append(binding)
                if absolute == self.new_module and name == self.new_obj:
                    new_names.append(binding)
                    self._taken_exempt.add(binding[3])
                elif f"{absolute}.{name}" == self.new_module:
                    new_modules.append(binding)
        return name_bindings, module_bindings, new_names, new_modules

    def _unexempt_later_local_imports(self, usable: list, new_names: list) -> None:
        # A function that imports the new name itself makes that name local to the whole function: a use of the old
        # name above that import, renamed to the new name, would raise UnboundLocalError. Such an import counts as a
        # collision, so the renamed uses take an alias bound at module level.
        for new_node, _, _, new_assignment in new_names:
            scope = new_assignment.scope
            if scope is None or scope is scope.globals:
                continue
            line = self.get_metadata(PositionProvider, new_node).start.line
            for _, _, _, old_assignment in usable:
                if any(access.scope is scope and self.get_metadata(PositionProvider, access.node).start.line < line
                       for access in old_assignment.references):
                    self._taken_exempt.discard(new_assignment)

    def _visible(self, bindings: list, scope: Optional[Scope]) -> Optional[str]:
        """Local name of an existing import of the target that code in ``scope`` can see."""
        for _, _, local, assignment in bindings:
            if scope is not None and assignment.scope in (scope, scope.globals):
                return local
        return None

    def _from_import_code(self, module: str, name: str, local: str) -> str:
        alias = f" as {local}" if local != name else ""
        if module:
            return f"from {module} import {name}{alias}"
        return f"import {name}{alias}"

    def _replace_from_import(self, node: cst.ImportFrom, module: str, name: str, local: str, keep_idiom: bool) -> None:
        alias = node.names[0]  # type: ignore[index]
        asname = cst.AsName(name=cst.Name(local)) if local != name or keep_idiom else None
        if module:
            new_alias = alias.with_changes(name=cst.Name(name), asname=asname)
            self._replace_import[node] = node.with_changes(
                module=cst.parse_expression(module), relative=(), names=[new_alias]
            )
        else:
            self._replace_import[node] = cst.Import(
                names=[cst.ImportAlias(name=cst.Name(name), asname=asname)],
                semicolon=node.semicolon,
            )

    def _plan_name_bindings(self, module: cst.Module, bindings: list, new_names: list) -> None:
        own = {b[3] for b in bindings} | {b[3] for b in new_names}
        usable = []
        for binding in bindings:
            node, alias, local, assignment = binding
            foreign = {r for access in assignment.references for r in access.referents if r not in own}
            foreign.update(a for a in assignment.scope.assignments[local] if a not in own)
            if foreign:
                self.record_review(
                    alias, "ambiguous-binding",
                    f"'{local}' may also come from another binding here (fallback import?): redirect it by hand",
                )
                continue
            usable.append(binding)
            if not alias.asname:
                self._taken_exempt.add(assignment)
        self._unexempt_later_local_imports(usable, new_names)
        renamed_globals: Dict[str, str] = {}
        for node, alias, local, assignment in usable:
            explicit = alias.asname is not None
            reused = None if explicit else self._visible(new_names, assignment.scope)
            if explicit:
                new_local = local if local != self.old_obj else self.new_obj
            elif reused is not None:
                new_local = reused
            else:
                if self._new_local is None:
                    self._new_local = (
                        self.new_obj if not self._taken(self.new_obj) else _fresh_alias(self.new_obj, self._taken)
                    )
                new_local = self._new_local
            keep_idiom = explicit and local == self.old_obj
            if self.site_suppressed(alias, "import-from", f"{self.old_full} -> {self.new_full}"):
                continue  # the import and every use of it stay as they are
            # Uses left as they are keep reading the old name: then the old import stays beside the new one.
            held = {id(a.node) for a in assignment.references if new_local != local and self._use_suppressed(a.node, local, new_local)}
            if held:
                if reused is None:
                    self._insert(node, self._from_import_code(self.new_module, self.new_obj, new_local))
                    self.record_change(alias, "import-from", f"{self.old_full} -> {self.new_full} (the old import "
                                                             f"stays for the uses left as they are)")
            elif reused is not None:
                self._drop(node, alias)
                self.record_change(alias, "import-from", f"{self.old_full} -> existing import of {self.new_full}")
            elif len(node.names) == 1:  # type: ignore[arg-type]
                self._replace_from_import(node, self.new_module, self.new_obj, new_local, keep_idiom)
                self.record_change(alias, "import-from", f"from {self.old_module} -> from {self.new_module}")
            else:
                code = self._from_import_code(self.new_module, self.new_obj, new_local)
                if keep_idiom:
                    code = f"from {self.new_module} import {self.new_obj} as {self.new_obj}"
                self._insert(node, code)
                self._drop(node, alias)
                self.record_change(alias, "import-from", f"{self.old_full} -> {self.new_full}")
            if new_local != local:
                if assignment.scope is self._global_scope(module):
                    renamed_globals[local] = new_local
                    if not assignment.references:
                        self._public_reviewed.add(local)
                        self.record_review(
                            alias, "public-name-renamed",
                            f"'{local}' is imported here only to be re-exported; importers of it from this module "
                            f"must now use '{new_local}'",
                        )
                for access in assignment.references:
                    if id(access.node) not in held:
                        self._rename_access(access.node, {local: new_local})
        self._plan_all(module, renamed_globals)

    def _drop(self, node: cst.ImportFrom, alias: cst.ImportAlias) -> None:
        # Dropped by hand rather than through RemoveImportsVisitor: when the old and new local names are equal, the
        # new import makes every use look like a use of the old one too, and the visitor would keep it.
        self._dropped.setdefault(node, []).append(alias)

    def _absolute(self, node: cst.ImportFrom) -> str:
        return get_absolute_module_from_package_for_import(self.context.full_package_name, node) or ""

    def _global_scope(self, module: cst.Module) -> Optional[Scope]:
        return self.get_metadata(ScopeProvider, module, None)

    def _rename_access(self, target: cst.CSTNode, renames: Dict[str, str]) -> bool:
        if isinstance(target, cst.Name):
            new = renames.get(target.value)
            if new is None:
                return False
            self._rename_name[target] = new
            self.record_change(target, "name-reference", f"{target.value} -> {new}")
            return True
        if isinstance(target, cst.BaseString):
            replaced = _renamed_annotation(target, renames) if isinstance(target, cst.SimpleString) else None
            if replaced is None:
                self.record_review(target, "string-annotation-left",
                                   f"this string annotation still names {', '.join(renames)}: rewrite it by hand")
                return False
            self._replace_string[target] = replaced
            self.record_change(target, "string-annotation", f"{target.value} -> {replaced.value}")
            return True
        return False


__all__ = ["_RedirectStep"]
