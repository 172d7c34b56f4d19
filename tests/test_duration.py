"""A long run of time is answered only by a statement about the subject that gives a length of time."""

import pytest

from ingest.tokenize import tokens
from rag.duration import untimed
from rag.statements import Statement

CHOICE = "SWF Step Functions 使い分け ワークフロー 外部信号 子プロセス"
CLOUDTRAIL = "CloudTrail Event history management events"
SQS = "SQS メッセージ 保持期間"
EFS = "EFS 料金 シドニー"


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # the notes choose between the two by signals and child processes, never by how long a run takes
        ("1回の実行が1年以上かかるような長期のワークフローなら、Step FunctionsとSWFどっちが向いてる？",
         "介入する外部信号が必要な場合は、Amazon SWF使用することが求められている", CHOICE, True),
        ("Can a single Step Functions execution keep running for several months?",
         "視覚的に容易にワークフローを作成できる", CHOICE, True),
        ("Roughly how many months does CloudTrail keep events?", "Events are stored for 90 days", CLOUDTRAIL, False),
        ("SQSのキューにメッセージを長期間残しておける？", "最大14日間", SQS, False),
        ("EFS price per GB-month in the Sydney region?", "0.36USD/GB", EFS, False),  # a price per month
        ("SWFとStep Functionsの使い分けは？", "視覚的に容易にワークフローを作成できる", CHOICE, False),  # not asked
    ],
)
def test_a_long_run_of_time_is_answered_by_a_length_of_time(question, said, section, unanswered):
    assert untimed(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered
