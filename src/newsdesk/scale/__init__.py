"""Where the stages run: in this process, in a pool of worker processes (``-j N``), or as
tasks on a Dask cluster (``--dask ADDRESS|local``). See ``executors.py``."""

from __future__ import annotations

from .executors import Executor, InProcess, ProcessPool, open_executor

__all__ = ["Executor", "InProcess", "ProcessPool", "open_executor"]
