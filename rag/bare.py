"""Subjects the notes head and leave empty: 「### Amazon DynamoDB」 with nothing under it, no section on it;
a list item left empty beside a parallel one they fill (「- ワーカー環境の場合」 after 「- Webサーバ環境の場合」
and its resources); a thing only named (「- Amazon S3 Transfer Acceleration」 among S3's performance tips).

Such a name is written elsewhere only in passing (「DynamoDB・Elastic Search・Lambdaをデータソースとして指定
可能」), so sections that share the question's other words (the ALB's 「Load Balancer Capacity Units」 for
DynamoDB's read capacity units) do not answer it; a passage naming it and holding much of the question
does ("Which data sources can AppSync use?", Lambda's stream sources "Kinesis or DynamoDB Streams").
"""

from __future__ import annotations

import re

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.glossary import translations, with_translations, written_forms
from rag.glossary_terms import SERVICE_NAMES
from rag.patterns import regex
from rag.query import GENERIC_NAMES, SPECIFIC, Concept, Query, coverage, names
from rag.reason import WHY
from rag.spelling import near_terms
from rag.statements import Statement, text_terms

# whether the thing can be made at all (「ワーカー環境って作れる？」), not whether a thing of it is made
_MADE_AT_ALL = regex(r"作れ|作成(?:でき|可能)|\b(?:can|could)\s+(?:i|you|we)\s+(?:create|make|build|set up)\b", re.I)

COVERAGE = 0.5  # eval/*.jsonl: questions answered by a passage naming it hold 0.59 and up, traps 0.41 and down
MAX_PASSAGES = 50  # per spelling: the names judged are written in 3 chunks or fewer, misspellings rarer


def bare_subjects(query: Query, concepts: tuple[Concept, ...], db: IndexDB) -> list[str]:
    """Services the asking sentences name that only a bare heading gives a place in the notes, written in
    a few passages, none of which answers: subjects the notes have not written about yet. Not a service
    with a section of its own elsewhere (「### Amazon Kinesis」 is bare in one file only), nor one written
    in more passages (KMS: 「KMSの統制は…」; its envelope encryption is explained without the name)."""
    asked = {t for w in names(query.asking) for t, _ in terms(w)} & SERVICE_NAMES
    asked |= {t for name in asked for w in written_forms(name) for t, _ in terms(w)} & SERVICE_NAMES  # Dynamo
    asked &= frozenset().union(*(title for *_, title in db.bare_headings()))
    df, _ = db.doc_freq(asked)
    out = []
    for name in sorted(asked):
        if db.headed_chunks(name) or df.get(name, 0) > SPECIFIC:
            continue
        rest = [c for c in concepts if name not in c.terms]
        # passages naming it as written, or as the notes misspell it (「Congitoユーザープール」)
        passages = [p for spelling in (name, *near_terms(name, db)) for p in db.passages(spelling, MAX_PASSAGES)]
        if rest and not any(coverage(rest, p) >= COVERAGE for p in passages):
            out.append(name)
    return out


def bare_notices(subjects: list[str], db: IndexDB) -> tuple[str, ...]:
    """Where the notes head these subjects and say nothing yet: the place to write the answer."""
    return tuple(f"Your notes have the heading “{path[-1]}” ({source}, line {line}) with nothing under it yet."
                 for source, line, path, title in db.bare_headings() if title & set(subjects))


LABEL_CHARS = 20  # an item this short, with no sentence end, is a label for what is listed under it
PARALLEL_CHARS = 4  # a label and its sibling share an ending this long: 「…環境の場合」, 「…のデータプレーン」


def _unfilled_labels(candidates: list[Statement]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(terms only the empty label has, terms it shares with its filled sibling) for each empty label."""
    labels = [u for u in candidates if u.item and len(u.text) <= LABEL_CHARS and "。" not in u.text]
    return [(text_terms(u.text) - text_terms(v.text), text_terms(u.text) & text_terms(v.text))
            for u in labels if not u.children for v in labels
            if v.children and v.hit_rank == u.hit_rank and v.context == u.context and v.text != u.text
            and v.text[-PARALLEL_CHARS:] == u.text[-PARALLEL_CHARS:]]


def unfilled(asking: str, candidates: list[Statement]) -> bool:
    """Whether ``asking`` asks about a list item the notes leave empty beside a parallel one they fill:
    「ワーカー環境を作るとどんなリソースが作成される？」 of 「- Webサーバ環境の場合」 (EC2, ELB…) and an
    empty 「- ワーカー環境の場合」. Whether it can be made at all is answered elsewhere (「Webサーバ環境又は
    ワーカー環境を作成することができる」); whether a thing of it is made (「SQSキューとかは自動で作られる？」) is
    not."""
    if _MADE_AT_ALL.search(asking):
        return False
    asked = {t for t, _ in terms(asking)}
    asked |= {f for t in asked for w in translations(t) for f, _ in terms(w)}
    return any(own and own <= asked and shared & asked for own, shared in _unfilled_labels(candidates))


# how a thing works or when it pays (「どういう仕組みで速くなるの？」, "When is it worth enabling …?"); a plain
# "how does" asks of what follows it ("How does S3 Transfer Acceleration make uploads faster?", not "How does
# multi-attach require Provisioned IOPS volumes?", whose bare 「Provisioned IOPS」 is an object)
_WORKINGS = regex(r"仕組み|\bhow does\b[^?]*\bwork|\bunder the hood\b|\bwhen is it worth\b", re.I)
_HOW_DOES = regex(r"\bhow does\s+([^?]*)", re.I)
_NAME = re.compile(r"[A-Z][A-Za-z0-9.-]*(?:\s+[A-Z0-9][A-Za-z0-9.-]*)*")  # each word capitalised (not "Enabled by …")


def _how_it_does(asking: str, item: str, name: frozenset[str]) -> bool:
    """Whether ``asking`` asks how the named thing does something: its name right after "how does"."""
    words = len(item.split()) + 1  # (and a word before it: "How does S3 Transfer Acceleration …")
    return any(name <= frozenset(tokens(" ".join(m.group(1).split()[:words]))) for m in _HOW_DOES.finditer(asking))


def named_only(asking: str, candidates: list[Statement]) -> bool:
    """Whether ``asking`` asks why, or how it works, of a thing the top sections only name: a list item that
    is its name alone, with nothing under it, and no other statement naming it in either language (「- Amazon
    S3 Transfer Acceleration」: the notes list it as a way to speed S3 up and say nothing of how or why it does;
    004's bare 「Provisioned IOPS」 is 002's 「プロビジョンドIOPS(io1)である必要あり」)."""
    workings = bool(WHY.search(asking) or _WORKINGS.search(asking))
    if not (workings or _HOW_DOES.search(asking)):
        return False
    asked = frozenset(tokens(asking))
    bare = [u for u in candidates if u.item and not u.children and _NAME.fullmatch(u.text.strip())]
    for u in bare:
        name = text_terms(u.text) - SERVICE_NAMES - GENERIC_NAMES
        if not name or not name <= asked or not (workings or _how_it_does(asking, u.text, name)):
            continue
        if not any(name <= with_translations(v.own_terms) for v in candidates if v not in bare):
            return True
    return False
