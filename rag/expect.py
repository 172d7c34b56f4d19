"""What kind of value a question asks for, and whether a statement states one.

「SQSのメッセージ保持期間って、デフォルトだと何日？」 asks for a duration, "How large can an object be?"
for a size, 「いくつまで？」 for a count, 「いくら？」 for a price. A section that names the subject but
states no such value for it does not answer the question (the notes give Lambda Layers a count, 「最大で
5個」, not a size in MB), however many of the question's words it holds. Only explicit cues count: a
question with none expects nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from ingest.tokenize import normalize, terms, tokens
from rag.glossary import abbreviations, spelled_out, with_translations
from rag.glossary_terms import SERVICE_NAMES
from rag.patterns import regex
from rag.query import EXAMS, FIELDS, GENERIC_NAMES, LINK, name_spans
from rag.statements import Statement

# Units of a kind, smallest first, as (Japanese, English) patterns. A question that names a unit (何秒)
# is answered by a value in that unit or the next one up or down (「15分」 for 何秒, not 「14日間」); a
# duration also two down ("how many months": 「90日」).
SCALES: dict[str, list[tuple[str, str]]] = {
    "duration": [("ミリ秒", "ms|milliseconds?"), ("秒", "seconds?|secs?"), ("分", "minutes?|mins?"),
                 ("時間", "hours?"), ("日", "days?"), ("週", "weeks?"), ("[かヶカケ]月", "months?"), ("年", "years?")],
    "size": [("バイト", "bytes?"), ("KB|KiB", "KB|KiB"), ("MB|MiB|メガ", "MB|MiB"), ("GB|GiB|ギガ", "GB|GiB"),
             ("TB|TiB|テラ", "TB|TiB"), ("PB|PiB|ペタ", "PB|PiB")],  # 「何ギガ」
    "speed": [("bps", "bps"), ("Kbps", "Kbps"), ("Mbps", "Mbps"), ("Gbps", "Gbps")],
    "iops": [("IOPS", "IOPS")],  # a volume's I/O operations per second: 「IOPSの上限値」 is no volume type
}
_EXTREME = r"(?:最大|最小|上限|下限|最長|最短)"
_EXTREME_EN = r"(?:maximum|minimum|max|min|largest|biggest|longest|shortest|fastest)"
# Not durations: dates (「2017年」, 「毎月1日」) and fractions or splits (「3分の1」, 「3分割」)
_NOT_DURATION = regex(r"\d{4}\s*年|毎月\s*\d+\s*日|\d+\s*分(?:の\s*\d|割)")
# one of a unit written in words, for how long, is a value written ("run for a full hour": 1 hour; not "a
# second time", "once a day")
_ONE_UNIT = regex(r"\b(for|within|in|over|up to|after|about)\s+(?:an?|one)\s+(?:full\s+|whole\s+)?"
                  r"(second|minute|hour|day|week|month|year)\b(?!\s+time)", re.I)
# Not counts: the number of a name (Route 53, Windows Server 2019)
_NAMED_NUMBER = regex(r"\b[A-Z][A-Za-z0-9-]*\s+\d+")
# Nor a note's reference marks (「…可能[1][3]」), protocol versions (HTTP/1.1, NFSv4.1), shares (99.999%),
# the numbers that name a port (「25番ポート」) or the "one" of 「1つのストリームに複数のshard」, 「1回の呼び出し」
_NO_COUNT = regex(r"\[\d+\]|\b(?:HTTP|HTTPS|NFS|SMB|TLS|SSL)\s*[/v]?\s*\d[\d.]*|"  # not TCP/2049
                  r"\d[\d.,]*\s*(?:%|番(?!目))|(?<![\d.])[1１]\s*(?:つ|回|個|件)の", re.I)
_SHARE = regex(r"\d[\d.,]*\s*(?:%|パーセント|percent)", re.I)
_PORT = regex(r"\d+\s*番(?!目)|\b(?:port|TCP|UDP)\s*/?\s*\d+|ポート\s*\d+", re.I)


def unit(kind: str) -> str:
    """The units of ``kind`` ("duration": 秒, seconds, …) as one pattern's alternatives."""
    return "|".join(f"{ja}|{en}" for ja, en in SCALES[kind])


# Nouns that name the quantity itself: 「最大の遅延」 is answered by a statement about 遅延, not by any
# duration in the SQS section (「最大14日間」 is the retention).
_QUANTITY_JA = "遅延|タイムアウト|待機時間|保持期間"
_QUANTITY_EN = r"\b(?:delay|timeout|wait(?:ing)? time|retention(?: period)?|ttl)\b"  # not the ttl of throttling
# a quantity named (「最大の遅延」, 「メモリって最大何GB」): a statement giving its value names it (Fargate's
# 「タスクごとに10GB」 is storage, not memory)
_QUANTITY = regex(rf"{_QUANTITY_JA}|メモリ|{_QUANTITY_EN}|\bmemory\b", re.I)
_QUANTITY_TOPIC = regex(r"タイムアウト(?=って|は)")  # (not 保持期間, 待機時間: "stored for 90 days", 「120秒以内」)


