"""Whether a question asking if one named thing works with another is answered by a section naming both,
and one asking which of named things to choose by sections naming each.

「FargateでWindowsコンテナって動かせますか？」: the notes write Windows (under EFS) and Fargate, never
together; no section says whether the one runs the other. "Can I use GPUs with Fargate?" is answered by
Fargate's section, which names GPUs. 「Data PipelineとAWS Glueのどっち？」 is not answered by sections that
never name Glue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice, product

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.expect import CAN, all_named, held_names, named_in, names_all, subject
from rag.glossary import feature_patterns, translations, with_translations
from rag.glossary_terms import SCOPED_FEATURES, SCOPED_WRITTEN, SERVICE_NAMES
from rag.patterns import MANNER, SENTENCE, questions, regex
from rag.query import IN_PASSING, features_named
from rag.spelling import MIN_TYPO_LENGTH, near_terms
from rag.statements import Statement
from rag.titles import written_headings

# a yes/no question whether something can be done or is supported, or as remembered (「動かせたっけ？」)
WHETHER = regex(rf"{CAN}(?:る|ます)(?:か|の)?\s*[？?]|{CAN}(?:る(?:ん(?:だ|です))?|た)っけ\s*[？?]|"
                r"(?:対応|サポート)(?:して(?:る|います|いる)|され(?:てる|ています|る))(?:か|の)?\s*[？?]|"
                r"可能(?:です)?か?\s*[？?]|(?:^|[:,;]\s)\s*(?:can|could|does|do)\b[^?]*\?", re.I)

# what the thing is for, an example of it or what it replaces sets the scene ("for my ML inference
# containers", "like an RDS database", "instead of a Lambda authorizer", 「Lambdaオーソライザーじゃなくて」),
# and so do the other parts of a stack (「ALB＋EC2のAuto Scalingで耐えられる？」 asks of Auto Scaling): a
# section need not name them (but 「Windowsとかのコンテナ」 asks for Windows)
_SCENE = regex(r"\b(?:for (?:my|our|your|the|an?)|like|such as|e\.g\.|instead of)\s[^?.,]*|"
               r"(?:[A-Za-z0-9][\w.@-]*|[ァ-ヶー]+)\s*(?:じゃなくて|ではなく|の代わりに|[+＋])", re.I)


def apart(asking: str, sections: Iterable[frozenset[str]], db: IndexDB) -> bool:
    """Whether ``asking`` asks if things it names work together, or how to make them, and none of
    ``sections`` names them all; of several questions (「Fargateの制約を整理してます。GPUは使える？それと
    docker execでデバッグできる？」), each is asked with the rest of the text, not with the others, and
    every one must be apart.
    A name of several words is named by its last (the notes head a section 「Sagemeker Clarify」); names
    the notes never write are judged elsewhere (what alone the subject takes: 「対称鍵のみ」 for RSA);
    names with digits are not judged: versions and sizes (gp2, c5) are no things of their own, and EC2 is
    often the alternative ("…on Fargate, or do I need EC2?")."""
    asked = questions(asking)
    if len(asked) > 1:
        sections, sentences = list(sections), SENTENCE.findall(asking)
        return all(_apart("".join(s for s in sentences if s not in asked or s == q), sections, db) for q in asked)
    return _apart(asking, sections, db)


def _apart(asking: str, sections: Iterable[frozenset[str]], db: IndexDB) -> bool:
    # …or asks how to make them work together: then only services count ("How do I mount an EFS file
    # system inside a Lambda function?"; not "how do I know when to move from General Purpose to Max I/O")
    whether = WHETHER.search(asking) is not None
    how = not whether and _HOW.search(asking) is not None
    if not (whether or how):
        return False
    about = subject(_SCENE.sub(" ", asking))
    found, _ = db.doc_freq(about.heads)
    names = about.within(frozenset(n for n, df in found.items() if df and not any(c.isdigit() for c in n)
                                   and (not how or n in SERVICE_NAMES)))
    # a name the notes write joined to another word (「AmazonRedshift」, 「NATgateway」) or misspell
    # (「Congitoユーザープール」 for Cognito) is named there too
    slips = {n: frozenset(near_terms(n, db)) for n in names if len(n) >= MIN_TYPO_LENGTH}
    return len(names) > 1 and not any(all_named(names, s | {
        n for n in names if (len(n) > 2 and any(n in t for t in s)) or slips.get(n, frozenset()) & s})
        for s in sections)


_HOW = regex(r"どう(?:設定|構成|すれば|やって)|設定方法|\bhow (?:do|can|should) (?:i|we)\b|\bhow to\b", re.I)


# a role asked of a thing: 「…を起動ボリューム（ルートボリューム）として使える？」, 「…を起動ボリュームにできる？」,
# "be used as the root (boot) volume" (not what it is used for or how: 「同時に使える」; not "the storage for …")
_PREPOSITION = r"(?:for|of|in|on|with|to|by|from|at|and|or)\b"
_ROLE = regex(r"([一-龯ァ-ヶーA-Za-z0-9-]{2,})(?:[（(]([^）)]+)[）)])?\s*"
              r"(?:として(?:も)?\s*(?:使え|使う|使用|利用|でき)|"
              r"に\s*(?:でき|なれ|なる)|にも\s*使え)|"  # 「起動ボリュームにも使える？」
              rf"\b(?:used?|serve|act|work)\s+as\s+(?:the|an?)\s+(?!{_PREPOSITION})([\w-]+)(?:\s*\(([\w-]+)\))?"
              rf"\s+(?!{_PREPOSITION})([\w-]+)", re.I)


# a role's other first word in brackets before its last (「ルート（起動）ボリュームとして」): both names whole
_INNER = regex(r"([一-龯ァ-ヶー]{2,})[（(]([一-龯ァ-ヶー]{2,})[）)]([一-龯ァ-ヶー]{2,})"
               r"(?=\s*(?:として|に\s*(?:でき|なれ|なる)))")


def _roles(asking: str) -> list[str]:
    """The roles ``asking`` asks of, each name in brackets too (「起動ボリューム（ルートボリューム）」)."""
    out = []
    for m in _ROLE.finditer(_INNER.sub(r"\1\3（\2\3）", asking)):
        if m.group(5):  # English: "root (boot) volume" is a root volume or a boot volume
            out += [f"{w} {m.group(5)}" for w in m.group(3, 4) if w]
        else:
            out += [r for r in m.group(1, 2) if r and not re.fullmatch(MANNER, r)]
    return out


def _written_role(role: str, db: IndexDB) -> list[tuple[str, ...]]:
    """The spellings of a role of several words that the notes write, word for word or each word in the
    other language (ブートボリューム: 起動 ボリューム; "boot volume": 起動ボリューム)."""
    def forms(word: str) -> list[str]:
        other = [t for e in translations(word) for t in tokens(e)]
        return list(dict.fromkeys([word, *other, *(t for e in other if e.isascii() for j in translations(e)
                                                    for t in tokens(j))]))
    words = tokens(role)
    if len(words) < 2:
        return []
    return [spelling for spelling in islice(product(*map(forms, words)), 16) if db.phrase_chunks(spelling)]


def unfit(asking: str, sections: Iterable[frozenset[str]], headings: Iterable[str], db: IndexDB) -> bool:
    """Whether ``asking`` asks if the thing of a top section's heading it writes (「マルチアタッチしたEBS」)
    can serve in a role of its kind that the notes write of other things (起動ボリューム: a volume, as the
    boot volume's encryption), and no top section names both: the thing's section says what it takes (io1,
    Nitro), not whether it serves there. A role the notes never write (「共有フォルダとして使える？」) may
    be a paraphrase, one not of the thing's kind (an event source) a use the notes leave out: not judged."""
    if not WHETHER.search(asking):
        return False
    roles = [written for r in _roles(asking) if (written := _written_role(r, db))]
    asked = with_translations(tokens(asking))
    things = [words for h in dict.fromkeys(headings) if (words := frozenset(tokens(h))) and words <= asked
              and not words & SERVICE_NAMES and not any(words <= set(r) for spellings in roles for r in spellings)]
    sections = list(sections)
    return any(any(r[-1] in s for r in spellings for s in sections if thing <= s)  # a kind of the role's
               and not any(thing.union(r) <= s for r in spellings for s in sections)
               for thing in things for spellings in roles)


# which of named things to choose, or how they differ
_CHOOSE = regex(r"どっち|どちら|どれ|使い分け|\bvs\.?(?!\w)|\bor\b[^?]*\?|"
                r"\bwhich (?:one|of (?:them|the two|these|those)|is (?:better|faster|cheaper|more|less)|"
                r"should (?:i|we) (?:use|choose|pick|go with))\b", re.I)  # not "which metric" (of "Max I/O")


# one thing stated as the only one that may be chosen (「awsvpcネットワークモードだけが利用できる」)
_ONLY_ONE = regex(r"だけ|のみ|しか|\bonly\b", re.I)


def uncompared(asking: str, sections: Iterable[frozenset[str]], db: IndexDB,
               statements: Iterable[Statement] = ()) -> bool:
    """Whether ``asking`` asks which of things it names to choose, and one of them is named by none of
    the top sections, or only in passing: they say nothing to choose it by (「Data PipelineとAWS Glueの
    どっち？」: the notes write Glue once, as a Step Functions target). Each may be described apart
    (--max-items, --page-size); one stated as the only choice, of the subject, answers (「Fargateのネット
    ワークモード、bridgeとawsvpcどっちを選べる？」: Fargate's 「awsvpcネットワークモードだけが利用できる」, which
    does not answer for ECS on EC2)."""
    if not _CHOOSE.search(asking):
        return False
    offered = [name for names_ in subject(asking).choices if len(names_) > 1 for name in names_
               if any(len(n) > 1 for n in name)]  # not the O of "Max I/O"
    about = subject(asking) - frozenset().union(*offered)
    if any(_ONLY_ONE.search(u.text) and about <= u.terms | u.heading_terms
           and any(name <= u.own_terms for name in offered) for u in statements):
        return False
    sections = list(sections)
    return any(not any(all(named_in(n, s) for n in name) for s in sections) or _in_passing(name, offered, asking, db)
               for name in offered)


def _in_passing(name: frozenset[str], offered: list[frozenset[str]], asking: str, db: IndexDB) -> bool:
    """Whether ``name`` is a service the question writes as AWS's (「AWS Glue」) and the notes write in one
    passage only, under no heading of their own (「# App Sync」 is AppSync's), that names none of the other
    things offered (「Point-to-point形式及びPublish Subscribe方式 - Amazon MQ, Amazon SQS…」 compares them)."""
    heads = {terms(m.group(1))[-1][0]: m.group(1) for m in _SERVICE.finditer(asking) if terms(m.group(1))}
    for term in name & heads.keys():
        if db.doc_freq([term])[0].get(term) != 1 or any(
                db.headed_chunks(h) for h in (term, " ".join(_CAMEL_PART.findall(heads[term])).lower())):
            continue
        passage = db.passages(term, 1)[0]
        if not any(all(named_in(n, passage) for n in other) for other in offered if other != name):
            return True
    return False


# a name written after AWS or Amazon, its last word the head (「Amazon Managed Stream Kafka」: Kafka)
_SERVICE = regex(r"\b(?:AWS|Amazon)\s+((?:[A-Z][A-Za-z0-9-]*\s?)+)")
_CAMEL_PART = regex(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+")


_SCOPED = feature_patterns(SCOPED_FEATURES)
_WRITTEN = {forms: tuple(frozenset(tokens(f)) for f in (*forms, *SCOPED_WRITTEN.get(forms[0], ())))
            for forms in SCOPED_FEATURES}  # a form's terms


def unscoped(asking: str, sections: Iterable[frozenset[str]], headings: Iterable[str] = ()) -> bool:
    """Whether ``asking`` names a feature the notes write of some services only (a dead-letter queue)
    and no top section that names its subject writes it: 「EventBridgeで配信に失敗したイベントをデッドレター
    キューに送るには？」 is not answered by SQS's 「Dead Letter Queue」. A top section's heading the question
    writes is of its subject too: 「All at onceでデプロイ失敗したら自動で戻る？」 is not answered by what
    the Immutable section says of a failed deploy."""
    asked = features_named(asking, _SCOPED)
    if not asked:
        return False
    sections = list(sections)
    # the feature's own words are not its subject ("Provisioned IOPS" is what EBS writes as 「プロビジョンドIOPS」)
    own = {t for forms in asked for form in forms for t in tokens(form)}
    asking = IN_PASSING.sub(" ", asking)  # 「Rolling with additional batchじゃなく」 is not what is asked of
    about = subject(asking)
    about = about.within(frozenset(about - own))
    held = held_names(about, sections)
    if about and not held:
        return True  # nothing is said of a subject no top section names
    titled = written_headings(asking, headings)
    return not any(any(form <= s for form in _WRITTEN[forms]) and names_all(s, held) and all(t <= s for t in titled)
                   for forms in asked for s in sections)


