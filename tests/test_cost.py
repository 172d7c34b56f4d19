"""Which thing costs less is answered only by a statement that speaks of cost."""

import pytest

from rag.cost import uncosted
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
