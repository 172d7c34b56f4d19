"""Why a limit is the number it is is answered only by a statement giving a reason with that number."""

import pytest

from ingest.tokenize import tokens
from rag.reason import unreasoned
from rag.statements import Statement

LAMBDA = "Lambda タイムアウト 最大15分 環境変数"
CLOUDTRAIL = "CloudTrail Events stored 90 days data events default off due to volume"


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # the limit stated, never why
        ("Why is the Lambda timeout capped at 15 minutes?", "タイムアウトは最大15分", LAMBDA, True),
        ("Lambdaのタイムアウトってなんで15分が上限なの？", "タイムアウトは最大15分", LAMBDA, True),
        ("CloudTrailのイベント履歴が90日しか保持されないのはなぜ？", "Cloudtrail Events are stored for 90 days",
         CLOUDTRAIL, True),
        # a reason given, or no limit asked of
        ("Why are CloudTrail data events only logged when I turn them on?", "Data events (default off due to volume)",
         CLOUDTRAIL, False),
        ("Why aren't CloudTrail data events logged by default?", "Events are stored for 90 days", CLOUDTRAIL, False),
        ("復元したEBSで最初のアクセスだけ遅いのはなぜ？", "初回アクセス時にIOPSが低下", "EBS", False),
        ("質問なんですが、Lambdaのタイムアウトの最大は？", "タイムアウトは最大15分", LAMBDA, False),  # no why asked
        # no number: the notes often give the reason in other words (「AZ毎に独立しているため」)
        ("Why can an EBS volume only be used from instances in the same AZ?", "同一AZのインスタンスからのみ利用可能",
         "EBS", False),
        # a reason given with the number; a second question the notes may answer
        ("Why is the visibility timeout at most 12 hours?", "12時間までなのは…のため", "SQS", False),
        ("Lambda Layersはなぜ最大5個まで？共通部分をまとめる方法は？", "Lambda Layersは最大で5個まで", LAMBDA, False),
    ],
)
def test_why_a_limit_needs_a_reason(question, said, section, unanswered):
    assert unreasoned(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered
