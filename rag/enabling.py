"""What a how-to question asks to set up or to change, and whether the top sections say it.

「S3バケットのバージョニングを有効にする手順」 asks how to enable versioning. Sections about S3 that never
write versioning (in either language) do not answer it, however much else of the question they hold:
the notes name the bucket and the service everywhere; the thing to set up is what is asked (`unnamed`).
「ECRのイメージを別リージョンにレプリケーションするには？」 asks for a change: a section about ECR that
never says anything is replicated does not answer it (`unstated`); nor does it answer
「ECRのイメージを別リージョンに複製できる？」.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.capability import WHETHER
from rag.expect import held_names, names_all, subject
from rag.glossary import translations
from rag.glossary_terms import SERVICE_NAMES
from rag.outcome import unit_split_of
from rag.patterns import DENIED, MANNER, regex
from rag.query import WISH
from rag.statements import Statement, text_terms

# a question asking how, not whether or what happens once it is on (「有効にしたら…？」)
_HOW = regex(r"方法|手順|やり方|どうやって|どうすれば|どう(?:設定|定義|やる|やれ|す|書)|には(?:[？?]|何を)|"
             r"どこで(?:設定|指定|変更|有効)|どこ(?:から|に|で)[^、。？?]{0,12}(?:申請|申し込)|"
             r"\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b|\b(?:process|procedure) (?:for|to)\b|"
             r"(?<![A-Za-z])(?:[Ss]teps?)(?![A-Za-z])(?!\s+[Ff]unctions)", re.I)
# the thing right before を and the verb, with what it is of (「手動承認のステージを」; 「(ENA)を」: the name
# in brackets, or either name: 「起動ボリューム（ルートボリューム）を」; 「をCLIで有効化」, 「をS3に保存」), or
# before って/は and どう, or after the English verb. Not 増やす: 「処理能力ってどうやって増やすの？」 is
# answered by 「shardの数によってスループットが決まる」, which never writes 処理能力; nor "encrypt": "encrypt
# EFS traffic in transit" is answered by the mount helper's 「TSLで暗号化」, which never writes traffic.
_WORD = r"[一-龯ァ-ヶーA-Za-z0-9-]+"
_JA = regex(rf"(?:([一-龯ァ-ヶーA-Za-z0-9-]{{3,}})[（(])?((?:{_WORD}の)?(?:[A-Za-z0-9-]+\s)*{_WORD})[)）]?"
            rf"(?:を(?:(?:[^、。？?ぁ-ゖ]|の){{1,10}}?(?:で|に|へ))?|の(?=(?:設定|有効化|作成|構成)(?:方法|手順))|"
            r"\s*(?:って|は)\s*(?:どう(?:やって)?|どこで)\s*)"  # 「ライフサイクルポリシーってどう書く？」
            r"(?:有効|オン|ON|設定|変更|作成|追加|挟|コピー|移|削除|構成|書|インストール|導入|保存|ブロック|暗号化|"
            r"マウント|送|接続|取得|キャッシュ|公開|制限|転送|通知|実行|起動|登録|記録|出力|連携|検証|スキャン|監視|渡|延ば|延長|短縮|"
            r"減ら)", re.I)
# what is reached: 「S3にアクセスする方法」 (the one word: 「別アカウントのLambda関数に」 asks of Lambda functions);
# not how it is done (「独自にアクセス制御したい」, 「安全に接続」), nor anything outside (「外部のAPIにアクセス
# したい」: the internet, which the notes name as such)
_HOW_DONE = rf"{MANNER}(?:に|へ)"
_REACHED = regex(rf"(?<![一-龯ァ-ヶーA-Za-z0-9-])(?<!外部の)(?<!外の)(?!{_HOW_DONE})({_WORD})"
                 r"(?:に|へ)(?:アクセス|接続)")
_EN = regex(r"\b(?:enable|turn on|activate|switch on|set up|configure|create|add|copy|install|mount|store|"
            r"save|block|connect|restrict|attach|scan|monitor|export|import)\s+"
            r"(?:(?:an?|the|new|existing|my|our|another|all)\s+)*"  # "a new EFS file system": the file system
            r"((?:[\w.-]+\s+){0,4}?[\w.-]+?)(?=\s+(?:on|for|in|so|at|when|with|by|of|into|to|from|onto|via|using|"
            r"through|between|across|inside|within)\b|\s+\w+ed\b|\s*[?,]|\.?\s*$|\.\s)",
            re.I)
# no thing: a pronoun, or the doing itself (「リポジトリへのアクセスを制限」 names the repository), or when it is
# done (「デッドレターキューに移されるタイミングはどうやって設定する？」: 「最大受信数」)
_NO_THING = frozenset({"it", "them", "this", "that", "one", "first", "何", "アクセス", "接続", "通信", "利用", "使用",
                       "タイミング"})


def enabled(question: str) -> tuple[str, ...]:
    """The thing a how-to question asks to turn on or set up, as written, with the name it gives the thing
    in brackets (「起動ボリューム（ルートボリューム）を暗号化」: either); none for other questions."""
    if not _HOW.search(question):
        return ()
    written = [*_JA.finditer(question), *_REACHED.finditer(question)]  # the one nearest the question
    found = max(written, key=lambda m: m.end()) if written else _EN.search(question)
    things = [t for t in (found.groups() if found else ()) if t]
    if not things or things[-1].lower() in _NO_THING:
        return ()
    # an abbreviation in brackets is the thing exactly (「キャッシュ時間(TTL)」: TTL, not any time)
    return (things[-1],) if things[-1].isascii() else tuple(things)


def _written(term: str, section_terms: frozenset[str]) -> bool:
    """A word, or one of its translations whole (versioning: バージョニング, or both バージョン and 管理)."""
    return term in section_terms or any(
        words and set(words) <= section_terms for words in map(tokens, translations(term)))


# which of the things is meant, not a thing to name (「新規ボリュームをデフォルトで暗号化」: volumes; the
# English "a new EFS file system" is read without it by _EN). Not 既存: an existing volume is not
# encrypted as a new one is.
_QUALIFIERS = frozenset({"新規"})
# …nor words for what any thing holds, which the notes say in either (「セッションデータ」: 「セッション情報」)
_NOT_JUDGED = _QUALIFIERS | {"データ", "情報", "data", "information"}


def names(thing: str, section_terms: frozenset[str], used: Collection[str]) -> bool:
    """Whether a section's terms name ``thing``: each of its words, a compound as a whole or all of its
    parts (多要素認証: 多, 要素, 認証), in either language. A word neither the notes (``used``) nor the
    glossary know says nothing of any section (「キャパシティプロバイダー」: the notes write it in English)."""
    judged = [(term, parts) for term, parts in terms(thing) if term not in _NOT_JUDGED
              and (term in used or translations(term) or any(p in used for p in parts))]
    return all(_written(term, section_terms) or (parts and all(_written(p, section_terms) for p in parts))
               for term, parts in judged)


_OWNER = regex(r"^([A-Za-z0-9][A-Za-z0-9 ]*)の(.+)$")


def _owned(thing: str) -> str:
    """The thing without the service it is written of (「EC2の起動ボリューム」: the boot volume, named by EBS's
    「起動ボリュームの暗号化」): the service is the question's subject, judged as such; nor 「元の」 (「元の
    クライアントIP」 is the client's IP address, which the notes write without saying it is the original)."""
    thing = thing.removeprefix("元の")
    m = _OWNER.match(thing)
    owner = m and {t for t, _ in terms(m.group(1))}
    return m.group(2) if m and owner and owner <= SERVICE_NAMES else thing


def unnamed(question: str, sections: list[frozenset[str]], db: IndexDB) -> bool:
    """Whether ``question`` asks how to turn on or set up a thing that none of ``sections`` names with
    the question's subject (「EventBridgeで…デッドレターキューはどう設定する？」: SQS's section names
    dead-letter queues, not EventBridge)."""
    if not (things := enabled(question)):
        return False
    things = tuple(map(_owned, things))
    found, _ = db.doc_freq(t for thing in things for term, parts in terms(thing) for t in (term, *parts))
    used = {t for t, n in found.items() if n}
    about = subject(question)
    held = held_names(about, sections)
    # the placement group section, which names EC2, speaks of Auto Scaling's instances
    return not any(any(names(thing, s, used) for thing in things)
                   and (names_all(s, held) or not _names_another(s, about)) for s in sections)


def _names_another(section: frozenset[str], about: frozenset[str]) -> bool:
    """Whether a section names a service the question does not (SQS's, for a question on EventBridge)."""
    return bool(section & SERVICE_NAMES - about)


# a setting changed; it may also be said to be set (see unstated)
_CHANGED = (r"変更|変え(?:たい|る|られ)|\b(?:change|modify)\b", r"変更|変え|変わ|更新|\bchang|\bmodif|\bupdat")
# a thing assigned; a statement about the thing, in a section of the subject, says how (「ELBに独自ドメインを
# 割り当てるには」: 「独自ドメイン名: Route 53を使用する場合は…エイリアスレコード」)
_ASSIGNED = (r"割り?当て|\bassign\b", r"割り?当|\bassign")
_REMOUNT = (r"自動(?:的)?(?:で|に)?マウント|再起動(?:後|して|した後)も|(?:起動|ブート)(?:時|する(?:度|たび))に?|"
            r"\bauto-?mount|\bmount\w* automatically|\b(?:after|on|at|across) (?:a |every |each )?re?boots?\b")
