"""singleton-to-factory ``shim=true``: the accessor's definition becomes a deprecated wrapper around the factory.

In the module that defines the singleton (and only there), the ``get_x()`` function or the ``X.get_instance()`` /
``X.instance()`` method named by ``singleton`` keeps its signature, decorators and docstring; its body becomes::

    warnings.warn(
        "pkg.mod.get_x() is deprecated; use pkg.f.XFactory.create(<request context>) instead (removal after 2027-03-31)",
        DeprecationWarning,
        stacklevel=2,
    )
    from pkg.f import XFactory

    return XFactory.create(_PROCESS_CONTEXT)

The factory is imported inside the wrapper (the factory's module usually imports this one: no import cycle), and not
at all when it lives in this module. ``_PROCESS_CONTEXT`` is the process-wide context: a module-level
``_PROCESS_CONTEXT = None`` written before the definition (kept when the module already binds the name), which a
service may set at start-up; ``None`` tells the factory there is no request. The deprecation is recorded in the
``__codemod_deprecated__`` marker (``_shims``): key ``get_x`` or ``X.get_instance``, ``canonical`` the factory,
``sunset`` the date, so ``scan`` reports it as ``expired-shim`` once the date has passed and remove-expired-shim
deletes it. A ``functools.lru_cache`` / ``functools.cache`` decorator is dropped (the wrapper warns on every call).
Change kind ``accessor-deprecated``; a breaking-change entry is recorded (each call now builds a new
instance, where the singleton handed out one shared object).

Review items, nothing changed: a module-level instance (``singleton-shim-not-wrappable``: an instance cannot warn
on use); no such definition at module level or directly in the class (``singleton-definition-not-found``); a marker
that is not a dict literal of the contract (``marker-unreadable``); ``warnings`` bound to something else
(``name-conflict``). A marker entry already naming the accessor means it is done: nothing changes.
"""

from __future__ import annotations

from typing import List, Optional, Union

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import ImportAssignment, ScopeProvider

from _shim_marker import find_marker, is_docstring, marker_statement, read_marker
from _shims import MARKER
from _singleton import CACHE_DECORATORS

PROCESS_CONTEXT = "_PROCESS_CONTEXT"

_PROCESS_CONTEXT_COMMENT = (
    "# The process-wide context the deprecated accessors pass to their factory (None: no request). Set it at start-up",
    "# when the factory needs one; code serving a request passes that request's context to the factory instead.",
)


def _process_context_statement() -> cst.BaseStatement:
    statement = cst.parse_statement(f"{PROCESS_CONTEXT} = None\n")
    comments = [cst.EmptyLine(comment=cst.Comment(text)) for text in _PROCESS_CONTEXT_COMMENT]
    return statement.with_changes(leading_lines=[cst.EmptyLine(), *comments])


def _wrapper_body(message: str, import_line: Optional[str], call: str) -> List[cst.BaseStatement]:
    code = (f"warnings.warn(\n    {message},\n    DeprecationWarning,\n    stacklevel=2,\n)\n"
            + (f"{import_line}\n" if import_line else "")
            + f"return {call}({PROCESS_CONTEXT})\n")
    statements = list(cst.parse_module(code).body)
    if import_line:  # a blank line (without indentation) before the return
        statements[-1] = statements[-1].with_changes(leading_lines=[cst.EmptyLine(indent=False)])
    return statements


def _is_cache(decorator: cst.Decorator) -> bool:
    node = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
    name = cst.helpers.get_full_name_for_node(node) or ""
    return name.rpartition(".")[2] in CACHE_DECORATORS


