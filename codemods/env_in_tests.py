"""env-in-tests: replace ``patch.dict(os.environ, ...)`` in tests with the isolated-environment fixtures.

Rules (helpers from ``--arg module=...``, default ``test_framework.isolated_environment_fixtures``; their names from
``temp_vars`` (default ``temporary_env_vars``) and ``clean`` (default ``clean_env_context``)):
- ``with patch.dict(os.environ, {...}):``            -> ``with temporary_env_vars({...}):``
- ``with patch.dict(os.environ, {...}, clear=True):``
  -> ``with clean_env_context(clear_all=True), temporary_env_vars({...}):``
  (just ``clean_env_context(clear_all=True)`` when nothing is set); other items of the same ``with`` stay in place.
- ``@patch.dict(os.environ, {...})`` on a function   -> ``@temporary_env_vars({...})``; with ``clear=True`` it becomes
  ``@clean_env_context(clear_all=True)`` above ``@temporary_env_vars({...})`` (cleared first, then set, as
  patch.dict does).
- Keyword values are folded into the mapping: ``patch.dict(os.environ, A="1")`` -> ``temporary_env_vars({"A": "1"})``,
  appended to a dict literal when there is one; with a non-literal mapping they are a review item.
- ``patch`` is recognised through its qualified name (``unittest.mock.patch`` / ``mock.patch``, however imported:
  ``from unittest.mock import patch``, ``from unittest import mock``, ``import unittest.mock``, aliases); the target is
  ``os.environ`` by qualified name (``from os import environ``, ``import os as _os``) or the string ``'os.environ'``.
  A local function called ``patch``, a shadowed ``os``, and ``patch.dict`` on any other mapping are left alone.
- The helpers are imported with ``AddImportsVisitor``, counting only unconditional module-level imports as present (an
  import inside another function or under ``if TYPE_CHECKING:`` does not bind the name where it is written);
  ``patch``/``mock``/``os`` imports that nothing uses any more are removed with ``RemoveImportsVisitor``.
- Review items, never rewritten: ``with patch.dict(os.environ, ...) as env`` (``patch-dict-as-target``: the helpers
  do not hand back the dict); the decorator on a class (``patch-dict-class-decorator``: patch.dict patches each test
  method, a context decorator would replace the class) or on an ``async def`` (``patch-dict-async``: a context
  decorator restores the environment before the coroutine runs); any other use, such as a patcher kept for
  ``start()``/``stop()`` (``patch-dict-call``); arguments the rewrite cannot carry over (``patch-dict-unsupported``);
  ``monkeypatch.setenv``/``delenv``, and ``monkeypatch.setitem``/``delitem`` on ``os.environ`` (``monkeypatch-env``).
- Applies wherever the pattern appears: scope the run to test folders with paths or globs.

Caveats:
- ``patch.dict`` restores the whole of ``os.environ`` on exit, including variables the code under test set itself;
  the rewrite relies on ``temporary_env_vars`` restoring the environment the same way.
- Comments inside a rewritten ``patch.dict(...)`` call, outside the mapping, are dropped with the call.
"""

from __future__ import annotations

import argparse
import ast
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import PositionProvider, ScopeProvider

from _canonical_class import keep_top_seam
from _metadata import FreshTreeMixin, PlainDispatchMixin, qualified_names
from _codemod_support import ReportingMixin
from _imports import ModuleLevelImportsMixin

DEFAULT_MODULE = "test_framework.isolated_environment_fixtures"
DEFAULT_TEMP_VARS = "temporary_env_vars"
DEFAULT_CLEAN = "clean_env_context"

PATCH_DICT = frozenset({"unittest.mock.patch.dict", "mock.patch.dict"})
ENVIRON = "os.environ"
PATCH_DICT_PARAMETERS = ("in_dict", "values", "clear")
MONKEYPATCH_ENV = frozenset({"setenv", "delenv"})
MONKEYPATCH_ITEM = frozenset({"setitem", "delitem"})
_SITE_ATTRS = frozenset({"dict"}) | MONKEYPATCH_ENV | MONKEYPATCH_ITEM

