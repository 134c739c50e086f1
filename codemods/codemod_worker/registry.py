"""Finds the codemod classes in the codemods folders (LibCST's too, and any by dotted path). What one class declares,
and how the protocol's arguments become its constructor's, is ``codemod_info``."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import pkgutil
import sys
from typing import Any, Dict, List, Optional, Sequence

from libcst.codemod import CodemodCommand

from _codemod_support import one_line
from codemod_worker.codemod_info import CodemodInfo, RequestError, build_info, log, parse_args

__all__ = ["CodemodInfo", "Registry", "RequestError"]

WORKER_PACKAGE = "codemod_worker"
LIBCST_COMMANDS = "libcst.codemod.commands"


class Registry:
    """The codemods of the given folders, loaded on first use; the first folder wins a name clash.

    Any importable ``CodemodCommand`` can also be named by its dotted path (``libcst.codemod.commands.rename.RenameCommand``),
    as LibCST's own runner accepts; ``NAME``, ``VERSION`` and ``PREFILTER`` are then optional.
    """

    def __init__(self, folders: Sequence[str]) -> None:
        self._folders = [os.path.abspath(folder) for folder in folders]
        self._codemods: Optional[Dict[str, CodemodInfo]] = None
        self._by_path: Dict[str, CodemodInfo] = {}

    def all(self, with_libcst: bool = False) -> List[CodemodInfo]:
        """The folders' codemods; with ``with_libcst``, LibCST's built-in commands too (by dotted path)."""
        found = list(self._load().values())
        if with_libcst:
            found.extend(self._libcst_commands())
        return sorted(found, key=lambda info: info.name)

    def get(self, name: Any) -> CodemodInfo:
        codemods = self._load()
        info = codemods.get(name) if isinstance(name, str) else None
        if info is None and isinstance(name, str) and "." in name:
            info = self._by_dotted_path(name)
        if info is None:
            known = ", ".join(sorted(codemods)) or "none"
            raise RequestError(f"unknown codemod '{name}' (known: {known}; or a dotted path to a CodemodCommand class)")
        return info

    def _by_dotted_path(self, path: str) -> CodemodInfo:
        info = self._by_path.get(path)
        if info is not None:
            return info
        module_name, _, class_name = path.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except Exception as error:
            raise RequestError(f"codemod '{path}': cannot import module '{module_name}': {type(error).__name__}: {one_line(str(error))}")
        cls = getattr(module, class_name, None)
        if not (inspect.isclass(cls) and issubclass(cls, CodemodCommand)):
            raise RequestError(f"codemod '{path}': '{class_name}' in module '{module_name}' is not a libcst.codemod.CodemodCommand class")
        if inspect.isabstract(cls):
            raise RequestError(f"codemod '{path}' is abstract: name one of its subclasses")
        info = build_info(cls, path)
        if info is None:
            raise RequestError(f"codemod '{path}': its add_args failed (see the worker's stderr)")
        self._by_path[path] = info
        return info

    def _libcst_commands(self) -> List[CodemodInfo]:
        package = importlib.import_module(LIBCST_COMMANDS)
        found: List[CodemodInfo] = []
        for module_info in pkgutil.iter_modules(package.__path__):
            if module_info.ispkg:
                continue
            try:
                module = importlib.import_module(f"{LIBCST_COMMANDS}.{module_info.name}")
            except Exception as error:  # a command needing an optional dependency must not hide the others
                log(f"cannot import {LIBCST_COMMANDS}.{module_info.name}: {type(error).__name__}: {error}")
                continue
            for value in vars(module).values():
                if (
                    inspect.isclass(value)
                    and issubclass(value, CodemodCommand)
                    and value.__module__ == module.__name__
                    and not inspect.isabstract(value)
                ):
                    try:
                        found.append(self._by_dotted_path(f"{module.__name__}.{value.__name__}"))
                    except RequestError as error:
                        log(str(error))
        return found

    def kwargs_for(self, info: CodemodInfo, args: Any) -> Dict[str, Any]:
        """Constructor keyword arguments for ``args``, checked by building the codemod once."""
        if args is None:
            args = {}
        if not isinstance(args, dict):
            raise RequestError("'args' must be an object of parameter name to value")
        return parse_args(info, args)

    def _load(self) -> Dict[str, CodemodInfo]:
        if self._codemods is None:
            self._codemods = {}
            for index, folder in enumerate(self._folders):
                self._load_folder(index, folder, self._codemods)
        return self._codemods

    def _load_folder(self, index: int, folder: str, found: Dict[str, CodemodInfo]) -> None:
        if not os.path.isdir(folder):
            log(f"codemods folder not found: {folder}")
            return
        if folder not in sys.path:
            sys.path.append(folder)  # the folder's codemods import their own helper modules by name
        for entry in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(entry)
            if ext != ".py" or stem.startswith("_") or stem == WORKER_PACKAGE or not stem.isidentifier():
                continue
            module = _import_file(index, stem, os.path.join(folder, entry))
            if module is None:
                continue
            for cls in _codemod_classes(module):
                info = build_info(cls)
                if info is None:
                    continue
                if info.name in found:
                    log(f"codemod '{info.name}' in {entry} ignored: the name is taken by {found[info.name].cls.__module__}")
                    continue
                found[info.name] = info


def _import_file(index: int, stem: str, path: str) -> Any:
    existing = sys.modules.get(stem)
    if existing is not None and _same_file(getattr(existing, "__file__", None), path):
        return existing
    # A second folder may hold a module with the same name as the first one's: load it under a private name.
    name = stem if existing is None else f"_codemods{index}_{stem}"
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    except Exception as error:  # one broken codemod file must not hide the others
        sys.modules.pop(name, None)
        log(f"cannot import {path}: {type(error).__name__}: {error}")
        return None


def _same_file(a: Optional[str], b: str) -> bool:
    try:
        return a is not None and os.path.samefile(a, b)
    except OSError:
        return False


def _codemod_classes(module: Any) -> List[type]:
    return [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, CodemodCommand)
        and value.__module__ == module.__name__
        and isinstance(value.__dict__.get("NAME"), str)
        and not inspect.isabstract(value)
    ]