_REMOUNTED = regex(r"自動(?:的)?(?:で|に)?マウント|fstab|再起動|起動時|\bauto-?mount|\bre?boot", re.I)
# What a how-to question asks to do to its thing, and the words a note uses when it says how that is
# done: 「KMSキーを別のキーに切り替えたい」 is not answered by sections about EBS encryption that never
# say 変更 or 切り替え. Generic verbs (設定, 構成, 作成, set up, configure) are not judged: the notes say
# what to set in too many words.
_ENABLED = (r"有効(?:化|に(?:する|して|し|なる|なって|な))|オンに|\b(?:enable|turn on|activate|switch on)\b",
            r"有効|オンに|\benabl|\bturn(?:ed|s)? on\b|\bactivat")
_CHANGES_WORDS = (
    _ENABLED,
    (r"無効(?:化|に)|オフに|\b(?:disable|turn off|switch off|deactivate)\b",
     r"無効|オフに|\bdisabl|\boff\b|\bdeactivat"),
    # a limit lifted (not 「登録解除」, deregistering; not "lift and shift")
    (r"(?:制限|上限|制約)(?:を|の)?解除|\blift\b(?!\s+and\s+shift)",
     r"(?:制限|上限|制約)\S{0,6}(?:解除|緩和|引き上げ)|緩和|\blift"),
    _CHANGED,
    (r"切り?替え|差し?替え|付け?替え|\bswitch\b(?! back)", r"切り?替|差し?替|付け?替|変更|\bswitch|\bchang"),
    (r"コピー|複製|\bcopy\b", r"コピー|複製|\bcop(?:y|ie)", True),
    (r"レプリケ(?:ーション|ート)|\breplicat(?:e|ion)\b", r"レプリケ|複製|\breplic", True),
    # kept when the rest goes (「スタックを削除してもS3バケットは残したい」): a statement of the subject keeping
    # something (Immutable's 「元のインスタンスをそのまま残します」, DLM's 「保持」; not CloudFormation's)
    (r"残(?:し|す|せ)|\b(?:keep|retain|preserve)\b", r"残|保持|保存|\bkeep|\bretain|\bpreserv|\bstor"),
    # backed up: a statement about the subject's backups or snapshots (memcached's 「バックアップ機能(Snapshot)は持た
    # ない」, DLM's snapshots; not EFS's, which the notes never give)
    (r"バックアップ(?:を取|を取得|する|し|でき|可能)|\bback(?:s|ing)? up\b",
     r"バックアップ|スナップショット|\bbackup|\bsnapshot"),
    # made redundant: a statement about the subject's redundancy, copies or failover (EBS's 「さらなる冗長化は
    # 不要」, EFS's 「複数AZに複製」, Route 53's Failover; not Direct Connect's, which the notes never give)
    (r"冗[長⻑](?:化|構成|に)|\bredundan(?:t|cy)\b",
     r"冗[長⻑]|\bredundan|複製|レプリケ|\breplic|複数AZ|フェイルオーバー|\bfailover|可用性|耐障害"),
    # traffic moved to a new model is 「新しいモデルに切り替える」; a volume moved to another AZ is restored
    # there (「Snapshotから任意のAZに復元できる」); a message moved to a dead-letter queue is put in it
    # (「Dead Letter Queueに入れられる」)
    (r"移行|移動|移[しすせ]|\b(?:migrate|move)\b", r"移|切り?替|復元|入れ|\bmigrat|\bmov|\bswitch|\brestor", True),
    # a cache deleted is invalidated (「無効化」)
    (r"削除|(?<!解)消[しすせ]|クリーンアップ|\b(?:delete|remove|purge)\b|\bclean(?:s|ing)? up\b",
     r"削除|消|無効化|クリーンアップ|\bdelet|\bremov|\binvalidat|\bpurg|\bclean"),
    _ASSIGNED,
    (r"付与|\bgrant\b", r"付与|設定|権限|許可|\bgrant|\ballow|\bpermi"),
    (r"共有|\bshare\b", r"共有|共通|\bshar", True),  # code shared between functions is 「共通化」
    (r"再実行|再試行|リトライ|\bretry\b", r"再実行|再試行|リトライ|\bretr"),
    # a target detached from a load balancer is deregistered (「ALBからの登録解除も自分で行う」)
    (r"切り離[しすせ]?|デタッチ|\bdetach\b", r"切り離|デタッチ|登録解除|\bdetach|\bderegist"),
    (r"復元|リストア|\brestor(?:e|ing)\b", r"復元|リストア|\brestor"),
    # a listing resumed where it stopped is answered by a token or 再開, not by 「出力する項目を少なくする」
    (r"再開|続きから|\bresum(?:e|ing)\b|\bpick up where\b|\bwhere (?:it|i|we|you) left off\b",
     r"再開|続き|トークン|\bresum|\btoken"),
    (r"スキップ|\bskip(?:s|ping)?\b", r"スキップ|飛ば|無視|\bskip|\bignor"),  # not 「アラート飛ばす」
    (r"インストール|\binstall\b", r"インストール|導入|\binstall"),
    # mounted again on every boot, asked anywhere in a how-to question (「EC2の再起動後も自動でマウントされるように
    # したい」): said as such, or as fstab (not any mount wished: 「EFSがマウントされるようにしたい」)
    (_REMOUNT, _REMOUNTED.pattern, False, lambda _question: _REMOUNTED),
    # fewer of something: 「件数を減らすには」 is answered by 「項目数を少なくする」
    (r"減ら[しすせ]|削減|\b(?:reduce|decrease)\b", r"減|少な|削減|\breduc|\bdecreas|\bdecrement|\bfewer\b|\bless\b"),
    (r"変換|\bconvert\b", r"変換|\bconvert", True),  # made into something ("Can I convert … into …?")
    # a shard or partition split or merged, said of it (``unit_split_of``: not 「shardとは、データを分割して
    # 保存する単位」); other things split are not judged
    (r"(?:を|が)\s*(?:分割|統合|マージ)|(?:分割|統合|マージ)(?:する|した|して|させ)|スプリット|\bsplit|\bmerg",
     r"分割|統合|\bsplit|\bmerg", False, unit_split_of),
    (r"スケジュール|定期(?:的に)?(?:実行|起動)|\bschedul\w*|\bevery (?:hour|day|week|month|minute)",
     r"スケジュール|定期|\bschedul|\bcron|間隔|\brate\b"),
    # applying for something is answered by where to apply, not by a note that one applies (「Pre-Warming
    # （暖機運転）の申請を行う」 does not say how); not "apply a lifecycle policy", "trace a request", nor
    # 「…をサポート」 (supports)
    (r"申請|申し込|\bapply for\b|\bsubmit (?:a|the) request\b|"
     r"\brequest(?:ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:limit|quota|increase|pre-?warm\w*)\b",
     r"フォーム|コンソール|窓口|問い合わせ|(?:AWS)?サポート(?:センター|に|へ|ケース)|"
     r"\bform\b|\bconsole\b|\bticket\b|\bsupport (?:center|case|ticket)\b|\baws support\b"),
    # 「元のキューに戻して」, 「前のバージョンに戻す」 (not 「スナップショットから戻した」, restored)
    (r"切り戻[しすせ]?|(?:前|元|旧)[^、。？?]{0,8}?に戻[しすせ]|ロールバック|\broll(?:s|ed)?[ -]?back\b|\brevert\b|"
     r"\b(?:switch|go)(?:es|ing)? back\b",
     r"切り戻|ロールバック|元に戻|\broll(?:s|ed)?[ -]?back|\brevert"),
)
# where a how-to question says what it asks to do: right before には/方法/手順 (「コピーするには」, 「自動削除
# する設定方法」, 「解除してもらうには」; not 「誰が削除したか調べる方法」), after どうやって (「どうやって
# 有効化するの」), in a wish before the question (「切り替えたい。どうやる？」), after "how do I"; not
# elsewhere (「パスを指定するやり方だと…いくつ？」 does not ask how to delete the cache; "how do I know when
# to move …" asks when)
_AT_HOW = (r"(?:化|に)?(?:する|させる?|して(?:もらう|おく)?|し|る)?(?:には|ための|(?:設定)?(?:方法|手順|やり方)|設定|"
           r"すれば(?:いい|よい|良い)|"
           r"(?:って|は)[、,]?\s*(?:どこ(?:から|に|で))?\s*どう(?:やって|すれば))")  # 「申請ってどこからどうやって」
