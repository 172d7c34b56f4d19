"""Retrieval and answers on the real notes with the real default embedder (USE multilingual)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from ingest.embedders import UseEmbedder
from ingest.errors import NotIndexed
from ingest.index import Index
from ingest.pipeline import ingest
from rag.acronyms import asked_acronym, expands
from rag.assistant import Assistant
from rag.compounds import unwritten
from rag.glossary import romanized
from rag.query import EmptyQuestion, Query, coverage, names, search_terms, unknown_features
from rag.retrieve import NotesRetriever
from rag.settings import AskSettings
from rag.spelling import _one_edit_away
from rag.statements import statements

REPO = Path(__file__).resolve().parents[1]
NOTES = REPO / "notes"
SQS = ("Developer associate", "アプリケーション統合", "Amazon Simple Queue Service (Amazon SQS)")


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> AskSettings:
    return AskSettings(notes_dir=NOTES, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def assistant(settings) -> Assistant:
    index = Index.open(settings, UseEmbedder())
    ingest(index)
    return Assistant(settings, index)


@pytest.mark.parametrize(
    ("question", "source_prefix", "heading_end", "fact"),
    [
        ("SQSで送れるメッセージの最大サイズは？", "003", SQS[-1], "256KB"),
        ("スタンダードキューの配信保証はどうなっている？", "003", SQS[-1], "少なくとも1回"),
        ("Lambdaのメモリはどの範囲で設定できる？", "003", "AWS Lambda", "3008MB"),
        ("What happens when an asynchronous Lambda invocation fails?", "003", "AWS Lambda", "2回"),
        ("How long is the default SQS visibility timeout?", "003", SQS[-1], "30秒"),
        ("CloudFormationのスタックって何？", "001", "スタック", "リソースの集合"),
        ("What does CloudTrail Insights detect?", "004", "CloudTrail Insights", "unusual activity"),
        ("CodeBuildのビルド手順はどのファイルに書く？", "003", "AWS CodeBuild", "buildspec.yml"),  # 書く ~ 記述
        ("Which file describes a CodeBuild build?", "003", "AWS CodeBuild", "buildspec.yml"),
        # katakana for a word only the English note writes: イベントバス ~ "event buses"
        ("EventBridgeのイベントバスってどんな種類があるの？", "004", "Amazon EventBridge (aka Cloudwatch Events)",
         "Partner"),
        ("Lambda Layersはいくつまで使える？", "003", "AWS Lambda", "5個"),
        ("Can I use GPUs with Fargate?", "000", "Fargate", "GPUは使用できない"),  # GPUs is GPU
        # events replayed (再生) from an archive; a Secret is what confidential information (機密情報) is kept as
        ("EventBridgeのイベントバスに届いたイベントって、アーカイブしておいて後から再生できる？", "004",
         "Amazon EventBridge (aka Cloudwatch Events)", "replayed"),
        ("ECSのタスク定義でDBのパスワードみたいな機密情報をコンテナに渡すにはどうする？", "003",
         "Amazon Elastic Container Service (Amazon ECS)", "Secret"),
        ("EBSボリューム1個あたりの最大容量は？", "001", "特徴", "16TB"),
        # 何も設定してない is the default
        ("Auto Scalingでスケールインするとき、何も設定してないとどのインスタンスから消される？", "001", "その他",
         "OldestLaunchConfiguration"),
        ("Auto Scalingでスケールインするとき、何も設定していなければどのインスタンスから終了される？", "001", "その他",
         "OldestLaunchConfiguration"),
        # a language the notes never name is answered by the one they do; their words for profiling, local
        ("CodeGuru ProfilerでPythonのアプリもプロファイルできる？", "003", "Amazon CodeGuru", "Java"),
        ("Step Functions をlocalで開発・テストしたいんだけど、どうすればいい？", "003", "AWS Step Functions",
         "StepFunctionsLocal"),
        # English words typed for parts of the notes' katakana words are no names they lack
        ("SQSでshort pollingじゃなくてlong pollingを使うメリットは？", "003",
         "Amazon Simple Queue Service (Amazon SQS)", "API呼び出し数"),
        # a timeout asked how long is answered by the time the notes give, though they do not call it one
        ("Fargate Spotの終了通知からのタイムアウトはどれくらい？", "003", "Amazon Fargate", "120秒"),
        # values of two things compared: each one's
        ("What's the maximum network bandwidth with ENA compared to the Intel 82599 VF interface?", "002",
         "Intel 82599 Virtual Function (VF) インターフェイス", "100Gbps"),
        ("S3に新しいオブジェクトをアップロードした直後にGETするとどうなる？", "001", "Data Consistency モデル", "即時"),
        # a country named is one a routing rule is made for
        ("Route 53で日本からのDNSクエリには日本向けのサーバーのIPを返したい。ルーティングポリシーはどれを使う？", "001",
         "ルーティングポリシー", "Geolocation"),
        ("What is the maximum timeout of a Lambda function?", "003", "AWS Lambda", "15分"),
        # abbreviations, a number against a name, an everyday loanword setting the scene
        ("上司にRPO15分でって言われたんだけど、具体的にどういう意味？", "002", "RPO(目標復旧時点)", "RPO"),
        # 「無理なら」 only hedges what follows (not the notes' 「…とかは無理」)
        ("急なアクセススパイクってAuto Scalingだけで耐えられるの？無理ならどういう対策がある？", "001", "その他",
         "スパイク"),
        ("来週キャンペーンでLBに一気にアクセス来そうなんだけど、ELB側で事前にやっとくべきことってある？", "001",
         "Elastic Load Balancing（ELB）", "Pre-Warming"),
        # a loanword the notes never write describes the situation (シグナル), it is not the subject
        ("ワークフローの途中で外部からのシグナルで介入したい。Step FunctionsとSWFのどっちを使う？", "002",
         "SWF・Step Function使い分け", "SWF"),
        # a price nested under the subject's own name (FIFOキュー); EventBridge is CloudWatch Events
        ("How much does an SQS FIFO queue cost per million requests?", "003", SQS[-1], "0.5USD"),
        ("EventBridge（CloudWatch Events）のスケジュール実行は最短で何分おきに設定できる？", "000",
         "CloudWatch Events", "1分"),
        # English words inside a Japanese question are words, not names the notes lack
        ("SQSのvisibility timeoutのdefault値っていくつでしたっけ", "003", SQS[-1], "30秒"),
        ("What are the requirements for using EBS Multi-Attach?", "002", "マルチアタッチ", "io1"),
        # nor is what happens to the subject (中断される, passive), though the notes never write 中断
        ("Fargate Spotでタスクが中断される通知がきたら、何秒以内に終了させる必要がある？", "003", "Amazon Fargate",
         "120秒"),
        # a verb of a clause of context (勉強していますが、) is not what is asked
        ("資格試験を勉強していますが、SQSの可視性タイムアウトのデフォルトは何秒？", "003", SQS[-1], "30秒"),
        # 「遅延が最小になる」 describes a policy, it asks for no duration
        ("Route 53で遅延が最小になるルーティングポリシーは？", "001", "ルーティングポリシー", "レイテンシー"),
        ("EBSはどれだけ大きくできる？", "001", "特徴", "16TB"),  # どれだけ大きく asks a size, not "only"
        # a request to the assistant (説明して) is not an action the notes must describe
        ("SageMakerのDeployment Guardrailsで選べるtraffic shifting modeを全部挙げて、それぞれ一言で説明して", "000",
         "Deployment Guardrails", "All at once"),
        # 終了/削除 of an instance is its termination (「ターミネーションポリシー › デフォルトは…」)
        ("Auto Scalingでスケールインするとき、デフォルトだとどのインスタンスから削除される？", "001", "その他",
         "OldestLaunchConfiguration"),
        # CamelCase for the notes' hyphenated name; "trailing" is no trail (証跡)
        ("What does the HalfAtATime deployment config do in CodeDeploy?", "003", "AWS CodeDeploy", "50"),
        ("What does the trailing 'n' mean in an instance type like c5n?", "002", "追加機能", "ネットワーク"),
        # "Route53" typed without its space is the notes' "Route 53"
        ("Route53のALIASレコードへのクエリって料金かかる？", "001", "Amazon Route 53", "無料"),
        # DNS says what is queried, not whose price is asked
        ("Route 53のエイリアスレコードに対するDNSクエリって料金かかる？", "001", "Amazon Route 53", "無料"),
        # a default asked, the plain value stated ("Events are stored for 90 days", no 最大 or まで)
        ("How long are CloudTrail events kept by default?", "004", "CloudTrail Insights", "90 days"),
        # a clause saying which of a name's things is asked (発火するLambda@Edgeの…) is not a thing to do;
        # what CodeGuru 対応 (supports) is its 対象 (what it takes)
        ("CloudFrontがリクエストをオリジンに転送する前に発火するLambda@Edgeのイベント名は？", "002", "Lambda@Edge",
         "オリジンリクエスト"),
        ("CodeGuruってどの言語に対応してる？", "003", "Amazon CodeGuru", "Java"),
        # a spike absorbed is one handled (対応); 「知りたい」 asks the assistant
        ("アクセス集中（スパイク）ってAuto Scalingで吸収できますか？", "001", "その他", "突発的なスパイク"),
        ("Fargateでできないことって何がある？制約をまとめて知りたい", "000", "Fargate", "GPU"),
        # the web's own words (URL) need not be in the notes: what is asked of them is the service's
        ("ロードバランサー1台で、URLのパスごとに別々のアプリへ振り分けたいんだけどできる？", "001",
         "Application Load Balancer (ALB)", "コンテントベース"),
        # a plan checked against the limit
        ("Can I give a Lambda function 4GB of memory?", "003", "AWS Lambda", "3008MB"),
        # 「見たい」 asks the assistant too; metrics one can get (取れる) are captured (取得)
        ("CloudWatchでSageMakerのメトリクスは何分間隔で取れるか見たい", "004", "Cloudwatch vs Cloudtrail", "1 minute"),
        # a symptom in a user's words: PK is a primary key
        ("I defined a primary key on my Redshift table but duplicate rows still got loaded. Isn't the PK supposed "
         "to block that?", "001", "Amazon Redshift", "制約が存在しない"),
        # a name the notes write in one place only (InvokeEndpoint) points at that place
        ("Does CloudTrail record SageMaker InvokeEndpoint calls?", "004", "AWS CloudTrail", "InvokeEndpoint"),
        # a name the notes never write, of a subject whose section says what alone it takes
        ("CodeGuruでPythonのコードレビューもできるって本当？", "003", "Amazon CodeGuru", "Javaのみ"),
        ("Can I use KMS for asymmetric RSA key pairs, or is it symmetric only?", "001", "AWS Key Management Service",
         "のみサポート"),
        # a question about exclusivity is answered first by the statement of what alone it takes
        ("Can I create asymmetric keys in KMS, or is it symmetric-only?", "001", "AWS Key Management Service",
         "のみサポート"),
        # a name the notes lack in a sentence of context (gp2) is not what the asking sentence asks
        ("gp2のEBSボリュームを2台のEC2に同時アタッチしようとしたけどできなかった。マルチアタッチの条件って何？", "002",
         "マルチアタッチ", "io1"),
        # what something means (意味してる) is asked of the assistant, not an action the notes must describe
        ("API GatewayからLambdaを呼んでるんだけど、ログにINTEGRATION_TIMEOUTが出る。何を意味してる？", "002",
         "INTEGRATION_TIMEOUT", "実行しない場合"),
        # a loanword compound the notes write in English (マルチパートアップロード: "Multipart Upload")
        ("S3へ大きいファイルを上げる時、どのくらいのサイズからマルチパートアップロードを使う？", "001",
         "パフォーマンス最適化", "100MB"),
        # a compound holding the notes' own rare word (インプレース) is theirs, phrased otherwise; katakana
        # joined by 「・」 is a list
        ("インプレースデプロイとブルーグリーンデプロイの違いを教えて", "002", "インプレースアップグレード", "In-Place"),
        ("オンプレのテープ装置をやめたい。Storage Gatewayだとファイル・ボリューム・テープのどれ？", "001",
         "テープゲートウェイ", "装置の代替"),
        # whether data persists is stated as its opposite (揮発性)
        ("Instance store vs EBS: does instance store cost extra, and is the data persistent?", "001",
         "インスタンスストア", "揮発性"),
        # AWS is no subject a price must name; "API call history" is what is recorded, not API Gateway
        ("AWSのコンテナイメージ置き場で脆弱性スキャンできる？お金かかる？", "003",
         "Amazon Elastic Container Registry (Amazon ECR)", "無料"),
        ("How long are the account's API call history records kept by default before I have to ship them to S3?",
         "004", "CloudTrail Insights", "90 days"),
        # the notes abbreviate SageMaker as SM ("Captures SM monitoring metrics at a 1 minute frequency")
        ("At what granularity does CloudWatch collect SageMaker monitoring metrics?", "004", "Cloudwatch vs Cloudtrail",
         "1 minute"),
        # ... one holding much of it does (the Fargate section, for 「サーバーレスコンテナの安いスポット版」)
        ("サーバーレスコンテナの安いスポット版で中断の通知が来たら、何秒以内にタスクを終了させないといけない？", "003",
         "Amazon Fargate", "120秒"),
        # ... and one they hold ("how long sqs keep message")
        ("how long sqs keep message", "003", SQS[-1], "14日"),
        # service names typed in katakana are the names the notes write
        ("クラウドウォッチイベントのスケジュール実行って最短何分ごとにできる？", "000", "CloudWatch Events", "1分"),
        ("ラムダのタイムアウトって最大何分？", "003", "AWS Lambda", "15分"),
        # two questions in one: the value asked is of the first's subject, not the second's (DLQ)
        ("SQS: what's the default visibility timeout? also, can my DLQ live in another region?", "003", SQS[-1],
         "30秒"),
        # "amplify" typed in lowercase is a verb, not AWS Amplify (what compression costs, the notes never say)
        ("Does CloudFront compress files at the edge to amplify performance?", "001", "Amazon CloudFront", "Gzip"),
        # a rate (1秒に1000レコード) is no duration to prefer (SQS's 30秒)
        ("シャードに1秒に1000レコード以上書き込むとどうなる？", "000", "shard（シャード）", "1000レコード"),
        # "GPU-based" is about GPUs; a feature of a service the notes write with it (GPU, Fargate) is what
        # is asked, not a word they never write (inference)
        ("Can I run GPU-based containers on Fargate?", "000", "Fargate", "GPUは使用できない"),
        ("Can I run GPU-based ML containers on Fargate?", "000", "Fargate", "GPUは使用できない"),  # ML: a field
        # a beginner's words: 最初 is the notes' 初回, 作り直す their 復元 (「Snapshotから復元したボリューム」)
        ("スナップショットから作り直したEBS、最初の読み込みだけやたら遅い気がする。対策ある？", "001",
         "事前ウォーミング(Pre-Warming)", "ペナルティ"),
        ("Can I use GPUs with Fargate for my ML inference containers?", "000", "Fargate", "GPUは使用できない"),
        # an item's value, its other sub-items saying what the item is (the visibility timeout, unnamed)
        ("SQSでメッセージを受け取ったあと、他のコンシューマーからそのメッセージが見えなくなる時間は、初期設定だと何秒？",
         "003", SQS[-1], "30秒"),
        # a value written (30秒ごと) brings forward the statement of its limit (最小1分間隔)
        ("CloudWatch Eventsのスケジュールで30秒ごとにジョブを起動したいけどできる？", "000", "CloudWatch Events",
         "最小1分間隔"),
        # C5d is a C5 with an option the notes explain without writing "C5d"
        ("what does the 'd' in instance types like C5d mean?", "002", "追加機能", "インスタンスストア"),
        # a claim to check: the notes' requirement answers a name they never write (gp2); OK is no name
        ("EBSのマルチアタッチ、gp2ボリュームでもできるよね？", "002", "マルチアタッチ", "io1"),
        ("EBSマルチアタッチはgp2でも使えるの？io1とは違う？", "002", "マルチアタッチ", "io1"),
        ("RPOが15分で、サーバーが2:00に落ちた場合って1:30までのデータを戻せればOKって理解でいい？", "002",
         "RPO(目標復旧時点)", "1時45分"),
        # a line of type names means its heading (「メモリ最適化」); a cost is paid (有料)
        ("インメモリDBにはどのインスタンスファミリーを選ぶ？具体的なタイプも", "002", "メモリ最適化",
         "メモリ最適化 › R4 R5"),
        ("Does Amazon ECR scan images for vulnerabilities, and does that cost extra?", "003",
         "Amazon Elastic Container Registry (Amazon ECR)", "有料"),
        ("Snowballの80TBモデルは$250だったよね？", "001", "AWS Snowball", "$250.00"),
        ("Snowballの80TBアプライアンスって1台あたりいくらかかるの？", "001", "AWS Snowball", "$250.00"),  # its price
        ("FIFOキューは1秒300件だよね？", "003", SQS[-1], "1秒間あたり最大300件"),  # a rate claimed, no duration
        ("Snowballでデータ移行するとき、配送込みで全部で何日くらいかかる？", "001", "AWS Snowball",
         "運搬も含めて10日程度"),  # 「全部で」 is in all, no list asked
        ("I’d like to know Lambda’s memory range.", "003", "AWS Lambda", "3008MB"),  # not d, know
        # practitioner and number questions: a requirement answers a name the notes lack when the subject is
        # in the top section in its Japanese form; an AWS CLI subcommand is no subject; a password is a
        # secret; シャットダウン is 終了; 何ギガ asks a size; "env vars"; Sydney is シドニー
        ("Can I enable EBS Multi-Attach on a gp2 volume? What are the requirements?", "002", "マルチアタッチ", "io1"),
        ("aws s3 cp でデカいファイルを上げるとき、何MBを超えたらマルチパートアップロードにした方がいい？", "001",
         "パフォーマンス最適化", "100MB"),
        ("ECS task definition: how do I pass a DB password to the container without hardcoding it?", "003",
         "Amazon Elastic Container Service (Amazon ECS)", "Secret"),
        ("Fargate Spot でタスクが回収されるとき、何秒以内にシャットダウンしないといけない？", "003", "Amazon Fargate",
         "120秒"),
        ("EBSのボリュームって最大で何ギガまで作れるんだっけ", "001", "特徴", "16TB"),
        ("lambda env vars total size limit - how many bytes?", "003", "AWS Lambda", "4KB"),
        ("EFS price per GB-month in the Sydney region?", "001", "Amazon Elastic File System", "0.36"),
        # "how big can the IOPS penalty be" asks for a share, not a size
        ("Restoring an EBS volume from a snapshot - how big can the IOPS penalty on first access to each block be?",
         "001", "事前ウォーミング(Pre-Warming)", "50%"),
        # two items of a list chosen stand for the whole list (Partner, the third bus type); not items that
        # have sub-items of their own (what Push and Pull each do)
        ("EventBridgeのイベントバスって、DefaultとCustomの2種類だけだよね？", "004",
         "Amazon EventBridge (aka Cloudwatch Events)", "Partner (receive events from SAAS)"),
        ("LambdaのイベントソースのPushモデルとPullモデルって何が違う？", "001", "AWS Lambda", "順不同"),
        # a question for every item: the whole list on one line, in the notes' order, named by its section
        # when its parent item is a long sentence
        ("Route 53のルーティングポリシーにはどんな種類がある？", "001", "ルーティングポリシー",
         "ルーティングポリシー: シンプルルーティング (Simple)、加重ルーティング (Weighted)、レイテンシールーティング"
         " (Latency)、フェイルオーバールーティング (Failover)、位置情報ルーティング (Geolocation) [1]"),
        ("Lambda@Edgeの関数をトリガーできるCloudFrontのイベントを全部挙げて", "002", "Lambda@Edge",
         "(オリジンレスポンス)、CloudFront がビューワーにレスポンスを返す前 (ビューワーレスポンス) [1]"),
        ("SageMakerのDeployment Guardrailsのトラフィックシフトのモードっていくつある？", "000", "Deployment Guardrails",
         "All at once; Canary; Linear"),  # the things asked, not a number
        ("インスタンスタイプ名に付く「a」ってどういう意味？", "002", "追加機能", "AMD"),  # a letter is a term
        # English typed in katakana (エンクリプション: 暗号化); the default asked by one question of a message
        # is not required of the other's limit
        ("Lambdaの環境変数のエンクリプションってデフォルトで何のキー使ってる？あとサイズの上限は？", "003",
         "AWS Lambda", "4KB"),
        ("Lambda environment variables: how are they encrypted by default, and what's the total size limit?", "003",
         "AWS Lambda", "4KB"),  # the same, two questions in one sentence
        # "option" typed in English is the notes' オプション, no name they lack
        ("aws cli で大量のリソースをlistするとタイムアウトする。--max-items じゃなくて何のoptionを使えばいい？", "002",
         "--max-items", "--page-size"),
        # the English note writes Lambda as λ
        ("EventBridgeのルールからLambdaを呼び出すとき、権限はどう設定すればいい？", "004",
         "Amazon EventBridge (aka Cloudwatch Events)", "resource based policy"),
        ("ELBの要点をざっくり復習したい", "001", "Elastic Load Balancing（ELB）", "ELB"),  # 復習 is the person's
        # ため is no word of the question's (EBS's 「AZ毎に独立しているため」 ranked above the conditions); a name
        # written once is re-scored however low fusion ranks its section
        ("EBSのマルチアタッチを使うための前提条件を教えてください。", "002", "マルチアタッチ", "Nitro"),
        ("AWS FISって何をするためのサービス？", "003", "AWS Fault Injection Simulator", "発見し解決"),
        # when a thing is done is no thing to name; words the notes write otherwise (合格: パス, 定義: 記述,
        # overwriting: Overwrite)
        ("SQSでメッセージがデッドレターキューに移されるタイミングはどうやって設定するの？", "003", SQS[-1],
         "最大受信数"),
        ("Route 53でヘルスチェックに合格しているリソースだけをDNSで返したい場合のルーティングポリシーはどれ？", "001",
         "ルーティングポリシー", "Failover"),
        ("CodeBuildでビルドのコマンドを定義するファイル名は？", "003", "AWS CodeBuild", "buildspec.yml"),
        ("What happens if I GET an S3 object right after overwriting it?", "001", "Data Consistency モデル",
         "以前のデータ"),
        # a crowd of requests is a sudden load; a new volume is a volume (新規 says which, it is no thing)
        ("セール開始直後にELBへアクセスが一気に押し寄せるのが分かっている場合、事前にAWS側へ何をしておくべき？", "001",
         "Elastic Load Balancing（ELB）", "Pre-Warming"),
        ("EBSボリュームの暗号化について。どんなアルゴリズムで暗号化されるのか、あと新規ボリュームを全部デフォルトで"
         "暗号化したいときはどこで設定するのか教えてください", "002", "暗号化", "リージョンごと"),
        # what is outside is the internet; how long a thing is stored is how long it is kept
        ("VPCの中に置いたLambdaから外部のAPIにアクセスしたいんだけど、どうすればいい？", "002", "VPC Lambda",
         "NATgateway"),
        ("CloudTrailの保持期間って何日間？", "004", "CloudTrail Insights", "90 days"),
        # a compound's parts are words ("accounts/Regions": account); a programming language asked is one named
        ("How can EventBridge event buses be used from other accounts?", "004",
         "Amazon EventBridge (aka Cloudwatch Events)", "Resource based policies"),
        ("Which programming languages can CodeGuru analyze?", "003", "Amazon CodeGuru", "対象はJavaのみ"),
        # a section headed 「その他」 is named by its parent's heading (Auto Scaling)
        ("キャンペーンで一瞬だけアクセスが跳ね上がるサイトなんだけど、Auto Scalingに任せておけば大丈夫？"
         "ダメならどうすればいい？", "001", "その他", "向いていない"),
        # so is 混乱
        ("RTOとRPOの違いがいつも混乱する…それぞれ何を表すの？", "002", "RTO（目標復旧時間）", "ダウンを許容"),
        # of two offered, the heading says which one a statement is of
        ("本番のモデルの精度が落ちたらアラートを出したい。SageMaker Model MonitorとClarifyどっちを使えばいい？", "000",
         "Sagemaker model monitor", "Sagemaker model monitor ›"),
        # encrypting is no verb whose object must be named: the notes say TSL, not "traffic"
        ("How do I encrypt EFS traffic in transit when mounting it on EC2?", "002", "マウントヘルパー",
         "amazon-efs-utils"),
        # 計測 is what a metric does (not a doing the notes never write)
        ("API GatewayのIntegrationLatencyメトリクスは何を計測している？", "002", "メトリクス", "IntegrationLatency"),
        # the notes write "NAT Gateway" as one word (NATgateway): no name the notes lack
        ("VPC内に置いたLambdaから外部のAPIを叩きたいんだけど、NAT Gatewayなしだとどうなる？インターネットに出られる？",
         "002", "VPC Lambda", "NATgateway"),
        # the thing to turn on, named as the notes write it
        ("ECSでクラスターのオートスケーリングを有効にするには何を設定すればいい？", "002",
         "EC2を使用する場合のAuto Scaling", "Capacity Provider"),
        # two katakana names side by side are two names
        ("セージメーカークラリファイってなんだっけ まあざっくり何するやつ", "000", "Sagemeker Clarify", "バイアス"),
        # exam questions with options: a distractor the notes never write is no subject ("Xen-based"), NOT
        # is emphasis, the section that is an option is named
        ("SQSの可視性タイムアウトのデフォルト値は？ A) 0秒 B) 30秒 C) 60秒 D) 12時間", "003", SQS[-1], "30秒"),
        ("To use EBS Multi-Attach, the EC2 instances must be: (a) any type (b) Nitro-based (c) Xen-based only",
         "002", "マルチアタッチ", "Nitro"),
        ("EMR: which node does NOT hold HDFS data? Master node, Core node, or Task node?", "001", "分散処理基盤",
         "Task Node"),
        ("Which SageMaker tool gives a visual bias report? (a) Model Monitor (b) Clarify (c) Debugger", "000",
         "Sagemeker Clarify", "Sagemeker Clarify ›"),
    ],
)
def test_answer_cites_the_right_section(assistant, question, source_prefix, heading_end, fact):
    answer = assistant.ask(question)
    assert answer.found
    top = answer.citations[0]
    # NFC: some headings of 001 are written with decomposed kana (テ + ゛)
    assert top.source.startswith(source_prefix) and unicodedata.normalize("NFC", top.heading_path[-1]) == heading_end
    assert fact in answer.text
    assert len(answer.text) <= 700 and answer.text.count("\n- ") <= 4
    # every statement ends with a marker that names a citation
    for line in answer.text.splitlines():
        n = int(line.rsplit("[", 1)[1].rstrip("]"))
        assert 1 <= n <= len(answer.citations)


def test_run_on_a_schedule_is_found_in_other_words(assistant):
    """定期 is スケジュール: 「Lambdaを定期実行したい」 had found only the Lambda section without a
    schedule and was refused."""
    answer = assistant.ask("Lambdaを定期実行したい。どう設定する？")
    assert answer.found and "CloudWatch Events – Schedule" in answer.text



def test_sections_stating_the_kind_of_value_asked_come_forward(assistant):
    """A size is asked for: the S3 sections that state sizes lead, the one with the limit first in the answer."""
    answer = assistant.ask("How large can a single object in S3 be?")
    first = answer.text.splitlines()[0]
    assert "5TB" in first
    n = int(first.rsplit("[", 1)[1].rstrip("]"))
    assert answer.citations[n - 1].heading_path[-2:] == ("Amazon S3", "特徴") and n <= 2


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("How many days does SQS keep messages at most?", "14日"),
        ("What is the maximum retention period for SQS messages?", "14日"),
        ("CloudTrailのイベント履歴って何日分残るんだっけ？", "90 days"),
        ("How many messages per second can an SQS FIFO queue handle?", "300件"),
        # whether it can be done is answered first by what alone it takes
        ("Can I use asymmetric keys with AWS KMS?", "のみサポート"),
        ("SQSのFIFOは1秒に何メッセージまで？", "300件"),  # 何メッセージ: a count; 1秒に: the rate, not its subject
        ("kinesis data streamsって何レコード/秒まで大丈夫？", "1000レコード"),  # 「/秒」 before Japanese is a rate
        # a value a plan writes is checked against the one the notes give ("an hour": 1 hour)
        ("Lambda関数を1時間くらい回し続けることってできる？", "最大15分"),
        ("Can a Lambda function run for a full hour?", "最大15分"),
        # an English word's other forms count as it ("replay": "replayed", "archive": "archived")
        ("Can EventBridge keep an archive of events and replay them later?", "replayed"),
    ],
)
def test_a_value_question_is_answered_first_by_a_statement_giving_the_value(assistant, question, fact):
    assert fact in assistant.ask(question).text.splitlines()[0]


def test_an_abbreviation_is_read_as_what_it_stands_for(assistant):
    answer = assistant.ask("Can a Step Functions state machine call DDB directly? What operations?")
    assert answer.found and "DynamoDB : 既存アイテムの取得" in answer.text


def test_an_exam_sets_the_scene_and_a_port_is_read_apart_from_its_protocol(assistant):
    assert assistant.ask("DVA勉強中なんですが、Lambdaの環境変数はデフォルトで暗号化されますか？").found
    assert "25番ポート" in assistant.ask("EC2 外向き TCP25 既定で制限？").text


def test_a_misspelt_name_is_read_as_the_note_writes_it(assistant):
    answer = assistant.ask("Lamdbaの環境変数ってサイズの上限ある？")
    assert answer.found and "4KB" in answer.text
    assert answer.notices == ("Read “Lamdba” as “lambda”.",)
    assert answer.question == "Lamdbaの環境変数ってサイズの上限ある？"
    assert not assistant.ask("Amazon Lightsailの料金プランは？").notices  # not a typo of anything
    assert not assistant.ask("API Gatewayのstageの設定は？").notices  # a word, too short to be read as "state"
    assert not assistant.ask("Route54のルーティングポリシー").notices  # never by changing a digit
    # an English word with two letters swapped; never another real word ("router" is not "route")
    swapped = assistant.ask("whats the defualt visibility timeout for an sqs queue?")
    assert "30秒" in swapped.text and swapped.notices == ("Read “defualt” as “default”.",)
    assert not assistant.ask("Direct Connectのon-prem側routerのrequirementsをlistで").notices
    # two names the notes write as one word
    split = assistant.ask("What languages does Amazon Code Guru support?")
    assert split.found and "Javaのみ" in split.text
    assert split.notices == ("Read “Code Guru” as “codeguru”.",)
    nat = assistant.ask("VPC内のLambdaからNAT Gatewayなしだとインターネットに出られる？")
    assert nat.found and "NATgateway" in nat.text and nat.notices == ("Read “NAT Gateway” as “natgateway”.",)
    # the notes' own slip of a short name, written beside another name of the question (EFS)
    tls = assistant.ask("EFSをマウントするとき、通信をTLSで暗号化したい。どうすればいい？")
    assert tls.found and tls.citations[0].heading_path[-1] == "マウントヘルパー" and "-o tsl" in tls.text
    assert tls.notices == ("Read “TLS” as “tsl”.",)
    assert not assistant.ask("SSMパラメータストアってLambdaから使える？").notices  # no SMS beside Lambda
    # nor a service's name, nor a term the notes write more than once (SSE is no SES, ELT no ETL)
    assert not assistant.ask("EC2からSSEでS3にデータを保存するには？").notices
    assert not assistant.ask("RedshiftでELTをやるには？").notices
    # a service's full name the notes never write is its abbreviation (Elastic Block Store: EBS); not one they write
    full = assistant.ask("Elastic Block Store (EBS) をデフォルトで暗号化できる？")
    assert full.found and "リージョンごと" in full.text and full.notices == ("Read “Elastic Block Store” as “EBS”.",)
    assert not assistant.ask("What is Amazon Elastic File System?").notices
    s3 = assistant.ask("Amazon Simple Storage Service の1ファイルの最大サイズは？")  # each word written elsewhere
    assert s3.found and s3.notices == ("Read “Simple Storage Service” as “S3”.",)
    # a service's name dictated apart in lowercase
    dictated = assistant.ask("how long does cloud trail keep events")
    assert "90 days" in dictated.text and dictated.notices == ("Read “cloud trail” as “cloudtrail”.",)
    # two terms one edit away: the service's name, not the notes' own misspelling (Farget)
    fargate = assistant.ask("Fargete Spot使うと通常より最大どれくらい安くなる？")
    assert fargate.found and "最大70OFF" in fargate.text and fargate.notices == ("Read “Fargete” as “fargate”.",)


@pytest.mark.parametrize(
    ("typed", "near", "far"),
    [("lamdba", {"lambda", "lamdb", "lamdbas"}, {"lambda2"}), ("fargte", {"fargate"}, set()),
     ("route54", {"route-54"}, {"route53", "route5", "route45"})],  # never a digit changed
)
def test_words_one_edit_away(typed, near, far):
    candidates = _one_edit_away(typed)
    assert near <= candidates and not far & candidates and typed not in candidates


def test_options_are_names_of_the_question(assistant):
    answer = assistant.ask("AWS CLIの--max-itemsと--page-sizeの違いは何ですか")
    assert answer.found
    assert {c.heading_path[-1] for c in answer.citations[:2]} == {"--max-items", "--page-size"}


def test_citations_come_from_metadata(assistant):
    answer = assistant.ask("SQSの可視性タイムアウトとは？")
    c = answer.citations[0]
    lines = (NOTES / c.source).read_text(encoding="utf-8").splitlines()
    assert lines[c.start_line - 1].lstrip("# ").startswith("Amazon Simple Queue Service")
    assert "デフォルトで30秒" in c.text and any("30秒" in u for u in c.used)
    assert [x.n for x in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_scale_out_keeps_its_out(assistant):
    assert "Scale Out" in assistant.ask("What does scale out mean in Auto Scaling?").text


def test_a_question_asking_two_values_is_answered_by_either(assistant):
    answer = assistant.ask("SQSの可視性タイムアウトって初期値何秒だっけ？あとFIFOキューは1秒あたり何件まで捌ける？")
    assert answer.found and "30秒" in answer.text
    answer = assistant.ask("Can I still look up a CloudTrail event from 4 months ago?")  # in days in the notes
    assert answer.found and "90 days" in answer.text


def test_an_english_word_in_a_japanese_question_is_no_name_when_the_glossary_has_it(assistant):
    answer = assistant.ask("S3のACLとbucket policyがconflictしたらどっちが優先される？")  # 「…が優先される」
    assert answer.found and "バケットポリシーが優先" in answer.text
    assert assistant.ask("遅延キューとメッセージタイマーが競合したらどっちが優先？").found


def test_a_default_compared_with_is_not_asked(assistant):
    answer = assistant.ask("How can I analyze CloudTrail events older than what CloudTrail keeps by default?")
    assert answer.found and "Athena" in answer.text


def test_names_that_set_the_scene_are_not_whose_value_is_asked(assistant):
    answer = assistant.ask("注文処理をSQSのFIFOキューで処理してます。コンシューマはECS on Fargate、DBはAurora、監視は"
                           "Datadog。SQSのFIFOキューって1秒あたり最大何件のメッセージまで扱えますか？")
    assert answer.found and "300件" in answer.text


def test_a_symptom_in_the_users_words_finds_the_cause(assistant):
    """An access 集中 is the notes' spike; a shared disk corrupted asks for 排他制御."""
    for question, fact in [("セール開始直後のアクセス集中でサイトが落ちる。Auto Scalingが間に合わないのはなんで？",
                            "突発的なスパイク"),
                           ("I attached one io1 volume to two instances with Multi-Attach and the filesystem got "
                            "corrupted. What did I miss?", "排他制御")]:
        answer = assistant.ask(question)
        assert answer.found and fact in answer.text


