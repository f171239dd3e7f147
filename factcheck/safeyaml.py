"""YAML read with bounded work: size cap, nesting cap, alias expansion cap, dates that cannot crash.

Front matter, ``sources.yaml`` and rule files are written by people and may be hostile. A
"billion laughs" document is a few hundred bytes whose aliases expand to billions of
nodes; libyaml's composer recurses once per nesting level and overflows the C stack on a
deeply nested document; an impossible date (``2024-02-30``) or a 5,000-digit integer
makes the safe constructor raise a plain ValueError. Here every document is first walked
as an event stream (flat, no recursion) to check its nesting, then composed, then its
expanded size is counted with aliases counted at every use, and only then constructed.
An impossible timestamp becomes a :class:`BadScalar`, so the caller can name its line.
"""

from __future__ import annotations

import yaml

from factcheck.limits import MAX_YAML_NODES

__all__ = ["YAMLLimitError", "BadScalar", "compose", "load", "MAX_DEPTH"]

MAX_DEPTH = 64
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLLimitError(Exception):
    """A YAML document refused before it is built: too big, too deep, too many nodes once aliases expand."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class BadScalar(str):
    """A scalar that looks like a date (or number) but is not one: its text, line and the reason."""

    line: int
    reason: str

    def __new__(cls, value: str, line: int, reason: str):
        obj = super().__new__(cls, value)
        obj.line, obj.reason = line, reason
        return obj


class Loader(_Base):
    """The safe loader, with constructors that never raise a bare ValueError."""


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as e:
        return BadScalar(node.value, node.start_mark.line + 1, str(e))


def _int(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except (ValueError, OverflowError) as e:  # more digits than int() converts
        return BadScalar(node.value, node.start_mark.line + 1, str(e))


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
Loader.add_constructor("tag:yaml.org,2002:int", _int)


def _check_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                m = event.start_mark
                raise YAMLLimitError(f"nested more than {MAX_DEPTH} levels deep", m.line + 1, m.column + 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _check_expansion(root, max_nodes: int) -> None:
    """Count the nodes the document expands to, an alias counted at every use; refuse past max_nodes."""
    size: dict[int, int] = {}
    active: set[int] = set()

    def count(node) -> int:  # depth is at most MAX_DEPTH here
        key = id(node)
        if key in size:
            return size[key]
        if key in active:
            m = node.start_mark
            raise YAMLLimitError("an alias refers to itself (a recursive structure)", m.line + 1, m.column + 1)
        active.add(key)
        n = 1
        if isinstance(node, yaml.SequenceNode):
            n += sum(count(x) for x in node.value)
        elif isinstance(node, yaml.MappingNode):
            n += sum(count(k) + count(v) for k, v in node.value)
        active.discard(key)
        size[key] = n
        if n > max_nodes:
            m = node.start_mark
            raise YAMLLimitError(f"expands to more than {max_nodes:,} values once its aliases are followed "
                                 "(an alias bomb?): refused", m.line + 1, m.column + 1)
        return n

    count(root)


def compose(text: str, max_bytes: int, max_nodes: int = MAX_YAML_NODES):
    """(loader, node) for one document, checked for size, depth and expansion. The caller disposes of the loader.

    Raises YAMLLimitError, or yaml.YAMLError for a syntax error.
    """
    if len(text) > max_bytes:
        raise YAMLLimitError(f"{len(text):,} characters of YAML, more than the {max_bytes:,} allowed: refused")
    _check_depth(text)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_expansion(node, max_nodes)
    except BaseException:
        loader.dispose()
        raise
    return loader, node


def load(text: str, max_bytes: int, max_nodes: int = MAX_YAML_NODES):
    """The Python data of one YAML document (see compose for what is refused)."""
    loader, node = compose(text, max_bytes, max_nodes)
    try:
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
