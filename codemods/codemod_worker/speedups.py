"""Per-class memos for LibCST's visitor-method discovery, and no empty traversals; installed once by the worker.

Every matcher-decoratable visitor (each codemod, and the AddImportsVisitor / RemoveImportsVisitor and gatherers LibCST
builds after it, for every file) scans all ~1500 attributes of its class three times when it is constructed, looking
for ``@m.visit`` / ``@m.leave`` / ``@m.call_if_inside`` decorators; every batchable metadata provider scans them again
(``get_visitors``) each time metadata is computed. The answers depend only on the class, yet for a small changed file
these scans were most of the transform time. The memos keep LibCST's own functions (called once per class) and rebind
the methods found to each new instance. A batched metadata traversal whose providers only act on the module node
(scope, expression context) is not walked again below it. If LibCST's internals differ from 1.0's, nothing is
installed and LibCST runs as shipped.
"""

from __future__ import annotations

from inspect import ismethod
from types import MethodType
from typing import Any, Callable, Dict, FrozenSet, Optional, Tuple

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
    _memo_get_visitors()
    _skip_empty_batched_traversals()
    return True


def _memo_get_visitors() -> None:
    try:
        from libcst._batched_visitor import BatchableCSTVisitor
    except ImportError:
        return
    original = BatchableCSTVisitor.get_visitors
    cache: Dict[type, Optional[Dict[str, Any]]] = {}

    def get_visitors(self: Any) -> Any:
        cls = type(self)
        if cls not in cache:
            found = original(self)
            bound = all(ismethod(method) and method.__self__ is self for method in found.values())
            cache[cls] = {name: method.__func__ for name, method in found.items()} if bound else None
            return found
        functions = cache[cls]
        if functions is None:
            return original(self)
        return {name: MethodType(function, self) for name, function in functions.items()}

    BatchableCSTVisitor.get_visitors = get_visitors  # type: ignore[assignment]


def _skip_empty_batched_traversals() -> None:
    """``ScopeProvider`` and ``ExpressionContextProvider`` do all their work in ``visit_Module`` (each walks the tree
    itself); LibCST's batched traversal then walks the whole tree once more calling nothing. When the batch has no
    visit/leave method below the module, that walk is skipped: same calls, same order, same result."""
    try:
        import libcst.metadata.wrapper as wrapper
        from libcst import Module
        from libcst._batched_visitor import _get_visitor_methods
    except ImportError:
        return
    original = getattr(wrapper, "visit_batched", None)
    if not callable(original):
        return
    module_only = frozenset({"visit_Module", "leave_Module"})

    def visit_batched(node: Any, visitors: Any, before_visit: Any = None, after_leave: Any = None) -> Any:
        visitors = list(visitors)
        methods = _get_visitor_methods(visitors)
        if not isinstance(node, Module) or before_visit is not None or after_leave is not None \
                or not set(methods) <= module_only:
            return original(node, visitors, before_visit, after_leave)
        for method in methods.get("visit_Module", ()):
            method(node)
        for method in methods.get("leave_Module", ()):
            method(node)
        return node

    wrapper.visit_batched = visit_batched


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
