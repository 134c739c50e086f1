"""Finds the codemod classes in the codemods folders and turns protocol arguments into constructor arguments."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import os
import pkgutil
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Type

from libcst.codemod import CodemodCommand, CodemodContext

from _codemod_support import one_line

WORKER_PACKAGE = "codemod_worker"
LIBCST_COMMANDS = "libcst.codemod.commands"
_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


class RequestError(Exception):
    """A problem with one request (bad arguments, unknown codemod): answered with ok:false and this message."""


class _AnsweringParser(argparse.ArgumentParser):
    # argparse reports a bad value by printing usage and exiting the process; a worker has to answer instead.
    def error(self, message: str) -> None:  # type: ignore[override]
        raise RequestError(message)

    def exit(self, status: int = 0, message: Optional[str] = None) -> None:  # type: ignore[override]
        raise RequestError((message or "").strip() or f"argument parsing stopped (status {status})")


@dataclass
class CodemodInfo:
    """One discovered codemod class, with the argparse parser its ``add_args`` builds."""

    name: str
    cls: Type[CodemodCommand]
    parser: argparse.ArgumentParser
    actions: Dict[str, argparse.Action] = field(default_factory=dict)

    @property
    def breaking(self) -> bool:
        return bool(getattr(self.cls, "BREAKING", False))

    def describe(self) -> Dict[str, Any]:
        cls = self.cls
        return {
            "name": self.name,
            "description": one_line(getattr(cls, "DESCRIPTION", "") or ""),
            "version": _version_of(cls),
            "prefilter": [str(token) for token in getattr(cls, "PREFILTER", ())],
            "breaking": self.breaking,
            "contextArgs": [str(arg) for arg in getattr(cls, "CONTEXT_ARGS", ())],
            "requiredModules": _required_modules(getattr(cls, "REQUIRED_MODULE_ARGS", ())),
            "prefilterFromArgs": callable(getattr(cls, "prefilter_for", None)),
            "parameters": [_describe_action(action) for action in self.actions.values()],
        }


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
        info = _build_info(cls, path)
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
                _log(f"cannot import {LIBCST_COMMANDS}.{module_info.name}: {type(error).__name__}: {error}")
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
                        _log(str(error))
        return found

    def kwargs_for(self, info: CodemodInfo, args: Any) -> Dict[str, Any]:
        """Constructor keyword arguments for ``args``, checked by building the codemod once."""
        if args is None:
            args = {}
        if not isinstance(args, dict):
            raise RequestError("'args' must be an object of parameter name to value")
        return _parse_args(info, args)

    def _load(self) -> Dict[str, CodemodInfo]:
        if self._codemods is None:
            self._codemods = {}
            for index, folder in enumerate(self._folders):
                self._load_folder(index, folder, self._codemods)
        return self._codemods

    def _load_folder(self, index: int, folder: str, found: Dict[str, CodemodInfo]) -> None:
        if not os.path.isdir(folder):
            _log(f"codemods folder not found: {folder}")
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
                info = _build_info(cls)
                if info is None:
                    continue
                if info.name in found:
                    _log(f"codemod '{info.name}' in {entry} ignored: the name is taken by {found[info.name].cls.__module__}")
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
        _log(f"cannot import {path}: {type(error).__name__}: {error}")
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


def _build_info(cls: Type[CodemodCommand], name: Optional[str] = None) -> Optional[CodemodInfo]:
    name = name or cls.__dict__["NAME"]
    parser = _AnsweringParser(prog=name, add_help=False)
    try:
        cls.add_args(parser)
    except Exception as error:
        _log(f"codemod '{name}' ignored: add_args failed: {type(error).__name__}: {error}")
        return None
    actions = {
        action.dest: action
        for action in parser._actions  # argparse has no public way to list the arguments a parser was given
        if not isinstance(action, argparse._HelpAction) and action.dest != argparse.SUPPRESS
    }
    return CodemodInfo(name=name, cls=cls, parser=parser, actions=actions)


def _required_modules(declared: Any) -> List[Dict[str, Optional[str]]]:
    """``REQUIRED_MODULE_ARGS``: parameters naming a module the changed files import, as a sequence of parameter names
    or a mapping of such a parameter to the parameter naming what is imported from it."""
    if isinstance(declared, dict):
        return [{"parameter": str(key), "nameParameter": str(value) if value else None} for key, value in declared.items()]
    return [{"parameter": str(name), "nameParameter": None} for name in declared]


def _version_of(cls: type) -> str:
    """``VERSION`` of the class, else ``__version__`` of its module, else "0"."""
    version = getattr(cls, "VERSION", None)
    if version is None:
        version = getattr(sys.modules.get(cls.__module__), "__version__", None)
    return str(version) if version is not None else "0"


def _describe_action(action: argparse.Action) -> Dict[str, Any]:
    return {
        "name": action.dest,
        "help": one_line(action.help or "") if action.help != argparse.SUPPRESS else "",
        "default": _jsonable(action.default),
        "required": bool(action.required),
        "multiple": _takes_many(action),
    }


def _takes_many(action: argparse.Action) -> bool:
    return isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+") or (
        isinstance(action.nargs, int) and action.nargs > 1
    )


def _jsonable(value: Any) -> Any:
    if value is None or value is argparse.SUPPRESS:
        return None
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return str(value)


def _parse_args(info: CodemodInfo, args: Dict[str, Any]) -> Dict[str, Any]:
    # The values go through the codemod's own parser, so types, choices, defaults and required checks are argparse's,
    # exactly as under `python -m libcst.tool codemod`.
    argv: List[str] = []
    positionals: List[str] = []
    for dest, value in args.items():
        action = info.actions.get(dest)
        if action is None:
            known = ", ".join(info.actions) or "none"
            raise RequestError(f"unknown parameter '{dest}' for codemod '{info.name}' (known: {known})")
        values = [_as_text(item) for item in (value if isinstance(value, list) else [value]) if item is not None]
        if not action.option_strings:
            positionals.extend(values)
            continue
        option = max(action.option_strings, key=len)
        if action.nargs == 0:
            argv.extend(option for item in values if item.strip().lower() in _TRUE_WORDS)
        elif isinstance(action, argparse._AppendAction):
            for item in values:
                argv.extend([f"{option}={item}"] if action.nargs is None else [option, item])
        elif _takes_many(action):
            argv.extend([option, *values])
        elif len(values) == 1:
            argv.append(f"{option}={values[0]}")
        elif values:
            raise RequestError(f"parameter '{dest}' of codemod '{info.name}' takes one value, got {len(values)}")
    if positionals:
        argv.extend(["--", *positionals])
    namespace = info.parser.parse_args(argv)
    kwargs = vars(namespace)
    try:
        info.cls(CodemodContext(), **kwargs)
    except Exception as error:
        raise RequestError(f"invalid arguments for codemod '{info.name}': {type(error).__name__}: {one_line(str(error))}")
    return kwargs


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _log(message: str) -> None:
    print(f"codemod_worker: {message}", file=sys.stderr, flush=True)
