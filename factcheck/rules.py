"""Subject rules: which claims speak about the same thing, and how to compare them.

Rules are YAML data (the default pack ships as ``factcheck.rulepack``; users add
folders of their own). ``load_rules`` reads them with positions (yaml.compose
nodes), validates them with pydantic (unknown keys are errors), compiles every
pattern with re2 (linear time) and every ``when:`` condition with simpleeval
(never ``eval``), once. ``RuleSet.classify`` is then a cheap, pure function run
on every claim. The file format is described in docs/rules.md.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import re2
import simpleeval
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.model import CLAIM_FIELDS, Claim

__all__ = ["RuleError", "Rule", "RuleSet", "load_rules", "norm_place", "SCOPE_KEYS", "COMPARE_MODES"]

SCOPE_KEYS = ("noun", "place", "since", "predicate", "entity", "event", "unit", "attribution")
COMPARE_MODES = ("interval", "cumulative", "static", "start_date")
DIMENSIONS = ("count", "percentage", "currency", "duration", "date", "physical")
LEVELS = ("error", "warning", "info")
WHEN_FUNCTIONS = {"len": len, "abs": abs, "min": min, "max": max, "str": str, "int": int, "float": float,
                  "lower": lambda s: s.lower() if isinstance(s, str) else s,
                  "has_digit": lambda s: isinstance(s, str) and any(ch.isdigit() for ch in s)}  # "6.1", not "six"


class RuleError(Exception):
    """A rule file is malformed. ``str(e)`` is ``path:line:column: what was expected``."""

    def __init__(self, path: str, line: int, column: int, message: str, more: Sequence[RuleError] = ()):
        self.path, self.line, self.column, self.message = str(path), line, column, message
        self.errors = [self, *more]
        super().__init__(f"{self.path}:{line}:{column}: {message}")


# ---------------------------------------------------------------- YAML with positions
Pos = tuple[int, int]


def _mark(m) -> Pos:
    return (m.line + 1, m.column + 1)


def _load_yaml(text: str, path: str) -> tuple[Any, dict, dict]:
    """Python data plus two maps: key path -> position of the value, key path -> position of the key.

    Read through factcheck.safeyaml: a file over the size cap, nested too deep or whose
    aliases expand past the node cap is a RuleError before anything is built, so the
    alias-expanding walk below is bounded.
    """
    from factcheck.limits import MAX_RULE_FILE_BYTES
    from factcheck.safeyaml import YAMLLimitError, compose

    try:
        loader, node = compose(text, MAX_RULE_FILE_BYTES)
    except YAMLLimitError as e:
        raise RuleError(path, e.line, e.column, e.message) from None
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, path) from None
    except yaml.YAMLError as e:  # pragma: no cover - non-positional errors
        raise RuleError(path, 1, 1, f"YAML error: {e}") from None
    try:
        vpos: dict[tuple, Pos] = {}
        kpos: dict[tuple, Pos] = {}

        def build(n, p: tuple):
            vpos[p] = _mark(n.start_mark)
            if isinstance(n, yaml.MappingNode):
                loader.flatten_mapping(n)
                out = {}
                for kn, vn in n.value:
                    if not isinstance(kn, yaml.ScalarNode):
                        raise RuleError(path, *_mark(kn.start_mark), "a key must be a plain name")
                    key = loader.construct_object(kn)
                    if not isinstance(key, str):
                        key = str(key)
                    if key in out:
                        raise RuleError(path, *_mark(kn.start_mark), f"duplicate key '{key}'")
                    kpos[p + (key,)] = _mark(kn.start_mark)
                    out[key] = build(vn, p + (key,))
                return out
            if isinstance(n, yaml.SequenceNode):
                return [build(x, p + (i,)) for i, x in enumerate(n.value)]
            return loader.construct_object(n, deep=True)

        data = build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, path) from None
    except yaml.YAMLError as e:  # pragma: no cover - non-positional errors
        raise RuleError(path, 1, 1, f"YAML error: {e}") from None
    finally:
        loader.dispose()
    return data, vpos, kpos


def _syntax_error(e: yaml.MarkedYAMLError, path: str) -> RuleError:
    mark = e.problem_mark or e.context_mark
    line, col = _mark(mark) if mark else (1, 1)
    what = e.problem or e.context or "cannot parse"
    if e.context and e.context_mark and e.problem:
        what += f" ({e.context} at {e.context_mark.line + 1}:{e.context_mark.column + 1})"
    return RuleError(path, line, col, f"YAML syntax error: {what}")


# ---------------------------------------------------------------- pydantic models
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False


def _compile_re2(pattern: str):
    opts = re2.Options()
    opts.log_errors = False
    opts.case_sensitive = False
    try:
        return re2.compile(pattern, opts)
    except Exception as e:  # re2.error
        msg = e.args[0] if e.args else str(e)
        if isinstance(msg, bytes):
            msg = msg.decode("utf-8", "replace")
        raise ValueError(f"bad regular expression {pattern!r} (re2 syntax, no backreferences or lookaround): {msg}") from None


def _parse_when(expr: str):
    """Parse and check a ``when`` condition once; returns the parsed tree for simpleeval.

    Evaluation is bounded: the text is at most MAX_WHEN_CHARS long, and a power or a shift
    needs a small constant on the right, so no condition can build a huge number.
    """
    if len(expr) > MAX_WHEN_CHARS:
        raise ValueError(f"bad 'when' expression: {len(expr):,} characters, more than the {MAX_WHEN_CHARS} allowed")
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError as e:
        raise ValueError(f"bad 'when' expression {expr!r}: {e.msg} at character {e.offset or 0}") from None
    except (ValueError, RecursionError, MemoryError) as e:  # an integer literal too long, nesting too deep
        raise ValueError(f"bad 'when' expression {expr[:60]!r}: {e}") from None
    _check_when_cost(expr, tree)
    allowed = set(CLAIM_FIELDS) | {"True", "False", "None", "true", "false", "null"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in allowed and node.id not in WHEN_FUNCTIONS:
            raise ValueError(f"bad 'when' expression {expr!r}: unknown name '{node.id}' (use claim fields: "
                             f"{', '.join(CLAIM_FIELDS)})")
        if isinstance(node, (ast.Attribute, ast.Lambda, ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp,
                             ast.NamedExpr)):
            raise ValueError(f"bad 'when' expression {expr!r}: {type(node).__name__.lower()} is not allowed")
    ev = simpleeval.EvalWithCompoundTypes(functions=WHEN_FUNCTIONS,
                                          names={n: None for n in CLAIM_FIELDS} | {"true": True, "false": False, "null": None})
    try:
        parsed = ev.parse(expr.strip())
        ev.eval(expr.strip(), previously_parsed=parsed)  # simpleeval: a safe evaluator, not Python eval
    except simpleeval.InvalidExpression as e:
        raise ValueError(f"bad 'when' expression {expr!r}: {e}") from None
    except Exception:  # None fields in a trial run: fine, the syntax is what we check
        parsed = ev.parse(expr.strip())
    return parsed


MAX_WHEN_CHARS = 1_000
MAX_EXTENDS_DEPTH = 50
_MAX_EXPONENT = 64


def _check_when_cost(expr: str, tree: ast.AST) -> None:
    """Refuse a power or shift whose right side is not a small constant (4000000**4000000 takes minutes)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Pow, ast.LShift, ast.RShift)):
            right = node.right
            if isinstance(right, ast.UnaryOp) and isinstance(right.op, ast.USub):
                right = right.operand
            if not (isinstance(right, ast.Constant) and isinstance(right.value, (int, float))
                    and not isinstance(right.value, bool) and abs(right.value) <= _MAX_EXPONENT):
                raise ValueError(f"bad 'when' expression {expr[:60]!r}: a power or shift needs a constant "
                                 f"of at most {_MAX_EXPONENT} on its right")
            if any(isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Pow, ast.LShift)) for n in ast.walk(node.left)):
                raise ValueError(f"bad 'when' expression {expr[:60]!r}: a power of a power is not allowed")


