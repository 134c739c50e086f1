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
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.codemod import Codemod, CodemodCommand, CodemodContext
from libcst.codemod.commands.rename import RenameCommand
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.helpers import get_absolute_module_from_package_for_import, get_full_name_for_node
from libcst.metadata import (
    Assignment,
    BaseAssignment,
    ImportAssignment,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    Scope,
    ScopeProvider,
)

from _codemod_support import CHANGES, REVIEWS, ReportingMixin

_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")

Pair = Tuple[str, str]


def dotted_name(value: str) -> str:
    """argparse type: a dotted ``package.module.Name`` with at least a module and a name."""
    value = str(value).strip()
    if not _DOTTED.match(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a dotted module.Name path")
    return value


def load_mapping(path: str) -> List[Pair]:
    """Pairs from a YAML mapping file: a list of ``{from, to}`` entries or a ``from: to`` mapping."""
    import yaml  # only mapping files need it

    try:
        with open(path, "r", encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as error:
        raise ValueError(f"cannot read mapping file '{path}': {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ValueError(f"mapping file '{path}' is not valid YAML: {error}".splitlines()[0]) from None
    pairs: List[Pair] = []
    if isinstance(data, dict):
        items: Iterable[Tuple[Any, Any]] = data.items()
    elif isinstance(data, list):
        items = []
        for entry in data:
            if not isinstance(entry, dict) or set(entry) != {"from", "to"}:
                raise ValueError(f"mapping file '{path}': each list entry needs exactly 'from' and 'to'")
            items.append((entry["from"], entry["to"]))
    else:
        raise ValueError(f"mapping file '{path}' must hold a list of {{from, to}} entries or a from: to mapping")
    for old, new in items:
        try:
            pairs.append((dotted_name(old), dotted_name(new)))
        except argparse.ArgumentTypeError as error:
            raise ValueError(f"mapping file '{path}': {error}") from None
    if not pairs:
        raise ValueError(f"mapping file '{path}' has no entries")
    return pairs


def pairs_from_args(args: Dict[str, Any]) -> List[Pair]:
    old, new, mapping = args.get("from"), args.get("to"), args.get("mapping")
    if (old is None) != (new is None):
        raise ValueError("'from' and 'to' go together: give both, or a 'mapping' file")
    pairs: List[Pair] = []
    if old is not None:
        pairs.append((dotted_name(old), dotted_name(new)))
    if mapping:
        pairs.extend(load_mapping(mapping))
    if not pairs:
        raise ValueError("nothing to redirect: give 'from' and 'to', or a 'mapping' file")
    return pairs


def _split(dotted: str) -> Tuple[str, str]:
    parent, _, last = dotted.rpartition(".")
    return parent, last


def _may_use(code: str, old: str) -> bool:
    """Whether a file could use ``old``: it spells the name, and the top-level package or a relative import."""
    module, name = _split(old)
    top = module.partition(".")[0]
    return bool(re.search(rf"\b{name}\b", code)) and bool(
        re.search(rf"\b{top}\b", code) or re.search(r"\bfrom\s+\.", code)
    )


def _fresh_alias(base: str, taken: Any) -> str:
    stem = "Canonical" + base if base[:1].isupper() else "canonical_" + base
    candidate, number = stem, 2
    while taken(candidate):
        candidate, number = f"{stem}{number}", number + 1
    return candidate


def _plain_text(node: cst.SimpleString) -> Optional[str]:
    """The string's text when it is written without escapes (so it can be rewritten in place), else None."""
    if any(c in node.prefix.lower() for c in "bf"):
        return None
    raw = node.value[len(node.prefix) + len(node.quote): -len(node.quote)]
    return raw if raw == node.evaluated_value else None


def _with_text(node: cst.SimpleString, text: str) -> cst.SimpleString:
    return node.with_changes(value=f"{node.prefix}{node.quote}{text}{node.quote}")


class _DottedRenamer(cst.CSTTransformer):
    """Renames whole dotted expressions (``OldName``, ``module.OldName``) inside a parsed string annotation."""

    def __init__(self, renames: Dict[str, str]) -> None:
        super().__init__()
        self.renames = renames

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        new = self.renames.get(original_node.value)
        return cst.parse_expression(new) if new else updated_node

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        new = self.renames.get(get_full_name_for_node(original_node) or "")
        if new:
            return cst.parse_expression(new)
        # an attribute name is not a variable: undo a rename leave_Name did on it
        return updated_node.with_changes(attr=original_node.attr)


def _renamed_annotation(node: cst.SimpleString, renames: Dict[str, str]) -> Optional[cst.SimpleString]:
    text = _plain_text(node)
    if text is None or "\n" in text:
        return None
    try:
        expression = cst.parse_expression(text)
    except cst.ParserSyntaxError:
        return None
    new_text = cst.Module([]).code_for_node(expression.visit(_DottedRenamer(renames)))
    return _with_text(node, new_text) if new_text != text else None


class _Collector(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.import_froms: List[cst.ImportFrom] = []
        self.imports: List[cst.Import] = []
        self.calls: List[cst.Call] = []

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self.import_froms.append(node)
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        self.imports.append(node)
        return False

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)


def _argument(call: cst.Call, position: int, keyword: str) -> Optional[cst.BaseExpression]:
    positional = [a for a in call.args if a.keyword is None and not a.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return positional[position].value if len(positional) > position else None


class _RedirectStep(ReportingMixin, RenameCommand):
    """One ``from`` -> ``to`` pair over one module. Positions it records refer to the tree it was given."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider, ParentNodeProvider, PositionProvider)

    def __init__(self, context: CodemodContext, old: str, new: str) -> None:
        super().__init__(context, old_name=old, new_name=new)
        self.old_full, self.new_full = old, new
        self.old_obj, self.new_obj = self.old_mod_or_obj, self.new_mod_or_obj
        self.inserted_after: List[int] = []
        self._replace_import: Dict[cst.CSTNode, cst.CSTNode] = {}
        self._insert_after: Dict[cst.CSTNode, List[str]] = {}
        self._rename_name: Dict[cst.Name, str] = {}
        self._replace_attribute: Dict[cst.Attribute, str] = {}
        self._delegated_attributes: Set[cst.Attribute] = set()
        self._asname_imports: Set[cst.Import] = set()
        self._replace_string: Dict[cst.SimpleString, cst.SimpleString] = {}
        self._removals: List[Tuple[str, Optional[str], Optional[str]]] = []
        self._dropped: Dict[cst.ImportFrom, List[cst.ImportAlias]] = {}
        self._public_reviewed: Set[str] = set()

    # ------------------------------------------------------------------ planning (on the unmodified tree)

    def visit_Module(self, node: cst.Module) -> bool:
        collector = _Collector()
        node.visit(collector)
        scopes = {s for s in self.metadata[ScopeProvider].values() if s is not None}
        self._assignments: List[BaseAssignment] = [a for s in scopes for a in s.assignments]
        self._imports_by_node: Dict[Tuple[int, str], ImportAssignment] = {
            (id(a.node), a.name): a for a in self._assignments if isinstance(a, ImportAssignment)
        }
        self._unbound_reads: Set[str] = {
            access.node.value
            for s in scopes
            for access in s.accesses
            if isinstance(access.node, cst.Name) and not any(isinstance(r, Assignment) for r in access.referents)
        }
        self._taken_exempt: Set[BaseAssignment] = set()
        name_bindings, module_bindings, new_names, new_modules = self._classify_from_imports(collector.import_froms)
        if self.context.full_module_name == self.new_module and (name_bindings or module_bindings):
            self.record_review(
                (name_bindings or module_bindings)[0][0], "new-module-file",
                f"{self.new_module} itself imports {self.old_full}: move this by hand",
            )
            return False
        self._new_local: Optional[str] = None
        self._plan_name_bindings(node, name_bindings, new_names)
        self._plan_module_bindings(module_bindings, new_modules)
        self._plan_plain_imports(collector.imports)
        self._plan_strings(collector.calls)
        return True

    def _scope(self, node: cst.CSTNode) -> Optional[Scope]:
        return self.get_metadata(ScopeProvider, node, None)

    def _assignment(self, node: cst.CSTNode, local: str) -> Optional[ImportAssignment]:
        return self._imports_by_node.get((id(node), local))

    def _taken(self, name: str) -> bool:
        if name in self._unbound_reads:
            return True
        return any(a.name == name and a not in self._taken_exempt for a in self._assignments)

    def _statement_line(self, node: cst.CSTNode) -> cst.CSTNode:
        while not isinstance(node, cst.SimpleStatementLine):
            node = self.get_metadata(ParentNodeProvider, node)
        return node

    def _insert(self, anchor: cst.CSTNode, code: str) -> None:
        line = self._statement_line(anchor)
        pending = self._insert_after.setdefault(line, [])
        if code not in pending:
            pending.append(code)

    def _classify_from_imports(self, import_froms: Sequence[cst.ImportFrom]) -> Tuple[list, list, list, list]:
        name_bindings, module_bindings, new_names, new_modules = [], [], [], []
        for node in import_froms:
            absolute = get_absolute_module_from_package_for_import(self.context.full_package_name, node)
            if absolute is None:
                continue
            if isinstance(node.names, cst.ImportStar):
                if absolute == self.old_module:
                    self.record_review(
                        node, "star-import",
                        f"'{self.old_obj}' may arrive through 'from {absolute} import *'; it now lives in "
                        f"{self.new_full}: import it explicitly if this module uses it",
                    )
                continue
            for alias in node.names:
                name = get_full_name_for_node(alias.name) or ""
                local = alias.evaluated_alias or name
                binding = (node, alias, local, self._assignment(node, local))
                if binding[3] is None:
                    continue
                if absolute == self.old_module and name == self.old_obj:
                    name_bindings.append(binding)
                elif f"{absolute}.{name}" == self.old_module:
                    module_bindings.append(binding)
                if absolute == self.new_module and name == self.new_obj:
                    new_names.append(binding)
                    self._taken_exempt.add(binding[3])
                elif f"{absolute}.{name}" == self.new_module:
                    new_modules.append(binding)
        return name_bindings, module_bindings, new_names, new_modules

    def _unexempt_later_local_imports(self, usable: list, new_names: list) -> None:
        # A function that imports the new name itself makes that name local to the whole function: a use of the old
        # name above that import, renamed to the new name, would raise UnboundLocalError. Such an import counts as a
        # collision, so the renamed uses take an alias bound at module level.
        for new_node, _, _, new_assignment in new_names:
            scope = new_assignment.scope
            if scope is None or scope is scope.globals:
                continue
            line = self.get_metadata(PositionProvider, new_node).start.line
            for _, _, _, old_assignment in usable:
                if any(access.scope is scope and self.get_metadata(PositionProvider, access.node).start.line < line
                       for access in old_assignment.references):
                    self._taken_exempt.discard(new_assignment)

    def _visible(self, bindings: list, scope: Optional[Scope]) -> Optional[str]:
        """Local name of an existing import of the target that code in ``scope`` can see."""
        for _, _, local, assignment in bindings:
            if scope is not None and assignment.scope in (scope, scope.globals):
                return local
        return None

    def _from_import_code(self, module: str, name: str, local: str) -> str:
        alias = f" as {local}" if local != name else ""
        if module:
            return f"from {module} import {name}{alias}"
        return f"import {name}{alias}"

    def _replace_from_import(self, node: cst.ImportFrom, module: str, name: str, local: str, keep_idiom: bool) -> None:
        alias = node.names[0]  # type: ignore[index]
        asname = cst.AsName(name=cst.Name(local)) if local != name or keep_idiom else None
        if module:
            new_alias = alias.with_changes(name=cst.Name(name), asname=asname)
            self._replace_import[node] = node.with_changes(
                module=cst.parse_expression(module), relative=(), names=[new_alias]
            )
        else:
            self._replace_import[node] = cst.Import(
                names=[cst.ImportAlias(name=cst.Name(name), asname=asname)],
                semicolon=node.semicolon,
            )

    def _plan_name_bindings(self, module: cst.Module, bindings: list, new_names: list) -> None:
        own = {b[3] for b in bindings} | {b[3] for b in new_names}
        usable = []
        for binding in bindings:
            node, alias, local, assignment = binding
            foreign = {r for access in assignment.references for r in access.referents if r not in own}
            foreign.update(a for a in assignment.scope.assignments[local] if a not in own)
            if foreign:
                self.record_review(
                    alias, "ambiguous-binding",
                    f"'{local}' may also come from another binding here (fallback import?): redirect it by hand",
                )
                continue
            usable.append(binding)
            if not alias.asname:
                self._taken_exempt.add(assignment)
        self._unexempt_later_local_imports(usable, new_names)
        renamed_globals: Dict[str, str] = {}
        for node, alias, local, assignment in usable:
            explicit = alias.asname is not None
            reused = None if explicit else self._visible(new_names, assignment.scope)
            if explicit:
                new_local = local if local != self.old_obj else self.new_obj
            elif reused is not None:
                new_local = reused
            else:
                if self._new_local is None:
                    self._new_local = (
                        self.new_obj if not self._taken(self.new_obj) else _fresh_alias(self.new_obj, self._taken)
                    )
                new_local = self._new_local
            keep_idiom = explicit and local == self.old_obj
            if reused is not None:
                self._drop(node, alias)
                self.record_change(alias, "import-from", f"{self.old_full} -> existing import of {self.new_full}")
            elif len(node.names) == 1:  # type: ignore[arg-type]
                self._replace_from_import(node, self.new_module, self.new_obj, new_local, keep_idiom)
                self.record_change(alias, "import-from", f"from {self.old_module} -> from {self.new_module}")
            else:
                code = self._from_import_code(self.new_module, self.new_obj, new_local)
                if keep_idiom:
                    code = f"from {self.new_module} import {self.new_obj} as {self.new_obj}"
                self._insert(node, code)
                self._drop(node, alias)
                self.record_change(alias, "import-from", f"{self.old_full} -> {self.new_full}")
            if new_local != local:
                if assignment.scope is self._global_scope(module):
                    renamed_globals[local] = new_local
                    if not assignment.references:
                        self._public_reviewed.add(local)
                        self.record_review(
                            alias, "public-name-renamed",
                            f"'{local}' is imported here only to be re-exported; importers of it from this module "
                            f"must now use '{new_local}'",
                        )
                for access in assignment.references:
                    self._rename_access(access.node, {local: new_local})
        self._plan_all(module, renamed_globals)

    def _drop(self, node: cst.ImportFrom, alias: cst.ImportAlias) -> None:
        # Dropped by hand rather than through RemoveImportsVisitor: when the old and new local names are equal, the
        # new import makes every use look like a use of the old one too, and the visitor would keep it.
        self._dropped.setdefault(node, []).append(alias)

    def _absolute(self, node: cst.ImportFrom) -> str:
        return get_absolute_module_from_package_for_import(self.context.full_package_name, node) or ""

    def _global_scope(self, module: cst.Module) -> Optional[Scope]:
        return self.get_metadata(ScopeProvider, module, None)

    def _rename_access(self, target: cst.CSTNode, renames: Dict[str, str]) -> bool:
        if isinstance(target, cst.Name):
            new = renames.get(target.value)
            if new is None:
                return False
            self._rename_name[target] = new
            self.record_change(target, "name-reference", f"{target.value} -> {new}")
            return True
        if isinstance(target, cst.BaseString):
            replaced = _renamed_annotation(target, renames) if isinstance(target, cst.SimpleString) else None
            if replaced is None:
                self.record_review(target, "string-annotation-left",
                                   f"this string annotation still names {', '.join(renames)}: rewrite it by hand")
                return False
            self._replace_string[target] = replaced
            self.record_change(target, "string-annotation", f"{target.value} -> {replaced.value}")
            return True
        return False

    def _plan_all(self, module: cst.Module, renamed: Dict[str, str]) -> None:
        if not renamed:
            return
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == "__all__" for t in small.targets):
                    value: Optional[cst.BaseExpression] = small.value
                elif isinstance(small, (cst.AugAssign, cst.AnnAssign)) and isinstance(small.target, cst.Name) \
                        and small.target.value == "__all__":
                    value = small.value
                else:
                    continue
                if not isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                    continue
                for element in value.elements:
                    string = element.value
                    if isinstance(string, cst.SimpleString) and _plain_text(string) in renamed:
                        old = _plain_text(string) or ""
                        self._replace_string[string] = _with_text(string, renamed[old])
                        self.record_change(string, "all-entry", f"__all__: {old} -> {renamed[old]}")
                        if old in self._public_reviewed:
                            continue
                        self._public_reviewed.add(old)
                        self.record_review(
                            string, "public-name-renamed",
                            f"this module no longer exports '{old}' (now '{renamed[old]}'): update its importers",
                        )

    def _module_target(self, access_node: cst.CSTNode) -> Optional[cst.Attribute]:
        """The ``local.OldName`` attribute an access of a module binding is part of, if it is one."""
        if isinstance(access_node, cst.Name):
            parent = self.get_metadata(ParentNodeProvider, access_node, None)
            if isinstance(parent, cst.Attribute) and parent.value is access_node and parent.attr.value == self.old_obj:
                return parent
        return None

    def _plan_module_bindings(self, bindings: list, new_modules: list) -> None:
        new_parent, new_last = _split(self.new_module)
        for node, alias, local, assignment in bindings:
            targets: List[cst.CSTNode] = []
            others = 0
            for access in assignment.references:
                if self._module_target(access.node) is not None:
                    targets.append(access.node)
                elif isinstance(access.node, cst.SimpleString) and _renamed_annotation(
                        access.node, {f"{local}.{self.old_obj}": "x"}) is not None:
                    targets.append(access.node)
                else:
                    others += 1
            if not targets:
                continue
            reused = self._visible(new_modules, assignment.scope)
            if reused is not None:
                new_local = reused
            else:
                if not others:
                    self._taken_exempt.add(assignment)
                new_local = new_last if not self._taken(new_last) else _fresh_alias(new_last, self._taken)
                if not others:
                    self._taken_exempt.discard(assignment)
            if reused is None and not others and len(node.names) == 1:  # type: ignore[arg-type]
                self._replace_from_import(node, new_parent, new_last, new_local, False)
            elif reused is None:
                self._insert(node, self._from_import_code(new_parent, new_last, new_local))
            if not others and not (reused is None and len(node.names) == 1):  # type: ignore[arg-type]
                self._drop(node, alias)
            self.record_change(alias, "module-import", f"{self.old_module} -> {self.new_module}")
            for target in targets:
                if isinstance(target, cst.Name):
                    attribute = self._module_target(target)
                    assert attribute is not None
                    self._replace_attribute[attribute] = new_local
                    self.record_change(
                        attribute, "module-attribute", f"{local}.{self.old_obj} -> {new_local}.{self.new_obj}"
                    )
                else:
                    self._rename_access(target, {f"{local}.{self.old_obj}": f"{new_local}.{self.new_obj}"})

    def _target_attribute(self, access_node: cst.CSTNode) -> Optional[cst.Attribute]:
        """The enclosing attribute whose qualified name is the old full name, for an access through ``import``."""
        node = access_node
        while True:
            parent = self.get_metadata(ParentNodeProvider, node, None)
            if not isinstance(parent, cst.Attribute) or parent.value is not node:
                return None
            if QualifiedNameProvider.has_name(self, parent, self.old_full):
                return parent
            node = parent

    def _plan_plain_imports(self, imports: Sequence[cst.Import]) -> None:
        existing_new = [i for i in imports if any(get_full_name_for_node(a.name) == self.new_module and not a.asname
                                                  for a in i.names)]
        for node in imports:
            new_names = list(node.names)
            changed = False
            for index, alias in enumerate(node.names):
                full = get_full_name_for_node(alias.name) or ""
                if not (self.old_module == full or self.old_module.startswith(full + ".")):
                    continue
                local = alias.evaluated_alias or full
                assignment = self._assignment(node, local)
                if assignment is None:
                    continue
                targets, others = [], 0
                for access in assignment.references:
                    attribute = self._target_attribute(access.node)
                    if attribute is not None:
                        targets.append(attribute)
                    elif isinstance(access.node, cst.SimpleString) and _renamed_annotation(
                            access.node, {f"{local}.{self.old_obj}": self.new_full}) is not None:
                        targets.append(access.node)
                    else:
                        others += 1
                if not targets:
                    continue
                self._asname_imports.add(node)
                scope = self._scope(node)
                has_new = any(self._scope(i) is scope or (scope is not None and self._scope(i) is scope.globals)
                              for i in existing_new)
                in_place = full == self.old_module and not others and not has_new
                if in_place:
                    new_names[index] = alias.with_changes(name=cst.parse_expression(self.new_module), asname=None)
                    changed = True
                else:
                    if not has_new:
                        self._insert(node, f"import {self.new_module}")
                    if not others:
                        self._removals.append((full, None, alias.evaluated_alias))
                self.record_change(alias, "module-import", f"import {full} -> import {self.new_module}" if in_place
                                   else f"import {self.new_module} added beside import {full}")
                for target in targets:
                    if isinstance(target, cst.Attribute):
                        self._delegated_attributes.add(target)
                        spelled = self.module.code_for_node(target)
                        self.record_change(target, "module-attribute", f"{spelled} -> {self.new_full}")
                    else:
                        self._rename_access(target, {f"{local}.{self.old_obj}": self.new_full})
            if changed:
                self._replace_import[node] = node.with_changes(names=new_names)

    def _rewritten_target(self, node: Optional[cst.BaseExpression]) -> Optional[cst.SimpleString]:
        if not isinstance(node, cst.SimpleString):
            return None
        text = _plain_text(node)
        if text is None:
            return None
        if text == self.old_full or text.startswith(self.old_full + "."):
            return _with_text(node, self.new_full + text[len(self.old_full):])
        return None

    def _plan_strings(self, calls: Sequence[cst.Call]) -> None:
        for call in calls:
            function = get_full_name_for_node(call.func) or ""
            last = function.rpartition(".")[2]
            if last == "patch" or last == "import_module":
                target = _argument(call, 0, "target" if last == "patch" else "name")
                replaced = self._rewritten_target(target)
                if replaced is not None and isinstance(target, cst.SimpleString):
                    self._replace_string[target] = replaced
                    self.record_change(target, "string-target", f"{target.value} -> {replaced.value}")
            elif function == "getattr":
                self._plan_getattr(call)
            elif function.endswith("patch.object"):
                owner, attribute = _argument(call, 0, "target"), _argument(call, 1, "attribute")
                if isinstance(attribute, cst.SimpleString) and _plain_text(attribute) == self.old_obj \
                        and owner is not None and QualifiedNameProvider.has_name(self, owner, self.old_module):
                    self.record_review(
                        call, "patch-object-target",
                        f"patch.object({self.old_module}, '{self.old_obj}'): patch {self.new_full} instead",
                    )

    def _plan_getattr(self, call: cst.Call) -> None:
        owner, attribute = _argument(call, 0, "object"), _argument(call, 1, "name")
        if not (isinstance(owner, cst.Call) and isinstance(attribute, cst.SimpleString)):
            return
        if (get_full_name_for_node(owner.func) or "").rpartition(".")[2] != "import_module":
            return
        module = _argument(owner, 0, "name")
        if isinstance(module, cst.SimpleString) and _plain_text(module) == self.old_module \
                and _plain_text(attribute) == self.old_obj:
            self._replace_string[module] = _with_text(module, self.new_module)
            self._replace_string[attribute] = _with_text(attribute, self.new_obj)
            self.record_change(call, "string-target", f"getattr(import_module('{self.old_module}'), "
                                                      f"'{self.old_obj}') -> {self.new_full}")

    # ------------------------------------------------------------------ rewriting

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> Union[cst.BaseSmallStatement, cst.RemovalSentinel]:
        dropped = self._dropped.get(original_node)
        if dropped and isinstance(updated_node.names, Sequence):
            kept = [a for a in updated_node.names if not any(a.deep_equals(d) for d in dropped)]
            if not kept:
                return cst.RemoveFromParent()
            if updated_node.names[-1] is not kept[-1]:
                kept[-1] = kept[-1].with_changes(comma=updated_node.names[-1].comma)
            return updated_node.with_changes(names=kept)
        return self._replace_import.get(original_node, updated_node)  # type: ignore[return-value]

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        if original_node in self._asname_imports:
            # RenameCommand.leave_Attribute reads the alias (``om`` in ``import old.module as om``) from here
            self.record_asname(original_node)
        return self._replace_import.get(original_node, updated_node)  # type: ignore[return-value]

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> Union[cst.SimpleStatementLine, cst.FlattenSentinel[cst.SimpleStatementLine]]:
        extra = self._insert_after.get(original_node)
        if not extra:
            return updated_node
        end = self.get_metadata(PositionProvider, original_node).end.line
        self.inserted_after.extend([end] * len(extra))
        return cst.FlattenSentinel([updated_node, *(cst.parse_statement(code + "\n") for code in extra)])

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        new = self._rename_name.get(original_node)
        return updated_node.with_changes(value=new) if new else updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> Union[cst.Name, cst.Attribute]:
        local = self._replace_attribute.get(original_node)
        if local is not None:
            return updated_node.with_changes(value=cst.Name(local), attr=cst.Name(self.new_obj))
        if original_node in self._delegated_attributes:
            return super().leave_Attribute(original_node, updated_node)
        return updated_node

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        return self._replace_string.get(original_node, updated_node)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for module, obj, asname in self._removals:
            RemoveImportsVisitor.remove_unused_import(self.context, module, obj, asname)
        return updated_node


def _before_insertions(line: int, inserted_after: List[int]) -> int:
    """Map a line of a step's output back to its input, given the input lines each inserted line followed."""
    shift = 0
    for after in sorted(inserted_after):
        position = after + shift + 1
        if position < line:
            shift += 1
        elif position == line:
            return after
        else:
            break
    return line - shift


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
            marks = {key: len(self.context.scratch.get(key, [])) for key in (CHANGES, REVIEWS)}
            step = _RedirectStep(self.context, old, new)
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