def _noun_cue(ja: str, en: str) -> str:
    """A noun such as サイズ or 期間 asks for a value only beside an extreme: 「最大サイズ」, 「サイズの上限」,
    "maximum ... size". Alone it is often about something else: 「バッチサイズって何？」, 「EBSの容量を
    変えるには？」, 「DLQの保持期間は何に基づく？」 are answered by statements without a number."""
    return (rf"{_EXTREME}の?\w{{0,4}}(?:{ja})|"
            rf"(?:{ja})(?:時間|値)?(?:[（(][^（）()]*[）)])?(?:の|は|って|、\s*|\s+)?{_EXTREME}|"
            # 「タイムアウトに設定できる最大値」
            rf"(?:{ja})(?:時間|値)?(?:に|で|として)?(?:設定|指定)(?:でき|可能)\w{{0,2}}{_EXTREME}|"
            rf"\b{_EXTREME_EN}\s+(?:[\w'-]+\s+){{0,3}}(?:{en})\b|\b(?:{en})\s+limit|"
            # "the maximum value I can set for the SQS visibility timeout"
            rf"\b{_EXTREME_EN}\s+(?:value|setting)\s+(?:[\w'-]+\s+){{0,8}}(?:{en})\b")


# how big a penalty, a drop, an impact: a share or a degree, not a size
_NO_SIZE = r"\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}(?:penalty|impact|difference|effect|drop|gap|hit)\b"
_ASK_UNIT = regex(rf"何\s*(?P<ja>{unit('duration')}|{unit('size')}|{unit('speed')})(?![a-z])|"
                  rf"how many (?P<en>{unit('duration')}|{unit('size')})\b|"
                  # a blank to fill: 「保持期間はデフォルトで（　）時間」, "gets ___ MB of storage"
                  rf"(?:_{{2,}}|[（(]\s*[）)])\s*(?P<blank>{unit('duration')}|{unit('size')}|{unit('speed')})"
                  rf"(?![a-z])|"
                  rf"\bin (?P<in>{unit('duration')}|{unit('size')}|{unit('speed')})\b"
                  rf"(?=\s*(?:per\b|/|\?|$))", re.I)  # "... in MB per second?", not "in 5 minutes"
