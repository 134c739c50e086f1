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
import os
import re
from typing import Dict, List, Optional, Pattern, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.helpers import calculate_module_and_package, get_full_name_for_node
from libcst.metadata import (
    Assignment,
    ImportAssignment,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
    QualifiedNameSource,
    ScopeProvider,
)

import _env_forms as forms
import _patched_os
from _codemod_support import ReportingMixin, glob_to_regex
from _imports import BlankKeepingRemoveImportsVisitor, ensure_module_import
from _name_resolution import Resolution, byte_column, resolve

DEFAULT_MODULE = forms.DEFAULT_MODULE
DEFAULT_ACCESSOR = forms.DEFAULT_ACCESSOR

_ENV_WORDS = re.compile(forms.ENV_WORDS)
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\Z")
_BUILTIN_DICT = QualifiedName("builtins.dict", QualifiedNameSource.BUILTIN)

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

Ref = Union[cst.Attribute, cst.Name]


class EnvToIsolatedCommand(ReportingMixin, VisitorBasedCodemodCommand):
    NAME = "env-to-isolated"
    DESCRIPTION = "Route os.environ / os.getenv access through the isolated environment accessor (get_env())."
    VERSION = "1.0.0"
    # `patch` / `monkeypatch`: tests that patch a module's `os` need not name environ or getenv (see _patched_os).
    PREFILTER = ("environ", "getenv", "patch", "monkeypatch")
    REQUIRED_MODULE_ARGS = {"module": "accessor"}  # rewritten files import accessor from module: the engine warns when module is missing
    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider, ScopeProvider)

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

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # Checked before LibCST computes any metadata: allowed files cost nothing.
        glob = self._allowing_glob()
        if glob is not None:
            raise SkipFile(f"allowed bootstrap file (matches '{glob}')")
        own = self.context.full_module_name
        code = tree.code
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
            transform = BlankKeepingRemoveImportsVisitor
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

    # -------------------------------------------------------- what is `os`?

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self._note_os_import(node)
        return False

    def _note_os_import(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        if get_full_name_for_node(node.module) != "os":
            return
        for alias in node.names:
            name = alias.name
            if isinstance(name, cst.Name) and name.value in forms.REF_ATTRS:
                self._aliases[alias.evaluated_alias or name.value] = name.value

    def _ref_kind(self, node: cst.CSTNode) -> Optional[str]:
        """'environ' or 'getenv' when ``node`` is the os module's attribute of that name, else None."""
        if isinstance(node, cst.Attribute):
            attr = node.attr.value
            if attr not in forms.REF_ATTRS:
                return None
        elif isinstance(node, cst.Name):
            attr = self._aliases.get(node.value)
            if attr is None:
                return None
        else:
            return None
        key = id(node)
        if key in self._ref_memo:
            return self._ref_memo[key]
        names = self.get_metadata(QualifiedNameProvider, node, ())
        target = "os." + attr
        # Every binding the name may refer to must be the os import: a shadowing local makes it something else.
        kind = attr if names and all(q.name == target and q.source is QualifiedNameSource.IMPORT for q in names) else None
        self._ref_memo[key] = kind
        return kind

    # -------------------------------------------------------- classification

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            if value.func.attr.value in forms.STATEMENT_METHODS:
                self._statement_calls.add(id(value))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute):
            attr = func.attr.value
            if attr in forms.CALLED_METHODS:
                if self._ref_kind(func.value) == "environ":
                    self._environ_method_call(node, func.value, attr)
            elif attr == "getenv":
                if self._ref_kind(func) == "getenv":
                    self._plan(node, func, "getenv")
            elif attr == "dict" and _looks_like_patch(func.value):
                self._patch_dict(node)
        elif isinstance(func, cst.Name):
            if func.value == "dict":
                self._dict_call(node, func)
            elif self._aliases.get(func.value) == "getenv" and self._ref_kind(func) == "getenv":
                self._plan(node, func, "getenv")

    def _environ_method_call(self, node: cst.Call, ref: cst.CSTNode, attr: str) -> None:
        args = node.args
        form = forms.method_call_form(
            attr,
            statement=id(node) in self._statement_calls,
            count=len(args),
            first_positional=bool(args) and _is_positional(args[0]),
            safe=id(node) in self._safe_removals,
            mapping=lambda: self._is_mapping(args[0].value),
        )
        if form is None:
            return  # visit_Attribute reports it
        if forms.FORMS[form].rewritable:
            self._plan(node, ref, form)
        else:
            self._review(node, ref, form, method=attr)

    def _dict_call(self, node: cst.Call, func: cst.Name) -> None:
        args = node.args
        if not args or not _is_positional(args[0]) or self._ref_kind(args[0].value) != "environ":
            return
        if not QualifiedNameProvider.has_name(self, func, _BUILTIN_DICT):
            return
        form = forms.dict_call_form(len(args))
        if forms.FORMS[form].rewritable:
            self._plan(node, args[0].value, form)
        else:
            self._review(node, args[0].value, form, variant="dict-of-environ")

    def _patch_dict(self, node: cst.Call) -> None:
        target = next((arg.value for arg in node.args if _is_positional(arg) or _keyword(arg) == "in_dict"), None)
        if target is None:
            return
        if self._ref_kind(target) == "environ":
            self._review(node, target, "patch-dict-environ")
        elif isinstance(target, (cst.SimpleString, cst.ConcatenatedString)) and target.evaluated_value == "os.environ":
            self._review(node, None, "patch-dict-environ")

    def visit_Assign(self, node: cst.Assign) -> None:
        targets = node.targets
        if len(targets) == 1:
            target = targets[0].target
            if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
                if _single_index(target) is not None:
                    self._plan(node, target.value, "environ-set")
                    return
        for target in targets:
            self._review_stores(target.target, "environ-subscript-write", "assignment")

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._review_stores(node.target, "environ-subscript-write", "annotated assignment")

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            self._review(target, target.value, "environ-augmented-assignment")

    def visit_Del(self, node: cst.Del) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            if _single_index(target) is not None:
                form = forms.delete_form(safe=id(node) in self._safe_removals)
                if forms.FORMS[form].rewritable:
                    self._plan(node, target.value, form)
                else:
                    self._review(node, target.value, form)
                return
        self._review_stores(target, "environ-subscript-delete", "del statement")

    def visit_If(self, node: cst.If) -> None:
        # `if k in os.environ: del os.environ[k]`: the key is certainly present in the guarded block itself.
        key = self._guarded_key(node.test)
        if key is not None:
            for small in _block_smalls(node.body):
                removed = _removed_key(small)
                if removed is not None and removed[1].deep_equals(key):
                    self._safe_removals.add(id(removed[0]))

    def visit_Try(self, node: cst.Try) -> None:
        # `try: del os.environ[k]` + `except KeyError: pass`: the error is swallowed, so never raising changes nothing
        # as long as the removal is the try body's last statement and there is no `else` to skip.
        if node.orelse is not None or not isinstance(node.body, cst.IndentedBlock) or not node.body.body:
            return
        if not any(_catches_key_error(handler.type) and _only_pass(handler.body) for handler in node.handlers):
            return
        last = node.body.body[-1]
        if isinstance(last, cst.SimpleStatementLine) and len(last.body) == 1:
            removed = _removed_key(last.body[0])
            if removed is not None:
                self._safe_removals.add(id(removed[0]))

    def _guarded_key(self, test: cst.BaseExpression) -> Optional[cst.BaseExpression]:
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
            target = test.comparisons[0]
            if isinstance(target.operator, cst.In) and self._ref_kind(target.comparator) == "environ":
                return test.left
        if isinstance(test, cst.Call) and len(test.args) == 1 and _is_positional(test.args[0]):
            func = test.func
            if isinstance(func, cst.Attribute) and func.attr.value == "exists" and isinstance(func.value, cst.Call):
                accessor = func.value
                if isinstance(accessor.func, cst.Name) and accessor.func.value == self.accessor and not accessor.args:
                    return test.args[0].value
        return None

    def _is_mapping(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, (cst.Dict, cst.DictComp)):
            return True
        return isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict" \
            and QualifiedNameProvider.has_name(self, value.func, _BUILTIN_DICT)

    def _review_stores(self, target: cst.BaseExpression, kind: str, what: str) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._review_stores(element.value, kind, what)
        elif isinstance(target, cst.StarredElement):
            self._review_stores(target.value, kind, what)
        elif isinstance(target, cst.Subscript) and self._ref_kind(target.value) == "environ":
            self._review(target, target.value, kind, what=what)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) != 1:
            return
        target = node.comparisons[0]
        operator = target.operator
        if isinstance(operator, (cst.In, cst.NotIn)) and self._ref_kind(target.comparator) == "environ":
            self._plan(node, target.comparator, forms.contains_form(negated=isinstance(operator, cst.NotIn)))

    def visit_For(self, node: cst.For) -> None:
        if self._ref_kind(node.iter) == "environ":
            self._review(node.iter, node.iter, "environ-iteration")

    def visit_CompFor(self, node: cst.CompFor) -> None:
        if self._ref_kind(node.iter) == "environ":
            self._review(node.iter, node.iter, "environ-iteration")

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if self._ref_kind(node.value) == "environ" and id(node.value) not in self._claimed:
            self._review(node, node.value, "environ-subscript-read")

    def visit_Attribute(self, node: cst.Attribute) -> None:
        value = node.value
        if self._ref_kind(value) != "environ" or id(value) in self._claimed:
            return
        attr = node.attr.value
        form, _detail = forms.attribute_form(attr)
        self._review(node, value, form, attr=attr)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if original_node.attr.value in forms.REF_ATTRS and id(original_node) not in self._claimed:
            self._review_value(original_node)
        return updated_node

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node.value in self._aliases and id(original_node) not in self._claimed:
            self._review_value(original_node)
        return updated_node

    def _review_value(self, node: Ref) -> None:
        kind = self._ref_kind(node)
        if kind is not None:
            self._review(node, node, forms.value_form(kind))

    # ------------------------------------------------------------ rewriting

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        kind = self._plans.get(id(original_node))
        if kind is None:
            return updated_node
        if kind == "environ-get":
            return updated_node.with_changes(func=updated_node.func.with_changes(value=self._accessor_call()))
        if kind == "getenv":
            return updated_node.with_changes(func=self._method("get"))
        if kind == "environ-copy":
            return cst.Call(func=self._method("get_all"), lpar=updated_node.lpar, rpar=updated_node.rpar)
        if kind == "environ-pop-statement":
            args = updated_node.args
            key = args[0].with_changes(comma=args[-1].comma, whitespace_after_arg=args[-1].whitespace_after_arg)
            return updated_node.with_changes(func=self._method("delete"), args=[key])
        if kind == "environ-update":
            return updated_node.with_changes(
                func=self._method("update"), args=_append_arg(updated_node.args, self._label_literal())
            )
        return updated_node

    def leave_Assign(
        self, original_node: cst.Assign, updated_node: cst.Assign
    ) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        if id(original_node) not in self._plans:
            return updated_node
        target = updated_node.targets[0].target
        assert isinstance(target, cst.Subscript)
        key = _single_index(target)
        call = cst.Call(
            func=self._method("set"),
            args=[cst.Arg(key), cst.Arg(updated_node.value), cst.Arg(self._label_literal())],
        )
        return cst.Expr(value=call, semicolon=updated_node.semicolon)

    def leave_Del(self, original_node: cst.Del, updated_node: cst.Del) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        if id(original_node) not in self._plans:
            return updated_node
        target = updated_node.target
        assert isinstance(target, cst.Subscript)
        call = cst.Call(func=self._method("delete"), args=[cst.Arg(_single_index(target))])
        return cst.Expr(value=call, semicolon=updated_node.semicolon)

    def leave_Comparison(self, original_node: cst.Comparison, updated_node: cst.Comparison) -> cst.BaseExpression:
        kind = self._plans.get(id(original_node))
        if kind is None:
            return updated_node
        exists = cst.Call(func=self._method("exists"), args=[cst.Arg(updated_node.left)])
        if kind == "environ-contains":
            return exists.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        # `not` binds looser than a comparison, but an unparenthesized comparison only ever sits where `not` may too.
        return cst.UnaryOperation(operator=cst.Not(), expression=exists, lpar=updated_node.lpar, rpar=updated_node.rpar)

    # --------------------------------------------------------------- helpers

    def _plan(self, node: cst.CSTNode, ref: cst.CSTNode, kind: str) -> None:
        self._check_accessor_free(node)
        refused = self._unbound_accessor(node)
        if refused is not None:
            self._review(node, ref, refused[0], **refused[1])
            return
        self._plans[id(node)] = kind
        self._claimed.add(id(ref))
        self._changes.append((node, kind, forms.message(kind, self.accessor)))
        self._rewritten_refs.append(ref)

    def _unbound_accessor(self, node: cst.CSTNode) -> Optional[Tuple[str, Dict[str, str]]]:
        """Review kind and details when the accessor written at ``node`` could be unbound there, else None.

        A site in a scope that binds the accessor itself (a function-level import above it) uses that binding; every
        other site reads the module-level name, so a module-level import is added before the first of them.
        """
        position = self._position(node)
        line, column = position["line"], position["column"]
        tree, lines = self._original_ast()
        found = Resolution("unknown") if tree is None or not 0 < line <= len(lines) else \
            resolve(tree, self.accessor, line, byte_column(lines[line - 1], column))
        if found.where in ("local", "enclosing"):
            if found.problem is None:
                return None
            error = "UnboundLocalError" if found.where == "local" else "NameError"
            return "accessor-unbound-here", {"problem": found.problem, "error": error}
        if found.where == "module" and found.reason == "conditional":
            return "accessor-import-conditional", {"problem": found.problem or ""}
        index = max((i for i, start in enumerate(self._top_lines) if start <= line), default=0)
        if self._first_module_site is None or index < self._first_module_site:
            self._first_module_site = index
        return None

    def _original_ast(self) -> Tuple[Optional[ast.Module], List[str]]:
        if self._parsed is None:
            code = self.module.code
            try:
                tree: Optional[ast.Module] = ast.parse(code)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                tree = None  # LibCST accepts a few files CPython refuses; the worker's gates speak for those
            self._parsed = (tree, re.split(r"\r\n|\r|\n", code))
        return self._parsed

    def _review(
        self, node: cst.CSTNode, ref: Optional[cst.CSTNode], kind: str, variant: Optional[str] = None, **details: str
    ) -> None:
        if ref is not None:
            self._claimed.add(id(ref))
        text = _ACCESSOR_MESSAGES[kind].format(acc=self.accessor, **details) if kind in _ACCESSOR_MESSAGES \
            else forms.message(kind, self.accessor, variant, **details)
        self.record_review(node, kind, text)

    def _check_accessor_free(self, node: cst.CSTNode) -> None:
        if self._taken_by is not None:
            return
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None or id(scope) in self._checked_scopes:
            return
        self._checked_scopes.add(id(scope))
        if self.accessor not in scope:
            return
        for assignment in list(scope[self.accessor]):
            if isinstance(assignment, ImportAssignment):
                if assignment.get_qualified_names_for(self.accessor) == {self._accessor_name}:
                    continue
            self._taken_by = assignment.node if isinstance(assignment, Assignment) else node
            return

    def _accessor_call(self) -> cst.Call:
        return cst.Call(func=cst.Name(self.accessor))

    def _method(self, name: str) -> cst.Attribute:
        return cst.Attribute(value=self._accessor_call(), attr=cst.Name(name))

    def _label_literal(self) -> cst.SimpleString:
        if self._label is None:
            label = self.source_label or self.context.full_module_name or self._module_from_filename() or "unknown"
            escaped = label.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            self._label = cst.SimpleString(f'"{escaped}"')
        return self._label.deep_clone()

    def _module_from_filename(self) -> Optional[str]:
        filename = self.context.filename
        if not filename:
            return None
        try:
            return calculate_module_and_package(os.getcwd(), os.path.abspath(filename)).name or None
        except ValueError:
            return None

    def _allowing_glob(self) -> Optional[str]:
        path = _project_relative(self.context.filename)
        if path is None:
            return None
        for glob, pattern in self.allow:
            if pattern.match(path):
                return glob
        return None


