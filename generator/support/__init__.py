"""Shared support for the stages: atomic writes, the on-disk caches, worker processes, the
curated data tables."""