def test_nested_bullet_keeps_its_parent(assistant):
    answer = assistant.ask("SQSの可視性タイムアウトのデフォルトは？")
    assert "可視性タイムアウト › デフォルトで30秒" in answer.text


def test_item_is_shown_with_its_sub_items(assistant):
    answer = assistant.ask("What kinds of unusual activity can CloudTrail Insights find?")
    assert "Used to detect unusual activity in an account (if enabled): Inaccurate resource provisioning; " \
           "Hitting service limits" in answer.text
    assert answer.text.count("Used to detect unusual activity") == 1  # its sub-items do not repeat it


def test_statement_names_its_section_when_the_question_does_not(assistant):
    answer = assistant.ask("Elastic Beanstalkのデプロイポリシーの種類は？")
    labels = {line[: line.find("›") + 2] for line in answer.text.splitlines()}
    assert {"- All at once › ", "- Rolling(ローリング) › "} <= labels
    assert "- Amazon Simple Queue" not in assistant.ask("SQSの可視性タイムアウトのデフォルトは？").text
    # asked which one, the heading names it
    answer = assistant.ask("Which Kinesis service should I pick if I just want to load streaming data into S3?")
    assert "Amazon Kinesis Firehose › " in answer.text


def test_follow_up_uses_the_conversation(assistant):
    first = "SQSの可視性タイムアウトとは？"
    answer = assistant.ask("デフォルト値は？", [first])
    assert answer.found and answer.citations[0].heading_path == SQS
    assert "30秒" in answer.text


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Amazon Lightsailの料金プランは？", "ノートには該当する記述が見つかりませんでした"),
        ("What is the SLA of Amazon RDS Multi-AZ?", "could not find"),
        ("DynamoDBのパーティションキーの設計のコツは？", "見つかりませんでした"),  # the notes never say パーティション
        # features named by what they do: the CLI's next page, multivalue answers, an EFS access point used
        ("AWS CLIで途中まで取得した一覧の続きから取得を再開したい。どのオプションを使えばいい？",
         "見つかりませんでした"),
        ("Route 53で、1回のDNS応答に複数のIPアドレスをまとめて返したいときはどのルーティングポリシーを選ぶ？",
         "見つかりませんでした"),
        ("EFSでアプリごとにアクセスポイントを切ってディレクトリを分けるにはどう設定する？", "見つかりませんでした"),
        ("SNSでリトライしても結局届かなかったメッセージは最終的にどうなる？", "見つかりませんでした"),
        # requests sampled are written of SQS's short polling only; shadow tests nowhere
        ("X-Rayって全部のリクエストをトレースせずにサンプリングするのはなぜ？", "見つかりませんでした"),
        ("本番に影響を出さずに新モデルを試したい。Deployment Guardrailsとシャドーテスト、どっちを使うべき？",
         "見つかりませんでした"),
        ("Lambdaオーソライザーの認可結果ってキャッシュさせられる？できるならTTLはどれくらい？", "見つかりませんでした"),
        # how to do a thing no top section about the subject names (アクセスログ, public access, タイムアウト)
        ("ELBのアクセスログをS3に保存するにはどうやって設定する？", "見つかりませんでした"),
        ("In S3, how do I block all public access to every bucket in my account at once?", "could not find"),
        ("Auto ScalingのLife Cycle Hooksで、待機させる時間（タイムアウト）を延ばすには？", "見つかりませんでした"),
        ("Secrets Managerのシークレットをローテーションするには？", "見つかりませんでした"),  # nor ローテーション
        ("Kinesis Data Streamsのデータ保持期間のデフォルトは？", "見つかりませんでした"),  # no default stated
        # requests sampled: SQS's short polling samples servers, X-Ray's sampling is no subject of the notes
        ("Why does X-Ray only sample some of the requests instead of tracing every one?", "could not find"),
        # the subject is in the notes, a value of the kind asked for is not stated for it
        ("Lambda Layersって合計で何MBまで載せられる？", "見つかりませんでした"),  # a count (5個), no size
        ("SQSのメッセージ保持期間って、デフォルトだと何日？", "見つかりませんでした"),  # 30秒 is another default
        ("SQSのメッセージ保持期間って、特に設定しなかったら何日になるの？", "見つかりませんでした"),  # implied default
        ("What is the maximum data retention period for a Kinesis data stream?", "could not find"),
        ("What's the maximum size of a zipped Lambda deployment package?", "could not find"),  # 3008MB: memory
        # the kind's own word, translated (size: サイズ), says nothing of what the value is of: 「合計サイズは
        # 4KB以下」 is the environment variables'
        ("Lambda deploy fails saying my package is too large. What's the maximum zip size I can upload?",
         "could not find"),
        ("Glacierに預けたデータを取り出すのにどれくらい時間かかる？", "見つかりませんでした"),
        ("What is the maximum delay I can set on an SQS delay queue?", "could not find"),  # 14日間 is retention
        ("Route 53のホストゾーンって1つあたり月いくらかかる？", "見つかりませんでした"),  # only ALIAS queries are free
        ("スナップショットの最大サイズは？", "見つかりませんでした"),  # 16TB and 256KB are of EBS and SQS
        ("Lambdaのタイムアウトを指定しない場合は何秒？", "見つかりませんでした"),  # a maximum, no default
        ("What does a 50TB Snowball appliance cost?", "could not find"),  # $250 is the 80TB one's price
        ("SQSの可視性タイムアウトって最大どこまで延ばせる？", "見つかりませんでした"),  # 30秒 is the default
        # the unit asked for, and a count asked as "maximum number of"
        ("What is the per-shard write throughput of Kinesis Data Streams in MB per second?", "could not find"),
        ("What's the maximum number of snapshots a Data Lifecycle Manager policy can retain?", "could not find"),
        ("Route 53ってDNSSEC署名に対応してる？", "見つかりませんでした"),  # no 「…のみ」 to answer it either
        # 「…環境からのみ」 says nothing of gRPC; an uncovered glossary word (rotation) is no name to answer
        # with 「…のみサポート」; s3fs is no instance type; "e.g." ends no sentence
        ("Internal ELBはgRPCに対応？", "見つかりませんでした"),
        ("Does KMS support automatic key rotation?", "could not find"),
        ("s3fsでS3バケットをマウントできる？", "見つかりませんでした"),
        ("Does Secrets Manager support automatic rotation, e.g. every 30 days?", "could not find"),
        ("Which is cheaper, SQS vs. Lightsail?", "could not find"),
        # what is asked to be done is written nowhere in the notes (修復)
        ("AWS Configのルールに違反したリソースを自動で修復させることはできますか？", "見つかりませんでした"),
        # each word is in the notes (プロビジョンド, 同時実行), the thing the name names is not
        ("LambdaのProvisioned Concurrencyってどう課金されるの？", "見つかりませんでした"),
        # a compound of everyday loanwords the notes write in neither language ("message group")
        ("SQSのFIFOキューのメッセージグループIDって何に使う？", "見つかりませんでした"),
        ("EFSのスループットモード、バーストとプロビジョンドはどう使い分ける？", "見つかりませんでした"),
        # a name the notes lack in the context, when the asking sentence names nothing of theirs; a
        # period inside a name ends no sentence (t3.micro, Node.js)
        ("We are moving to Lightsail. What is the cheapest monthly price?", "could not find"),
        ("Does Lightsail support t3.micro?", "could not find"),
        ("Does Lambda support Node.js 20?", "could not find"),
        ("Is rotation supported by Secrets Manager?", "could not find"),
        ("How do I configure an ALB listener to redirect HTTP traffic to HTTPS?", "could not find"),  # リダイレクト
        # two services, or an unwritten word before the feature: no feature asked of a service
        ("How do I rotate the password of RDS with Lambda?", "could not find"),
        ("How do CPU credits work on T2 instances in EC2?", "could not find"),
        ("Can I download Snowball data offline into S3?", "could not find"),
        # a service's name typed in lowercase is still a name the notes lack, as is a path ("/tmp")
        ("How much /tmp storage does a Lambda function get by default?", "could not find"),
        ("how much does lightsail cost?", "could not find"),
        ("guardduty pricing?", "could not find"),
        # a service never mentioned, typed in katakana
        ("ライトセイルって月いくらから使える？", "見つかりませんでした"),
        # no name ties the value asked to a section: one holding little of the question does not answer
        ("If the pub/sub notification service can't deliver to an HTTP endpoint, how many times does it retry?",
         "could not find"),
        # NLB is not there because each word of "Network Load Balancer" is
        ("ALB vs NLB: which one should I use for ultra low latency TCP traffic?", "could not find"),
        # a maximum memory is a size: Fargate's notes give none
        ("What's the maximum vCPU and memory I can allocate to a single Fargate task?", "could not find"),
        # a rate asked (requests per second): 4XXError states no number of requests
        ("What's the default API Gateway throttling limit (requests per second) per account?", "could not find"),
        # a claim to check asks for the value it states: none of that kind is given (a count, 5個; a price,
        # the 80TB one's)
        ("Lambda Layersって合計250MBまでだったよね？", "見つかりませんでした"),
        ("Snowballの50TBモデルは$200だったよね？", "見つかりませんでした"),
        ("DLMのポリシーで保持できるスナップショットは最大いくつある？", "見つかりませんでした"),  # a limit asked
        # いくつ of a duration asks for one (30秒 is the default, 14日間 the retention); a throttling limit
        # is a rate
        ("SQSの可視性タイムアウト、1時間超える処理があるから最大いくつまで設定できる？", "見つかりませんでした"),
        ("API Gateway is throwing 429 Too Many Requests. What's the default throttling limit?", "could not find"),
        # a plan to check against a limit asks for the kind of value it writes: SNS has no size in the
        # notes (256KB is SQS's), Kinesis no retention
        ("Can I publish a 300 KB message to an SNS topic?", "could not find"),
        ("Kinesisでレコードを7日間保持させたいけど、そこまで延ばせる？", "見つかりませんでした"),
        ("kinesis 保持期間", "見つかりませんでした"),  # a keyword query asks a value too
        # a service of the scene is what is asked of when the asking sentence names none; a protocol the
        # notes never name; a loanword verb before a name is what is asked to be done
        ("SNSを使ってます。メッセージの最大サイズは何KB？", "見つかりませんでした"),  # 256KB is SQS's
        ("Does ALB support UDP?", "could not find"),
        ("Amazon Lightsail — what does it cost per month?", "could not find"),  # English, with a dash
        ("RDSのパスワードをローテーションするLambda関数ってどう作る？", "見つかりませんでした"),
        # how to turn on a thing no top section names, however much else of the question they hold
        ("S3バケットのバージョニングを有効にする手順", "見つかりませんでした"),  # versioning is Lambda's
        ("How do I set up automatic rollback in CodeDeploy when a deployment fails?", "could not find"),
        ("CodePipelineに手動承認のステージを追加するには？", "見つかりませんでした"),
        # how to make a change no top statement about the subject says is made: ECR's section says nothing
        # of replication (S3's does, of S3); EBS encryption's says nothing of switching keys; a wish before
        # the question says what to do (「ロールバックするようにしたい」: ロール and バック are no rollback)
        ("ECRのイメージを別リージョンに自動でレプリケーションするにはどう設定する？", "見つかりませんでした"),
        ("すでに暗号化してあるEBSボリュームのKMSキーを別のキーに切り替えたい。どうやる？", "見つかりませんでした"),
        ("How do I turn off pagination completely in the AWS CLI so it returns everything in a single call?",
         "could not find"),
        ("CodeDeployでデプロイが失敗したら自動でロールバックするようにしたい。どこでどう設定する？",
         "見つかりませんでした"),
        # a kanji verb the notes never write, taking an object, is what is asked (休止 is nowhere)
        ("EC2インスタンスを休止する場合の手順は？", "見つかりませんでした"),
        # whether two things work together, asked where no section names both (Windows is EFS's)
        ("FargateでWindowsコンテナって動かせますか？", "見つかりませんでした"),
        # a loanword the tokenizer splits and the notes never write, asked to be done (フォール + バック)
        ("Fargate Spotが確保できないとき、通常のFargateに自動でフォールバックさせるにはどう設定すればいい？",
         "見つかりませんでした"),
        # a loanword in brackets after a verb names what is asked to be done (リシャーディング is nowhere)
        ("Kinesis Data Streamsでシャードを増やす（リシャーディング）にはどう操作すればいい？", "見つかりませんでした"),
        ("Kinesis Data Streamsのシャード数をあとから増やしたい（リシャーディング）。手順は？", "見つかりませんでした"),
        ("Can Lambda@Edge functions reach resources inside my VPC, like an RDS database?", "could not find"),
        # how to lift a limit no statement of SES says is lifted (ELB's 「登録解除」 is of EC2, not SES)
        ("EC2からSESでメール送りたいんだけど、25番ポートの送信制限を解除するにはどこから申請すればいい？",
         "見つかりませんでした"),
        # answer options that are durations ask for a duration
        ("Route 53のヘルスチェックで「高速」を選んだ場合のチェック間隔はどれ？ A) 5秒 B) 10秒 C) 30秒",
         "見つかりませんでした"),
        # a feature named in words, in English or Japanese, that the notes write in no form
        ("When would I pick Route 53 multivalue answer routing?", "could not find"),
        ("Route 53の複数値回答ルーティングってどういう時に使う？", "見つかりませんでした"),
        ("CloudTrailのログが改ざんされていないか検証する機能ってある？", "見つかりませんでした"),
        ("model monitorでバッチ変換ジョブの推論も監視できる？", "見つかりませんでした"),
        ("How do I get my SES account out of the sandbox so I can send to any address?", "could not find"),
        # memory asked: Fargate's 「タスクごとに10GB」 is storage
        ("Fargateのタスク1つに割り当てられるメモリって最大何GB？", "見つかりませんでした"),
        # a count asked (何リクエスト/秒): Lambda's 「同時実行数…1000」 is no rate of API Gateway's
        ("API Gatewayのスロットリングって、アカウント単位のデフォルト上限は何リクエスト/秒？", "見つかりませんでした"),
        # a lifecycle policy is DLM's, not ECR's
        ("ECRでライフサイクルポリシーを使って古いイメージを自動で消せる？", "見つかりませんでした"),
        # names the notes never write, asked how they differ (どう違う; not a 「違う？」 asking to be corrected)
        ("EBSのgp3とgp2でベースラインIOPSはどう違う？", "見つかりませんでした"),
        # features the notes write in no form: read replicas, multithreading, Glacier's retrieval options, a
        # root directory per application (EFS access points)
        ("ElastiCache for memcachedでリードレプリカを作って読み込みを分散できる？", "見つかりませんでした"),
        ("ElastiCache の memcached ってマルチスレッドで動いて複数コアを活かせる？", "見つかりませんでした"),
        ("What are the Glacier retrieval options and how long does each one take?", "could not find"),
        ("EFSでアクセスポイントを作って、アプリごとにルートディレクトリを分けるにはどう設定する？",
         "見つかりませんでした"),
        # why, or how it works, of a thing the notes only name (「- Amazon S3 Transfer Acceleration」)
        ("S3 Transfer Accelerationを有効にするとアップロードが速くなるのはなぜ？", "見つかりませんでした"),
        ("When is it worth enabling S3 Transfer Acceleration?", "could not find"),
        # a feature turned on later, of what is already there: the notes only define cross-region replication
        ("S3のクロスリージョンレプリケーションを後から有効にしたら、すでにバケットに入っているオブジェクトはどうなる？",
         "見つかりませんでした"),
        ("If I turn on cross-region replication for an S3 bucket, what happens to the objects that were already in it?",
         "could not find"),
        # advice one is told (「…って言われる」) asked why, which the notes give without a reason; a volume itself
        # deleted (本体), of which they say nothing; how a thing they only name works; multivalue in other words
        ("WebSocketを使うアプリだと、LBはセッション確立の時だけ使えって言われるのはなぜ？", "見つかりませんでした"),
        ("EBSボリューム本体を削除したら、そこから取ったスナップショットはどうなる？一緒に消える？",
         "見つかりませんでした"),
        ("How does S3 Transfer Acceleration actually make uploads faster — does it route through CloudFront edge "
         "locations?", "could not find"),
        ("Which Route 53 routing policy should I pick to return several healthy IP addresses at random for one DNS "
         "query?", "could not find"),
        # things a wish names, asked how to make work together, that no section names together
        ("CodeBuildのビルドからVPC内のRDSにつなぎたい。どう設定すればいい？", "見つかりませんでした"),
        # Fargate's only network mode does not choose for ECS on EC2
        ("ECSのEC2起動タイプで、ネットワークモードはbridgeとawsvpcのどっちを使うべき？", "見つかりませんでした"),
        # how much history asks a length of time, which the notes never give for Insights' baseline
        ("How much event history does CloudTrail Insights need before it can establish its baseline?",
         "could not find"),
        # a bandwidth asked how much: ENA's 「最大100Gbps」 is not EFA's
        ("How much network bandwidth does an Elastic Fabric Adapter give an instance?", "could not find"),
        # a multipart upload's parts: the notes' 100MB is the size of a file to use it for
        ("What's the minimum part size for an S3 multipart upload?", "could not find"),
        # CloudWatch Logs is CloudWatch's: no section names it with ECS
        ("ECSのタスク定義で、コンテナのログをCloudWatch Logsに送るにはどう設定する？", "見つかりませんでした"),
        # kept when the stack goes: the notes say nothing of what CloudFormation keeps
        ("CloudFormationでスタックを削除してもS3バケットだけは消さずに残したい。テンプレートで何を指定すればいい？",
         "見つかりませんでした"),
        # backed up: the notes say nothing of EFS's backups
        ("EFSのファイルシステムを定期的に自動バックアップするにはどう設定すればいい？", "見つかりませんでした"),
        # a deployment failing is said as a failure, not as the brief stop All at once makes
        ("Elastic BeanstalkでAll at onceデプロイが途中で失敗したらどうなる？", "見つかりませんでした"),
        # made redundant: the notes say nothing of Direct Connect's redundancy
        ("Direct Connectの回線を冗長化したいんだけど、どういう構成にすればいい？", "見つかりませんでした"),
        # a thing the notes say cannot be used answers only for its own service, and only as the very thing
        # (Fargate's GPUs, not ECS's; the timer is what FIFO does not support, not FIFO)
        ("ECSのタスクにGPUを割り当てできる？", "見つかりませんでした"),
        ("SQSの既存キューでFIFOを有効化できる？", "見つかりませんでした"),
        ("既存のSQSスタンダードキューを、あとからFIFOキューに切り替えることってできますか？", "見つかりませんでした"),
        ("EFSで、しばらくアクセスのないファイルを低頻度アクセスのストレージクラスに自動で移すことってできる？",
         "見つかりませんでした"),
    ],
)
def test_refusal_when_notes_lack_the_answer(assistant, question, message):
    answer = assistant.ask(question)
    assert not answer.found
    assert message in answer.text
    assert answer.citations == () and answer.related


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("EBSボリュームを別のアベイラビリティゾーンに移したいんだけど、どうやる？", "Snapshot経由"),  # 移す ~ 移動
        # traffic moved is 「切り替える」; the notes put Deployment Guardrails below no SageMaker heading
        ("SageMakerで本番のモデルを更新するとき、トラフィックを段階的に新しいモデルへ移す方法にはどのような種類がありますか？",
         "徐々に新しいモデルに切り替える"),
        ("How do I add a new EC2 instance to an existing placement group?", "再起動"),
        ("ECSでクラスターのオートスケーリングを有効にするには何を設定すればいい？", "Capacity Provider"),
        # what a wish asks to do is its last verb (to add an authorizer), not one of its clauses (検証する)
        ("API GatewayでOAuthのトークンを検証する独自の認可を入れたい。どうやる？", "OAuth"),
        # the notes' words for the change: 無効化 for a cache deleted, 共通化 for code shared, 設定 for a
        # setting changed; a loanword whose words the notes know (Auto Recovery)
        ("CloudFrontのキャッシュを削除するにはどうすればいい？", "無効化"),
        ("How do I share common code between Lambda functions?", "Lambda Layers"),
        ("Auto Scalingグループの最小台数を変更するには？", "最小/最大台数等を設定する"),
        ("EC2インスタンスをオートリカバリーさせるには？", "再起動"),
        ("Auto ScalingグループのEC2インスタンスにプレイスメントグループはどう設定する？", "プレイスメントグループ"),
        ("ALBの料金は？", "LCU"),
        # the notes write 「セキュリティグル－プ」 with a full-width hyphen for the long vowel
        ("Fargateのタスクにセキュリティグループはどう設定する？", "タスクごとに"),
        # words that name no subject the notes lack: a host name given as an example, a remedy asked in
        # general (対処, written nowhere: whatever the notes advise)
        ("Route 53でexample.comみたいなZone ApexをELBに向けたいんだけど、CNAMEじゃダメ？", "Zone Apex"),
        ("Route 53でmysite.co.ukのZone ApexをELBに向けるにはCNAMEじゃダメ？", "Zone Apex"),
        ("EFSを汎用モードで使ってるんだけど、PercentIOLimitが100%に張り付いてる。どう対処するのがいい？", "MaxI／O"),
        # whether it can be done, answered by what it does not support (a word of the question that weighs)
        ("Can Windows EC2 instances mount an EFS file system?", "Windows"),
        # whether a thing can be assigned, answered by its not being usable (a space around an ASCII word)
        ("Fargateのタスクに GPU を割り当てることはできますか？", "GPUは使用できない"),
        # a choice answered by the one the subject allows (Fargate's 「awsvpcネットワークモードだけが利用できる」)
        ("Fargateのタスクのネットワークモード、bridgeとawsvpcどっちを選べる？", "awsvpc"),
        # a bare 「Provisioned IOPS」 (004) named by another statement in Japanese (「プロビジョンドIOPS(io1)」)
        ("How does EBS Multi-Attach work with Provisioned IOPS io1?", "io1"),
        # a dash ends the scene before a question about "it"
        ("I'm thinking of running an ML inference container on Fargate — can it use GPUs?", "GPUは使用できない"),
        # redundancy said as copies across AZs (「複数AZに複製されて保存される」)
        ("EFSは複数AZで冗長化できる？", "複数AZ"),
        # an English verb typed for what is done (「両方 set したら」: 「両方指定された場合」) is no name
        ("SQS の delay queue と message timer を両方 set したらどっちが効く？", "メッセージタイマーが優先"),
        # the value asked in one sentence, of what it names; the other asks whether (timers: 未サポート)
        ("SQSのFIFOキューって秒間何メッセージまで捌ける？あとメッセージタイマーってFIFOでも使えるんだっけ？", "300件"),
        ("SQSのFIFOキューって秒間何メッセージまで捌ける？あとメッセージタイマーってFIFOでも使えるんだっけ？",
         "未サポート"),
        # which to choose: a service with a heading of its own (「# App Sync」), or in one passage beside the other
        ("リアルタイムにデバイス間でデータを同期したい。AWS AppSyncとAmazon API Gateway、どっちを選ぶべき？", "同期"),
        ("Point-to-pointとPublish Subscribe両方使いたい。Amazon MQとAmazon SQS、どっちを選ぶべき？", "Amazon MQ"),
        # an English verb the notes write inflected ("even replayed")
        ("EventBridgeのイベントバスに流れたイベントって、あとからアーカイブしてreplayできる？", "replayed"),
        # the notes' misspelling of a name (「Congitoユーザープール」); a change not to be made is a protection
        ("API Gatewayの認可って、Lambdaオーソライザーの代わりにCognitoを使うこともできる？", "ユーザープール"),
        ("Auto Scalingでスケールインするとき、特定のインスタンスは削除されないようにしたい。どう設定する？", "除外"),
    ],
)
def test_answered_with_what_the_notes_say(assistant, question, fact):
    """How to make a change the notes say is made, in their words for it; and questions whose odd words
    name no subject the notes lack."""
    answer = assistant.ask(question)
    assert answer.found and fact in answer.text


