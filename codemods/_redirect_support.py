"""redirect-imports' arguments (a pair or a mapping file) and the tree helpers its steps share."""

from __future__ import annotations

import argparse
import re
from typing import Any, Dict, Iterable, List, Optional, Tuple

import libcst as cst
from libcst.helpers import get_full_name_for_node


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
