"""The settings file: defaults < newsdesk.toml (or --config) < NEWSDESK_* < flags; checked
before any work, every problem E005 naming the file and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.config import Settings, load_settings
from newsdesk.errors import NewsdeskError

from .conftest import EXAMPLES

DOC = str(EXAMPLES / "000_b68e5266273c9d2a.txt")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("NEWSDESK_CONFIG", "NEWSDESK_MAX_INPUT_BYTES", "NEWSDESK_SHORT_BODY_CHARS",
                 "NEWSDESK_DB_PATH", "NEWSDESK_FIELDS", "NEWSDESK_DOC_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_precedence_defaults_file_env_flags(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings() == Settings()  # no file here: the defaults
    (tmp_path / "newsdesk.toml").write_text(
        'short_body_chars = 50\nmax_input_bytes = 1000\ndb_path = "from-file.db"\n'
        'doc_seconds = 0\n[fields]\ntext = "body"\n', "utf-8")
    found = load_settings()
    assert (found.short_body_chars, found.max_input_bytes, found.db_path) == (
        50, 1000, "from-file.db")
    assert found.fields == "text=body" and found.doc_seconds == 0  # 0: budget off
    monkeypatch.setenv("NEWSDESK_MAX_INPUT_BYTES", "2000")
    found = load_settings(db_path="from-flag.db")
    assert (found.short_body_chars, found.max_input_bytes, found.db_path) == (
        50, 2000, "from-flag.db")
    other = tmp_path / "other.toml"
    other.write_text("short_body_chars = 7\n", "utf-8")
    assert load_settings(config=other).short_body_chars == 7  # the named file, not ./
    monkeypatch.setenv("NEWSDESK_CONFIG", str(other))
    assert load_settings().short_body_chars == 7


@pytest.mark.parametrize("text,words", [
    ("max_bytes = 10\n", ["unknown key 'max_bytes'", "max_input_bytes"]),
    ('max_input_bytes = "big"\n', ["max_input_bytes", "whole number"]),
    ("max_input_bytes = true\n", ["max_input_bytes", "whole number"]),
    ("short_body_chars = 0\n", ["short_body_chars", "1 or more"]),
    ("db_path = 3\n", ["db_path", "string"]),
    ("db_path = \n", ["not TOML"]),
    ('fields = "titel=headline"\n', ["E004", "titel"]),
])
def test_bad_file_is_coded_error_naming_file_and_key(tmp_path: Path, text: str,
                                                     words: list[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(NewsdeskError) as caught:
        load_settings(config=path)
    message = str(caught.value)
    assert caught.value.code in ("E005", "E004")
    assert all(w in message for w in words), message
    if caught.value.code == "E005":
        assert str(path) in message


def test_cli_reads_config_and_reports_errors(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_text("max_input_bytes = 100\n", "utf-8")
    result = CliRunner().invoke(cli, ["extract", "-q", "--config", str(path), DOC])
    assert result.exit_code == 1 and json.loads(result.stdout)["error"]["code"] == "E104"
    result = CliRunner().invoke(cli, ["extract", "-q", DOC])  # no file: the defaults
    assert result.exit_code == 0
    result = CliRunner().invoke(cli, ["extract", "--config", str(tmp_path / "no.toml"), DOC])
    assert result.exit_code == 1 and "E005" in result.stderr and "no.toml" in result.stderr
    path.write_text("colour = 'red'\n", "utf-8")
    result = CliRunner().invoke(cli, ["changes", "--config", str(path)])
    assert result.exit_code == 1 and "E005" in result.stderr and "'colour'" in result.stderr
    assert "Traceback" not in result.stderr
