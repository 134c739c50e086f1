"""Per-file facts for ``codemod scan`` and ``codemod mro``, read with Python's ``ast`` (LibCST is several times slower
and nothing here rewrites code). The engine aggregates across files: duplicate classes, MRO, expired shims.

``scan_source(path, source, args)`` never raises for a bad file. ``path`` is project-relative, '/'-separated;
``source`` is the raw bytes (``ast.parse`` honours the BOM and PEP 263 cookies); ``args`` may carry
``{"allow": [globs]}``. Result, camelCase keys, lines 1-based, columns 0-based in characters (LibCST's convention)::

    {"outcome": "scanned",
     "module": "a.b.c", "package": "a.b",        # a/b/c.py; a/b/__init__.py and a/b/__main__.py are module a.b
     "isTest": bool,                             # a folder named tests/test, or test_*.py, *_test.py, conftest.py
     "allowed": bool,                            # matches an allow glob (default shared/isolated_environment.py,
                                                 # '*' within a folder, '**' across): envAccesses is then []
     "envAccesses": [{"line", "column", "form", "rewritable": bool, "detail"?: "method name"}],
     "classes": [{"name": "Outer.Inner", "line", "bases": ["pkg.mod.Base", ...], "fingerprint": "16 hex" | None,
                  "methods": [...], "attributes": [...], "decorators": ["dataclasses.dataclass", ...],
                  "nested": bool}],
     "imports": [{"kind": "import", "module": "a.b", "asname": str | None, "line", "toplevel": bool}
                 | {"kind": "from", "module": "a.b", "name": "X", "asname": str | None, "line", "toplevel": bool,
                    "unresolved"?: True}],
     "singletons": [{"line", "name", "kind": "module-instance" | "get-instance" | "instance-attribute"
                     | "get-function", "class"}],
     "shims": [{"line", "name", "canonical", "sunset": str | None}],
     "allAll": ["Name", ...] | None}

    {"outcome": "failed", "reason": "syntax error at line 3: invalid syntax", "line": 3,
     "module", "package", "isTest"}      # "line" absent when Python gives none; "cannot decode: ..." for encodings

envAccesses
    ``form`` is the kind the env-to-isolated codemod records for the same code, so a scan predicts that codemod's
    run: rewritable ``environ-get``, ``getenv``, ``environ-set``, ``environ-delete``, ``environ-contains``,
    ``environ-not-contains``, ``environ-copy`` (``.copy()`` and ``dict(os.environ)``), ``environ-update`` (a
    statement whose argument is a dict display, comprehension or ``dict(...)`` call) and ``environ-pop-statement``
    (a statement; ``environ-delete`` and it only with a default, guarded by ``if k in os.environ:`` /
    ``if get_env().exists(k):`` in the same block, or as a try body's last statement with ``except KeyError: pass``);
    for review ``environ-subscript-read``, ``environ-pop-value``, ``environ-update-value``, ``environ-update-argument``,
    ``environ-delete-may-raise``, ``environ-pop-may-raise``, ``environ-call-arguments``, ``environ-setdefault``, ``environ-items`` /
    ``-keys`` / ``-values`` / ``-clear``, ``environ-method`` (any other attribute, named in ``detail``),
    ``environ-subscript-write`` / ``environ-subscript-delete`` (inside unpacking or several targets),
    ``environ-augmented-assignment``, ``environ-iteration``, ``environ-as-value``, ``getenv-as-value`` and
    ``patch-dict-environ`` (``patch.dict(os.environ | "os.environ", ...)``). The position is the node the codemod
    reports: the call, the statement for ``environ-set`` / ``environ-delete``, the comparison, the iterated
    expression, or the reference itself.
    ``os`` is followed through ``import os [as x]``, ``import os.path``, ``from os import environ, getenv [as x]`` and
    ``from os import *``, at module level and inside functions. A name bound in a scope by anything else as well
    (parameter, assignment, loop target, another import) is not ``os`` there; scopes nest as in Python (class bodies
    are not seen by their methods). Names stay flow-insensitive: ``import os`` plus ``os = None`` in the same scope
    makes ``os`` unknown, as for the codemod. Files with neither word ``environ`` nor ``getenv`` are not walked.

classes
    Every class, also inside functions (``f.<locals>.Inner``) and classes (``Outer.Inner``; ``nested`` is true for
    both). ``bases`` is the dotted source text of each positional base, subscripts dropped (``Generic[T]`` is
    ``Generic``); any other expression is its ``ast.unparse`` text and ``*bases`` keeps its star; keyword arguments
    (``metaclass=``) are not bases. ``decorators`` is the dotted name of each decorator's callee, arguments dropped.
    ``fingerprint`` equals ``_class_equivalence.class_fingerprint`` of the class (None if too deeply nested to dump);
    ``methods`` / ``attributes`` are ``class_members``, sorted.

imports
    Every import statement, one entry per name; ``toplevel`` is true outside any function or class (also inside a
    module-level ``if`` / ``try``). Relative imports are made absolute with the file's package; going above the top
    package keeps the dots (``..x``) and sets ``unresolved``.

singletons
    ``module-instance``: a module-level ``name = Callee(...)`` whose callee is a class defined in this file or whose
    last dotted part ends with Manager, Registry, Service, Factory, Provider, Client, Pool or Cache (``class`` is the
    callee's dotted text). ``get-instance``: a ``get_instance`` / ``instance`` classmethod or staticmethod (``name`` is
    the method, ``class`` the qualified class). ``instance-attribute``: ``_instance`` assigned in a class body.
    ``get-function``: a module-level ``get_*()`` handing out one shared object (``class`` is what it creates, or the
    shared name). The rules live in ``_singleton``, shared with the singleton-to-factory codemod.

shims
    One entry per key of the module-level ``__codemod_deprecated__`` dict literal written by add-deprecation-shim;
    ``line`` is the key's line. A marker that is not a literal dict of dicts is ignored.

allAll
    The module's ``__all__`` when it is a literal list/tuple of strings, extended by literal ``+=``, ``.extend`` and
    ``.append`` at module level; otherwise None.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import warnings
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

import _env_forms as forms
from _class_equivalence import members, strip_docstring, stripped_fingerprint
from _codemod_support import glob_to_regex, module_and_package
from _singleton import accessor_function_class, dotted, is_accessor_method, is_instance_cache, is_singleton_instance

DEFAULT_ALLOW = (forms.DEFAULT_MODULE.replace(".", "/") + ".py",)
SHIM_MARKER = "__codemod_deprecated__"

REWRITABLE_FORMS = forms.REWRITABLE_FORMS

_ENV_WORDS = re.compile(forms.ENV_WORDS.encode("ascii"))
_TRY_TYPES = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)
_LOOP_TYPES = (ast.For, ast.AsyncFor, ast.While)
_WITH_TYPES = (ast.With, ast.AsyncWith)


def scan_source(path: str, source: bytes, args: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The facts of one file (shape in the module docstring); a file that does not parse is a ``failed`` outcome."""
    relative = _relative(path)
    module, package = module_and_package(relative)
    head: Dict[str, Any] = {"module": module, "package": package, "isTest": is_test_path(relative)}
    try:
        with warnings.catch_warnings():
            # invalid escape sequences and the like: the scan reports facts, not the parser's warnings
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=relative or "<unknown>")
    except SyntaxError as error:
        return _failed(head, error.msg, error.lineno)
    except (ValueError, RecursionError, MemoryError) as error:
        return _failed(head, str(error) or type(error).__name__, None)
    allowed = is_allowed(relative, (args or {}).get("allow"))
    try:
        facts = _FactCollector(package)
        facts.run(tree)
        env = [] if allowed or not _ENV_WORDS.search(source) else _EnvScanner(source).run(tree)
    except RecursionError:
        return _failed(head, "too deeply nested to scan", None)
    return {
        "outcome": "scanned",
        **head,
        "allowed": allowed,
        "envAccesses": env,
        "classes": facts.classes,
        "imports": facts.imports,
        "singletons": facts.singletons(),
        "shims": facts.shims,
        "allAll": facts.all_names,
    }