def test_a_kanji_verb_before_a_noun_describes_the_situation(assistant):
    """混在 is written nowhere in the notes; 「混在する問題」 says which problem, it is not what is asked."""
    answer = assistant.ask("ローリングデプロイが途中で止まって新旧バージョンが混在する問題を防げるデプロイポリシーは？")
    assert answer.found and "Immutable デプロイは、部分的に完了したローリングデプロイ" in answer.text


def test_a_sentence_broken_after_its_comma_is_one_statement(assistant):
    """S3's 「…高い可用性を実現するため、」 goes on, unmarked, on the next line with the model it explains."""
    answer = assistant.ask("S3でオブジェクトを上書きした直後に古いデータが返ってくることがあるのはなぜ？")
    assert answer.found and "実現するため、データの更新・削除にはEventual Consistency" in answer.text
    lines = statements("- 読み込みを行うことで、\nペナルティを回避できる\n- 次の項目\n", ("EBS",), 0)
    assert [u.text for u in lines] == ["読み込みを行うことで、ペナルティを回避できる", "次の項目"]


def test_two_questions_are_each_asked_of_the_subject(assistant):
    """GPUs are written under one Fargate section, docker exec under another: neither question asks
    whether GPUs and docker exec work together."""
    answer = assistant.ask("Fargateの制約を整理してます。GPUは使える？それとdocker execでデバッグできる？")
    assert answer.found and "GPUは使用できない" in answer.text and "docker exec" in answer.text


def test_a_why_takes_the_default_as_given(assistant):
    """The notes give S3's reason for its consistency model without calling the model a default; a default
    value asked why (24 hours) must be one the notes state."""
    answer = assistant.ask("S3で上書きや削除がデフォルトで結果整合性になっているのはなぜ？")
    assert answer.found and "高い可用性を実現するため" in answer.text
    assert not assistant.ask("Kinesis Data Streamsのデータ保持期間がデフォルトで24時間になっているのはなぜ？").found


def test_a_bare_link_is_no_statement(assistant):
    """The Lambda authorizer section's documentation URL holds the question's words ("lambda-authorizer")
    and says nothing; the British spelling is the notes' word."""
    answer = assistant.ask("api gateway lambda authoriser - what are the two types and when would I use each?")
    assert "OAuth" in answer.text and "https://" not in answer.text


def test_a_service_the_notes_head_and_leave_empty(assistant):
    """「### Amazon DynamoDB」 has nothing under it: sections sharing the question's other words do not
    answer, the refusal says where the heading is; a passage naming DynamoDB with the question does."""
    for question in ["How are DynamoDB read capacity units calculated?", "Dynamo: how is an RCU calculated?"]:
        refused = assistant.ask(question)
        assert not refused.found and refused.notices == (
            "Your notes have the heading “Amazon DynamoDB” (003_16b2854ed933e055.txt, line 287) with nothing "
            "under it yet.",)
    for question, heading in [("Which data sources can AWS AppSync use?", "App Sync"),
                              # the notes misspell it there: 「Congitoユーザープール」
                              ("Can I use a Cognito user pool instead of a Lambda authorizer in API Gateway?",
                               "Lambdaオーソライザー"),
                              ("DynamoDB StreamsとかKinesisをイベントソースにした場合、Lambdaの処理順って保証される？",
                               "AWS Lambda")]:
        answer = assistant.ask(question)
        assert answer.found and answer.citations[0].heading_path[-1] == heading and not answer.notices