class Tolerance(BaseModel):
    """Relative widening per bound (0.05 = 5 %); in years for start_date rules."""

    model_config = ConfigDict(extra="forbid")
    exact: float = 0.0
    approx: float = 0.0
    more_than: float = 0.0
    at_least: float = 0.0
    less_than: float = 0.0
    at_most: float = 0.0
    range: float = 0.0
    vague: float = 0.0

    @field_validator("*")
    @classmethod
    def _nonneg(cls, v):
        if v < 0:
            raise ValueError("a tolerance cannot be negative")
        return v


class RuleSpec(BaseModel):
    """One rule as written; every field optional so ``extends`` can fill the gaps."""

    model_config = ConfigDict(extra="forbid")
    id: str
    extends: str | None = None
    kind: str | None = None
    subject: str | None = None
    message: str | None = None
    level: Literal["error", "warning", "info"] | None = None
    priority: int | None = None
    # which claims
    dimension: list[Literal["count", "percentage", "currency", "duration", "date", "physical"]] | None = None
    units: list[str | None] | None = None
    nouns: list[str] | None = None
    noun_classes: dict[str, list[str]] | None = None
    unstated_noun: str | None = None
    demonyms: str | None = None
    predicates: list[str] | None = None
    patterns: list[str] | None = None
    match_in: Literal["context", "sentence"] | None = None
    exclude: list[str] | None = None
    events: list[str | None] | None = None
    when: str | None = None
    # how to compare
    compare: Literal["interval", "cumulative", "static", "start_date"] | None = None
    cumulative: bool | None = None
    tolerance: Tolerance | None = None
    rounding: bool | None = None
    scope: list[Literal["noun", "place", "since", "predicate", "entity", "event", "unit", "attribution"]] | None = None
    wildcard: list[Literal["noun", "place", "since", "predicate", "entity", "event", "unit", "attribution"]] | None = None
    require_entity: bool | None = None
    stale_days: int | None = None
    moves_after_days: int | None = None
    apart_by: float | None = Field(default=None, gt=0)

    @field_validator("id", "extends", "kind")
    @classmethod
    def _ident(cls, v):
        if v is not None and not re2.fullmatch(r"[A-Za-z0-9_.-]+", v):
            raise ValueError(f"{v!r} is not a valid id (letters, digits, '_', '-', '.')")
        return v

    @field_validator("patterns", "exclude")
    @classmethod
    def _regexes(cls, v):
        if v is not None:
            for i, p in enumerate(v):
                try:
                    _compile_re2(p)
                except ValueError as e:
                    raise _ItemError(i, str(e)) from None
        return v

    @field_validator("when")
    @classmethod
    def _when(cls, v):
        if v is not None:
            _parse_when(v)
        return v


