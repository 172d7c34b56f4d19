"""Server mode against a real ``chroma run`` on loopback: ingest, re-ingest, ask, a second machine, server down.

Each "machine" is its own data dir (manifest and keyword index) pointed at the same server URL.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.procs import chroma_server
from ingest.errors import StoreUnavailable
from ingest.index import Index
from ingest.pipeline import ingest
from ingest.store import CHROMA_DIR
from rag.assistant import Assistant
from rag.settings import AskSettings

pytestmark = pytest.mark.server
REPO = Path(__file__).resolve().parents[1]
N003 = "003_16b2854ed933e055.txt"
SQS = "Amazon Simple Queue Service (Amazon SQS)"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as (url, _proc):
        yield url


@pytest.fixture
def machine(tmp_path, clean_env, embedder) -> Iterator[Callable[..., Assistant]]:
    """``machine(name, url)``: an assistant with its own data dir, on the shared notes copy and server."""
    made: list[Index] = []

    def make(name: str, url: str, notes: Path) -> Assistant:
        settings = AskSettings(_env_file=None, notes_dir=notes, data_dir=tmp_path / name, chroma_url=url,
                               collection=f"c_{tmp_path.name[-20:]}".replace("-", "_"))
        index = Index.open(settings, embedder)
        made.append(index)
        return Assistant(settings, index)

    yield make
    for index in made:
        index.close()


def manifest(index: Index) -> tuple[list, list]:
    with sqlite3.connect(index.db.path) as con:
        return (con.execute("SELECT * FROM files ORDER BY source").fetchall(),
                con.execute("SELECT id, source, start_line, end_line FROM chunks ORDER BY id").fetchall())


def test_ingest_reingest_and_ask_through_the_server(server, machine, notes_copy):
    a = machine("a", server, notes_copy)
    first = ingest(a.index)
    assert first.embedded == first.chunks > 200
    assert a.index.store.ids() == {r.id for r in a.index.db.indexed()}
    assert not (a.index.settings.data_dir / CHROMA_DIR).exists()  # no local Chroma store in server mode

    path = notes_copy / N003
    path.write_text(path.read_text(encoding="utf-8").replace("デフォルトで30秒", "デフォルトで45秒"), encoding="utf-8")
    again = ingest(a.index)
    assert (again.embedded, again.updated, again.chunks) == (1, 1, first.chunks)
    assert ingest(a.index).embedded == 0

    answer = a.ask("SQSの可視性タイムアウトのデフォルトは？")
    assert answer.found and answer.citations[0].heading_path[-1] == SQS
    assert "45秒" in answer.text


def test_a_second_machine_sees_the_first_ones_changes(server, machine, notes_copy, tmp_path):
    a = machine("a", server, notes_copy)
    ingest(a.index)
    b = machine("b", server, tmp_path / "b-has-no-notes")
    answer = b.ask("SQSで送れるメッセージの最大サイズは？")  # b pulls the chunks it has never seen
    assert answer.found and answer.citations[0].source == N003 and "256KB" in answer.text
    assert {r.id for r in b.index.db.indexed()} == {r.id for r in a.index.db.indexed()}

    (notes_copy / "new.md").write_text("# 社内メモ\n\n- 検証用の合言葉はペンギン七号\n", encoding="utf-8")
    (notes_copy / "000_48b62d392b407d6c.txt").unlink()
    ingest(a.index)
    answer = b.ask("検証用の合言葉は？")
    assert answer.citations[0].source == "new.md" and "ペンギン七号" in answer.text
    assert {r.id for r in b.index.db.indexed()} == {r.id for r in a.index.db.indexed()}
    assert not any(r.source.startswith("000_") for r in b.index.db.indexed())


def test_a_second_writer_with_the_same_notes_embeds_nothing(server, machine, notes_copy):
    ingest(machine("a", server, notes_copy).index)
    s = ingest(machine("b", server, notes_copy).index)
    assert s.embedded == 0 and s.added == 0
    assert any("changed elsewhere" in n for n in s.notices)


def test_server_down_is_a_clear_error_and_the_manifest_stays(machine, notes_copy, tmp_path, clean_env):
    with chroma_server(tmp_path / "short-lived") as (url, _proc):
        a = machine("a", url, notes_copy)
        ingest(a.index)
        before = manifest(a.index)
    path = notes_copy / N003
    path.write_text(path.read_text(encoding="utf-8") + "\n- 追記\n", encoding="utf-8")

    with pytest.raises(StoreUnavailable, match=f"Chroma server at {url} is not reachable"):
        ingest(a.index)  # the open client finds the server gone
    assert manifest(a.index) == before
    with pytest.raises(StoreUnavailable, match=url):
        a.ask("SQSとは？")

    out = subprocess.run([sys.executable, "-m", "rag.cli", "ingest", "--notes-dir", str(notes_copy), "--data-dir",
                          str(tmp_path / "a"), "--chroma-url", url], capture_output=True, text=True, cwd=tmp_path,
                         env=clean_env, timeout=120)
    assert out.returncode == 2 and f"Chroma server at {url} is not reachable" in out.stderr
    assert "Traceback" not in out.stderr
    assert manifest(a.index) == before


def test_a_local_data_dir_pointed_at_a_server_fills_it(server, machine, notes_copy):
    """The same data dir, first used with a local store, then with a server: the server gets every chunk."""
    n = ingest(machine("a", "", notes_copy).index).chunks
    remote = machine("a", server, notes_copy)
    s = ingest(remote.index)
    assert s.chunks == n and remote.index.store.count() == n
    assert remote.index.store.ids() == {r.id for r in remote.index.db.indexed()}