_THROTTLING = r"\b(?:throttling|throttle|rate)"  # a throttling limit is a rate of requests
CUES: dict[str, re.Pattern[str]] = {
    "duration": regex(rf"最[長短](?:で|の|は)?(?:どれ|どの|何|期間|時間|間隔)|(?:期間|時間|間隔|タイムアウト)"
                      rf"(?:は|の|って|が)?最[長短]|(?:どれ|どの)[くぐ]らい(?:の)?(?:時間|周期|頻度|間隔|期間|日数)|"
                      rf"(?<!\bbetween )how long|\bhow often\b|\bat what (?:interval|frequency)\b|"
                      # how much history a thing needs ("… before CloudTrail Insights can establish its baseline")
                      rf"\bhow much (?:[\w-]+\s+)?history\b|"
                      # a time to live, asked how much: 「TTLはどれくらい？」 (not タイムアウト or 遅延, which the
                      # notes answer without naming them: 「120秒以内に終了する必要」, 「ほぼリアルタイム」)
                      rf"(?:\bttl\b|有効期限)(?:は|って)?\s*(?:どれ|どの)[くぐ]らい|"
                      # the time a thing takes, asked by its noun (not 「かかる時間を短くするには」)
                      rf"(?:かかる|掛かる|要する)時間(?:は|って)?\s*(?:[？?]|$|どれ|どの|何)|所要時間|"
                      # an interval asked by its noun: 「ヘルスチェックの間隔は？」, "What is the … interval?"
                      rf"間隔(?:は|って)\s*(?:何|どれ|どの)?[^、。？?]{{0,6}}[？?]|"
                      rf"\bwhat(?:'s| is) the (?:[\w-]+ ){{0,3}}interval\b|"
                      rf"\b(?:longest|shortest)\b.{{0,40}}\b(?:keep|kept|retain|store|wait|last|run|hold)|"
                      # the default of a quantity that is a duration: "the default timeout", 「遅延の初期値」
                      rf"\bdefault\s+(?:[\w-]+\s+){{0,2}}(?:{_QUANTITY_EN})\b|"
                      rf"(?:{_QUANTITY_JA})の?(?:デフォルト|既定|初期)値?|"
                      rf"{_noun_cue('期間|間隔|' + _QUANTITY_JA, 'period|duration|interval|' + _QUANTITY_EN)}",
                      re.I),
    # "how large can an object be", not "how big is (can) the IOPS penalty (be)" (a share, not a size)
    "size": regex(rf"how (?:big|large)\s+(?:can|could|may|is allowed)\b(?!{_NO_SIZE})|"
                  rf"(?:どれ(?:だけ|[くぐ]らい)|どこまで)大き|"
                  rf"\b(?:how (?:big|large)|largest|biggest)\s+(?:(?:is|are|can)\s+)?(?:[\w-]+\s+){{0,2}}"
                  rf"(?:files?|objects?|messages?|items?|volumes?|disks?|payloads?|uploads?|packages?)\b|"
                  rf"{_noun_cue('サイズ|容量|メモリ', 'size|capacity|memory')}", re.I),
    # …or a bandwidth asked how much ("How much network bandwidth does an EFA give?", 「帯域ってどれくらい？」;
    # not 「転送速度はどれくらい速くなる？」, answered by 「最大5倍」)
    "speed": regex(rf"{_noun_cue('速度|帯域', 'speed|bandwidth')}|\bhow much (?:[\w-]+\s+){{0,2}}bandwidth\b|"
                   rf"\bwhat (?:[\w-]+\s+)?bandwidth\b|帯域(?:幅)?(?:は|って)\s*(?:どれ|どの)[くぐ]らい", re.I),
    "iops": regex(rf"{_noun_cue('IOPS', 'IOPS')}|何\s*IOPS|\bhow many IOPS\b", re.I),
    # not 「モードっていくつある？」, "how many kinds of …": the things are asked, a list answers (but
    # 「最大いくつある？」 asks a limit)
    "count": regex(r"(?:最大|上限)(?:で|は)?いくつ|いくつ(?!か|も|\s*あ)|何(?:個|回|件|台|つ)(?!か|で?も|\w{0,3}ても)|"
                   r"(?:最大|上限)(?:の)?(?:数|個数|件数)|[一-龯ァ-ヶーA-Za-z](?:数|個数|件数)(?:の)?(?:上限|最大)(?:は|って|[？?])|"
                   r"how many(?!\s+(?:types|kinds|sorts|modes)\b)|"
                   # 「何リクエスト/秒」, 「何メッセージまで」: a count of things per time or up to a limit
                   r"何\s*(?:リクエスト|メッセージ|レコード|トランザクション|コール|イベント)(?=\s*(?:/|毎|まで|ぐらい|くらい|[？?]))|"
                   r"\b(?:maximum|max|minimum|min|limit on the)\s+number\s+of\b|"
                   r"(?:\bin\s+|\(\s*)(?:requests|messages|records|transactions|calls)\s+per\s+(?:second|minute)\b|"
                   rf"{_THROTTLING}\s+limits?\b|"
                   # 「スロットリングのデフォルト上限（リクエスト/秒）は？」, 「スロットリング デフォルト 上限」
                   rf"スロットリング(?:の|\s+)?(?:(?:デフォルト|既定)(?:の|\s+)?)?(?:上限|制限値?)(?:[（(][^）)]{{1,30}}[）)])?"
                   r"(?:は|って|[？?]|\s*$)",
                   # a rate
                   re.I),
    # a number that names, not counts: 「25番ポート」
    "port": regex(r"何番(?!目)|\b(?:which|what)\s+port\b", re.I),
    "price": regex(r"いくら(?!でも|か(?![かけ]))|(?:お金|費用|料金|コスト)(?:は|が|って)?(?:かか|掛か)|有料|タダ|"
                   r"無料(?:で|なの|です|？|\?)|"
                   r"how much (?:does|do|is|are|will)\b.*\b(?:cost|charge|pay)|what does .{0,60} cost\W*$|"
                   r"\bfor free\b|\bfree of charge\b", re.I),  # not 「料金体系」: a scheme, no number
}
# 「容量制限なく保存可能」 answers a question about a size or count limit too, less exactly than a number
# (not 「ほぼ無制限のTPS」: a rate, not how many fit); 「データが期限切れになるまでリトライ」 a question
# about how long
_UNLIMITED = regex(r"(?:無制限|制限な[くし]|上限な[くし]|unlimited|no limit)"
                   r"(?!\s*の?\s*(?:TPS|スループット|throughput))", re.I)
_UNTIL = regex(r"(?:期限切れ|期限が切れる|成功する|完了する)(?:に(?:なる)?)?まで|"
               r"\buntil\b.{0,30}\b(?:expire|succeed)", re.I)
# a question that states something and asks whether it holds
_CLAIM = regex(r"(?:だ|だった|です|でした|ます|ました|る|い)よね|で(?:合って|あって|正しい|間違いない)|"
               r"(?:でし|だっ|だ)(?:たっ)?け[？?]|って(?:こと|理解)で(?:いい|OK|合って)|"
               r"\b(?:right|correct|true)\s*\?|\bis it true\b|\bam I right\b", re.I)
# a plan to check against a limit: 「7日間保持させたいけど、延ばせる？」, "Can I publish a 300 KB message?"
CAN = r"(?:でき|いけ|行け|使え|作れ|延ばせ|送れ|置け|持て|載せ|動かせ|扱え|つなげ|繋げ)"  # 「…できる？」
_FEASIBLE = regex(rf"{CAN}る[？?]|大丈夫|可能[？?]|"
                  r"^\s*(?:can|could)\b|\b(?:can|could) (?:I|we|you)\b|\bis it possible\b|\bok(?:ay)?\s*\?", re.I)
_SIZE = regex(r"(\d+(?:\.\d+)?)\s*([KMGTP]i?B)(?![A-Za-z])", re.I)


def _sizes(text: str) -> frozenset[str]:
    """The sizes written in ``text``, normalised ("50 TB" and 「50TB」 are 50tb)."""
    return frozenset(f"{n}{unit.lower()}" for n, unit in _SIZE.findall(normalize(text)))


_RATE = regex(r"(?:秒|分|時間)間?(?:あたり|当たり|毎)|毎(?:秒|分)|秒間?に?(?=\s*(?:何|\d))|\b[TR]PS\b|"
              r"\bper\s+(?:second|sec|minute|min|hour)\b|/\s*(?:秒|sec|s)(?![A-Za-z])", re.I)
