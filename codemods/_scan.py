"""Per-file facts for ``codemod scan`` and ``codemod mro``, read with Python's ``ast`` (LibCST is several times slower
and nothing here rewrites code). The engine aggregates across files: duplicate classes, MRO, expired shims.
Statement facts are ``_scan_facts``; environment accesses ``_scan_env`` (forms from ``_env_forms``, scoped names from
``_scan_scopes``).

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
     "shims": [{"line", "name", "canonical", "sunset": str | None, "kind": "alias" | "wrapper"}],
     "allAll": ["Name", ...] | None,
     "suppressions": [{"line", "end", "names"?: ["env-access", "env-to-isolated", ...]}]}

    {"outcome": "skipped", "reason": "skip-file comment", "module", "package", "isTest"}

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
    ``line`` is the key's line. A marker that is not a literal dict of dicts is ignored. ``kind`` is ``wrapper`` when
    the module defines the name (a deprecated accessor function, or ``Class.method``), else ``alias``
    (``_shims.shim_kind``, the definition remove-expired-shim applies).

suppressions
    Every ``# codemod: ignore`` comment (``_suppressions.find_suppressions``, the codemods' own parser): ``line`` is the
    comment's line, ``end`` the last line it covers (the statement starting on ``line``: a multi-line simple statement
    or a compound statement's header, ``_suppressions.statement_starts``; else ``line``), ``names`` the bracketed names
    (absent: every rule). Which findings a comment suppresses, and which comments are stale, the engine decides.
    A ``# codemod: skip-file`` comment in the first lines makes the whole file ``skipped``, unparsed.

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
from typing import Any, Dict, List, Optional, Sequence

import _env_forms as forms
from _codemod_support import glob_to_regex, module_and_package
from _scan_env import EnvScanner
from _scan_facts import SHIM_MARKER, FactCollector
from _suppressions import find_suppressions, has_skip_file, statement_starts
from _singleton import dotted

DEFAULT_ALLOW = (forms.DEFAULT_MODULE.replace(".", "/") + ".py",)

REWRITABLE_FORMS = forms.REWRITABLE_FORMS

SKIP_FILE_REASON = "skip-file comment"

_ENV_WORDS = re.compile(forms.ENV_WORDS.encode("ascii"))


def scan_source(path: str, source: bytes, args: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The facts of one file (shape in the module docstring); a file that does not parse is a ``failed`` outcome."""
    relative = _relative(path)
    module, package = module_and_package(relative)
    head: Dict[str, Any] = {"module": module, "package": package, "isTest": is_test_path(relative)}
    text = _comment_text(source)
    if text is not None and has_skip_file(text):
        return {"outcome": "skipped", "reason": SKIP_FILE_REASON, **head}
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
        facts = FactCollector(package)
        facts.run(tree)
        env = [] if allowed or not _ENV_WORDS.search(source) else EnvScanner(source).run(tree)
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
        "shims": facts.shim_facts(),
        "allAll": facts.all_names,
        "suppressions": suppressions(text) if text is not None else [],
    }


def suppressions(text: str) -> List[Dict[str, Any]]:
    """The ``suppressions`` facts of a decoded source (shape in the module docstring)."""
    found = find_suppressions(text)
    if not found:
        return []
    ends: Dict[int, int] = {}
    for line, start in statement_starts(text).items():
        if start in found:
            ends[start] = max(ends.get(start, start), line)
    facts: List[Dict[str, Any]] = []
    for line in sorted(found):
        fact: Dict[str, Any] = {"line": line, "end": ends.get(line, line)}
        if found[line].codemods is not None:
            fact["names"] = sorted(found[line].codemods)
        facts.append(fact)
    return facts


def _comment_text(source: bytes) -> Optional[str]:
    """The decoded source when it may hold a ``# codemod:`` comment (PEP 263 cookie and BOM honoured), else None."""
    if b"codemod:" not in source:
        return None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        return source.decode(encoding, errors="replace").lstrip("\ufeff")
    except (SyntaxError, LookupError):
        return None


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


__all__ = ["scan_source", "module_and_package", "is_test_path", "is_allowed", "dotted", "REWRITABLE_FORMS", "SHIM_MARKER"]