def _project_relative(filename: Optional[str]) -> Optional[str]:
    if not filename:
        return None
    if os.path.isabs(filename):
        # LibCST's own runner may pass absolute paths: match them relative to where it was started.
        try:
            filename = os.path.relpath(filename)
        except ValueError:
            pass
    path = filename.replace(os.sep, "/").replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _is_positional(arg: cst.Arg) -> bool:
    return arg.keyword is None and arg.star == ""


def _keyword(arg: cst.Arg) -> Optional[str]:
    return arg.keyword.value if arg.keyword is not None else None


def _single_index(node: cst.Subscript) -> Optional[cst.BaseExpression]:
    if len(node.slice) != 1:
        return None
    element = node.slice[0].slice
    return element.value if isinstance(element, cst.Index) and element.star is None else None


def _block_smalls(body: cst.BaseSuite) -> List[cst.BaseSmallStatement]:
    if isinstance(body, cst.SimpleStatementSuite):
        return list(body.body)
    assert isinstance(body, cst.IndentedBlock)
    return [small for line in body.body if isinstance(line, cst.SimpleStatementLine) for small in line.body]


def _removed_key(small: cst.BaseSmallStatement) -> Optional[Tuple[cst.CSTNode, cst.BaseExpression]]:
    """(node planned for rewrite, key) of `del X[k]` or a statement `X.pop(k)`; whether X is os.environ is not checked."""
    if isinstance(small, cst.Del) and isinstance(small.target, cst.Subscript):
        key = _single_index(small.target)
        return (small, key) if key is not None else None
    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        call = small.value
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "pop" and call.args \
                and _is_positional(call.args[0]):
            return call, call.args[0].value
    return None


