"""Which thing costs less is answered only by a statement that speaks of cost."""

import pytest

from ingest.tokenize import tokens
from rag.cost import uncosted, unpriced
from rag.statements import Statement


@pytest.mark.parametrize(
    ("question", "said", "unanswered"),
    [
        ("Step Functions vs SWF: which one is cheaper?", "SWFは外部信号を介してプロセスに介入できる", True),
        ("SQS short polling vs long polling - which one is cheaper?", "API呼び出し数が多くなり、料金が高くなる", False),
        ("Which EBS volume types are the cheapest?", "EBS最安のボリュームタイプ", False),
        ("SnowballとDirect Connectだとどっちが安く済む？", "専用線で接続する", True),
        ("SnowballとDirect Connectだとどっちが安く済む？", "$250.00(80TBアプライアンス)", False),
        ("Step FunctionsとSWF、同じワークフローを動かすならコストが安いのはどっち？", "外部信号で介入できる", True),
        ("S3とGlacier、どっちが安く済む？", "1GBあたり3円", False),  # a price in yen speaks of cost
        # not asking which costs less: a thing described by its price; safe and stable are not cheap
        ("Elastic Beanstalkのデプロイポリシーでどれが一番安全？", "Immutable", False),
        ("EFSの汎用モードと最大I/Oモード、どちらが安定したレイテンシー？", "低レイテンシー", False),
        ("サーバーレスコンテナの安いスポット版で中断の通知が来たら何秒以内？", "120秒以内に終了する", False),
    ],
)
def test_which_costs_less_is_answered_by_a_statement_of_cost(question, said, unanswered):
    assert uncosted(question, [Statement(said, (), 0)]) is unanswered


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # what the subject costs, asked: a statement of its section speaks of cost, or nothing answers
        ("AWS Fault Injection Simulatorの料金体系ってどうなってる？", "カオスエンジニアに関連したサービスである",
         "Fault Injection Simulator", True),
        ("What is the price per GB ingested for Kinesis Firehose?", "S3, Redshift, ES へ簡単にロード",
         "Kinesis Firehose", True),
        ("ALBの料金ってどう計算される？", "LCUで課金される", "ALB", False),
        ("ECRのイメージスキャンってお金かかる？", "basic scanningは無料で、Enhanced scanningは有料", "ECR", False),
        # one of two questions, or a complaint with no question: the other may be answered
        ("Are CloudTrail data events on by default? Also, does CloudTrail itself cost anything?",
         "Data events (default off due to volume)", "CloudTrail", False),
        ("DLMで消えるはずのスナップショットが残ってて料金かさんでる", "コピーは保存期間設定の影響を受けない", "DLM",
         False),
    ],
)
def test_what_something_costs_is_answered_by_a_statement_of_cost(question, said, section, unanswered):
    assert unpriced(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered
