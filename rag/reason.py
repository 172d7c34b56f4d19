"""Whether a question asking why a limit is the number it is is answered: only by a statement giving a
reason for that number.

"Why is the Lambda timeout capped at 15 minutes?", 「CloudTrailのイベント履歴が90日しか保持されないのはなぜ？」:
the notes state the limit (「最大15分」, "stored for 90 days") and never why; a section stating it restates
the question. Why-questions without a number ("Why can an EBS volume only be used in its AZ?") are often
answered by a reason the notes give in other words (「AZ毎に独立しているため」): they are not judged here,
nor a why followed by another question (「最大5個？共通部分をまとめる方法は？」), which the notes may answer.
"""

from __future__ import annotations

import re

from rag.expect import said_of, subject
from rag.patterns import SENTENCE, questions, regex
from rag.statements import Statement

_WHY = regex(r"\bwhy\b|なぜ|どうして|なんで(?!す)", re.I)  # not 「質問なんですが」
_LIMIT = regex(r"\bcapped\b|\blimited (?:to|at)\b|\bonly\b|\bat most\b|上限|最大|しか|のみ|まで", re.I)
# the number the limit is (「15分」, "90 days", 「5個」, "20 seconds")
_NUMBER = regex(r"(\d[\d,.]*)\s*(?:ミリ秒|秒|分|時間|日|週間|か月|ヶ月|年|個|件|回|KB|MB|GB|TB|"
                r"ms|seconds?|minutes?|hours?|days?|weeks?|months?|years?)", re.I)
# a reason given (not 「…から取得」, from)
_CAUSE = regex(r"ため|ので|から[、,。]|\bdue to\b|\bbecause\b|\bsince\b|\bso that\b|\bin order to\b|により|によって",
               re.I)


def unreasoned(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks only why a limit is the number it is, and no statement of a top section
    naming its subject gives a reason along with that number."""
    why = [s for s in SENTENCE.findall(asking) if _WHY.search(s)]
    if len(why) != 1 or len(questions(asking)) > 1 or not _LIMIT.search(why[0]):
        return False
    numbers = {m.group(1).replace(",", "") for m in _NUMBER.finditer(why[0])}
    if not numbers:
        return False
    return not said_of(subject(why[0]), candidates, sections, lambda said: bool(_CAUSE.search(said)) and any(
        re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", said.replace(",", "")) for n in numbers))
