"""What a how-to question asks to turn on, and whether a section's terms name it."""

import pytest

from ingest.tokenize import tokens
from rag.enabling import _owned, enabled, names, unnamed, unstated
from rag.statements import Statement

# words the notes use
USED = frozenset(tokens("認証 要素 バージョニング バージョン 管理 削除 保護 スタック 多 Lambda 新規 ボリューム"))


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("S3バケットのバージョニングを有効にする手順", "S3バケットのバージョニング"),
        ("S3バケットのバージョニングをCLIで有効化する手順教えて", "S3バケットのバージョニング"),
        ("CodePipelineに手動承認のステージを追加するには？", "手動承認のステージ"),  # what kind of stage
        ("VPCの中に置いたLambdaから外部のAPIにアクセスしたい。どうすればいい？", None),  # outside: the internet
        # an abbreviation in brackets is the thing; a word in brackets is another name for it
        ("T2インスタンスで拡張ネットワーキング（ENA）を有効にする方法", "ENA"),
        ("EBSの起動ボリューム（ルートボリューム）を暗号化したい。どういう手順でやるの？",
         ("起動ボリューム", "ルートボリューム")),
        # before って/は and どう
        ("認可結果をキャッシュする時間（TTL）はどう設定する？", "TTL"),
        # the thing nearest the question, not one that sets the scene before it
        ("SQSをKMSで暗号化するとき、データキーの再利用期間はどう設定すればいい？", "データキーの再利用期間"),
        ("Life Cycle Hooksで、待機させておける時間（タイムアウト）を延ばすにはどう設定する？", "タイムアウト"),
        ("In S3, how do I block all public access to every bucket at once?", "public access"),
        ("VPC内のLambdaから、NAT Gatewayを使わずにS3にアクセスする方法ってある？", "S3"),  # what is reached
        ("別アカウントのLambda関数にアクセスするには？", "Lambda関数"),  # the one word reached
        ("KMSキーの自動ローテーションの設定方法", "KMSキーの自動ローテーション"),  # before の設定方法
        ("ECRのリポジトリへのアクセスを制限するには？", None),  # the doing is no thing
        ("How do I import a VM image into EC2?", "VM image"),  # not "into EC2"
        ("How do I export an instance imported with VM Import?", "instance"),
        ("NAT GatewayなしでS3にアクセスしたい。VPCエンドポイントはどう設定すればいい？", "VPCエンドポイント"),
        ("ライフサイクルポリシーってどう書く？", "ライフサイクルポリシー"),
        ("CodeDeployエージェントってどうやってインストールするの？", "CodeDeployエージェント"),
        ("How do I install the CodeDeploy agent on my EC2 instances?", "CodeDeploy agent"),
        ("CodeBuildでdocker buildしたいので特権モードを有効にしたい。どこで設定する？", "特権モード"),
        ("How do I enable versioning on an S3 bucket?", "versioning"),
        ("How do I turn on CloudTrail log file integrity validation so I can tell?",
         "CloudTrail log file integrity validation"),
        ("How do I set up automatic rollback in CodeDeploy when a deployment fails?", "automatic rollback"),
        ("EBSのデフォルト暗号化を有効にしたら、特定のボリュームだけ暗号化しないってできる？", None),  # not how
        ("Are CloudTrail data events turned on by default, or do I have to enable them?", None),
        ("クラスタのEC2台数も自動でスケールさせるには何を設定すればいい？", None),  # 何 is no thing
        ("Lambdaオーソライザーの認可結果をキャッシュして、毎回Lambdaを呼ばないようにするにはどう設定する？",
         "Lambdaオーソライザーの認可結果"),  # a thing cached
        ("S3にアクセスする方法は？", "S3"),  # what is reached
        ("API GatewayでOAuthのトークンを使って独自にアクセス制御したい。どうやって実装する？", None),  # how, not what
    ],
)
def test_the_thing_a_how_to_question_asks_to_turn_on(question, thing):
    assert enabled(question) == (thing if isinstance(thing, tuple) else (thing,) if thing else ())


