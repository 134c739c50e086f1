"""Per-class memo for LibCST's matcher-decorator discovery, installed once by the worker.

Every matcher-decoratable visitor (each codemod, and the AddImportsVisitor / RemoveImportsVisitor and gatherers LibCST
builds after it, per file) scans all ~1500 attributes of its class three times when it is constructed, looking for
``@m.visit`` / ``@m.leave`` / ``@m.call_if_inside`` decorators. The answer depends only on the class, yet for a small
changed file those scans were about two thirds of the transform time. The memo keeps LibCST's own functions (it calls
them once per class) and rebinds the methods they found to each new instance. If LibCST's internals differ from
1.0's, nothing is installed and LibCST runs as shipped.
"""

from __future__ import annotations

from inspect import ismethod
from types import MethodType
from typing import Any, Callable, Dict, FrozenSet, Tuple

_NAMES = ("_gather_matchers", "_gather_constructed_visit_funcs", "_gather_constructed_leave_funcs")


def install() -> bool:
    try:
        import libcst.matchers._visitors as visitors
    except ImportError:
        return False
    originals = [getattr(visitors, name, None) for name in _NAMES]
    if not all(callable(function) for function in originals) or getattr(visitors, "_codemod_worker_memo", False):
        return False
    gather_matchers, gather_visits, gather_leaves = originals
    visitors._gather_matchers = _memo_matchers(gather_matchers)
    visitors._gather_constructed_visit_funcs = _memo_functions(gather_visits)
    visitors._gather_constructed_leave_funcs = _memo_functions(gather_leaves)
    visitors._codemod_worker_memo = True
    return True


def _memo_matchers(original: Callable[[object], Any]) -> Callable[[object], Any]:
    cache: Dict[type, FrozenSet[Any]] = {}

    def gather(obj: object) -> Any:
        found = cache.get(type(obj))
        if found is None:
            found = cache[type(obj)] = frozenset(original(obj))
        return set(found)  # the caller builds per-instance state from it

    return gather


def _memo_functions(original: Callable[[object], Dict[Any, Any]]) -> Callable[[object], Dict[Any, Any]]:
    cache: Dict[type, Dict[Any, Tuple[Tuple[bool, Any], ...]]] = {}

    def gather(obj: object) -> Dict[Any, Any]:
        unbound = cache.get(type(obj))
        if unbound is None:
            unbound = cache[type(obj)] = {
                matcher: tuple(_unbind(function, obj) for function in functions)
                for matcher, functions in original(obj).items()
            }
        return {
            matcher: tuple(MethodType(function, obj) if rebind else function for rebind, function in functions)
            for matcher, functions in unbound.items()
        }

    return gather


def _unbind(function: Any, obj: object) -> Tuple[bool, Any]:
    if ismethod(function) and function.__self__ is obj:
        return True, function.__func__
    return False, function
