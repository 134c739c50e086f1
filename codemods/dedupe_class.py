"""dedupe-class: replace copies of a class with a re-export of its canonical definition.

Rules (``--arg canonical=pkg.module.ClassName``; the engine sends the source of ``pkg.module`` along):
- In every module other than ``pkg.module``, a module-level class named ``ClassName`` (also one inside a module-level
  ``if``/``try``) whose definition is equivalent to the canonical one is removed and the name bound again with
  ``from pkg.module import ClassName``. Equivalent means ``_class_equivalence.class_fingerprint`` matches: the same
  ``ast`` once comments, docstrings, whitespace and formatting are dropped; name, bases, decorators and every statement
  must agree.
  - A class directly in the module body: the import joins the module's imports (LibCST's ``AddImportsVisitor``; an
    existing ``from pkg.module import ...`` gains the name, an existing ``from pkg.module import ClassName`` is kept).
  - A class inside ``if``/``try``, or a module that already imports from ``pkg.module`` inside a block: the import
    takes the class's place, so the name is bound under the same condition and at the same point.
  Imports that only the removed class used are removed (``RemoveImportsVisitor``; names in ``__all__`` count as used).
  The name stays bound, so ``from pkg.other import ClassName`` and an ``__all__`` entry keep working.
- A same-named class that is not equivalent: review item ``class-differs``, with the members that differ.
- ``pkg.module`` imports this module at import time: the re-export would make an import cycle, review item
  ``import-cycle``.
- Source of ``pkg.module`` missing, unparsable or without a module-level ``ClassName``: review item
  ``canonical-not-found`` at each same-named class; nothing changes.
- The canonical module itself is never changed (recognised by module name or path, also under a ``src/`` prefix).
  Classes nested in functions or other classes are not module attributes and are left alone.

Caveats (why the codemod is BREAKING):
- The old class object is gone: ``pkg.other.ClassName is pkg.module.ClassName`` afterwards, so code that told the two
  apart (``isinstance`` against one of them, monkeypatching one module's class, class-level state) behaves differently.
- Equivalence is judged on the class's text: free names in its body (module constants, helpers) are assumed to mean
  the same thing in both modules.
"""

from __future__ import annotations

import ast

import libcst as cst

from _canonical_class import CanonicalClassCommand, Verdict, dotted_class_name, keep_top_seam, module_level_statements
from _class_equivalence import class_fingerprint, describe_difference


class DedupeClassCommand(CanonicalClassCommand):
    NAME = "dedupe-class"
    DESCRIPTION = "Replace classes identical to a canonical class with a re-export of it."
    VERSION = "1.0.0"
    BREAKING = True
    CANONICAL_HELP = ("dotted name of the canonical class, pkg.module.ClassName; equivalent copies elsewhere "
                      "re-export it")

    def verdict(self, local: ast.ClassDef, canonical: ast.ClassDef, canonical_tree: ast.Module) -> Verdict:
        if class_fingerprint(local) != class_fingerprint(canonical):
            summary = describe_difference(local, canonical)
            return "class-differs", f"{self.class_name} differs from {self.canonical}: {summary}"
        if self._imported_by_canonical(canonical_tree):
            return ("import-cycle", f"{self.canonical_module} imports {self.this_module()}: re-exporting "
                    f"{self.class_name} from it would make an import cycle")
        return None

    def change(self) -> Tuple[str, str]:
        return "class-reexported", f"{self.class_name} duplicates {self.canonical}: replaced by a re-export of it"

    def replaced(self, node: cst.ClassDef) -> None:
        super().replaced(node)
        self.record_breaking(f"{self.this_module()}.{self.class_name} is now a re-export of {self.canonical}",
                             f"import {self.class_name} from {self.canonical_module}")

    def _imported_by_canonical(self, tree: ast.Module) -> bool:
        mine = self.context.full_module_name
        if not mine:
            return False
        package = self.canonical_module.rpartition(".")[0]
        for stmt in module_level_statements(tree.body):
            names = []
            if isinstance(stmt, ast.Import):
                names = [alias.name for alias in stmt.names]
            elif isinstance(stmt, ast.ImportFrom):
                base = stmt.module or ""
                if stmt.level:
                    parts = package.split(".") if package else []
                    parts = parts[: len(parts) - (stmt.level - 1)] if stmt.level > 1 else parts
                    base = ".".join(p for p in (*parts, base) if p)
                names = [base] + [f"{base}.{alias.name}" for alias in stmt.names]
            if any(name and (mine == name or mine.endswith("." + name)) for name in names):
                return True
        return False


__all__ = ["CanonicalClassCommand", "DedupeClassCommand", "dotted_class_name", "keep_top_seam"]
