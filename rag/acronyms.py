"""What an acronym stands for: 「VGWって何の略？」 is answered only where the notes spell VGW out.

The notes use many acronyms without expanding them (VGW, NACL, HVM); a section that merely uses one
holds every word of the question and would be cited as its answer. An expansion is written either as
words whose initials spell the acronym ("Load Balancer Capacity Units（LCU）", "MPP : Massive Parallel
Processing") or as Japanese beside it in brackets (「ハイパフォーマンスコンピューティング (HPC)」).
"""

from __future__ import annotations

import re

from ingest.indexdb import IndexDB
from ingest.tokenize import tokens

EXPANSION_CHUNKS = 20  # chunks holding the acronym that are read for its expansion
_ASKS = re.compile(r"何の略|略語|略称|正式名称|\bstands? for\b|\bshort for\b|\babbreviat|\bacronym", re.I)
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9-]{1,7}(?![A-Za-z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{4,}")


def asked_acronym(question: str) -> str | None:
    """The acronym whose expansion the question asks for: the last one before 何の略 / "stand for"."""
    cue = _ASKS.search(question)
    if not cue:
        return None
    found = [m.group() for m in _ACRONYM.finditer(question, 0, cue.start())]
    return found[-1] if found else None


def _initials(acronym: str, words: list[str]) -> bool:
    """Whether capitalised words from the first spell ``acronym`` by their initials, one word at most
    left out ("Load Balancer Capacity Units" is LCU)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not words or words[0][0] != letters[0]:
        return False
    at = 1
    for word in words[1:len(letters) + 1]:
        if at == len(letters):
            break
        if word[0] == letters[at]:
            at += 1
    return at == len(letters)


def expands(acronym: str, text: str) -> bool:
    """Whether ``text`` spells ``acronym`` out."""
    words = _WORD.findall(text)
    if any(_initials(acronym, words[i:]) for i in range(len(words)) if words[i].upper() != acronym.upper()):
        return True
    a = re.escape(acronym)
    beside = re.compile(rf"{a}\s*[（(]([^）)]+)[）)]|([^\s（(]+)\s*[（(]\s*{a}\s*[）)]")
    return any(_JAPANESE.search(m.group(1) or m.group(2)) for m in beside.finditer(text))


def unexpanded(question: str, db: IndexDB) -> list[str]:
    """The acronym the question asks to have spelled out, as an index term, when the notes use it and
    spell it out in none of the first ``EXPANSION_CHUNKS`` chunks holding it nor in an empty heading
    (「### AWS Identity and Access Management (IAM)」). A name they never write is for
    ``Query.unknown_names``; one with a digit (S3, EC2) is a name, not letters to spell out."""
    acronym = asked_acronym(question)
    if acronym is None or any(c.isdigit() for c in acronym) or not (term := tokens(acronym)[:1]):
        return []
    if not (texts := db.texts(term[0], EXPANSION_CHUNKS)):
        return []
    texts += [path[-1] for _, _, path, title in db.bare_headings() if term[0] in title]
    return [] if any(expands(acronym, t) for t in texts) else term
