"""Cross-lingual and synonym keyword help: the words a note might use for a word of the question.

The dense model is multilingual, but the keyword index only matches what is written. An English word
(after the tokenizer's light stemming) brings the Japanese terms a note would use for it; a Japanese term
brings the English words whose entry names it (「デフォルトで有効？」 over the English note's "Enabled by
default") and its note-style synonyms (書く -> 記述).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from ingest.tokenize import terms, tokens
from rag.glossary_terms import ABBREVIATIONS, GLOSSARY, SPELLED_OUT, SYNONYMS


@cache
def _reverse() -> dict[str, tuple[str, ...]]:
    """Japanese index term -> the English glossary words that name it."""
    out: dict[str, list[str]] = defaultdict(list)
    for english, japanese in GLOSSARY.items():
        for term in dict.fromkeys(tokens(japanese)):
            if not term.isascii():
                out[term].append(english)
    return {t: tuple(words) for t, words in out.items()}


def _keyed(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """``table`` keyed by index term, as questions are tokenised ("aliases" and "alias" are "alia";
    やり方 is 遣り方 to Sudachi); words of keys that meet are merged."""
    out: dict[str, list[str]] = defaultdict(list)
    for word, others in table.items():
        for term, _ in terms(word)[:1]:  # a stop word ("use") has no term: questions never ask for it
            out[term].extend(w for w in others.split() if w not in out[term])
    return {t: tuple(words) for t, words in out.items()}


@cache
def _forward() -> dict[str, tuple[str, ...]]:
    return _keyed({**GLOSSARY, **ABBREVIATIONS})


@cache
def _spelled_out() -> dict[str, tuple[str, ...]]:
    return _keyed({**SPELLED_OUT, **ABBREVIATIONS})


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    return _keyed(SYNONYMS)


def translations(term: str) -> list[str]:
    """The other language's words for ``term`` (an index term from ``ingest.tokenize``)."""
    return list((_forward() if term.isascii() else _reverse()).get(term, ()))


def spelled_out(term: str) -> list[str]:
    """What an abbreviation stands for ("ddb": DynamoDB, "efs": Elastic File System): a name is there when
    all these words are."""
    return list(_spelled_out().get(term, ()))


def synonyms(term: str) -> list[str]:
    return list(_synonyms().get(term, ()))
