"""redirect-imports, one step's plans beyond from-imports of the name: ``from old import module`` with
``module.OldName``, plain ``import old.module``, string targets (``patch``, ``import_module``, ``getattr``) and
``__all__``. A mixin of ``_redirect_step._RedirectStep``: it reads and fills that step's plans.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import ParentNodeProvider, QualifiedNameProvider

from _redirect_support import _argument, _fresh_alias, _plain_text, _renamed_annotation, _split, _with_text


class TargetsMixin:
    """Planning of module bindings, plain imports, string targets and ``__all__`` for ``_RedirectStep``."""

    def _plan_all(self, module: cst.Module, renamed: Dict[str, str]) -> None:
        if not renamed:
            return
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == "__all__" for t in small.targets):
                    value: Optional[cst.BaseExpression] = small.value
                elif isinstance(small, (cst.AugAssign, cst.AnnAssign)) and isinstance(small.target, cst.Name) \
                        and small.target.value == "__all__":
                    value = small.value
                else:
                    continue
                if not isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                    continue
                for element in value.elements:
                    string = element.value
                    if isinstance(string, cst.SimpleString) and _plain_text(string) in renamed:
                        old = _plain_text(string) or ""
                        if self.site_suppressed(string, "all-entry", f"__all__: {old} -> {renamed[old]}"):
                            continue
                        self._replace_string[string] = _with_text(string, renamed[old])
                        self.record_change(string, "all-entry", f"__all__: {old} -> {renamed[old]}")
                        if old in self._public_reviewed:
                            continue
                        self._public_reviewed.add(old)
                        self.record_review(
                            string, "public-name-renamed",
                            f"this module no longer exports '{old}' (now '{renamed[old]}'): update its importers",
                        )

    def _module_target(self, access_node: cst.CSTNode) -> Optional[cst.Attribute]:
        """The ``local.OldName`` attribute an access of a module binding is part of, if it is one."""
        if isinstance(access_node, cst.Name):
            parent = self.get_metadata(ParentNodeProvider, access_node, None)
            if isinstance(parent, cst.Attribute) and parent.value is access_node and parent.attr.value == self.old_obj:
                return parent
        return None

    def _plan_module_bindings(self, bindings: list, new_modules: list) -> None:
        new_parent, new_last = _split(self.new_module)
        for node, alias, local, assignment in bindings:
            targets: List[cst.CSTNode] = []
            others = 0
            for access in assignment.references:
                if self._module_target(access.node) is not None:
                    targets.append(access.node)
                elif isinstance(access.node, cst.SimpleString) and _renamed_annotation(
                        access.node, {f"{local}.{self.old_obj}": "x"}) is not None:
                    targets.append(access.node)
                else:
                    others += 1
            if not targets or self.site_suppressed(alias, "module-import", f"{self.old_module} -> {self.new_module}"):
                continue
            kept = [t for t in targets if self._target_suppressed(t, local)]
            targets, others = [t for t in targets if t not in kept], others + len(kept)
            if not targets:
                continue
            reused = self._visible(new_modules, assignment.scope)
            if reused is not None:
                new_local = reused
            else:
                if not others:
                    self._taken_exempt.add(assignment)
                new_local = new_last if not self._taken(new_last) else _fresh_alias(new_last, self._taken)
                if not others:
                    self._taken_exempt.discard(assignment)
            if reused is None and not others and len(node.names) == 1:  # type: ignore[arg-type]
                self._replace_from_import(node, new_parent, new_last, new_local, False)
            elif reused is None:
                self._insert(node, self._from_import_code(new_parent, new_last, new_local))
            if not others and not (reused is None and len(node.names) == 1):  # type: ignore[arg-type]
                self._drop(node, alias)
            self.record_change(alias, "module-import", f"{self.old_module} -> {self.new_module}")
            for target in targets:
                if isinstance(target, cst.Name):
                    attribute = self._module_target(target)
                    assert attribute is not None
                    self._replace_attribute[attribute] = new_local
                    self.record_change(
                        attribute, "module-attribute", f"{local}.{self.old_obj} -> {new_local}.{self.new_obj}"
                    )
                else:
                    self._rename_access(target, {f"{local}.{self.old_obj}": f"{new_local}.{self.new_obj}"})

    def _use_suppressed(self, target: cst.CSTNode, local: str, new_local: str) -> bool:
        """A use of ``local`` that would be renamed, left as it is (recorded as suppressed)."""
        if isinstance(target, cst.Name):
            return self.site_suppressed(target, "name-reference", f"{local} -> {new_local}")
        if isinstance(target, cst.SimpleString) and _renamed_annotation(target, {local: new_local}) is not None:
            return self.site_suppressed(target, "string-annotation", f"{local} -> {new_local}")
        return False

    def _target_suppressed(self, target: cst.CSTNode, local: str) -> bool:
        """A use through a module binding left as it is (recorded as suppressed): it keeps that binding in use."""
        if isinstance(target, cst.Name):
            target = self._module_target(target) or target
        kind = "module-attribute" if isinstance(target, (cst.Attribute, cst.Name)) else "string-annotation"
        return self.site_suppressed(target, kind, f"{local}.{self.old_obj} -> {self.new_full}")

    def _target_attribute(self, access_node: cst.CSTNode) -> Optional[cst.Attribute]:
        """The enclosing attribute whose qualified name is the old full name, for an access through ``import``."""
        node = access_node
        while True:
            parent = self.get_metadata(ParentNodeProvider, node, None)
            if not isinstance(parent, cst.Attribute) or parent.value is not node:
                return None
            if QualifiedNameProvider.has_name(self, parent, self.old_full):
                return parent
            node = parent

    def _plan_plain_imports(self, imports: Sequence[cst.Import]) -> None:
        existing_new = [i for i in imports if any(get_full_name_for_node(a.name) == self.new_module and not a.asname
                                                  for a in i.names)]
        for node in imports:
            new_names = list(node.names)
            changed = False
            for index, alias in enumerate(node.names):
                full = get_full_name_for_node(alias.name) or ""
                if not (self.old_module == full or self.old_module.startswith(full + ".")):
                    continue
                local = alias.evaluated_alias or full
                assignment = self._assignment(node, local)
                if assignment is None:
                    continue
                targets, others = [], 0
                for access in assignment.references:
                    attribute = self._target_attribute(access.node)
                    if attribute is not None:
                        targets.append(attribute)
                    elif isinstance(access.node, cst.SimpleString) and _renamed_annotation(
                            access.node, {f"{local}.{self.old_obj}": self.new_full}) is not None:
                        targets.append(access.node)
                    else:
                        others += 1
                if not targets or self.site_suppressed(alias, "module-import", f"import {full} -> import {self.new_module}"):
                    continue
                kept = [t for t in targets if self._target_suppressed(t, local)]
                targets, others = [t for t in targets if t not in kept], others + len(kept)
                if not targets:
                    continue
                self._asname_imports.add(node)
                scope = self._scope(node)
                has_new = any(self._scope(i) is scope or (scope is not None and self._scope(i) is scope.globals)
                              for i in existing_new)
                in_place = full == self.old_module and not others and not has_new
                if in_place:
                    new_names[index] = alias.with_changes(name=cst.parse_expression(self.new_module), asname=None)
                    changed = True
                else:
                    if not has_new:
                        self._insert(node, f"import {self.new_module}")
                    if not others:
                        self._removals.append((full, None, alias.evaluated_alias))
                self.record_change(alias, "module-import", f"import {full} -> import {self.new_module}" if in_place
                                   else f"import {self.new_module} added beside import {full}")
                for target in targets:
                    if isinstance(target, cst.Attribute):
                        self._delegated_attributes.add(target)
                        spelled = self.module.code_for_node(target)
                        self.record_change(target, "module-attribute", f"{spelled} -> {self.new_full}")
                    else:
                        self._rename_access(target, {f"{local}.{self.old_obj}": self.new_full})
            if changed:
                self._replace_import[node] = node.with_changes(names=new_names)

    def _rewritten_target(self, node: Optional[cst.BaseExpression]) -> Optional[cst.SimpleString]:
        if not isinstance(node, cst.SimpleString):
            return None
        text = _plain_text(node)
        if text is None:
            return None
        if text == self.old_full or text.startswith(self.old_full + "."):
            return _with_text(node, self.new_full + text[len(self.old_full):])
        return None

    def _plan_strings(self, calls: Sequence[cst.Call]) -> None:
        for call in calls:
            function = get_full_name_for_node(call.func) or ""
            last = function.rpartition(".")[2]
            if last == "patch" or last == "import_module":
                target = _argument(call, 0, "target" if last == "patch" else "name")
                replaced = self._rewritten_target(target)
                if replaced is not None and isinstance(target, cst.SimpleString):
                    if self.site_suppressed(target, "string-target", f"{target.value} -> {replaced.value}"):
                        continue
                    self._replace_string[target] = replaced
                    self.record_change(target, "string-target", f"{target.value} -> {replaced.value}")
            elif function == "getattr":
                self._plan_getattr(call)
            elif function.endswith("patch.object"):
                owner, attribute = _argument(call, 0, "target"), _argument(call, 1, "attribute")
                if isinstance(attribute, cst.SimpleString) and _plain_text(attribute) == self.old_obj \
                        and owner is not None and QualifiedNameProvider.has_name(self, owner, self.old_module):
                    self.record_review(
                        call, "patch-object-target",
                        f"patch.object({self.old_module}, '{self.old_obj}'): patch {self.new_full} instead",
                    )

    def _plan_getattr(self, call: cst.Call) -> None:
        owner, attribute = _argument(call, 0, "object"), _argument(call, 1, "name")
        if not (isinstance(owner, cst.Call) and isinstance(attribute, cst.SimpleString)):
            return
        if (get_full_name_for_node(owner.func) or "").rpartition(".")[2] != "import_module":
            return
        module = _argument(owner, 0, "name")
        if isinstance(module, cst.SimpleString) and _plain_text(module) == self.old_module \
                and _plain_text(attribute) == self.old_obj:
            if self.site_suppressed(call, "string-target", f"getattr(import_module('{self.old_module}'), "
                                                           f"'{self.old_obj}') -> {self.new_full}"):
                return
            self._replace_string[module] = _with_text(module, self.new_module)
            self._replace_string[attribute] = _with_text(attribute, self.new_obj)
            self.record_change(call, "string-target", f"getattr(import_module('{self.old_module}'), "
                                                      f"'{self.old_obj}') -> {self.new_full}")
