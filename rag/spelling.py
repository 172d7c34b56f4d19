"""Misspelt names: "Lamdba" is lambda, when the index holds exactly one term that close.

A name the notes never write makes a question unanswerable (``Query.unknown_names``); a typo must not.
Only long, unknown, non-dictionary words are read as another term, and never by changing a digit
(ap-northeast-3 is not ap-northeast-1, NFSv4.0 not NFSv4.1).
"""

from __future__ import annotations

from ingest.indexdb import IndexDB
from ingest.tokenize import terms
from rag.glossary import translations

MIN_TYPO_LENGTH = 6  # shorter words are too close to each other (ECR/ECS/EKS, stage/state)


def one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return (a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]
            or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1]))


def _digits_differ(a: str, b: str) -> bool:
    return sorted(c for c in a if c.isdigit()) != sorted(c for c in b if c.isdigit())


def respelled(word: str, db: IndexDB) -> str | None:
    """The index term a misspelt name stands for, when exactly one is an edit away."""
    found = [t for t, _ in terms(word)]
    if len(found) != 1 or len(term := found[0]) < MIN_TYPO_LENGTH or translations(term) or db.doc_freq(found)[0]:
        return None
    near = [t for t in db.terms_like(term) if one_edit(term, t) and not _digits_differ(term, t)]
    return near[0] if len(near) == 1 else None
