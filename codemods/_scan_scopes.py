"""Scoped walks over ``ast`` for the scan: what the names ``os``, ``environ`` and ``getenv`` mean where each node stands.

``ScopeWalker`` visits every node of a module once, without recursion (deep expressions must not exhaust the stack),
carrying two environments: ``env``, the names visible at the node, and ``closure``, what a function defined there
would see (class bodies are not seen by their methods). Subclasses add handlers per node type; a handler returns True
when it pushed the children it wants visited itself.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

import _env_forms as forms

OS, ENVIRON, GETENV = "os", forms.ENVIRON, forms.GETENV
TRY_TYPES = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)
LOOP_TYPES = (ast.For, ast.AsyncFor, ast.While)
WITH_TYPES = (ast.With, ast.AsyncWith)

Env = Dict[str, str]  # visible name -> "os" | "environ" | "getenv"
Push = Callable[[Tuple[ast.AST, Env, Env]], None]


def target_names(target: ast.AST, into: Set[str]) -> None:
    kind = type(target)
    if kind is ast.Name:
        into.add(target.id)
    elif kind is ast.Tuple or kind is ast.List:
        for element in target.elts:
            target_names(element, into)
    elif kind is ast.Starred:
        target_names(target.value, into)


def parameters(arguments: ast.arguments) -> Set[str]:
    names = {a.arg for a in arguments.posonlyargs}
    names.update(a.arg for a in arguments.args)
    names.update(a.arg for a in arguments.kwonlyargs)
    if arguments.vararg:
        names.add(arguments.vararg.arg)
    if arguments.kwarg:
        names.add(arguments.kwarg.arg)
    return names


def scope_env(outer: Env, body: List[ast.stmt], parameters: Set[str]) -> Env:
    """What ``os`` / ``environ`` / ``getenv`` names mean inside a scope whose statements are ``body``.

    Statements only: every binding form except the walrus and match captures is a statement, and neither is a
    plausible way to bind ``os``. ``del os`` is not a binding: modules import ``os``, use it, then delete it.
    """
    bound = set(parameters)
    declared: Set[str] = set()
    imported: Env = {}
    stack: List[ast.AST] = list(body)
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ast.Import:
            for alias in stmt.names:
                if alias.asname:
                    if alias.name == OS:
                        imported[alias.asname] = OS
                    else:
                        bound.add(alias.asname)
                elif alias.name == OS or alias.name.startswith("os."):
                    imported[OS] = OS
                else:
                    bound.add(alias.name.partition(".")[0])
        elif kind is ast.ImportFrom:
            from_os = stmt.module == OS and not stmt.level
            for alias in stmt.names:
                if from_os and alias.name == "*":
                    imported.setdefault(ENVIRON, ENVIRON)
                    imported.setdefault(GETENV, GETENV)
                elif from_os and alias.name in (ENVIRON, GETENV):
                    imported[alias.asname or alias.name] = alias.name
                elif alias.name != "*":
                    bound.add(alias.asname or alias.name)
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            bound.add(stmt.name)
        elif kind is ast.Assign:
            for target in stmt.targets:
                target_names(target, bound)
        elif kind is ast.AugAssign or kind is ast.AnnAssign:
            target_names(stmt.target, bound)
        elif kind is ast.Global or kind is ast.Nonlocal:
            declared.update(stmt.names)
        elif kind is ast.If or kind in LOOP_TYPES:
            if kind is not ast.If and kind is not ast.While:
                target_names(stmt.target, bound)
            stack.extend(stmt.body)
            stack.extend(stmt.orelse)
        elif kind in WITH_TYPES:
            for item in stmt.items:
                if item.optional_vars is not None:
                    target_names(item.optional_vars, bound)
            stack.extend(stmt.body)
        elif kind in TRY_TYPES:
            for handler in stmt.handlers:
                if handler.name:
                    bound.add(handler.name)
                stack.extend(handler.body)
            stack.extend(stmt.body)
            stack.extend(stmt.orelse)
            stack.extend(stmt.finalbody)
        elif kind is ast.Match:
            for case in stmt.cases:
                stack.extend(case.body)
    bound -= declared
    env = {name: meaning for name, meaning in outer.items() if name not in bound and name not in imported}
    for name, meaning in imported.items():
        # also bound some other way in this scope: it may not be the import at run time (the codemod agrees)
        if name not in bound:
            env[name] = meaning
    return env


@lru_cache(maxsize=None)
def child_fields(kind: type) -> Tuple[str, ...]:
    if kind is ast.Constant or kind is ast.Name:
        return ()
    return tuple(name for name in kind._fields if name not in ("ctx", "type_comment"))


Handler = Callable[[Any, Env, Env, Push], bool]


class ScopeWalker:
    """Walks a module keeping each scope's names; ``handlers`` maps node types to ``handler(node, env, closure, push)``."""

    def __init__(self) -> None:
        self.handlers: Dict[type, Handler] = {
            ast.FunctionDef: self._function,
            ast.AsyncFunctionDef: self._function,
            ast.Lambda: self._lambda,
            ast.ClassDef: self._class,
            ast.ListComp: self._comprehension,
            ast.SetComp: self._comprehension,
            ast.DictComp: self._comprehension,
            ast.GeneratorExp: self._comprehension,
        }

    def walk(self, tree: ast.Module) -> None:
        """Visits every node once with the meaning of each name where it stands."""
        env = scope_env({}, tree.body, set())
        stack: List[Tuple[ast.AST, Env, Env]] = [(stmt, env, env) for stmt in tree.body]
        push = stack.append
        handlers = self.handlers
        while stack:
            node, env, closure = stack.pop()
            kind = type(node)
            handler = handlers.get(kind)
            if handler is not None and handler(node, env, closure, push):
                continue
            for field in child_fields(kind):
                value = getattr(node, field, None)
                if type(value) is list:
                    for item in value:
                        if isinstance(item, ast.AST):
                            push((item, env, closure))
                elif isinstance(value, ast.AST):
                    push((value, env, closure))


    @staticmethod
    def _push_all(nodes: Sequence[Optional[ast.AST]], env: Env, closure: Env, push: Push) -> None:
        for node in nodes:
            if isinstance(node, ast.AST):
                push((node, env, closure))

    def _function(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([*node.decorator_list, node.args, node.returns], env, closure, push)
        inner = scope_env(closure, node.body, parameters(node.args))
        self._push_all(node.body, inner, inner, push)
        return True

    def _lambda(self, node: ast.Lambda, env: Env, closure: Env, push: Push) -> bool:
        push((node.args, env, closure))
        bound = parameters(node.args)
        inner = {name: meaning for name, meaning in closure.items() if name not in bound}
        push((node.body, inner, inner))
        return True

    def _class(self, node: ast.ClassDef, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([*node.decorator_list, *node.bases, *node.keywords], env, closure, push)
        # a class body sees the enclosing function's names; its methods skip the class body's own
        self._push_all(node.body, scope_env(closure, node.body, set()), closure, push)
        return True

    def _comprehension(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        names: Set[str] = set()
        for generator in node.generators:
            target_names(generator.target, names)
        if not names.intersection(env):
            return False
        inner = {name: meaning for name, meaning in env.items() if name not in names}
        for field in child_fields(type(node)):
            value = getattr(node, field)
            self._push_all(value if type(value) is list else [value], inner, closure, push)
        return True


__all__ = ["OS", "ENVIRON", "GETENV", "TRY_TYPES", "LOOP_TYPES", "WITH_TYPES", "Env", "Push", "ScopeWalker", "child_fields",
           "parameters", "scope_env", "target_names"]
