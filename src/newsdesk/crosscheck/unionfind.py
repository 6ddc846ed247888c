"""Disjoint sets: which things are one (one person, one source)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K", int, str)


class UnionFind(Generic[K]):
    """Disjoint sets over ints or strings; the smallest key is a set's root, so the result
    does not depend on the order of the unions (deterministic ids)."""

    def __init__(self, keys: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in keys}

    def find(self, key: K) -> K:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low

    def union_all(self, keys: Iterable[K]) -> None:
        first: K | None = None
        for key in keys:
            if first is None:
                first = key
            else:
                self.union(first, key)