class _ItemError(ValueError):
    """A validator error about item ``index`` of a list."""

    def __init__(self, index: int, msg: str):
        super().__init__(msg)
        self.index = index


class FileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: list[dict[str, Any]] = []
    aliases: dict[str, list[str]] = {}
    demonyms: list[str] = []
    settings: Settings | None = None


class Settings(BaseModel):
    """Run-wide settings: when two articles are about the same story."""

    model_config = ConfigDict(extra="forbid")
    min_shared_names: int | None = None
    min_name_overlap: float | None = None
    timeline_above: int | None = None  # more same-story partners than this: compared through the timeline
    timeline_window: int | None = None  # ... with this many figures nearest in time (factcheck.blocks)
    draft_common_name_share: float | None = None  # a name in more of the archive than this share (factcheck.draft)
    draft_common_name_min: int | None = None  # ... and in more articles than this tells no draft's story
    max_figure_ratio: float | None = None  # counts this many times apart are taken to count different things


FileSpec.model_rebuild()

_SPEC_FIELDS = tuple(RuleSpec.model_fields)


def _pydantic_error(err: ValidationError, path: str, base: tuple, vpos: dict, kpos: dict, expected: Sequence[str]) -> RuleError:
    found = []
    for e in err.errors():
        loc = base + tuple(e["loc"])
        typ = e["type"]
        msg = e["msg"]
        ctx = e.get("ctx") or {}
        if isinstance(ctx.get("error"), _ItemError):
            loc = loc + (ctx["error"].index,)
        key = next((x for x in reversed(loc) if isinstance(x, str)), "")
        if typ == "extra_forbidden":
            exp = expected if len(loc) == len(base) + 1 else ()
            if not exp and loc[:-1] and loc[-2] == "tolerance":
                exp = tuple(Tolerance.model_fields)
            pos = kpos.get(loc) or vpos.get(loc) or vpos.get(loc[:-1], (1, 1))
            text = f"unknown key '{loc[-1]}'" + (f" (expected one of: {', '.join(exp)})" if exp else "")
        elif typ == "missing":
            pos = vpos.get(loc[:-1], (1, 1))
            text = f"missing key '{loc[-1]}'"
        else:
            pos = vpos.get(loc)
            while pos is None and loc:
                loc = loc[:-1]
                pos = vpos.get(loc)
            pos = pos or (1, 1)
            if msg.startswith("Value error, "):
                text = msg[len("Value error, "):]
            elif typ == "literal_error":
                text = f"bad value {e.get('input')!r} for '{key}': expected one of: {ctx.get('expected', '')}"
                text = text.replace("'", "'")
            else:
                text = f"bad value {e.get('input')!r} for '{key}': {msg[0].lower() + msg[1:]}"
        found.append(RuleError(path, pos[0], pos[1], text))
    found.sort(key=lambda r: (r.line, r.column))
    return RuleError(found[0].path, found[0].line, found[0].column, found[0].message, found[1:])


