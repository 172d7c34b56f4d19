"""The chat page through Streamlit's AppTest: real index on tmp_path, real default embedder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.procs import free_port

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT = 120


@pytest.fixture
def notes(tmp_path) -> Path:
    return Path(shutil.copytree(REPO / "notes", tmp_path / "notes"))


@pytest.fixture
def page(notes, tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("NOTES_QA_NOTES_DIR", str(notes))
    monkeypatch.setenv("NOTES_QA_DATA_DIR", str(tmp_path / "data"))
    st.cache_resource.clear()  # the page caches its Assistant per process
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    yield at
    st.cache_resource.clear()


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def last_answer(at: AppTest):
    return at.chat_message[-1]


def test_japanese_question_gets_answer_and_sqs_citation(page):
    ask(page, "SQSの可視性タイムアウトとは？")
    msg = last_answer(page)
    assert msg.name == "assistant"
    assert "30秒" in " ".join(m.value for m in msg.markdown)
    labels = [unescape(e.label) for e in msg.expander]
    assert labels[0].startswith("[1] 003_16b2854ed933e055.txt") and "Amazon SQS" in labels[0]
    assert "(lines 48–102)" in labels[0]


def test_source_opens_to_section_with_used_lines_highlighted(page):
    ask(page, "SQSの可視性タイムアウトとは？")
    section = last_answer(page).expander[0].markdown[0].value
    assert "デフォルトで30秒" in section and ":orange-background[" in section


def test_follow_up_question(page):
    ask(page, "SQSの可視性タイムアウトとは？")
    ask(page, "デフォルト値は？")
    assert "Amazon SQS" in last_answer(page).expander[0].label
    assert len(page.chat_message) == 4


def test_refusal_is_said_plainly(page):
    ask(page, "Amazon Lightsailの料金プランは？")
    msg = last_answer(page)
    assert "ノートには該当する記述が見つかりませんでした" in msg.info[0].value
    assert all(not e.label.startswith("[") for e in msg.expander)  # related sections, not citations


def test_new_chat_clears_history(page):
    ask(page, "SQSとは？")
    page.sidebar.button[0].click().run()
    assert len(page.chat_message) == 0


def test_reingest_button_after_editing_a_note(page, notes):
    note = notes / "003_16b2854ed933e055.txt"
    note.write_text(note.read_text(encoding="utf-8").replace("デフォルトで30秒", "デフォルトで45秒"), encoding="utf-8")
    reingest = next(b for b in page.sidebar.button if b.label == "Re-ingest")
    reingest.click().run()
    summary = page.sidebar.success[0].value
    assert "updated 1" in summary and "removed 0" in summary
    ask(page, "SQSの可視性タイムアウトのデフォルトは？")
    assert "45秒" in last_answer(page).markdown[0].value


def test_notes_edited_on_disk_are_picked_up_before_answering(page, notes):
    (notes / "new.md").write_text("# Amazon Lightsail\n- 月額3.5USDからの定額プラン\n", encoding="utf-8")
    ask(page, "Amazon Lightsailの料金プランは？")
    msg = last_answer(page)
    assert any("Notes changed on disk" in c.value for c in msg.caption)
    assert "月額3" in msg.markdown[0].value


def test_an_ingest_by_the_cli_in_another_process_is_seen_by_the_next_question(page, notes, tmp_path):
    (notes / "new.md").write_text("# Amazon Lightsail\n- 月額3.5USDからの定額プラン\n", encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}  # the page fixture set NOTES_QA_NOTES_DIR and _DATA_DIR
    subprocess.run([sys.executable, "-m", "rag.cli", "ingest"], cwd=tmp_path, env=env, check=True,
                   capture_output=True, timeout=TIMEOUT)
    ask(page, "Amazon Lightsailの料金プランは？")
    msg = last_answer(page)
    assert not any("Notes changed on disk" in c.value for c in msg.caption)  # the page did not ingest it
    assert "月額3" in msg.markdown[0].value and "new" in msg.expander[0].label


def test_html_in_a_note_is_shown_as_text(page, notes):
    (notes / "xss.md").write_text("# XSSテスト\n- 危険なタグ <script>alert(1)</script> と <b>太字</b>\n",
                                  encoding="utf-8")
    ask(page, "XSSテストの危険なタグ")
    msg = last_answer(page)
    shown = [m for m in msg.markdown if "alert" in m.value]
    assert shown
    for m in shown:
        assert "<script>" not in m.value and "\\<script\\>" in m.value
        assert not m.allow_html


def test_markdown_in_a_heading_and_entities_are_shown_as_text(page, notes):
    (notes / "md_label.md").write_text("# **太字見出し** :red[赤] &lt;b&gt;\n- 見出しテスト用の本文 &amp; 記号\n",
                                       encoding="utf-8")
    ask(page, "太字見出しの見出しテスト用の本文")
    msg = last_answer(page)
    label = next(e.label for e in msg.expander if "md" in e.label)
    assert "\\*\\*太字見出し\\*\\*" in label and "\\:red\\[赤\\]" in label and "\\&lt;b\\&gt;" in label
    assert any("本文 \\&amp; 記号" in m.value for m in msg.markdown)


@pytest.mark.parametrize("setting", ["empty notes", "server down"])
def test_setup_problems_are_messages_not_tracebacks(tmp_path, monkeypatch, setting):
    (tmp_path / "notes").mkdir()
    monkeypatch.setenv("NOTES_QA_NOTES_DIR", str(tmp_path / "notes" if setting == "empty notes" else REPO / "notes"))
    monkeypatch.setenv("NOTES_QA_DATA_DIR", str(tmp_path / "data"))
    url = f"http://127.0.0.1:{free_port()}"
    if setting == "server down":
        monkeypatch.setenv("NOTES_QA_CHROMA_URL", url)
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    st.cache_resource.clear()
    assert not at.exception
    message = at.error[0].value
    assert (str(tmp_path / "notes") if setting == "empty notes" else url) in message


def test_too_long_question_is_cut_with_a_notice(page):
    ask(page, "SQSの可視性タイムアウトとは？" + "あ" * 20_000)
    msg = last_answer(page)
    assert any("cut" in c.value for c in msg.caption) and msg.expander


def test_a_misspelt_name_is_answered_with_a_notice(page):
    ask(page, "Lamdbaの環境変数ってサイズの上限ある？")
    msg = last_answer(page)
    assert any("Lamdba" in c.value and "lambda" in c.value for c in msg.caption)
    assert "4KB" in msg.markdown[0].value and msg.expander
