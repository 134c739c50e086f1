"""One codemod class described for the engine, and the protocol's arguments turned into its constructor's arguments."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Type

from libcst.codemod import CodemodCommand, CodemodContext

from _codemod_support import one_line

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


def build_info(cls: Type[CodemodCommand], name: Optional[str] = None) -> Optional[CodemodInfo]:
    name = name or cls.__dict__["NAME"]
    parser = _AnsweringParser(prog=name, add_help=False)
    try:
        cls.add_args(parser)
    except Exception as error:
        log(f"codemod '{name}' ignored: add_args failed: {type(error).__name__}: {error}")
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


def parse_args(info: CodemodInfo, args: Dict[str, Any]) -> Dict[str, Any]:
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


def log(message: str) -> None:
    print(f"codemod_worker: {message}", file=sys.stderr, flush=True)
