"""The kind of value a question asks for, and statements that give one (pure: no index)."""

from __future__ import annotations

import pytest

from ingest.tokenize import tokens
from rag.expect import Expected, gives, subject
from rag.glossary import translations, written_forms
from rag.statements import statements


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("SQSのメッセージ保持期間って、デフォルトだと何日？", {"duration"}),
        ("Lambdaのタイムアウトは最長どれくらい？", {"duration"}),
        ("How long does CloudTrail keep events?", {"duration"}),
        ("Lambda Layersって合計で何MBまで載せられる？", {"size"}),
        ("How large can a single object in S3 be?", {"size"}),
        ("Lambda Layersはいくつまで使える？", {"count"}),
        ("How many messages per second can an SQS FIFO queue handle?", {"count"}),
        ("How many days are events kept?", {"duration"}),
        ("Glacierに預けたデータを取り出すのにどれくらい時間かかる？", {"duration"}),
        ("What does the --page-size option of the AWS CLI do?", set()),  # an option's name, not a size
        # the metric is asked, not the time it measures
        ("Which API Gateway CloudWatch metric tells me how long the backend took to respond?", set()),
        ("SQSの可視性タイムアウトとは？", set()),
        ("S3に1つのオブジェクトとして置けるサイズの上限は？", {"size"}),
        ("What's the maximum size of a zipped Lambda deployment package?", {"size"}),
        ("What is the maximum data retention period for a Kinesis data stream?", {"duration"}),
        ("What's the maximum value I can set for the SQS visibility timeout?", {"duration"}),
        ("API Gatewayのスロットリングのデフォルト上限は何リクエスト/秒？", {"count"}),
        ("SQSのFIFOは1秒に何メッセージまで？", {"count"}),
        # a size or period noun without an extreme is often about something else
        ("Elastic Beanstalkのバッチサイズって何？", set()),
        ("EBSの容量をあとから変えたいときはどうする？", set()),
        ("Dead Letter Queueに移したメッセージの保持期間は何を基準に数えられる？", set()),
        ("What is the batch size in Elastic Beanstalk deployments?", set()),
        ("いくつかの方法を教えて", set()),
        # words that ask for no value here
        ("What is the largest benefit of using ALIAS records?", set()),
        ("最短でEC2を起動するには？", set()),
        ("What does the cost allocation tag do?", set()),
        ("いくらでも使える？", set()),
        ("Route 53のホストゾーンって1つあたり月いくらかかる？", {"price"}),
        ("What's the largest single object you can store in S3?", {"size"}),
        ("What is the per-shard write throughput of Kinesis Data Streams in MB per second?", {"size"}),
        ("what is the Lambda timeout in seconds?", {"duration"}),
        ("Can a build finish in 5 minutes?", set()),  # a value given, not asked for
        ("What's the maximum number of snapshots a DLM policy can retain?", {"count"}),
        ("Lambda Layersの上限数は？", {"count"}),
        ("How big is the IOPS penalty after a restore?", set()),  # a share, not a size
        ("How big can an SQS message be?", {"size"}),
        ("ECRの脆弱性スキャンってタダでできる？", {"price"}),
        ("ALBの料金ってどうやって計算されるの？", set()),  # how it is charged, not a number
        ("What's the longest an SQS queue will keep a message?", {"duration"}),
        ("What's the default timeout for a Lambda function?", {"duration"}),  # a default of a duration
        ("What is the longest name allowed?", set()),
        ("What's the default throttling limit in requests per second?", {"count"}),  # a rate of requests
        ("We get about 1000 requests per second. Should I use SQS or Kinesis?", set()),  # a rate given
        ("What's the maximum vCPU and memory I can allocate to a single Fargate task?", {"size"}),
        ("Lambdaのメモリの上限は？", {"size"}),
        ("SQSの可視性タイムアウト、最大いくつまで設定できる？", {"duration"}),  # いくつ of a duration
        ("ENAとIntel VFの最大ネットワーク速度はそれぞれいくつ？", {"speed"}),  # いくつ of a speed
        ("Lambdaオーソライザーの認可結果のTTLはどれくらい？", {"duration"}),  # a duration's noun, how much
        ("CloudTrailでAPIを叩いてから、そのログがS3に届くまでどれくらいかかる？", {"duration"}),  # how long it takes
        ("ALBの料金ってどれくらいかかるの？", set()),  # what it costs
        ("What's the default throttling limit?", {"count"}),  # a rate of requests
        ("EFSのマウントで開けるポート番号って何番？", {"port"}),  # a port's number
        ("RDSのポート番号を変更するには？", set()),
        ("Auto Scalingのスロットリング制限にかかったらどうすればいい？", set()),
        ("SQSの遅延キューって最大いくつまでメッセージ入れられる？", {"count"}),  # a queue, not the delay
        ("How to set Lambda timeout", set()),  # a sentence, not keywords
        ("ASGで「何台増やす」じゃなくて「この台数にする」って指定する調整タイプの名前は？", set()),  # quoted, not asked
        ("SQSのvisibility timeoutのdefault値っていくつでしたっけ", {"duration"}),  # English noun beside Japanese
        ("何回やっても処理に失敗するメッセージを別のキューに退避させる設定は？", set()),  # however often
        ("CodeDeployのデプロイ設定（何台ずつ入れ替えるか）の種類を全部挙げて", set()),  # the aside says what it is
        ("API Gateway: which CloudWatch metric shows how long the backend takes to respond?", set()),  # a name
        ("SQSの「可視性タイムアウトの上限」はどれくらい？", {"duration"}),  # a term quoted is still asked
        ("EFSのPercentIOLimitがいくつになったら最大I/Oモードにすべき？", {"share"}),  # いくつ of a share
        ("Fargate Spotって何%安い？", set()),  # not a share required: 「最大70OFF」
        ("SQSのmax visibility timeoutは？", {"duration"}),  # English words before Japanese
        ("Kinesis Data Streamsのスロットリングの上限は？", {"count"}),
        ("ベイク期間（監視時間）は最大どのくらいに設定できる？", {"duration"}),  # an aside before the extreme
        ("SQSの可視性タイムアウト、最大でどこまで長く設定できる？", {"duration"}),  # a comma before the extreme
        ("SQSの可視性タイムアウトに設定できる最大値ってどれくらい？", {"duration"}),  # what it is set to
        ("SQSの遅延キューで設定できる遅延時間の上限は？", {"duration"}),  # 遅延時間 is the delay
        ("ALBの料金は？", set()),  # answered by how it is charged (「利用時間とLCUで計算」), not only a number
        ("KMSの自動キーローテーションはどのくらいの周期で鍵が更新される？", {"duration"}),  # how often
        # a search-box query ending in a quantity's noun asks for it; a noun and its extreme apart
        ("kinesis 保持期間", {"duration"}),
        ("lambda /tmp size", {"size"}),
        ("SQS 可視性タイムアウト 最大", {"duration"}),
        ("ALB 料金", set()),  # a scheme, no number
        ("AWS CLI --max-items vs --page-size", set()),  # an option
        # a blank to fill before a unit asks for a value in it
        ("Kinesis Data Streamsのデータ保持期間はデフォルトで（　）時間", {"duration"}),
        ("By default a Lambda function gets ___ MB of ephemeral storage.", {"size"}),
        ("Step Functions state machines are defined in a language called ___.", set()),
        # the limit of a number of things asked as a sentence; how often is an interval
        ("Kinesis Data Streamsの1ストリームに作れるシャード数の上限は？", {"count"}),
        ("kinesis data streams 遅延 レコード数の上限", set()),  # keywords: a rate answers too
        ("How often does Route 53 run health checks against an endpoint?", {"duration"}),
        ("Route 53のヘルスチェックの間隔は？", {"duration"}),  # an interval asked by its noun
        ("What is the health check interval for Route 53 failover routing?", {"duration"}),
        # いくつ of a size asks a size; a throttling limit with an aside on its unit asks a count
        ("Lambdaにzipで直接アップロードできるデプロイパッケージのサイズ上限っていくつ？", {"size"}),
        ("API Gatewayのデフォルトのスロットリング上限（1秒あたりのリクエスト数）は？", {"count"}),
        ("API Gatewayのスロットリングのデフォルト上限（リクエスト/秒）は？", {"count"}),  # デフォルト before 上限
        ("API Gateway スロットリング デフォルト 上限", {"count"}),  # as keywords
        ("同じファイルを何台かのPCから同時にいじっても平気？", set()),  # 何台か: several, no count asked
        # the time a thing takes, asked by its noun; a keyword query ending in a unit asks that unit's kind
        ("Glacierからデータを取り出すのにかかる時間", {"duration"}),
        ("コールドスタートにかかる時間を短くするには？", set()),  # how to shorten it, no value asked
        ("Kinesis Data Streams シャード1本あたりの書き込み上限 MB/秒", {"size"}),
        # "how long" as what differs, not asked for
        ("What's the difference between how long we can be down and how much data we can afford to lose?", set()),
    ],
)
def test_expected_kind_of_value(question, kinds):
    assert Expected.of(question).kinds == kinds


