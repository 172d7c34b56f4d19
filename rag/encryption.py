"""Whether a question about encryption at rest, or in transit, is answered: only by a statement about its
subject that speaks of that kind.

「EFSに保存したデータそのものを保管時に暗号化するには？」 finds EFS's mount options, whose only encryption is
of the traffic (「TSLで暗号化できたりするオプションがある「-o tsl」」): the notes never say how EFS encrypts
what it stores. EBS's 「作成時に暗号化を指定すると、AES-256による暗号化」 is encryption of stored data.
"""

from __future__ import annotations

import re

from rag.expect import said_of, subject
from rag.patterns import regex
from rag.statements import Statement

_ENCRYPTED = regex(r"暗号|\bencrypt", re.I)
_AT_REST = regex(r"保管時|保存時|保管データ|保存データ|保存(?:している|された|される|する|した)データ|"
                 r"データ(?:そのもの|自体)|\bat rest\b|\bstored data\b|\bdata stored\b", re.I)
_IN_TRANSIT = regex(r"通信|転送|(?<![a-z])(?:tls|tsl|ssl)(?![a-z])|\bin[ -]transit\b|\btraffic\b", re.I)  # 「TSLで」


# …and as a question asks it: the traffic encrypted (「通信をTLSで暗号化」), not 「暗号化のせいで通信帯域が
# 制限される？」
_TRANSIT_ASKED = regex(r"(?:通信|転送|トラフィック)(?:中|時)?(?:を|の|も|は)?\s*(?:(?:TLS|SSL|TSL)\s*で)?\s*暗号|"
                       r"暗号化通信|転送中|(?<![a-z])(?:tls|ssl)(?![a-z])|\bin[ -]transit\b|"
                       r"\bencrypt\w*\s+(?:\w+\s+)?traffic\b|\btraffic\s+(?:\w+\s+)?encrypt", re.I)


def unencrypted(asking: str, candidates: list[Statement], sections: list[frozenset[str]]) -> bool:
    """Whether ``asking`` asks about encryption at rest or in transit, and no statement of a top section
    naming its subject speaks of encryption of that kind (of traffic: with a word for it; of stored data:
    without one)."""
    if not _ENCRYPTED.search(asking):
        return False
    at_rest, in_transit = _AT_REST.search(asking) is not None, _TRANSIT_ASKED.search(asking) is not None
    if at_rest == in_transit:
        return False  # neither kind, or both: judged elsewhere
    return not said_of(subject(asking), candidates, sections, lambda said: bool(_ENCRYPTED.search(said)) and (
        _IN_TRANSIT.search(said) is not None) == in_transit)
