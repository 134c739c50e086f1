"""The scan's ``envAccesses``: every ``os.environ`` / ``os.getenv`` reference classified as env-to-isolated would.

The forms, their rewritability and the decisions on calls, attributes and removals come from ``_env_forms``, the
table the codemod reads too; the shapes it needs to see on ``ast`` (guards, ``try`` bodies, mapping arguments) are
matched here. The walk and the meaning of names per scope are ``_scan_scopes``.
"""

from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional, Set, Tuple

import _env_forms as forms
from _scan_columns import Columns
from _scan_scopes import ENVIRON, GETENV, OS, Env, Push, ScopeWalker, child_fields
from _scan_shapes import (
    _catches_key_error,
    _is_accessor_call,
    _is_mapping,
    _is_pass,
    _looks_like_patch,
    _removed_key,
    _single_index,
)

class EnvScanner(ScopeWalker):
    """Classifies every ``os.environ`` / ``os.getenv`` reference once, the way the env-to-isolated codemod does."""

    def __init__(self, source: bytes) -> None:
        super().__init__()
        self._source = source
        self._found: List[Tuple[int, int, str, Optional[str]]] = []
        self._statement_calls: Set[int] = set()
        self._safe_removals: Set[int] = set()  # del / pop(k) that cannot raise KeyError where they stand
        self.handlers.update({
            ast.Name: self._name,
            ast.Attribute: self._attribute,
            ast.Call: self._call,
            ast.Subscript: self._subscript,
            ast.Assign: self._assign,
            ast.AnnAssign: self._ann_assign,
            ast.AugAssign: self._aug_assign,
            ast.Delete: self._delete,
            ast.Compare: self._compare,
            ast.For: self._for,
            ast.AsyncFor: self._for,
            ast.comprehension: self._for,
            ast.Expr: self._expr,
            ast.If: self._if,
            ast.Try: self._try,
        })

    def run(self, tree: ast.Module) -> List[Dict[str, Any]]:
        self.walk(tree)
        return self._entries()

    def _entries(self) -> List[Dict[str, Any]]:
        columns = Columns(self._source)
        entries = []
        for line, column, form, detail in sorted(set(self._found)):
            entry: Dict[str, Any] = {"line": line, "column": columns.convert(line, column), "form": form,
                                     "rewritable": forms.FORMS[form].rewritable}
            if detail is not None:
                entry["detail"] = detail
            entries.append(entry)
        return entries

    def _record(self, node: ast.AST, form: str, detail: Optional[str] = None) -> None:
        self._found.append((node.lineno, node.col_offset, form, detail))

    @staticmethod
    def _ref(node: ast.AST, env: Env) -> Optional[str]:
        """"environ" / "getenv" when ``node`` is that attribute of the os module, else None."""
        kind = type(node)
        if kind is ast.Attribute:
            attr = node.attr
            if attr != ENVIRON and attr != GETENV:
                return None
            value = node.value
            return attr if type(value) is ast.Name and env.get(value.id) == OS else None
        if kind is ast.Name:
            meaning = env.get(node.id)
            return meaning if meaning != OS else None
        return None

    def _push_call_arguments(self, node: ast.Call, env: Env, closure: Env, push: Push, skip: Any = None) -> None:
        for arg in node.args:
            if arg is not skip:
                push((arg, env, closure))
        for keyword in node.keywords:
            if keyword.value is not skip:
                push((keyword.value, env, closure))

    def _as_value(self, node: ast.AST, env: Env) -> bool:
        ref = self._ref(node, env)
        if ref is None:
            return False
        self._record(node, forms.value_form(ref))
        return True

    # ---- references and the expressions around them

    def _name(self, node: ast.Name, env: Env, closure: Env, push: Push) -> bool:
        if type(node.ctx) is ast.Load:
            self._as_value(node, env)
        return True

    def _attribute(self, node: ast.Attribute, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.value, env) == ENVIRON:
            self._record(node, *forms.attribute_form(node.attr))
            return True
        return self._as_value(node, env)

    def _call(self, node: ast.Call, env: Env, closure: Env, push: Push) -> bool:
        func = node.func
        kind = type(func)
        if kind is ast.Attribute:
            attr = func.attr
            if attr in forms.CALLED_METHODS and self._ref(func.value, env) == ENVIRON:
                return self._environ_method_call(node, attr, env, closure, push)
            if attr == GETENV and self._ref(func, env) == GETENV:
                self._record(node, "getenv")
                self._push_call_arguments(node, env, closure, push)
                return True
            if attr == "dict" and _looks_like_patch(func.value):
                return self._patch_dict(node, env, closure, push)
        elif kind is ast.Name:
            name = func.id
            if name == "dict" and node.args and type(node.args[0]) is not ast.Starred \
                    and self._ref(node.args[0], env) == ENVIRON:
                self._record(node, forms.dict_call_form(len(node.args) + len(node.keywords)))
                self._push_call_arguments(node, env, closure, push, skip=node.args[0])
                return True
            if env.get(name) == GETENV:
                self._record(node, "getenv")
                self._push_call_arguments(node, env, closure, push)
                return True
        return False

    def _environ_method_call(self, node: ast.Call, attr: str, env: Env, closure: Env, push: Push) -> bool:
        form = forms.method_call_form(
            attr,
            statement=id(node) in self._statement_calls,
            count=len(node.args) + len(node.keywords),
            first_positional=bool(node.args) and type(node.args[0]) is not ast.Starred,
            safe=id(node) in self._safe_removals,
            mapping=lambda: _is_mapping(node.args[0]),
        )
        if form is None:
            return False  # reaches the attribute: environ-method "copy"
        self._record(node, form)
        self._push_call_arguments(node, env, closure, push)
        return True

    def _patch_dict(self, node: ast.Call, env: Env, closure: Env, push: Push) -> bool:
        target: Optional[ast.AST] = next((arg for arg in node.args if type(arg) is not ast.Starred), None)
        if target is None:
            target = next((k.value for k in node.keywords if k.arg == "in_dict"), None)
        if target is None:
            return False
        if self._ref(target, env) == ENVIRON:
            self._record(node, "patch-dict-environ")
            push((node.func, env, closure))
            self._push_call_arguments(node, env, closure, push, skip=target)
            return True
        if type(target) is ast.Constant and target.value == "os.environ":
            self._record(node, "patch-dict-environ")
        return False

    def _subscript(self, node: ast.Subscript, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.value, env) != ENVIRON:
            return False
        self._record(node, "environ-subscript-read")
        push((node.slice, env, closure))
        return True

    def _compare(self, node: ast.Compare, env: Env, closure: Env, push: Push) -> bool:
        if len(node.ops) != 1 or type(node.ops[0]) not in (ast.In, ast.NotIn):
            return False
        if self._ref(node.comparators[0], env) != ENVIRON:
            return False
        self._record(node, forms.contains_form(negated=type(node.ops[0]) is ast.NotIn))
        push((node.left, env, closure))
        return True

    def _for(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.iter, env) != ENVIRON:
            return False
        self._record(node.iter, "environ-iteration")
        for field in child_fields(type(node)):
            if field != "iter":
                value = getattr(node, field)
                self._push_all(value if type(value) is list else [value], env, closure, push)
        return True

    # ---- statements that write

    def _environ_subscript(self, node: ast.AST, env: Env) -> bool:
        return type(node) is ast.Subscript and self._ref(node.value, env) == ENVIRON

    def _stores(self, target: ast.AST, form: str, env: Env, closure: Env, push: Push) -> None:
        kind = type(target)
        if kind is ast.Tuple or kind is ast.List:
            for element in target.elts:
                self._stores(element, form, env, closure, push)
        elif kind is ast.Starred:
            self._stores(target.value, form, env, closure, push)
        elif self._environ_subscript(target, env):
            self._record(target, form)
            push((target.slice, env, closure))
        else:
            push((target, env, closure))

    def _assign(self, node: ast.Assign, env: Env, closure: Env, push: Push) -> bool:
        push((node.value, env, closure))
        target = node.targets[0]
        if len(node.targets) == 1 and self._environ_subscript(target, env) and _single_index(target):
            self._record(node, "environ-set")
            push((target.slice, env, closure))
            return True
        for target in node.targets:
            self._stores(target, "environ-subscript-write", env, closure, push)
        return True

    def _ann_assign(self, node: ast.AnnAssign, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([node.annotation, node.value], env, closure, push)
        self._stores(node.target, "environ-subscript-write", env, closure, push)
        return True

    def _aug_assign(self, node: ast.AugAssign, env: Env, closure: Env, push: Push) -> bool:
        if not self._environ_subscript(node.target, env):
            return False
        self._record(node.target, "environ-augmented-assignment")
        self._push_all([node.target.slice, node.value], env, closure, push)
        return True

    def _delete(self, node: ast.Delete, env: Env, closure: Env, push: Push) -> bool:
        target = node.targets[0]
        if len(node.targets) == 1 and self._environ_subscript(target, env) and _single_index(target):
            self._record(node, forms.delete_form(safe=id(node) in self._safe_removals))
            push((target.slice, env, closure))
            return True
        for target in node.targets:
            self._stores(target, "environ-subscript-delete", env, closure, push)
        return True

    def _if(self, node: ast.If, env: Env, closure: Env, push: Push) -> bool:
        # `if k in os.environ: del os.environ[k]` (or `if get_env().exists(k):`): the key is certainly present.
        test, key = node.test, None
        if type(test) is ast.Compare and len(test.ops) == 1 and type(test.ops[0]) is ast.In \
                and self._ref(test.comparators[0], env) == ENVIRON:
            key = test.left
        elif type(test) is ast.Call and len(test.args) == 1 and type(test.args[0]) is not ast.Starred \
                and not test.keywords and type(test.func) is ast.Attribute \
                and test.func.attr == "exists" and _is_accessor_call(test.func.value):
            key = test.args[0]
        if key is not None:
            wanted = ast.dump(key)
            for stmt in node.body:
                removed = _removed_key(stmt)
                if removed is not None and ast.dump(removed[1]) == wanted:
                    self._safe_removals.add(id(removed[0]))
        return False

    def _try(self, node: ast.Try, env: Env, closure: Env, push: Push) -> bool:
        # `try: del os.environ[k]` as the body's last statement + `except KeyError: pass`, no `else`: swallowed.
        if node.orelse or not any(_catches_key_error(h.type) and all(_is_pass(s) for s in h.body)
                                  for h in node.handlers):
            return False
        removed = _removed_key(node.body[-1])
        if removed is not None:
            self._safe_removals.add(id(removed[0]))
        return False

    def _expr(self, node: ast.Expr, env: Env, closure: Env, push: Push) -> bool:
        if type(node.value) is ast.Call:
            self._statement_calls.add(id(node.value))
        return False


__all__ = ["EnvScanner", "Columns"]