_THROTTLED = regex(rf"{_THROTTLING}\s+limit|スロットリング", re.I)
# how often something happens is no answer to how long: "at a 1 minute frequency", 「5分間隔」, 「1時間ごと」
_FREQUENCY = regex(r"頻度|\bhow often\b|\bfrequen", re.I)
# how long a thing takes ("how long does it take for the event to be delivered", 「反映までにかかる時間」), of
# which how long data is kept says nothing
_TAKEN = regex(r"\bhow long (?:does|did|will|would|do|should) (?:it|this|that) (?:\w+ly )?take\b|"
               r"\bhow long (?:until|after|before)\b[^?]*\b(?:show(?:s|ing)? up|appear|deliver|arriv|reach|"
               r"reflect|propagat|become visible)|"  # not "how long after an event can I still look it up"
               r"(?:かかる|掛かる|要する)時間|所要時間|"
               r"(?:何|どれ[くぐ]らい|どのくらい)(?:秒|分|時間|日)?(?:の)?(?:期間|時間|日数)?(?:で|が|くらいで)?(?:かか|掛か)",
               re.I)
_RETAINED = regex(r"\bstored\b|\bkept\b|\bretain|\bretention\b|保持|保存|保管", re.I)
_OFTEN = regex(r"間隔|頻度|周期|ごと|毎|おき|粒度|\bhow often\b|\bfrequen|\binterval|\bevery\b|\bgranular", re.I)
_EVERY = regex(rf"\d[\d.,]*\s*(?:{unit('duration')})\s*(?:間隔|ごと|毎|frequency|interval)|"
               rf"\bevery\s+\d[\d.,]*\s*(?:{unit('duration')})", re.I)
# a price per something, as asked (「GBあたりいくら」, "per extra day") and as stated (「0.36 USD/GB-月」)
# (not 「1台あたり」, "per device": the price of one thing is its price)
_PER_UNIT = regex(r"(?<![1１一]台)(?<![1１一]個)(?:あたり|当たり)|ごと|毎|\bper\b(?!\s+(?:device|appliance|unit)\b)|"
                  r"\ban? (?:hour|day|month|GB)\b", re.I)
_PER_UNIT_STATED = regex(rf"{_PER_UNIT.pattern}|月額|/\s*(?:GB|TB|月|日|時間|件|hour|day|month|request)", re.I)
# a value asked of what comes free (「月に何パスまで無料？」, "how many paths do you get for free"; not a
# price beyond the free tier, not 「無料じゃないよね？いくら？」), and the words a note gives it with
_FREE_ASKED = regex(r"(?:何|いくつ|どれ)[^。？?]{0,12}無料(?!じゃ|では|枠)|無料で[^。？?]{0,12}(?:何|いくつ)|"
                    r"\bfor free\b|\bare (?:they )?free\b|\bfree (?:each|per|every|allowance|paths?)\b|"
                    r"\bat no (?:charge|cost)\b", re.I)
_FREE = regex(r"無料|無償|追加(?:料金|コスト)(?:なし|無し)|支払いは一切なし|\bfree\b|"
              r"\bno (?:additional )?(?:charge|cost)\b|\bwithout charge", re.I)
# a question asking which metric, setting or service does something (「どのメトリクスで遅延がわかる？」,
# "which metric shows how long …") asks its name, not a value
_NAMED_THING = regex(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,4}"
                     r"(?:metric|setting|option|parameter|command|feature|service)s?\b|"
                     r"どの(?:メトリクス|設定|オプション|パラメータ|コマンド|機能|サービス)|メトリクス名", re.I)
# words quoted as not meant (「何台増やす」じゃなくて…), a question in brackets that says what a thing is
# (「デプロイ設定（何台ずつ入れ替えるか）の種類」): neither is what is asked
_QUOTED = regex(r"「[^「」]*」(?=\s*(?:じゃなく|ではなく|でなく))|[（(][^（）()]*か[）)]")
_EXTREMES = regex(rf"{_EXTREME}|\b{_EXTREME_EN}\b|\bat most\b", re.I)
# which end is asked or stated: 「最長どのくらい動かせる？」 is not answered by 「最小1分間隔」
_ENDS = {"max": regex(r"最大|上限|最長|\b(?:maximum|max|largest|biggest|longest|at most|up to)\b", re.I),
         "min": regex(r"最小|下限|最短|少なくとも|\b(?:minimum|min|smallest|shortest|at least)\b", re.I)}


def _ends(text: str) -> frozenset[str]:
    return frozenset(end for end, words in _ENDS.items() if words.search(text))


_DEFAULTS = regex(r"デフォルト|既定|初期値|\bdefault", re.I)
_NUMBER = regex(r"(?<![A-Za-z\d])\d[\d.,]*+(?![A-Za-z])")  # not the 3 of S3, the 4 of 4XXError
# 「1秒あたり1000レコード」, 「1秒に1000件」 are rates, not durations
_PER = r"(?!\s*(?:間?あたり|当たり|毎|間に|に\s*(?:\d|何)|per\b|\d))"  # nor 「1秒300件」, 「1秒に何レコード」
_PRICE = regex(r"[$¥€]\s?\d|\d\s*(?:円|ドル|USD|JPY|cents?|セント)|無料|有料|\bfree\b|追加料金なし", re.I)


