"""The forms of environment access: the one table read by the env-to-isolated codemod and by ``codemod scan``.

The codemod classifies ``os.environ`` / ``os.getenv`` references on LibCST trees and rewrites the rewritable forms; the
scan classifies the same references on ``ast`` trees to predict that run. Both name a site by its form from ``FORMS``
(whether it is rewritten, the message of its change or review item, and which code has it) and decide the forms of
calls, attributes and removals with the functions below, so the two cannot disagree on what is rewritten. The
integration test ``EnvFormParityTests`` runs both over every env-to-isolated golden input.

Messages are formatted with ``acc`` (the accessor's name) and the details a site carries (``attr``, ``method``,
``what``).
"""

from __future__ import annotations

from typing import Callable, Dict, FrozenSet, NamedTuple, Optional, Tuple

# What env-to-isolated writes by default (the scan predicts a run with the defaults).
DEFAULT_MODULE = "shared.isolated_environment"
DEFAULT_ACCESSOR = "get_env"

ENVIRON, GETENV = "environ", "getenv"
REF_ATTRS = frozenset({ENVIRON, GETENV})
# Whole words only: a codebase importing shared.isolated_environment everywhere must not pay for the walk.
ENV_WORDS = r"\b(?:environ|getenv)\b"
# Methods of os.environ whose call is classified as a whole (rewritten or reviewed) where the call is seen.
CALLED_METHODS = frozenset({"get", "copy", "pop", "update"})
# Of those, the ones rewritten only as a statement (their value is not used).
STATEMENT_METHODS = frozenset({"pop", "update"})
# Read-only views: each is its own form with one shared message.
VIEW_METHODS = frozenset({"items", "keys", "values"})
# Other attributes with a form of their own; every remaining attribute is ``environ-method``.
NAMED_ATTRIBUTES = VIEW_METHODS | {"setdefault", "clear"}
# ``except`` clauses that swallow the KeyError of ``del os.environ[k]`` / ``os.environ.pop(k)``.
KEY_ERRORS = frozenset({"KeyError", "LookupError", "Exception", "BaseException"})


class Form(NamedTuple):
    rewritable: bool
    message: str  # the change message when rewritable, else the review message
    code: str  # which code has this form


_VIEW = ("os.environ.{attr}() reads the process environment directly, bypassing {acc}(): use {acc}().get_all().{attr}()")
_SUBSCRIPT_STORE = (
    "os.environ[...] in this {what} is not rewritten (several targets, unpacking or a slice): split it into one "
    "{acc}().set(k, v, source) / {acc}().delete(k) call per variable"
)