def test_a_frequency_at_most_is_the_shortest_interval():
    assert not Expected.of("How often can CloudWatch Events run a scheduled rule at most?").ends
    assert Expected.of("CloudWatch Eventsのスケジュール、最大間隔は？").ends == {"max"}


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("デフォルトで30秒", "duration", True),
        ("最大14日間キューにデータを保存する", "duration", True),
        ("Cloudtrail Events are stored for 90 days", "duration", True),
        ("kinesis data streamsは1秒あたり1000レコードの制限を超えると遅延する", "duration", False),  # a rate
        ("1秒間あたり最大300件のメッセージ", "duration", False),
        ("メッセージの最大サイズ256KB", "size", True),
        ("容量無制限(1ファイル5TBまで)", "size", True),
        ("Lambda Layersは最大で5個まで利用する事ができる", "size", False),
        ("Lambda Layersは最大で5個まで利用する事ができる", "count", True),
        ("ストリームの場合は、データが期限切れになるまでリトライ", "duration", True),  # how long: until it expires
        ("ユーザはデータを安全に、どこからでも、容量制限なく保存可能", "size", True),
        ("バージョンにはエイリアスを設定することができる", "count", False),
        ("4XXError：指定された期間に取得されたクライアント側エラーの数。", "count", False),  # a code, not a count
        ("CloudWatch EventsからStep Functionsを起動することが可能[1][3]", "count", False),  # reference marks
        ("HTTP/1.0, HTTP/1.1, HTTP/2 対応", "count", False),  # versions
        ("NFSv4.1 プロトコルを使う", "count", False),
        ("NFS (TCP/2049) のインバウンドを許可", "count", True),  # a port is a number
        ("99.999%の可用性", "count", False),  # a share
        ("100%に届いていたらMaxI／Oモードにする必要あり", "share", True),
        ("最大15分", "share", False),
        ("Canary 最初は10％で、次に残りを入れ替える", "count", False),  # full-width too
        ("EFSはインバウンドTCP2049を許可", "port", True),
        ("詳細はhttps://aws.amazon.com/jp/about-aws/whats-new/2017/03/を参照", "count", False),
        ("Kinesis Data Streamsでは、1つのストリームに複数のshardを持つ", "count", False),  # "a", not a count
        ("スケーラビリティ - ほぼ無制限のTPS", "count", False),  # a rate, not how many fit
        ("最大14日間キューにデータを保存する", "count", False),  # a measure, not a count
        ("--page-size で 1 回の呼び出しで要求する項目数を指定", "count", False),  # per call, not a count
        ("デフォルトではEC2から外向きTCP 25番ポートは制限対象", "count", False),  # a number that names a port
        ("デフォルトではEC2から外向きTCP 25番ポートは制限対象", "port", True),
        ("[3] CloudWatch Events … https://aws.amazon.com/jp/about-aws/whats-new/2017/03/", "count", False),  # a link
    ],
)
def test_statement_states_a_value(text, kind, says):
    assert Expected(frozenset({kind})).stated_in(text) is says


