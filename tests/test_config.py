"""Configuration: closest file wins, --config and --isolated, bad files name path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import ConfigError, find_config, load_config


def test_closest_file_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "warning"\n')
    sub = tmp_path / "newsroom" / "desk"
    sub.mkdir(parents=True)
    (tmp_path / "newsroom" / "factcheck.toml").write_text('format = "line"\narchive = ["published"]\n')
    cfg = load_config(sub)
    assert cfg.format == "line" and cfg.fail_on is None
    assert cfg.archive == [(tmp_path / "newsroom" / "published").resolve()]


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(inner) == tmp_path / "pyproject.toml"
    assert load_config(inner).format == "json"


def test_isolated_ignores_files(tmp_path):
    (tmp_path / "factcheck.toml").write_text('format = "json"\n')
    assert load_config(tmp_path, isolated=True).format is None


def test_explicit_config(tmp_path):
    cfg_file = tmp_path / "elsewhere.toml"
    cfg_file.write_text('fail-on = "warning"\nrules = ["house-rules"]\n')
    cfg = load_config(Path("/"), explicit=cfg_file)
    assert cfg.fail_on == "warning" and cfg.rules == [(tmp_path / "house-rules").resolve()]


@pytest.mark.parametrize("content, line, words", [
    ('[tool.factcheck]\nformat = "json"\nformt = "line"\n', 3, "unknown key 'formt'"),
    ('[tool.factcheck]\n\nformat = "xml"\n', 3, "'format'"),
    ('[tool.factcheck]\nrules = ["a"\nformat = "json"\n', 3, "not valid TOML"),
    ('[tool.factcheck]\nfail-on = 3\n', 2, "'fail-on'"),
])
def test_bad_config_names_file_and_line(tmp_path, content, line, words):
    (tmp_path / "pyproject.toml").write_text(content)
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path)
    msg = str(e.value)
    assert msg.startswith(f"{tmp_path / 'pyproject.toml'}:{line}") and words in msg


def test_missing_explicit_config(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, explicit=tmp_path / "nope.toml")


@pytest.mark.parametrize("content, line, words", [
    ('[tool.factcheck]\n"fail-on" = 3\n', 2, "'fail-on' must be 'error' or 'warning', not 3"),
    ('[tool.factcheck]\n\nrules = "house"\n', 3, "'rules' must be a list"),
    ('[tool.factcheck]\narchive = [1]\n', 2, "'archive' must be a list"),
    ('[tool.factcheck]\nformat = "json"\n\n[tool.factcheck.extra]\na = 1\n', 4, "unknown key 'extra'"),
    ('[tool.other]\nformat = "xml"\n[tool.factcheck]\nformat = "xml"\n', 4, "must be one of markdown"),
    ('[tool]\nfactcheck.format = "xml"\n', 2, "must be one of markdown"),
])
def test_key_lines_are_found_for_quoted_keys_subtables_and_other_tables(tmp_path, content, line, words):
    (tmp_path / "pyproject.toml").write_text(content)
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path)
    assert str(e.value).startswith(f"{tmp_path / 'pyproject.toml'}:{line}: ") and words in str(e.value)


def test_factcheck_toml_beats_pyproject_in_the_same_folder_and_errors_name_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json"\n')
    (tmp_path / "factcheck.toml").write_text('format = "sarif"\n')
    cfg = load_config(tmp_path)
    assert cfg.format == "sarif" and cfg.source == tmp_path / "factcheck.toml"
    (tmp_path / "factcheck.toml").write_text('format = "line"\n\n[tool.factcheck]\nformat = "json"\n')
    with pytest.raises(ConfigError, match=r"factcheck\.toml:3: unknown key 'tool'"):
        load_config(tmp_path)


def test_broken_pyproject_that_configures_factcheck_is_reported_not_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    with pytest.raises(ConfigError, match=r"pyproject\.toml:2:\d+: not valid TOML"):
        load_config(tmp_path)


def test_no_file_anywhere_gives_defaults(tmp_path):
    cfg = load_config(tmp_path)
    assert (cfg.rules, cfg.archive, cfg.format, cfg.fail_on, cfg.source) == ([], [], None, None, None)


def test_explicit_pyproject_without_the_table_is_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(tmp_path).source is None  # found by walking: passed over
    with pytest.raises(ConfigError, match=r"no \[tool\.factcheck\] table"):
        load_config(tmp_path, explicit=tmp_path / "pyproject.toml")


def test_absolute_paths_are_kept(tmp_path):
    (tmp_path / "factcheck.toml").write_text(f'archive = ["{(tmp_path / "abs").as_posix()}", "rel"]\n')
    assert load_config(tmp_path).archive == [tmp_path / "abs", tmp_path.resolve() / "rel"]


def test_toml_error_at_the_end_of_the_file_names_the_last_line(tmp_path):
    (tmp_path / "factcheck.toml").write_text('format = "json"\n\n\nrules = ["a",\n')
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path)
    assert str(e.value) == f"{tmp_path / 'factcheck.toml'}:4:14: not valid TOML: Invalid value"


@pytest.mark.parametrize("line", ['date-order = "DMY"', 'date_order = "DMY"'])
def test_date_order_setting(tmp_path, line):
    (tmp_path / "factcheck.toml").write_text(line + "\n")
    assert load_config(tmp_path).date_order == "DMY"


def test_tool_that_is_not_a_table_is_passed_over_or_named(tmp_path):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    sub = tmp_path / "a"
    sub.mkdir()
    assert find_config(sub) is None and load_config(sub).archive == []
    with pytest.raises(ConfigError, match=r"pyproject.toml:1: 'tool' must be a table"):
        load_config(sub, explicit=tmp_path / "pyproject.toml")


def test_a_path_with_a_nul_character_is_a_config_error(tmp_path):
    (tmp_path / "factcheck.toml").write_text('archive = ["a\\u0000b"]\n')
    with pytest.raises(ConfigError, match=r"factcheck.toml:1: 'archive' must be a list"):
        load_config(tmp_path)
