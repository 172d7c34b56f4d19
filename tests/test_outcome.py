"""What happens when something occurs is answered only by a statement about the subject that speaks of it."""

import pytest

from ingest.tokenize import tokens
from rag.outcome import unhappened
from rag.statements import Statement
from rag.titles import written_headings

KINESIS = "Kinesis Data Streams shard シャード スループット"
SQS = "SQS Dead Letter Queue 最大受信数"
IMMUTABLE = "Elastic Beanstalk Immutable デプロイ ヘルスチェック"
GUARDRAILS = "SageMaker Deployment Guardrails Canary トラフィックシフトモード"


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # Kinesis's sections never speak of a split
        ("Kinesis Data Streamsでシャードを分割するとどうなる？", "shardの数でスループットが決まる", KINESIS, True),
        # a split is said of the thing split: 「データを分割して保存する」 splits data, not a shard
        ("Kinesisでシャードを分割するとどうなる？", "shardとは、データを分割して保存するための単位", KINESIS, True),
        ("Kinesis Data Streamsでシャードを2つマージしたら、その中のデータはどうなるの？",
         "shardとは、データを分割して保存するための単位", KINESIS, True),
        ("Kinesis Data Streamsでシャード分割（リシャーディング）してる最中に書き込んだらどうなる？",
         "shardとは、データを分割して保存するための単位", KINESIS, True),
        ("What happens when I split a shard in Kinesis Data Streams?", "シャードを分割すると新しいシャードが2つできる",
         KINESIS, False),
        ("Kinesis Data Streamsに1秒あたり1000件超えて書き込むとどうなる？",
         "1000レコードの制限を超えると遅延する可能性がある", KINESIS, False),
        # a holder deleted is said of the holder: deleting the messages it holds says nothing of it
        ("SQSのキューを削除したら、中のメッセージはどうなる？", "取得したメッセージは削除する必要がある", SQS, True),
        ("What happens to the messages if I delete an SQS queue?", "Deleting a queue also deletes its messages", SQS,
         False),
        ("S3でオブジェクトを削除した直後に読み込むとどうなる？", "削除直後は、削除前のデータが参照される可能性がある",
         "S3 オブジェクト DELETE", False),  # what is held, not a holder
        ("What happens if I delete the volume's first snapshot?", "1世代目を削除しても復元は可能", "EBS Snapshot",
         False),  # the holder's, not the holder
        # what becomes of something named between (「…場合、環境はどういう状態になる？」)
        ("Kinesisでシャードを分割した場合、データはどういう状態になる？", "shardの数でスループットが決まる", KINESIS,
         True),
        # a message that cannot be processed is one that fails
        ("SQSで何回受信しても処理に失敗するメッセージってどうなるの？",
         "正しく処理できないメッセージがキュー内に滞留する事を防ぐ", SQS, False),
        ("SageMakerのDeployment GuardrailsでCanary中に新モデルがエラーを出したらどうなる？",
         "一部のトラフィックを新しいモデルに切り替え、残りは古いモデルに残す", GUARDRAILS, True),
        # the subject of the sentence that asks it, not of the next question
        ("Immutableで新インスタンスがヘルスチェック落ちたらどうなる？Rolling with additional batchは何が違うの？",
         "新しいインスタンスがヘルスチェックをパスしなかった場合、終了し元のインスタンスを残す", IMMUTABLE, False),
        ("What happens when I delete an object in an S3 bucket that has versioning turned on?",
         "Lambdaはバージョニングする事ができる", "Lambda バージョニング", True),  # no section names S3
        ("What happens to an EMR cluster if the master node goes down?", "Master Node: いわゆるマスターの役割を担う",
         "EMR Master Node Core Node", True),
        # the notes' words for what occurred: 停止, 下がる, 届く, 終了
        ("RPOが15分のとき、2時にサーバーがダウンしたらどうなる？", "2時にサーバーが停止してしまった場合", "RPO", False),
        ("SageMaker Model Monitorでモデルの精度が落ちたらどうなる？", "モデルの精度が下がった場合にアラートを出す",
         "SageMaker Model Monitor", False),
        ("EFSでPercentIOLimitが100%を超えたらどうなる？", "100%に届いていたらMaxI/Oモードにする", "EFS PercentIOLimit",
         False),
        ("Fargate Spotのタスクが中断されるとどうなる？", "終了イベントが通知される", "Fargate Spot", False),
        # a setting changed, an instance terminated
        ("SQSの遅延キューの遅延秒数を途中で変更したら、キュー内のメッセージはどうなる？",
         "遅延キューはキュー全体に遅延時間を設定する", "SQS 遅延キュー", True),
        ("Route 53の加重ルーティングで重みを変更したらどうなる？", "重み付けの高いエンドポイントにより多くルーティング",
         "Route 53 加重ルーティング", False),  # what the setting does answers it: not a change while in use
        ("EC2インスタンスをterminateしたら、アタッチしてたEBSボリュームはどうなる？",
         "EC2インスタンスにアタッチして使用するブロックレベルのストレージ", "EBS EC2", True),
        ("Elastic Beanstalk環境を終了したら、組み込んだRDSはどうなる？",
         "データベースのライフサイクルを環境のライフサイクルに結び付ける", "Elastic Beanstalk RDS", False),
        # downtime is no failure, an integration no merge
        ("Elastic BeanstalkのAll at onceデプロイだとダウンタイムってどうなるの？", "短時間サービスが停止します",
         "Elastic Beanstalk All at once", False),
        ("Lambda統合でINTEGRATION_TIMEOUTになるとどうなる？", "統合タイムアウトを示す", "INTEGRATION_TIMEOUT Lambda",
         False),
        ("Kinesis Data Streamsのシャードって何？", "shardの数でスループットが決まる", KINESIS, False),  # not asked
        # whether something follows from what occurs: the occurrence read in the condition only
        ("EC2インスタンスをterminateしたら、アタッチしてたEBSボリュームも一緒に消えちゃう？",
         "EC2インスタンスにアタッチして使用するブロックレベルのストレージ", "EBS EC2", True),
        ("If I terminate an EC2 instance, does its EBS root volume get deleted as well?",
         "EC2インスタンスにアタッチして使用するブロックレベルのストレージ", "EBS EC2", True),
        ("If I copy a snapshot created by a DLM policy, will the copy be deleted by the policy too?",
         "新しいコピーはデータ保存期間設定の影響を受けない", "EBS DLM snapshot", False),
        # a restart asked to follow is answered by a statement speaking of one, not by what occurs
        ("Fargate Spotのタスクが中断されたら、通常のFargateで自動的に起動し直してくれる？",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        ("If a Fargate Spot task gets interrupted, does ECS automatically relaunch it on regular Fargate instead?",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        ("EC2のインスタンスが中断されたら、自動で再起動してくれる？",
         "システムステータスチェックの失敗をトリガーにしてEC2インスタンスを再起動することができる", "EC2", False),
        # …after an interruption only: a retry answers a restart asked after a timeout
        ("Lambdaの非同期呼出がタイムアウトしたら、自動的に再実行してくれる？",
         "失敗した場合は、自動的に2回までリトライされる", "Lambda", False),
        # a limit exceeded or a failure, asked as a condition, is answered by the limit or what survives it
        ("EBSで16TBを超える容量が必要な場合、1ボリュームで足りる？", "最大容量は16TB", "EBS 特徴", False),
        ("If an AZ goes down, is my EFS data still accessible?", "複数AZに複製されて保存される", "EFS AZ", False),
        ("SQSの遅延キューの遅延時間を後から変更したら、すでにキューに入っているメッセージにはどう影響する？",
         "遅延キューはキュー全体に遅延時間を設定する", "SQS 遅延キュー", True),
        # a limit exceeded is said with the limit the question names, side by side
        ("SQSのFIFOキューで秒間300件を超えて送信したらどうなる？",
         "FIFOキュー 1秒間あたり最大300件のメッセージ 1回のみ配信 100万件をこえた場合、100万件ごとに0.5USD",
         "SQS FIFO", True),
        ("Kinesisに1秒あたり1000件超えて書き込むとどうなる？",
         "1秒あたり1000レコードの制限を超えると遅延する可能性がある", "Kinesis", False),
        # a time limit passed
        ("Step Functionsのステートマシンの実行がタイムアウトしたらどうなるの？",
         "ステートマシンの実行ステータスが変化した", "Step Functions", True),
        ("Lambdaが実行中にタイムアウトしたらどうなる？", "タイムアウトは最大15分", "Lambda", False),
        ("If an SNS message delivery times out, will it be retried?",  # said as a retry
         "メッセージ送信ができない場合はRetryされる。", "SNS", False),
        # capacity running out: said as a shortage, or as a store that grows
        ("Fargate Spotの空きキャパシティがなくてタスクを起動できないときはどうなる？",
         "Farget Spotを使ってスケールインする場合は、終了イベントが通知される", "Fargate Spot", True),
        ("Fargate Spotでキャパシティが足りずにタスクが起動できないときはどうなる？",  # 足りず, 無かった
         "Farget Spotを使ってスケールインする場合は、終了イベントが通知される", "Fargate Spot", True),
        ("Fargate Spotでタスクを起動しようとしてSpotの空きが無かったらどうなる？",
         "Farget Spotを使ってスケールインする場合は、終了イベントが通知される", "Fargate Spot", True),
        ("What happens if there is no Fargate Spot capacity available when ECS tries to launch my task?",
         "Farget spotプランで最大70OFFの価格で利用できる", "Fargate Spot", True),
        ("EFSの容量が足りなくなったらどうなる？", "ストレージ容量は弾力的で、自動的に拡張および縮小される", "EFS",
         False),
        # …or anything else running short
        ("Fargateのタスクを起動するサブネットのIPアドレスが足りなくなったら、どうなる？",
         "タスク単位でCPUとメモリを割り当てる", "Fargate", True),
        ("Kinesisでシャードが足りなくなったらどうなる？", "1000レコードの制限を超えると遅延する", KINESIS, False),
        ("Lambdaのコンテナが足りなくなったらどうなる？",
         "コールドスタートは、１つもコンテナが無い、利用可能な数以上のリクエストが来た場合に発生する", "Lambda", False),
        # a time passed, written as the time (「120秒経っても」, "still running after the 120-second notice"); a
        # notice of an interruption or termination is none
        ("Fargate Spotの終了通知から120秒経ってもタスクが終わってなかったらどうなるの？",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        ("Fargate Spotで中断の通知が来てから120秒経ってもコンテナが終了しなかったらどうなる？",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        ("What happens if a Fargate Spot task is still running after the 120-second termination notice?",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        ("Lambdaが15分以内に終わらなかったらどうなる？", "タイムアウト 最大15分", "Lambda", False),
        ("Fargate Spotで終了通知から120秒以内にタスクが止まらなかったら、その後どうなるの？",
         "終了イベントが通知されるので、120秒以内に終了する必要がある", "Fargate Spot", True),
        # any time passed is not a limit passed: a thing not done in time is
        ("Auto Scalingでスケールアウトして300秒経ってもインスタンスが初期化中だったら、次のスケーリングはどうなる？",
         "クールダウン - インスタンス初期化中の無駄なスケーリングを回避するために利用", "Auto Scaling", False),
        ("S3に新規PUTして1秒経ってもGETしたらどうなる？見える？", "登録後、即時データが参照できる", "S3 New PUTs",
         False),
        # 時間切れ is a time limit passed; memory used up is capacity run out, asked what happens (not
        # whether it can grow: 「容量を変更可能」); an alarm going off is said as the alarm or alert, or as what it
        # sets off (a rollback, a scaling); a problem that comes up is not judged (「遅延する」, 「複製される」)
        ("ASGのライフサイクルフックで完了通知を返さないまま時間切れになったら、インスタンスはどうなる？",
         "Life Cycle Hooksを利用して初期化する", "Auto Scaling", True),
        ("Fargateのタスクで割り当てたメモリを使い切ったらどうなる？", "タスク単位でCPUとメモリを割り当てる", "Fargate",
         True),
        ("EBSボリュームの容量を使い切ったら、容量を増やせる？",
         "Snapshotを経由することでボリュームタイプや容量を変更可能", "EBS", False),
        ("Deployment GuardrailsのCanaryで新モデル側のCloudWatchアラームが鳴ったら、トラフィックはどうなる？",
         "一部のトラフィックを新しいモデルに切り替え、残りは古いモデルに残す", GUARDRAILS, True),
        ("What happens if a CloudWatch alarm goes off during a Canary traffic shift?",
         "アラームが発生すると自動的にロールバックされる", GUARDRAILS, False),
        ("SageMaker Model Monitorで精度低下のアラームが発報したらどうなる？",
         "モデルの精度が下がった場合にcloudwatchと連携してアラートを出す", "SageMaker Model Monitor", False),
        ("Kinesis Data Streamsで書き込みが多すぎて問題が出たらどうなる？", "1000レコードの制限を超えると遅延する",
         KINESIS, False),
        # 「コケた」 is a failure: a statement never speaking of one does not say what follows it
        ("BeanstalkのImmutableデプロイで新しいインスタンスがヘルスチェックでコケたらどうなる？",
         "Immutable デプロイは高速で安全", IMMUTABLE, True),
        # a failover is nothing exceeded
        ("Route 53でフェイルオーバーしたらどうなる？",
         "ヘルスチェックの結果に基づいて、利用可能なリソースにのみルーティング", "Route 53 フェイルオーバー", False),
        # how it is handled is what happens to it
        ("Connection Drainingの待ち時間が過ぎても終わってないリクエストはどう扱われる？",
         "処理中リクエストは終わるように一定時間待つ機能", "ELB Connection Draining", True),
        # retries used up: answered by what follows them, not by the retry the question names
        ("SNSでリトライしても結局届かなかったメッセージは最終的にどうなる？",
         "メッセージ送信ができない場合はRetryされる。", "SNS", True),
        ("If SNS still can't deliver a message after all its retries, what happens to it?",
         "メッセージ送信ができない場合はRetryされる。", "SNS", True),
        ("KinesisをソースにしたLambdaがリトライしても失敗し続けたらどうなる？", "データが期限切れになるまでリトライ",
         "Lambda Kinesis", False),
        ("Lambdaの非同期呼び出しが失敗したらどうなる？", "失敗した場合は、自動的に2回までリトライされる", "Lambda",
         False),
    ],
)
def test_what_happens_is_said_of_the_subject(question, said, section, unanswered):
    assert unhappened(question, [Statement(said, (), 0)], [frozenset(tokens(section))]) is unanswered


IMMUTABLE_FAILED = Statement("新しいインスタンスがヘルスチェックをパスしなかった場合、それを終了し", (), 0,
                             section="Immutable")


@pytest.mark.parametrize(
    ("question", "unanswered"),
    [
        # a deploy policy's heading written, in English or as its katakana aside: asked of that section
        ("Elastic Beanstalkのローリングデプロイで、ヘルスチェックに通らなかったらどうなる？", True),
        ("Elastic BeanstalkのRollingデプロイで、途中のバッチがヘルスチェックに通らなかったらどうなる？", True),
        ("Elastic BeanstalkのImmutableデプロイで、ヘルスチェックに通らなかったらどうなる？", False),
        ("Elastic Beanstalkのデプロイで、ヘルスチェックに通らなかったらどうなる？", False),
    ],
)
def test_what_happens_in_a_section_the_question_names(question, unanswered):
    rolling = Statement("インスタンスを複数のバッチに分割してデプロイ", (), 1, section="Rolling(ローリング)")
    sections = [frozenset(tokens("Elastic Beanstalk Immutable ヘルスチェック ローリングデプロイ")),
                frozenset(tokens("Elastic Beanstalk Rolling(ローリング) バッチ"))]
    assert unhappened(question, [IMMUTABLE_FAILED, rolling], sections) is unanswered


def test_headings_a_question_writes():
    headings = ["Rolling(ローリング)", "All at once", "AWS Elastic Beanstalk", "Immutable", "暗号化"]
    assert written_headings("All at onceでデプロイ失敗したら戻る？", headings) == [frozenset({"all", "once"})]
    assert written_headings("ローリングデプロイの仕組みは？", headings) == [frozenset({"rolling"})]
    assert written_headings("AWS Elastic Beanstalkで暗号化できる？", headings) == []  # a service's, a Japanese word
    # in passing; a name of the question's own (Immutable) already binds the answer to its section
    assert written_headings("Immutableじゃなくてローリングにしたら？", headings) == [frozenset({"rolling"})]
    assert written_headings("Immutableデプロイが失敗したら？", headings) == []


@pytest.mark.parametrize(
    ("question", "said", "unanswered"),
    [
        # a success, where the top section tells only what follows a failure
        ("BeanstalkのImmutableデプロイが無事成功したら、古いほうのインスタンスはどうなるの？", IMMUTABLE_FAILED.text,
         True),
        ("After an Elastic Beanstalk immutable deployment succeeds, what happens to the temporary Auto Scaling group?",
         IMMUTABLE_FAILED.text, True),
        ("Immutableデプロイが問題なく完了したあと、古いバージョンが動いていたAuto Scalingグループはどうなるの？",
         IMMUTABLE_FAILED.text, True),
        # a success not succeeding is a failure; the section tells of both (「成否」)
        ("In an Immutable deployment, what happens to the original instances if the new ones don't succeed?",
         IMMUTABLE_FAILED.text, False),
        ("Elastic BeanstalkのImmutableデプロイが成功したらどうなる？",
         "呼び出しの成否のみが返却される。失敗した場合は2回までリトライされる", False),
    ],
)
def test_a_success_where_only_a_failure_is_told(question, said, unanswered):
    section = frozenset(tokens("Elastic Beanstalk Immutable ヘルスチェック デプロイ"))
    assert unhappened(question, [Statement(said, (), 0, section="Immutable")], [section]) is unanswered


def test_a_success_where_no_failure_is_told_is_left_to_the_statements():
    """「PUTが成功したあと、すぐGETすると」 is answered by 「登録後、即時データが参照できる」: no failure told."""
    question = "S3で新規オブジェクトのPUTが成功したあと、すぐにGETするとどうなる？"
    said = Statement("登録後、即時データが参照できる", ("新規登録 (New PUTs)",), 0, section="Data Consistency モデル")
    assert not unhappened(question, [said], [frozenset(tokens("S3 Data Consistency モデル PUT GET"))])



def test_a_services_name_is_no_word_of_capacity():
    """「Amazon Elastic Container Service」 heads the ECS section: "elastic" there says nothing of capacity."""
    ecs = Statement("起動タイプは、EC2かFargateのいずれかを選択する。", (), 0,
                    section="Amazon Elastic Container Service (Amazon ECS)")
    assert unhappened("What happens when a container in a Fargate task runs out of memory?", [ecs],
                      [frozenset(tokens("Amazon Elastic Container Service ECS Fargate"))])