def test_cue_words_are_not_what_the_value_is_about():
    question = "SQSのメッセージ保持期間って、デフォルトだと何日？"
    assert Expected.of(question).cue_terms(question) == {"何日", "日", "day", "daily"}
    question = "How large can a single object in S3 be?"
    assert Expected.of(question).cue_terms(question) == {"large", "サイズ", "容量"}
    # in the other language too: the size of 「合計サイズは4KB以下」 is no word the two share
    question = "What's the maximum zip size I can upload?"
    assert {"size", "サイズ"} <= Expected.of(question).cue_terms(question)


def test_throttling_holds_no_ttl():
    question = "What is the default throttling limit?"
    assert Expected.of(question).kinds == {"count"} and not Expected.of(question).quantity_terms(question)


def test_a_quantity_noun_is_what_the_value_is_about():
    question = "What is the maximum delay I can set on an SQS delay queue?"
    expect = Expected.of(question)
    assert expect.kinds == {"duration"} and expect.cue_terms(question) == {"maximum", "最大"}
    assert {"delay", "遅延"} <= expect.quantity_terms(question)
    # the topic whose duration is asked (not 「数分後に全て」 of a CodeDeploy section that names Lambda)
    question = "Lambdaのタイムアウトって何も設定しなかったらデフォルトで何秒？"
    assert "タイムアウト" in Expected.of(question).quantity_terms(question)