def _catches_key_error(kind: Optional[cst.BaseExpression]) -> bool:
    if kind is None:
        return True
    if isinstance(kind, cst.Tuple):
        return any(_catches_key_error(element.value) for element in kind.elements)
    name = kind.attr.value if isinstance(kind, cst.Attribute) else kind.value if isinstance(kind, cst.Name) else None
    return name in forms.KEY_ERRORS


def _only_pass(body: cst.BaseSuite) -> bool:
    smalls = _block_smalls(body)
    if isinstance(body, cst.IndentedBlock) and len(smalls) != len(body.body):
        return False
    return bool(smalls) and all(
        isinstance(small, cst.Pass) or isinstance(small, cst.Expr) and isinstance(small.value, cst.Ellipsis)
        for small in smalls
    )


def _looks_like_patch(node: cst.BaseExpression) -> bool:
    # `patch.dict`, `mock.patch.dict`, `unittest.mock.patch.dict`: only a review is at stake, the name is enough.
    return (isinstance(node, cst.Name) and node.value == "patch") or (
        isinstance(node, cst.Attribute) and node.attr.value == "patch"
    )


def _append_arg(args: Sequence[cst.Arg], value: cst.BaseExpression) -> List[cst.Arg]:
    # The new last argument inherits the old last one's trailing comma and whitespace, so a call laid out one
    # argument per line stays laid out that way.
    last = args[-1]
    extra = cst.Arg(value=value, comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
    last = last.with_changes(
        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")), whitespace_after_arg=cst.SimpleWhitespace("")
    )
    return [*args[:-1], last, extra]


__all__ = ["EnvToIsolatedCommand"]
