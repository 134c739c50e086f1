"""What a deprecation shim is, and when its sunset has passed: the one definition shared by the scan's shim facts
(and so its ``expired-shim`` rule), add-deprecation-shim, singleton-to-factory's ``shim=true`` and remove-expired-shim.

The marker contract: a module-level assignment of a dict literal, one entry per deprecated name, string keys and
values only::

    __codemod_deprecated__ = {
        "OldName": {"canonical": "new.module.NewName", "sunset": "2027-03-31"},
        "get_registry": {"canonical": "pkg.factory.RegistryFactory.create", "sunset": "2027-03-31"},
        "Registry.instance": {"canonical": "pkg.factory.RegistryFactory.create", "sunset": "2027-03-31"},
    }

An entry is a shim when its key is a string and its value a dict whose ``canonical`` is a string (``shim_entry``).
Three shapes: a plain name that the module no longer defines is an alias served by the module's PEP 562 ``__getattr__``
(add-deprecation-shim); a plain name the module defines with ``def`` is a deprecated accessor wrapper, and a dotted
``Class.method`` key a deprecated accessor method (singleton-to-factory ``shim=true``). A shim is expired when its
sunset is a date written ``YYYY-MM-DD`` before today (``is_expired``): the alias is promised up to and including its
sunset day. The engine's ``expired-shim`` check compares the sunset the facts carry in the same way.

Plain ``ast`` only (the scan never loads LibCST); the LibCST side of the marker is ``_shim_marker``.
"""

from __future__ import annotations

import argparse
import ast
import datetime
from typing import Iterable, Optional, Tuple

MARKER = "__codemod_deprecated__"

def parse_date(value: Optional[str]) -> Optional[datetime.date]:
    """The date ``value`` names when written exactly ``YYYY-MM-DD``, else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.isoformat() == value else None


def iso_date(value: str) -> str:
    """argparse type: a real calendar date written YYYY-MM-DD."""
    if parse_date(str(value)) is None:
        raise argparse.ArgumentTypeError(f"sunset '{value}' is not a date written YYYY-MM-DD")
    return value


def is_expired(sunset: Optional[str], today: datetime.date) -> bool:
    """True when ``sunset`` is a date before ``today`` (an unreadable or absent sunset never expires)."""
    date = parse_date(sunset)
    return date is not None and date < today


def shim_kind(name: str, defined: Iterable[str]) -> str:
    """``wrapper`` when the entry names something the module defines (a module-level ``def name`` or a method
    ``Class.name`` of a module-level class, in ``defined``), else ``alias`` (served by ``__getattr__``)."""
    return "wrapper" if name in set(defined) else "alias"


def shim_entry(key: ast.expr, value: ast.expr) -> Optional[Tuple[str, str, Optional[str]]]:
    """(name, canonical, sunset) of one marker entry, or None when it is not a shim."""
    try:
        name, entry = ast.literal_eval(key), ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None
    if isinstance(name, str) and isinstance(entry, dict) and isinstance(entry.get("canonical"), str):
        sunset = entry.get("sunset")
        return name, entry["canonical"], sunset if isinstance(sunset, str) else None
    return None


__all__ = ["MARKER", "parse_date", "iso_date", "is_expired", "shim_kind", "shim_entry"]
