"""Whether a question asking if an order is kept is answered: by a statement about its subject that
speaks of order.

"Does EventBridge guarantee that events reach their targets in the order they occurred?" finds
EventBridge's sections, which never speak of order, and SQS's 「配信順序は保たれる」, which is FIFO's, not
EventBridge's. 「Kinesisをイベントソースにした場合、Lambdaの処理順って保証される？」 is answered by Lambda's
「Pull(DynamoDB, Kinesis): 順序性あり」.
"""

from __future__ import annotations

import re

from rag.expect import said_of, subject
from rag.patterns import regex
from rag.statements import Statement

_ORDER_ASKED = regex(r"(?:順序|順番|処理順|\border\b)[^。？?]{0,30}(?:保証|保た|\bguarantee|\bpreserv|\bkept\b)|"
                     r"(?:保証|\bguarantee|\bpreserv)[^。？?]{0,60}(?:順序|順番|\border\b)", re.I)
_ORDER_SAID = regex(r"順序|順番|順に|\border|\bfifo\b|\bsequen", re.I)


def unordered(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks if an order is kept and no statement of a top section naming its subject
    (as far as the top sections name it) speaks of order."""
    if not _ORDER_ASKED.search(asking):
        return False
    return not said_of(subject(asking), candidates, sections, _ORDER_SAID.search)
