"""The headings of the top sections that a question writes: what it asks of.

「Elastic BeanstalkのAll at onceでデプロイが失敗したら自動で戻る？」 and 「ローリングデプロイでヘルスチェックに
通らなかったらどうなる？」 ask of the All at once and Rolling(ローリング) sections; what the Immutable section says
of a failed health check answers neither, though it names Elastic Beanstalk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.tokenize import normalize, tokens
from rag.expect import subject
from rag.glossary_terms import SERVICE_NAMES
from rag.query import IN_PASSING

_ASIDE = re.compile(r"[(（]([^)）]*)[)）]")  # 「Rolling(ローリング)」
_KATAKANA = re.compile(r"[ァ-ヶー]{3,}")


def written_headings(asking: str, headings: Iterable[str]) -> list[frozenset[str]]:
    """The terms of each heading ``asking`` writes, as an English title or its katakana aside (「ローリング」
    for 「Rolling(ローリング)」); not a service's heading (「AWS Elastic Beanstalk」, 「Step Functions」: the
    subject's), nor one mentioned in passing (「Rolling with additional batchじゃなく」)."""
    asked = normalize(IN_PASSING.sub(" ", asking))
    names = subject(asking)
    out = []
    for heading in dict.fromkeys(headings):
        title = _ASIDE.sub("", heading).strip()
        words = frozenset(tokens(title))
        if not title.isascii() or not words or SERVICE_NAMES & set(title.lower().split()) or words <= names:
            continue  # 「Step Functions」 is the subject's heading
        asides = [a for a in map(str.strip, _ASIDE.findall(heading)) if _KATAKANA.fullmatch(a)]
        if re.search(rf"(?<![a-z]){re.escape(normalize(title))}(?![a-z])", asked) or any(a in asked for a in asides):
            out.append(words)
    return out
