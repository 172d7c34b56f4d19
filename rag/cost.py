"""Whether a question asking which thing costs less, or what one costs, is answered: only by a statement
that speaks of cost.

"Step Functions vs SWF: which one is cheaper?" finds the sections comparing the two on what they do;
none says what either costs, so they do not answer it. "SQS short polling vs long polling - which one
is cheaper?" is answered by 「API呼び出し数が多くなり、料金が高くなる可能性がある」. 「Fault Injection Simulatorの
料金体系は？」 is not answered by Lambda's 「細やかな料金体系」.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.expect import said_of, subject
from rag.patterns import questions, regex
from rag.statements import Statement

# which of them costs less (not 「安いスポット版」, a thing described by its price)
_CHEAPER = regex(r"\bcheap(?:er|est)\b|\bcosts? less\b|\bless expensive\b|\bmore expensive\b|"
                 r"(?:どっち|どちら|どれ)[^。？?]{0,12}(?:安(?:い|く|価)|割安|割高)|安く(?:済|あが|上が)|"
                 r"(?:安い|割安)(?:の|ほう|方)?(?:は|が)?(?:どっち|どちら|どれ)", re.I)  # not 安全, 安定
_COST = regex(r"料金|コスト|費用|価格|課金|最安|安価|安い|安く|割安|割高|割引|無料|有料|"
              r"\bcost|\bcheap|\bpric|\bexpens|\bcharg|\bfree\b|[$¥]\s?\d|\d\s*(?:円|ドル|usd\b)", re.I)


def uncosted(asking: str, candidates: Iterable[Statement]) -> bool:
    """Whether ``asking`` asks which thing costs less and none of ``candidates`` speaks of cost."""
    return bool(_CHEAPER.search(asking)) and not any(
        _COST.search(u.said) for u in candidates)


# what something costs or how it is priced, asked (「料金体系ってどうなってる？」, "How is X priced?")
_PRICE_ASKED = regex(r"料金|コスト|費用|課金|値段|お金|\bpric(?:e|ed|es|ing)\b|\bcosts?\b|\bcharged?\b|\bbilled\b|"
                     r"\bbilling\b", re.I)


def unpriced(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` is one question, of what something costs, and no statement of a top section naming
    its subject speaks of cost: 「Fault Injection Simulatorの料金体系は？」 is not answered by Lambda's 「細やかな
    料金体系」. Not a second question beside another the notes may answer ("Are data events on by default?
    Also, does CloudTrail itself cost anything?"), nor a complaint with no question (「料金かさんでる」)."""
    asked = questions(asking)
    return len(asked) == 1 and bool(_PRICE_ASKED.search(asked[0])) and not said_of(
        subject(asking), candidates, sections, lambda said: bool(_COST.search(said)))