def test_subject_is_the_names_without_the_unit():
    assert subject("Lambda Layersって合計で何MBまで載せられる？") == {"lambda", "layer"}
    assert subject("EBSのボリュームって最大何TBまで作れる？") == {"ebs"}
    # an English phrase inside Japanese is words, its first one capitalised or not; a title-case one is a name
    assert subject("Lambda の Environment variables に設定できるサイズの上限と、暗号化はどうなってる？") == {"lambda"}
    assert subject("S3のTransfer Accelerationはいつ使う？") == {"s3", "transfer", "acceleration"}
    # a format is no subject: the schedule's interval is asked, not cron's
    assert subject("CloudWatch Eventsでcron的にスケジュール実行したい。最短で何分おき？") == {"cloudwatch", "event"}


def test_a_value_counts_for_the_subject_its_item_or_headings_name():
    section = "- 環境変数を使うことができる。\n    - キーとバリューの合計サイズは4KB以下の制限がある\n" \
              "- Lambda Layersは最大で5個まで利用する事ができる\n"
    found = statements(section, ("Developer associate", "AWS Lambda"), 0)
    terms = frozenset(tokens(section))
    size, count = Expected(frozenset({"size"})), Expected(frozenset({"count"}))
    assert [gives(s, size, subject("Lambdaの環境変数のサイズ制限は？"), terms) for s in found] == [False, True, False]
    # the nested 「4KB以下」 is about environment variables, though the section names Layers elsewhere
    assert not any(gives(s, size, subject("Lambda Layersの合計サイズは？"), terms) for s in found)
    assert [gives(s, count, subject("Lambda Layersはいくつまで？"), terms) for s in found] == [False, False, True]


def test_a_statement_naming_the_service_itself_speaks_of_the_service():
    section = "* Used to detect unusual activity in an account (if enabled):\n" \
              "   * Cloudtrail Events are stored for 90 days, though can be sent to S3\n"
    insights = statements(section, ("AWS environment logging", "CloudTrail Insights"), 0)[-1]
    alias = statements("- ALIASレコード\n    - ALIASレコードへのクエリは無料\n", ("Amazon Route 53",), 0)[-1]
    duration, price = Expected(frozenset({"duration"})), Expected(frozenset({"price"}), free=True)
    # of CloudTrail's events, not of Insights' baseline; Route 53's ALIAS records, under its heading
    assert not gives(insights, duration, subject("How long does CloudTrail Insights need to build its baseline?"),
                     frozenset(tokens(section)))
    assert gives(insights, duration, subject("How long does CloudTrail keep events?"), frozenset(tokens(section)))
    assert gives(alias, price, subject("Route 53のALIASレコードへのクエリって無料？"),
                 frozenset(tokens("Amazon Route 53 ALIASレコード")))


def test_a_top_level_value_speaks_for_its_section():
    section = "- C4, R3, D2, I2, M4 インスタンスでサポート\n- 最大10Gbps\n"
    found = statements(section, ("EC2", "Intel 82599 Virtual Function (VF) インターフェイス"), 0)
    question = "C4やR3で使えるIntelのVFインターフェイスの拡張ネットワーキングは最大何Gbps？"
    expect = Expected.of(question)
    assert expect.kinds == {"speed"}
    assert [gives(s, expect, subject(question), frozenset(tokens(section))) for s in found] == [False, True]


@pytest.mark.parametrize(
    ("question", "text", "says"),
    [
        ("SQSのロングポーリングって最大何秒まで待てる？", "最大14日間キューにデータを保存する", False),  # days for 何秒
        ("Lambdaのタイムアウトは最大何秒？", "最大15分", True),  # the next unit up
        ("Roughly how many months does CloudTrail keep events?", "Events are stored for 90 days", True),  # two down
        ("EFSの料金ってGBあたりいくらくらい？", "アジアパシフィック (シドニー) 0.36 USD/GB-月", True),
        ("CloudTrailはいくら？", "CloudTrail 自体は無料", True),
        ("ECRのリポジトリはいくつまで？", "コンテナイメージはS3に保存される。", False),  # the 3 of S3
        ("How many routing policies does Route 53 have?", "Route 53では、複数のルーティングポリシー", False),
        ("何年使える？", "2017年に発表された", False),  # a date
        ("何分かかる？", "データを3分割して送る", False),
    ],
)
def test_a_named_unit_is_answered_in_that_unit_or_the_next(question, text, says):
    assert Expected.of(question).stated_in(text) is says


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Can I use GPUs with Fargate?", ["gpu", "fargate"]),  # the stemmer keeps "-us" whole
        ("GPUsを使う", ["gpu", "使う"]),
        ("AMIs, VPCs and APIs", ["ami", "vpc", "api"]),
        ("AWS SQS", ["aws", "sqs"]),  # not plurals
        ("What's new", ["new"]),  # the s of What's is no term
        # a letter among Japanese is a name (the option letters of instance types), the article is not
        ("インスタンスの「a」って何？", ["a", "インスタンス"]),  # ASCII terms first
        ("a：AMDのCPU", ["a:amd", "a", "amd", "cpu"]),
        ("m5a or m5", ["m5a", "m", "5", "a", "m5", "m", "5"]),
        ("What does a mean?", ["mean"]),
        ("I’d like it, don't", ["like", "don"]),  # the letters of contractions, curly or straight
        ("What’s new", ["new"]),
        ("d：標準インスタンス", ["d", "標準", "インスタンス"]),  # a letter before 「：」 and Japanese
        # a dash typed for the long vowel inside a katakana word; a minus sign between two words stays
        ("セキュリティグル－プ、メッセ―ジ", tokens("セキュリティグループ、メッセージ")),
        ("オンプレミス−クラウド間", ["オンプレミス", "クラウド", "間"]),
        ("パブリック-プライベート", tokens("パブリック プライベート")),
        # British nouns are the American ones the notes and AWS write; a -ise verb stays (advise, promise)
        ("Lambda authoriser, optimisations", ["lambda", "authorizer", "optimization"]),
        ("advise promise", ["advise", "promise"]),
        ("冗⻑構成", ["冗長構成", "冗長", "構成"]),  # a radical copied from a PDF (U+2ED1) is its kanji
        ("CRON job triggering (via EventBridge) a λ", ["cron", "job", "triggering", "via", "eventbridge", "lambda"]),
    ],
)
def test_words_as_the_keyword_index_reads_them(text, want):
    assert tokens(text) == want


@pytest.mark.parametrize(
    ("word", "japanese"),
    [("retained", "保持"), ("configured", "設定"), ("stopped", "停止"), ("querie", "クエリ"), ("retain", "保持")],
)
def test_inflected_english_words_find_the_glossary_entry_of_their_base_form(word, japanese):
    assert japanese in translations(word)


def test_names_joined_by_and_are_alternatives():
    """「ENAとIntel 82599 VFってそれぞれ何Gbps？」: a statement about either name gives the value."""
    about = subject("EC2の拡張ネットワーキング、ENAとIntel 82599 VFってそれぞれ最大何Gbps？")
    assert about.choices == ((frozenset({"ena"}), frozenset({"intel", "vf"})),)
    expected = Expected.of("ENAとIntel 82599 VFってそれぞれ最大何Gbps？")
    heading = ("EC2", "拡張ネットワーキング", "Intel 82599 Virtual Function (VF) インターフェイス")
    statement = statements("- 最大10Gbps", heading, 0)[0]
    assert gives(statement, expected, about, frozenset(tokens("EC2 Intel VF 最大10Gbps")))
    # one name of a compound is not enough: "Lambda Layers" needs both words
    assert subject("Lambda Layersって何MB？").choices == ()
    assert subject("What's the max network speed with ENA versus the Intel 82599 VF interface?").choices == (
        (frozenset({"ena"}), frozenset({"intel", "vf"})),)
    assert subject("What's the maximum bandwidth with ENA compared to the Intel 82599 VF interface?").choices == (
        (frozenset({"ena"}), frozenset({"intel", "vf"})),)
    # nor when each is named in a clause of its own (「ENAを使う場合とIntel 82599 VFを使う場合」)
    asked = subject("拡張ネットワーキングでENAを使う場合とIntel 82599 VFを使う場合、最大帯域はそれぞれどれくらい？")
    assert asked.choices == ((frozenset({"ena"}), frozenset({"intel", "vf"})),)


def test_a_default_does_not_give_the_maximum_asked():
    """「デフォルトで30秒」 is the visibility timeout's default, not the maximum a question asks for."""
    heading = ("Developer associate", "Amazon Simple Queue Service (Amazon SQS)")
    default = statements("- 可視性タイムアウト\n    - デフォルトで30秒", heading, 0)[-1]
    about = subject("What is the maximum visibility timeout of an SQS queue?")
    section = frozenset(tokens("SQS 可視性タイムアウト デフォルトで30秒"))
    assert not gives(default, Expected.of("What is the maximum visibility timeout of an SQS queue?"), about, section)
    assert gives(default, Expected.of("What is the default visibility timeout of an SQS queue?"), about, section)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("How long does CloudWatch retain metric datapoints?", False),  # how long, not how often
        ("CloudWatchがSageMakerのメトリクスを取る間隔は何分？", True),
        ("SageMakerのメトリクスは何秒粒度で取れる？", True),
    ],
)
def test_how_often_is_no_answer_to_how_long(question, says):
    assert Expected.of(question).stated_in("Captures SM monitoring metrics at a 1 minute frequency") is says


@pytest.mark.parametrize(
    ("question", "text", "says"),
    [
        # how long a thing takes is not how long it is kept
        ("How long does it take for a CloudTrail event to be delivered to S3?", "Events are stored for 90 days", False),
        ("CloudTrailのイベントがS3に届くまでにかかる時間は？", "イベント履歴は90日間保存", False),
        ("How long after an API call does the event show up in CloudTrail?", "Events are stored for 90 days", False),
        ("How long after an event can I still look it up in CloudTrail?", "Events are stored for 90 days", True),
        ("Insightsがベースラインを作るのにどれくらいの期間がかかる？", "Events are stored for 90 days", False),
        ("Glacierから取り出すのに何時間かかる？", "取り出しには3-5時間", True),
        ("How long are CloudTrail events kept?", "Events are stored for 90 days", True),
        # a few minutes is a duration
        ("CodeDeployのCanaryで、最初の10%から全部切り替わるまでどれくらいかかる？", "最初は10％で、数分後に全て", True),
    ],
)
def test_how_long_a_thing_takes_is_no_retention(question, text, says):
    assert Expected.of(question).stated_in(text) is says


def test_a_rate_does_not_give_the_count_asked():
    """「1秒間あたり最大300件」 is a throughput, not how many messages one receive call takes."""
    heading = ("Developer associate", "Amazon Simple Queue Service (Amazon SQS)")
    rate = statements("- FIFOキュー\n    - 1秒間あたり最大300件のメッセージ", heading, 0)[-1]
    section = frozenset(tokens("SQS FIFOキュー 1秒間あたり最大300件のメッセージ"))
    per_call = "SQSで1回の受信リクエストで取得できるメッセージは最大何件？"
    assert not gives(rate, Expected.of(per_call), subject(per_call), section)
    per_second = "SQSのFIFOキューは1秒あたり最大何件のメッセージを処理できる？"
    assert gives(rate, Expected.of(per_second), subject(per_second), section)
    throttled = "SQSのFIFOキューのスロットリングの上限は？"  # a throttling limit is a rate
    assert gives(rate, Expected.of(throttled), subject(throttled), section)


