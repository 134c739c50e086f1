"""Route direct ``os.environ`` / ``os.getenv`` access through the project's isolated environment accessor.

Rewrites, only where the name really is the ``os`` module (``import os``, ``import os as _os``,
``from os import environ, getenv``, ``from os import environ as E`` are followed; a parameter or local variable
named ``os`` is not)::

    os.environ.get(k[, d])                  -> get_env().get(k[, d])
    os.getenv(k[, d])                       -> get_env().get(k[, d])
    os.environ[k] = v                       -> get_env().set(k, v, "<source>")
    del os.environ[k]           (k set)     -> get_env().delete(k)
    k in os.environ / k not in os.environ   -> get_env().exists(k) / not get_env().exists(k)
    os.environ.copy(), dict(os.environ)     -> get_env().get_all()
    os.environ.update(m)        (statement) -> get_env().update(m, "<source>")   m: {...}, {k: v for ...}, dict(...)
    os.environ.pop(k, d)        (statement) -> get_env().delete(k)
    os.environ.pop(k)           (statement, k set) -> get_env().delete(k)

"k set": ``del`` and ``pop(k)`` raise KeyError for an unset variable and ``get_env().delete(k)`` does not, so they are
rewritten only directly inside ``if k in os.environ:`` / ``if get_env().exists(k):`` (same ``k``) or as the last
statement of a ``try`` whose ``except KeyError:`` is only ``pass`` (no ``else``); elsewhere they are review items.
``update`` also takes key/value pairs, ``get_env().update`` only a mapping: other arguments are review items.

``<source>`` is ``--source`` or, by default, the file's dotted module name. The accessor must be bound where it is
written: a site whose function (or enclosing function) imports it above the site uses that import; every other site
reads the module-level name, and ``from <module> import <accessor>`` is added at module level (isort's place in the
leading import block, see ``_imports``) unless an unconditional module-level import of it exists. A site whose function
binds the accessor only below it is a review item (``UnboundLocalError`` otherwise), as is every site when the module
imports the accessor only inside ``try/except ImportError``. ``import os`` / ``from os import environ`` are removed only
once nothing uses them, keeping the blank lines above them. A file that patches another module's ``os`` (``patch(
"pkg.mod.os")``, ``patch.object(mod, "os")``, ``mod.os = ...``) gets review items the engine keeps only when ``pkg.mod``
changed in the same run (see ``_patched_os``).

Reported for review and left unchanged, because a mechanical rewrite could change behaviour: ``os.environ[k]`` reads
(KeyError today), ``pop`` whose value is used, ``setdefault``, ``items/keys/values/clear`` and other attributes,
iteration, ``os.environ`` passed or stored as a value (``env=os.environ``, ``dict(os.environ, X=...)``),
``os.environ[k] += ...``, write/delete forms inside unpacking or multi-target statements, and ``patch.dict(os.environ,
...)`` in tests (the env-in-tests codemod migrates those).

Caveats:
- ``get_all()`` is assumed to return a fresh dict, as ``copy()`` and ``dict()`` did. Whether values written through
  ``get_env()`` reach the real process environment (child processes, C extensions) is up to the accessor's module.
- Files matching ``--allow`` (by default the environment module's own file, which must read ``os.environ``) are
  skipped. If the accessor name is already bound in the file to something else, nothing in that file is rewritten.
- Strings, comments and docstrings are never touched (``patch.dict("os.environ", ...)`` is reported, not rewritten).
"""

from __future__ import annotations

import argparse
import ast
import re
from typing import Dict, List, Optional, Pattern, Sequence, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import (
    ImportAssignment,
    PositionProvider,
    QualifiedName,
    QualifiedNameSource,
    ScopeProvider,
)

import _env_forms as forms
import _env_precheck
import _patched_os
from _codemod_support import ReportingMixin, glob_to_regex
from _env_classify import ClassifyMixin
from _env_rewrite import RewriteMixin
from _env_shapes import _project_relative
from _imports import (
    KNOWN_UNUSED,
    BlankKeepingRemoveImportsVisitor,
    KnownUnusedRemoveImportsVisitor,
    ensure_module_import,
    unused_import_aliases,
)
from _metadata import FreshTreeMixin, PlainDispatchMixin

DEFAULT_MODULE = forms.DEFAULT_MODULE
DEFAULT_ACCESSOR = forms.DEFAULT_ACCESSOR

_ENV_WORDS = re.compile(forms.ENV_WORDS)
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\Z")

