"""Why a limit is the number it is is answered only by a statement giving a reason with that number."""

import pytest

from ingest.tokenize import tokens
from rag.reason import unadvised, unexplained, unreasoned
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
        # a number of things chosen, which the notes never give with a reason
        ("EMRでMaster Nodeを3台構成にするのはなんで？", "Master Node: いわゆるマスターの役割を担う", "EMR Master Node",
         True),
    ],
)
def test_why_a_limit_needs_a_reason(question, said, section, unanswered):
    assert unreasoned(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered


CT = "CloudTrail API calls SageMaker InvokeEndpoint"
SES = "SES SMTP エンドポイント EC2 TCP 25番ポート"


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # what is not done, stated without a reason
        ("Why doesn't CloudTrail record SageMaker InvokeEndpoint calls?", "Doen't monitor SM InvokeEndpoint calls",
         CT, True),
        ("Why can't T2 instances use ENA?", "現行のインスタンスではT2以外は可能", "ENA T2", True),
        ("st1やsc1をブートボリュームにできないのはどうして？", "st1 sc1: スループット最適化", "EBS st1 sc1", True),
        ("Fargate doesn't support GPUs — what's the reason behind that?", "GPUは使用できない", "Fargate GPU", True),
        ("Why doesn't Fargate support GPUs? What's the reason behind it?", "GPUは使用できない", "Fargate GPU", True),
        ("CloudTrail Insightsが読み取りイベントを分析対象にしないのはなぜ？", "analyze write events", "CloudTrail "
         "Insights", True),
        # a reason, or the restriction, given
        ("Why aren't CloudTrail data events logged by default?", "Data events (default off due to volume)",
         "CloudTrail data events", False),
        ("Why can't my EC2 instance send mail through the SES SMTP endpoint on port 25?",
         "デフォルトではEC2から外向きTCP 25番ポートは制限対象", SES, False),
        ("ファイルゲートウェイで同じファイルを複数のクライアントから同時に触るのが推奨されないのはなぜ？",
         "整合性が取れないため、同一ファイルへの複数のクライアントからのアクセスは非推奨", "ファイルゲートウェイ",
         False),
        ("SQSのメッセージ属性がKMS暗号化の対象外になっているのはなぜ？", "メッセージ属性は暗号化されない",
         "SQS KMS メッセージ属性", True),
        # what alone it does is what it does not do otherwise
        ("Why does CloudTrail Insights only look at write events and not read events?",
         "continuously analyze write events to detect unusual patterns", "CloudTrail Insights write events", True),
        # why a default is what it is: answered by a reason only
        ("Why does a CloudTrail trail apply to all regions by default?", "全リージョンに適用するのがデフォルト",
         "CloudTrail trail", True),
        ("Why are CloudTrail data events off by default?", "Data events (default off due to volume)",
         "CloudTrail data events", False),
        ("SQSの可視性タイムアウトがデフォルト30秒なのはなぜ？", "ほぼ無制限のTPS", "SQS 可視性タイムアウト", True),
        # a change from the default is answered by what the change does; a reason in the question's other words
        ("Lambdaのメモリをデフォルトから増やすと速くなるのはなぜ？", "KMSを利用するために", "Lambda メモリ", False),
        ("EFS File Syncがデフォルトで速いのはなぜ？", "並列で転送してくれるので5倍ほど早い", "EFS File Sync", False),
        # …a reason given of what is done by default, not of a neighbour (the cooldown's)
        ("Auto ScalingのデフォルトのターミネーションポリシーでOldestLaunchConfigurationが最初に評価されるのはなぜ？",
         "インスタンス初期化中の無駄なスケーリングを回避するために利用", "Auto Scaling OldestLaunch", True),
        ("Auto ScalingのデフォルトのターミネーションポリシーでClosestToNextInstanceHourが使われるのはなぜ？",
         "インスタンス初期化中の無駄なスケーリングを回避するために利用", "Auto Scaling ClosestToNextInstanceHour",
         True),  # not a reason for anything used
        # not of what cannot be done: what is not needed or does not change is answered by what is done instead
        ("Why doesn't an HVM AMI need any OS modifications?", "完全に仮想化された一連のハードウェアを備えており",
         "HVM AMI", False),
        ("Rolling with additional batchでデプロイ中に容量が減らないのはなぜ？",
         "最初にインスタンスの新しいバッチを起動して",
         "Rolling with additional batch", False),
        # not a negative why, or a second question the notes may answer
        ("Why use an ALIAS record?", "クエリが無料", "Route 53 ALIAS", False),
        ("Auto Scalingが急なスパイクに向いてないのはなぜ？じゃあどう対策すればいい？",
         "Auto Scalingは突発的なスパイクには向いていない", "Auto Scaling スパイク", False),
    ],
)
def test_why_not_needs_a_reason(question, said, section, unanswered):
    assert unexplained(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered


SQS = [Statement("メッセージタイマーはFIFOは未サポート", ("遅延キューとメッセージタイマー",), 0),
       Statement("API呼び出し数が多くなるため、料金が高くなる可能性がある", ("ショートポーリング",), 0)]
EBS = [Statement("EBSを複数のEC2で共有することはできない", (), 0),
       Statement("AZ毎に独立しているため、同一AZのインスタンスからのみ利用可能", (), 0)]
VPC_LAMBDA = [Statement("NATgatewayを使わないとインターネット接続できない。", (), 0),
              Statement("ENIの作成に時間がかかるため、コールドスタートが遅くなる", (), 0)]


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # where the notes state what cannot be done, the reason is given with it or not at all (not by any
        # statement of the section with a cause word)
        ("SQSのメッセージタイマーがFIFOキューで使えないのはどうして？", SQS, "SQS メッセージタイマー FIFO", True),
        ("SQSのメッセージタイマーがFIFOキューでサポートされていないのはなぜ？", SQS, "SQS メッセージタイマー FIFO",
         True),
        # …stated in the question's words, not only its subject's names; a condition is a reason
        ("EBSってなんで同じAZのEC2からしか使えないの？", EBS, "EBS AZ EC2", False),
        ("VPC内に置いたLambdaからインターネットにアクセスできないのはなぜ？", VPC_LAMBDA, "Lambda VPC Lambda", False),
        # …in half the question's words at least; a reason in an item beside it
        ("スタンダードキューで可視性タイムアウトを設定しても二重受信を防ぐことができないのはなぜ？",
         [Statement("正しく処理できないメッセージがキュー内に滞留する事を防ぐ", ("Dead Letter Queue",), 0), SQS[1]],
         "SQS スタンダードキュー", False),
        ("別のAZのEC2にEBSを接続できないのはなぜ？", EBS, "EBS AZ EC2", False),
        # not encrypted is an inability; an item beside it speaking only of a name (KMS) gives no reason
        ("SQSのメッセージをKMSで暗号化しても、メッセージ属性が暗号化されないのはどうして？",
         [Statement("KMSを利用するために追加の料金がかかる。", ("メッセージの暗号化",), 0),
          Statement("メッセージ属性は暗号化対象ではない", ("メッセージの暗号化",), 0)],
         "SQS KMS メッセージ 属性", True),
    ],
)
def test_a_stated_inability_needs_its_reason_with_it(question, said, section, unanswered):
    assert unexplained(question, said, [frozenset(tokens(section))]) is unanswered


