"""Finding and reading note files safely: the only module of the index side that touches note files."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import NotesDirError

NOTE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


@dataclass(frozen=True)
class NoteFile:
    source: str  # path relative to the notes dir, '/'-separated
    path: Path
    size: int
    mtime_ns: int


class Unreadable(Exception):
    """A note that is skipped with a warning (binary, not UTF-8, too large)."""


def scan(notes_dir: Path) -> list[NoteFile]:
    """Every note under ``notes_dir``, sorted by source.

    Symlinks are followed only when they resolve inside the notes dir, and each real folder is
    walked once, so links that loop or point outside are ignored. Hidden files and folders are skipped.
    """
    if not notes_dir.is_dir():
        raise NotesDirError(f"Notes folder not found: {notes_dir}")
    root = notes_dir.resolve()
    prefix = len(str(root)) + 1
    found: dict[str, NoteFile] = {}
    seen_dirs: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = Path(dirpath).resolve()
        if real in seen_dirs or not real.is_relative_to(root):
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in NOTE_SUFFIXES:
                continue
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)  # follows a link; a regular file here is inside root (its folder is)
                if os.path.islink(full) and not Path(full).resolve(strict=True).is_relative_to(root):
                    continue
            except (OSError, RuntimeError):  # dangling or looping link
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            source = full[prefix:].replace(os.sep, "/")
            found[source] = NoteFile(source, Path(full), st.st_size, st.st_mtime_ns)
    return [found[k] for k in sorted(found)]


def read_note(note: NoteFile, max_bytes: int) -> tuple[str, str]:
    """(text, sha256 of the bytes). Raises ``Unreadable`` with a reason for files to skip."""
    if note.size > max_bytes:
        raise Unreadable(f"larger than {max_bytes / 1_000_000:g} MB")  # NOTES_QA_MAX_FILE_MB may be 0.5
    data = note.path.read_bytes()
    if b"\x00" in data[:8192]:
        raise Unreadable("looks binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 (byte {exc.start})") from None
    return text, hashlib.sha256(data).hexdigest()
