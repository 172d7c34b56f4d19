"""The headings of the top sections that a question writes: what it asks of.

「Elastic BeanstalkのAll at onceでデプロイが失敗したら自動で戻る？」 and 「ローリングデプロイでヘルスチェックに
通らなかったらどうなる？」 ask of the All at once and Rolling(ローリング) sections; what the Immutable section says
of a failed health check answers neither, though it names Elastic Beanstalk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.tokenize import normalize, tokens
from rag.glossary_terms import SERVICE_NAMES
from rag.query import IN_PASSING

_ASIDE = re.compile(r"[(（]([^)）]*)[)）]")  # 「Rolling(ローリング)」
_KATAKANA = re.compile(r"[ァ-ヶー]{3,}")


def written_headings(asking: str, headings: Iterable[str]) -> list[frozenset[str]]:
    """The terms of each heading ``asking`` writes, as an English title or its katakana aside (「ローリング」
    for 「Rolling(ローリング)」); not a service's heading (「AWS Elastic Beanstalk」 is the subject's), nor one
    mentioned in passing (「Rolling with additional batchじゃなく」)."""
    asked = normalize(IN_PASSING.sub(" ", asking))
    out = []
    for heading in dict.fromkeys(headings):
        title = _ASIDE.sub("", heading).strip()
        if not title.isascii() or not re.search("[A-Za-z]", title) or SERVICE_NAMES & set(title.lower().split()):
            continue
        asides = [a for a in map(str.strip, _ASIDE.findall(heading)) if _KATAKANA.fullmatch(a)]
        if re.search(rf"(?<![a-z]){re.escape(normalize(title))}(?![a-z])", asked) or any(a in asked for a in asides):
            out.append(frozenset(tokens(title)))
    return out