# a number in a unit is a measure, no count: 「最大14日間」 is not how many messages a call takes
_MEASURED = regex(rf"\d[\d.,]*\s*(?:{'|'.join(unit(kind) for kind in SCALES)})(?![a-z])", re.I)
# values offered to choose from in the question's own words: 「10秒と30秒どっちにしておくのがいい？」, "1 GB or 5 GB?"
_VALUES_OFFERED = regex(rf"{_MEASURED.pattern}\s*(?:と|か|、|,|/|or|vs\.?)\s*(?:an?\s+)?{_MEASURED.pattern}", re.I)
WHICH = regex(r"どっち|どちら|どれ|\bwhich\b", re.I)
# …or to choose between ("should I go with a 1 Gbps or a 10 Gbps connection?", 「…を選ぶべき？」): not a service
# chosen with values as context ("For 5 or 10 minute schedules, should I use CloudWatch Events?")
_CHOOSE = regex(r"\bshould I (?:go with|choose|pick|get)\b|\bshould I use (?:an?\s+)?\d|\bbetter\b|"
                r"(?:に|で)(?:す|する|設定す|見積もる|考える)べき|を(?:選ぶ|選択す)べき|"
                r"(?:に|で)(?:した|する)(?:方|ほう)が(?:いい|良い)", re.I)


@cache
def _value(kind: str, units: range) -> re.Pattern[str]:
    """A number in one of ``units`` of ``kind`` (「数分後に全て」: a few, in a duration)."""
    scale = SCALES[kind]
    alternatives = "|".join(f"{scale[i][0]}|{scale[i][1]}" for i in units if 0 <= i < len(scale))
    few = "数" if kind == "duration" else "(?!)"
    return regex(rf"(?:\d|{few})\s*(?:{alternatives})(?![a-z]){_PER}", re.I)


# a search-box query of a few words ending in a quantity's noun asks for it: 「kinesis 保持期間」, "lambda
# /tmp size" (not "ALB 料金": a scheme, no number; not "--page-size": an option)
_SENTENCE_WORDS = frozenset({"how", "what", "why", "when", "where", "which", "explain", "describe", "is", "can",
                             "does", "do"})  # "How to set Lambda timeout" asks how, not a value
_KEYWORDS = regex(r"^(?!.*[?？。])\S+(?:\s+\S+){1,4}$")
# the last keyword names the quantity, or its unit alone: 「シャード1本あたりの書き込み上限 MB/秒」
_LAST_NOUN = {"duration": regex(r"(?:保持|保存|待ち)?(?:期間|時間)|タイムアウト|timeout|retention|ttl", re.I),
              "size": regex(r"(?<!-)(?:サイズ|容量|size)|[KMGT]i?B(?:/(?:秒|s|sec))?", re.I)}


def _keyword_kinds(question: str) -> set[str]:
    if not _KEYWORDS.match(question.strip()) or question.split()[0].lower() in _SENTENCE_WORDS:
        return set()
    last = question.split()[-1]
    return {kind for kind, noun in _LAST_NOUN.items() if noun.fullmatch(last)}


_DURATION_NOUN = regex(rf"(?:{_QUANTITY_JA})(?!キュー)|{_QUANTITY_EN}", re.I)  # not 「遅延キュー」


_SIZE_NOUN = regex(r"サイズ|容量|\bsize\b", re.I)
_SHARE_NOUN = regex(r"percent|割合|使用率|利用率|パーセント|[%％]", re.I)  # PercentIOLimit
_HOW_MUCH = regex(r"どれ[くぐ]らい|どのくらい|どの程度|\bhow long\b", re.I)
_COSTS = regex(r"料金|費用|コスト|お金|金額|価格|値段|円|ドル|USD|\$|月(?:に|額)|ペナルティ|負荷|オーバーヘッド|"
               r"\b(?:cost|price|pay|charge|fee|penalt|overhead|monthly|per month)", re.I)
_SPEED_NOUN = regex(r"速度|帯域|\bspeed\b|\bbandwidth\b", re.I)


def _counted_quantity(question: str) -> str | None:
    """The kind a question asks when its いくつ counts a quantity that is a duration (「可視性タイムアウト、
    最大いくつまで？」), a size (「パッケージのサイズ上限っていくつ？」), a speed (「最大ネットワーク速度はそれぞれ
    いくつ？」) or a share (「PercentIOLimitがいくつになったら」): that kind, not a count."""
    counted = [m.group() for m in CUES["count"].finditer(question)]
    if not counted or not all("いくつ" in c for c in counted):
        return None
    nouns = (("duration", _DURATION_NOUN), ("size", _SIZE_NOUN), ("speed", _SPEED_NOUN), ("share", _SHARE_NOUN))
    return next((kind for kind, noun in nouns if noun.search(question)), None)


