"""What a scope binds, for ``_name_resolution``: which statements bind a name certainly (see that module's docstring),
a scope's locals, parameters and ``global``/``nonlocal`` declarations, and where and how a name is bound in it.
"""

from __future__ import annotations

import ast
from typing import Dict, Iterator, List, Sequence, Set, Tuple, Union

ScopeNode = Union[ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef]
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _top(scope: ScopeNode) -> Sequence[ast.stmt]:
    return scope.body if not isinstance(scope, ast.Lambda) else []


def _binds(stmt: ast.stmt, name: str) -> bool:
    """Whether ``stmt``, once it has run to its end, has certainly bound ``name`` (see the module docstring)."""
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return any(_import_name(alias) == name for alias in stmt.names)
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return stmt.name == name
    if isinstance(stmt, ast.Assign):
        return any(name in _target_names(target) for target in stmt.targets)
    if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        return (not isinstance(stmt, ast.AnnAssign) or stmt.value is not None) and name in _target_names(stmt.target)
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return any(item.optional_vars is not None and name in _target_names(item.optional_vars) for item in stmt.items) \
            or _block_binds(stmt.body, name)
    if isinstance(stmt, ast.If):
        if _is_type_checking(stmt.test):
            return _block_binds(stmt.orelse, name)
        return _block_binds(stmt.body, name) and _block_binds(stmt.orelse, name)
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        handlers = getattr(stmt, "handlers", [])
        main = _block_binds(stmt.body, name) or _block_binds(stmt.orelse, name)  # type: ignore[attr-defined]
        if main and all(_block_binds(h.body, name) or _leaves(h.body) for h in handlers):
            return True
        return _block_binds(stmt.finalbody, name)  # type: ignore[attr-defined]
    return False


def _block_binds(block: Sequence[ast.stmt], name: str) -> bool:
    for stmt in block:
        if _binds(stmt, name):
            return True
        if _leaves([stmt]):
            return False
    return False


def _leaves(block: Sequence[ast.stmt]) -> bool:
    return bool(block) and isinstance(block[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    if isinstance(test, ast.Attribute):
        return test.attr == "TYPE_CHECKING"
    return isinstance(test, ast.Constant) and test.value is False


def _import_name(alias: ast.alias) -> str:
    return alias.asname or alias.name.split(".")[0]


def _target_names(target: ast.expr) -> Set[str]:
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, (ast.Tuple, ast.List)):
        return set().union(*(_target_names(element) for element in target.elts)) if target.elts else set()
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return set()


def _own_nodes(scope: ScopeNode) -> Iterator[ast.AST]:
    """Nodes evaluated in ``scope`` itself: not inside nested functions, classes or lambdas (their headers are)."""
    stack: List[ast.AST] = list(_top(scope)) if not isinstance(scope, ast.Lambda) else [scope.body]
    if isinstance(scope, _FUNCTIONS):
        stack.append(scope.args)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(node.decorator_list)
            stack.extend(d for d in node.args.defaults + node.args.kw_defaults if d is not None)
            stack.extend(a for a in (node.returns,) if a is not None)
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(node.decorator_list + node.bases + [k.value for k in node.keywords])
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(d for d in node.args.defaults + node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.comprehension):
            # The loop variables belong to the comprehension; its iterables and conditions are read here.
            stack.extend([node.iter, *node.ifs])
            continue
        stack.extend(ast.iter_child_nodes(node))


def _locals(scope: ScopeNode) -> Set[str]:
    cached = getattr(scope, "_codemod_locals", None)
    if cached is not None:
        return cached
    names: Set[str] = set()
    if isinstance(scope, _FUNCTIONS):
        names.update(_parameters(scope))
    for node in _own_nodes(scope):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(_import_name(alias) for alias in node.names if alias.name != "*")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not scope:
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    setattr(scope, "_codemod_locals", names)
    return names


def _parameters(scope: Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda]) -> Set[str]:
    arguments = scope.args
    every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs + [arguments.vararg, arguments.kwarg]
    return {arg.arg for arg in every if arg is not None}


def _declarations(scope: ScopeNode) -> Dict[str, str]:
    cached = getattr(scope, "_codemod_declarations", None)
    if cached is not None:
        return cached
    found: Dict[str, str] = {}
    setattr(scope, "_codemod_declarations", found)
    for node in _own_nodes(scope):
        if isinstance(node, ast.Global):
            found.update((name, "global") for name in node.names)
        elif isinstance(node, ast.Nonlocal):
            found.update((name, "nonlocal") for name in node.names)
    return found


def _binding_lines(scope: ScopeNode, name: str) -> List[int]:
    lines: Set[int] = set()
    for node in _own_nodes(scope):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            lines.add(node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and any(_import_name(a) == name for a in node.names):
            lines.add(node.lineno)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            lines.add(node.lineno)
    return sorted(lines)


def _binding_kind(scope: ScopeNode, name: str, line: int) -> str:
    for node in _own_nodes(scope):
        if getattr(node, "lineno", None) != line:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(_import_name(a) == name for a in node.names):
            return "import"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return "definition"
    return "assignment"


def _type_checking_only(module: ScopeNode, name: str) -> bool:
    for stmt in _top(module):
        if isinstance(stmt, ast.If) and _is_type_checking(stmt.test) and any(_binds(s, name) for s in stmt.body):
            return True
    return False


def _has_star_import(module: ScopeNode) -> bool:
    return any(isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names) for node in _top(module))
