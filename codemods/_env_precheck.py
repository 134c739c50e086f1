"""env-to-isolated's cheap first look: can LibCST find anything to rewrite or report in this file?

Decided on Python's own ``ast`` (its C parser costs a fraction of LibCST's parse, and nothing here needs metadata),
before LibCST sees the file. The answer is conservative: every reference the codemod classifies is an attribute named
``environ`` / ``getenv`` or a name bound by ``from os import environ`` / ``getenv``, and every other review is a patch
of some module's ``os`` (``_patched_os``) or a string naming ``os.environ`` (``patch.dict("os.environ", ...)``), so a
file with none of these is left unchanged without a LibCST parse. Anything unexpected (a syntax error, an encoding
Python refuses) answers True: LibCST's path then reports it as it always did.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

import _env_forms as forms
import _patched_os

_ENV_WORDS = re.compile(forms.ENV_WORDS.encode("ascii"))


def may_change(source: bytes, package: Optional[str]) -> bool:
    """False only when the file provably holds no environment reference and patches no module's ``os``."""
    try:
        tree = ast.parse(source)
    except Exception:  # SyntaxError, ValueError (NUL bytes), RecursionError, MemoryError, an unknown coding cookie
        return True
    if _ENV_WORDS.search(source) and _mentions_environment(tree):
        return True
    return _patched_os.patches_any(tree, package)


def _mentions_environment(tree: ast.AST) -> bool:
    words = forms.REF_ATTRS
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in words:
                return True
        elif isinstance(node, ast.Name):
            if node.id in words:
                return True
        elif isinstance(node, ast.alias):
            if node.name in words:
                return True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if any(word in node.value for word in words):
                return True
    return False


__all__ = ["may_change"]