Replacement = List[cst.Call]


class EnvInTestsCommand(FreshTreeMixin, PlainDispatchMixin, ModuleLevelImportsMixin, ReportingMixin,
                        VisitorBasedCodemodCommand):
    NAME = "env-in-tests"
    DESCRIPTION = "Replace patch.dict(os.environ, ...) in tests with temporary_env_vars / clean_env_context."
    VERSION = "1.0.0"
    # setenv/delenv: files that only use monkeypatch never say "environ" but still hold review items.
    PREFILTER = ("environ", "setenv", "delenv")
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--module", dest="module", default=DEFAULT_MODULE,
                                help="module providing the environment fixtures")
        arg_parser.add_argument("--temp-vars", dest="temp_vars", default=DEFAULT_TEMP_VARS,
                                help="context manager/decorator that sets variables for a block: name(mapping)")
        arg_parser.add_argument("--clean", dest="clean", default=DEFAULT_CLEAN,
                                help="context manager/decorator that empties the environment: name(clear_all=True)")

    def __init__(self, context: CodemodContext, module: str = DEFAULT_MODULE,
                 temp_vars: str = DEFAULT_TEMP_VARS, clean: str = DEFAULT_CLEAN) -> None:
        super().__init__(context)
        self.fixtures_module = module
        self.temp_vars = temp_vars
        self.clean = clean
        self._handled: Set[int] = set()
        self._plans: Dict[int, Dict[int, Replacement]] = {}

    def may_change(self, source: bytes) -> bool:
        """Asked by the worker before LibCST parses the file. Every site is a call of an attribute named ``dict``
        (``patch.dict``), ``setenv``/``delenv`` or ``setitem``/``delitem`` (monkeypatch): without one, on Python's own
        parse, LibCST has nothing to do. True when Python cannot parse the file (LibCST's path reports it)."""
        try:
            tree = ast.parse(source)
        except Exception:
            return True
        return any(isinstance(node, ast.Attribute) and node.attr in _SITE_ATTRS for node in ast.walk(tree))

    def transform_module(self, tree: cst.Module) -> cst.Module:
        return keep_top_seam(tree, super().transform_module(tree))

    # -- with-statements ----------------------------------------------------------------------------------------
    def visit_With(self, node: cst.With) -> None:
        plans: Dict[int, Replacement] = {}
        for index, item in enumerate(node.items):
            call = item.item
            if not isinstance(call, cst.Call) or not self._is_environ_patch(call):
                continue
            self._handled.add(id(call))
            if node.asynchronous is not None:
                self.record_review(call, "patch-dict-unsupported",
                                   "patch.dict is not an async context manager: review by hand")
            elif item.asname is not None:
                self.record_review(call, "patch-dict-as-target",
                                   f"'with patch.dict(os.environ, ...) as name' uses the patched dict; "
                                   f"{self.temp_vars} does not hand it back: review by hand")
            else:
                plan = self._replacement(call, "patch-dict-with")
                if plan is not None:
                    plans[index] = plan
        if plans:
            self._plans[id(node)] = plans

    def leave_With(self, original_node: cst.With, updated_node: cst.With) -> cst.With:
        plans = self._plans.pop(id(original_node), None)
        if not plans:
            return updated_node
        items: List[cst.WithItem] = []
        for index, item in enumerate(updated_node.items):
            for position, call in enumerate(plans.get(index, [])):
                last = position == len(plans[index]) - 1
                items.append(cst.WithItem(item=call, comma=item.comma if last else _comma_like(item.comma)))
            if index not in plans:
                items.append(item)
        return updated_node.with_changes(items=items)

    # -- decorators ---------------------------------------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        plans: Dict[int, Replacement] = {}
        for index, decorator in enumerate(node.decorators):
            call = decorator.decorator
            if not isinstance(call, cst.Call) or not self._is_environ_patch(call):
                continue
            self._handled.add(id(call))
            if node.asynchronous is not None:
                self.record_review(call, "patch-dict-async",
                                   f"@patch.dict(os.environ, ...) on an async function patches while the coroutine "
                                   f"runs; @{self.temp_vars} would restore before it starts: review by hand")
                continue
            plan = self._replacement(call, "patch-dict-decorator")
            if plan is not None:
                plans[index] = plan
        if plans:
            self._plans[id(node)] = plans

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        plans = self._plans.pop(id(original_node), None)
        if not plans:
            return updated_node
        decorators: List[cst.Decorator] = []
        for index, decorator in enumerate(updated_node.decorators):
            calls = plans.get(index)
            if calls is None:
                decorators.append(decorator)
                continue
            for position, call in enumerate(calls):
                first, last = position == 0, position == len(calls) - 1
                decorators.append(decorator.with_changes(
                    decorator=call,
                    leading_lines=decorator.leading_lines if first else (),
                    trailing_whitespace=decorator.trailing_whitespace if last else cst.TrailingWhitespace(),
                ))
        return updated_node.with_changes(decorators=decorators)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        for decorator in node.decorators:
            call = decorator.decorator
            if isinstance(call, cst.Call) and self._is_environ_patch(call):
                self._handled.add(id(call))
                self.record_review(call, "patch-dict-class-decorator",
                                   f"@patch.dict(os.environ, ...) on a class patches each test method; "
                                   f"@{self.temp_vars} cannot decorate a class: decorate the methods or use setUp")

    # -- everything else ----------------------------------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        attr = func.attr.value
        if attr == "dict":
            if id(node) not in self._handled and self._is_environ_patch(node):
                self.record_review(node, "patch-dict-call",
                                   "patch.dict(os.environ, ...) used outside 'with' or a decorator (a patcher for "
                                   f"start()/stop()?): use {self.temp_vars} as a context manager; review by hand")
        elif attr in MONKEYPATCH_ENV or attr in MONKEYPATCH_ITEM:
            if not _is_monkeypatch(func.value):
                return
            if attr in MONKEYPATCH_ITEM and not (node.args and self._is_environ(node.args[0].value)):
                return
            self.record_review(node, "monkeypatch-env",
                               f"monkeypatch.{attr} changes os.environ directly: use {self.temp_vars}(...) or "
                               f"{self.clean}(...) from {self.fixtures_module}; review by hand")

    # -- helpers ------------------------------------------------------------------------------------------------
    def _is_environ_patch(self, call: cst.Call) -> bool:
        func = call.func
        if not isinstance(func, cst.Attribute) or func.attr.value != "dict":
            return False
        names = {q.name for q in qualified_names(self, func)}
        if not names & PATCH_DICT:
            return False
        target = _bind(call.args).get("in_dict")
        return target is not None and self._is_environ(target)

    def _is_environ(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.SimpleString):
            return node.evaluated_value == ENVIRON
        if not isinstance(node, (cst.Name, cst.Attribute)):
            return False
        return any(q.name == ENVIRON for q in qualified_names(self, node))

    def _replacement(self, call: cst.Call, kind: str) -> Optional[Replacement]:
        """The calls replacing ``call``, change recorded; None, with a review item, when it cannot be rewritten (or
        suppressed, when it must be left as it is)."""
        planned = self._plan(call)
        if isinstance(planned, str):
            self.record_review(call, "patch-dict-unsupported",
                               f"patch.dict(os.environ, ...): {planned}; review by hand")
            return None
        clear, mapping = planned
        calls: Replacement = []
        if clear:
            calls.append(cst.Call(func=cst.Name(self.clean), args=[
                cst.Arg(keyword=cst.Name("clear_all"), value=cst.Name("True"),
                        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                              whitespace_after=cst.SimpleWhitespace("")))]))
        empty = mapping is None or isinstance(mapping, cst.Dict) and not mapping.elements
        if not (clear and empty):
            calls.append(cst.Call(func=cst.Name(self.temp_vars), args=[cst.Arg(mapping or cst.Dict([]))]))
        shown = ", ".join(f"{c.func.value}(...)" for c in calls)  # type: ignore[attr-defined]
        message = f"patch.dict(os.environ{', clear=True' if clear else ''}) -> {shown}"
        if self.site_suppressed(call, kind, message):
            return None  # left as it is, with its imports
        for name in dict.fromkeys(c.func.value for c in calls):  # type: ignore[attr-defined]
            AddImportsVisitor.add_needed_import(self.context, self.fixtures_module, name)
        RemoveImportsVisitor.remove_unused_import_by_node(self.context, call)
        self.record_change(call, kind, message)
        return calls

    def _plan(self, call: cst.Call) -> Union[str, Tuple[bool, Optional[cst.BaseExpression]]]:
        if any(arg.star for arg in call.args):
            return "*args/**kwargs cannot be carried over"
        if sum(1 for arg in call.args if arg.keyword is None) > len(PATCH_DICT_PARAMETERS):
            return "too many positional arguments"
        bound = _bind(call.args)
        clear_value = bound.get("clear")
        if clear_value is None or m.matches(clear_value, m.Name("False")):
            clear = False
        elif m.matches(clear_value, m.Name("True")):
            clear = True
        else:
            return "clear= is not a literal True or False"
        values = bound.get("values")
        if isinstance(values, (cst.List, cst.Tuple, cst.Set, cst.ListComp, cst.GeneratorExp, cst.SetComp)):
            return "values given as key/value pairs, not a mapping"
        extra = [arg for arg in call.args if arg.keyword is not None and arg.keyword.value not in PATCH_DICT_PARAMETERS]
        if not extra:
            return clear, values
        if values is not None and not isinstance(values, cst.Dict):
            return "keyword values next to a mapping that is not a dict literal"
        quote = _quote_of(values)
        added = [cst.DictElement(key=cst.SimpleString(f"{quote}{arg.keyword.value}{quote}"),  # type: ignore[union-attr]
                                 value=arg.value) for arg in extra]
        if values is None:
            return clear, cst.Dict(added)
        elements = list(values.elements)
        if elements and isinstance(elements[-1].comma, cst.MaybeSentinel):
            elements[-1] = elements[-1].with_changes(comma=_comma())
        return clear, values.with_changes(elements=[*elements, *added])


