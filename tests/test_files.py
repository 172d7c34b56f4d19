"""Finding and reading note files: suffixes, subfolders, hidden folders, encodings, symlinks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.errors import NotesDirError
from ingest.files import Unreadable, read_note, scan

MB = 1_000_000


def write(root: Path, rel: str, data: bytes | str = "# T\nbody\n") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("files", "found"),
    [
        pytest.param(["a.md", "b.markdown", "c.txt"], ["a.md", "b.markdown", "c.txt"], id="note-suffixes"),
        pytest.param(["A.MD", "B.Markdown", "c.TXT"], ["A.MD", "B.Markdown", "c.TXT"], id="suffix-case"),
        pytest.param(["sub/x.md", "sub/deeper/y.txt", "z.md"], ["sub/deeper/y.txt", "sub/x.md", "z.md"],
                     id="subfolders-sorted-posix"),
        pytest.param(["a.md", "b.pdf", "c.rst", "d.md.bak", "e", "f.html", "g.mdx"], ["a.md"],
                     id="other-suffixes-ignored"),
        pytest.param(["a.md", ".hidden.md", ".git/x.md", ".obsidian/n.md", "sub/.cache/y.md"], ["a.md"],
                     id="hidden-files-and-folders-ignored"),
        pytest.param(["日本語/ノート.md"], ["日本語/ノート.md"], id="non-ascii-names"),
    ],
)
def test_scan_finds_notes(tmp_path, files, found):
    for rel in files:
        write(tmp_path, rel)
    assert [n.source for n in scan(tmp_path)] == found


def test_scan_records_size_and_mtime(tmp_path):
    path = write(tmp_path, "a.md", "# T\nbody\n")
    (note,) = scan(tmp_path)
    st = path.stat()
    assert (note.path, note.size, note.mtime_ns) == (path, st.st_size, st.st_mtime_ns)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        pytest.param(lambda root: root / "missing", "Notes folder not found", id="missing"),
        pytest.param(lambda root: write(root, "file.md"), "Notes folder not found", id="a-file-not-a-folder"),
    ],
)
def test_scan_bad_notes_dir(tmp_path, make, error):
    target = make(tmp_path)
    with pytest.raises(NotesDirError, match=error) as exc:
        scan(target)
    assert str(target) in str(exc.value)


def test_scan_empty_dir_is_empty(tmp_path):
    assert scan(tmp_path) == []


def test_symlinks_loop_and_outside_are_not_followed(tmp_path):
    notes, outside = tmp_path / "notes", tmp_path / "outside"
    write(notes, "a.md")
    write(notes, "sub/b.md")
    write(outside, "secret.md")
    (notes / "loop").symlink_to(notes, target_is_directory=True)  # folder loop to the root
    (notes / "sub" / "up").symlink_to(notes / "sub", target_is_directory=True)  # folder loop to itself
    (notes / "out").symlink_to(outside, target_is_directory=True)  # folder outside
    (notes / "out.md").symlink_to(outside / "secret.md")  # file outside
    (notes / "self.md").symlink_to(notes / "self.md")  # file loop
    (notes / "dangling.md").symlink_to(notes / "nowhere.md")
    (notes / "inside.md").symlink_to(notes / "sub" / "b.md")  # file inside: followed
    sources = [n.source for n in scan(notes)]
    assert sources == ["a.md", "inside.md", "sub/b.md"]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        pytest.param("# 見出し\n本文\n".encode(), "# 見出し\n本文\n", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf# BOM\nbody\n", "# BOM\nbody\n", id="utf-8-bom-dropped"),
        pytest.param(b"", "", id="empty"),
        pytest.param(b"a\r\nb\r\n", "a\r\nb\r\n", id="crlf-kept"),
    ],
)
def test_read_note_text_and_hash(tmp_path, data, text):
    write(tmp_path, "a.md", data)
    (note,) = scan(tmp_path)
    got, sha = read_note(note, 20 * MB)
    assert got == text
    assert sha == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param("# 見出し\n".encode("shift_jis"), "not UTF-8", id="shift-jis"),
        pytest.param("# título\n".encode("latin-1"), r"not UTF-8 \(byte 3\)", id="latin-1"),
        pytest.param("# T\n".encode("utf-16"), "looks binary", id="utf-16"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary", id="png"),
        pytest.param(b"# T\n" + b"\x00" * 10, "looks binary", id="nul-bytes"),
        pytest.param(bytes(range(1, 256)) * 16, r"not UTF-8 \(byte 127\)", id="all-byte-values"),
    ],
)
def test_read_note_unreadable(tmp_path, data, reason):
    write(tmp_path, "bad.md", data)
    (note,) = scan(tmp_path)
    with pytest.raises(Unreadable, match=reason):
        read_note(note, 20 * MB)


def test_read_note_too_large(tmp_path):
    write(tmp_path, "big.md", "x" * (2 * MB + 1))
    (note,) = scan(tmp_path)
    with pytest.raises(Unreadable, match="larger than 2 MB"):
        read_note(note, 2 * MB)
