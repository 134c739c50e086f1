"""LibCST metadata at the price of what a codemod reads, shared by the codemods in this folder.

- ``FreshTreeMixin``: LibCST's ``Codemod`` deep-copies the tree before computing metadata, in case a node object
  appears twice in it; a tree straight from ``parse_module`` never does, and the copy cost more than the parse.
  Only passes over a fresh tree skip it: LibCST's import passes run afterwards on the codemod's output, which may reuse
  a node, and copy as usual (``_imports.KnownUnusedRemoveImportsVisitor`` skips it too: it computes no metadata and
  must see the very import nodes the codemod's proof names).
- ``PlainDispatchMixin``: a transformer without matcher decorators still pays, on every node and every child
  attribute, for the matcher bookkeeping and for a by-name method lookup through a deep class hierarchy; this
  dispatches from a per-class table instead, and falls back to LibCST's own dispatch when any matcher decorator is used.
- ``qualified_names`` / ``has_qualified_name``: what ``QualifiedNameProvider`` answers, asked of the node's scope for
  the few nodes a codemod inspects, instead of a provider that visits every node of the module to prepare the answer.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Callable, Collection, Dict, Generator, Optional, Union

import libcst as cst
from libcst.metadata import MetadataWrapper, QualifiedName, ScopeProvider


class FreshTreeMixin:
    """Mixed into a ``CodemodCommand`` whose ``transform_module`` gets a freshly parsed tree (the worker's, LibCST's
    runner's): metadata is computed on that tree itself, not on a deep copy."""

    @contextmanager
    def _handle_metadata_reference(self, module: cst.Module) -> Generator[cst.Module, None, None]:
        context = self.context  # type: ignore[attr-defined]
        manager = context.metadata_manager
        if manager is not None and context.filename:
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True, cache=manager.get_cache_for_path(context.filename))
        else:
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        with self.resolve(wrapper):  # type: ignore[attr-defined]
            self.context = replace(context, wrapper=wrapper)
            try:
                yield wrapper.module
            finally:
                self.context = replace(self.context, wrapper=context.wrapper)


_MISSING = object()


class PlainDispatchMixin:
    """Mixed into a ``MatcherDecoratableTransformer`` (every ``VisitorBasedCodemodCommand``), before it in the bases."""

    _dispatch_tables: Dict[type, Dict[Any, Optional[Callable[..., Any]]]] = {}

    def _plain_function(self, key: Any, name: str) -> Optional[Callable[..., Any]]:
        cls = type(self)
        table = PlainDispatchMixin._dispatch_tables.get(cls)
        if table is None:
            table = PlainDispatchMixin._dispatch_tables[cls] = {}
        function = table.get(key, _MISSING)
        if function is _MISSING:
            function = table[key] = getattr(cls, name, None)
        return function  # type: ignore[return-value]

    def _is_plain(self) -> bool:
        plain = self.__dict__.get("_plain_dispatch")
        if plain is None:
            plain = self.__dict__["_plain_dispatch"] = not (
                getattr(self, "_matchers", None) or getattr(self, "_extra_visit_funcs", None)
                or getattr(self, "_extra_leave_funcs", None)
            )
        return plain

    def on_visit(self, node: cst.CSTNode) -> bool:
        if not self._is_plain():
            return super().on_visit(node)  # type: ignore[misc, no-any-return]
        kind = type(node)
        function = self._plain_function(kind, "visit_" + kind.__name__)
        return function is None or function(self, node) is not False

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        if not self._is_plain():
            return super().on_leave(original_node, updated_node)  # type: ignore[misc]
        kind = type(original_node)
        function = self._plain_function((kind, None), "leave_" + kind.__name__)
        return updated_node if function is None else function(self, original_node, updated_node)

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if not self._is_plain():
            return super().on_visit_attribute(node, attribute)  # type: ignore[misc, no-any-return]
        kind = type(node)
        function = self._plain_function((kind, attribute, 0), f"visit_{kind.__name__}_{attribute}")
        if function is not None:
            function(self, node)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        if not self._is_plain():
            return super().on_leave_attribute(original_node, attribute)  # type: ignore[misc, no-any-return]
        kind = type(original_node)
        function = self._plain_function((kind, attribute, 1), f"leave_{kind.__name__}_{attribute}")
        if function is not None:
            function(self, original_node)


def qualified_names(visitor: Any, node: cst.CSTNode) -> Collection[QualifiedName]:
    """``QualifiedNameProvider``'s answer for ``node``; the visitor needs only ``ScopeProvider``."""
    scope = visitor.get_metadata(ScopeProvider, node, None)
    return scope.get_qualified_names_for(node) if scope is not None else set()


def has_qualified_name(visitor: Any, node: cst.CSTNode, name: Union[str, QualifiedName]) -> bool:
    """``QualifiedNameProvider.has_name`` without the provider."""
    names = qualified_names(visitor, node)
    if isinstance(name, str):
        return any(q.name == name for q in names)
    return any(q == name for q in names)


__all__ = ["FreshTreeMixin", "PlainDispatchMixin", "qualified_names", "has_qualified_name"]