class AccessorShimMixin:
    """Needs the command's ``singleton``, ``kind``, ``singleton_module``, ``name``, ``owner``, ``factory*`` fields and
    ``sunset``; ``shim_module`` is called from ``leave_Module`` of the defining module."""

    def shim_module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        key = f"{self.owner}.{self.name}" if self.owner else self.name  # type: ignore[attr-defined]
        if self.kind == "module-instance":  # type: ignore[attr-defined]
            site = self._module_binding(updated, self.name) or updated  # type: ignore[attr-defined]
            self.record_review(site, "singleton-shim-not-wrappable",  # type: ignore[attr-defined]
                               f"shim=true cannot wrap the instance {self.name}: an instance cannot warn when it is "
                               f"used; replace its uses with the factory, then delete it by hand")
            return updated
        marker = find_marker(updated)
        entries = read_marker(marker[1].value) if marker is not None else {}
        if entries is None:
            self.record_review(marker[0], "marker-unreadable",  # type: ignore[index, attr-defined]
                               f"{MARKER} is not a dict literal of {{name: {{key: str}}}}: fix it by hand")
            return updated
        if key in entries:
            return updated
        holder, function = self._definition(updated)
        if function is None:
            self.record_review(updated, "singleton-definition-not-found",  # type: ignore[attr-defined]
                               f"no definition of {key} at module level in {self.singleton_module}: "  # type: ignore[attr-defined]
                               f"write its deprecated wrapper by hand")
            return updated
        scope = self.get_metadata(ScopeProvider, original, None)  # type: ignore[attr-defined]
        if scope is not None and any(not isinstance(a, ImportAssignment) for a in scope.assignments["warnings"]):
            self.record_review(function, "name-conflict",  # type: ignore[attr-defined]
                               "'warnings' is bound to something else here; the deprecated wrapper needs the module")
            return updated
        entries = dict(entries)
        entries[key] = {"canonical": self.factory, "sunset": self.sunset}  # type: ignore[attr-defined]
        new_marker = marker_statement(entries)
        needs_context = scope is None or not scope.assignments[PROCESS_CONTEXT]
        top = holder if holder is not None else function
        body: List[cst.BaseStatement] = []
        for statement in updated.body:
            if marker is not None and statement is marker[0]:
                body.append(new_marker.with_changes(leading_lines=statement.leading_lines))
                continue
            new: cst.BaseStatement = statement
            if statement is function:
                new = self._wrapped(function)
            elif statement is holder:
                new = self._with_method(holder, function)  # type: ignore[arg-type]
            if statement is top:
                added: List[cst.BaseStatement] = [] if marker is not None else [new_marker]
                if needs_context:
                    added.append(_process_context_statement())
                if added:
                    added[0] = added[0].with_changes(leading_lines=statement.leading_lines)
                    body.extend(added)
                    new = new.with_changes(leading_lines=[cst.EmptyLine()] * 2)
            body.append(new)
        AddImportsVisitor.add_needed_import(self.context, "warnings")  # type: ignore[attr-defined]
        self.record_change(function, "accessor-deprecated",  # type: ignore[attr-defined]
                           f"{key}() -> deprecated wrapper of {self.factory}({PROCESS_CONTEXT}) "  # type: ignore[attr-defined]
                           f"until {self.sunset}")  # type: ignore[attr-defined]
        self.record_breaking(  # type: ignore[attr-defined]
            what=f"{self.singleton}() is deprecated (removed after {self.sunset}): it now returns "  # type: ignore[attr-defined]
                 f"{self.factory}({PROCESS_CONTEXT}), a new instance per call instead of one shared object",
            migrate=f"{'.'.join(self.factory_path)}(<the request context>), imported from "  # type: ignore[attr-defined]
                    f"{self.factory_module}")  # type: ignore[attr-defined]
        return updated.with_changes(body=body)

    @staticmethod
    def _module_binding(module: cst.Module, name: str) -> Optional[cst.CSTNode]:
        for statement in module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, (cst.Assign, cst.AnnAssign)):
                        targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
                        if any(isinstance(t, cst.Name) and t.value == name for t in targets):
                            return statement
        return None

    def _definition(self, module: cst.Module) -> tuple:
        """(the class holding the method or None, the accessor's FunctionDef or None); the last definition wins."""
        owner: Optional[str] = self.owner  # type: ignore[attr-defined]
        holders: List[Union[cst.Module, cst.ClassDef]] = [module]
        if owner is not None:
            holders = [s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == owner]
            if not holders:
                return None, None
        holder = holders[-1]
        statements = holder.body if isinstance(holder, cst.Module) else holder.body.body
        functions = [s for s in statements if isinstance(s, cst.FunctionDef) and s.name.value == self.name]  # type: ignore[attr-defined]
        return (None if isinstance(holder, cst.Module) else holder), (functions[-1] if functions else None)

    def _wrapped(self, function: cst.FunctionDef) -> cst.FunctionDef:
        block = function.body
        statements = list(block.body) if isinstance(block, cst.IndentedBlock) else []
        kept = statements[:1] if statements and is_docstring(statements[0]) else []
        path = ".".join(self.factory_path)  # type: ignore[attr-defined]
        message = (f'"{self.singleton}() is deprecated; use"\n'  # type: ignore[attr-defined]
                   f'    " {self.factory}(<request context>) instead"\n'  # type: ignore[attr-defined]
                   f'    " (removal after {self.sunset})"')  # type: ignore[attr-defined]
        import_line = None
        if self.factory_module != self.singleton_module:  # type: ignore[attr-defined]
            import_line = f"from {self.factory_module} import {self.factory_binding}"  # type: ignore[attr-defined]
        new_body = kept + _wrapper_body(message, import_line, path)
        indented = block if isinstance(block, cst.IndentedBlock) else cst.IndentedBlock(body=[])
        # A cache would hand out its first result again and warn once: the wrapper warns and delegates on every call.
        decorators = [d for d in function.decorators if not _is_cache(d)]
        return function.with_changes(decorators=decorators, body=indented.with_changes(body=new_body))

    def _with_method(self, holder: cst.ClassDef, function: cst.FunctionDef) -> cst.ClassDef:
        statements = [self._wrapped(s) if s is function else s for s in holder.body.body]
        return holder.with_changes(body=holder.body.with_changes(body=statements))


__all__ = ["AccessorShimMixin", "PROCESS_CONTEXT"]
