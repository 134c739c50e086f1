"""Corrections to LibCST 1.0 that a long-lived worker needs; installed once by the worker, before any codemod runs.

``MetadataDependent.get_inherited_dependencies`` caches its answer in a class attribute and reads it back with plain
attribute lookup, so a subclass finds the cache of a base class that was asked first. A worker runs codemod after
codemod: once LibCST's ``RenameCommand`` has run (by dotted path, or in an earlier plan step), redirect-imports, which
subclasses it and needs more metadata, was given only ``RenameCommand``'s and failed every file with
``KeyError: ScopeProvider``. Here each class keeps a cache of its own.
"""

from __future__ import annotations

import inspect
from typing import Any, Collection

_CACHE = "_INHERITED_METADATA_DEPENDENCIES_CACHE"


def install() -> bool:
    try:
        from libcst._metadata_dependent import MetadataDependent
    except ImportError:
        return False
    if getattr(MetadataDependent, "_codemod_worker_own_cache", False):
        return False

    def get_inherited_dependencies(cls: Any) -> Collection[Any]:
        cached = cls.__dict__.get(_CACHE)
        if cached is None:
            dependencies = set()
            for base in inspect.getmro(cls):
                if issubclass(base, MetadataDependent):
                    dependencies.update(base.METADATA_DEPENDENCIES)
            cached = frozenset(dependencies)
            setattr(cls, _CACHE, cached)
        return cached

    MetadataDependent.get_inherited_dependencies = classmethod(get_inherited_dependencies)  # type: ignore[assignment]
    MetadataDependent._codemod_worker_own_cache = True  # type: ignore[attr-defined]
    return True
