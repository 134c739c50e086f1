"""The deprecation marker and the PEP 562 ``__getattr__`` as LibCST writes and reads them (the contract is ``_shims``)."""

from __future__ import annotations

import ast
from typing import Dict, Optional, Tuple

import libcst as cst

from _shims import MARKER, shim_entry

GUARD = '''\
if {name} in __codemod_deprecated__:
    warnings.warn(
        f"{{__name__}}.{{{name}}} is deprecated; use {{__codemod_deprecated__[{name}]['canonical']}} instead"
        f" (removal after {{__codemod_deprecated__[{name}]['sunset']}})",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(
        importlib.import_module(__codemod_deprecated__[{name}]["canonical"].rpartition(".")[0]),
        __codemod_deprecated__[{name}]["canonical"].rpartition(".")[2],
    )
'''

GETATTR = '''\
def __getattr__(name: str):
    # PEP 562: the names listed in __codemod_deprecated__ resolve to their canonical objects
{guard}    raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
'''



def cst_shim_entry(element: cst.BaseDictElement) -> Optional[Tuple[str, str, Optional[str]]]:
    """``shim_entry`` for an element of the marker's dict as LibCST sees it."""
    if not isinstance(element, cst.DictElement):
        return None
    code = cst.Module([]).code_for_node
    try:
        key = ast.parse(code(element.key), mode="eval").body
        value = ast.parse(code(element.value), mode="eval").body
    except (SyntaxError, RecursionError):
        return None
    return shim_entry(key, value)


def read_marker(node: cst.BaseExpression) -> Optional[Dict[str, Dict[str, str]]]:
    """The marker's entries, or None when the value is not a dict literal of the documented shape."""
    try:
        value = ast.literal_eval(cst.Module([]).code_for_node(node))
    except (ValueError, SyntaxError):
        return None
    if not isinstance(value, dict):
        return None
    for key, entry in value.items():
        if not (isinstance(key, str) and isinstance(entry, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in entry.items())):
            return None
    return value


def marker_statement(entries: Dict[str, Dict[str, str]]) -> cst.SimpleStatementLine:
    lines = "".join(
        f'    "{name}": {{'
        + ", ".join(f'"{key}": "{value}"' for key, value in entry.items()) + "},\n"
        for name, entry in entries.items()
    )
    return cst.parse_statement(f"{MARKER} = {{\n{lines}}}\n")  # type: ignore[return-value]


def find_marker(module: cst.Module) -> Optional[Tuple[cst.SimpleStatementLine, cst.Assign]]:
    """The module-level ``__codemod_deprecated__ = ...`` statement (the last one) and its assignment."""
    found = None
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            small = statement.body[0]
            if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                    and isinstance(small.targets[0].target, cst.Name) and small.targets[0].target.value == MARKER:
                found = (statement, small)
    return found


def is_docstring(statement: cst.BaseStatement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr) and isinstance(statement.body[0].value, cst.SimpleString))


__all__ = ["GUARD", "GETATTR", "cst_shim_entry", "read_marker", "marker_statement", "find_marker", "is_docstring"]