# ---------------------------------------------------------------- compiled rules
@dataclass(frozen=True)
class Rule:
    """A compiled rule. ``classify`` uses the match fields; compare_claims the rest."""

    id: str
    kind: str
    subject: str
    message: str
    level: str
    path: str = ""
    line: int = 0
    priority: int = 0
    dimension: frozenset[str] | None = None
    units: frozenset | None = None
    nouns: frozenset[str] | None = None
    noun_class: dict[str, str] = field(default_factory=dict)  # noun -> class
    unstated_noun: str | None = None
    demonyms: str | None = None
    predicates: frozenset[str] | None = None
    patterns: tuple = ()
    match_in: str = "context"
    exclude: tuple = ()
    events: frozenset | None = None
    when: Any = None
    when_text: str | None = None
    compare: str = "interval"
    tolerance: dict[str, float] = field(default_factory=dict)
    rounding: bool = True
    scope: tuple[str, ...] = ()
    wildcard: frozenset[str] = frozenset({"place"})
    require_entity: bool = False
    stale_days: int | None = None
    moves_after_days: int | None = None  # a count that moves both ways (the missing): days apart never contradict
    apart_by: float | None = None  # two figures at least this far apart measure two different things (quakes)

    def tol(self, bound: str, vague: bool = False) -> float:
        if vague:
            return self.tolerance.get("vague", 0.0)
        return self.tolerance.get(bound, 0.0)


_DEFAULTS = {"priority": 0, "match_in": "context", "compare": "interval", "rounding": True, "scope": [],
             "wildcard": ["place"], "require_entity": False}


def _compile(merged: dict, path: str, where: Pos, demonym_list: frozenset[str]) -> Rule:
    rid = merged["id"]
    line = where[0]
    for need in ("message", "level"):
        if not merged.get(need):
            raise RuleError(path, where[0], where[1], f"rule '{rid}' needs '{need}' (directly or through 'extends')")
    m = {**_DEFAULTS, **{k: v for k, v in merged.items() if v is not None}}
    if m.get("cumulative"):
        m["compare"] = "cumulative"
    noun_class: dict[str, str] = {}
    for cls, members in (m.get("noun_classes") or {}).items():
        noun_class[cls.lower()] = cls.lower()
        for n in members:
            noun_class[n.lower()] = cls.lower()
    demonyms = m.get("demonyms")
    nouns = None
    if m.get("nouns") is not None or noun_class:
        nouns = frozenset(n.lower() for n in (m.get("nouns") or [])) | frozenset(noun_class)
        if demonyms:
            nouns |= demonym_list
    if demonyms:
        for d in demonym_list:
            noun_class.setdefault(d, demonyms.lower())
    tol = m.get("tolerance")
    tol = tol.model_dump() if isinstance(tol, Tolerance) else dict(tol or {})
    kind = m.get("kind") or rid
    return Rule(
        id=rid, kind=kind, subject=m.get("subject") or kind.replace("_", " "), message=m["message"],
        level=m["level"], path=path, line=line, priority=m["priority"],
        dimension=frozenset(m["dimension"]) if m.get("dimension") else None,
        units=frozenset(m["units"]) if m.get("units") is not None else None,
        nouns=nouns, noun_class=noun_class, unstated_noun=(m.get("unstated_noun") or None),
        demonyms=demonyms,
        predicates=frozenset(p.lower() for p in m["predicates"]) if m.get("predicates") is not None else None,
        patterns=tuple(_compile_re2(p) for p in m.get("patterns") or ()),
        match_in=m["match_in"],
        exclude=tuple(_compile_re2(p) for p in m.get("exclude") or ()),
        events=frozenset(m["events"]) if m.get("events") is not None else None,
        when=_parse_when(m["when"]) if m.get("when") else None, when_text=m.get("when"),
        compare=m["compare"], tolerance=tol, rounding=m["rounding"], scope=tuple(m["scope"]),
        wildcard=frozenset(m["wildcard"]), require_entity=m["require_entity"], stale_days=m.get("stale_days"),
        moves_after_days=m.get("moves_after_days"), apart_by=m.get("apart_by"),
    )


