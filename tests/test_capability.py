"""Whether a question asking if two named things work together is answered by a section naming both."""

import pytest

from ingest.tokenize import tokens
from rag.capability import WHETHER, apart, uncompared, unfit


class Notes:
    """The document frequencies of the notes' words: what ``apart`` asks of the index."""

    def __init__(self, *sections: str):
        self.texts = sections
        self.sections = [frozenset(tokens(s)) for s in sections]

    def doc_freq(self, words):
        return {w: sum(w in s for s in self.sections) for w in words}, len(self.sections)

    def headed_chunks(self, word):  # each section is headed by its first word
        return sum(bool(s) and tokens(s.split()[0])[:1] == [word] for s in self.texts)

    def passages(self, word, limit):
        return [s for s in self.sections if word in s][:limit]

    def phrase_chunks(self, phrase):
        words = [tokens(t) for t in self.texts]
        return sum(any(tuple(w[i:i + len(phrase)]) == tuple(phrase) for i in range(len(w))) for w in words)


NOTES = Notes("Fargate GPUは使用できない", "EFS WindowsのSMBはサポートしていない", "Lambda VPC RDS", "Lambda@Edge",
              "Sagemeker Clarify データ準備段階", "SageMaker model monitor", "Kinesis Firehose AmazonRedshiftへロード",
              "Redshift", "API Gateway Lambdaオーソライザの代わりにCongitoユーザープール", "Amazon Cognito",
              "AWS Step Functions AWS Glueジョブの実行", "Pipeline Data Pipeline", "Lambda", "--page-size",
              "--max-items", "PercentIOLimit Max I/O", "Publish Subscribe方式 Amazon MQ Amazon SQS", "SQS")


@pytest.mark.parametrize(
    ("question", "top", "unanswered"),
    [
        ("FargateでWindowsコンテナって動かせますか？", ["Fargate タスク", "EFS Windows"], True),
        ("FargateでWindowsコンテナって動かせたっけ？", ["Fargate タスク", "EFS Windows"], True),  # as remembered
        ("Can I use GPUs with Fargate?", ["Fargate GPUは使用できない"], False),
        ("Can I mount EFS from Windows servers?", ["EFS WindowsのSMBはサポートしていない"], False),
        ("Windows ServerのEC2からEFSをマウントして使える？", ["EFS WindowsのSMBはサポートしていない EC2"], False),
        # what it is for or an example sets the scene; a name the notes never write is judged elsewhere
        ("Can I use GPUs with Fargate for my ML inference containers?", ["Fargate GPUは使用できない"], False),
        ("Can Lambda@Edge reach my VPC, like an RDS database?", ["Lambda VPC RDS", "Lambda@Edge"], True),
        ("Can Fargate run Kubernetes pods?", ["Fargate タスク"], False),
        ("Can I use EFS instead of Lambda?", ["EFS WindowsのSMBはサポートしていない"], False),
        ("LambdaとEC2のEFSで使える？", ["EFS WindowsのSMBはサポートしていない"], True),
        ("Lambda＋EC2のEFSで使える？", ["EFS WindowsのSMBはサポートしていない"], False),  # the other part of a stack
        # how to make two services work together: only services count
        ("How do I mount an EFS file system inside a Lambda function?", ["Lambda VPC RDS", "EFS Windows"], True),
        ("How do I connect a Lambda function to an RDS database?", ["Lambda VPC RDS"], False),
        ("EFS: how do I know when to move from General Purpose to Max I/O?", ["EFS Windows"], False),
        ("FargateとWindowsの違いは？", ["Fargate タスク", "EFS Windows"], False),  # not asking whether
        ("FargateでWindowsとかのコンテナを動かせる？", ["Fargate タスク", "EFS Windows"], True),  # an example asked
        # a name the notes write joined to another word
        ("Can Kinesis Firehose load data into Redshift?", ["Kinesis Firehose AmazonRedshiftへロード"], False),
        # a name of several words is named by its last: the notes misspell the first (「Sagemeker Clarify」)
        ("SageMaker Clarifyって、学習前のデータの偏りをチェックできる？", ["Sagemeker Clarify データ準備段階"], False),
        # or misspell (「Congito」), where the name is written rightly elsewhere
        ("API GatewayでCognitoを使うこともできる？", ["API Gateway Lambdaオーソライザの代わりにCongitoユーザープール"],
         False),
        ("API GatewayでCognitoを使うこともできる？", ["API Gateway Lambdaオーソライザ"], True),
    ],
)
def test_whether_things_work_together_is_said_where_both_are_named(question, top, unanswered):
    assert apart(question, [frozenset(tokens(s)) for s in top], NOTES) is unanswered