def test_empty_question_is_rejected(assistant):
    with pytest.raises(EmptyQuestion):
        assistant.ask("   \n ")


def test_huge_question_is_cut_with_notice(assistant):
    answer = assistant.ask("SQSのメッセージの最大サイズは？" + "あ" * 20_000)
    assert any("cut" in n for n in answer.notices)


def test_question_before_any_ingest(tmp_path):
    a = Assistant(AskSettings(notes_dir=NOTES, data_dir=tmp_path), Index.open(
        AskSettings(notes_dir=NOTES, data_dir=tmp_path), UseEmbedder()))
    with pytest.raises(NotIndexed, match="notes-qa ingest"):
        a.ask("SQSとは？")


def test_retriever_is_a_langchain_retriever(assistant):
    retriever = NotesRetriever(search=assistant.search, k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("SQSのメッセージサイズ")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert docs[0].metadata["heading_path"] == list(SQS)
    assert {"source", "start_line", "end_line", "score"} <= set(docs[0].metadata)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("SQSのvisibility timeoutのdefault値は？", ["SQS"]),  # glossary words inside Japanese are words
        ("lightsailの料金は？", ["lightsail"]),  # a lowercase word the glossary does not know stays a name
        ("What is the SLA of Amazon RDS Multi-AZ?", ["SLA", "Amazon", "RDS", "Multi-AZ"]),
        ("Are CloudTrail data events on by default? Why or why not?", ["CloudTrail"]),  # a sentence's first word
        ("How big is /tmp in Lambda? Is read/write ok?", ["tmp", "Lambda"]),  # a path is a name, not "write"
    ],
)
def test_names_in_a_question(question, expected):
    assert names(question) == expected


@pytest.mark.parametrize(
    ("question", "stem", "options"),
    [
        ("SQSのデフォルト値は？ A) 0秒 B) 30秒 C) 60秒", "SQSのデフォルト値は？", "0秒 / 30秒 / 60秒"),
        ("Which SageMaker capability? (a) Model Monitor (b) Clarify", "Which SageMaker capability?",
         "Model Monitor / Clarify"),
        ("どれ？ 1) ALB 2) NLB", "どれ？", "ALB / NLB"),
        ("Is plan A) cheaper?", "", ""),  # one mark is no list of options
        ("What does (Route 53) cost? b) c)", "", ""),  # options start at a) or 1)
        ("質問: 1) 静的IP 2) ロードバランサーはLightsailで使える？", "", ""),  # a list, then the question
        ("a) b) c)", "", ""),  # no question before them
    ],
)
def test_answer_options_are_told_from_the_question(question, stem, options):
    q = Query.of(question)
    assert (q.stem, q.options) == (stem, options)
    assert q.asked == question and q.text == (f"{stem} {options}" if stem else question)


def test_query_normalises_and_detects_follow_ups():
    assert Query.of("  SQS   とは ").text == "SQS とは"
    # a pasted link names nothing; shouted English holds no names but services'
    assert Query.of("https://aws.amazon.com/jp/codeguru/\nCodeGuruの対応言語は？").text == "CodeGuruの対応言語は？"
    assert Query.of("HOW MANY RECORDS CAN KINESIS TAKE?").text == "how many records can kinesis take?"
    assert Query.of("SQS FIFO DLQ").text == "SQS FIFO DLQ"
    assert Query.of("(https://docs.aws.amazon.com/sqs/)SQSは？").text == "( )SQSは？"  # the link alone
    assert "https" not in Query.of("詳細はhttps://docs.aws.amazon.com/sqs/ にある。SQSは？").text  # after Japanese
    assert Query.of("ＳＱＳの初期値は？あとｷｭｰは？").text == "SQSの初期値は？あとキューは？"  # IME width, ？ kept
    assert Query.of("デフォルト値は？", ["SQSとは？"]).context == "SQSとは？"
    assert Query.of("Lambdaのタイムアウトの最大値は？", ["SQSとは？"]).context == ""