def norm_place(name: str) -> str:
    """A place key: lowercased, first 5 letters, so "Syrian" ~ "Syria"."""
    s = "".join(ch for ch in name.lower() if ch.isalnum() or ch == " ").strip()
    if s.startswith("the "):
        s = s[4:]
    return s[:5]


class RuleSet:
    """The rules in force, compiled. ``classify`` sets each claim's ``kind``."""

    def __init__(self, rules: Sequence[Rule], aliases: dict[str, str] | None = None,
                 settings: dict[str, Any] | None = None):
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: -r.priority))  # stable: load order on ties
        self.aliases: dict[str, str] = dict(aliases or {})  # lowercased alias -> canonical name
        self.settings = {"min_shared_names": 4, "min_name_overlap": 0.15, **(settings or {})}
        self.by_id = {r.id: r for r in self.rules}
        self.by_kind: dict[str, Rule] = {}
        for r in self.rules:
            if r.kind not in self.by_kind or r.id == r.kind:
                if r.kind in self.by_kind and self.by_kind[r.kind].id == r.kind:
                    continue
                self.by_kind[r.kind] = r
        self._needs_names = any(r.when is not None for r in self.rules)
        self._evaluator = simpleeval.EvalWithCompoundTypes(functions=WHEN_FUNCTIONS)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):
        return iter(self.rules)

    def rule_for(self, kind: str) -> Rule | None:
        return self.by_kind.get(kind)

    def canonical(self, name: str | None) -> str | None:
        """An entity or place name after the story packs' aliases."""
        if name is None:
            return None
        return self.aliases.get(name.strip().lower(), name.strip())

    def matches(self, rule: Rule, claim: Claim, names: dict | None = None) -> bool:
        if rule.dimension is not None and claim.dimension not in rule.dimension:
            return False
        if rule.units is not None and claim.unit not in rule.units:
            return False
        noun = claim.noun.lower() if claim.noun else None
        if rule.nouns is not None:
            if noun is None:
                if rule.unstated_noun is None:
                    return False
            elif noun not in rule.nouns:
                return False
        if rule.events is not None and claim.event not in rule.events:
            return False
        if rule.predicates is not None or rule.patterns:
            # the extracted predicate decides when the rule lists predicates; patterns are the
            # fallback for claims whose predicate extraction found nothing
            pred = (claim.predicate or "").lower()
            hit = rule.predicates is not None and pred in rule.predicates
            if not hit and rule.patterns and not (pred and rule.predicates is not None):
                text = claim.context if rule.match_in == "context" else claim.sentence
                hit = any(p.search(text or "") for p in rule.patterns)
            if not hit:
                return False
        if rule.exclude:
            text = claim.context if rule.match_in == "context" else claim.sentence
            if any(p.search(text or "") for p in rule.exclude):
                return False
        if rule.when is not None:
            ev = self._evaluator
            ev.names = names if names is not None else _claim_names(claim)
            try:
                if not ev.eval(rule.when_text, previously_parsed=rule.when):  # safe: simpleeval
                    return False
            except Exception:
                return False
        return True

    def classify(self, claim: Claim) -> Claim:
        """The claim with ``kind`` set by the first rule that applies (highest priority first), else None."""
        names = _claim_names(claim) if self._needs_names else None
        for rule in self.rules:
            if self.matches(rule, claim, names):
                return claim if claim.kind == rule.kind else dataclasses.replace(claim, kind=rule.kind)
        return claim if claim.kind is None else dataclasses.replace(claim, kind=None)


def _claim_names(claim: Claim) -> dict[str, Any]:
    d = {f: getattr(claim, f) for f in CLAIM_FIELDS}
    d.update(true=True, false=False, null=None)
    return d