@pytest.mark.parametrize(
    ("thing", "section", "named"),
    [
        ("多要素認証", "Lambdaオーソライザの代わりにCognitoユーザープールで認証", False),  # 認証 alone is not it
        ("多要素認証", "多要素認証を設定できる", True),
        ("versioning", "Lambdaはバージョニングする事ができる", True),  # in the notes' language
        ("versioning", "バケットのアクセス管理", False),  # not half of バージョン管理
        ("削除保護", "スタックを削除するとリソースも削除", False),
        ("キャパシティプロバイダー", "ECSクラスターにCapacity Providerを追加", True),  # a word no note writes
        ("新規ボリューム", "ボリュームを作成する", True),  # 新規 says which volumes
        ("セッションデータ", "セッション情報をElastiCacheなどで管理する", True),  # data or information held
        ("認可結果", "ベアラートークン認可戦略を使用", False),
    ],
)
def test_a_section_names_the_thing_in_either_language(thing, section, named):
    assert names(thing, frozenset(tokens(section)), USED) is named


def _said(text: str, rank: int = 0) -> Statement:
    return Statement(text, (), rank)


@pytest.mark.parametrize(
    ("question", "said", "section", "unsaid"),
    [
        ("ECRのイメージを別リージョンにレプリケーションするには？", "コンテナイメージはS3に保存される", "ECR", True),
        ("ECRのイメージを別リージョンにレプリケーションするには？", "リージョン間のレプリケーション", "ECR", False),
        ("How do I turn off pagination in the AWS CLI?", "--page-size で項目数を少なくする", "AWS CLI", True),
        ("How do I turn off pagination in the AWS CLI?", "ページ区切りを無効にする", "AWS CLI", False),
        ("KMSキーを別のキーに切り替えたい。どうやる？", "作成時にCMKを使用", "KMS", True),  # a wish says what
        ("KMSキーを別のキーに切り替えたい。どうやる？", "キーを変更できる", "KMS", False),
        ("CloudTrailをオンにするには？", "オンプレミスからも使える", "CloudTrail", True),  # not 「オン」
        # not a change asked how to make: the verb is not the one asked how (a count is asked; "when")
        ("キャッシュ削除、パスを指定するやり方だと同時にいくつまで？", "同時に3,000個まで", "", False),
        ("How do I know when to move from General Purpose to Max I/O?", "MaxI/Oモードにする", "", False),
        ("S3の暗号化を設定する方法は？", "SSE-S3", "S3", False),  # a generic verb is not judged
        # a limit lifted is not a target deregistered (「登録解除」)
        ("25番ポートの送信制限を解除してもらうには、どういう手続きをすればいいの？", "EC2の登録解除", "EC2", True),
        ("25番ポートの送信制限を解除するには？", "制限の緩和を申請する", "EC2", False),
        ("In CodeDeploy, how do I set it up so a failed deployment automatically rolls back?",
         "Canary 最初は10％で", "CodeDeploy", True),
        ("Beanstalkで旧環境に切り戻すにはどうする？", "ロールバックはURLのスワップで行う", "Beanstalk", False),
        # mounted on every boot: said as such, not by how to mount once
        ("EC2を再起動してもEFSが自動でマウントされるようにしたい。どう設定する？",
         "標準の Linux mount コマンドを使用して EFS ファイルシステムをマウント", "EFS", True),
        ("EFSをEC2の再起動後も自動でマウントさせたい。どう設定する？", "/etc/fstab にエントリを追加して自動マウント",
         "EFS", False),
        ("オンプレミスのLinuxサーバーにEFSがマウントされるようにしたい。どうすればいい？",
         "標準の Linux mount コマンドを使用して EFS ファイルシステムをマウント", "EFS", False),  # no boot asked
        # words of other senses: 有効に使う (use well), "lift and shift", 削除 in what is to be found out
        ("インスタンスストアを有効に使う方法は？", "一時データに使う", "", False),
        ("How do I lift and shift my on-premises servers to AWS?", "Snowballで移行", "", False),
        ("誰がEC2インスタンスを削除したか調べる方法は？", "CloudTrailで記録する", "EC2", False),
        # a setting changed may be said to be set, of what is changed; a cache deleted is invalidated
        ("Auto Scalingグループの最小台数を変更するには？", "最小/最大台数等を設定する", "Auto Scaling", False),
        ("SQSの可視性タイムアウトを変更するには？", "遅延時間を設定する", "SQS", True),
        ("CloudFrontのキャッシュを削除するにはどうすればいい？", "キャッシュの無効化", "CloudFront", False),
        ("EBSボリュームを違うAZのインスタンスで使いたい。どうやって移せばいい？", "Snapshotから任意のAZに復元できる",
         "EBS", False),  # moved is restored there
        ("Data Pipelineのアクティビティが失敗したとき、自動で再実行させるにはどう設定する？", "ワークフローを定義する",
         "Data Pipeline", True),
        # back to where it was (not 「スナップショットから戻した」); a second verb or an aside before には/設定
        ("SQSのデッドレターキューのメッセージを元のキューに戻して再処理させるにはどうする？",
         "キューに最大受信数を指定する", "SQS", True),
        ("デプロイが失敗したら自動で旧モデルに戻す（ロールバック）設定ってどうやる", "アラートを出すことができる",
         "SageMaker", True),
        ("デプロイが失敗したら前のバージョンに戻すにはどう設定する？", "自動でロールバックできる", "CodeDeploy", False),
        ("KMSキーを、あとから別のキーに差し替えるにはどうやればいい？", "作成時にCMKを使用", "KMS", True),
        # where a copy, move or share is made to: the notes' move to another AZ is not one to another account
        ("EBSボリュームを別のAWSアカウントに移したい（共有したい）ときはどうすればいい？", "EBSを別AZに移動する",
         "EBS", True),
        ("EBSボリュームを別のアベイラビリティゾーンにあるEC2で使いたい。どうやって移す？", "EBSを別AZに移動する",
         "EBS", False),
        ("EBSのスナップショットを別のリージョンにコピーするにはどうやればいい？", "スナップショットをコピーする場合",
         "EBS", True),
        ("How do I copy an EBS snapshot to another region?", "リージョン間でコピーできる", "EBS", False),
        # applying is answered by where to apply, not by a note that one applies; whether one must is
        ("ELBのPre-Warmingって、どこに何を書いて申請すればいいの？", "Pre-Warmingの申請を行う", "ELB", True),
        ("What's the process for requesting ELB pre-warming?", "Pre-Warming（暖機運転）の申請を行う", "ELB", True),
        ("ELBのPre-Warmingの申請って、どこからどんな情報を出して申し込むの？", "Pre-Warmingの申請を行う", "ELB", True),
        ("ELBのPre-Warmingはどうやって申請する？", "サポートセンターのフォームから申請する", "ELB", False),
        ("アクセスが一気に来そう。ELBに事前に何か申請とか必要？", "Pre-Warming（暖機運転）の申請を行う", "ELB", False),
        ("ELBのPre-Warmingの申請ってどこからどうやって出せばいいの？", "Pre-Warmingの申請を行う", "ELB", True),
        # installing: the steps are said (the mount helper's package) or not (File Sync's agent)
        ("EFS File Syncのエージェントってどうやってインストールするの？", "エージェントがジョブを実行してくれる",
         "EFS File Sync", True),
        ("EFSのマウントヘルパーはどうやってインストールする？", "amazon-efs-utils パッケージをインストールできます",
         "EFS", False),
        # a thing assigned: a statement about it, in the subject's section, says how (not "a static IP" to ALB)
        ("ELBに独自ドメインを割り当てるには？", "独自ドメイン名: Route 53エイリアスレコード", "ELB", False),
        ("How can I assign a fixed static IP address to my Application Load Balancer?", "DNS名でアクセスすること",
         "ALB", True),
        # fewer of something; made into something
        ("Lambdaのコールドスタートを減らすにはどんな設定をすればいい？", "コンテナの作成、ランタイムの初期化", "Lambda",
         True),
        ("AWS CLIで1回のAPI呼び出しで取る件数を減らすにはどのオプション？", "--page-size で項目数を少なくする",
         "AWS CLI", False),
        ("ASGから特定のインスタンスを1台落として、希望容量もそのぶん減らしたい。CLIだとどうやる？",  # decremented
         "--should-decrement-desired-capacityを利用して、インスタンス数の調整オプションの設定が必要", "Auto Scaling",
         False),
        # copied to be used (「コピーして使える？」) asks whether it can be copied, there
        ("EBSのスナップショットって別リージョンにコピーして使える？",
         "スナップショットをコピーする場合、新しいコピーはデータ保存期間設定の影響を受けない", "EBS DLM", True),
        # a change made a condition says not how it is made
        ("How do I turn on CloudTrail Insights for an existing trail?",
         "Used to detect unusual activity in an account (if enabled):", "CloudTrail Insights", True),
        # a target detached from a load balancer is deregistered
        ("Fargate Spotのタスクを止めるとき、ALBからの切り離しはどうすればいい？",
         "ALBからの登録解除も自分で行う必要がある", "Fargate Spot", False),
        ("EBSボリュームをEC2から切り離すにはどうすればいい？", "EBSはEC2にアタッチして使う", "EBS", True),
        ("Can I convert an instance store-backed AMI into an EBS-backed AMI?", "インスタンスストア型のAMIを作成する",
         "AMI", True),
        # found by review: other senses of apply and request; "across different regions" names the regions;
        # a place is any of its words (「他のEC2インスタンスと」); a setting changed, asked whether it can be
        ("How do I apply a lifecycle policy to EBS snapshots?", "スケジュール設定することが可能", "EBS DLM", False),
        ("How do I trace a request through my application with X-Ray?", "処理をトレースして解析する", "X-Ray", False),
        ("How can I replicate S3 objects across different regions?", "異なるリージョン間のレプリケーション", "S3",
         False),
        ("How do I share common code across multiple Lambda functions?", "Lambda Layersとして共通化する", "Lambda",
         False),
        ("EBSボリュームを他のEC2インスタンスと共有できる？", "EBSを複数のEC2で共有することはできない", "EBS", False),
        ("Auto Scalingグループの最小台数は後から変更できる？", "最小/最大台数等を設定する", "Auto Scaling", False),
        ("ELBに独自ドメインを割り当てたい場合、どのレコードで設定すればいい？", "Route 53エイリアスレコード",
         "ELB Route 53", False),
        # a wish before a question asking which thing to use says what it is for
        ("ELBに独自ドメインを割り当てたい。Route 53を使う場合はどのレコードで設定すればいい？",
         "Route 53エイリアスレコード", "ELB Route 53", False),
        # restored from a backup
        ("how do I restore an ElastiCache Redis backup into a new cluster?", "バックアップの改善", "ElastiCache", True),
        ("EBSのスナップショットから復元するには？", "リストア時は新しいボリュームを作成する", "EBS", False),
        # run on a schedule; a wish before 場合 says what to do
        ("How do I schedule SageMaker Model Monitor to run a monitoring job every hour?", "モデルの精度を監視できる",
         "SageMaker", True),
        ("Lambdaをcronみたいに定期実行したいんだけど、どう設定する？", "スケジュールベースでの実行が可能",
         "CloudWatch Events Lambda", False),
        ("暗号化済みのEBSスナップショットを別のAWSアカウントに共有したい場合、どういう手順でやればいい？",
         "EBSを複数のEC2で共有することはできない", "EBS", True),
        # asked whether the change can be made: right before できる, or done automatically
        ("ECRのイメージを別リージョンに自動で複製（レプリケーション）できる？", "コンテナイメージはS3に保存される",
         "ECR", True),
        ("既存のSQSスタンダードキューを、あとからFIFOキューに切り替えることってできますか？", "FIFOは1秒あたり300件",
         "SQS", True),
        ("Do deployment guardrails automatically roll back if an alarm goes off?", "トラフィックを切り替える",
         "SageMaker", True),
        ("EBSを複数のEC2で共有できる？", "EBSを複数のEC2で共有することはできない", "EBS", False),
        ("Can I share an encrypted EBS snapshot with another AWS account? How?", "EBSを複数のEC2で共有できない",
         "EBS", True),  # where it is shared to
        ("Deployment guardrails: if an alarm fires during the canary step, does it automatically roll back?",
         "一部のトラフィックを新しいモデルに切り替え", "SageMaker", True),  # "step" is no how-to here
        # not the change asked whether: a shared drive mounted; enabling asked of a volume type
        ("Windowsサーバー群からEFSを共有ドライブとしてマウントしたいんですが、可能ですか？", "SMBはサポートしていない",
         "EFS", False),
        ("Can I enable EBS Multi-Attach on a gp2 volume?", "io1である必要あり", "EBS", False),
        # switching back is reverting, not switching (Blue/Green's 「切り替え」 does not say how to go back)
        ("With Elastic Beanstalk blue/green, how do I switch back to the old environment?",
         "Blue/Greenでは環境を切り替える", "Elastic Beanstalk", True),
        # resuming a listing, skipping a record, cleaning up images
        ("aws cliで一覧取得を途中で止めて、あとで続きから再開するにはどうする？", "出力する項目を少なくする",
         "AWS CLI --max-items", True),
        ("How can I make Lambda skip a bad record in a Kinesis batch?", "データの有効期限が切れるまでリトライ",
         "Lambda Kinesis", True),
        ("Can ECR automatically clean up old or untagged images?", "コンテナイメージはS3に保存される", "ECR", True),
        ("EBSボリュームの暗号化に使っているKMSキーを、あとから別のキーに付け替える手順は？",
         "暗号化されたボリュームの作成時にKMSカスタマーマスターキーを使用", "EBS", True),  # 付け替え: a switch
        # what the verb after "how do I" is made to do, not when
        ("How do I configure CodeDeploy to automatically roll back when a deployment fails?",
         "デプロイタイプ: In-place, Blue-green", "CodeDeploy", True),
        ("EFS performance modes: how do I know when to move from General Purpose to Max I/O?",
         "PercentIOLimitが100%に届いていたらMaxI/Oモードにする", "EFS", False),
        ("SageMakerのモデル精度が落ちたら自動で検知してアラート飛ばす方法ある？", "ドリフトを検知しアラートを出す",
         "SageMaker Model Monitor", False),  # 飛ばす is to send, not to skip
        # a change wished not to be made is a protection set up
        ("Auto Scalingでスケールインするとき、特定のインスタンスだけは削除されないようにしたい。どう設定すればいい？",
         "Scale Inの対象から除外する用に指定可能", "Auto Scaling インスタンス保護", False),
        ("Auto Scalingでスケールインするとき、特定のインスタンスだけは削除されないようにしたい。どう設定すればいい？",
         "EC2インスタンスを減らすこと", "Auto Scaling Scale In", True),
        # a split is said of the thing split, wherever the question names it
        ("Kinesis Data Streamsでシャードを分割したりマージしたりする具体的な手順を教えて",
         "shardとは、データを分割して保存するための単位", "Kinesis shard", True),
        ("How do I split a shard in Kinesis Data Streams?", "ホットシャードを分割してスループットを上げる",
         "Kinesis shard", False),
        ("SageMakerでトラフィックを新旧モデルに分割する方法は？",  # only shards and partitions are bound
         "一部のトラフィックを新しいモデルに切り替え、残りは古いモデルに残す", "SageMaker Guardrails", False),
        # どう定義する asks how
        ("Step Functionsで、ステートが失敗したときに自動で再試行させるにはどう定義する？",
         "ステートマシンをASLと呼ばれるJSONで記述する", "Step Functions", True),
        # a message moved to a dead-letter queue is put in it
        ("SQSで何度も処理に失敗するメッセージをDead Letter Queueに移すにはどう設定する？",
         "メッセージの取得がその数に達するとDead Letter Queueに入れられる", "SQS Dead Letter Queue", False),
    ],
)
def test_how_to_make_a_change_no_statement_says_is_made(question, said, section, unsaid):
    assert unstated(question, [_said(said)], [frozenset(tokens(f"{section} {said}"))]) is unsaid