# …or with one more verb after it (「元のキューに戻して再処理させるには」) or an aside in brackets
# (「旧モデルに戻す（ロールバック）設定」)
_ASIDE = r"(?:\s*[（(][^）)]{1,20}[）)])?"
_THEN = rf"(?:て[^、。？?]{{1,10}}?)?{_ASIDE}"


# …or, asked whether it can be done, right before できる (「別リージョンに複製（レプリケーション）できる？」,
# 「FIFOキューに切り替えることってできますか？」) or after "automatically" ("Does … automatically roll back?")
# (「コピーして使える？」: copied to be used)
_AT_CAN = rf"(?:(?:する|させる|る)?{_ASIDE}(?:こと(?:って|は|が|も)?)?\s*(?:でき|可能)|して(?:使え|利用でき))"
_AUTOMATICALLY = r"\bautomatically\s+|自動(?:的)?(?:で|に)[^、。？?]{0,12}?"  # 「自動で旧モデルにロールバックされる？」


class _Change(NamedTuple):
    asked: re.Pattern[str]  # where the question says what it asks to do
    at_how: re.Pattern[str]  # right before には/方法
    at_can: re.Pattern[str]  # asked whether it can be done
    stated: re.Pattern[str]  # how a note says it is done
    placed: bool  # made somewhere: a statement must say where it is made to (see _TO)
    bound: Callable[[str], re.Pattern[str] | None] | None = None  # how it is said of the question's thing

    def said(self, question: str) -> re.Pattern[str]:
        """How a note says this change is made, of the thing ``question`` names when it is bound to one."""
        return (self.bound and self.bound(question)) or self.stated

    def asked_how(self, doing: str, question: str) -> bool:
        """Whether a how-to question asks this change: where it says what to do, or right before には; a
        change bound to its thing anywhere in the question (「シャードを分割したりマージしたりする手順」)."""
        return bool(self.asked.search(doing) or self.at_how.search(question)
                    or (self.bound and self.asked.search(question)))