def _failed(head: Dict[str, Any], message: str, line: Optional[int]) -> Dict[str, Any]:
    message = " ".join(str(message).split())
    prefix = "cannot decode" if message.startswith(("unknown encoding", "(unicode error)", "encoding problem")) \
        else "syntax error"
    result: Dict[str, Any] = {"outcome": "failed", **head}
    if line:
        result.update(reason=f"{prefix} at line {line}: {message}", line=line)
    else:
        result["reason"] = f"{prefix}: {message}"
    return result


# ----------------------------------------------------------------------------------------------------- the path


def _relative(path: str) -> str:
    path = (path or "").replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path.lstrip("/")


def is_test_path(relative: str) -> bool:
    *folders, name = relative.split("/")
    if any(folder in ("tests", "test") for folder in folders):
        return True
    return name == "conftest.py" or (name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py")))


def is_allowed(relative: str, allow: Any) -> bool:
    """True when ``relative`` matches one of the allow globs (missing/None: the isolated environment module)."""
    if allow is None:
        globs: Sequence[str] = DEFAULT_ALLOW
    elif isinstance(allow, str):
        globs = (allow,)
    else:
        globs = tuple(str(glob) for glob in allow)
    return any(glob_to_regex(glob).match(relative) for glob in globs)


# ------------------------------------------------------------------------------------ classes, imports, markers


def _base_text(node: ast.expr) -> str:
    name = dotted(node.value if type(node) is ast.Subscript else node)
    return name if name is not None else _unparse(node)


def _decorator_text(node: ast.expr) -> str:
    name = dotted(node.func if type(node) is ast.Call else node)
    return name if name is not None else _unparse(node)


def _unparse(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except RecursionError:
        return "<expression>"


def _fingerprint(node: ast.ClassDef) -> Optional[str]:
    # Every docstring below the class is already stripped (bottom-up by the collector): no copy needed.
    try:
        return stripped_fingerprint(node)
    except RecursionError:
        return None


def _members(node: ast.ClassDef) -> Tuple[List[str], List[str]]:
    methods, attributes = members(node)
    return sorted(methods), sorted(attributes)


def _literal_strings(node: Optional[ast.AST]) -> Optional[List[str]]:
    if type(node) not in (ast.List, ast.Tuple):
        return None
    values: List[str] = []
    for element in node.elts:
        if type(element) is not ast.Constant or type(element.value) is not str:
            return None
        values.append(element.value)
    return values


class _FactCollector:
    """One pass over the statements (never into expressions: definitions and imports are statements)."""

    def __init__(self, package: str) -> None:
        self.package = package
        self.classes: List[Dict[str, Any]] = []
        self.imports: List[Dict[str, Any]] = []
        self.shims: List[Dict[str, Any]] = []
        self.all_names: Optional[List[str]] = None
        self._class_singletons: List[Dict[str, Any]] = []
        self._instances: List[Tuple[int, str, str]] = []  # module-level (line, name, callee)
        self._class_names: Set[str] = set()
        self._functions: List[Tuple[ast.AST, List[str]]] = []  # module-level functions: maybe singleton accessors

    def run(self, tree: ast.Module) -> None:
        self._body(tree.body, "", True)

    def singletons(self) -> List[Dict[str, Any]]:
        found = list(self._class_singletons)
        instances: Dict[str, str] = {}
        for line, name, callee in self._instances:
            if is_singleton_instance(callee, self._class_names):
                instances[name] = callee
                found.append({"line": line, "name": name, "kind": "module-instance", "class": callee})
        for function, decorators in self._functions:
            owner = accessor_function_class(function, instances, decorators)
            if owner is not None:
                found.append({"line": function.lineno, "name": function.name, "kind": "get-function", "class": owner})
        return sorted(found, key=lambda s: (s["line"], s["kind"], s["name"]))

    def _body(self, body: List[ast.stmt], prefix: str, toplevel: bool) -> None:
        for stmt in body:
            kind = type(stmt)
            if kind is ast.ImportFrom:
                self._import_from(stmt, toplevel)
            elif kind is ast.Import:
                for alias in stmt.names:
                    self.imports.append({"kind": "import", "module": alias.name, "asname": alias.asname,
                                         "line": stmt.lineno, "toplevel": toplevel})
            elif kind is ast.ClassDef:
                self._class(stmt, prefix)
            elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                if toplevel:
                    self._functions.append((stmt, [_decorator_text(d) for d in stmt.decorator_list]))
                self._body(stmt.body, f"{prefix}{stmt.name}.<locals>.", False)
                strip_docstring(stmt)
            elif kind is ast.If or kind in _LOOP_TYPES or kind in _WITH_TYPES:
                self._body(stmt.body, prefix, toplevel)
                self._body(getattr(stmt, "orelse", ()), prefix, toplevel)
            elif kind in _TRY_TYPES:
                self._body(stmt.body, prefix, toplevel)
                for handler in stmt.handlers:
                    self._body(handler.body, prefix, toplevel)
                self._body(stmt.orelse, prefix, toplevel)
                self._body(stmt.finalbody, prefix, toplevel)
            elif kind is ast.Match:
                for case in stmt.cases:
                    self._body(case.body, prefix, toplevel)
            elif toplevel:
                self._module_statement(stmt)

    def _import_from(self, stmt: ast.ImportFrom, toplevel: bool) -> None:
        module = stmt.module or ""
        unresolved = False
        if stmt.level:
            parts = self.package.split(".") if self.package else []
            if stmt.level > len(parts):
                module, unresolved = "." * stmt.level + module, True
            else:
                module = ".".join(parts[:len(parts) - stmt.level + 1] + ([module] if module else []))
        for alias in stmt.names:
            entry = {"kind": "from", "module": module, "name": alias.name, "asname": alias.asname,
                     "line": stmt.lineno, "toplevel": toplevel}
            if unresolved:
                entry["unresolved"] = True
            self.imports.append(entry)

    def _class(self, node: ast.ClassDef, prefix: str) -> None:
        name = prefix + node.name
        self._class_names.add(node.name)
        methods, attributes = _members(node)
        entry: Dict[str, Any] = {
            "name": name,
            "line": node.lineno,
            "bases": [_base_text(base) for base in node.bases],
            "fingerprint": None,
            "methods": methods,
            "attributes": attributes,
            "decorators": [_decorator_text(decorator) for decorator in node.decorator_list],
            "nested": bool(prefix),
        }
        self.classes.append(entry)
        self._class_singleton_patterns(node, name)
        self._body(node.body, name + ".", False)
        strip_docstring(node)
        entry["fingerprint"] = _fingerprint(node)

    def _class_singleton_patterns(self, node: ast.ClassDef, name: str) -> None:
        for stmt in node.body:
            kind = type(stmt)
            if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                if is_accessor_method(stmt.name, [_decorator_text(d) for d in stmt.decorator_list]):
                    self._class_singletons.append({"line": stmt.lineno, "name": stmt.name,
                                                   "kind": "get-instance", "class": name})
            elif kind is ast.Assign or kind is ast.AnnAssign:
                targets = stmt.targets if kind is ast.Assign else [stmt.target]
                if is_instance_cache(t.id for t in targets if type(t) is ast.Name):
                    self._class_singletons.append({"line": stmt.lineno, "name": "_instance",
                                                   "kind": "instance-attribute", "class": name})

    def _module_statement(self, stmt: ast.stmt) -> None:
        kind = type(stmt)
        if kind is ast.Assign or kind is ast.AnnAssign:
            targets = stmt.targets if kind is ast.Assign else [stmt.target]
            value = stmt.value
            for target in targets:
                if type(target) is not ast.Name:
                    continue
                if target.id == "__all__":
                    self.all_names = _literal_strings(value)
                elif target.id == SHIM_MARKER and value is not None:
                    self._shims(value)
                elif type(value) is ast.Call:
                    callee = dotted(value.func)
                    if callee is not None:
                        self._instances.append((stmt.lineno, target.id, callee))
        elif kind is ast.AugAssign:
            if type(stmt.target) is ast.Name and stmt.target.id == "__all__":
                self._extend_all(_literal_strings(stmt.value))
        elif kind is ast.Expr and type(stmt.value) is ast.Call:
            call = stmt.value
            method = dotted(call.func)
            if method in ("__all__.extend", "__all__.append") and len(call.args) == 1 and not call.keywords:
                argument = call.args[0]
                if method == "__all__.extend":
                    self._extend_all(_literal_strings(argument))
                else:
                    is_str = type(argument) is ast.Constant and type(argument.value) is str
                    self._extend_all([argument.value] if is_str else None)

    def _extend_all(self, values: Optional[List[str]]) -> None:
        if self.all_names is not None:
            self.all_names = self.all_names + values if values is not None else None

    def _shims(self, value: ast.expr) -> None:
        if type(value) is not ast.Dict:
            return
        for key, item in zip(value.keys, value.values):
            try:
                name, entry = ast.literal_eval(key), ast.literal_eval(item)
            except (ValueError, TypeError, SyntaxError, RecursionError):
                continue
            if isinstance(name, str) and isinstance(entry, dict) and isinstance(entry.get("canonical"), str):
                sunset = entry.get("sunset")
                self.shims.append({"line": key.lineno, "name": name, "canonical": entry["canonical"],
                                   "sunset": sunset if isinstance(sunset, str) else None})


# --------------------------------------------------------------------------------------------- environment access

_OS, _ENVIRON, _GETENV = "os", forms.ENVIRON, forms.GETENV
Env = Dict[str, str]  # visible name -> "os" | "environ" | "getenv"
Push = Callable[[Tuple[ast.AST, Env, Env]], None]


def _target_names(target: ast.AST, into: Set[str]) -> None:
    kind = type(target)
    if kind is ast.Name:
        into.add(target.id)
    elif kind is ast.Tuple or kind is ast.List:
        for element in target.elts:
            _target_names(element, into)
    elif kind is ast.Starred:
        _target_names(target.value, into)


def _parameters(arguments: ast.arguments) -> Set[str]:
    names = {a.arg for a in arguments.posonlyargs}
    names.update(a.arg for a in arguments.args)
    names.update(a.arg for a in arguments.kwonlyargs)
    if arguments.vararg:
        names.add(arguments.vararg.arg)
    if arguments.kwarg:
        names.add(arguments.kwarg.arg)
    return names


def _scope_env(outer: Env, body: List[ast.stmt], parameters: Set[str]) -> Env:
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
                    if alias.name == _OS:
                        imported[alias.asname] = _OS
                    else:
                        bound.add(alias.asname)
                elif alias.name == _OS or alias.name.startswith("os."):
                    imported[_OS] = _OS
                else:
                    bound.add(alias.name.partition(".")[0])
        elif kind is ast.ImportFrom:
            from_os = stmt.module == _OS and not stmt.level
            for alias in stmt.names:
                if from_os and alias.name == "*":
                    imported.setdefault(_ENVIRON, _ENVIRON)
                    imported.setdefault(_GETENV, _GETENV)
                elif from_os and alias.name in (_ENVIRON, _GETENV):
                    imported[alias.asname or alias.name] = alias.name
                elif alias.name != "*":
                    bound.add(alias.asname or alias.name)
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            bound.add(stmt.name)
        elif kind is ast.Assign:
            for target in stmt.targets:
                _target_names(target, bound)
        elif kind is ast.AugAssign or kind is ast.AnnAssign:
            _target_names(stmt.target, bound)
        elif kind is ast.Global or kind is ast.Nonlocal:
            declared.update(stmt.names)
        elif kind is ast.If or kind in _LOOP_TYPES:
            if kind is not ast.If and kind is not ast.While:
                _target_names(stmt.target, bound)
            stack.extend(stmt.body)
            stack.extend(stmt.orelse)
        elif kind in _WITH_TYPES:
            for item in stmt.items:
                if item.optional_vars is not None:
                    _target_names(item.optional_vars, bound)
            stack.extend(stmt.body)
        elif kind in _TRY_TYPES:
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
def _child_fields(kind: type) -> Tuple[str, ...]:
    if kind is ast.Constant or kind is ast.Name:
        return ()
    return tuple(name for name in kind._fields if name not in ("ctx", "type_comment"))


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


class _EnvScanner:
    """Classifies every ``os.environ`` / ``os.getenv`` reference once, the way the env-to-isolated codemod does."""

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._found: List[Tuple[int, int, str, Optional[str]]] = []
        self._statement_calls: Set[int] = set()
        self._safe_removals: Set[int] = set()  # del / pop(k) that cannot raise KeyError where they stand
        self._handlers: Dict[type, Callable[[Any, Env, Env, Push], bool]] = {
            ast.Name: self._name,
            ast.Attribute: self._attribute,
            ast.Call: self._call,
            ast.Subscript: self._subscript,
            ast.Assign: self._assign,
            ast.AnnAssign: self._ann_assign,
            ast.AugAssign: self._aug_assign,
            ast.Delete: self._delete,
            ast.Compare: self._compare,
            ast.For: self._for,
            ast.AsyncFor: self._for,
            ast.comprehension: self._for,
            ast.Expr: self._expr,
            ast.If: self._if,
            ast.Try: self._try,
            ast.FunctionDef: self._function,
            ast.AsyncFunctionDef: self._function,
            ast.Lambda: self._lambda,
            ast.ClassDef: self._class,
            ast.ListComp: self._comprehension,
            ast.SetComp: self._comprehension,
            ast.DictComp: self._comprehension,
            ast.GeneratorExp: self._comprehension,
        }

    def run(self, tree: ast.Module) -> List[Dict[str, Any]]:
        env = _scope_env({}, tree.body, set())
        stack: List[Tuple[ast.AST, Env, Env]] = [(stmt, env, env) for stmt in tree.body]
        push = stack.append
        handlers = self._handlers
        while stack:
            node, env, closure = stack.pop()
            kind = type(node)
            handler = handlers.get(kind)
            if handler is not None and handler(node, env, closure, push):
                continue
            for field in _child_fields(kind):
                value = getattr(node, field, None)
                if type(value) is list:
                    for item in value:
                        if isinstance(item, ast.AST):
                            push((item, env, closure))
                elif isinstance(value, ast.AST):
                    push((value, env, closure))
        return self._entries()

    def _entries(self) -> List[Dict[str, Any]]:
        columns = _Columns(self._source)
        entries = []
        for line, column, form, detail in sorted(set(self._found)):
            entry: Dict[str, Any] = {"line": line, "column": columns.convert(line, column), "form": form,
                                     "rewritable": form in REWRITABLE_FORMS}
            if detail is not None:
                entry["detail"] = detail
            entries.append(entry)
        return entries

    def _record(self, node: ast.AST, form: str, detail: Optional[str] = None) -> None:
        self._found.append((node.lineno, node.col_offset, form, detail))

    @staticmethod
    def _ref(node: ast.AST, env: Env) -> Optional[str]:
        """"environ" / "getenv" when ``node`` is that attribute of the os module, else None."""
        kind = type(node)
        if kind is ast.Attribute:
            attr = node.attr
            if attr != _ENVIRON and attr != _GETENV:
                return None
            value = node.value
            return attr if type(value) is ast.Name and env.get(value.id) == _OS else None
        if kind is ast.Name:
            meaning = env.get(node.id)
            return meaning if meaning != _OS else None
        return None

    @staticmethod
    def _push_all(nodes: Sequence[Optional[ast.AST]], env: Env, closure: Env, push: Push) -> None:
        for node in nodes:
            if isinstance(node, ast.AST):
                push((node, env, closure))

    def _push_call_arguments(self, node: ast.Call, env: Env, closure: Env, push: Push, skip: Any = None) -> None:
        for arg in node.args:
            if arg is not skip:
                push((arg, env, closure))
        for keyword in node.keywords:
            if keyword.value is not skip:
                push((keyword.value, env, closure))

    def _as_value(self, node: ast.AST, env: Env) -> bool:
        ref = self._ref(node, env)
        if ref is None:
            return False
        self._record(node, forms.value_form(ref))
        return True

    # ---- references and the expressions around them

    def _name(self, node: ast.Name, env: Env, closure: Env, push: Push) -> bool:
        if type(node.ctx) is ast.Load:
            self._as_value(node, env)
        return True

    def _attribute(self, node: ast.Attribute, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.value, env) == _ENVIRON:
            self._record(node, *forms.attribute_form(node.attr))
            return True
        return self._as_value(node, env)

    def _call(self, node: ast.Call, env: Env, closure: Env, push: Push) -> bool:
        func = node.func
        kind = type(func)
        if kind is ast.Attribute:
            attr = func.attr
            if attr in forms.CALLED_METHODS and self._ref(func.value, env) == _ENVIRON:
                return self._environ_method_call(node, attr, env, closure, push)
            if attr == _GETENV and self._ref(func, env) == _GETENV:
                self._record(node, "getenv")
                self._push_call_arguments(node, env, closure, push)
                return True
            if attr == "dict" and _looks_like_patch(func.value):
                return self._patch_dict(node, env, closure, push)
        elif kind is ast.Name:
            name = func.id
            if name == "dict" and node.args and type(node.args[0]) is not ast.Starred \
                    and self._ref(node.args[0], env) == _ENVIRON:
                self._record(node, forms.dict_call_form(len(node.args) + len(node.keywords)))
                self._push_call_arguments(node, env, closure, push, skip=node.args[0])
                return True
            if env.get(name) == _GETENV:
                self._record(node, "getenv")
                self._push_call_arguments(node, env, closure, push)
                return True
        return False

    def _environ_method_call(self, node: ast.Call, attr: str, env: Env, closure: Env, push: Push) -> bool:
        form = forms.method_call_form(
            attr,
            statement=id(node) in self._statement_calls,
            count=len(node.args) + len(node.keywords),
            first_positional=bool(node.args) and type(node.args[0]) is not ast.Starred,
            safe=id(node) in self._safe_removals,
            mapping=lambda: _is_mapping(node.args[0]),
        )
        if form is None:
            return False  # reaches the attribute: environ-method "copy"
        self._record(node, form)
        self._push_call_arguments(node, env, closure, push)
        return True

    def _patch_dict(self, node: ast.Call, env: Env, closure: Env, push: Push) -> bool:
        target: Optional[ast.AST] = next((arg for arg in node.args if type(arg) is not ast.Starred), None)
        if target is None:
            target = next((k.value for k in node.keywords if k.arg == "in_dict"), None)
        if target is None:
            return False
        if self._ref(target, env) == _ENVIRON:
            self._record(node, "patch-dict-environ")
            push((node.func, env, closure))
            self._push_call_arguments(node, env, closure, push, skip=target)
            return True
        if type(target) is ast.Constant and target.value == "os.environ":
            self._record(node, "patch-dict-environ")
        return False

    def _subscript(self, node: ast.Subscript, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.value, env) != _ENVIRON:
            return False
        self._record(node, "environ-subscript-read")
        push((node.slice, env, closure))
        return True

    def _compare(self, node: ast.Compare, env: Env, closure: Env, push: Push) -> bool:
        if len(node.ops) != 1 or type(node.ops[0]) not in (ast.In, ast.NotIn):
            return False
        if self._ref(node.comparators[0], env) != _ENVIRON:
            return False
        self._record(node, forms.contains_form(negated=type(node.ops[0]) is ast.NotIn))
        push((node.left, env, closure))
        return True

    def _for(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        if self._ref(node.iter, env) != _ENVIRON:
            return False
        self._record(node.iter, "environ-iteration")
        for field in _child_fields(type(node)):
            if field != "iter":
                value = getattr(node, field)
                self._push_all(value if type(value) is list else [value], env, closure, push)
        return True

    # ---- statements that write

    def _environ_subscript(self, node: ast.AST, env: Env) -> bool:
        return type(node) is ast.Subscript and self._ref(node.value, env) == _ENVIRON

    def _stores(self, target: ast.AST, form: str, env: Env, closure: Env, push: Push) -> None:
        kind = type(target)
        if kind is ast.Tuple or kind is ast.List:
            for element in target.elts:
                self._stores(element, form, env, closure, push)
        elif kind is ast.Starred:
            self._stores(target.value, form, env, closure, push)
        elif self._environ_subscript(target, env):
            self._record(target, form)
            push((target.slice, env, closure))
        else:
            push((target, env, closure))

    def _assign(self, node: ast.Assign, env: Env, closure: Env, push: Push) -> bool:
        push((node.value, env, closure))
        target = node.targets[0]
        if len(node.targets) == 1 and self._environ_subscript(target, env) and _single_index(target):
            self._record(node, "environ-set")
            push((target.slice, env, closure))
            return True
        for target in node.targets:
            self._stores(target, "environ-subscript-write", env, closure, push)
        return True

    def _ann_assign(self, node: ast.AnnAssign, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([node.annotation, node.value], env, closure, push)
        self._stores(node.target, "environ-subscript-write", env, closure, push)
        return True

    def _aug_assign(self, node: ast.AugAssign, env: Env, closure: Env, push: Push) -> bool:
        if not self._environ_subscript(node.target, env):
            return False
        self._record(node.target, "environ-augmented-assignment")
        self._push_all([node.target.slice, node.value], env, closure, push)
        return True

    def _delete(self, node: ast.Delete, env: Env, closure: Env, push: Push) -> bool:
        target = node.targets[0]
        if len(node.targets) == 1 and self._environ_subscript(target, env) and _single_index(target):
            self._record(node, forms.delete_form(safe=id(node) in self._safe_removals))
            push((target.slice, env, closure))
            return True
        for target in node.targets:
            self._stores(target, "environ-subscript-delete", env, closure, push)
        return True

    def _if(self, node: ast.If, env: Env, closure: Env, push: Push) -> bool:
        # `if k in os.environ: del os.environ[k]` (or `if get_env().exists(k):`): the key is certainly present.
        test, key = node.test, None
        if type(test) is ast.Compare and len(test.ops) == 1 and type(test.ops[0]) is ast.In \
                and self._ref(test.comparators[0], env) == _ENVIRON:
            key = test.left
        elif type(test) is ast.Call and len(test.args) == 1 and type(test.args[0]) is not ast.Starred \
                and not test.keywords and type(test.func) is ast.Attribute \
                and test.func.attr == "exists" and _is_accessor_call(test.func.value):
            key = test.args[0]
        if key is not None:
            wanted = ast.dump(key)
            for stmt in node.body:
                removed = _removed_key(stmt)
                if removed is not None and ast.dump(removed[1]) == wanted:
                    self._safe_removals.add(id(removed[0]))
        return False

    def _try(self, node: ast.Try, env: Env, closure: Env, push: Push) -> bool:
        # `try: del os.environ[k]` as the body's last statement + `except KeyError: pass`, no `else`: swallowed.
        if node.orelse or not any(_catches_key_error(h.type) and all(_is_pass(s) for s in h.body)
                                  for h in node.handlers):
            return False
        removed = _removed_key(node.body[-1])
        if removed is not None:
            self._safe_removals.add(id(removed[0]))
        return False

    def _expr(self, node: ast.Expr, env: Env, closure: Env, push: Push) -> bool:
        if type(node.value) is ast.Call:
            self._statement_calls.add(id(node.value))
        return False

    # ---- scopes

    def _function(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([*node.decorator_list, node.args, node.returns], env, closure, push)
        inner = _scope_env(closure, node.body, _parameters(node.args))
        self._push_all(node.body, inner, inner, push)
        return True

    def _lambda(self, node: ast.Lambda, env: Env, closure: Env, push: Push) -> bool:
        push((node.args, env, closure))
        parameters = _parameters(node.args)
        inner = {name: meaning for name, meaning in closure.items() if name not in parameters}
        push((node.body, inner, inner))
        return True

    def _class(self, node: ast.ClassDef, env: Env, closure: Env, push: Push) -> bool:
        self._push_all([*node.decorator_list, *node.bases, *node.keywords], env, closure, push)
        # a class body sees the enclosing function's names; its methods skip the class body's own
        self._push_all(node.body, _scope_env(closure, node.body, set()), closure, push)
        return True

    def _comprehension(self, node: Any, env: Env, closure: Env, push: Push) -> bool:
        names: Set[str] = set()
        for generator in node.generators:
            _target_names(generator.target, names)
        if not names.intersection(env):
            return False
        inner = {name: meaning for name, meaning in env.items() if name not in names}
        for field in _child_fields(type(node)):
            value = getattr(node, field)
            self._push_all(value if type(value) is list else [value], inner, closure, push)
        return True


class _Columns:
    """``ast`` columns count UTF-8 bytes; LibCST's (and the engine's) count characters."""

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._ascii = source.isascii()
        self._lines: Optional[List[str]] = None

    def convert(self, line: int, column: int) -> int:
        if self._ascii or column == 0:
            return column
        if self._lines is None:
            try:
                encoding, _ = tokenize.detect_encoding(io.BytesIO(self._source).readline)
                text = self._source.decode(encoding, errors="replace")
            except (SyntaxError, LookupError):
                text = self._source.decode("utf-8", errors="replace")
            self._lines = re.split(r"\r\n|\r|\n", text)
        if not 0 < line <= len(self._lines):
            return column
        return len(self._lines[line - 1].encode("utf-8")[:column].decode("utf-8", errors="replace"))


__all__ = ["scan_source", "module_and_package", "is_test_path", "is_allowed", "dotted", "REWRITABLE_FORMS"]
