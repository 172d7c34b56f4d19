"""What kind of value a question asks for, and whether a statement states one.

「SQSのメッセージ保持期間って、デフォルトだと何日？」 asks for a duration, "How large can an object be?"
for a size, 「いくつまで？」 for a count. A section that names the subject but states no such value for it
does not answer the question (the notes give Lambda Layers a count, 「最大で5個」, not a size in MB), however
many of the question's words it holds. Only explicit cues count: a question with none expects nothing.
"""

from __future__ import annotations

import re

from ingest.tokenize import terms, tokens
from rag.query import names
from rag.statements import Statement

_UNIT_Q = r"(?:秒|分|時間|日|週|か月|ヶ月|カ月|年)"
_SIZE_UNIT = r"(?:[KMGTP]i?B|バイト|bytes?)"
_DURATION_EN = r"(?:milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)"

CUES: dict[str, re.Pattern[str]] = {
    "duration": re.compile(rf"何{_UNIT_Q}|期間|最長|最短|間隔|(?:どれ|どの)[く ぐ]らい(?:の)?時間|how long|"
                           rf"\bperiod\b|\bduration\b|how many {_DURATION_EN}", re.I),
    "size": re.compile(rf"何\s*{_SIZE_UNIT}|サイズ|容量|(?<![\w-])size(?![\w-])|how (?:big|large)|"
                       rf"how many {_SIZE_UNIT}", re.I),
    "count": re.compile(r"いくつ|何(?:個|回|件|台|つ)|how many(?! (?:seconds?|minutes?|hours?|days?|weeks?|"
                        r"months?|years?|[KMGTP]i?B|bytes?)\b)", re.I),
}
# A per-second rate (「1秒あたり1000レコード」) is not a duration.
_RATE = r"(?!\s*(?:間?あたり|当たり|毎|間に))"
VALUES: dict[str, re.Pattern[str]] = {
    "duration": re.compile(rf"\d\s*(?:{_UNIT_Q}{_RATE}|ms\b|{_DURATION_EN}\b(?! per\b))", re.I),
    "size": re.compile(rf"\d\s*{_SIZE_UNIT}(?![a-z])", re.I),
    "count": re.compile(r"\d"),
}


def expected(question: str) -> frozenset[str]:
    """The kinds of value the question asks for: duration, size, count (none when it gives no cue)."""
    return frozenset(kind for kind, cue in CUES.items() if cue.search(question))


def cue_terms(question: str) -> frozenset[str]:
    """Index terms of the words that say what kind of value is asked (何日, サイズ, "how long"): they are
    not what the value is about."""
    return frozenset(t for cue in CUES.values() for m in cue.finditer(question) for t in tokens(m.group()))


def states(text: str, kinds: frozenset[str]) -> bool:
    """Whether ``text`` states a value of one of ``kinds``."""
    return any(VALUES[k].search(text) for k in kinds)


def subject(question: str) -> frozenset[str]:
    """The index terms of the names in the question (「何MBまで」: MB is the unit asked for, not a name)."""
    return frozenset(t for w in names(question) if not re.fullmatch(_SIZE_UNIT, w, re.I) for t, _ in terms(w))


def gives(statement: Statement, kinds: frozenset[str], subject: frozenset[str]) -> bool:
    """Whether a statement gives a value of one of ``kinds`` about ``subject``: the names are in it, its
    parent items or its headings (the Lambda section's 「4KB以下」 is about environment variables, not
    Layers)."""
    return states(statement.text, kinds) and subject <= statement.terms | statement.heading_terms