@pytest.mark.parametrize(
    ("question", "alternative", "searched"),
    [
        ("How long is the visibility timeout?", "タイムアウト", True),  # English -> Japanese
        ("CloudTrailはデフォルトで有効？", "enabled", False),  # Japanese -> English
        ("ビルド手順はどこに書く？", "記述", False),  # synonym of 書く
    ],
)
def test_question_terms_bring_the_words_notes_use(assistant, question, alternative, searched):
    db = assistant.search.index.db
    concepts = Query.of(question).concepts(db)
    concept = next(c for c in concepts if alternative in c.terms)
    assert (alternative in search_terms(concepts)) is searched
    # any term of a concept covers all of it: adding words does not dilute coverage
    assert 0 < coverage(concepts, {alternative}) == coverage(concepts, set(concept.terms))


def test_default_ask_makes_no_network_connection(settings, assistant, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    fresh = Assistant(settings, Index.open(settings, UseEmbedder()))  # loads models and opens Chroma again
    assert fresh.ask("Lambdaのメモリ").found


def _cli(*args: str, stdin: str | None = None, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag.cli", *args, "--notes-dir", str(NOTES), "--data-dir",
                           str(data_dir)], input=stdin, capture_output=True, text=True, timeout=120, cwd=REPO)


def test_cli_ask_json_reads_stdin_in_order(assistant, settings):
    questions = ["SQSで送れるメッセージの最大サイズは？", "Amazon Lightsailの料金プランは？", "What is a hotspot?"]
    out = _cli("ask", "--json", stdin="\n".join(questions) + "\n", data_dir=settings.data_dir)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["question"] for r in rows] == questions
    assert rows[0]["found"] and not rows[1]["found"]
    c = rows[0]["citations"][0]
    assert set(c) == {"n", "source", "heading_path", "start_line", "end_line", "score", "text"}
    assert c["source"] == "003_16b2854ed933e055.txt" and c["heading_path"] == list(SQS)
    assert all(isinstance(r["seconds"], float) for r in rows)


def test_cli_output_cut_short_is_no_error(assistant, settings):
    """`notes-qa ask --json < questions | head -1`: the reader leaves early; that is no error."""
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "ask", "--json", "--notes-dir", str(NOTES),
                             "--data-dir", str(settings.data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO)
    proc.stdin.write("SQSで送れるメッセージの最大サイズは？\n" * 60)  # more output than a pipe holds
    proc.stdin.close()
    assert json.loads(proc.stdout.readline())["found"]
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in proc.stderr.read()


@pytest.mark.parametrize("question", ["", "   "])
def test_cli_empty_question_exits_2(assistant, settings, question):
    out = _cli("ask", question, data_dir=settings.data_dir)
    assert out.returncode == 2 and "empty" in out.stderr


def test_cli_ask_before_ingest_says_how(tmp_path):
    out = _cli("ask", "SQSとは？", data_dir=tmp_path)
    assert out.returncode == 2 and "notes-qa ingest" in out.stderr


def test_eval_meets_targets_on_dev_set(assistant, settings):
    out = _cli("eval", str(REPO / "eval" / "dev.jsonl"), "--json", data_dir=settings.data_dir)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["hit5"] >= 0.97 and report["hit1"] >= 0.88 and report["fact"] >= 0.88
    assert report["unanswerable_detected"] == "2/2" and report["false_refusals"] <= 1


def test_unchanged_notes_copy_is_not_rewritten(tmp_path):
    """Guard for the tests themselves: the repo notes are only read."""
    before = {p.name: p.read_bytes() for p in NOTES.iterdir()}
    shutil.copytree(NOTES, tmp_path / "n")
    assert before == {p.name: p.read_bytes() for p in NOTES.iterdir()}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("メッセージグループIDって何？", ["メッセージグループ"]),  # neither 「メッセージグループ」 nor "message group"
        ("FIFOキューの特徴", []),  # one loanword
        ("マルチパートアップロードの閾値", []),  # written "Multipart Upload"
        ("デプロイガードレールのモード", []),  # written "Deployment Guardrails"
        ("スノーボールの料金", []),  # a name in katakana: スノー has no English in the glossary
        # written, however tokenised: 「ライフサイクル ライフ サイクル ポリシー」, one term, words apart
        ("ライフサイクルポリシーで何ができる？", []),
        ("ALBはコンテナベースアプリケーションに対応してる？", []),
        ("SQSのメッセージサイズの最大は？", []),  # 「メッセージの最大サイズ」
        ("Lambdaのメモリサイズの上限は？", []),  # the size of the memory: an attribute, not a thing
    ],
)
def test_loanword_compounds_the_notes_never_write(assistant, text, found):
    assert unwritten(text, assistant.index.db) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("When would I pick Route 53 multivalue answer routing?", ["multivalue"]),
        ("Route 53のマルチバリュー回答ルーティングって？", ["multivalue"]),  # any of its forms
        ("Glacierからの迅速取り出しって何分？", ["expedited"]),
        ("Route 53のマルチバリュー回答以外にどんなルーティングポリシーがある？", []),  # ruled out: not asked
        ("Lambdaの関数はサンドボックスみたいに隔離されたコンテナで動く？", []),  # a likeness
        ("スプレッドシートみたいに列で持つDWHは？", []),  # a loanword inside a longer one is not the feature
        ("How does ELB connection draining work?", []),  # a feature the notes write
        ("What does the spread of traffic look like?", []),  # an English word that names no feature
        ("Lambda authorizer TTLs: can I change them?", []),  # a name's plural: the notes' word is whole
        ("How do I configure an EventBridge API destination to call a third-party endpoint?", ["api destination"]),
        ("How do I create an EFS access point for my container?", ["access point"]),
        ("EFSのアクセスポイントになるのは何？マウントターゲット？", []),  # what is connected to
        ("Why is cross-zone load balancing turned on by default for an ALB?", ["cross-zone"]),
        ("Auto Scalingのインスタンスをenter-standbyで外したら、ELBからも外れる？", ["enter-standby"]),
        ("Route 53でアクティブ/スタンバイ構成にするルーティングポリシーは？", []),  # not a standby in general
        ("AWS Batchでジョブがスタンバイ状態になるのはどんなとき？", []),
        ("Why can a Network Load Balancer keep a static IP per AZ?", ["network load balancer"]),
        ("st1でバーストクレジットを使い切ったらどうなる？", ["burst credit"]),
        ("スプレッドプレイスメントグループを作るにはどう設定すればいい？", ["spread placement group"]),
        ("What happens to my Fargate tasks when their platform version is retired?", ["platform version"]),
        ("AWS CLIの出力を表(テーブル)形式で見たい", ["table format"]),
    ],
)
def test_features_the_notes_never_write(assistant, text, found):
    assert unknown_features(text, assistant.index.db) == found


