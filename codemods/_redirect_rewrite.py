"""redirect-imports, one step's rewriting: the ``leave_*`` methods that apply what ``_redirect_step._RedirectStep``
planned on the unmodified tree (replaced and dropped imports, inserted lines, renamed names, attributes and strings).
A mixin of that step: it reads the step's plans and never plans itself.
"""

from __future__ import annotations

from typing import Sequence, Union

import libcst as cst
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import PositionProvider


class RewritingMixin:
    """The rewriting half of ``_RedirectStep``; ``leave_Attribute`` hands what it did not plan to ``RenameCommand``."""

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        dropped = self._dropped.get(original_node)
        if dropped and isinstance(updated_node.names, Sequence):
            kept = [a for a in updated_node.names if not any(a.deep_equals(d) for d in dropped)]
            if not kept:
                return cst.RemoveFromParent()
            if updated_node.names[-1] is not kept[-1]:
                kept[-1] = kept[-1].with_changes(comma=updated_node.names[-1].comma)
            return updated_node.with_changes(names=kept)
        return self._replace_import.get(original_node, updated_node)  # type: ignore[return-value]

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        if original_node in self._asname_imports:
            # RenameCommand.leave_Attribute reads the alias (``om`` in ``import old.module as om``) from here
            self.record_asname(original_node)
        return self._replace_import.get(original_node, updated_node)  # type: ignore[return-value]

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> Union[cst.SimpleStatementLine, cst.FlattenSentinel[cst.SimpleStatementLine]]:
        extra = self._insert_after.get(original_node)
        if not extra:
            return updated_node
        end = self.get_metadata(PositionProvider, original_node).end.line
        self.inserted_after.extend([end] * len(extra))
        return cst.FlattenSentinel([updated_node, *(cst.parse_statement(code + "\n") for code in extra)])

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        new = self._rename_name.get(original_node)
        return updated_node.with_changes(value=new) if new else updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> Union[cst.Name, cst.Attribute]:
        local = self._replace_attribute.get(original_node)
        if local is not None:
            return updated_node.with_changes(value=cst.Name(local), attr=cst.Name(self.new_obj))
        if original_node in self._delegated_attributes:
            return super().leave_Attribute(original_node, updated_node)
        return updated_node

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        return self._replace_string.get(original_node, updated_node)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for module, obj, asname in self._removals:
            RemoveImportsVisitor.remove_unused_import(self.context, module, obj, asname)
        return updated_node

