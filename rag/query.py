"""A question made ready for search: normalised, cut if huge, with follow-up context and expansions."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.glossary import expand

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Names in a question: ASCII words such as RDS, Lightsail, Multi-AZ, S3 (in English: not the first word).
_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9])")
_ANAPHORA = re.compile(r"^(それ|その|これ|この|あれ|じゃあ|では|なら|and\b|what about\b|its?\b|how about\b)", re.I)
FOLLOWUP_MAX_TERMS = 2  # a question this thin, with no name in it, leans on the previous one
CONTEXT_WEIGHT = 0.5  # the previous question's terms count half in a follow-up


class EmptyQuestion(ValueError):
    """An empty or whitespace-only question."""


def is_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


def names(text: str) -> list[str]:
    words = _NAME.findall(text)
    if is_japanese(text):
        return words
    return [w for i, w in enumerate(words) if i > 0 and (w[0].isupper() or w[1:] != w[1:].lower()
                                                         or any(c.isdigit() for c in w))]


def is_followup(text: str) -> bool:
    """「デフォルト値は？」 after a question about SQS is about SQS."""
    if _ANAPHORA.match(text):
        return True
    return not names(text) and len({term for term, _ in terms(text)}) <= FOLLOWUP_MAX_TERMS


@dataclass(frozen=True)
class Query:
    text: str
    context: str = ""  # the previous question, when this one is a follow-up
    truncated: bool = False

    @classmethod
    def of(cls, question: str, history: Sequence[str] = (), max_chars: int = 2000) -> Query:
        text = " ".join(question.split())
        if not text:
            raise EmptyQuestion("The question is empty: type a question about your notes")
        truncated = len(text) > max_chars
        text = text[:max_chars]
        previous = [h for h in history if h.strip()]
        context = previous[-1] if previous and is_followup(text) else ""
        return cls(text, context, truncated)

    @property
    def japanese(self) -> bool:
        return is_japanese(self.text)

    @property
    def search_text(self) -> str:
        """What the dense model embeds: the question, after its context for a follow-up."""
        return f"{self.context} {self.text}".strip()

    def weights(self, db: IndexDB) -> dict[str, float]:
        """Search terms with their idf in the index (context terms of a follow-up count half).

        A compound such as 暗号化 is searched whole; its parts (暗号, 化) only when the notes never use
        the whole, so one word is not counted three times. English questions add Japanese glossary
        terms. Terms the notes never use weigh nothing.
        """
        out: dict[str, float] = {}
        for text, factor in ((self.text, 1.0), (self.context, CONTEXT_WEIGHT)):
            if not text:
                continue
            groups = terms(text)
            if not is_japanese(text):
                groups += terms(" ".join(expand(tokens(text))))
            df, n = db.doc_freq(t for term, parts in groups for t in (term, *parts))
            for term, parts in groups:
                for t in [term] if df.get(term) else parts:
                    if df.get(t):
                        out[t] = max(out.get(t, 0.0), factor * math.log(1 + n / df[t]))
        return out

    def unknown_names(self, db: IndexDB) -> list[str]:
        """Service or feature names in the question that the notes never mention: the notes cannot
        answer a question about Lightsail if they never say "Lightsail"."""
        found = [term for w in names(self.text) for term, _ in terms(w)]
        if not found:
            return []
        df, _ = db.doc_freq(found)
        return [t for t in found if not df.get(t)]
