"""Outlets that know who they are: the registry (shipped as data, extendable by the user)
and the recognition of a page's outlet from its URL, site name, author box e-mail
addresses, datelines and credits."""

from .recognise import OutletMatch, recognise
from .registry import Outlet, Registry, load_registry, name_key, read_user_file

__all__ = ["Outlet", "OutletMatch", "Registry", "load_registry", "name_key",
           "read_user_file", "recognise"]