def _bind(args: Sequence[cst.Arg]) -> Dict[str, cst.BaseExpression]:
    """patch.dict(in_dict, values=(), clear=False, **kwargs): its own parameters, by position or keyword."""
    bound: Dict[str, cst.BaseExpression] = {}
    positional = [arg for arg in args if arg.keyword is None and not arg.star]
    for name, arg in zip(PATCH_DICT_PARAMETERS, positional):
        bound[name] = arg.value
    for arg in args:
        if arg.keyword is not None and arg.keyword.value in PATCH_DICT_PARAMETERS:
            bound[arg.keyword.value] = arg.value
    return bound


def _is_monkeypatch(receiver: cst.BaseExpression) -> bool:
    if isinstance(receiver, cst.Name):
        return receiver.value == "monkeypatch"
    return isinstance(receiver, cst.Attribute) and receiver.attr.value == "monkeypatch"


def _quote_of(values: Optional[cst.Dict]) -> str:
    for element in values.elements if values is not None else ():
        key = getattr(element, "key", None)
        if isinstance(key, cst.SimpleString) and key.prefix == "":
            return key.quote[0]
    return '"'


def _comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _comma_like(original: Union[cst.Comma, cst.MaybeSentinel]) -> cst.Comma:
    """A comma between two items that replace one: one item a line, when the original items were laid out so."""
    if isinstance(original, cst.Comma) and isinstance(original.whitespace_after, cst.ParenthesizedWhitespace):
        return cst.Comma(whitespace_after=original.whitespace_after)
    return _comma()


__all__ = ["EnvInTestsCommand"]
