"""env-to-isolated: shapes of LibCST nodes its classification and rewriting look for (no state)."""

from __future__ import annotations

import os
from typing import List, Optional, Sequence, Tuple

import libcst as cst

import _env_forms as forms


def _project_relative(filename: Optional[str]) -> Optional[str]:
    if not filename:
        return None
    if os.path.isabs(filename):
        # LibCST's own runner may pass absolute paths: match them relative to where it was started.
        try:
            filename = os.path.relpath(filename)
        except ValueError:
            pass
    path = filename.replace(os.sep, "/").replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _is_positional(arg: cst.Arg) -> bool:
    return arg.keyword is None and arg.star == ""


def _keyword(arg: cst.Arg) -> Optional[str]:
    return arg.keyword.value if arg.keyword is not None else None


def _single_index(node: cst.Subscript) -> Optional[cst.BaseExpression]:
    if len(node.slice) != 1:
        return None
    element = node.slice[0].slice
    return element.value if isinstance(element, cst.Index) and element.star is None else None


def _block_smalls(body: cst.BaseSuite) -> List[cst.BaseSmallStatement]:
    if isinstance(body, cst.SimpleStatementSuite):
        return list(body.body)
    assert isinstance(body, cst.IndentedBlock)
    return [small for line in body.body if isinstance(line, cst.SimpleStatementLine) for small in line.body]


def _removed_key(small: cst.BaseSmallStatement) -> Optional[Tuple[cst.CSTNode, cst.BaseExpression]]:
    """(node planned for rewrite, key) of `del X[k]` or a statement `X.pop(k)`; whether X is os.environ is not checked."""
    if isinstance(small, cst.Del) and isinstance(small.target, cst.Subscript):
        key = _single_index(small.target)
        return (small, key) if key is not None else None
    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        call = small.value
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "pop" and call.args \
                and _is_positional(call.args[0]):
            return call, call.args[0].value
    return None


def _catches_key_error(kind: Optional[cst.BaseExpression]) -> bool:
    if kind is None:
        return True
    if isinstance(kind, cst.Tuple):
        return any(_catches_key_error(element.value) for element in kind.elements)
    name = kind.attr.value if isinstance(kind, cst.Attribute) else kind.value if isinstance(kind, cst.Name) else None
    return name in forms.KEY_ERRORS


def _only_pass(body: cst.BaseSuite) -> bool:
    smalls = _block_smalls(body)
    if isinstance(body, cst.IndentedBlock) and len(smalls) != len(body.body):
        return False
    return bool(smalls) and all(
        isinstance(small, cst.Pass) or isinstance(small, cst.Expr) and isinstance(small.value, cst.Ellipsis)
        for small in smalls
    )


def _looks_like_patch(node: cst.BaseExpression) -> bool:
    # `patch.dict`, `mock.patch.dict`, `unittest.mock.patch.dict`: only a review is at stake, the name is enough.
    return (isinstance(node, cst.Name) and node.value == "patch") or (
        isinstance(node, cst.Attribute) and node.attr.value == "patch"
    )


def _append_arg(args: Sequence[cst.Arg], value: cst.BaseExpression) -> List[cst.Arg]:
    # The new last argument inherits the old last one's trailing comma and whitespace, so a call laid out one
    # argument per line stays laid out that way.
    last = args[-1]
    extra = cst.Arg(value=value, comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
    last = last.with_changes(
        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")), whitespace_after_arg=cst.SimpleWhitespace("")
    )
    return [*args[:-1], last, extra]
