"""The request loop: one JSON request per stdin line, one JSON response per stdout line, in order."""

from __future__ import annotations

import argparse
import base64
import binascii
import ctypes
import gc
import importlib.util
import json
import os
import platform
import sys
import threading
import time
import traceback
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from _codemod_support import one_line
from codemod_worker import PROTOCOL_VERSION, formatter, libcst_fixes, speedups
from codemod_worker.registry import Registry, RequestError
from codemod_worker.transform import CodemodRunner

_RUNNER_CACHE_LIMIT = 64
# The ``code`` of a refused request (Codemod.Python's WorkerErrorCodes): the engine decides on codes, never on messages.
BAD_REQUEST = "bad-request"
_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Server:
    def __init__(self, registry: Registry, extra_folders: Sequence[str] = ()) -> None:
        self.registry = registry
        self.stopping = False
        self._extra_folders = [os.path.abspath(folder) for folder in extra_folders]
        self._runners: Dict[str, CodemodRunner] = {}
        self._handlers: Dict[str, Callable[[Dict[str, Any]], Dict[str, Any]]] = {
            "hello": self.hello,
            "list": self.list,
            "prefilter": self.prefilter,
            "transform": self.transform,
            "scan": self.scan,
            "shutdown": self.shutdown,
            "check": self.check,
            "session": self.session,
        }

    def handle(self, line: bytes) -> Dict[str, Any]:
        try:
            request = json.loads(line)
        except ValueError as error:
            return {"id": None, "ok": False, "code": BAD_REQUEST, "error": f"invalid JSON: {one_line(str(error))}"}
        if not isinstance(request, dict):
            return {"id": None, "ok": False, "code": BAD_REQUEST, "error": "a request must be a JSON object"}
        request_id = request.get("id")
        try:
            method = request.get("method")
            handler = self._handlers.get(method) if isinstance(method, str) else None
            if handler is None:
                raise RequestError(f"unknown method '{method}'")
            return {"id": request_id, "ok": True, **handler(request)}
        except RequestError as error:
            code = getattr(error, "code", BAD_REQUEST)
            return {"id": request_id, "ok": False, "code": code, "error": one_line(str(error))}
        except Exception as error:  # a bug here must cost one request, never the worker
            traceback.print_exc(file=sys.stderr)
            message = f"internal error: {type(error).__name__}: {one_line(str(error))}"
            return {"id": request_id, "ok": False, "code": "internal", "error": message}

    def hello(self, request: Dict[str, Any]) -> Dict[str, Any]:
        spoken = request.get("protocol")
        if spoken != PROTOCOL_VERSION:
            raise _coded("protocol-mismatch", f"protocol mismatch: engine speaks {spoken}, worker speaks {PROTOCOL_VERSION}")
        return {"protocol": PROTOCOL_VERSION, "python": platform.python_version(), "libcst": _libcst_version()}

    def list(self, request: Dict[str, Any]) -> Dict[str, Any]:
        return {"codemods": [info.describe() for info in self.registry.all(with_libcst=bool(request.get("all")))]}

    def prefilter(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """Tokens of a codemod whose tokens depend on its arguments (the class being moved, say): ``prefilter_for``."""
        info = self.registry.get(request.get("codemod"))
        tokens = getattr(info.cls, "prefilter_for", None)
        if not callable(tokens):
            return {"tokens": [str(token) for token in getattr(info.cls, "PREFILTER", ())]}
        try:
            return {"tokens": [str(token) for token in tokens(self.registry.kwargs_for(info, request.get("args")))]}
        except (ValueError, OSError) as error:
            raise RequestError(f"invalid arguments for codemod '{info.name}': {one_line(str(error))}")

    def transform(self, request: Dict[str, Any]) -> Dict[str, Any]:
        started = time.perf_counter()
        path = _text(request, "path")
        runner = self._runner(request.get("codemod"), request.get("args"))
        source = _base64(request.get("source"), "source")
        context = request.get("context") or {}
        if not isinstance(context, dict):
            raise RequestError("'context' must be an object of dotted module name to base64 source")
        modules = {str(name): _decode_module(_base64(value, f"context.{name}")) for name, value in context.items()}
        excluded = _lines(request.get("excludeLines"))
        result = runner.run(path, source, modules, formatter.argv_of(request.get("formatter")), excluded)
        result["elapsedMs"] = round((time.perf_counter() - started) * 1000.0, 3)
        return result

    def _runner(self, name: Any, args: Any) -> CodemodRunner:
        # Thousands of transforms share a handful of (codemod, arguments) pairs: parse the arguments once per pair.
        try:
            key = json.dumps([name, args], sort_keys=True)
        except (TypeError, ValueError):
            raise RequestError("'args' must be JSON values")
        runner = self._runners.get(key)
        if runner is None:
            info = self.registry.get(name)
            runner = CodemodRunner(info, self.registry.kwargs_for(info, args))
            if len(self._runners) >= _RUNNER_CACHE_LIMIT:
                self._runners.clear()
            self._runners[key] = runner
        return runner

    def scan(self, request: Dict[str, Any]) -> Dict[str, Any]:
        path = _text(request, "path")
        source = _base64(request.get("source"), "source")
        args = request.get("args") or {}
        try:
            import _scan  # imported on the first scan, so transform-only runs never pay for it
        except ModuleNotFoundError as error:
            if error.name == "_scan":
                raise _coded("scan-unavailable", "scan not available")
            raise
        try:
            result = _scan.scan_source(path, source, args)
        except Exception as error:
            return {"outcome": "failed", "reason": f"scan error: {type(error).__name__}: {one_line(str(error))}"}
        return {key: value for key, value in result.items() if key not in ("id", "ok")}

    def check(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """One codemod described (a dotted path too) and, when ``args`` are given, built once with them (its ValueError answers)."""
        info = self.registry.get(request.get("codemod"))
        if request.get("args") is not None:
            self.registry.kwargs_for(info, request.get("args"))
        argv = formatter.argv_of(request.get("formatter"))
        if argv:
            formatter.check(argv)
        return {"codemod": info.describe()}

    def session(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """A warm worker taken over by another command: it answers as a worker started with ``--cwd`` and ``--codemods``.

        Nothing the previous command loaded survives: its extra codemod folders (their modules and ``sys.path``
        entries), the codemods built with its arguments, and the list of codemods. LibCST, the standard library and the
        bundled codemods stay imported: that is what makes a warm worker cheaper than a new one.
        """
        cwd = _text(request, "cwd")
        folders = request.get("codemods") or []
        if not isinstance(folders, list) or not all(isinstance(folder, str) and folder for folder in folders):
            raise RequestError("'codemods' must be an array of folder paths")
        if not os.path.isdir(cwd):
            raise RequestError(f"'cwd' is not a folder: {cwd}")
        _forget_folders(self._extra_folders)
        self._extra_folders = [os.path.abspath(folder) for folder in folders]
        self.registry = Registry([_HERE, *self._extra_folders])
        self._runners.clear()
        os.chdir(cwd)
        return {}

    def shutdown(self, request: Dict[str, Any]) -> Dict[str, Any]:
        self.stopping = True
        return {}


def main(argv: List[str]) -> int:
    """The subprocess host: ``python3 -m codemod_worker`` reads request lines on stdin itself."""
    options = _parse_options(argv)
    _exit_with_parent(options.parent_pid)
    output = os.fdopen(_claim_stdout(), "wb")
    server = _open_server(options)
    try:
        for line in sys.stdin.buffer:
            if not line.strip():
                continue
            output.write(respond(server, line))
            output.flush()
            if server.stopping:
                break
    except KeyboardInterrupt:  # the engine's Ctrl+C reaches the whole process group
        return 130
    except BrokenPipeError:  # the engine went away; nobody is left to answer
        return 0
    return 0


def respond(server: Server, line: bytes) -> bytes:
    """The one per-request entry point both hosts call: a request line in, its response line (with newline) out."""
    return _encode(server.handle(line))


def open_embedded_session(argv: List[str]) -> Tuple[Server, int]:
    """The pythonnet host (Codemod.Worker) reads stdin and watches the engine itself; it writes responses to the fd returned."""
    protocol_fd = _claim_stdout()
    return _open_server(_parse_options(list(argv))), protocol_fd


def respond_at(server: Server, address: int, length: int) -> Tuple[bytes, bool]:
    """The pythonnet host's call: the request is ``length`` bytes at ``address`` (a buffer pinned by the host)."""
    response = respond(server, ctypes.string_at(address, length))
    return response, server.stopping


def _open_server(options: argparse.Namespace) -> Server:
    libcst_fixes.install()
    speedups.install()
    server = Server(Registry([_HERE, *options.codemods]), options.codemods)
    _tune_gc()
    if options.cwd:
        # The engine starts us in the codemods folder, so `-m` put that folder (not the user's project) first on
        # sys.path: a project file named gettext.py or types.py must never shadow a module LibCST imports. Only now,
        # with sys.path fixed, move to the user's folder, which relative file parameters (a mapping file) refer to.
        os.chdir(options.cwd)
    return server


def _forget_folders(folders: Sequence[str]) -> None:
    """Unloads every module imported from ``folders`` and takes them off ``sys.path`` (PYTHONPATH put them there too)."""
    if not folders:
        return
    roots = tuple(os.path.join(folder, "") for folder in folders)
    for name, module in list(sys.modules.items()):
        location = getattr(module, "__file__", None)
        if isinstance(location, str) and os.path.abspath(location).startswith(roots):
            del sys.modules[name]
    sys.path[:] = [entry for entry in sys.path if not entry or os.path.abspath(entry) not in folders]
    importlib.invalidate_caches()


def _exit_with_parent(expected: Optional[int], interval: float = 0.5) -> None:
    # A busy worker is not reading stdin, so it would not see the engine's pipe close after a kill -9; it would go on
    # parsing for minutes. A daemon thread watches the parent instead: when it dies we are re-parented, and exit at
    # once. (PR_SET_PDEATHSIG is no substitute: it fires when the *thread* that started us ends, and the engine starts
    # workers from pool threads that come and go.)
    parent = os.getppid()
    if expected is not None and parent != expected:
        os._exit(0)  # the engine died while we were still importing
    if parent <= 1:
        return

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _parse_options(argv: List[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m codemod_worker", description="JSON Lines codemod worker")
    parser.add_argument("--codemods", action="append", default=[], metavar="DIR", help="another folder of codemods")
    parser.add_argument("--cwd", metavar="DIR", help="folder that relative file parameters are resolved from")
    parser.add_argument("--parent-pid", type=int, metavar="PID", help="the engine's process id: exit as soon as it is gone")
    return parser.parse_args(argv)


def _claim_stdout() -> int:
    # The protocol owns file descriptor 1. Anything a codemod prints (print(), or native code writing to fd 1) goes to
    # stderr instead, where the engine drains it, rather than corrupting a response line.
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return protocol_fd


def _tune_gc() -> None:
    # LibCST allocates millions of small acyclic objects per file; with the default thresholds the cyclic collector
    # runs constantly. Freezing the imported modules and raising the first threshold keeps collection rare.
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _encode(response: Dict[str, Any]) -> bytes:
    # ASCII-only JSON is valid UTF-8 whatever a message contains (lone surrogates included).
    return json.dumps(response, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def _text(request: Dict[str, Any], key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str) or not value:
        raise RequestError(f"'{key}' must be a non-empty string")
    return value


def _lines(value: Any) -> Tuple[int, ...]:
    """``excludeLines``: absent, or an array of 1-based line numbers."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value):
        raise RequestError("'excludeLines' must be an array of 1-based line numbers")
    return tuple(value)


def _base64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise RequestError(f"'{what}' must be a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise RequestError(f"'{what}' is not valid base64")


def _decode_module(raw: bytes) -> str:
    try:
        return importlib.util.decode_source(raw)
    except (SyntaxError, UnicodeError, LookupError):
        return raw.decode("utf-8", errors="replace")


_LIBCST_VERSION: Optional[str] = None


def _libcst_version() -> str:
    global _LIBCST_VERSION
    if _LIBCST_VERSION is None:
        try:
            from importlib.metadata import version

            _LIBCST_VERSION = version("libcst")
        except Exception:
            from libcst._version import __version__

            _LIBCST_VERSION = __version__
    return _LIBCST_VERSION


def _coded(code: str, message: str) -> RequestError:
    error = RequestError(message)
    error.code = code  # type: ignore[attr-defined]
    return error
