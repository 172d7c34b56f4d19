"""Markdown -> sections -> chunks: exact heading paths and 1-based line ranges, on the real notes and edge cases."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from ingest.chunk import PATH_SEP, chunk_text
from ingest.parse import bare_headings, heading_spans, parse_sections

NOTES = Path(__file__).resolve().parents[1] / "notes"
REAL = sorted(NOTES.glob("*.txt"))

SQS = ("Developer associate", "アプリケーション統合", "Amazon Simple Queue Service (Amazon SQS)")
ML = ("Machine Learning Implementation and Operations",
      "Build ML solutions for performance, availability, scalability, resiliency, and fault tolerance.",
      "AWS environment logging and (error) monitoring")


def ranges(text: str, source: str, path: tuple[str, ...], limit: int = 800) -> list[tuple[int, int]]:
    return [(c.start_line, c.end_line) for c in chunk_text(text, source, limit) if c.heading_path == path]


# Line numbers from `grep -n '^#' notes/...`: a section runs from its heading line to the line before the
# next heading of any level; its first chunk starts at the heading line.
@pytest.mark.parametrize(
    ("note", "path", "section", "chunks"),
    [
        # grep: 48 "### Amazon Simple Queue Service (Amazon SQS)", 103 "### Amazon Pinpoint"; split before the
        # top-level item "- 可視性タイムアウト" (line 77), as both halves together exceed 800 characters
        ("003_16b2854ed933e055.txt", SQS, (48, 102), [(48, 76), (77, 102)]),
        # grep: 324 "## Amazon S3", 330 "### 特徴", 336 "### 用途"
        ("001_7f4ea241d22679ea.txt", ("サービス一覧", "Amazon S3"), (324, 329), [(324, 329)]),
        ("001_7f4ea241d22679ea.txt", ("サービス一覧", "Amazon S3", "特徴"), (330, 335), [(330, 335)]),
        # grep: 160 "### AWS Lambda", 203 "## コンテナ:" (title without the colon), 206 "### コンテナセキュリティ"
        ("003_16b2854ed933e055.txt", ("Developer associate", "コンピューティング", "AWS Lambda"), (160, 202),
         [(160, 178), (179, 202)]),
        ("003_16b2854ed933e055.txt", ("Developer associate", "コンテナ"), (203, 205), [(203, 204)]),
        # grep: 14 "## アプリケーション統合" (empty body) opens its first child's section, 16 "### サービスの分類"
        ("003_16b2854ed933e055.txt", ("Developer associate", "アプリケーション統合", "サービスの分類"), (14, 31),
         [(14, 31)]),
        # grep: 1 "## Machine Learning…", 3 "###", 4 "####" all empty, 6 "##### AWS CloudTrail:", 13 next
        ("004_23115d0d84a0ed3a.txt", (*ML, "AWS CloudTrail"), (1, 12), [(1, 12)]),
        ("004_23115d0d84a0ed3a.txt", (*ML, "Amazon EventBridge (aka Cloudwatch Events)"), (27, 46),
         [(27, 34), (35, 43), (44, 46)]),
        # the file starts at "##" (skipped level); grep: 1 "## Amazon CloudWatch Events", 8 "# CloudWatch"
        ("000_48b62d392b407d6c.txt", ("Amazon CloudWatch Events",), (1, 7), [(1, 7)]),
        ("000_48b62d392b407d6c.txt", ("CloudWatch",), (8, 10), [(8, 10)]),
        # grep: 68 "##  Instance Scheduler" (two spaces), 72 next
        ("000_48b62d392b407d6c.txt", ("Amazon Detective", "Instance Scheduler"), (68, 71), [(68, 71)]),
        # grep: 104 "## 連携と使い分け" to the end of the file (127 lines); line 118 is blank
        ("000_48b62d392b407d6c.txt", ("AWS CloudWatch EventsとStep Functionsの違い", "連携と使い分け"), (104, 127),
         [(104, 117), (119, 125), (126, 127)]),
    ],
)
def test_real_note_sections_and_chunks(note, path, section, chunks):
    text = (NOTES / note).read_text(encoding="utf-8")
    sections = [s for s in parse_sections(text, Path(note).stem) if s.heading_path == path]
    assert len(sections) == 1
    assert (sections[0].start_line, sections[0].end_line) == section
    assert ranges(text, note, path) == chunks
    for c in chunk_text(text, note):
        if c.heading_path == path:
            assert c.section_start == section[0]
            assert c.embed_text.startswith(PATH_SEP.join(path) + "\n")  # split parts repeat the heading path
            # the chunk text is exactly its lines minus the heading line(s) that open the section
            lines = text.splitlines()[c.start_line - 1 : c.end_line]
            assert c.text in "\n".join(lines)


def test_sqs_chunks_hold_the_facts_of_their_lines():
    text = (NOTES / "003_16b2854ed933e055.txt").read_text(encoding="utf-8")
    first, second = [c for c in chunk_text(text, "003.txt") if c.heading_path == SQS]
    assert first.text.startswith("[AWS Black Belt Online Seminar Amazon Simple Queue Service]")
    assert "最大サイズ256KB" in first.text and "デフォルトで30秒" not in first.text
    assert second.text.startswith("- 可視性タイムアウト") and "デフォルトで30秒" in second.text


@pytest.mark.parametrize("note", REAL, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("limit", [100, 300, 800])
def test_chunks_stay_inside_one_section_and_under_the_limit(note, limit):
    text = note.read_text(encoding="utf-8")
    sections = {s.start_line: s for s in parse_sections(text, note.stem)}
    heading_lines = {start for _, start, _ in heading_spans(text)}
    chunks = chunk_text(text, note.name, limit)
    assert chunks
    for c in chunks:
        owners = [s.heading_path for s in sections.values() if s.start_line <= c.start_line <= c.end_line <= s.end_line]
        assert owners == [c.heading_path]
        # the only heading lines a chunk covers are those that open its own section
        assert all(ln < sections[c.section_start].body_start
                   for ln in heading_lines & set(range(c.start_line, c.end_line + 1)))
        # longer than the limit only when the chunk is one line that is itself longer
        assert len(c.text) <= limit or "\n" not in c.text
    assert len({c.id for c in chunks}) == len(chunks)
    # consecutive chunks of a section do not overlap and keep file order
    by_section: dict[int, list] = {}
    for c in chunks:
        by_section.setdefault(c.section_start, []).append(c)
    for part in by_section.values():
        assert part[0].start_line == part[0].section_start
        for a, b in itertools.pairwise(part):
            assert a.end_line < b.start_line


def test_small_limit_splits_sqs_many_times_with_the_path_on_each():
    text = (NOTES / "003_16b2854ed933e055.txt").read_text(encoding="utf-8")
    parts = [c for c in chunk_text(text, "003.txt", 200) if c.heading_path == SQS]
    assert len(parts) >= 5
    assert parts[0].start_line == 48 and parts[-1].end_line == 102
    assert all(c.embed_text.startswith(PATH_SEP.join(SQS)) for c in parts)
    assert len({c.slot for c in parts}) == len(parts)


def sections_of(text: str, source: str = "notes/my-note.md") -> list[tuple[tuple[str, ...], int, int]]:
    return [(c.heading_path, c.start_line, c.end_line) for c in chunk_text(text, source)]


FENCE = "# Title\n\n```bash\n# not a heading\necho hi\n```\n"
SETEXT = "Intro\n=====\n\nbody text\n\nSub\n---\n\nmore\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(FENCE, [(("Title",), 1, 6)], id="hash-in-fenced-code-is-not-a-heading"),
        pytest.param("# Title\n\n    # indented code\n", [(("Title",), 1, 3)], id="hash-in-indented-code"),
        pytest.param("> # quoted\n\n# Real\nbody\n", [(("my-note",), 1, 1), (("Real",), 3, 4)],
                     id="heading-in-blockquote-is-body"),
        pytest.param(SETEXT, [(("Intro",), 1, 4), (("Intro", "Sub"), 6, 9)], id="setext-headings"),
        pytest.param("intro line\n\n# H\nbody\n", [(("my-note",), 1, 1), (("H",), 3, 4)],
                     id="text-before-first-heading-titled-by-file-stem"),
        pytest.param("# A\n\n# B\nbody\n", [(("B",), 3, 4)], id="empty-body-heading-no-chunk"),
        pytest.param("# A\n## A1\n\n# B\n", [], id="only-empty-headings"),
        pytest.param("# A\n\n## B\nbody\n", [(("A", "B"), 1, 4)], id="empty-parent-opens-child-section"),
        pytest.param("## Sub\nbody\n#### Deep\nbody2\n# Top\nx\n",
                     [(("Sub",), 1, 2), (("Sub", "Deep"), 3, 4), (("Top",), 5, 6)], id="skipped-levels"),
        pytest.param("## コンテナ:\n- a\n## Setup：\n- b\n### Why :\n- c\n",
                     [(("コンテナ",), 1, 2), (("Setup",), 3, 4), (("Setup", "Why"), 5, 6)], id="trailing-colon"),
        pytest.param("#  Two   spaces  \nbody\n", [(("Two spaces",), 1, 2)], id="spaces-collapsed"),
        pytest.param("# A\r\n\r\nbody\r\n# B\r\nmore\r\n", [(("A",), 1, 3), (("B",), 4, 5)], id="crlf"),
        # U+2028 and form feed are not line breaks for markdown-it: line numbers must not shift after them
        pytest.param("x\u2028y\n# H\nbody\n", [(("my-note",), 1, 1), (("H",), 2, 3)], id="line-separator"),
        pytest.param("x\x0cy\n# H\nbody\n", [(("my-note",), 1, 1), (("H",), 2, 3)], id="form-feed"),
        pytest.param("", [], id="empty"),
        pytest.param("\n\n   \n", [], id="blank-only"),
        pytest.param("# A\nbody\n# A\nagain\n", [(("A",), 1, 2), (("A",), 3, 4)], id="repeated-heading"),
    ],
)
def test_parser_edge_cases(text, expected):
    assert sections_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# A\n## B\n## C\ntext\n### D\n", [(("A", "B"), 2), (("A", "C", "D"), 5)],
                     id="leaf-with-nothing-under-it"),
        pytest.param("# A\n\n# B\nbody\n", [(("A",), 1)], id="blank-lines-are-nothing"),
        pytest.param("# A\n\n## B\nbody\n", [], id="a-parent-has-its-sub-headings"),
        pytest.param(FENCE, [], id="code-is-a-body"),
        pytest.param("# A\n# B\n", [(("A",), 1), (("B",), 2)], id="last-heading-at-the-end"),
        pytest.param("", [], id="empty"),
    ],
)
def test_bare_headings(text, expected):
    assert bare_headings(text) == expected


def test_chunk_text_is_its_own_lines():
    chunks = chunk_text("x\u2028y\n# H\nbody\n", "a.md")
    assert [c.text for c in chunks] == ["x\u2028y", "body"]


def test_repeated_heading_paths_get_distinct_ids():
    a, b = chunk_text("# A\nbody\n# A\nbody\n", "a.md")
    assert a.hash == b.hash and a.id != b.id


def test_blank_lines_between_blocks_count_towards_the_limit():
    text = "# H\n\n" + "\n\n".join("p" for _ in range(200))
    chunks = chunk_text(text, "a.md", 100)
    assert len(chunks) > 1 and all(len(c.text) <= 100 for c in chunks)


@pytest.mark.parametrize(
    ("text", "limit", "longest"),
    [
        pytest.param("# H\n" + "x" * 5000 + "\n", 100, 5000, id="one-long-line-stays-whole"),
        pytest.param("# H\n```\n" + "line\n" * 400 + "```\n", 100, 100, id="long-code-block-cut-on-lines"),
        pytest.param("# H\n" + "- item\n" * 300, 100, 100, id="long-list"),
    ],
)
def test_long_blocks(text, limit, longest):
    chunks = chunk_text(text, "a.md", limit)
    assert max(len(c.text) for c in chunks) <= longest
    assert {c.heading_path for c in chunks} == {("H",)}
    assert chunks[0].start_line == 1 and chunks[-1].end_line == len(text.splitlines())


def _insert(text: str, at_line: int, line: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join([*lines[: at_line - 1], line + "\n", *lines[at_line - 1 :]])


def test_ids_are_stable_across_runs():
    text = (NOTES / "003_16b2854ed933e055.txt").read_text(encoding="utf-8")
    assert chunk_text(text, "003.txt") == chunk_text(text, "003.txt")


@pytest.mark.parametrize(
    ("edit", "changed_paths", "shift_from"),
    [
        # a blank line at the top moves everything and changes nothing
        pytest.param(lambda t: "\n" + t, set(), 1, id="blank-line-at-top"),
        # a line inside "Amazon SNS" (37..47): SNS changes, SQS below keeps its id and moves by one
        pytest.param(lambda t: _insert(t, 46, "- 追加された行"),
                     {("Developer associate", "アプリケーション統合",
                       "Amazon Simple Notification Service (Amazon SNS)")},
                     46, id="line-inserted-in-section-above"),
        # an edit inside the SQS section's second half changes only that chunk
        pytest.param(lambda t: t.replace("デフォルトで30秒", "デフォルトで31秒"), {SQS}, None, id="edit-in-sqs"),
        # renaming a heading changes the ids under it (the path is part of the text that is embedded)
        pytest.param(lambda t: t.replace("## アプリケーション統合", "## 統合"), "under-renamed", None,
                     id="heading-renamed"),
    ],
)
def test_ids_follow_content_not_line_numbers(edit, changed_paths, shift_from):
    text = (NOTES / "003_16b2854ed933e055.txt").read_text(encoding="utf-8")
    before = {c.id: c for c in chunk_text(text, "003.txt")}
    after = {c.id: c for c in chunk_text(edit(text), "003.txt")}
    gone = {before[i].heading_path for i in before.keys() - after.keys()}
    if changed_paths == "under-renamed":
        assert gone and all(p[:2] == ("Developer associate", "アプリケーション統合") for p in gone)
        return
    assert gone == changed_paths
    if SQS in changed_paths:  # only the second SQS chunk holds the edited line
        assert len(before.keys() - after.keys()) == len(after.keys() - before.keys()) == 1
    for cid in before.keys() & after.keys():
        old, new = before[cid], after[cid]
        moved = shift_from is not None and old.start_line >= shift_from
        assert (new.start_line, new.end_line) == (old.start_line + moved, old.end_line + moved)
        assert (new.text, new.heading_path, new.slot) == (old.text, old.heading_path, old.slot)


def test_source_is_part_of_the_id_but_not_of_the_hash():
    text = (NOTES / "001_7f4ea241d22679ea.txt").read_text(encoding="utf-8")
    a, b = chunk_text(text, "001.txt"), chunk_text(text, "renamed/001.txt")
    assert [c.hash for c in a] == [c.hash for c in b]
    assert not {c.id for c in a} & {c.id for c in b}