# ---------------------------------------------------------------- loading
def _pack_files() -> list[tuple[str, str]]:
    root = importlib.resources.files("factcheck.rulepack")
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            out.append((f"rules/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


def _dir_files(d: Path) -> list[tuple[str, str]]:
    out = []
    from factcheck.limits import MAX_RULE_FILE_BYTES

    for p in sorted(Path(d).iterdir()):
        if p.is_file() and p.suffix in (".yaml", ".yml"):
            try:
                size = p.stat().st_size
                if size > MAX_RULE_FILE_BYTES:
                    raise RuleError(str(p), 1, 1, f"a rule file of {size:,} bytes, more than the {MAX_RULE_FILE_BYTES:,} "
                                                  "allowed: refused (split it into several files)")
                out.append((str(p), p.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as e:
                raise RuleError(str(p), 1, 1, f"cannot read rule file: {e}") from None
    return out


def _read_layer(files: Iterable[tuple[str, str]]):
    """Specs of one layer (the pack, or one user folder): (spec dict, path, vpos, line) by id, plus aliases etc."""
    specs: dict[str, tuple[dict, str, dict, int]] = {}
    aliases: dict[str, str] = {}
    demonyms: set[str] = set()
    settings: dict[str, Any] = {}
    for path, text in files:
        data, vpos, kpos = _load_yaml(text, path)
        rule_vpos: dict[int, dict] = {}  # rule index -> {key: position}, grouped once (linear)
        for k, v in vpos.items():
            if len(k) == 3 and k[0] == "rules":
                rule_vpos.setdefault(k[1], {})[k[2]] = v
        if data is None:
            continue
        if not isinstance(data, dict):
            raise RuleError(path, *vpos.get((), (1, 1)), "a rule file is a mapping with keys: rules, aliases, demonyms, settings")
        try:
            fs = FileSpec.model_validate(data)
        except ValidationError as e:
            raise _pydantic_error(e, path, (), vpos, kpos, tuple(FileSpec.model_fields)) from None
        for i, raw in enumerate(fs.rules):
            base = ("rules", i)
            try:
                spec = RuleSpec.model_validate(raw)
            except ValidationError as e:
                raise _pydantic_error(e, path, base, vpos, kpos, _SPEC_FIELDS) from None
            if spec.id in specs:
                pos = vpos.get(base + ("id",), vpos.get(base, (1, 1)))
                first = specs[spec.id]
                raise RuleError(path, pos[0], pos[1],
                                f"duplicate rule id '{spec.id}' (first defined at {first[1]}:{first[3][0]}:{first[3][1]})")
            given = {k: getattr(spec, k) for k in raw if k in RuleSpec.model_fields}
            specs[spec.id] = (given, path, rule_vpos.get(i, {}), vpos.get(base, (1, 1)))
        for canon, names in fs.aliases.items():
            for n in [canon, *names]:
                aliases[str(n).strip().lower()] = canon
        demonyms.update(d.lower() for d in fs.demonyms)
        if fs.settings:
            settings.update({k: v for k, v in fs.settings.model_dump().items() if v is not None})
    return specs, aliases, demonyms, settings


def load_rules(extra_dirs: Sequence[Path] = ()) -> RuleSet:
    """The default rule pack plus user folders (later layers override rules with the same id)."""
    layers = [_read_layer(_pack_files())] + [_read_layer(_dir_files(Path(d))) for d in extra_dirs]
    specs: dict[str, tuple[dict, str, dict, int]] = {}
    aliases: dict[str, str] = {}
    demonyms: set[str] = set()
    settings: dict[str, Any] = {}
    for s, a, d, st in layers:
        specs.update(s)
        aliases.update(a)
        demonyms |= d
        settings.update(st)
    demonym_list = frozenset(demonyms)

    done: dict[str, dict] = {}  # each rule merged once: linear in the number of rules

    def merged(rid: str, seen: tuple[str, ...]) -> dict:
        if rid in done:
            return dict(done[rid])
        given, path, vpos, where = specs[rid]
        parent = given.get("extends")
        if not parent:
            return dict(given)
        pos = vpos.get("extends", where)
        if parent in seen or parent == rid:
            raise RuleError(path, pos[0], pos[1], f"'extends: {parent}' makes a cycle ({' -> '.join(seen + (rid, parent))})")
        if parent not in specs:
            known = sorted(specs)
            listed = ", ".join(known[:30]) + (f", ... ({len(known)} rules)" if len(known) > 30 else "")
            raise RuleError(path, pos[0], pos[1], f"'extends: {parent}': no rule with that id (known: {listed})")
        if len(seen) >= MAX_EXTENDS_DEPTH:
            raise RuleError(path, pos[0], pos[1], f"'extends' chains more than {MAX_EXTENDS_DEPTH} rules deep")
        base = merged(parent, seen + (rid,))
        base.pop("id", None)
        out = {**base, **given}
        if "kind" not in given and "kind" not in base:
            out["kind"] = parent  # a child of 'deaths' still speaks about deaths unless it says otherwise
        done[rid] = out
        return dict(out)

    rules = [_compile(merged(rid, ()), specs[rid][1], specs[rid][3], demonym_list) for rid in specs]
    return RuleSet(rules, aliases, settings)
