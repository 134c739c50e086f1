"""env-to-isolated: which ``os.environ`` / ``os.getenv`` references are what (``ClassifyMixin``).

Visits the original tree, decides each reference's form with ``_env_forms`` (the table the scan reads too) and plans
a rewrite (``_plan``) or records a review item (``_review``). A mixin of ``EnvToIsolatedCommand``: it reads and fills
that command's per-file state.
"""

from __future__ import annotations

from typing import Optional, Union

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import QualifiedName, QualifiedNameSource

import _env_forms as forms
from _metadata import has_qualified_name, qualified_names
from _env_shapes import (
    _block_smalls,
    _catches_key_error,
    _is_positional,
    _keyword,
    _looks_like_patch,
    _only_pass,
    _removed_key,
    _single_index,
)

_BUILTIN_DICT = QualifiedName("builtins.dict", QualifiedNameSource.BUILTIN)

Ref = Union[cst.Attribute, cst.Name]


class ClassifyMixin:
    """What ``os`` is, and the form of every environment access."""

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self._note_os_import(node)
        return False

    def _note_os_import(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        if get_full_name_for_node(node.module) != "os":
            return
        for alias in node.names:
            name = alias.name
            if isinstance(name, cst.Name) and name.value in forms.REF_ATTRS:
                self._aliases[alias.evaluated_alias or name.value] = name.value

    def _ref_kind(self, node: cst.CSTNode) -> Optional[str]:
        """'environ' or 'getenv' when ``node`` is the os module's attribute of that name, else None."""
        if isinstance(node, cst.Attribute):
            attr = node.attr.value
            if attr not in forms.REF_ATTRS:
                return None
        elif isinstance(node, cst.Name):
            attr = self._aliases.get(node.value)
            if attr is None:
                return None
        else:
            return None
        key = id(node)
        if key in self._ref_memo:
            return self._ref_memo[key]
        names = qualified_names(self, node)
        target = "os." + attr
        # Every binding the name may refer to must be the os import: a shadowing local makes it something else.
        kind = attr if names and all(q.name == target and q.source is QualifiedNameSource.IMPORT for q in names) else None
        self._ref_memo[key] = kind
        return kind

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            if value.func.attr.value in forms.STATEMENT_METHODS:
                self._statement_calls.add(id(value))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute):
            attr = func.attr.value
            if attr in forms.CALLED_METHODS:
                if self._ref_kind(func.value) == "environ":
                    self._environ_method_call(node, func.value, attr)
            elif attr == "getenv":
                if self._ref_kind(func) == "getenv":
                    self._plan(node, func, "getenv")
            elif attr == "dict" and _looks_like_patch(func.value):
                self._patch_dict(node)
        elif isinstance(func, cst.Name):
            if func.value == "dict":
                self._dict_call(node, func)
            elif self._aliases.get(func.value) == "getenv" and self._ref_kind(func) == "getenv":
                self._plan(node, func, "getenv")

    def _environ_method_call(self, node: cst.Call, ref: cst.CSTNode, attr: str) -> None:
        args = node.args
        form = forms.method_call_form(
            attr,
            statement=id(node) in self._statement_calls,
            count=len(args),
            first_positional=bool(args) and _is_positional(args[0]),
            safe=id(node) in self._safe_removals,
            mapping=lambda: self._is_mapping(args[0].value),
        )
        if form is None:
            return  # visit_Attribute reports it
        if forms.FORMS[form].rewritable:
            self._plan(node, ref, form)
        else:
            self._review(node, ref, form, method=attr)

    def _dict_call(self, node: cst.Call, func: cst.Name) -> None:
        args = node.args
        if not args or not _is_positional(args[0]) or self._ref_kind(args[0].value) != "environ":
            return
        if not has_qualified_name(self, func, _BUILTIN_DICT):
            return
        form = forms.dict_call_form(len(args))
        if forms.FORMS[form].rewritable:
            self._plan(node, args[0].value, form)
        else:
            self._review(node, args[0].value, form, variant="dict-of-environ")

    def _patch_dict(self, node: cst.Call) -> None:
        target = next((arg.value for arg in node.args if _is_positional(arg) or _keyword(arg) == "in_dict"), None)
        if target is None:
            return
        if self._ref_kind(target) == "environ":
            self._review(node, target, "patch-dict-environ")
        elif isinstance(target, (cst.SimpleString, cst.ConcatenatedString)) and target.evaluated_value == "os.environ":
            self._review(node, None, "patch-dict-environ")

    def visit_Assign(self, node: cst.Assign) -> None:
        targets = node.targets
        if len(targets) == 1:
            target = targets[0].target
            if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
                if _single_index(target) is not None:
                    self._plan(node, target.value, "environ-set")
                    return
        for target in targets:
            self._review_stores(target.target, "environ-subscript-write", "assignment")

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._review_stores(node.target, "environ-subscript-write", "annotated assignment")

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            self._review(target, target.value, "environ-augmented-assignment")

    def visit_Del(self, node: cst.Del) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            if _single_index(target) is not None:
                form = forms.delete_form(safe=id(node) in self._safe_removals)
                if forms.FORMS[form].rewritable:
                    self._plan(node, target.value, form)
                else:
                    self._review(node, target.value, form)
                return
        self._review_stores(target, "environ-subscript-delete", "del statement")

    def visit_If(self, node: cst.If) -> None:
        # `if k in os.environ: del os.environ[k]`: the key is certainly present in the guarded block itself.
        key = self._guarded_key(node.test)
        if key is not None:
            for small in _block_smalls(node.body):
                removed = _removed_key(small)
                if removed is not None and removed[1].deep_equals(key):
                    self._safe_removals.add(id(removed[0]))

    def visit_Try(self, node: cst.Try) -> None:
        # `try: del os.environ[k]` + `except KeyError: pass`: the error is swallowed, so never raising changes nothing
        # as long as the removal is the try body's last statement and there is no `else` to skip.
        if node.orelse is not None or not isinstance(node.body, cst.IndentedBlock) or not node.body.body:
            return
        if not any(_catches_key_error(handler.type) and _only_pass(handler.body) for handler in node.handlers):
            return
        last = node.body.body[-1]
        if isinstance(last, cst.SimpleStatementLine) and len(last.body) == 1:
            removed = _removed_key(last.body[0])
            if removed is not None:
                self._safe_removals.add(id(removed[0]))

    def _guarded_key(self, test: cst.BaseExpression) -> Optional[cst.BaseExpression]:
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
            target = test.comparisons[0]
            if isinstance(target.operator, cst.In) and self._ref_kind(target.comparator) == "environ":
                return test.left
        if isinstance(test, cst.Call) and len(test.args) == 1 and _is_positional(test.args[0]):
            func = test.func
            if isinstance(func, cst.Attribute) and func.attr.value == "exists" and isinstance(func.value, cst.Call):
                accessor = func.value
                if isinstance(accessor.func, cst.Name) and accessor.func.value == self.accessor and not accessor.args:
                    return test.args[0].value
        return None

    def _is_mapping(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, (cst.Dict, cst.DictComp)):
            return True
        return isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict" \
            and has_qualified_name(self, value.func, _BUILTIN_DICT)

    def _review_stores(self, target: cst.BaseExpression, kind: str, what: str) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._review_stores(element.value, kind, what)
        elif isinstance(target, cst.StarredElement):
            self._review_stores(target.value, kind, what)
        elif isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            self._review(target, target.value, kind, what=what)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) != 1:
            return
        target = node.comparisons[0]
        operator = target.operator
        if isinstance(operator, (cst.In, cst.NotIn)) and self._ref_kind(target.comparator) == "environ":
            self._plan(node, target.comparator, forms.contains_form(negated=isinstance(operator, cst.NotIn)))

    def visit_For(self, node: cst.For) -> None:
        if self._ref_kind(node.iter) == "environ":
            self._review(node.iter, node.iter, "environ-iteration")

    def visit_CompFor(self, node: cst.CompFor) -> None:
        if self._ref_kind(node.iter) == "environ":
            self._review(node.iter, node.iter, "environ-iteration")

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if self._ref_kind(node.value) == "environ" and id(node.value) not in self._claimed:
            self._review(node, node.value, "environ-subscript-read")

    def visit_Attribute(self, node: cst.Attribute) -> None:
        value = node.value
        if self._ref_kind(value) != "environ" or id(value) in self._claimed:
            return
        attr = node.attr.value
        form, _detail = forms.attribute_form(attr)
        self._review(node, value, form, attr=attr)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if original_node.attr.value in forms.REF_ATTRS and id(original_node) not in self._claimed:
            self._review_value(original_node)
        return updated_node

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node.value in self._aliases and id(original_node) not in self._claimed:
            self._review_value(original_node)
        return updated_node

    def _review_value(self, node: Ref) -> None:
        kind = self._ref_kind(node)
        if kind is not None:
            self._review(node, node, forms.value_form(kind))
