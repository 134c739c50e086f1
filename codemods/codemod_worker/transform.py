"""Runs one codemod on one file's bytes and returns the file's outcome as a value; nothing here raises per file."""

from __future__ import annotations

import base64
import importlib.util
from typing import Any, Dict, Iterable, List, Optional, Tuple

import libcst
from libcst.codemod import Codemod, CodemodContext, SkipFile

from _codemod_support import CONTEXT_MODULES, SITE_FILTER, module_and_package, one_line, take_records
from _suppressions import SiteFilter, has_skip_file
from codemod_worker import formatter as user_formatter
from codemod_worker import name_gate
from codemod_worker.registry import CodemodInfo

ROUND_TRIP_REASON = "LibCST cannot round-trip this file exactly"
SKIP_FILE_REASON = "skip-file comment"
_NO_LINES: Tuple[int, ...] = ()


class CodemodRunner:
    """Runs one codemod, with one set of arguments, on file after file."""

    def __init__(self, info: CodemodInfo, kwargs: Dict[str, Any]) -> None:
        self.info = info
        self.kwargs = kwargs

    def run(
        self,
        path: str,
        original: bytes,
        context_modules: Dict[str, str],
        formatter: Optional[List[str]] = None,
        exclude_lines: Iterable[int] = _NO_LINES,
    ) -> Dict[str, Any]:
        module_name, package_name = module_and_package(path)
        # Comments are only looked for in files that mention them: most files pay one bytes search.
        text = _text_of(original) if exclude_lines or b"codemod:" in original else ""
        if text and has_skip_file(text):
            return {"outcome": "skipped", "reason": SKIP_FILE_REASON}
        # The context-modules key is always present so codemods never fall back to reading files themselves; the site
        # filter too, built once per file, so every site decision is one lookup.
        scratch: Dict[str, Any] = {
            CONTEXT_MODULES: context_modules,
            SITE_FILTER: SiteFilter(text, self.info.name, exclude_lines),
        }
        context = CodemodContext(
            filename=path, full_module_name=module_name, full_package_name=package_name, scratch=scratch
        )
        codemod = self._built(context, context_modules)
        if codemod is not None and not _may_change(codemod, original):
            # The codemod saw, on Python's own parse, nothing it rewrites or reports: LibCST never runs on this file.
            records = take_records(scratch)
            return {"outcome": "unchanged", "changes": records["changes"], "reviews": records["reviews"]}
        try:
            tree = libcst.parse_module(original)
        except libcst.ParserSyntaxError as error:
            return _syntax_error(error, original, path)
        except (SyntaxError, UnicodeError, LookupError) as error:
            # raised while detecting or applying the PEP 263 coding cookie, before any parsing happens
            return _failed(f"cannot decode: {_describe(error, with_type=False)}")
        except Exception as error:
            return _failed(f"codemod error: {_describe(error)}", error_type=type(error).__name__)

        try:
            output = (codemod or self._codemod_for(context, context_modules)).transform_module(tree)
            new = output.bytes
        except SkipFile as error:
            return {"outcome": "skipped", "reason": one_line(str(error)) or "skipped by the codemod"}
        except Exception as error:  # RecursionError on deeply nested code lands here too
            return _failed(f"codemod error: {_describe(error)}", error_type=type(error).__name__)
        if formatter and new != original:
            # Changed files only, and before the gates in _outcome: what they check is exactly what would be written.
            formatted, refusal = user_formatter.format_bytes(formatter, new)
            if formatted is None:
                return _failed(f"{refusal}; the file was left unchanged")
            new = formatted
        return _outcome(self.info, tree, original, new, path, scratch)

    def _built(self, context: CodemodContext, context_modules: Dict[str, str]) -> Optional[Codemod]:
        """The file's codemod instance; None when it cannot be built (the transform path builds it again and reports
        why, after the file's own syntax errors)."""
        try:
            return self._codemod_for(context, context_modules)
        except Exception:
            return None

    def _codemod_for(self, context: CodemodContext, context_modules: Dict[str, str]) -> Codemod:
        # A fresh instance per file: codemods keep per-file state on the instance (what they saw, what they import),
        # and a reused one leaks it into the next file. The matcher scans that made construction costly are memoised
        # per class by ``speedups``, so a new instance costs little.
        return self.info.cls(context, **self.kwargs)