FORMS: Dict[str, Form] = {
    # ---- rewritten
    "environ-get": Form(True, "os.environ.get(...) -> {acc}().get(...)", "os.environ.get(...)"),
    "getenv": Form(True, "os.getenv(...) -> {acc}().get(...)", "os.getenv(...)"),
    "environ-set": Form(True, "os.environ[k] = v -> {acc}().set(k, v, source)",
                        "os.environ[k] = v, one target, one index (the statement)"),
    "environ-delete": Form(True, "del os.environ[k] -> {acc}().delete(k)",
                           "del os.environ[k] where k is certainly set (see removal_is_safe; the statement)"),
    "environ-contains": Form(True, "k in os.environ -> {acc}().exists(k)", "k in os.environ (the comparison)"),
    "environ-not-contains": Form(True, "k not in os.environ -> not {acc}().exists(k)",
                                 "k not in os.environ (the comparison)"),
    "environ-copy": Form(True, "os.environ.copy() / dict(os.environ) -> {acc}().get_all()",
                         "os.environ.copy() without arguments, dict(os.environ) with no other argument"),
    "environ-update": Form(True, "os.environ.update(m) -> {acc}().update(m, source)",
                           "a statement os.environ.update(m), m a dict display, comprehension or dict(...) call"),
    "environ-pop-statement": Form(True, "os.environ.pop(k[, d]) -> {acc}().delete(k)",
                                  "a statement os.environ.pop(k, d), or pop(k) where k is certainly set"),
    # ---- reviewed
    "environ-subscript-read": Form(False, "os.environ[k] raises KeyError when the variable is unset; {acc}().get(k) "
                                   "returns None: use {acc}().get(k) with a default or an explicit check, keeping the "
                                   "error if callers rely on it", "os.environ[k] read"),
    "environ-pop-value": Form(False, "os.environ.pop(k) returns the removed value (and raises KeyError without a "
                              "default); {acc}().delete(k) returns nothing: read it with {acc}().get(k) first, then "
                              "call {acc}().delete(k)", "os.environ.pop(...) whose value is used"),
    "environ-update-value": Form(False, "os.environ.update(...) inside an expression is not rewritten: make it a "
                                 "statement, {acc}().update(mapping, source)", "os.environ.update(...) in an expression"),
    "environ-call-arguments": Form(False, "os.environ.{method}(...) is rewritten only with one positional key (pop) "
                                   "or one positional mapping (update): rewrite this call by hand with "
                                   "{acc}().delete(k) / {acc}().update(mapping, source)",
                                   "a statement pop/update with other arguments"),
    "environ-setdefault": Form(False, "os.environ.setdefault(k, v) sets only when unset and returns the value; "
                               "{acc}() has no setdefault: write `if not {acc}().exists(k): {acc}().set(k, v, source)` "
                               "and read with {acc}().get(k)", "os.environ.setdefault"),
    "environ-items": Form(False, _VIEW, "os.environ.items"),
    "environ-keys": Form(False, _VIEW, "os.environ.keys"),
    "environ-values": Form(False, _VIEW, "os.environ.values"),
    "environ-clear": Form(False, "os.environ.clear() wipes the whole process environment behind {acc}()'s back: "
                          "delete the variables that must go with {acc}().delete(k), or use a test fixture that "
                          "restores the environment", "os.environ.clear"),
    "environ-method": Form(False, "os.environ.{attr} is used directly and has no automatic {acc}() rewrite: review "
                           "it by hand", "any other attribute of os.environ (named in the site's detail)"),
    "environ-iteration": Form(False, "iterating os.environ reads the process environment directly, bypassing "
                              "{acc}(): iterate {acc}().get_all() instead", "for / comprehension over os.environ"),
    "environ-augmented-assignment": Form(False, "os.environ[k] op= v reads (KeyError when unset) and writes in one "
                                         "step: decide what an unset variable means, then write {acc}().set(k, <new "
                                         "value>, source)", "os.environ[k] op= v"),
    "environ-subscript-write": Form(False, _SUBSCRIPT_STORE, "os.environ[...] stored inside unpacking, several "
                                    "targets, an annotated assignment or with a slice"),
    "environ-subscript-delete": Form(False, _SUBSCRIPT_STORE, "del of os.environ[...] with several targets or a slice"),
    "environ-as-value": Form(False, "os.environ is passed, stored or compared as a value: whoever receives it reads "
                             "or mutates the real process environment behind {acc}()'s back: pass {acc}().get_all() "
                             "when a snapshot is enough, or keep it deliberately",
                             "os.environ in any other place; dict(os.environ, ...) with more arguments"),
    "getenv-as-value": Form(False, "os.getenv is passed as a value: whoever calls it reads the process environment "
                            "directly: pass {acc}().get instead if the receiver accepts a bound method",
                            "os.getenv not called"),
    "environ-update-argument": Form(False, "os.environ.update(x) also accepts key/value pairs (a list of tuples, "
                                    "zip(...)); {acc}().update(x, source) needs a mapping (it calls x.items()), and x "
                                    "is not a dict display or dict(...) here: write {acc}().update(dict(x), source) "
                                    "once x is known to be pairs or a mapping",
                                    "a statement os.environ.update(x), x not a mapping display"),
    "environ-delete-may-raise": Form(False, "del os.environ[k] raises KeyError when the variable is unset; "
                                     "{acc}().delete(k) never raises: guard it with `if {acc}().exists(k):` if an "
                                     "unset variable is fine, or keep the error deliberately",
                                     "del os.environ[k] where k may be unset"),
    "environ-pop-may-raise": Form(False, "os.environ.pop(k) without a default raises KeyError when the variable is "
                                  "unset; {acc}().delete(k) never raises: guard it with `if {acc}().exists(k):` if an "
                                  "unset variable is fine (or pass a default), or keep the error deliberately",
                                  "a statement os.environ.pop(k) where k may be unset"),
    "patch-dict-environ": Form(False, "patch.dict(os.environ, ...) patches the process environment, not the isolated "
                               "environment the code now reads: the env-in-tests codemod migrates it to the test "
                               "framework's environment fixtures; run it or migrate by hand",
                               "patch.dict(os.environ | 'os.environ', ...)"),
}

