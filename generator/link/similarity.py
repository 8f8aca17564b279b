"""Similarity: every brief's nearest neighbours by cosine, without comparing all pairs in Python.

Vectors are the rows of a sparse matrix (or {term: weight} maps), L2-normalised. Terms that many briefs share go
into a dense block multiplied with BLAS; rarer terms into a sparse matrix (scipy's CSR
product). Both are exact, so the cosines are the true ones; the split only keeps 10,000
briefs fast (a few seconds, memory in tens of megabytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

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


Vectors: TypeAlias = "sparse.csr_matrix | Sequence[Mapping[str, float]]"  # rows of unit length, or {term: weight} maps


def nearest(vectors: Vectors, k: int) -> Neighbours:
    """The k most similar briefs of each brief (k < number of briefs)."""
    matrix = as_matrix(vectors).astype(np.float32)
    count = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    # a term of one brief only cannot make two briefs similar: it stays in the norm, not in the index
    shared = np.flatnonzero(df > 1)
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


def as_matrix(vectors: Vectors) -> sparse.csr_matrix:
    """The vectors as the rows of a sparse matrix (a matrix is taken as it is)."""
    return vectors if sparse.issparse(vectors) else term_matrix(vectors)[0]


def term_matrix(rows: Sequence[Mapping[str, float]], dtype: type = np.float64) -> tuple[sparse.csr_matrix, list[str]]:
    """The rows as a sparse matrix, a column for each term in sorted order (so that two builds
    of one corpus sum its products in one order), each row's columns in order."""
    terms = sorted({term for row in rows for term in row})
    column = {term: number for number, term in enumerate(terms)}
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in rows], out=indptr[1:])
    size = int(indptr[-1])
    indices: np.ndarray = np.fromiter((column[term] for row in rows for term in row), dtype=np.int64, count=size)
    data: np.ndarray = np.fromiter((value for row in rows for value in row.values()), dtype=dtype, count=size)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(terms)))
    matrix.sort_indices()
    return matrix, terms


def unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with each row divided by its length (a row of zeros stays one)."""
    lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1 / lengths) @ matrix)


def cosines_within(vectors: Vectors, groups: Sequence[Sequence[int]]) -> list[np.ndarray]:
    """For each group of brief numbers, the cosines of every two of its briefs (a symmetric
    matrix in the group's order; 1 on the diagonal), in double precision."""
    matrix = as_matrix(vectors).astype(np.float64)
    found = []
    for group in groups:
        part = matrix[list(group)]
        upper = np.triu((part @ part.T).toarray())
        found.append(upper + np.triu(upper, 1).T)  # a pair's one sum, both ways
    return found


def _top(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best columns of each row, best first (ties by brief number, for stable output)."""
    part = np.argpartition(-block, k - 1, axis=1)[:, :k] if k < block.shape[1] else np.tile(
        np.arange(block.shape[1]), (block.shape[0], 1))
    values = np.take_along_axis(block, part, axis=1)
    order = np.lexsort((part, -values), axis=1)
    part = np.take_along_axis(part, order, axis=1)[:, :k]
    return part, np.take_along_axis(block, part, axis=1)