def test_a_price_asked_finds_the_notes_monthly_fee(assistant):
    """料金 is what the notes write as 月額 (「安価なストレージ(月額1GB/約3円)」), not only 料金."""
    answer = assistant.ask("S3の料金は？")
    assert answer.found and "月額1GB" in answer.text


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # a feature the notes write of some services only, asked of another
        ("EventBridgeのルールからターゲットへの配信が失敗したとき、デッドレターキューに送るにはどう設定する？", False),
        ("SQSのデッドレターキューにはいつメッセージが入る？", True),
        ("Elastic BeanstalkのTraffic splittingデプロイってどういう仕組み？", False),
        ("SageMakerのデプロイでトラフィック分割するモードには何がある？", True),  # the notes' 「一部のトラフィックを…」
        ("SageMaker Model Monitorって、バッチ変換ジョブの推論結果も監視できる？", False),
        ("Step FunctionsからSageMakerのジョブを起動できる？", True),
        # a rollback, which the notes describe only as an Immutable deploy's 「元のインスタンスをそのまま残します」
        ("SageMakerのDeployment Guardrailsでアラームが発火したら、自動でロールバックされる？", False),
        ("Immutableデプロイで新しいインスタンスがヘルスチェックに失敗したら、ロールバックされるの？", True),
        # the question writes a top section's heading: what the Immutable section says is not of All at once
        ("Elastic BeanstalkでAll at onceのデプロイが失敗したら、前のバージョンに自動で戻る？", False),
        ("If an All at once deployment fails in Elastic Beanstalk, does it roll back automatically?", False),
        ("Beanstalkでデプロイに失敗したとき、自動で元のバージョンに戻るデプロイポリシーはどれ？", True),
        # burst and provisioned throughput, written of EBS only (and "Provisioned IOPS" is no subject of its own)
        ("EFSのバーストスループットモードとプロビジョンドスループットモードって何が違うの？", False),
        ("How do the EFS throughput modes (bursting vs provisioned) differ?", False),
        ("Which EBS volume type is Provisioned IOPS?", True),
        ("EBSでスループットでバースト可能なボリュームタイプはどれ？", True),
        ("Our campaign site gets sudden bursts of traffic and ALB + EC2 Auto Scaling can't keep up. Why?", True),
        ("Can CloudTrail Insights detect bursting IAM activity?", True),  # 「Bursts of AWS IAM actions」
        # a heading written as a contrast, or a service's heading, is not what the rollback is asked of
        ("Unlike All at once, does an Immutable deploy roll back automatically when new instances fail health checks?",
         True),
        ("AWS Elastic BeanstalkでImmutableデプロイが失敗したらロールバックされる？", True),
        ("Rolling with additional batchじゃなくImmutableを選ぶと、失敗時に勝手に戻ってくれる？", True),
        # publish/subscribe, written beside the messaging services only
        ("ElastiCacheでPub/Sub機能を使いたい場合、memcachedとRedisのどっちにすべき？", False),
        ("SNSってPub/Sub型のサービス？", True),
        # a feature the notes never write, named in a wish before a vague question
        ("aws cliの出力をJSONじゃなくて表形式で見やすく出したい。なにかオプションある？", False),
        ("Does changing --page-size affect the output format of the AWS CLI?", True),  # any output, not the table
        ("CloudFrontで会員限定コンテンツを署名付きURLで配信したい。設定方法は？", False),
        ("CloudFront signed URLs vs signed cookies - when should I use which?", False),  # the plural is the feature
        # a feature in a wish before the question (「…してほしい。どれを選ぶべき？」)
        ("SageMakerのDeployment Guardrailsで、アラームが上がったら自動でロールバックしてほしい。どのモードを選ぶべき？",
         False),
        ("Beanstalkで、デプロイに失敗したら自動で元のバージョンに戻ってほしい。どのデプロイポリシーを選ぶべき？", True),
        ("処理できないメッセージはデッドレターキューに移してほしい。SQSでどう設定する？", True),  # not a how-to wish
        # versioning, written of Lambda functions and EventBridge schemas only; deduplication and key rotation,
        # never written
        ("バージョニングを有効にしたS3バケットでオブジェクトを削除すると、古いバージョンはどうなるの？", False),
        ("Lambdaってバージョニングできる？", True),
        ("Elastic Beanstalkのアプリケーションはバージョニングできる？", True),  # 「S3 上でのバージョン管理」
        ("ECSのタスク定義をバージョニングしたい。どうすればいい？", True),  # 「バージョンを更新する事で更新」
        ("SQSのFIFOキューで、同じメッセージが重複排除される期間はどれくらい？", False),
        ("スタンダードキューだとメッセージを二回受信することってある？", True),
        ("SQSのスタンダードキューでメッセージが重複することある？", True),  # 重複: 「2回以上配信されることもある」
        ("EBS暗号化に使っているKMSのキーを定期的にローテーションするには、どう設定すればいい？", False),
        ("EBSスナップショットのローテーション（定期取得と古いものの削除）を自動化したい。何を使う？", True),  # DLM
        ("テープのローテーション運用をやめたい。Storage Gatewayで代わりになるものは？", True),
        # a feature named in a wish sentence, before を
        ("API GatewayでAPIキーごとに1日のリクエスト数の上限をかけたい。どう設定すればいい？", False),
        ("Redshiftでソートキーを設定するのって何のため？", False),
        # traffic splitting: Beanstalk's deploy, not anyone's split of traffic; a key put in a store is no API key
        ("Beanstalkのトラフィック分割デプロイで、新バージョン側のヘルスチェックが失敗したらどうなるの？", False),
        ("Lambdaのエイリアスでトラフィック分割してカナリアデプロイできる？", True),
        ("Lambdaの環境変数にAPIキーを入れても大丈夫？暗号化とかサイズ制限はどうなってる？", True),
        # another account's use: written of S3 buckets, Lambda, SQS's dead-letter queue and EventBridge only
        ("Can I let another AWS account use my KMS key to decrypt data?", False),
        ("暗号化したEBSスナップショットを別アカウントに共有するとき、デフォルトのキーだとダメなのはなぜ？", False),
        ("別のAWSアカウントにS3バケットへのアクセス権を渡したい。バケットポリシーでできる？", True),
        ("SQSのデッドレターキューって別アカウントに作れる？", True),
        ("Can other AWS accounts send events to my EventBridge event bus?", True),
        ("CloudTrailは同一アカウント内の全ユーザーのAPI操作を記録する？", True),  # the same account, not another
        # hooks: Auto Scaling's, not CodeDeploy's; hooking as a verb is none
        ("CodeDeployのAppSpecのhooksで指定できるライフサイクルイベントを教えて", False),
        ("Auto ScalingのLife Cycle Hooksって何に使う？", True),
        ("What CloudFront event hooks does Lambda@Edge support?", True),  # hooked into events
        ("CloudFrontがオリジンにリクエストを転送する直前に、ヘッダを書き換える処理を挟みたい。どの仕組みを使って、"
         "どのイベントにフックすればいい？", True),
    ],
)
def test_features_of_some_services_only(assistant, question, found):
    assert assistant.ask(question).found is found


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # 「- ワーカー環境の場合」 has nothing under it, 「- Webサーバ環境の場合」 lists the resources made
        ("Elastic Beanstalkでワーカー環境を作ると、どんなリソースが作成されるの？", False),
        ("Elastic Beanstalkでワーカー環境を作ると、SQSキューとかは自動で作られる？", False),  # not whether it is made
        ("What AWS resources get created when I launch an Elastic Beanstalk worker environment?", False),
        ("Beanstalkでワーカー環境は作れる？", True),  # 「Webサーバ環境又はワーカー環境を作成することができる」
        ("Elastic BeanstalkでWebサーバ環境を作ると何が作られる？", True),
        ("EKSのマネージド型のデータプレーンって何をしてくれる？", True),
        ("EKSでFargateのデータプレーンを使うメリットは？", False),
    ],
)
def test_an_item_the_notes_leave_empty_beside_one_they_fill(assistant, question, found):
    assert assistant.ask(question).found is found


def test_a_price_beyond_the_free_tier_is_no_free_value(assistant):
    """A value of what comes free needs a statement saying free; a price asked beyond the free tier not."""
    assert not assistant.ask("How many CloudFront invalidation paths do you get for free each month?").found
    assert assistant.ask("How much does an SQS FIFO queue cost per million requests beyond the free tier?").found


def test_katakana_service_names_are_read_as_written_in_the_notes_and_shown_as_typed(assistant):
    assert romanized("ルート53とラムダ、デフォルトとデフォ") == "Route 53とLambda、デフォルトとデフォルト"
    assert romanized("ルート５３とﾗﾑﾀﾞ") == "Route 53とLambda"  # after NFKC
    assert romanized("Elasticビーンストーク") == "Elastic Beanstalk"
    assert romanized("コードグループ") == "コードグループ"  # no CodeGuru: the word goes on
    answer = assistant.ask("ラムダのメモリは最大何MB？")
    assert answer.question == "ラムダのメモリは最大何MB？" and "3008MB" in answer.text


@pytest.mark.parametrize(
    ("acronym", "text", "spelled"),
    [
        ("LCU", "料金は利用時間とLoad Balancer Capacity Units（LCU）で計算", True),  # one word left out
        ("MPP", "MPP : Massive Parallel Processingo", True),
        ("HPC", "ハイパフォーマンスコンピューティング (HPC) と機械学習", True),  # Japanese beside it
        ("IOPS", "– プロビジョンドIOPS(SSD)", False),  # a bracket, but no expansion
        ("VGW", "VGWへ設定が必要", False),
        ("NACL", "NACLで制限することが可能 and not always cheap logs", False),  # small initials
    ],
)
def test_an_acronym_is_spelled_out_by_initials_or_japanese_beside_it(acronym, text, spelled):
    assert expands(acronym, text) is spelled


def test_the_acronym_asked_to_be_spelled_out(assistant):
    assert asked_acronym("ALBの課金単位のLCUって何の略？") == "LCU"
    assert asked_acronym("What does ENI stand for? It comes up in VPC Lambda") == "ENI"
    assert asked_acronym("LCUって何？") is None
    refused = assistant.ask("Direct Connectのプライベート接続で設定が必要なVGWって何の略？")
    assert not refused.found  # the notes use VGW, never spell it out
    answer = assistant.ask("HDFSって何の略でしたっけ")
    assert answer.found and "Hadoop Distributed File System" in answer.text
    # the statement spelling it out leads, not another note's 「…の略で」
    assert "Load Balancer Capacity Units" in assistant.ask("LCUって何の略？").text.splitlines()[0]
    assert assistant.ask("DLMって何の略？").citations[0].heading_path[-1] == "Amazon Data Lifecycle Manager(DLM)"