@dataclass(frozen=True)
class Expected:
    """The kinds of value a question asks for, and for a kind whose unit it names, that unit's place on
    the kind's scale."""

    kinds: frozenset[str]
    units: tuple[tuple[str, int], ...] = ()
    extreme_only: bool = False  # a maximum or minimum is asked, not a default: 「デフォルトで30秒」 is not it
    sized: frozenset[str] = frozenset()  # sizes that say which thing is asked about: "a 50TB Snowball"
    ends: frozenset[str] = frozenset()  # the ends asked for: max, min or both ("下限と上限")
    rate: bool = False  # a number per unit of time is asked (「1秒あたり何件」, "requests per second")
    often: bool = False  # how often, not how long: 「最短間隔」, "how often", "at what frequency"
    per_unit: bool = False  # a price per something: 「GBあたりいくら」, "per extra day" (not 「無料」, not $250 a job)
    free: bool = False  # of what comes free: the statement must say so (「同時に最大3,000個」 is no free allowance)
    taken: bool = False  # the time a thing takes: no retention ("stored for 90 days") answers it

    @classmethod
    @lru_cache(maxsize=1024)  # retrieval and the answer both ask
    def of(cls, question: str) -> Expected:
        question = _QUOTED.sub("「」", question)
        if _NAMED_THING.search(question):  # "which metric shows how long …": the metric is asked, not the time
            return cls(frozenset())
        kinds = {kind for kind, cue in CUES.items() if cue.search(question)} | _keyword_kinds(question)
        if counted := _counted_quantity(question):
            kinds = kinds - {"count"} | {counted}
        units = []
        for m in _ASK_UNIT.finditer(question):
            word = m.group("ja") or m.group("en") or m.group("in") or m.group("blank")
            for kind, scale in SCALES.items():
                for i, (ja, en) in enumerate(scale):
                    if re.fullmatch(f"{ja}|{en}", word, re.I):
                        kinds.add(kind)
                        units.append((kind, i))
        kinds -= {"count"} if units else set()  # "how many days" asks for days
        taken = _TAKEN.search(question) is not None
        # 「ログがS3に届くまでどれくらいかかる？」 asks a duration (not 「かかる時間を短くするには？」, which asks how,
        # nor what a thing costs: 「料金どれくらいかかる？」, 「初回アクセスのペナルティはどれくらいかかる？」)
        if taken and not kinds and _HOW_MUCH.search(question) and not _COSTS.search(question):
            kinds.add("duration")
        extreme_only = bool(_EXTREMES.search(question)) and not _DEFAULTS.search(question)
        # "how often … at most" is the shortest interval (「最小1分間隔」): a frequency's end is not the
        # interval's (「最大間隔は？」 still asks the longest)
        ends = frozenset() if _FREQUENCY.search(question) else _ends(question)
        return cls(frozenset(kinds), tuple(units), extreme_only, _sizes(question), ends,
                   _RATE.search(question) is not None or _THROTTLED.search(question) is not None,
                   _OFTEN.search(question) is not None,
                   _PER_UNIT.search(question) is not None, _FREE_ASKED.search(question) is not None, taken)

    @classmethod
    @lru_cache(maxsize=1024)
    def written(cls, question: str) -> Expected:
        """The kinds of the values a question writes (「30秒ごとに起動できる？」, "keep logs for 7 years"):
        without asking for one, it is about a limit of that kind (「最小1分間隔」), which helps rank; it is
        required of an answer only when the values are claimed or offered as options (``asked``)."""
        kinds, units = set(), []
        question = _ONE_UNIT.sub(r"\1 1 \2", question)
        for kind, scale in SCALES.items():
            text = _NOT_DURATION.sub(" ", question) if kind == "duration" else question
            for i in range(len(scale)):
                if _value(kind, range(i, i + 1)).search(text):
                    kinds.add(kind)
                    units.append((kind, i))
        return cls(frozenset(kinds), tuple(units), often=_OFTEN.search(question) is not None)

    @classmethod
    def asked(cls, question: str, options: str = "") -> Expected:
        """What an answer must state: the value asked for, the kind of value the answer options offer
        (「チェック間隔はどれ？ 5秒 / 10秒 / 30秒」), or the kind a claim or a plan to check writes
        (「可視性タイムアウトのデフォルトって60秒だったよね？」, 「7日間保持させたいけど延ばせる？」 are answered by
        the duration the notes give)."""
        if asked := cls.of(question):
            return asked
        if offered := cls.written(options):  # the question still says which end, how often, per what
            return replace(asked, kinds=offered.kinds, units=offered.units)
        if _VALUES_OFFERED.search(question) and (WHICH.search(question) or _CHOOSE.search(question)):
            # 「10秒と30秒どっちがいい？」, in any unit: 「256KBと1GBどっち？」
            return replace(asked, kinds=cls.written(question).kinds)
        if not (_CLAIM.search(question) or _FEASIBLE.search(question)):
            return asked
        if _PRICE.search(question):  # 「50TBのモデルは$200だったよね？」: the size says which model is priced
            return cls(frozenset({"price"}), sized=_sizes(question))
        return cls(cls.written(question).kinds, often=_OFTEN.search(question) is not None)  # any unit: 4か月 vs 90日

    @classmethod
    def ranking(cls, question: str) -> Expected:
        """What statements are preferred for: the value asked, or else the kind of value written."""
        return cls.of(question) or cls.written(question)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def cue_terms(self, question: str) -> frozenset[str]:
        """Index terms of the words that say what kind of value is asked (何日, サイズ, "how long"): they
        are not what the value is about. The quantity nouns (遅延) are."""
        found = [m.group() for cue in (*CUES.values(), _ASK_UNIT, _RATE) for m in cue.finditer(question)]
        return with_translations(t for text in found for t in tokens(text)) - self.quantity_terms(question)

    def quantity_terms(self, question: str) -> frozenset[str]:
        """Index terms of the nouns that name the quantity asked for (「最大の遅延」: 遅延), with the
        glossary's other-language words for them ("delay": 遅延)."""
        found = [m.group() for cue in CUES.values() for m in cue.finditer(question)]
        found += [question] if _counted_quantity(question) == "duration" else []
        # the topic whose duration is asked: 「Lambdaのタイムアウトって何も設定しなかったらデフォルトで何秒？」 (not
        # 「数分後に全て」 in a CodeDeploy section that names Lambda)
        found += _QUANTITY_TOPIC.findall(question) if "duration" in self.kinds else []
        return with_translations(t for text in found for q in _QUANTITY.findall(text) for t in tokens(q))

    def stated_in(self, text: str, exact: bool = False) -> bool:
        """Whether ``text`` states a value of an asked kind (``exact``: a number, not 「無制限」)."""
        named = dict(self.units)
        # 「10％」 is a share too; 「…https://aws.amazon.com/…/2017/03/…」 gives no value
        text = LINK.sub(" ", unicodedata.normalize("NFKC", text))
        for kind in self.kinds:
            if kind == "port":
                found = _PORT.search(text) is not None
            elif kind == "share":
                found = _SHARE.search(text) is not None
            elif kind == "count":
                found = _NUMBER.search(_NO_COUNT.sub(" ", _MEASURED.sub(" ", _NAMED_NUMBER.sub(" ", text)))) is not None
            elif kind == "price":
                found = _PRICE.search(text) is not None
            else:
                i = named.get(kind)
                down = 2 if kind == "duration" else 1  # "how many months" is answered by 「90日」
                scale = range(len(SCALES[kind])) if i is None else range(i - down, i + 2)
                if kind == "duration" and self.taken and _RETAINED.search(text):
                    continue
                if kind == "duration":
                    cleaned = _NOT_DURATION.sub(" ", text if self.often else _EVERY.sub(" ", text))
                else:
                    cleaned = text
                found = _value(kind, scale).search(cleaned) is not None
            if found or (not exact and kind in {"size", "count"} and _UNLIMITED.search(text)) or (
                    not exact and kind == "duration" and _UNTIL.search(text)):
                return True
        return False


