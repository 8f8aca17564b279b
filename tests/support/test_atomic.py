"""atomic: a file is replaced whole, and a failed write leaves the old file and no debris."""

from __future__ import annotations

import pytest

from generator.support.atomic import write_atomically


def test_writes_and_replaces_creating_folders(tmp_path):
    path = tmp_path / "a" / "b" / "page.md"
    write_atomically(path, b"first")
    write_atomically(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["page.md"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "page.md"
    write_atomically(path, b"kept")
    with pytest.raises(TypeError):
        write_atomically(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