ELB = Statement("セッション確立時だけLBを使うのが上手な付き合い方", ("WebSocketとLB",), 0,
                section="Elastic Load Balancing（ELB）")
ELB_DNS = Statement("ELBがスケールするときには、IPアドレスが変化するので必ずDNS名でアクセスすること", (), 0,
                    section="Elastic Load Balancing（ELB）")
RDS = Statement("RDSインスタンスはElastic Beanstalk環境の一部となると、パフォーマンスに最適ではないため", (), 0,
                section="RDSはElastic Beanstalk環境に組み込まず、個別で立てた方が良い")
FARGATE = Statement("GPUは使用できない", (), 0, section="Amazon Fargate")


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # the notes give the advice without its reason: the section restates the question
        ("ELBでWebSocketを扱うときはセッション確立時だけLBを使うのがいいらしいけど、それはなぜ？", [ELB, ELB_DNS],
         "ELB WebSocket LB セッション IP DNS", True),
        # with it (「…ので必ずDNS名で」; a section headed by the advice, saying 「…ため」)
        ("Why should I always reach an ELB through its DNS name rather than its IP address?", [ELB, ELB_DNS],
         "ELB WebSocket LB セッション IP DNS", False),
        ("Elastic BeanstalkでRDSを環境の中に作らないほうがいいって言われるのはなぜ？", [RDS],
         "Elastic Beanstalk RDS 環境 個別", False),
        # advice the notes do not give is not judged here; what cannot be done is a reason
        ("GPUが必要なコンテナをFargateに載せないほうがいいのはなぜ？", [FARGATE], "Fargate GPU", False),
        ("Why use an ALIAS record?", [Statement("クエリが無料", (), 0)], "Route 53 ALIAS", False),  # no advice asked
        # the advice asked of shares at least half as many of the question's words as the closest one
        ("なぜEC2のセッション情報はDBに持たせるほうが望ましいの？",
         [Statement("EC2にセッション情報等を保持する場合に使用（DB等に持たせるほうが望ましい）",
                    ("スティッキー セッション",), 0),
          Statement("→ステートフルをステートレスにするためにセッション情報を管理するよう改修した方が良い", (), 0)],
         "ELB EC2 セッション 情報 DB", False),
        ("WebSocketのときはLBをセッション確立の時だけ使うのがいいってメモにあるけど、それってなんで？",
         [ELB, Statement("ステートフルをステートレスにするためにセッション情報を管理するよう改修した方が良い", (), 0)],
         "ELB WebSocket LB セッション", True),
    ],
)
def test_why_advised_needs_the_reason_with_the_advice(question, said, section, unanswered):
    assert unadvised(question, said, [frozenset(tokens(section))]) is unanswered