PROTOCOLS = frozenset({"dns", "ip", "http", "https", "tcp", "udp", "smtp", "ssl", "tls", "url", "json",
                       "cron"})  # 「cron的にスケジュール実行…最短で何分おき？」: the schedule's interval, not cron's
IDENTIFIERS = frozenset({"id"})  # 「トレースIDなどのメタ情報」: what is stored, not whose limit is asked
_NO_SUBJECTS = PROTOCOLS | IDENTIFIERS | FIELDS | GENERIC_NAMES | EXAMS
_API_GATEWAY = regex(r"(?<![A-Za-z])API\s*Gateway", re.I)  # 「CloudTrailはAPIの呼び出し…」: no API Gateway


class Subject(frozenset):
    """The index terms of the names in a question, and the names it offers as alternatives (「ENAとIntel
    82599 VFってそれぞれ何Gbps？」: a statement about either answers): ``choices`` holds, for each list
    of names joined by と/や/and/or/vs, the terms of each name."""

    choices: tuple[tuple[frozenset[str], ...], ...] = ()
    heads: frozenset[str] = frozenset()  # each name's last word, the one that says which thing it is (Clarify)

    def within(self, kept: frozenset[str]) -> Subject:
        """Only the names of ``kept``, and the alternatives among them (the others set a scene:
        「DBはAurora、監視はDatadog。…」)."""
        out = Subject(self & kept)
        out.choices = tuple(c for names_ in self.choices if len(c := tuple(n for n in names_ if n <= kept)) > 1)
        return out


# between two names of one list: 「ENAとIntel VF」, "SQS or SNS", 「SQS、SNS」, 「ENAを使う場合とIntel VFを使う場合」
_JOINED = regex(r"\s*(?:(?:を|で)?(?:使う|使った|使用する|利用する)?(?:場合|とき|時)(?:と|や)|"
                r"と|や|、|,|/|／|and|or|vs\.?|versus|compared (?:to|with))\s*(?:the\s+)?(?:(?:AWS|Amazon)\s+)?",
                re.I)  # 「…とAWS Glue」
_SAME_NAME = regex(r"[\s\d.]*")  # 「Intel 82599 VF」 is one name


# the kind of a thing, after its name: "Windows Server" is Windows (the notes write 「Windowsはサポートして
# おらず」, never "server" beside it)
_KINDS = frozenset({"server", "servers", "edition", "os", "logs"})  # CloudWatch Logs: CloudWatch's


def _head(name: list[str]) -> str:
    """The word of a name that says which thing it is: its last, unless that only says what kind of thing."""
    return name[-2] if len(name) > 1 and name[-1].lower() in _KINDS else name[-1]