def _may_change(codemod: Codemod, original: bytes) -> bool:
    """The codemod's optional ``may_change(source)``: asked before LibCST parses the file, it must answer True whenever
    unsure (LibCST's own commands have none). A check that fails answers True: the transform path speaks for the file."""
    may_change = getattr(codemod, "may_change", None)
    if may_change is None:
        return True
    try:
        return bool(may_change(original))
    except Exception:
        return True


def _outcome(
    info: CodemodInfo, tree: libcst.Module, original: bytes, new: bytes, path: str, scratch: Dict[str, Any]
) -> Dict[str, Any]:
    records = take_records(scratch)
    result: Dict[str, Any] = {"changes": records["changes"], "reviews": records["reviews"]}
    if info.breaking and records["breaking"]:
        result["breaking"] = records["breaking"]
    if records["suppressed"]:
        result["suppressed"] = records["suppressed"]
    if new == original:
        return {"outcome": "unchanged", **result}
    # Only needed when the bytes differ: a file LibCST cannot reproduce would otherwise be rewritten everywhere.
    try:
        round_trips = tree.bytes == original
    except Exception:
        round_trips = False
    if not round_trips:
        return {"outcome": "skipped", "reason": ROUND_TRIP_REASON}
    problem = _compile_problem(new, path)
    if problem is not None:
        original_problem = _compile_problem(original, path)
        if original_problem is not None:
            # LibCST accepts some files CPython refuses (e.g. more than 200 nested parentheses): not the codemod's doing.
            error, line = original_problem
            return _failed(f"syntax error at line {line or 0}, column 0: {error} (Python rejects the original file)", line)
        error, line = problem
        return _failed(f"codemod produced invalid code: {error}", line)
    unbound = name_gate.check(original, new)
    if unbound is not None:
        message, line = unbound
        return _failed(f"codemod produced a read of a possibly unbound name: {message}", line)
    return {"outcome": "changed", "source": base64.b64encode(new).decode("ascii"), **result}


def _text_of(original: bytes) -> str:
    """The file's text as Python reads it (PEP 263 cookie, BOM), for the suppression comments; empty when it does not decode
    (LibCST's parse then reports why)."""
    try:
        return importlib.util.decode_source(original)
    except (SyntaxError, UnicodeError, LookupError):
        return ""


def _compile_problem(source: bytes, path: str) -> Optional[Tuple[str, Optional[int]]]:
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        return _describe(error, with_type=False), error.lineno
    except Exception as error:  # ValueError (NUL bytes), RecursionError, MemoryError
        return _describe(error), None
    return None


def _syntax_error(error: libcst.ParserSyntaxError, original: bytes, path: str) -> Dict[str, Any]:
    message = one_line(error.message)
    try:
        compile(original, path, "exec", dont_inherit=True)
    except SyntaxError as python_error:
        if python_error.lineno:
            # Python's compiler places the error where people look for it; LibCST's parser often reports a later
            # token (the line after an unclosed bracket), and its tokenizer always reports 1:0.
            line, column = python_error.lineno, max((python_error.offset or 1) - 1, 0)
            return _failed(f"syntax error at line {line}, column {column}: {one_line(python_error.msg)}", line, column)
        return _failed(f"syntax error at line {error.raw_line}, column {error.raw_column}: {message}", error.raw_line, error.raw_column)
    except Exception:
        pass
    else:
        # Valid Python that LibCST 1.0's parser rejects (e.g. a CRLF file with LF-only blank lines): not the
        # file's fault, and nothing can be rewritten safely.
        return {"outcome": "skipped", "reason": f"LibCST cannot parse this file (Python can): {message}"}
    return _failed(f"syntax error at line {error.raw_line}, column {error.raw_column}: {message}", error.raw_line, error.raw_column)


def _failed(
    reason: str, line: Optional[int] = None, column: Optional[int] = None, error_type: Optional[str] = None
) -> Dict[str, Any]:
    # ``errorType`` names the exception behind a failure: the engine keeps no MemoryError answer in its cache.
    result: Dict[str, Any] = {"outcome": "failed", "reason": reason}
    if error_type is not None:
        result["errorType"] = error_type
    if line:
        result["line"] = line
        if column is not None:
            result["column"] = column
    return result


def _describe(error: BaseException, with_type: bool = True) -> str:
    if isinstance(error, SyntaxError) and error.msg:
        text = error.msg + (f" (line {error.lineno})" if error.lineno else "")
    else:
        text = one_line(str(error))
    if not with_type:
        return text or type(error).__name__
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
