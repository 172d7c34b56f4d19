"""Whether a question asking why a limit is what it is is answered: only by a statement giving a reason.

"Why is the Lambda timeout capped at 15 minutes?", 「CloudTrailのイベント履歴が90日しか保持されないのはなぜ？」:
the notes state the limit (「最大15分」, "stored for 90 days") and never why; a section stating it restates
the question. "Why aren't CloudTrail data events logged by default?" asks no limit and is answered by
"default off due to volume".
"""

from __future__ import annotations

import re

from ingest.tokenize import tokens
from rag.expect import said_of, subject
from rag.patterns import regex
from rag.statements import Statement

_WHY = regex(r"\bwhy\b|なぜ|どうして|なんで(?!す)", re.I)  # not 「質問なんですが」
# a limit or an exclusivity as the premise (「15分が上限」, "capped at 20 seconds", 「対称鍵暗号しか」, "only"; not
# 「最初のアクセスだけIOPSが落ちる」, what is slow)
_LIMIT = regex(r"\bcapped\b|\blimited (?:to|at)\b|\bonly\b|上限|最大|しか|のみ", re.I)
# a reason given (not 「…から取得」, from)
_CAUSE = regex(r"ため|ので|から[、,。]|\bdue to\b|\bbecause\b|\bsince\b|\bso that\b|\bin order to\b|により|によって",
               re.I)
_SENTENCE = regex(r"[^？?。!！]+[？?。!！]?")


def unreasoned(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks why a limit is so, and no statement of a top section naming its subject
    gives a reason about what it asks."""
    sentence = next((s for s in _SENTENCE.findall(asking) if _WHY.search(s)), "")
    if not _LIMIT.search(sentence):
        return False
    about = subject(sentence)
    asked = set(tokens(sentence)) - about
    return not said_of(about, candidates, sections,
                       lambda said: bool(_CAUSE.search(said)) and bool(asked & set(tokens(said))))
