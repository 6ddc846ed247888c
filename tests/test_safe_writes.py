"""Outputs written whole or not at all (issue 14, item 4): a bad output path is a coded
error before the work; a write that fails (a full disk) leaves the old file as it was and
no temporary file behind, with coded error E308 naming the path — never a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsdesk
from newsdesk.errors import NewsdeskError
from newsdesk.publish import atomic
from newsdesk.publish.atomic import atomic_text, check_output

from .conftest import EXAMPLES


def test_a_folder_given_as_the_json_file_fails_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with pytest.raises(NewsdeskError) as err:
        newsdesk.analyze([str(EXAMPLES)], db=db, json_path=tmp_path)
    assert err.value.code == "E308" and str(tmp_path) in str(err.value)
    assert not db.exists()  # nothing was extracted or stored first


@pytest.mark.parametrize("where", ["missing/dossier.json", "file.txt/dossier.json"])
def test_an_output_in_no_folder_is_refused_first(tmp_path: Path, where: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NewsdeskError) as err:
        check_output(tmp_path / where)
    assert err.value.code == "E308"


def test_the_cli_says_e308_and_the_path_not_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                           "analyze", str(EXAMPLES), "--db", str(tmp_path / "n.db"),
                           "--json", str(tmp_path), "-q"], capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"E308: cannot write {tmp_path}: it is a folder" in done.stderr


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "dossier.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(NewsdeskError) as err, atomic_text(target) as out:
        out.write("new, half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert err.value.code == "E308" and "No space left on device" in str(err.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json"]


def test_a_full_disk_during_analyze_keeps_the_old_dossier(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, out = tmp_path / "n.db", tmp_path / "dossier.json"
    newsdesk.analyze([str(EXAMPLES)], db=db, json_path=out)
    before = out.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(NewsdeskError) as err:
        newsdesk.analyze(db=db, json_path=out)
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert err.value.code == "E308"
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    json.loads(before)


def test_a_written_output_replaces_the_old_one_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with atomic_text(target) as out:
        out.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
