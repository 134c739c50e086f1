"""What a singleton is: the one definition shared by the scan's ``singleton`` rule and the singleton-to-factory codemod.

A process-wide singleton shares one user's state with every other user of a server. Four shapes count, all on
Python's ``ast`` (the scan reads ``ast``; the codemod reads the dotted name it is given with the same vocabulary):

``module-instance``
    a module-level ``name = Callee(...)`` whose callee is a class defined in the same file, or whose last dotted part
    ends with one of ``SINGLETON_SUFFIXES`` (``registry = AgentRegistry()``).
``get-instance``
    a ``classmethod`` / ``staticmethod`` named in ``ACCESSOR_METHODS`` (``AgentRegistry.get_instance()``).
``instance-attribute``
    ``_instance`` assigned in a class body (the cache behind ``get_instance``).
``get-function``
    a module-level function named ``get_*`` that takes no required argument and hands out one shared object: it
    declares ``global X`` and returns ``X``, returns a module-level singleton instance, or is cached with
    ``functools.lru_cache`` / ``functools.cache`` (``get_agent_registry()``).

Names: an accessor function is any ``get_*`` name (``is_accessor_function_name``); an accessor method is a name in
``ACCESSOR_METHODS`` on a class (a dotted part starting with a capital letter); anything else is a module-level instance.
"""

from __future__ import annotations

import ast
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

SINGLETON_SUFFIXES = ("Manager", "Registry", "Service", "Factory", "Provider", "Client", "Pool", "Cache")
ACCESSOR_METHODS = frozenset({"get_instance", "instance"})
INSTANCE_ATTRIBUTE = "_instance"
CACHE_DECORATORS = frozenset({"lru_cache", "cache"})
_METHOD_DECORATORS = frozenset({"classmethod", "staticmethod"})


def is_singleton_instance(callee: str, local_classes: Iterable[str]) -> bool:
    """``name = callee(...)`` at module level is a singleton instance (``module-instance``)."""
    last = callee.rpartition(".")[2]
    return (callee == last and last in set(local_classes)) or last.endswith(SINGLETON_SUFFIXES)


def is_accessor_method(name: str, decorators: Sequence[str]) -> bool:
    """A method of that name with those decorators (dotted callee texts) is a singleton accessor (``get-instance``)."""
    return name in ACCESSOR_METHODS and any(d.rpartition(".")[2] in _METHOD_DECORATORS for d in decorators)


def is_instance_cache(target_names: Iterable[str]) -> bool:
    """An assignment in a class body to one of these names is the singleton's cache (``instance-attribute``)."""
    return INSTANCE_ATTRIBUTE in set(target_names)


def is_accessor_function_name(name: str) -> bool:
    return name.startswith("get_") and len(name) > 4


def accessor_function_class(node: ast.AST, instances: Dict[str, str], decorators: Sequence[str]) -> Optional[str]:
    """For a module-level function: the class (dotted callee text, or the shared name) it hands out, if it is a
    singleton accessor (``get-function``); else None. ``instances`` maps module-level singleton instances to their class.
    """
    if type(node) not in (ast.FunctionDef, ast.AsyncFunctionDef) or not is_accessor_function_name(node.name):
        return None
    args = node.args
    required = len(args.posonlyargs) + len(args.args) - len(args.defaults)
    if required > 0 or any(default is None for default in args.kw_defaults):
        return None
    shared = {name for stmt in ast.walk(node) if type(stmt) is ast.Global for name in stmt.names}
    created: Dict[str, str] = {}
    returned: List[ast.expr] = []
    for sub in ast.walk(node):
        if type(sub) is ast.Return and sub.value is not None:
            returned.append(sub.value)
        elif type(sub) is ast.Assign and type(sub.value) is ast.Call:
            callee = dotted(sub.value.func)
            for target in sub.targets:
                if type(target) is ast.Name and callee is not None:
                    created[target.id] = callee
    for value in returned:
        if type(value) is ast.Name and value.id in shared:
            return created.get(value.id, value.id)
        if type(value) is ast.Name and value.id in instances:
            return instances[value.id]
    if any(d.rpartition(".")[2] in CACHE_DECORATORS for d in decorators):
        for value in returned:
            if type(value) is ast.Call:
                return dotted(value.func) or node.name
    return None


def split_accessor(dotted: str) -> Tuple[str, Optional[str], str]:
    """``pkg.mod.Class.get_instance`` → (``pkg.mod``, ``Class``, ``get_instance``); ``pkg.mod.get_x`` →
    (``pkg.mod``, None, ``get_x``). The class is the first dotted part that starts with a capital letter."""
    parts = dotted.split(".")
    for index, part in enumerate(parts[:-1]):
        if index > 0 and part[:1].isupper():
            return ".".join(parts[:index]), ".".join(parts[index:-1]), parts[-1]
    return ".".join(parts[:-1]), None, parts[-1]


def accessor_kind(dotted: str) -> str:
    """How the codemod meets a singleton named ``dotted``: ``get-instance`` (called on its class),
    ``get-function`` (called) or ``module-instance`` (used as a value)."""
    _module, owner, name = split_accessor(dotted)
    if owner is not None:
        return "get-instance"
    return "get-function" if is_accessor_function_name(name) else "module-instance"


def dotted(node: ast.AST) -> Optional[str]:
    """``a.b.c`` for a chain of attribute accesses on a name, else None."""
    parts: List[str] = []
    while type(node) is ast.Attribute:
        parts.append(node.attr)
        node = node.value
    if type(node) is not ast.Name:
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


__all__ = ["SINGLETON_SUFFIXES", "ACCESSOR_METHODS", "INSTANCE_ATTRIBUTE", "is_singleton_instance",
           "is_accessor_method", "is_instance_cache", "is_accessor_function_name", "accessor_function_class",
           "split_accessor", "accessor_kind"]
