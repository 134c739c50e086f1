"""The name gate: a rewrite must not read a name where that name may be unbound.

Compiling cannot see this (``get_env`` read in a function that imports it further down compiles, then raises
``UnboundLocalError``). The gate is generic, so codemods need not declare anything: it counts, per scope (the chain of
enclosing ``def``/``class`` names), how often each name is read in the original and in the new source; a name read
more often in a scope than before is one the codemod introduced there. Every read of such a name is resolved with
``_name_resolution``; when the new source has more reads of it that may be unbound than the original had (reads the
original already had are the author's business), the first such read is the gate's verdict. Only files whose bytes
changed and that compile reach the gate; it costs two ``ast`` parses and a walk. Annotations are not judged.
"""

from __future__ import annotations

import ast
from collections import Counter
from typing import Dict, Iterator, List, Optional, Tuple

from _name_resolution import resolve

ScopeKey = Tuple[str, ...]
Read = Tuple[ScopeKey, str, int, int]


def check(original: bytes, new: bytes) -> Optional[Tuple[str, int]]:
    """``(message, line)`` for the first introduced read that may be unbound, else None."""
    try:
        return _check(original, new)
    except (RecursionError, MemoryError):
        return None  # code nested too deeply for the walk; the compile gate has already accepted it


def _check(original: bytes, new: bytes) -> Optional[Tuple[str, int]]:
    try:
        old_tree, new_tree = ast.parse(original), ast.parse(new)
    except (SyntaxError, ValueError):
        return None  # the compile gate speaks for sources that do not parse
    old_reads, new_reads = list(_reads(old_tree)), list(_reads(new_tree))
    before = Counter((key, name) for key, name, _, _ in old_reads)
    after = Counter((key, name) for key, name, _, _ in new_reads)
    introduced = {pair for pair, count in after.items() if count > before.get(pair, 0)}
    if not introduced:
        return None
    names = {name for _, name in introduced}
    old_problems = Counter((key, name) for key, name, _, _ in _problems(old_tree, old_reads, names))
    new_problems: Dict[Tuple[ScopeKey, str], List[Tuple[str, int]]] = {}
    for key, name, message, line in _problems(new_tree, new_reads, names):
        if (key, name) in introduced:
            new_problems.setdefault((key, name), []).append((message, line))
    worst: Optional[Tuple[str, int]] = None
    for pair, found in new_problems.items():
        if len(found) > old_problems.get(pair, 0):
            first = min(found, key=lambda problem: problem[1])
            if worst is None or first[1] < worst[1]:
                worst = first
    return worst


def _problems(tree: ast.Module, reads: List[Read], names: set) -> Iterator[Tuple[ScopeKey, str, str, int]]:
    for key, name, line, col in reads:
        if name not in names:
            continue
        found = resolve(tree, name, line, col)
        if found.problem is not None:
            yield key, name, found.problem, line


def _reads(tree: ast.Module) -> Iterator[Read]:
    """Every ``Name`` read, with the chain of enclosing ``def``/``class`` names (lambdas count as ``<lambda>``).

    Annotations are left out: with ``from __future__ import annotations`` (or in a function body) they are never
    evaluated, and names imported under ``if TYPE_CHECKING:`` exist for them."""
    stack: List[Tuple[ast.AST, ScopeKey]] = [(tree, ())]
    while stack:
        node, key = stack.pop()
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                yield key, node.id, node.lineno, node.col_offset
            continue
        if isinstance(node, ast.AnnAssign):
            stack.extend((child, key) for child in (node.target, node.value) if child is not None)
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = key + (node.name,)
            header = list(node.decorator_list)
            if isinstance(node, ast.ClassDef):
                header += node.bases + [keyword.value for keyword in node.keywords]
            else:
                header += [d for d in node.args.defaults + node.args.kw_defaults if d is not None]
            stack.extend((child, key) for child in header)
            stack.extend((child, inner) for child in node.body)
            continue
        if isinstance(node, ast.Lambda):
            stack.extend((d, key) for d in node.args.defaults + node.args.kw_defaults if d is not None)
            stack.append((node.body, key + ("<lambda>",)))
            continue
        stack.extend((child, key) for child in ast.iter_child_nodes(node))


__all__ = ["check"]
