"""Whether a question asking which thing costs less is answered: only by a statement that speaks of cost.

"Step Functions vs SWF: which one is cheaper?" finds the sections comparing the two on what they do;
none says what either costs, so they do not answer it. "SQS short polling vs long polling - which one
is cheaper?" is answered by 「API呼び出し数が多くなり、料金が高くなる可能性がある」.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.patterns import regex
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
