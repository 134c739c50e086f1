"""redirect-imports: move every use of ``old.module.OldName`` to ``new.module.NewName``.

Parameters: ``--arg from=old.module.OldName --arg to=new.module.NewName``, or ``--arg mapping=redirects.yaml`` for many
at once. The mapping file (path relative to the current directory) is either a list
``- {from: a.b.C, to: x.y.D}`` or a mapping ``a.b.C: x.y.D``; entries are applied in file order, each to the result of
the one before.

Rewrite rules, for each ``from`` -> ``to`` pair:

* ``from old.module import OldName`` -> ``from new.module import NewName``, and every use of the bound name follows
  (names, string annotations such as ``"OldName"``). Relative imports are resolved from the file's own package
  (``from .module import OldName`` in package ``old``); the new import is always absolute. An ``as`` alias is kept
  (``from new.module import NewName as Legacy``; the ``OldName as OldName`` re-export form becomes
  ``NewName as NewName``). Among other names (``from old.module import OldName, helper``) the old name is dropped and
  the new import goes on its own line right after, in the same block: imports inside functions and under
  ``if TYPE_CHECKING:`` stay where they were.
* ``from old import module`` followed by ``module.OldName`` -> ``from new import module`` (or ``import new`` for a
  top-level module) and ``module.NewName``: the access stays an attribute access through a module.
* ``import old.module`` followed by ``old.module.OldName`` -> ``import new.module`` and ``new.module.NewName``; never
  turned into a from-import. ``import old.module as om`` with ``om.OldName`` gets the same full path (that is how
  ``RenameCommand`` writes it). The old import is replaced in place when nothing else uses it, otherwise kept with
  ``import new.module`` added on the next line; a parent-package ``import old`` is kept and removed by
  ``RemoveImportsVisitor`` only if nothing uses it any more.
* An import of exactly the new name that is already visible in the same scope (or the module scope) is reused, and
  the old import is removed.
* Collisions: when the new local name is already bound in the file to something else (or read from builtins or a
  star import), the new import takes an alias: ``Canonical`` + name for a capitalised name (``NewName as
  CanonicalNewName``), ``canonical_`` + name otherwise (``module as canonical_module``), with ``2``, ``3``... appended
  until free. The same rule is applied every run, so the output is deterministic.
* ``__all__`` entries naming a renamed module-level binding follow the rename (change ``all-entry``) and a review item
  ``public-name-renamed`` says the module no longer exports the old name.
* String targets: the first argument of ``patch(...)`` / ``mock.patch(...)`` / ``mocker.patch(...)`` and of
  ``importlib.import_module(...)`` when it is exactly ``old.module.OldName`` or ``old.module.OldName.<attribute>``
  (``old.module.OldNameX`` or ``OldNameConfig`` are not matches), and
  ``getattr(importlib.import_module("old.module"), "OldName")``. Other strings are never touched.

Left alone, with a review item where a person should look:
* a class or function that merely has the same name (no import of the old module means it is not the old object);
* a module whose last component happens to match (``from other.module import OldName``);
* the old module's own file, and the new module's own file (review ``new-module-file`` if it imports the old name);
* ``from old.module import *`` (review ``star-import``);
* a name whose uses may also come from another binding, e.g. a ``try/except ImportError`` fallback
  (review ``ambiguous-binding``);
* ``patch.object(<old module>, "OldName")`` (review ``patch-object-target``: the object argument is not a string);
* a string annotation naming the old binding that cannot be rewritten in place, e.g. one with escapes or split over
  several literals (review ``string-annotation-left``).

What LibCST's ``RenameCommand`` does for us, and what we add: the per-pair step subclasses ``RenameCommand``; its
argument parsing (``old_module`` / ``old_mod_or_obj`` / ``new_module``...), its ``as``-name bookkeeping
(``record_asname``) and its ``leave_Attribute`` rewrite of ``old.module.OldName`` / ``alias.OldName`` through a
plain ``import`` are used as they are. We replace its import-statement handling because it (in libcst 1.0.1) appends
``new.module`` to an ``import old.module`` even where ``OldName`` is never used, turns ``module.OldName`` into a
from-import, drops ``as`` aliases, does not resolve relative imports, and has no notion of collisions. We add string
targets, string annotations, ``__all__``, relative imports, collision aliases, reuse of an existing import, and the
review items above. An old name in a from-import is dropped directly rather than through ``RemoveImportsVisitor``:
when the old and new local names are equal, the visitor counts the new import's uses as uses of the old one.

Change kinds: ``import-from``, ``module-import``, ``name-reference``, ``module-attribute``, ``string-annotation``,
``string-target``, ``all-entry``. Positions refer to the original source (a later pair's positions are mapped back
through the lines earlier pairs inserted).

Caveats: a new ``import new.module`` binds the top-level name ``new``; a clash with a local variable of that name is
not detected. Each pair is one metadata pass (scope and qualified names) over the file, so a long mapping costs one
pass per pair for the files that spell the pair's old name; files that do not are skipped before any metadata.
``PREFILTER`` is empty because the tokens depend on the arguments: ``prefilter_for(args)`` gives them.
"""