# Reviews about where the accessor is bound, not about a form of environment access (see _env_forms).
_ACCESSOR_MESSAGES = {
    "accessor-unbound-here": "{problem}: {acc}() written here would raise {error}, and a module-level import cannot "
    "help while that scope binds {acc} itself: move that binding above this line, then run again",
    "accessor-import-conditional": "{problem}: {acc}() written here would raise NameError when that import fails; "
    "import {acc} unconditionally and run again",
}

_PATCHED_OS_MESSAGE = (
    "this patches {module}.os, and this run routes {module}'s environment access through {acc}(): the patch no "
    "longer reaches what {module} reads; patch the isolated environment instead (the env-in-tests fixtures, or "
    "{acc}().set(...) in a fixture that restores it)"
)

class EnvToIsolatedCommand(FreshTreeMixin, PlainDispatchMixin, ClassifyMixin, RewriteMixin, ReportingMixin, VisitorBasedCodemodCommand):
    NAME = "env-to-isolated"
    DESCRIPTION = "Route os.environ / os.getenv access through the isolated environment accessor (get_env())."
    VERSION = "1.0.0"
    # `patch` / `monkeypatch`: tests that patch a module's `os` need not name environ or getenv (see _patched_os).
    PREFILTER = ("environ", "getenv", "patch", "monkeypatch")
    REQUIRED_MODULE_ARGS = {"module": "accessor"}  # rewritten files import accessor from module: the engine warns when module is missing
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--module", dest="module", default=DEFAULT_MODULE, help="module that provides the accessor function"
        )
        arg_parser.add_argument(
            "--accessor", dest="accessor", default=DEFAULT_ACCESSOR, help="accessor function returning the environment"
        )
        arg_parser.add_argument(
            "--source",
            dest="source",
            default=None,
            help="label passed to set() and update(); default: the file's dotted module name",
        )
        arg_parser.add_argument(
            "--allow",
            dest="allow",
            action="append",
            default=None,
            metavar="GLOB",
            help="bootstrap files left alone, repeatable ('**' spans folders); "
            "default: the accessor module's own file (module path + '.py')",
        )

    def __init__(
        self,
        context: CodemodContext,
        module: str = DEFAULT_MODULE,
        accessor: str = DEFAULT_ACCESSOR,
        source: Optional[str] = None,
        allow: Optional[Sequence[str]] = None,
    ) -> None:
        super().__init__(context)
        if not _DOTTED.match(module or ""):
            raise ValueError(f"module must be a dotted module name, got {module!r}")
        if not (accessor or "").isidentifier():
            raise ValueError(f"accessor must be an identifier, got {accessor!r}")
        self.env_module = module
        self.accessor = accessor
        self.source_label = source
        globs = list(allow) if allow else [module.replace(".", "/") + ".py"]
        self.allow: List[Tuple[str, Pattern[str]]] = [(glob, glob_to_regex(glob)) for glob in globs]
        self._accessor_name = QualifiedName(f"{module}.{accessor}", QualifiedNameSource.IMPORT)

    # ----------------------------------------------------------------- entry

    def may_change(self, source: bytes) -> bool:
        """Asked by the worker before LibCST parses the file: False when ``_env_precheck`` finds nothing to do."""
        if self._allowing_glob() is not None:
            return True  # transform_module reports the file as skipped, with the glob that allowed it
        return _env_precheck.may_change(source, self.context.full_package_name)

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # Checked before LibCST computes any metadata: allowed files cost nothing.
        glob = self._allowing_glob()
        if glob is not None:
            raise SkipFile(f"allowed bootstrap file (matches '{glob}')")
        own = self.context.full_module_name
        code = self._source_code = tree.code
        for line, column, module in _patched_os.find(code, self.context.full_package_name):
            if module != own:
                self.record_review_at(line, column, "patched-module-os", _PATCHED_OS_MESSAGE.format(
                    module=module, acc=self.accessor), requires_changed_module=module)
        if not _ENV_WORDS.search(code):
            return tree  # only a test that patches some module's os: nothing to rewrite, no metadata to compute
        return super().transform_module(tree)

    def visit_Module(self, node: cst.Module) -> None:
        # One instance serves many files under LibCST's own runner: all per-file state starts here.
        self._aliases: Dict[str, str] = {}  # local name bound by `from os import environ/getenv [as x]` -> attr
        self._ref_memo: Dict[int, Optional[str]] = {}
        self._claimed: Set[int] = set()  # references already rewritten or reported
        self._plans: Dict[int, str] = {}  # id(original node) -> change kind, applied in its leave_*
        self._statement_calls: Set[int] = set()
        self._changes: List[Tuple[cst.CSTNode, str, str]] = []
        self._rewritten_refs: List[cst.CSTNode] = []
        self._checked_scopes: Set[int] = set()
        self._taken_by: Optional[cst.CSTNode] = None
        self._label: Optional[cst.SimpleString] = None
        self._safe_removals: Set[int] = set()  # del / pop(k) nodes that cannot raise KeyError where they stand
        self._parsed: Optional[Tuple[Optional[ast.Module], List[str]]] = None
        self._first_module_site: Optional[int] = None  # top-level statement index; None: no module import needed
        self._top_lines = [self._position(stmt)["line"] for stmt in node.body]
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is not None:
            # Module-level imports may sit below a function that uses them; see them before visiting anything.
            for assignment in scope.assignments:
                if isinstance(assignment, ImportAssignment) and isinstance(assignment.node, cst.ImportFrom):
                    self._note_os_import(assignment.node)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._changes:
            return updated_node
        if self._taken_by is not None:
            self.record_review(
                self._taken_by,
                "accessor-name-taken",
                f"'{self.accessor}' is already bound in this file to something other than "
                f"{self.env_module}.{self.accessor}, so nothing here was rewritten: rename that binding, or run with "
                f"--arg accessor=<another name>",
            )
            return original_node
        for node, kind, message in self._changes:
            self.record_change(node, kind, message)
        self._schedule_import_removal()
        if self._first_module_site is None:
            return updated_node
        roots = {self.env_module.split(".")[0], (self.context.full_module_name or "").split(".")[0]} - {""}
        return ensure_module_import(updated_node, self.env_module, self.accessor, self.context.full_package_name,
                                    first_party=sorted(roots), before_index=self._first_module_site)

    def _instantiate_and_run(self, transform: type, tree: cst.Module) -> cst.Module:
        # LibCST's import removal also drops the blank lines above a removed line (after a docstring, between
        # sections); this variant hands them to the next statement.
        if transform is RemoveImportsVisitor:
            known = KNOWN_UNUSED in self.context.scratch
            transform = KnownUnusedRemoveImportsVisitor if known else BlankKeepingRemoveImportsVisitor
        return super()._instantiate_and_run(transform, tree)  # type: ignore[misc]

    def _schedule_import_removal(self) -> None:
        # RemoveImportsVisitor costs a full scope analysis of the new tree (several times the parse), so it is only
        # asked to run when every use of an os import was rewritten; when some other use remains (os.path, ...),
        # the import certainly stays.
        ref_ids: Set[int] = set()
        bases: List[Tuple[cst.CSTNode, cst.Name]] = []
        for ref in self._rewritten_refs:
            node = ref
            while isinstance(node, cst.Attribute):
                ref_ids.add(id(node))
                node = node.value
            if isinstance(node, cst.Name):
                ref_ids.add(id(node))
                bases.append((ref, node))
        decided: Set[int] = set()
        # Proved here on the original tree: an import all of whose references were rewritten is unused afterwards.
        # Not when __all__ may name it (LibCST counts that as a use; scope analysis does not see it).
        unused: Optional[Dict[cst.ImportAlias, cst.CSTNode]] = None if "__all__" in self._code() else {}
        for ref, base in bases:
            scope = self.get_metadata(ScopeProvider, base, None)
            if scope is None:
                continue
            for access in scope.accesses[base.value]:
                if id(access.node) not in ref_ids:
                    continue
                for referent in access.referents:
                    if not isinstance(referent, ImportAssignment) or id(referent) in decided:
                        continue
                    decided.add(id(referent))
                    if all(id(other.node) in ref_ids for other in referent.references):
                        RemoveImportsVisitor.remove_unused_import_by_node(self.context, ref)
                        if unused is not None and isinstance(referent.node, (cst.Import, cst.ImportFrom)):
                            unused.update(unused_import_aliases(referent.node, referent.name))
        if unused:
            self.context.scratch[KNOWN_UNUSED] = unused

    def _review(
        self, node: cst.CSTNode, ref: Optional[cst.CSTNode], kind: str, variant: Optional[str] = None, **details: str
    ) -> None:
        if ref is not None:
            self._claimed.add(id(ref))
        text = _ACCESSOR_MESSAGES[kind].format(acc=self.accessor, **details) if kind in _ACCESSOR_MESSAGES \
            else forms.message(kind, self.accessor, variant, **details)
        self.record_review(node, kind, text)

    def _code(self) -> str:
        """The file's source text, generated once per file."""
        code: Optional[str] = self.__dict__.get("_source_code")
        if code is None:
            code = self._source_code = self.module.code
        return code

    def _allowing_glob(self) -> Optional[str]:
        path = _project_relative(self.context.filename)
        if path is None:
            return None
        for glob, pattern in self.allow:
            if pattern.match(path):
                return glob
        return None


__all__ = ["EnvToIsolatedCommand"]
