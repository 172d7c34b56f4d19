"""Whether a question asking about months or years of time is answered: by a statement about its subject that
gives a length of time.

「1年以上かかるような長期のワークフローなら、Step FunctionsとSWFどっちが向いてる？」 finds the notes' advice
on the two, which is about external signals and child processes, never how long an execution may run; "Can
a single Step Functions execution keep running for several months?" likewise. "How many months does
CloudTrail keep events?" is answered by its 「90 days」, 「メッセージを残しておける最長期間」 by 「最大14日間」.
"""

from __future__ import annotations

import re

from rag.expect import said_of, subject, unit
from rag.patterns import regex
from rag.statements import Statement

# an amount of time asked of, months or years (not 長期 or "long-running" alone, of which the notes speak
# without a length: 「長期保存」, 「ロングランニングアプリケーション」; nor a price per "GB-month")
_LONG_ASKED = regex(r"[何数]\s*[かヶカケ]月|\d+\s*年以上|(?<![-/])\b(?:months|years)\b", re.I)
_TIME_SAID = regex(rf"長期|長時間|\d+\s*(?:{unit('duration')})(?![a-z])|\blong-term\b", re.I)


def untimed(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks of months or years of time and no statement of a top section
    naming its subject (as far as the top sections name it) gives a length of time."""
    if not _LONG_ASKED.search(asking):
        return False
    return not said_of(subject(asking), candidates, sections, _TIME_SAID.search)
