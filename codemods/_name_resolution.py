"""Where a name read at a given place resolves, and whether it is certainly bound there when that place runs.

Python's own rules, on the standard ``ast`` (cheap: the parse is C, and only the scopes on the way to the place are
walked): a name assigned anywhere in a function is local to the whole function (reading it before the assignment
raises ``UnboundLocalError``); ``global``/``nonlocal`` send it to the module / the enclosing function; class bodies
are skipped by the functions inside them; comprehensions see their enclosing scope.

"Certainly bound" is flow-aware but conservative. A statement binds a name certainly when it always does once it has
run: an import, an assignment, a ``def``/``class``, a ``with ... as``; an ``if`` whose branches all bind it; a ``try``
whose body (or ``else``) binds it and whose every handler binds it or leaves the block (``return``/``raise``/...), or
whose ``finally`` binds it. Loops may not run, so they never bind certainly. An ``if TYPE_CHECKING:`` body never runs.
Code in a block runs in order, so a binding counts for a place when it comes before the place in the same block or in
one of the blocks around it. A function reads a module-level name when it is called, after the whole module has run,
so there any certain module-level binding counts; module-level code (and a class body at module level) needs the
binding before it.

Both the worker's name gate and codemods that must decide whether a name they write is bound use this module.
"""

from __future__ import annotations

import ast
import builtins
from typing import List, NamedTuple, Optional, Sequence, Tuple, Union

from _scope_bindings import (
    _binding_kind,
    _binding_lines,
    _binds,
    _declarations,
    _FUNCTIONS,
    _has_star_import,
    _locals,
    _parameters,
    ScopeNode,
    _target_names,
    _top,
    _type_checking_only,
)

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__", "__loader__", "__package__",
                                       "__builtins__", "__path__", "__annotations__", "__dict__"}
_BLOCKS = ("body", "orelse", "finalbody")


class Resolution(NamedTuple):
    """Where the name resolves (``local``, ``enclosing``, ``module``, ``builtin``, ``unknown``) and, when it may be
    unbound there, why: ``problem`` (one sentence), ``reason`` (``later``: bound only after the place; ``never``;
    ``type-checking``: only under ``if TYPE_CHECKING:``; ``conditional``: not on every path) and the binding's line."""

    where: str
    problem: Optional[str] = None
    binding_line: Optional[int] = None
    reason: Optional[str] = None


class _Frame(NamedTuple):
    node: ScopeNode
    path: Tuple[Tuple[Sequence[ast.stmt], int], ...]  # (block, index of the statement holding the place) per level


def resolve(tree: ast.Module, name: str, line: int, col: int) -> Resolution:
    """Resolution of ``name`` read at ``line``/``col`` (1-based line, 0-based UTF-8 byte column) of ``tree``."""
    frames = _frames_at(tree, line, col)
    innermost = frames[-1]
    here = innermost.node
    if isinstance(here, ast.Module) or isinstance(here, ast.ClassDef) and name in _locals(here):
        return _sequential(innermost, name, line, "local" if isinstance(here, ast.ClassDef) else "module", frames)
    if isinstance(here, _FUNCTIONS):
        declared = _declarations(here)
        if declared.get(name) == "global":
            return _module_level(frames, name, line, deferred=True)
        if name in _locals(here) and declared.get(name) != "nonlocal":
            return _sequential(innermost, name, line, "local", frames)
    return _outer(frames, len(frames) - 1, name, line)


def _outer(frames: List[_Frame], index: int, name: str, line: int) -> Resolution:
    """Resolution of a name not local to ``frames[index]``: enclosing functions (not classes), then the module."""
    deferred = any(isinstance(frame.node, _FUNCTIONS) for frame in frames[1 : index + 1])
    for outer in range(index - 1, 0, -1):
        node = frames[outer].node
        if not isinstance(node, _FUNCTIONS):
            continue
        declared = _declarations(node)
        if declared.get(name) == "global":
            return _module_level(frames, name, line, deferred)
        if name in _locals(node) and declared.get(name) != "nonlocal":
            # A closure reads the variable when the inner function runs: the binding must come before the inner
            # function's definition, in the enclosing function's flow.
            found = _sequential(frames[outer], name, line, "enclosing", frames)
            return found
    return _module_level(frames, name, line, deferred)


def _module_level(frames: List[_Frame], name: str, line: int, deferred: bool) -> Resolution:
    module = frames[0]
    if deferred:
        binds = [stmt for stmt in _top(module.node) if _binds(stmt, name)]
        if binds:
            return Resolution("module")
        return _unbound(module.node, name, line)
    result = _sequential(module, name, line, "module", frames)
    return result


def _unbound(module: ScopeNode, name: str, line: int) -> Resolution:
    if name in _BUILTINS:
        return Resolution("builtin")
    if _has_star_import(module):
        return Resolution("unknown")
    somewhere = _binding_lines(module, name)
    if not somewhere:
        return Resolution("module", f"{name} used at line {line} but never bound at module level", None, "never")
    first = somewhere[0]
    if _type_checking_only(module, name):
        why, reason = "only under `if TYPE_CHECKING:`", "type-checking"
    else:
        why, reason = "not on every path", "conditional"
    return Resolution("module", f"{name} used at line {line} but bound at module level {why} (line {first})", first,
                      reason)