from __future__ import annotations

import argparse
from typing import Any, Dict, List, Tuple

import libcst as cst
from libcst.codemod import Codemod, CodemodCommand, CodemodContext

from _codemod_support import CHANGES, REVIEWS, SUPPRESSED

from _redirect_support import _before_insertions, _may_use, _split, dotted_name, load_mapping, pairs_from_args
from _redirect_step import _RedirectStep


class RedirectImportsCommand(CodemodCommand):
    NAME = "redirect-imports"
    DESCRIPTION = (
        "Move every use of old.module.OldName (imports, attributes, patch targets, __all__) to new.module.NewName."
    )
    VERSION = "1.0.0"
    PREFILTER: Tuple[str, ...] = ()

    @classmethod
    def prefilter_for(cls, args: Dict[str, Any]) -> Tuple[str, ...]:
        """Tokens a file must contain for these arguments: the old names' last components.

        Every use this codemod rewrites spells the old name, even through a module (``module.OldName``), a relative
        import or a string target; a file that never spells it has nothing to redirect (a star import of the old
        module there uses no ``OldName`` either, so its review would be noise).
        """
        return tuple(sorted({_split(old)[1] for old, _ in pairs_from_args(args)}))

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument("--from", dest="from", type=dotted_name, default=None,
                                help="dotted path of the old object, e.g. old.module.OldName (with 'to')")
        arg_parser.add_argument("--to", dest="to", type=dotted_name, default=None,
                                help="dotted path of the new object, e.g. new.module.NewName (with 'from')")
        arg_parser.add_argument("--mapping", dest="mapping", default=None,
                                help="YAML file of many redirects: a list of {from, to} or a from: to mapping "
                                     "(path relative to the current directory)")

    def __init__(self, context: CodemodContext, **kwargs: Any) -> None:
        super().__init__(context)
        self.pairs = pairs_from_args(kwargs)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        history: List[List[int]] = []
        for old, new in self.pairs:
            if self.context.full_module_name == _split(old)[0]:
                continue
            # Scope and qualified-name metadata are the cost: skip pairs this file cannot be using.
            if not _may_use(tree.code, old):
                continue
            marks = {key: len(self.context.scratch.get(key, [])) for key in (CHANGES, REVIEWS, SUPPRESSED)}
            step = _RedirectStep(self.context, old, new)
            step.history = history
            # Codemod.transform_module, not CodemodCommand's: the import add/remove passes run once, after all pairs
            tree = Codemod.transform_module(step, tree)
            if history:
                for key, start in marks.items():
                    for record in self.context.scratch.get(key, [])[start:]:
                        if record.get("line"):
                            for inserted in reversed(history):
                                record["line"] = _before_insertions(record["line"], inserted)
            history.append(step.inserted_after)
        return tree


__all__ = ["RedirectImportsCommand", "dotted_name", "load_mapping", "pairs_from_args"]
