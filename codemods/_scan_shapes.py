"""The scan's ``ast`` counterparts of env-to-isolated's node shapes (``_env_shapes``): guards, removals, mappings."""

from __future__ import annotations

import ast
from typing import Optional, Tuple

import _env_forms as forms


def _single_index(node: ast.Subscript) -> bool:
    return type(node.slice) not in (ast.Slice, ast.Tuple, ast.Starred)


def _is_accessor_call(node: ast.AST) -> bool:
    # the codemod counts `if <accessor>().exists(k):` as a guard only for its own accessor (the default here)
    return type(node) is ast.Call and not node.args and not node.keywords and type(node.func) is ast.Name \
        and node.func.id == forms.DEFAULT_ACCESSOR


def _is_mapping(node: ast.AST) -> bool:
    kind = type(node)
    return kind is ast.Dict or kind is ast.DictComp or (
        kind is ast.Call and type(node.func) is ast.Name and node.func.id == "dict")


def _removed_key(stmt: ast.stmt) -> Optional[Tuple[ast.AST, ast.AST]]:
    """(node the codemod reports, key) of `del X[k]` or a statement `X.pop(k, ...)`."""
    if type(stmt) is ast.Delete and len(stmt.targets) == 1 and type(stmt.targets[0]) is ast.Subscript:
        return stmt, stmt.targets[0].slice
    if type(stmt) is ast.Expr and type(stmt.value) is ast.Call and type(stmt.value.func) is ast.Attribute \
            and stmt.value.func.attr == "pop" and stmt.value.args and type(stmt.value.args[0]) is not ast.Starred:
        return stmt.value, stmt.value.args[0]
    return None


def _catches_key_error(kind: Optional[ast.AST]) -> bool:
    if kind is None:
        return True
    if type(kind) is ast.Tuple:
        return any(_catches_key_error(element) for element in kind.elts)
    name = kind.attr if type(kind) is ast.Attribute else kind.id if type(kind) is ast.Name else None
    return name in forms.KEY_ERRORS


def _is_pass(stmt: ast.stmt) -> bool:
    return type(stmt) is ast.Pass or (type(stmt) is ast.Expr and type(stmt.value) is ast.Constant
                                      and stmt.value.value is Ellipsis)


def _looks_like_patch(node: ast.AST) -> bool:
    return (type(node) is ast.Name and node.id == "patch") or (type(node) is ast.Attribute and node.attr == "patch")