def test_the_change_is_said_of_the_subject_the_top_sections_name():
    question = "ECRのイメージを別リージョンにレプリケーションするには？"
    ecr, s3 = frozenset(tokens("ECR イメージ")), frozenset(tokens("S3 レプリケーション"))
    for ranked in ([ecr, s3], [s3, ecr]):  # S3's replication is not ECR's, whichever ranks first
        said = [_said("コンテナイメージ", ranked.index(ecr)), _said("リージョン間のレプリケーション", ranked.index(s3))]
        assert unstated(question, said, ranked)
    # a statement about what is changed, in a section naming no other service, speaks for the subject
    question = "SageMakerで新しいモデルにトラフィックを移行するには？"
    monitor, guardrails = frozenset(tokens("SageMaker model monitor")), frozenset(tokens("Guardrails トラフィック"))
    assert not unstated(question, [_said("トラフィックを新しいモデルに切り替える", 1)], [monitor, guardrails])
    assert unstated(question, [_said("トラフィックを新しいモデルに切り替える", 1)], [monitor, guardrails | {"ecs"}])
    # no top section names the subject: EBS's 「暗号化機能を有効化」 is not how EFS's encryption is turned on
    question = "EFSに保存されるデータ（保管時）の暗号化ってどうやって有効にする？"
    kms, ebs = frozenset(tokens("KMS 保管データの暗号化")), frozenset(tokens("EBS 暗号化機能を有効化"))
    assert unstated(question, [_said("EBSデータは既存の暗号化機能を有効化する", 1)], [kms, ebs])
    assert not unstated(question, [_said("EFSの暗号化機能を有効化する", 1)], [kms, ebs | {"efs"}])


