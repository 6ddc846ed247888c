"""SQLite storage of sources, articles, removed parts and failed inputs."""

from .sqlite import Store

__all__ = ["Store"]
