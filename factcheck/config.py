"""Settings from ``[tool.factcheck]`` in pyproject.toml or from a factcheck.toml, as ruff finds its own.

The closest file wins, walking up from the working directory; in one folder a
factcheck.toml wins over pyproject.toml, and a pyproject.toml without a
``[tool.factcheck]`` table is passed over. ``--config FILE`` names the file,
``--isolated`` ignores them all. Paths in a file are relative to that file.
A bad file is a ConfigError naming ``path:line``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = ["Config", "ConfigError", "load_config", "find_config"]


class ConfigError(Exception):
    """A configuration file factcheck cannot use; its text names the file and line."""


class Config(BaseModel):
    """The settings in force. Empty when no file applies."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: list[Path] = Field(default_factory=list, description="folders of YAML rules extending the defaults")
    archive: list[Path] = Field(default_factory=list, description="published articles: default PATHs for report, --against for draft")
    format: Literal["markdown", "json", "line", "github", "sarif"] | None = None
    fail_on: Literal["error", "warning"] | None = Field(default=None, alias="fail-on")
    index: Path | None = Field(default=None, description="the claims index folder (default: .factcheck beside this file)")
    dask: str | None = Field(default=None, description="a Dask scheduler address for factcheck index")
    date_order: Literal["DMY", "MDY", "YMD"] | None = Field(
        default=None, alias="date-order", description="how numeric dates such as 04/03/2024 are read")
    source: Path | None = Field(default=None, exclude=True, description="the file these settings came from")

    @field_validator("rules", "archive")
    @classmethod
    def _usable_paths(cls, v: list[Path]) -> list[Path]:
        for p in v:
            if "\x00" in str(p) or not str(p).strip():
                raise ValueError(f"{str(p)!r} is not a usable path")
        return v


def find_config(start: Path) -> Path | None:
    """The closest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above ``start``."""
    for folder in [start, *start.resolve().parents]:
        candidate = folder / "factcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if _has_factcheck_table(text):
                return pyproject
    return None


def _has_factcheck_table(text: str) -> bool:
    """Whether a pyproject.toml configures factcheck; a broken one that seems to is kept, to report it."""
    try:
        tool = tomllib.loads(text).get("tool", {})
        return isinstance(tool, dict) and "factcheck" in tool
    except tomllib.TOMLDecodeError:
        return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", text, re.MULTILINE) is not None


def load_config(cwd: Path, explicit: Path | None = None, isolated: bool = False) -> Config:
    """The settings for a run started in ``cwd``."""
    if isolated:
        return Config()
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (byte offset {e.start})") from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        where = f"{path}:{m.group(1)}:{m.group(2)}" if m else str(path)
        if m is None and "(at end of document)" in str(e):
            lines = text.rstrip("\n").split("\n")
            where = f"{path}:{len(lines)}:{len(lines[-1]) + 1}"
        reason = re.sub(r" \(at (?:line|end of document).*", "", str(e))
        raise ConfigError(f"{where}: not valid TOML: {reason}") from e
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" and not isinstance(tool, dict):
        if explicit is not None:
            raise ConfigError(f"{path}:{_line_of_key(text, 'tool', in_tool=False) or 1}: 'tool' must be a table, "
                              f"not {type(tool).__name__}")
        return Config()
    table = data if path.name != "pyproject.toml" else tool.get("factcheck")
    if table is None:
        if explicit is not None:
            raise ConfigError(f"{path}: no [tool.factcheck] table")
        return Config()
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    try:
        cfg = Config.model_validate(table)
    except ValidationError as e:
        err = e.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else ""
        line = _line_of_key(text, key, in_tool=path.name == "pyproject.toml")
        expected = _expected(err, key)
        raise ConfigError(f"{path}:{line}: {expected}" if line else f"{path}: {expected}") from e
    base = path.resolve().parent
    return cfg.model_copy(update={
        "rules": [p if p.is_absolute() else base / p for p in cfg.rules],
        "archive": [p if p.is_absolute() else base / p for p in cfg.archive],
        "index": cfg.index if cfg.index is None or cfg.index.is_absolute() else base / cfg.index,
        "source": path,
    })


_HINTS = {
    "rules": "must be a list of folders (strings), relative to this file",
    "archive": "must be a list of files or folders (strings), relative to this file",
    "format": "must be one of markdown, json, line, github, sarif",
    "fail-on": "must be 'error' or 'warning'",
    "index": "must be a folder (a string), relative to this file",
    "dask": "must be a Dask scheduler address (a string), such as 'tcp://10.0.0.5:8786'",
    "date-order": "must be one of DMY, MDY, YMD (how 04/03/2024 is read)",
    "date_order": "must be one of DMY, MDY, YMD (how 04/03/2024 is read)",
}


def _expected(err: dict, key: str) -> str:
    if err["type"] == "extra_forbidden":
        known = ", ".join(sorted(f.alias or name for name, f in Config.model_fields.items() if name != "source"))
        return f"unknown key '{key}' (expected one of: {known})"
    hint = _HINTS.get(key)
    got = err.get("input")
    return f"'{key}' {hint}, not {got!r}" if hint else f"'{key}': {err['msg']}"


def _line_of_key(text: str, key: str, in_tool: bool) -> int | None:
    """The line where ``key`` is set (TOML parsers keep no positions).

    Finds ``key = ...`` (bare or quoted) inside the factcheck table, or a ``[<table>.key]``
    header when the key was given as a sub-table.
    """
    table = "tool.factcheck" if in_tool else ""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    assign = re.compile(rf"{name}\s*=")
    header = re.compile(rf"\[\[?\s*{re.escape(table + '.' if table else '')}{name}\s*[\].]")
    dotted = re.compile(rf"(?:tool\s*\.\s*factcheck|factcheck)\s*\.\s*{name}\s*=") if in_tool else None
    current = ""
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            if header.match(stripped):
                return n
            current = stripped.strip("[] \t").split("]")[0].strip()
            continue
        if current == table and assign.match(stripped):
            return n
        if dotted is not None and current in ("", "tool") and dotted.match(stripped):
            return n
    return None
