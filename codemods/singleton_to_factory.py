"""singleton-to-factory: call sites that fetch a process-wide singleton get a per-request instance from a factory.

Rules (``--arg singleton=DOTTED --arg factory=DOTTED``; what counts as a singleton accessor is ``_singleton``, the
definition the scan's ``singleton`` rule uses):
- ``singleton`` names the accessor or the instance: ``pkg.mod.get_agent_registry`` (a ``get_*`` function: its calls
  are the sites), ``pkg.mod.AgentRegistry.get_instance`` (a method of a class: its calls are the sites) or
  ``pkg.mod.agent_registry`` (a module-level instance: its uses are the sites). Sites are found by qualified name
  (LibCST metadata), so ``from pkg.mod import get_agent_registry as gar``, ``import pkg.mod as m`` and relative imports
  are followed, and a local name that merely looks the same is not a site.
- A site is rewritten to ``Factory.create(<context>)`` only when a request context is provably bound there: a name
  from ``context`` (default ``user_context``, ``context``, ``request_context``, tried in that order) that is a
  parameter of the enclosing function (or of a function it is nested in, lambdas included), a local assigned by a
  statement directly in that function's body before the site, or the target of a ``with``/``for`` around the site.
  A module-level or class-level name of that spelling is process-wide, not the request's: it does not count.
- ``factory`` is a dotted callable, ``pkg.registry_factory.AgentRegistryFactory.create`` (the first dotted part
  starting with a capital letter is the class that is imported) or ``pkg.factories.create_registry``. Its import is
  added at module level with ``AddImportsVisitor``, so it is bound at every site; the singleton's import is removed
  with ``RemoveImportsVisitor`` when nothing else uses it.
- In test files (as the scan classifies paths), with ``test_factory`` given, sites become ``test_factory()`` (a
  fixture building an isolated instance) and need no context; a site stored on ``self`` (``setUp``) is fine there.
- Review items, nothing rewritten: a site at module level (``singleton-module-level``) or in a class body
  (``singleton-class-level``), where no request exists; no context provably in scope (``singleton-no-context``); the
  result stored on ``self``/``cls`` (``singleton-stored-on-self``: the instance would outlive the request); the
  accessor or instance passed around as a value (``singleton-as-value``); the factory's name already bound to
  something else (``factory-name-taken``); an ``await`` of the accessor (``singleton-awaited``); the accessor called
  with arguments (``singleton-called-with-arguments``: the factory would drop them).
- The module that defines the singleton is left alone; with ``--arg shim=true --arg sunset=YYYY-MM-DD`` its accessor
  becomes a deprecated wrapper that warns and delegates to the factory with a process-wide context (``_singleton_shim``).

Caveats: a relative import of the singleton stays even when unused (LibCST's import remover leaves relative
imports alone). A rewritten site builds a new instance per call, where the singleton returned the same object every time;
code that relied on two calls returning the same object (state stored between calls of one request) must keep the
instance in a local. The factory is assumed to accept the context as its only positional argument.
"""

from __future__ import annotations