def _change(asked: str, stated: str, placed: bool = False,
            bound: Callable[[str], re.Pattern[str] | None] | None = None) -> _Change:
    return _Change(regex(asked, re.I), regex(rf"(?:{asked}){_THEN}\s*{_AT_HOW}", re.I),
                   regex(rf"(?:{asked}){_AT_CAN}|(?:{_AUTOMATICALLY})(?:{asked})" +
                         (rf"|\b(?:can|could) (?:i|we|you) (?:{asked})" if placed else ""), re.I),
                   regex(stated, re.I), placed, bound)


_CHANGES = tuple(_change(*words) for words in _CHANGES_WORDS)
_SETTING = _change(*_CHANGED)
_ASSIGNING = _change(*_ASSIGNED)
# where a copy, a move or a share is made to (「別のAWSアカウントと共有」, "to another region"): a statement
# that it is made elsewhere (「EBSを別AZに移動」, 「EBSを複数のEC2で共有」) does not say how to make it there
_TO = regex(r"(?:別|他|異なる|違う)の?\s*(?:AWS\s*)?([^\s、。？?にへとでの]{1,12}?)(?:に|へ|と|で|の|間)|"
            r"\b(?:another|other|different|a second)\s+(?:aws\s+)?([a-z][a-z0-9]*)|\bcross-([a-z]+)|"
            r"\bacross\s+(?:(?:multiple|several|different|other|many|all|the)\s+)*([a-z][a-z0-9]*)", re.I)
