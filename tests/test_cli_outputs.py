"""`-` means stdout wherever an output path is taken; an empty input set is error E112;
a port in use is error E003, not a traceback."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsdesk
from newsdesk.cli import cli
from newsdesk.errors import NewsdeskError

from .conftest import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_md_html_to_stdout_write_no_file_named_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "n.db")
    code, out, err = run("analyze", "-q", str(EXAMPLES), "--db", db, "--json", "-")
    assert code == 0, err
    doc = json.loads(out)  # stdout is the dossier and nothing else
    assert doc["schema"] == "newsdesk.dossier/1" and len(doc["articles"]) == 5
    assert "json: stdout" in err and not (tmp_path / "-").exists()
    code, out, err = run("analyze", "-q", "--db", db, "--md", "-", "--html",
                         str(tmp_path / "r.html"))
    assert code == 0, err
    assert out.startswith("#") and "Ushakov" in out
    assert (tmp_path / "r.html").exists() and not (tmp_path / "-").exists()
    code, out, err = run("analyze", "-q", "--db", db, "--html", "-")
    assert code == 0 and out.lstrip().lower().startswith("<!doctype html")
    assert not (tmp_path / "newsdesk-report.html").exists()
    code, _, err = run("analyze", "-q", "--db", db, "--md", "-", "--json", "-")
    assert code == 2 and "only one" in err


def test_empty_folder_is_coded_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.html").write_text("<p>x</p>")
    for command in ("extract", "add"):
        extra = ["--db", str(tmp_path / "n.db")] if command == "add" else []
        code, out, err = run(command, str(tmp_path / "empty"), *extra)
        assert code == 1 and "E112" in err and str(tmp_path / "empty") in err, command
        assert out == ""
    try:
        list(newsdesk.extract([str(tmp_path / "empty")]))
    except NewsdeskError as err:
        assert err.code == "E112"
    else:
        raise AssertionError("no E112")


def test_port_in_use_is_coded_error(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    run("add", "-q", str(EXAMPLES / "004_5859987bf54530fd.txt"), "--db", str(db))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run("serve", "--db", str(db), "--port", str(port))
    assert code == 1 and "E003" in err and str(port) in err
