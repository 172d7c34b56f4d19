"""Misspelt names: "Lamdba" is lambda, when the index holds exactly one term one edit away (a letter
changed, added or dropped, or two neighbours swapped); "Code Guru" is codeguru, when the notes write the
two words as one.

A name the notes never write makes a question unanswerable (``Query.unknown_names``); a typo must not.
Only long, unknown, non-dictionary words are read as another term, and never by changing a digit
(ap-northeast-3 is not ap-northeast-1, NFSv4.0 not NFSv4.1).
"""

from __future__ import annotations

import re

from ingest.indexdb import IndexDB
from ingest.tokenize import terms
from rag.glossary import is_glossary_word, translations
from rag.glossary_terms import OTHER_FULL_NAMES, SERVICE_NAMES, SPELLED_OUT

MIN_TYPO_LENGTH = 6  # shorter words are too close to each other (ECR/ECS/EKS, stage/state)


_LETTERS = "abcdefghijklmnopqrstuvwxyz-"


def _one_edit_away(term: str) -> set[str]:
    """Every word one edit from ``term`` that changes no digit (~350 for six letters), looked up in the
    index by equality: the cost does not grow with the notes, as a scan of the vocabulary would."""
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    out = {a + b[1:] for a, b in splits if b and not b[0].isdigit()}
    out |= _swaps(term)
    out |= {a + c + b[1:] for a, b in splits if b and not b[0].isdigit() for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(term)
    return out


def _swaps(term: str) -> set[str]:
    """``term`` with two neighbouring letters swapped (never a digit)."""
    return {term[:i] + term[i + 1] + term[i] + term[i + 2:] for i in range(len(term) - 1)
            if not (term[i].isdigit() or term[i + 1].isdigit())} - {term}


def _unwritten(word: str, db: IndexDB, shortest: int, longest: int | None = None) -> str | None:
    """The index term of ``word`` when it is one term, of ``shortest`` to ``longest`` letters, that the
    notes never write."""
    found = [t for t, _ in terms(word)]
    if len(found) != 1 or not shortest <= len(term := found[0]) <= (longest or len(term)):
        return None
    return None if db.doc_freq(found)[0] else term


def _unknown(word: str, db: IndexDB) -> str | None:
    """The index term of ``word`` when it may be a misspelling: one term, long, neither a glossary word
    nor written in the notes."""
    term = _unwritten(word, db, MIN_TYPO_LENGTH)
    return None if term is None or translations(term) else term


_CAMEL_PART = re.compile(r"[A-Z][a-z]*|[a-z]+|\d+")


def near_terms(term: str, db: IndexDB) -> list[str]:
    """The index terms one edit from ``term`` (the notes' own misspellings of a name: Congito, Farget)."""
    return sorted(db.doc_freq(sorted(_one_edit_away(term)))[0])


def respelled(word: str, db: IndexDB) -> str | None:
    """The index term a misspelt name stands for: the notes' hyphenated spelling of a name typed in
    CamelCase ("HalfAtATime": half-at-a-time), or the one term an edit away."""
    if (term := _unknown(word, db)) is None:
        return None
    hyphenated = "-".join(_CAMEL_PART.findall(word)).lower()
    if hyphenated != term and db.doc_freq([hyphenated])[0]:
        return hyphenated
    near = near_terms(term, db)
    # several terms near: the one that is a service's name ("Fargete": Fargate, not the notes' own
    # misspelling Farget)
    services = [t for t in near if t in SERVICE_NAMES]
    if len(near) == 1 or len(services) == 1:
        return (services or near)[0]
    return None


def respelled_word(word: str, db: IndexDB) -> str | None:
    """The glossary word a misspelt English word stands for, by two neighbouring letters swapped
    ("defualt": default), when the notes never write the word as typed. Other edits are not tried:
    real words outside the glossary are one letter from glossary words ("warning": warming, "router":
    route)."""
    if (term := _unknown(word, db)) is None:
        return None
    near = [w for w in _swaps(term) if is_glossary_word(w)]
    return near[0] if len(near) == 1 else None


def swapped_name(word: str, beside: list[str], db: IndexDB) -> str | None:
    """The notes' own slip of a short name, two neighbouring letters swapped (「TSLで暗号化」 for TLS), when
    they write it in a chunk with another name of the question (EFS's mount helper); a short name is
    too close to others to be read as one written anywhere (SSM is not the SMS of another section)."""
    if (term := _unwritten(word, db, 3, MIN_TYPO_LENGTH - 1)) is None or not term.isalpha():
        return None
    # a slip is written once, and is no service's name (SSE is no SES, PVC no VPC) nor a name the
    # question writes too (「ELTとETLの違い」)
    df, _ = db.doc_freq(sorted(_swaps(term)))
    near = [s for s, n in df.items() if n == 1 and s not in SERVICE_NAMES and s not in beside
            and any(db.cooccurring_chunks((s, b)) for b in beside)]
    return near[0] if len(near) == 1 else None


def joined(first: str, second: str, db: IndexDB) -> str | None:
    """The index term two names written apart stand for ("Code Guru": codeguru), when the notes write
    them as one word and not both apart."""
    parts = [t for word in (first, second) for t, _ in terms(word)]
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return None
    df, _ = db.doc_freq([*parts, whole := "".join(parts)])
    return whole if df.get(whole) and not all(df.get(p) for p in parts) else None


# full name -> abbreviation: SPELLED_OUT's abbreviations of several-word names (not CDN's CloudFront, nor
# EventBridge's former name), and the other spellings people type
_FULL_NAMES = {**{full.lower(): short.upper() for short, full in SPELLED_OUT.items()
                  if len(short) <= 4 and " " in full}, **OTHER_FULL_NAMES}
_FULL_NAME = re.compile(r"(?<![A-Za-z])(?:{})(?![A-Za-z])".format(
    "|".join(r"\s+".join(map(re.escape, name.split()))
             for name in sorted(_FULL_NAMES, key=len, reverse=True))), re.I)  # the longest first


def abbreviated(text: str, db: IndexDB) -> list[tuple[str, str]]:
    """The full service names in ``text`` that the notes never write as such, each with the abbreviation they
    write ("Elastic Block Store": EBS; "Simple Storage Service": S3, though they write each word elsewhere)."""
    out = []
    for m in _FULL_NAME.finditer(text):
        short = _FULL_NAMES[" ".join(m.group().lower().split())]
        words = [t for t, _ in terms(m.group())]
        df, _ = db.doc_freq([short.lower()])
        if df.get(short.lower()) and not db.phrase_chunks(tuple(words)):
            out.append((m.group(), short))
    return out