def _sequential(frame: _Frame, name: str, line: int, where: str, frames: List[_Frame]) -> Resolution:
    """The name must be bound certainly by a statement before the place, in the place's block or one around it."""
    if isinstance(frame.node, _FUNCTIONS) and name in _parameters(frame.node):
        return Resolution(where)
    for block, index in frame.path:
        if any(_binds(stmt, name) for stmt in block[:index]):
            return Resolution(where)
        if index < len(block) and _binds_before_inner_block(block[index], name, frame, line):
            return Resolution(where)
    if where == "module":
        if name in _BUILTINS and not _binding_lines(frame.node, name):
            return Resolution("builtin")
        if _has_star_import(frame.node):
            return Resolution("unknown")
    lines = _binding_lines(frame.node, name)
    later = [found for found in lines if found > line]
    binding = later[0] if later else (lines[0] if lines else None)
    if binding is None:
        if where == "module":
            return _unbound(frame.node, name, line)
        return Resolution(where, f"{name} used at line {line} but never bound there", None, "never")
    what = _binding_kind(frame.node, name, binding)
    scope = {"local": "local ", "enclosing": "enclosing function's ", "module": ""}[where]
    if later:
        return Resolution(where, f"{name} used at line {line} before its {scope}{what} at line {binding}", binding,
                          "later")
    if where == "module" and _type_checking_only(frame.node, name):
        return _unbound(frame.node, name, line)
    return Resolution(where, f"{name} used at line {line} but its {scope}{what} at line {binding} does not always run "
                             f"before it", binding, "conditional")


def _binds_before_inner_block(stmt: ast.stmt, name: str, frame: _Frame, line: int) -> bool:
    # A place in a try's ``else`` runs after the whole body did; a place in a ``with`` body runs after its ``as``.
    if isinstance(stmt, ast.Try) and stmt.orelse and stmt.orelse[0].lineno <= line:
        in_finally = stmt.finalbody and stmt.finalbody[0].lineno <= line
        return not in_finally and any(_binds(inner, name) for inner in stmt.body)
    if isinstance(stmt, (ast.With, ast.AsyncWith)) and stmt.body and stmt.body[0].lineno <= line:
        return any(item.optional_vars is not None and name in _target_names(item.optional_vars) for item in stmt.items)
    return False


# ------------------------------------------------------------------------------------------------ finding the place


def _frames_at(tree: ast.Module, line: int, col: int) -> List[_Frame]:
    frames: List[_Frame] = []
    node: ScopeNode = tree
    while True:
        path: List[Tuple[Sequence[ast.stmt], int]] = []
        body: Sequence[ast.stmt] = node.body if not isinstance(node, ast.Lambda) else []
        inner: Optional[ScopeNode] = None
        while body:
            index = _statement_index(body, line, col)
            path.append((body, index))
            if index >= len(body):
                break
            stmt = body[index]
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and _inside_body(stmt, line, col):
                inner = stmt
                break
            body = _sub_block(stmt, line, col)
        frames.append(_Frame(node, tuple(path)))
        if inner is None and path and path[-1][1] < len(path[-1][0]):
            inner = _lambda_at(path[-1][0][path[-1][1]], line, col)
        if inner is None:
            return frames
        node = inner


def _statement_index(body: Sequence[ast.stmt], line: int, col: int) -> int:
    for index, stmt in enumerate(body):
        if _contains(stmt, line, col):
            return index
        if (stmt.lineno, stmt.col_offset) > (line, col):
            return index
    return len(body)


def _contains(node: ast.AST, line: int, col: int) -> bool:
    start = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = (node.end_lineno or node.lineno, node.end_col_offset or 0)  # type: ignore[attr-defined]
    return start <= (line, col) < end or (line, col) == start


def _inside_body(stmt: Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef], line: int, col: int) -> bool:
    # Decorators, default values, annotations and base classes are evaluated in the enclosing scope.
    first = stmt.body[0]
    return (line, col) >= (first.lineno, first.col_offset) or any(_contains(s, line, col) for s in stmt.body)


def _sub_block(stmt: ast.stmt, line: int, col: int) -> Sequence[ast.stmt]:
    blocks: List[Sequence[ast.stmt]] = [getattr(stmt, block) for block in _BLOCKS if getattr(stmt, block, None)]
    blocks += [handler.body for handler in getattr(stmt, "handlers", [])]
    blocks += [case.body for case in getattr(stmt, "cases", [])]
    for block in blocks:
        if any(_contains(inner, line, col) for inner in block):
            return block
    return []


def _lambda_at(stmt: ast.stmt, line: int, col: int) -> Optional[ast.Lambda]:
    best: Optional[ast.Lambda] = None
    for node in ast.walk(stmt):
        if isinstance(node, ast.Lambda) and _contains(node.body, line, col):
            if best is None or (node.lineno, node.col_offset) > (best.lineno, best.col_offset):
                best = node
    return best


def byte_column(line_text: str, column: int) -> int:
    """The UTF-8 byte offset ``ast`` uses for a character column (LibCST's ``PositionProvider`` counts characters)."""
    return len(line_text[:column].encode("utf-8"))


__all__ = ["Resolution", "resolve", "byte_column"]