import argparse
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import get_absolute_module_for_import
from libcst.metadata import (
    ClassScope,
    GlobalScope,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from _codemod_support import ReportingMixin
from _imports import ModuleLevelImportsMixin
from _metadata import FreshTreeMixin, PlainDispatchMixin, qualified_names
from _scan import is_test_path
from _singleton import accessor_kind, split_accessor
from _shims import iso_date
from _singleton_scope import SingletonScopeMixin
from _singleton_shim import AccessorShimMixin

DEFAULT_CONTEXTS = ("user_context", "context", "request_context")


def _dotted_arg(value: str) -> str:
    parts = value.strip().split(".")
    if len(parts) < 2 or not all(part.isidentifier() for part in parts):
        raise argparse.ArgumentTypeError(f"expected a dotted name like pkg.module.name, got '{value}'")
    return ".".join(parts)


def _split_callable(dotted: str) -> Tuple[str, str, str]:
    """(module, imported name, attribute path after it): the class is the first capitalised part after the module."""
    module, owner, name = split_accessor(dotted)
    if owner is None:
        return module, name, ""
    head, _, rest = owner.partition(".")
    return module, head, ".".join(p for p in (rest, name) if p)


def _attribute_chain(names: Sequence[str]) -> cst.BaseExpression:
    node: cst.BaseExpression = cst.Name(names[0])
    for name in names[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(name))
    return node


class SingletonToFactoryCommand(FreshTreeMixin, PlainDispatchMixin, AccessorShimMixin, SingletonScopeMixin,
                                ModuleLevelImportsMixin, ReportingMixin, VisitorBasedCodemodCommand):
    NAME = "singleton-to-factory"
    DESCRIPTION = "Replace uses of a process-wide singleton with a per-request instance from a factory."
    VERSION = "1.1.0"
    PREFILTER: Tuple[str, ...] = ()
    BREAKING = True  # only shim=true records a breaking change
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentNodeProvider)

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--singleton", dest="singleton", required=True, type=_dotted_arg,
                                help="the accessor or module-level instance, e.g. pkg.registry.get_agent_registry")
        arg_parser.add_argument("--factory", dest="factory", required=True, type=_dotted_arg,
                                help="dotted callable taking the request context, e.g. pkg.f.AgentRegistryFactory.create")
        arg_parser.add_argument("--context", dest="context", action="append", default=None,
                                help="a name the request context goes by (repeatable; default user_context, "
                                     "context, request_context)")
        arg_parser.add_argument("--test_factory", dest="test_factory", type=_dotted_arg, default=None,
                                help="dotted callable without arguments used instead in test files")
        arg_parser.add_argument("--shim", dest="shim", action="store_true",
                                help="turn the accessor's definition into a deprecated wrapper of the factory")
        arg_parser.add_argument("--sunset", dest="sunset", type=iso_date, default=None,
                                help="with shim: the date after which the wrapper may be removed, YYYY-MM-DD")

    @classmethod
    def prefilter_for(cls, args: Union[Mapping[str, Any], argparse.Namespace]) -> Tuple[str, ...]:
        """Every site spells the accessor's (or instance's) own name, at least in its import."""
        value = args.get("singleton") if isinstance(args, Mapping) else getattr(args, "singleton", None)
        if isinstance(value, list):
            value = value[0] if value else None
        return (str(value).rpartition(".")[2],) if value else ()

    # The codemod context comes first, positionally (as LibCST's runner passes it): the keyword ``context`` is the
    # parameter naming the request context.
    def __init__(self, codemod_context: CodemodContext, singleton: str, factory: str,
                 context: Optional[Sequence[str]] = None, test_factory: Optional[str] = None,
                 shim: bool = False, sunset: Optional[str] = None) -> None:
        super().__init__(codemod_context)
        if shim and not sunset:
            raise ValueError("shim=true needs --arg sunset=YYYY-MM-DD, the date after which the wrapper may go")
        self.shim, self.sunset = bool(shim), iso_date(sunset) if sunset else None
        names = [context] if isinstance(context, str) else context
        self.singleton = singleton
        self.kind = accessor_kind(singleton)
        self.singleton_module, self.owner, self.name = split_accessor(singleton)
        self.binding = self.owner.partition(".")[0] if self.owner else self.name
        self.contexts: Tuple[str, ...] = tuple(names) if names else DEFAULT_CONTEXTS
        self.in_tests = is_test_path((codemod_context.filename or "").replace("\\", "/").lstrip("./"))
        chosen = test_factory if (self.in_tests and test_factory) else factory
        self.needs_context = not (self.in_tests and test_factory)
        self.factory = chosen
        self.factory_module, self.factory_binding, rest = _split_callable(chosen)
        self.factory_path = [self.factory_binding, *(rest.split(".") if rest else [])]
        self._rewrites: Dict[int, str] = {}  # id(original site) -> context name ("" without argument)
        self._singleton_imports: List[Tuple[str, Optional[str], Optional[str]]] = []
        self._called: Set[int] = set()  # id() of accessor expressions already handled as calls

    # ---- walk

    def visit_Module(self, node: cst.Module) -> bool:
        return self.context.full_module_name != self.singleton_module

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            if cst.helpers.get_full_name_for_node(alias.name) == self.singleton_module:
                asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
                self._singleton_imports.append((self.singleton_module, None, asname))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        try:
            module = get_absolute_module_for_import(self.context.full_package_name, node)
        except Exception:
            module = None
        if module == self.singleton_module and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                if cst.helpers.get_full_name_for_node(alias.name) == self.binding:
                    asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) \
                        else None
                    self._singleton_imports.append((module, self.binding, asname))
        return False

    def visit_Call(self, node: cst.Call) -> None:
        if self.kind != "module-instance" and self._is_singleton(node.func):
            self._called.add(id(node.func))
            if node.args:
                self.record_review(node, "singleton-called-with-arguments",
                                   f"{self.name}(...) with arguments: the factory takes only the request context; "
                                   f"rewrite by hand")
            else:
                self._site(node, called=True)

    def visit_Name(self, node: cst.Name) -> None:
        self._reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> Optional[bool]:
        if self._reference(node):
            return False
        return None

    def _reference(self, node: Union[cst.Name, cst.Attribute]) -> bool:
        if id(node) in self._called:
            return True
        if not self._is_singleton(node):
            return False
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, (cst.AssignTarget, cst.Param, cst.FunctionDef, cst.ClassDef)) \
                or (isinstance(parent, cst.Attribute) and parent.attr is node):
            return False
        if self.kind == "module-instance":
            self._site(node, called=False)
        else:
            self.record_review(node, "singleton-as-value",
                               f"{self.singleton} passed around as a value: the receiver would call it without a "
                               f"request context; pass a factory-made instance instead")
        return True

    def _is_singleton(self, node: cst.CSTNode) -> bool:
        if not isinstance(node, (cst.Name, cst.Attribute)):
            return False
        last = node.value if isinstance(node, cst.Name) else node.attr.value
        if last != self.name and not isinstance(node, cst.Name):
            return False
        names = qualified_names(self, node)
        return any(self._absolute(q.name) == self.singleton for q in names)

    # ---- one site

    def _site(self, node: cst.CSTNode, called: bool) -> None:
        why = self._refusal(node, called)
        if why is not None:
            kind, message = why
            self.record_review(node, kind, message)
            return
        name = ""
        if self.needs_context:
            found = self._context_in_scope(node)
            if found is None:
                self.record_review(node, "singleton-no-context",
                                   f"{self._spelled()} with no request context provably in scope (looked for "
                                   f"{', '.join(self.contexts)}): pass one in, then rerun")
                return
            name = found
        taken = self._factory_name_taken(node)
        if taken:
            self.record_review(node, "factory-name-taken",
                               f"{self.factory_binding} is already bound to something else here: cannot import "
                               f"{self.factory_module}.{self.factory_binding}")
            return
        target = f"{'.'.join(self.factory_path)}({name})"
        if self.site_suppressed(node, "singleton-to-factory", f"{self._spelled()} -> {target}"):
            return  # left as it is: its import of the singleton stays in use
        self._rewrites[id(node)] = name
        self.record_change(node, "singleton-to-factory", f"{self._spelled()} -> {target}")

    def _spelled(self) -> str:
        return f"{self.name}()" if self.kind != "module-instance" else self.name

    def _refusal(self, node: cst.CSTNode, called: bool) -> Optional[Tuple[str, str]]:
        scope = self.get_metadata(ScopeProvider, node, None)
        if isinstance(scope, GlobalScope):
            return ("singleton-module-level",
                    f"{self._spelled()} at module level: there is no request here; move the use into a function "
                    f"that receives the request context")
        if isinstance(scope, ClassScope):
            return ("singleton-class-level",
                    f"{self._spelled()} in a class body is shared by every instance; fetch it per request instead")
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.Await):
            return ("singleton-awaited", f"await {self._spelled()}: the factory is not awaitable; rewrite by hand")
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node and not self.in_tests:
            targets = [t.target for t in parent.targets] if isinstance(parent, cst.Assign) else [parent.target]
            if any(isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value in ("self", "cls")
                   for t in targets):
                return ("singleton-stored-on-self",
                        f"{self._spelled()} stored on {targets[0].value.value}: the instance would outlive the "  # type: ignore[attr-defined]
                        f"request; obtain it per request from {self.factory}")
        if not called and not self._used_in_place(node, parent):
            return ("singleton-as-value",
                    f"{self.name} passed around as a value: the receiver keeps the shared instance; pass a "
                    f"factory-made instance instead")
        return None

    @staticmethod
    def _used_in_place(node: cst.CSTNode, parent: Optional[cst.CSTNode]) -> bool:
        """An instance used right where it is named: ``x.attr`` or ``local = x``."""
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return True
        if isinstance(parent, cst.Assign) and parent.value is node:
            return all(isinstance(t.target, cst.Name) for t in parent.targets)
        return False

    # ---- rewrite

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        return self._replacement(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._replacement(original_node, updated_node)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._replacement(original_node, updated_node)

    def _replacement(self, original: cst.CSTNode, updated: cst.BaseExpression) -> cst.BaseExpression:
        name = self._rewrites.get(id(original))
        if name is None:
            return updated
        args = [cst.Arg(cst.Name(name))] if name else []
        return cst.Call(  # the site's own parentheses stay
            func=_attribute_chain(self.factory_path), args=args,
            lpar=getattr(updated, "lpar", ()), rpar=getattr(updated, "rpar", ()))

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if self.shim and self.context.full_module_name == self.singleton_module:
            return self.shim_module(original_node, updated_node)
        if not self._rewrites:
            return updated_node
        for module, obj, asname in self._singleton_imports:
            RemoveImportsVisitor.remove_unused_import(self.context, module, obj, asname)
        # Through ModuleLevelImportsMixin: an import inside a function does not count as present.
        AddImportsVisitor.add_needed_import(self.context, self.factory_module, self.factory_binding)
        return updated_node


__all__ = ["SingletonToFactoryCommand"]
