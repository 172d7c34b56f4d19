"""What a how-to question asks to turn on or set up, and whether a section names it.

「S3バケットのバージョニングを有効にする手順」 asks how to enable versioning. Sections about S3 that never
write versioning (in either language) do not answer it, however much else of the question they hold:
the notes name the bucket and the service everywhere; the thing to set up is what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.glossary import translations

# a question asking how, not whether or what happens once it is on (「有効にしたら…？」)
_HOW = re.compile(r"方法|手順|やり方|どうやって|どうすれば|どう(?:設定|やる|す)|には(?:[？?]|何を)|"
                  r"\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b|"
                  r"(?<![A-Za-z])(?:[Ss]teps?)(?![A-Za-z])(?!\s+[Ff]unctions)", re.I)
# the thing right before を and the verb, with what it is of (「手動承認のステージを」; 「(ENA)を」: the name
# in brackets; 「をCLIで有効化」), or after the English verb
_WORD = r"[一-龯ァ-ヶーA-Za-z0-9-]+"
_JA = re.compile(rf"((?:{_WORD}の)?(?:[A-Za-z0-9-]+\s)*{_WORD})[)）]?を(?:[^、。？?]{{1,10}}?で)?"
                 r"(?:有効|オン|ON|設定|変更|作成|追加|挟|コピー|移|削除|構成)", re.I)
_EN = re.compile(r"\b(?:enable|turn on|activate|switch on|set up|configure|create|add|copy)\s+"
                 r"(?:(?:an?|the|new|existing|my|our|another)\s+)*"  # "a new EFS file system": the file system
                 r"((?:[\w.-]+\s+){0,4}?[\w.-]+?)(?=\s+(?:on|for|in|so|at|when|with|by|of)\b|\s*[?,]|\.?\s*$|\.\s)",
                 re.I)
_PRONOUNS = frozenset({"it", "them", "this", "that", "one", "first", "何"})


def enabled(question: str) -> str | None:
    """The thing a how-to question asks to turn on or set up, as written; None for other questions."""
    if not _HOW.search(question):
        return None
    found = _JA.search(question) or _EN.search(question)
    thing = found.group(1) if found else None
    return thing if thing and thing.lower() not in _PRONOUNS else None


def _written(term: str, section_terms: frozenset[str]) -> bool:
    """A word, or one of its translations whole (versioning: バージョニング, or both バージョン and 管理)."""
    return term in section_terms or any(
        words and set(words) <= section_terms for words in map(tokens, translations(term)))


def names(thing: str, section_terms: frozenset[str], used: Collection[str]) -> bool:
    """Whether a section's terms name ``thing``: each of its words, a compound as a whole or all of its
    parts (多要素認証: 多, 要素, 認証), in either language. A word neither the notes (``used``) nor the
    glossary know says nothing of any section (「キャパシティプロバイダー」: the notes write it in English)."""
    judged = [(term, parts) for term, parts in terms(thing)
              if term in used or translations(term) or any(p in used for p in parts)]
    return all(_written(term, section_terms) or (parts and all(_written(p, section_terms) for p in parts))
               for term, parts in judged)


def unnamed(question: str, sections: list[frozenset[str]], db: IndexDB) -> bool:
    """Whether ``question`` asks how to turn on or set up a thing that none of ``sections`` names."""
    if not (thing := enabled(question)):
        return False
    found, _ = db.doc_freq(t for term, parts in terms(thing) for t in (term, *parts))
    used = {t for t, n in found.items() if n}
    return not any(names(thing, s, used) for s in sections)
