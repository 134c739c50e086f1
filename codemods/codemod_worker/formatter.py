"""Runs the user's formatter (``--formatter "ruff format -"``) on one changed file's new bytes: stdin in, stdout out.

No shell is involved: the engine splits the command into argv once. The formatter sees only the bytes the codemod
produced (never the file on disk), with the project folder as its working directory so it finds its configuration.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any, List, Optional, Tuple

from _codemod_support import one_line

from codemod_worker.registry import RequestError

# Longer than any formatter needs for one file; a hung formatter must not outlive the worker's own time limit by much.
_TIMEOUT_SECONDS = 120
_MESSAGE_LIMIT = 300


def argv_of(value: Any) -> Optional[List[str]]:
    """The formatter argv of a request, or None; anything but a non-empty list of strings is a bad request."""
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise RequestError("'formatter' must be a non-empty list of strings (the command split into argv)")
    return value


def check(argv: List[str]) -> None:
    """Fails the request when the formatter's program cannot be found, before any file is processed."""
    if shutil.which(argv[0]) is None:
        raise RequestError(f"formatter '{argv[0]}' not found (is it installed and on PATH?)")


def format_bytes(argv: List[str], source: bytes) -> Tuple[Optional[bytes], Optional[str]]:
    """The formatted bytes, or None and the formatter's own message saying why it refused."""
    shown = " ".join(argv)
    try:
        completed = subprocess.run(argv, input=source, capture_output=True, timeout=_TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        return None, f"formatter '{argv[0]}' not found"
    except subprocess.TimeoutExpired:
        return None, f"formatter `{shown}` took longer than {_TIMEOUT_SECONDS} s"
    except OSError as error:
        return None, f"formatter `{shown}` could not run: {error}"
    if completed.returncode != 0:
        message = one_line(completed.stderr.decode("utf-8", errors="replace")) or one_line(
            completed.stdout.decode("utf-8", errors="replace")
        )
        return None, f"formatter `{shown}` exited with {completed.returncode}: {message[:_MESSAGE_LIMIT] or 'no message'}"
    if not completed.stdout.strip() and source.strip():
        return None, f"formatter `{shown}` printed nothing (does it read stdin and write stdout? ruff and black need '-')"
    return completed.stdout, None
