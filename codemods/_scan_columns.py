"""Columns of ``ast`` positions as the engine counts them: ``ast`` counts UTF-8 bytes, LibCST and the engine characters."""

from __future__ import annotations

import io
import re
import tokenize
from typing import List, Optional


class Columns:
    """``ast`` columns count UTF-8 bytes; LibCST's (and the engine's) count characters."""

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._ascii = source.isascii()
        self._lines: Optional[List[str]] = None

    def convert(self, line: int, column: int) -> int:
        if self._ascii or column == 0:
            return column
        if self._lines is None:
            try:
                encoding, _ = tokenize.detect_encoding(io.BytesIO(self._source).readline)
                text = self._source.decode(encoding, errors="replace")
            except (SyntaxError, LookupError):
                text = self._source.decode("utf-8", errors="replace")
            self._lines = re.split(r"\r\n|\r|\n", text)
        if not 0 < line <= len(self._lines):
            return column
        return len(self._lines[line - 1].encode("utf-8")[:column].decode("utf-8", errors="replace"))


__all__ = ["Columns"]
