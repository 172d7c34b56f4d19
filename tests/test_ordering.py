"""Whether an order is kept is answered only by a statement about the subject that speaks of order."""

import pytest

from ingest.tokenize import tokens
from rag.ordering import unordered
from rag.statements import Statement

EVENTBRIDGE = "EventBridge イベントバス ルール ターゲット"
SQS = "SQS FIFOキュー 配信順序は保たれる"
LAMBDA = "Lambda イベントソース Pull(DynamoDB, Kinesis) 順序性あり"


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # SQS's order is FIFO's, not EventBridge's
        ("Does EventBridge guarantee that events reach their targets in the order they occurred?",
         "配信順序は保たれる", SQS, True),
        ("Does EventBridge guarantee that events reach their targets in the order they occurred?",
         "ルールに一致したイベントをターゲットに送る", EVENTBRIDGE, True),
        ("Kinesisをイベントソースにした場合、Lambdaの処理順って保証される？", "順序性あり", LAMBDA, False),
        ("SQSのFIFOキューって順番は保証される？", "配信順序は保たれる", SQS, False),
        ("EventBridgeのイベントバスって何種類ある？", "ルールに一致したイベント", EVENTBRIDGE, False),  # not asked
    ],
)
def test_an_order_kept_is_said_of_the_subject(question, said, section, unanswered):
    assert unordered(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered
