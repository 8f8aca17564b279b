"""Similarity: every brief's nearest neighbours by cosine, without comparing all pairs in Python.

Vectors are sparse {term: weight} maps, L2-normalised. Terms that many briefs share go
into a dense block multiplied with BLAS; rarer terms into a sparse matrix (scipy's CSR
product). Both are exact, so the cosines are the true ones; the split only keeps 10,000
briefs fast (a few seconds, memory in tens of megabytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

DENSE_SHARE = 0.05  # terms in more than this share of briefs go into the dense block
CHUNK = 256  # briefs scored at once: a CHUNK x n block of floats


@dataclass(frozen=True)
class Neighbours:
    """Each brief's k nearest others, best first, and the background of all pairs."""

    index: np.ndarray  # (n, k) brief numbers
    score: np.ndarray  # (n, k) cosines
    pairs: int  # pairs of different briefs (each counted once)
    mean: float  # mean cosine over those pairs
    std: float  # their standard deviation


def nearest(vectors: Sequence[Mapping[str, float]], k: int) -> Neighbours:
    """The k most similar briefs of each brief (k < number of briefs)."""
    count = len(vectors)
    matrix, terms = term_matrix(vectors, np.float32)
    df = np.bincount(matrix.indices, minlength=len(terms))
    by_term = np.array(sorted(range(len(terms)), key=terms.__getitem__), dtype=np.int64)
    # a term of one brief only cannot make two briefs similar: it stays in the norm, not in the index
    shared = by_term[df[by_term] > 1]
    dense = matrix[:, shared[df[shared] > DENSE_SHARE * count]].toarray()
    rare = matrix[:, shared[df[shared] <= DENSE_SHARE * count]].tocsr()
    rare.sort_indices()
    rare_by_term = rare.T.tocsr()
    index = np.zeros((count, k), dtype=np.int64)
    score = np.zeros((count, k))
    total = squares = 0.0
    for start in range(0, count, CHUNK):
        rows = range(start, min(start + CHUNK, count))
        block = dense[start : rows.stop] @ dense.T
        block += (rare[start : rows.stop] @ rare_by_term).toarray()
        for offset, row in enumerate(rows):
            block[offset, row] = 0.0
        total += float(block.sum(dtype=np.float64))
        squares += float(np.einsum("ij,ij->", block, block, dtype=np.float64))
        for offset, row in enumerate(rows):
            block[offset, row] = -np.inf
        index[start : rows.stop], score[start : rows.stop] = _top(block, k)
    ordered = max(1, count * (count - 1))
    mean = total / ordered
    return Neighbours(index, score, count * (count - 1) // 2, mean, max(0.0, squares / ordered - mean * mean) ** 0.5)


def term_matrix(vectors: Sequence[Mapping[str, float]], dtype: type) -> tuple[sparse.csr_matrix, list[str]]:
    """The vectors as the rows of a sparse matrix, a column for each term (in the order first met)."""
    column: dict[str, int] = {}
    indptr: list[int] = [0]
    columns: list[int] = []
    weights: list[float] = []
    for vector in vectors:
        columns += [column.setdefault(term, len(column)) for term in vector]
        weights += vector.values()
        indptr.append(len(columns))
    matrix = sparse.csr_matrix((np.array(weights, dtype=dtype), np.array(columns, dtype=np.int64),
                                np.array(indptr, dtype=np.int64)), shape=(len(vectors), len(column)))
    return matrix, list(column)


def _top(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best columns of each row, best first (ties by brief number, for stable output)."""
    part = np.argpartition(-block, k - 1, axis=1)[:, :k] if k < block.shape[1] else np.tile(
        np.arange(block.shape[1]), (block.shape[0], 1))
    values = np.take_along_axis(block, part, axis=1)
    order = np.lexsort((part, -values), axis=1)
    part = np.take_along_axis(part, order, axis=1)[:, :k]
    return part, np.take_along_axis(block, part, axis=1)


def cosines_within(vectors: Sequence[Mapping[str, float]], groups: Sequence[Sequence[int]]) -> list[np.ndarray]:
    """For each group of brief numbers, the cosines of every two of its briefs (a symmetric
    matrix in the group's order; 1 on the diagonal), in double precision."""
    members = sorted({n for group in groups for n in group})
    matrix, _ = term_matrix([vectors[n] for n in members], np.float64)
    row = {n: number for number, n in enumerate(members)}
    found = []
    for group in groups:
        part = matrix[[row[n] for n in group]]
        upper = np.triu((part @ part.T).toarray())
        found.append(upper + np.triu(upper, 1).T)  # a pair's one sum, both ways
    return found
