"""The kind of value a question asks for, and statements that give one (pure: no index)."""

from __future__ import annotations

import pytest

from rag.expect import cue_terms, expected, gives, states, subject
from rag.statements import statements


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("SQSのメッセージ保持期間って、デフォルトだと何日？", {"duration"}),
        ("Lambdaのタイムアウトは最長どれくらい？", {"duration"}),
        ("How long does CloudTrail keep events?", {"duration"}),
        ("Lambda Layersって合計で何MBまで載せられる？", {"size"}),
        ("How large can a single object in S3 be?", {"size"}),
        ("Lambda Layersはいくつまで使える？", {"count"}),
        ("How many messages per second can an SQS FIFO queue handle?", {"count"}),
        ("How many days are events kept?", {"duration"}),
        ("Glacierに預けたデータを取り出すのにどれくらい時間かかる？", {"duration"}),
        ("What does the --page-size option of the AWS CLI do?", set()),  # an option's name, not a size
        ("SQSの可視性タイムアウトとは？", set()),
    ],
)
def test_expected_kind_of_value(question, kinds):
    assert expected(question) == kinds


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("デフォルトで30秒", "duration", True),
        ("最大14日間キューにデータを保存する", "duration", True),
        ("Cloudtrail Events are stored for 90 days", "duration", True),
        ("kinesis data streamsは1秒あたり1000レコードの制限を超えると遅延する", "duration", False),  # a rate
        ("1秒間あたり最大300件のメッセージ", "duration", False),
        ("メッセージの最大サイズ256KB", "size", True),
        ("容量無制限(1ファイル5TBまで)", "size", True),
        ("Lambda Layersは最大で5個まで利用する事ができる", "size", False),
        ("Lambda Layersは最大で5個まで利用する事ができる", "count", True),
        ("バージョンにはエイリアスを設定することができる", "count", False),
    ],
)
def test_statement_states_a_value(text, kind, says):
    assert states(text, frozenset({kind})) is says


def test_cue_words_are_not_what_the_value_is_about():
    assert cue_terms("SQSのメッセージ保持期間って、デフォルトだと何日？") == {"期間", "何日", "日"}
    assert cue_terms("How large can a single object in S3 be?") == {"large"}


def test_subject_is_the_names_without_the_unit():
    assert subject("Lambda Layersって合計で何MBまで載せられる？") == {"lambda", "layer"}
    assert subject("EBSのボリュームって最大何TBまで作れる？") == {"ebs"}


def test_a_value_counts_for_the_subject_its_item_or_headings_name():
    section = "- 環境変数を使うことができる。\n    - キーとバリューの合計サイズは4KB以下の制限がある\n" \
              "- Lambda Layersは最大で5個まで利用する事ができる\n"
    found = statements(section, ("Developer associate", "AWS Lambda"), 0)
    size, count = frozenset({"size"}), frozenset({"count"})
    assert [gives(s, size, subject("Lambdaの環境変数のサイズ制限は？")) for s in found] == [False, True, False]
    assert not any(gives(s, size, subject("Lambda Layersの合計サイズは？")) for s in found)
    assert [gives(s, count, subject("Lambda Layersはいくつまで？")) for s in found] == [False, False, True]