@pytest.mark.parametrize(
    "question",
    ["FargateでWindowsコンテナって動かせたっけ？", "FargateってGPU使えるんだっけ？", "KMSって非対称鍵にも対応してる？",
     "Deployment guardrails: if an alarm fires, does it roll back?", "Can I use GPUs with Fargate?"],
)
def test_yes_no_questions_are_read_as_asking_whether(question):
    assert WHETHER.search(question)


@pytest.mark.parametrize(
    ("question", "top", "unanswered"),
    [
        # the notes name Glue only as a Step Functions target: not among the top sections, or there in passing
        ("スケジュールで回すETLなら、Data PipelineとAWS Glueのどっちを選ぶのがいい？",
         ["AWS Data Pipeline スケジュールベース", "AWS CodePipeline"], True),
        ("ETLを組むならData PipelineとAWS Glue、どっちを選ぶべき？",
         ["AWS Data Pipeline スケジュールベース", "AWS Step Functions AWS Glueジョブの実行"], True),
        ("ETLを組むならData PipelineとGlue、どっちを選ぶべき？",  # not written as a service
         ["AWS Data Pipeline スケジュールベース", "AWS Step Functions AWS Glueジョブの実行"], False),
        # a passage naming the other choice too compares them
        ("Amazon MQとAmazon SQS、どっちを選ぶべき？", ["Publish Subscribe方式 Amazon MQ Amazon SQS"], False),
        # each described apart is enough to choose by
        ("aws cli --page-size vs --max-items difference", ["--max-items 項目を少なくする", "--page-size"], False),
        ("イベント駆動で処理を走らせたいとき、Data PipelineとLambdaのどっちを使うべき？",
         ["AWS Data Pipeline", "AWS Lambda イベントソース"], False),
        # not the O of "Max I/O"
        ("Which CloudWatch metric tells me my EFS file system should move to Max I/O mode?",
         ["EFS PercentIOLimit 汎用モード Max I/O モード"], False),
    ],
)
def test_which_to_choose_needs_each_named(question, top, unanswered):
    assert uncompared(question, [frozenset(tokens(s)) for s in top], NOTES) is unanswered


EBS = Notes("マルチアタッチ ボリュームタイプはプロビジョンドIOPS(io1)である必要あり Nitroベースのインスタンス",
            "データボリュームの暗号化 起動ボリュームの暗号化もサポート", "SQS Dead Letter Queue DLQ 同じリージョン")
MULTI_ATTACH = frozenset(tokens(EBS.texts[0]))
BOOT = frozenset(tokens(EBS.texts[1]))


@pytest.mark.parametrize(
    ("question", "unanswered"),
    [
        # a role the notes write of other things, never of the thing asked of
        ("マルチアタッチしたEBSって起動ボリュームにできる？", True),
        ("マルチアタッチしたEBSボリュームを起動ボリューム（ルートボリューム）として使える？", True),
        ("マルチアタッチを有効にしたEBSボリュームってブートボリュームとして使える？", True),  # boot: 起動
        ("Can an EBS Multi-Attach volume be used as the boot volume of the attached instances?", True),
        # the role's other first word in brackets before its last; も after として
        ("マルチアタッチを有効にしたEBSボリュームをルート（起動）ボリュームとして使うことはできる？", True),
        ("マルチアタッチしたEBSボリュームを、ブート（起動）ボリュームとしても使える？", True),
        ("EBSマルチアタッチって起動ボリューム（ルートデバイス）にも使えるの？", True),
        # a role the notes never write may be a paraphrase; how it is used is no role
        ("マルチアタッチしたEBSを共有ディスクとして使える？", False),
        ("EBSのマルチアタッチって、別のAZにあるインスタンスから同時にできる？", False),
        ("マルチアタッチの条件は？", False),  # not asking whether
    ],
)
def test_a_role_is_said_where_the_thing_is_named(question, unanswered):
    assert unfit(question, [MULTI_ATTACH, BOOT], ["マルチアタッチ", "データボリュームの暗号化"], EBS) is unanswered