def test_options_give_the_kind_the_question_the_rest():
    """「上限はどれ？ A) 5分 B) 15分」: a duration, and the maximum; 「間隔はどれ？」: how often."""
    limit = Expected.asked("Lambda関数の実行時間の上限はどれ？", "5分 / 15分 / 60分")
    assert limit.kinds == {"duration"} and limit.ends == {"max"}
    interval = Expected.asked("Route 53の高速ヘルスチェックの間隔はどれ？", "5秒 / 10秒 / 30秒")
    assert interval.stated_in("高速ヘルスチェックは10秒間隔")
    # values offered in the question's own words ask for one of their kind
    offered = Expected.asked("Route 53のヘルスチェックの間隔って、10秒と30秒どっちにしておくのがいい？")
    assert offered.kinds == {"duration"} and not offered.stated_in("ヘルスチェックの結果に基づいて応答する")
    assert not Expected.asked("10秒のタイムアウトって長い？")  # one value, no choice
    far = Expected.asked("SQSのメッセージサイズは256KBと1GBどっち？")  # in either unit, or any other of the kind
    assert far.stated_in("メッセージの最大サイズ256KB")
    chosen = Expected.asked("For Direct Connect, should I go with a 1 Gbps or a 10 Gbps dedicated connection?")
    assert chosen.kinds and not chosen.stated_in("インターネットベースの接続よりも一貫性がある")
    # a service chosen, the values its context
    assert not Expected.asked("12時間か24時間ごとにEBSスナップショットを取るならDLMを使うべき？")


def test_an_id_is_no_subject():
    """「トレースIDなどのメタ情報」 is what is stored; the limit asked is SQS's."""
    assert subject("トレースIDなどのメタ情報をSQSのメッセージ属性に最大いくつ付けられる？") == {"sqs"}


def test_a_minimum_does_not_give_the_maximum_asked():
    """「最小1分間隔」 is how often a rule may fire, not how long a workflow may run at most."""
    heading = ("AWS CloudWatch EventsとStep Functionsの違い", "CloudWatch Events")
    interval = statements("- スケジュールベースでの実行が可能（最小1分間隔）", heading, 0)[0]
    section = frozenset(tokens("CloudWatch Events Step Functions スケジュール 最小1分間隔"))
    longest = "Step Functionsのワークフローって1回の実行で最長どのくらい動かし続けられる？"
    assert not gives(interval, Expected.of(longest), subject(longest), section)
    shortest = "CloudWatch Eventsのスケジュール実行の最短間隔は？"
    assert gives(interval, Expected.of(shortest), subject(shortest), section)
    at_least = statements("- 少なくとも1回の配信", ("SQS", "スタンダードキュー"), 0)[0]
    most = "SQSのスタンダードキューで1回に受信できるメッセージは最大何件？"
    assert not gives(at_least, Expected.of(most), subject(most), frozenset(tokens("SQS スタンダードキュー")))


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("CloudWatch Eventsで30秒ごとにジョブを起動できる？", {"duration"}),
        ("We need to keep logs for 7 years cheaply", {"duration"}),
        ("Can I put a 6TB file in S3?", {"size"}),
        ("Can a Lambda function run for a full hour?", {"duration"}),  # one of a unit in words
        ("Can I run it for an hour or so?", {"duration"}),
        ("Can a FIFO queue deliver a message a second time?", set()),  # not for how long
        ("Can DLM take an EBS snapshot once a day?", set()),
        ("2017年に出たサービスは？", set()),  # a date, not a duration
        ("1秒に1000件を超えたらどうなる？", set()),  # a rate, not a duration
        ("Kinesisって1秒に何レコードくらいまでいける？", set()),
        ("SQSの可視性タイムアウトとは？", set()),
    ],
)
def test_values_a_question_writes(question, kinds):
    assert Expected.written(question).kinds == kinds


def test_api_is_a_subject_only_as_api_gateway():
    assert subject("CloudTrailはAPIの呼び出しを記録する？") == {"cloudtrail"}
    assert subject("How long is API call history kept in CloudTrail?") == {"cloudtrail"}
    assert {"api", "gateway"} <= subject("API Gatewayのタイムアウトは？")


def test_an_abbreviation_is_written_as_one_of_its_names_each_a_phrase():
    assert written_forms("lb") == ["ELB", "ロードバランサー"]  # alternatives
    assert written_forms("nlb") == ["Network Load Balancer"]  # one phrase, not each word
