"""Whether a question asking what happens when something occurs is answered: by a statement about its
subject that speaks of that occurrence.

「CloudFormationでスタック更新が途中で失敗したらどうなる？」 finds CloudFormation's sections, which never
speak of a failure; 「SQSで何回受信しても処理に失敗するメッセージってどうなるの？」 is answered by 「正しく処理できない
メッセージ…Dead Letter Queueに入れられる」, and 「Kinesisに1秒あたり1000件超えて書き込むとどうなる？」 by
「1000レコードの制限を超えると遅延する」.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ingest.tokenize import normalize, terms
from rag.expect import said_of, subject
from rag.glossary import translations
from rag.patterns import SENTENCE, regex
from rag.statements import Statement
from rag.titles import written_headings

# 「…たらどうなる？」, 「…メッセージって、どうなるの？」, "what happens when …"
# (「失敗した場合、環境はどういう状態になる？」, 「変更したら、すでにキューに入っているメッセージにはどう影響する？」:
# what becomes of something named between)
# (「待ち時間が過ぎても終わってないリクエストはどう扱われる？」: how it is handled)
_ASKED = regex(r"(?:たら|だら|と|ば|場合(?:は|に)?|とき(?:は)?|時(?:は)?|って|は)[、,]?\s*"
               r"(?:[^、。？?]{1,20}?(?:は|が)\s*)?(?:最終的に|結局|最後に)?(?:どう(?:なる|なり|なっ|影響|扱われ|処理され)|どういう状態)|"
               r"\bwhat (?:happens|will happen|would happen)\b", re.I)
# …or whether something follows from what occurs, the occurrence read in the condition only (「terminateしたら、
# EBSボリュームも一緒に消える？」, "If I terminate an instance, does its root volume get deleted?"; not "If I copy
# a snapshot, will the copy be deleted by the policy?")
_FOLLOWS = regex(r"^(?P<ja>.*?(?:たら|だら|れば|場合(?:は|に)?))[、,]\s*[^。？?]{1,40}[？?]|"
                 r"\bif\b(?P<en>[^?,]{3,80}),\s*(?:does|do|will|would|is|are)\b[^?]*\?", re.I)

# (「シャードを2つマージしたら」)
_SPLIT_OBJECT = regex(r"([ァ-ヶー]{2,}|[A-Za-z]{2,})\s*(?:を|が)?\s*(?:\d+\s*つ|二つ|ふたつ)?\s*"
                      r"(?:分割|統合|マージ|スプリット)|"
                      r"\b(?:split|splitting|merge|merging)\s+(?:the\s+|a\s+|an\s+|two\s+)?([A-Za-z]+)", re.I)


def _done_to(thing: str, ja: str, en: str) -> re.Pattern[str]:
    """``thing`` (or its other-language word: "shards", シャード) written next to what is done to it: a few
    characters before the Japanese word, or after the English verb."""
    other = [w for term, _ in terms(thing)[:1] for w in translations(term)]
    forms = "|".join(re.escape(normalize(f)) for f in dict.fromkeys([thing, *other]))
    return regex(rf"(?:{forms})[^、。,.]{{0,12}}(?:{ja})|"
                 rf"\b(?:{en})\w*\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:{forms})", re.I)


def _bound(thing: re.Pattern[str], ja: str, en: str) -> Callable[[str], re.Pattern[str] | None]:
    """How a note says an occurrence of the thing a question names (``thing``'s first or second group): that
    thing next to the word (``_done_to``); nothing to bind when the question names none."""
    def said(sentence: str) -> re.Pattern[str] | None:
        m = thing.search(sentence)
        return _done_to(normalize(m.group(1) or m.group(2)), ja, en) if m else None
    return said


# a split or merge is said of the thing split (「シャードを分割」, "split a shard"; not 「shardとは、データを
# 分割して保存する」, which splits data)
_split_of = _bound(_SPLIT_OBJECT, "分割|統合|スプリット|split|merg", "split|merg")
# a unit of storage split (「シャードを分割する手順」): how-to questions ask it of shards and partitions only
# (「トラフィックを新旧モデルに分割」 is the notes' 「切り替え」, 「ファイルを分割してアップロード」 their Multipart)
unit_split_of = _bound(regex(r"(シャード|パーティション)\s*(?:を|が)?\s*(?:分割|統合|マージ|スプリット)|"
                             r"\b(?:split|splitting|merge|merging)\s+(?:the\s+|a\s+|an\s+|two\s+)?(shards?|partitions?)",
                             re.I), "分割|統合|スプリット|split|merg", "split|merg")


# what holds other things, deleted (「SQSのキューを削除したら、中のメッセージは？」, "delete the alias"): a
# note deleting what it holds (「取得したメッセージは削除する必要がある」) says nothing of it. Not what is
# held (「オブジェクトを削除した直後」 is answered by 「削除直後は、削除前のデータが参照される」)
_HOLDERS_JA = (r"キュー|ポリシー|バケット|スタック|環境|エイリアス|バージョン|テーブル|クラスタ|ストリーム|"
               r"トピック|関数|ボリューム")
_HOLDERS_EN = r"queues?|polic(?:y|ies)|buckets?|stacks?|environments?|alias(?:es)?|versions?|tables?|clusters?|" \
              r"streams?|topics?|functions?|volumes?"
# the holder itself, not the thing it holds ("the volume's snapshot", "a bucket object"): no possessive
# after it, nor a noun, only a word that joins ("delete the queue and …")
_JOINING = r"(?:and|or|in|on|from|that|which|with|before|after|while|when|if|what|to|but|so|then)\b"
_DELETED = regex(rf"({_HOLDERS_JA})(?:自体|ごと|本体)?\s*(?:を|が)\s*(?:削除|消)|"
                 rf"\b(?:delete|deleting|deleted|remove|removing)\s+(?:the\s+|a\s+|an\s+|my\s+)?(?:[\w-]+\s+)?"
                 rf"({_HOLDERS_EN})\b(?!['’]s\b|\s+(?!{_JOINING})[a-z]+\b)", re.I)
_deleted_of = _bound(_DELETED, "削除|消", "delet|remov")  # 「キューを削除」, "delete a queue"


_EXCEEDED = r"超え|こえ|超過|上回|以上|達|届|\bexceed|\bmore than\b|\bover\b"
# the limit passed: the number right before the word (「300件を超える」), or after it ("more than 300")
_PASSED = regex(r"(?<![\d,.])(\d[\d,]*)\s*[^\d\s、。？?]{0,6}?(?:を|が)?\s*(?:超え|こえ|超過|上回|オーバー)|"
                r"\b(?:more than|exceed\w*|beyond|over)\s+(\d[\d,]*)", re.I)


def _exceeding(condition: str) -> re.Pattern[str] | None:
    """A limit exceeded is said with the limit the question names (「1秒300件を超えるペースで送り続けたら」 is
    not answered by DLQ's 「その数に達すると」, but 「1000件超えて書き込むと」 is by 「1000レコードの制限を超える
    と遅延」): the number and the word side by side."""
    numbers = {(m.group(1) or m.group(2)).replace(",", "") for m in _PASSED.finditer(condition)}
    if not numbers:
        return None
    limit = "|".join(rf"(?<![\d,.]){re.escape(n)}(?![\d])" for n in sorted(numbers))
    return regex(rf"(?:{limit})[^、。,.]{{0,16}}?(?:{_EXCEEDED})|(?:{_EXCEEDED})[^、。,.]{{0,12}}?(?:{limit})", re.I)


# not done: 「終わってない」, 「終了しなかったら」, 「まだ動いてる」, 「完了しなければ」
_UNDONE = (r"(?:(?:終わ|止ま)(?:らな|ってな|ってい?な)|(?:終了|完了|停止)(?:しな|してな|していな|せず)|"
           r"まだ|動いて|実行中|処理中)")


# a process that fails (「デプロイが途中で失敗したら」, "if the deployment fails"): said as a failure, not as the
# brief stop the process itself makes (All at once's 「短時間サービスが停止」)
_PROCESS_FAILED = regex(r"(?:デプロイ|更新|展開|ビルド|リリース|\bdeploy\w*|\bupdate|\bbuild)[^、。？?]{0,10}?"
                        r"(?:失敗|(?:コケ|こけ)(?:た|る|て)|\bfail)", re.I)
_PROCESS_FAILURE_SAID = regex(r"失敗|パスしな|通らな|できな|エラー|ロールバック|切り戻|\bfail|\berror|"
                              r"\broll(?:s|ed)?[ -]?back", re.I)


def _process_failed(condition: str) -> re.Pattern[str] | None:
    """How a note says a failure of the process ``condition`` names; none for a thing that goes down."""
    return _PROCESS_FAILURE_SAID if _PROCESS_FAILED.search(condition) else None


class _Event(NamedTuple):
    asked: re.Pattern[str]  # how a question says it occurs
    stated: re.Pattern[str]  # how a note says it occurred
    bind: Callable[[str], re.Pattern[str] | None] | None = None  # said of the thing the question names
    # asked as a condition too (「削除したら、…も消える？」); not a failure, a limit exceeded or a mismatch:
    # 「16TBを超える場合、1ボリュームで足りる？」 is answered by 「最大容量は16TB」, "If an AZ goes down, is my
    # EFS data still accessible?" by 「複数AZに複製されて保存される」
    follows: bool = True


def _event(asked: str, stated: str, bind: Callable[[str], re.Pattern[str] | None] | None = None,
           follows: bool = True) -> _Event:
    return _Event(regex(asked, re.I), regex(stated, re.I), bind, follows)


# (not its notice: 「中断の通知から120秒経っても」 asks what follows the time passed)
_INTERRUPTED = _event(r"中断(?!の?通知)|回収され|\binterrupt|\breclaim",
                      r"中断|回収|終了|\binterrupt|\breclaim|\bterminat")


# a shortage as the notes say it (「空いているコンピュータが無い時は…待機」, 「利用可能な数以上のリクエストが来た場合」)
_CAPACITY_SAID = (r"不足|足りな|枯渇|空き|空い|確保|拡張|縮小|弾力|無制限|制限(?:な|無)|待機|待ち|超え|達|届|遅延|"
                  r"数以上|自動(?:的に)?スケール|\binsufficient|\bunavailable|\bexpand|\belastic(?:ally|ity)\b|\bgrow|\bshrink|"
                  r"\bunlimited|\bwait|\bqueued\b|\bexceed|\bauto-?scal")  # not the names of Elastic …, Simple Queue …
# what occurs, as asked and as a note says it occurred (a retry speaks of a failure); a split also as
# said of the thing split (``_split_of``), a holder's deletion of the holder (``_deleted_of``)
_EVENTS = (
    _event(r"失敗|落ち|(?:コケ|こけ)(?:た|る|て)|通らな|パスしな|届かな|\bNG\b|エラー|異常|ダウン(?!タイム|ロード|グレード)|障害|\bfail|\bunhealthy|"
           r"\berror|\b(?:goes|went|is|are|going) down\b|\bcan(?:no|')t (?:be )?deliver|\bundeliver|"
           r"\bnot (?:be )?delivered",
           r"失敗|できな|パスしな|通らな|異常|エラー|障害|ダウン|停止|止ま|落ち|下が|低下|リトライ|再試行|\bfail|"
           r"\bunhealth|\berror|\bretr|\bdown\b", _process_failed, follows=False),
    # (not a failover: 「フェイルオーバーしたら」)
    _event(r"超え|こえ|超過|上回|(?<!フェイル)オーバー|\bmore than\b|\bexceed|\bbeyond\b", _EXCEEDED, _exceeding,
           follows=False),
    _event(r"削除|(?<!解)消[しすせ]|\bdelet|\bremov", r"削除|消|\bdelet|\bremov", _deleted_of),
    # a split asked as done (not Lambda's 「統合」, an integration)
    # (「シャード分割（リシャーディング）してる最中に」)
    _event(r"(?:を|が)\s*(?:分割|統合|マージ)|(?:分割|統合|マージ)(?:する|した|して|され|中|の最中)|スプリット|リシャー[ドデ]|"
           r"\bsplit|\bmerg|\breshard", r"分割|統合|リシャー[ドデ]|\bsplit|\bmerg|\breshard", _split_of),
    _event(r"当てはまらな|一致しな|該当しな|マッチしな|\bdo(?:es)?n'?t match|\bno match",
           r"当てはまらな|一致しな|該当しな|マッチしな|\bmatch", follows=False),
    _INTERRUPTED,
    # an alarm going off (「新モデル側のCloudWatchアラームが鳴ったら」): said as an alarm or alert, or as what it
    # sets off (a rollback, a scaling: 「指定した数だけASGの現在の容量を増減」); asked what happens only
    _event(r"アラーム(?:が|の)?\s*(?:鳴|発報|発火|発動)|"
           r"\balarms?\s+(?:goes|go|went|fires?|fired|is triggered|triggers)\b",
           r"アラーム|アラート|通知|増減|スケール|\balarm|\balert|\bnotif|\bscal|ロールバック|切り戻|"
           r"\broll(?:s|ed)?[ -]?back", follows=False),
    # a setting changed while in use (「遅延時間を途中で/後から変更したら」: not 「重みを変更したら」, which the
    # notes answer by what the setting does), an instance terminated (not 「環境を終了したら」)
    _event(r"(?:途中|後)(?:で|から)\S{0,4}(?:変更|変え|切り?替え)",
           r"変更|変え|変わ|変化|切り?替|更新|反映|\bchang|\bmodif|\bupdat"),
    # a feature turned on later, of what is already there (「クロスリージョンレプリケーションを後から有効にしたら、
    # すでに入っているオブジェクトは」, "turn on … the objects that were already in it"; "change the delay …
    # messages already in the queue"): said as enabled or changed, or of what exists
    _event(r"(?:途中|後|あと)(?:で|から)\S{0,8}?(?:有効|設定し|オンに)|"
           r"\b(?:turn(?:s|ed)? on|enabl\w*|set(?:s|ting)? up|chang\w*)\b[^?]*\balready\b",
           r"有効|既存|既に|すでに|変更|\benabl|\bexisting|\balready|\bchang"),
    _event(r"\bterminat(?!ion\s+notic)|ターミネート", r"終了|停止|\bterminat|\bstop"),  # not "the termination notice"
    # a time limit passed (「フックがタイムアウトしたら」, 「待ち時間を過ぎても終わらなかったら」; a thing not done
    # in time: 「終了通知から120秒経っても終わってなかったら」, "still running after the 120-second notice", not any
    # time passed: 「300秒経っても初期化中だったら」 is the cooldown's): said as a timeout, a retry, a wait or how
    # long a thing is kept (SNS's 「Retryされる」, AWS Batch's 「待機させ」, API Gateway's INTEGRATION_TIMEOUT,
    # CloudTrail's "stored for 90 days"; not Connection Draining's 「一定時間待つ」, which says nothing of after)
    _event(r"タイムアウトし|時間切れ|(?:待ち|待機)?時間(?:を|が)過ぎ|期限(?:を|が)過ぎ|\btime(?:s|d)?\s?out\b|"
           rf"\d+\s*(?:秒|分|時間|日)[^、。？?]{{0,4}}?(?:経っ|過ぎ|経過し)て?も[^、。？?]{{0,16}}?{_UNDONE}|"
           rf"\d+\s*(?:秒|分|時間|日)以内に[^、。？?]{{0,10}}?{_UNDONE}|"
           r"\bstill\s+(?:running|executing|processing|in progress)\b",
           r"タイムアウト|time-?out|\btimed out|経過|打ち切|強制|期限切れ|リトライ|再試行|待機|(?:保存|保持)期間|"
           r"\bretr|\bstored for\b"),
    # capacity or anything else running out (「Fargate Spotの空きキャパシティがないとき」, 「空きが無かったら」,
    # 「キャパシティが足りずに」, 「サブネットのIPアドレスが足りなくなったら」): said as a shortage, a wait, a limit
    # reached or none, or as what grows (「容量が足りなくなったら」 is answered by EFS's 「自動的に拡張および縮小」,
    # S3's 「容量無制限」, AWS Batch's 「空いているコンピュータが無い時は…待機」, ALB's 「自動スケールする」)
    _event(r"(?:キャパシティ|容量|空き)[^、。？?]{0,4}?(?:が|の)?\s*(?:[な無](?:い|く|かっ)|不足|足り(?:な|ず)|確保でき(?:な|ず))|"
           r"(?:が|の)\s*(?:不足し|足りなくな|枯渇し)|"
           r"\bno\s+(?:[\w-]+\s+){0,3}capacity\b|\bcapacity\s+(?:is\s+|isn't\s+)?(?:not\s+)?(?:available|unavailable)|"
           r"\binsufficient\s+capacity\b|\bout of capacity\b|\brun(?:s|ning)? out of\b", _CAPACITY_SAID),
    # …or used up (「割り当てたメモリを使い切ったら」), asked what happens only: 「容量を使い切ったら、容量を
    # 増やせる？」 is answered by 「容量を変更可能」
    _event(r"(?:キャパシティ|容量|メモリ|ストレージ)[^、。？?]{0,4}?(?:を|が)?\s*使い切", _CAPACITY_SAID,
           follows=False),
)


# retries used up (「リトライしても結局届かなかったメッセージは」, "after all its retries"): answered by what follows
# them (a dead-letter queue, a discard, the data expiring), not by the retry the question already names (SNS's
# 「メッセージ送信ができない場合はRetryされる」)
_RETRIED = regex(r"(?:リトライ|再試行)[^、。？?]{0,16}?(?:ても|後|切|尽き)|"
                 r"\bretr(?:y|ies)\b[^?]{0,40}?\b(?:fail|exhaust|run out|used up)|\bafter (?:all )?(?:the |its )?retr",
                 re.I)
# a restart asked to follow an interruption (「中断されたら、通常のFargateで自動的に起動し直してくれる？」): answered
# by a statement speaking of one (「…をトリガーにしてEC2インスタンスを再起動することができる」), not by the
# interruption's own (Fargate Spot's 「終了イベントが通知されるので、120秒以内に終了する必要がある」). Not after a
# timeout or a change: a retry (「自動的に2回までリトライされる」) or a cold start answers those
_RESTART_ASKED = regex(r"起動し直|再起動|立ち上げ直|再実行|\brestart|\brelaunch|\bfalls? back", re.I)
_RESTART_SAID = regex(r"再起動|起動し直|再実行|置き換|置換|再作成|作り直|フォールバック|\brestart|\brelaunch|\breplac|"
                      r"\bfall ?back|\brecover", re.I)
_AFTER_RETRIES = regex(r"Dead Letter|デッドレター|DLQ|破棄|削除|捨て|失われ|消え|期限切れ|有効期限|\bdiscard|\bdrop|"
                       r"\bdelet|\blost\b|\bexpir", re.I)


# a success asked where the notes tell only what follows a failure (「Immutableデプロイが無事成功したら、古い
# インスタンスはどうなる？」: 「新しいインスタンスがヘルスチェックをパスしなかった場合…元のインスタンスをそのまま
# 残します」); where they tell neither, what they say of the thing often answers (「PUTが成功したあと、すぐGETすると」:
# 「登録後、即時データが参照できる」)
_SUCCEEDED = regex(r"成功(?:し|する|した)|無事|(?:問題なく|正常に)(?:完了|終了|終わ)|"
                   r"\bsucce(?:eds?|eded|ssful(?:ly)?)\b", re.I)
_FAILED = regex(r"失敗|(?:し|でき|パスし|通ら)なかった(?:場合|ら|とき)|成功し(?:な|ませ)|成功せ|\bfail|"
                r"(?:\bnot|n't|\bnever)\s+succe", re.I)  # "if the new ones don't succeed": a failure
_SUCCESS = regex(r"成功|成否|正常|\bsucce|\bafter\b", re.I)  # 「呼び出しの成否のみが返却される」


def _only_failure_told(about: frozenset[str], candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether the top section tells what follows a failure of the subject and no statement about the
    subject tells what follows a success."""
    return (said_of(about, [u for u in candidates if u.hit_rank == 0], sections, _FAILED.search)
            and not said_of(about, candidates, sections, _SUCCESS.search))


def unhappened(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks what happens when something occurs, or whether something follows, and no
    statement of a top section naming its subject (as far as the top sections name it) speaks of that
    occurrence."""
    # the sentence that asks it (「…ヘルスチェック落ちたらどうなる？Rolling with additional batchは…何が違うの？」)
    sentence = next((s for s in SENTENCE.findall(asking) if _ASKED.search(s)), "")
    condition, events = sentence, _EVENTS
    if not sentence:
        sentence = next((s.strip() for s in SENTENCE.findall(asking) if _FOLLOWS.search(s.strip())), "")
        follows = _FOLLOWS.search(sentence)
        condition = (follows.group("ja") or follows.group("en")) if follows else ""
        events = tuple(e for e in _EVENTS if e.follows)
    asked = [(e.bind and e.bind(condition)) or e.stated for e in events if e.asked.search(condition)]
    if asked and _RETRIED.search(condition):
        asked = [_AFTER_RETRIES]
    elif (_INTERRUPTED.asked.search(condition) and condition != sentence
          and _RESTART_ASKED.search(sentence.replace(condition, " ", 1))):
        asked = [_RESTART_SAID]
    succeeded = _SUCCEEDED.search(condition) is not None and not _FAILED.search(condition)
    if not asked and not succeeded:
        return False
    # of a heading it writes, from that section (「ローリングデプロイで…」: not the Immutable section's failure)
    titled = written_headings(sentence, (u.section for u in candidates))
    candidates = [u for u in candidates if all(t <= sections[u.hit_rank] for t in titled)]
    about = subject(sentence)
    if succeeded and _only_failure_told(about, candidates, sections):
        return True
    return bool(asked) and not said_of(about, candidates, sections, lambda said: any(s.search(said) for s in asked))