_ZONE = regex(r"アベイラビリティー?ゾーン|\bavailability zones?\b", re.I)  # the notes write AZ


def _places(text: str) -> list[frozenset[str]]:
    """Where a question makes its change to, each as its terms (「別のAWSアカウントと」: アカウント; 「他のEC2
    インスタンスと」: EC2 or インスタンス)."""
    return [frozenset(t for t, _ in terms(g)) for m in _TO.finditer(_ZONE.sub("AZ", text)) for g in m.groups() if g]


_SET = regex(r"設定|指定|\bset\b|\bconfigur", re.I)
# a change wished NOT to be made is a protection set up (「特定のインスタンスだけは削除されないようにしたい」:
# 「インスタンス保護 - Scale Inの対象から除外する用に指定可能」)
_PREVENTED = regex(r"(?:され|し|させ)(?:ない|ず)(?:よう|ため)|\b(?:prevent|protect)|\bkeep\b[^?.]*\bfrom\b", re.I)
_OBJECT = regex(r"([^\s、。？?！!をはがのでに]{1,12})\s*を")  # (「 GPU を」: a space around an ASCII word)
_SO = r"(?:set (?:it |this )?up|configure)\s+(?:it\s+)?so\b[^?.]*"  # "set it up so a failed … rolls back"
_WISH_WHEN = regex(r"[^、。？?を]{1,12}たい(?:場合|とき|時)")  # 「…共有したい場合、どういう手順で」
# the verb after "how do I", and what it is made to do ("configure CodeDeploy to automatically roll back";
# not "know when to move")
_VERB_TO = r"\w+(?: (?!(?:to|when|whether|which|if)\b)\w+){0,2}(?: to \w+(?: \w+){0,2})?"
_DOING = regex(rf"どう(?:やって|すれば)?[^、。？?]{{1,12}}|どこ(?:から|に|で)[^、。？?]{{1,16}}|{WISH.pattern}|"
               rf"{_WISH_WHEN.pattern}|"
               rf"\bhow (?:do|can|should|would) (?:i|we|you) (?:{_SO}|{_VERB_TO})|"
               rf"\b(?:how|steps?) to (?:{_SO}|\w+(?: \w+){{0,2}})|"
               rf"\b(?:process|procedure) (?:for|to) \w+(?: [\w-]+){{0,2}}", re.I)

# 「どこから申請すればいい？」 asks how too; it is read for the change only (「…処理を挟みたい。どのイベントに
# フックすればいい？」 names no thing to find in a section)
_SHOULD = regex(r"すれば(?:いい|よい|良い)")
_WHICH = regex(r"どの|どれ|\bwhich\b", re.I)
# a change made a condition says not how it is made: CloudTrail Insights' "Used to detect unusual activity
# (if enabled)" does not say how to turn it on
_IF_DONE = regex(r"\bif enabled\b|有効(?:化)?(?:な|の|にしている|にした|にする)場合", re.I)


# the thing a statement says cannot be used: the first topic of the clause holding the denial (「GPUは使用
# できない」: GPU; 「メッセージタイマーはFIFOは未サポート」: the timer, FIFO is where; 「(WindowsのSMBはサポート
# していない」: Windows' SMB), or the English subject right before it ("GPUs are not supported")
_CLAUSE_END = regex(r".*[、。,，()（）:：]", re.S)
_TOPIC = regex(r"[\s*・\-−–]*([^\sはが]+)\s*[はが]")
_SUBJECT_BEFORE = regex(r"([A-Za-z0-9-]+)\s+(?:(?:is|are)\s+)?$")
# the changes that make a thing usable, which a statement that it cannot be used answers (not 無効化, 削除)
_MAKING_USABLE = (_change(*_ENABLED), _ASSIGNING)