def test_a_thing_written_of_a_service_is_named_without_it():
    """「EC2の起動ボリューム」 is the boot volume, named by EBS's 「起動ボリュームの暗号化」: the service is the
    subject, judged as such; a compound keeps its name (「Cognitoユーザープールのオーソライザー」)."""
    assert _owned("EC2の起動ボリューム") == "起動ボリューム"
    assert _owned("Cognitoユーザープールのオーソライザー") == "Cognitoユーザープールのオーソライザー"
    assert _owned("元のクライアントIP") == "クライアントIP"  # the client's own IP: no note says it is the original
    assert _owned("接続元IP") == "接続元IP"


def test_the_thing_to_set_is_named_with_the_subject():
    question = "EventBridgeで、デッドレターキューはどう設定する？"
    lambda_, sqs = frozenset(tokens("Lambda 非同期")), frozenset(tokens("SQS デッドレターキュー"))
    eventbridge = frozenset(tokens("EventBridge イベントバス"))
    assert unnamed(question, [lambda_, sqs, eventbridge], Notes())
    assert not unnamed(question, [lambda_, sqs | eventbridge], Notes())


class Notes:
    """The index as ``unnamed`` reads it: every word is used somewhere."""

    def doc_freq(self, words):
        words = list(words)
        return dict.fromkeys(words, 1), 1
