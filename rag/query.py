"""A question made ready for search: normalised, cut if huge, with language, history and expansions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ingest.indexdb import IndexDB
from ingest.tokenize import terms, tokens
from rag.glossary import expand

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Names in a question: ASCII words with a capital or a digit after the first letter (RDS, Lightsail,
# Multi-AZ, S3) and, in a Japanese question, any ASCII word.
_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9])")


class EmptyQuestion(ValueError):
    """An empty or whitespace-only question."""


def is_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


@dataclass(frozen=True)
class Query:
    text: str
    history: tuple[str, ...] = ()  # earlier questions of the conversation, oldest first
    truncated: bool = False
    expansions: tuple[tuple[str, list[str]], ...] = ()  # Japanese terms for an English question

    @classmethod
    def of(cls, question: str, history: tuple[str, ...] = (), max_chars: int = 2000) -> Query:
        text = " ".join(question.split())
        if not text:
            raise EmptyQuestion("The question is empty: type a question about your notes")
        truncated = len(text) > max_chars
        text = text[:max_chars]
        expansions = () if is_japanese(text) else tuple(terms(" ".join(expand(tokens(text)))))
        return cls(text, tuple(h for h in history if h.strip()), truncated, expansions)

    @property
    def japanese(self) -> bool:
        return is_japanese(self.text)

    def weights(self, db: IndexDB, text: str | None = None) -> dict[str, float]:
        """Search terms of ``text`` (default: the question) with their idf in the index.

        A compound such as 暗号化 is searched whole; its parts (暗号, 化) only when the notes never use
        the whole, so one word is not counted three times. Terms the notes never use weigh nothing.
        """
        groups = terms(self.text if text is None else text) + (list(self.expansions) if text is None else [])
        df, n = db.doc_freq(t for term, parts in groups for t in (term, *parts))
        chosen = [t for term, parts in groups for t in ([term] if df.get(term) else parts) if df.get(t)]
        return {t: math.log(1 + n / df[t]) for t in dict.fromkeys(chosen)}

    def unknown_names(self, db: IndexDB) -> list[str]:
        """Service or feature names in the question that the notes never mention: the notes cannot
        answer a question about Lightsail if they never say "Lightsail"."""
        words = [w for i, w in enumerate(_NAME.findall(self.text))
                 if self.japanese or (i > 0 and (w[1:] != w[1:].lower() or any(c.isdigit() for c in w)))
                 or (i > 0 and w[0].isupper())]
        names = [term for w in words for term, _ in terms(w)]
        if not names:
            return []
        df, _ = db.doc_freq(names)
        return [t for t in names if not df.get(t)]