# A second message for a form, chosen where the site is seen.
VARIANT_MESSAGES: Dict[str, str] = {
    "dict-of-environ": "dict(os.environ, ...) copies the process environment directly, bypassing {acc}(): build it "
    "from {acc}().get_all() instead, e.g. {{**{acc}().get_all(), ...}}",
}

REWRITABLE_FORMS: FrozenSet[str] = frozenset(name for name, form in FORMS.items() if form.rewritable)


def message(form: str, accessor: str, variant: Optional[str] = None, **details: str) -> str:
    """The change or review message of ``form`` (or of its ``variant``) for ``accessor``."""
    template = VARIANT_MESSAGES[variant] if variant else FORMS[form].message
    return template.format(acc=accessor, **details)


def attribute_form(attr: str) -> Tuple[str, Optional[str]]:
    """(form, detail) of ``os.environ.<attr>`` not classified as a whole call."""
    return ("environ-" + attr, None) if attr in NAMED_ATTRIBUTES else ("environ-method", attr)


def method_call_form(
    method: str, statement: bool, count: int, first_positional: bool, safe: bool, mapping: Callable[[], bool]
) -> Optional[str]:
    """The form of ``os.environ.<method>(...)`` for a method in ``CALLED_METHODS``; None leaves it to the attribute.

    ``statement``: the call is an expression statement; ``count``: its arguments (positional, starred and keyword);
    ``first_positional``: the first argument is a plain positional one; ``safe``: the removal cannot raise KeyError
    where it stands (see the module docstring of env_to_isolated); ``mapping``: the sole argument is a mapping display.
    """
    if method == "get":
        return "environ-get"
    if method == "copy":
        return None if count else "environ-copy"
    if not statement:
        return f"environ-{method}-value"
    if method == "pop" and first_positional and count <= 2:
        return "environ-pop-statement" if count == 2 or safe else "environ-pop-may-raise"
    if method == "update" and first_positional and count == 1:
        return "environ-update" if mapping() else "environ-update-argument"
    return "environ-call-arguments"


def dict_call_form(count: int) -> str:
    """The form of ``dict(os.environ, ...)`` with ``count`` arguments in all."""
    return "environ-copy" if count == 1 else "environ-as-value"


def delete_form(safe: bool) -> str:
    """The form of ``del os.environ[k]`` (one target, one index)."""
    return "environ-delete" if safe else "environ-delete-may-raise"


def contains_form(negated: bool) -> str:
    return "environ-not-contains" if negated else "environ-contains"


def value_form(ref: str) -> str:
    """The form of ``os.environ`` / ``os.getenv`` used as a plain value."""
    return f"{ref}-as-value"


__all__ = [
    "DEFAULT_MODULE", "DEFAULT_ACCESSOR", "ENVIRON", "GETENV", "REF_ATTRS", "ENV_WORDS", "CALLED_METHODS", "STATEMENT_METHODS", "VIEW_METHODS", "KEY_ERRORS",
    "Form", "FORMS", "VARIANT_MESSAGES", "REWRITABLE_FORMS", "message", "attribute_form", "method_call_form",
    "dict_call_form", "delete_form", "contains_form", "value_form",
]
