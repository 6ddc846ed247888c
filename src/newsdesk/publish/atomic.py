"""Outputs written whole or not at all.

A dossier is written after all the work; a full disk or a bad path must not then leave a
0-byte JSON, a half report, or a traceback. Each output goes to a temporary file beside
its target, is flushed to disk, and replaces the target in one rename: a reader sees the
old file or the new one, never part of one, and a failed write leaves the old file as it
was. Paths are checked before the work where they can be (a folder given as a file, a
folder that does not exist or cannot be written), so a bad ``--json`` costs seconds, not
the whole run. Every failure is coded error E308 naming the path.

The path ``-`` is standard output (the habit of every Unix tool): it is written as it is
made, in UTF-8 whatever the terminal's locale, and nothing is renamed. A file really
named ``-`` is still written as ``./-``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import NewsdeskError

STDOUT = "-"


def is_stdout(path: str | Path | None) -> bool:
    """True for the path that means standard output (``-``, as a string: ``Path("-")``
    is a file a caller asked for by name)."""
    return isinstance(path, str) and path == STDOUT


def check_output(path: str | Path) -> None:
    """E308 now, before any work, when ``path`` can clearly not be written: it is a folder,
    its folder does not exist or is no folder, or its folder cannot be written."""
    if is_stdout(path):
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise NewsdeskError("E308", path=str(path), detail="it is a folder")
    if not folder.is_dir():
        raise NewsdeskError("E308", path=str(path), detail=f"no folder {str(folder)!r}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NewsdeskError("E308", path=str(path), detail="its folder cannot be written")


@contextlib.contextmanager
def atomic_text(path: str | Path, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file to write ``path`` through: it replaces ``path`` only when the
    block ends without error; otherwise the temporary file is removed, the old ``path``
    stays, and an ``OSError`` (ENOSPC, EACCES …) becomes E308. ``-`` is stdout."""
    if is_stdout(path):
        with _stdout(newline) as out:
            yield out
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent or Path("."))
    except OSError as err:
        raise NewsdeskError("E308", path=str(path), detail=err.strerror or str(err)) from err
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # keep the usual permissions, not mkstemp's 0600
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise NewsdeskError("E308", path=str(path), detail=err.strerror or str(err)) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _stdout(newline: str | None) -> Iterator[TextIO]:
    """Standard output as UTF-8 text, left open for whoever wrote to it before."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced sys.stdout that takes text only
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline=newline)
    try:
        yield out
        out.flush()
    except OSError as err:  # a closed pipe (| head)
        raise NewsdeskError("E308", path="standard output",
                            detail=err.strerror or str(err)) from err
    finally:
        with contextlib.suppress(ValueError, OSError):
            out.detach()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