@lru_cache(maxsize=1024)
def subject(question: str) -> Subject:
    """The index terms of the names in the question; not protocols and formats (「DNSクエリ」 in a question
    about Route 53's ALIAS records says what is queried, not whose value is asked), nor AWS itself
    (「AWSのコンテナイメージ置き場」), nor API outside "API Gateway" ("API call history")."""
    api_gateway = _API_GATEWAY.search(question) is not None
    spans = [(start, start + len(w), w) for start, w in name_spans(question)
             if w.lower() not in _NO_SUBJECTS and (api_gateway or w.lower() != "api")]
    out = Subject(t for _, _, w in spans for t, _ in terms(w))
    lists: list[list[list[str]]] = [[[spans[0][2]]]] if spans else []
    for (_, end, _), (start, _, word) in pairwise(spans):
        gap = question[end:start]
        if _SAME_NAME.fullmatch(gap):
            lists[-1][-1].append(word)
        elif _JOINED.fullmatch(gap):
            lists[-1].append([word])
        else:
            lists.append([[word]])
    out.choices = tuple(tuple(frozenset(t for w in name for t, _ in terms(w)) for name in names_)
                        for names_ in lists if len(names_) > 1)
    out.heads = frozenset(t for names_ in lists for name in names_ for t, _ in terms(_head(name))[-1:])
    return out


def named_in(name: str, terms_: frozenset[str]) -> bool:
    """Whether ``terms_`` name ``name``, as written, abbreviated (SageMaker: "SM monitoring metrics") or
    spelled out (EFS: Elastic File System)."""
    if name in terms_ or any(a in terms_ for a in abbreviations(name)):
        return True
    full = {t for word in spelled_out(name) for t, _ in terms(word)}
    return bool(full) and full <= terms_


def held_names(about: frozenset[str], sections: list[frozenset[str]]) -> list[str]:
    """The names of a question's subject that the top sections write."""
    return [n for n in about if any(named_in(n, s) for s in sections)]


def names_all(section: frozenset[str], names: list[str]) -> bool:
    """Whether a section's terms name every one of ``names``."""
    return all(named_in(n, section) for n in names)


def said_of(about: frozenset[str], candidates: list[Statement], sections: list[frozenset[str]],
            says: Callable[[str], object]) -> bool:
    """Whether a statement of a top section that names the subject (as far as the top sections name it)
    says it: nothing is said of a subject no top section names."""
    held = held_names(about, sections)
    if about and not held:
        return False
    return any(says(u.said) and names_all(sections[u.hit_rank], held) for u in candidates)


def all_named(subject: frozenset[str], terms_: frozenset[str]) -> bool:
    """Every name of the subject is in ``terms_``; of names offered as alternatives, one is."""
    choices = getattr(subject, "choices", ())
    offered = frozenset().union(*(name for names_ in choices for name in names_))
    return (all(named_in(n, terms_) for n in subject - offered)
            and all(any(all(named_in(n, terms_) for n in name) for name in names_) for names_ in choices))


def gives(statement: Statement, expected: Expected, subject: frozenset[str], section_terms: frozenset[str],
          exact: bool = False) -> bool:
    """Whether a statement gives a value of the kind asked for about ``subject``. A nested statement is
    about what it, its parent items and its headings name (the Lambda section's 「4KB以下」 under
    環境変数 is not about Layers); a top-level one speaks for its section when it or its headings name
    the subject (「最大10Gbps」 in the Intel VF section, whose list names the C4 and R3 instances; not
    「最大70%OFF」 in a Fargate section that mentions Route 53 somewhere)."""
    if not expected.stated_in(statement.text, exact):
        return False
    if expected.extreme_only and _DEFAULTS.search(statement.text) and not _EXTREMES.search(statement.text):
        return False
    if "count" in expected.kinds and not expected.rate and _RATE.search(statement.text):
        return False  # 「1秒間あたり最大300件」 is a rate, not how many one call takes
    if expected.free and not _FREE.search(statement.said):
        return False  # 「同時に最大3,000個までのパス指定」 is not how many paths are free
    if "price" in expected.kinds and expected.per_unit and not _PER_UNIT_STATED.search(statement.text):
        return False  # 「basic scanningは無料」 is no price per GB stored
    ends = _ends(statement.text)
    if expected.ends and ends and not ends & expected.ends:  # a minimum given for a maximum asked
        return False
    if expected.sized and "price" in expected.kinds:  # the price of 「$250.00(80TBアプライアンス)」 is not 50TB's
        stated = _sizes(statement.text)
        if stated and not stated & expected.sized:
            return False
    near = statement.scope
    if statement.context or not subject:
        # a statement naming the service itself speaks of the service: "Cloudtrail Events are stored for 90
        # days" under CloudTrail Insights is of CloudTrail's events, not of Insights (「ALIASレコードへのクエリは
        # 無料」 under Route 53 is of Route 53's ALIAS records)
        said = {n for n in subject if named_in(n, statement.own_terms)}
        unsaid = {n for n in subject if not named_in(n, statement.terms)}
        if said and unsaid and said <= SERVICE_NAMES and not unsaid & SERVICE_NAMES:
            return False
        return all_named(subject, near)
    return all_named(subject, near | section_terms) and any(named_in(n, near) for n in subject)