def _denied(text: str) -> list[frozenset[str]]:
    """The terms of each thing ``text`` says cannot be used or is not supported."""
    found = []
    for m in DENIED.finditer(text):
        head = text[:m.start()]
        clause = head[end.end():] if (end := _CLAUSE_END.match(head)) else head
        topic = _TOPIC.match(clause) or _SUBJECT_BEFORE.search(head)
        if topic:
            found.append(text_terms(topic.group(1)))
    return found


def unstated(question: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``question`` asks how to make a change (turn a thing on or off, copy, move, delete it, …),
    or whether it can be made, that no statement of the top sections about its subject says is made."""
    doing, asked = "", []
    if _HOW.search(question) or _SHOULD.search(question):
        # a wish before a question asking which thing to use is what it is for (「ELBに独自ドメインを割り当て
        # たい。どのレコードで設定すればいい？」: the record is asked, not how to assign)
        wishes = {m.span() for pattern in (WISH, _WISH_WHEN) for m in pattern.finditer(question)
                  } if _WHICH.search(question) else set()
        doing = " ".join(m.group() for m in _DOING.finditer(question) if m.span() not in wishes)
        asked = [c for c in _CHANGES if c.asked_how(doing, question)]
    whether = WHETHER.search(question)
    if not asked and whether:  # whether it can be done (「ECRのイメージを別リージョンに複製できる？」)
        asked = [c for c in _CHANGES if c.at_can.search(question)]
    asked = [c for c in asked if not c.bound or c.bound(question)]  # a change bound only to things it binds
    if not asked or not sections:
        return False
    places = _places(question) if any(c.placed for c in asked) else []
    # of the question's subject, as far as the top sections name it: ECR's section does not say how to
    # replicate, S3's 「クロスリージョンレプリケーション」 is not about ECR; ELB's 「登録解除」 names EC2, not
    # SES; --page-size's 「ページサイズを変更しても」 is not the visibility timeout's. A statement about
    # what the question changes, in a section naming no other service, may speak for it (the notes put
    # Deployment Guardrails, whose 「トラフィックを新しいモデルに切り替える」 is SageMaker's, below no
    # SageMaker heading; DLM's 「ライフサイクルポリシー」 is EBS's, not ECR's).
    about = subject(question)
    held = held_names(about, sections)
    # the whole words of what it changes (タイムアウト, not 性)
    changed = frozenset(t for m in _OBJECT.finditer(question) for t, _ in terms(m.group(1)) if len(t) > 1)
    # a setting changed may be said to be set, of what the question changes (「最小台数を変更するには」:
    # 「最小/最大台数等を設定する」; not 「遅延時間を設定する」 for the visibility timeout)
    set_ = (_SETTING.asked_how(doing, question) or bool(whether and _SETTING.at_can.search(question))
            or bool(_PREVENTED.search(doing)))
    assigned = _ASSIGNING.asked_how(doing, question)
    stated = [c.said(question) for c in asked]

    # when no top section names the subject (EFS asked; KMS's and EBS's sections found), only statements
    # about what is changed speak for it: EBS's 「暗号化機能を有効化」 does not say how EFS's is turned on
    subject_named = bool(held) or not about

    # whether a thing can be made usable (enabled, assigned) is answered by a statement, under the subject's
    # own heading, that this very thing cannot be used (「FargateのタスクにGPUを割り当てられる？」: Fargate's
    # 「GPUは使用できない」; not ECS's question, nor NFS by 「NFSロックは利用できない」)
    owner = about - changed  # (the thing asked of may be a name itself: GPU)
    usable = bool(whether and owner and changed) and any(c in _MAKING_USABLE for c in asked)

    def denied(u: Statement) -> bool:
        return owner <= u.heading_terms and changed in _denied(u.text)

    def says(u: Statement) -> bool:
        text = _IF_DONE.sub(" ", u.said)
        of_it = bool(changed & text_terms(text))
        section = sections[u.hit_rank]
        if not ((subject_named and names_all(section, held)) or (of_it and not _names_another(section, about))):
            return False
        written = text_terms(_ZONE.sub("AZ", text))
        if not all(any(_written(t, written) for t in place) for place in places):
            return False
        return any(said.search(text) for said in stated) or bool(assigned and of_it) or bool(
            set_ and _SET.search(text) and (of_it or not changed)) or (usable and denied(u))

    return not any(says(u) for u in candidates)
