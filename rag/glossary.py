"""Cross-lingual and synonym keyword help: the words a note might use for a word of the question.

The dense model is multilingual, but the keyword index only matches what is written. An English word
(after the tokenizer's light stemming) brings the Japanese terms a note would use for it; a Japanese term
brings the English words whose entry names it (「デフォルトで有効？」 over the English note's "Enabled by
default") and its note-style synonyms (書く -> 記述).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from ingest.tokenize import normalize, terms, tokens
from rag.glossary_terms import ABBREVIATIONS, GLOSSARY, KATAKANA_NAMES, ONE_WAY, SPELLED_OUT, SYNONYMS


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
    return _keyed({**GLOSSARY, **ONE_WAY, **ABBREVIATIONS})


@cache
def _spelled_out() -> dict[str, tuple[str, ...]]:
    return _keyed({**SPELLED_OUT, **ABBREVIATIONS})


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    return _keyed(SYNONYMS)


def base_forms(word: str) -> list[str]:
    """What an inflected English word may be the form of: "retained" -> retain, "configured" ->
    configure, "stopped" -> stop, "queries" (stemmed "querie") -> query. The tokenizer strips only a
    plural "s"; the glossary keys base forms."""
    out = []
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            out += [stem, f"{stem}e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    if word.endswith(("ie", "ied")) and len(word) > 4:
        out.append(word[: word.rindex("i")] + "y")
    return out


def inflections(word: str) -> list[str]:
    """An English word's past forms a note may write instead, or its base ("replay": replayed; "archive":
    archived; "archived": archive). Not -ing: "scale" would be the "scaling" of every Auto Scaling line."""
    if not (word.isascii() and word.isalpha() and len(word) >= 4) or word.endswith("ing"):
        return []
    if word.endswith("ed"):
        return base_forms(word)
    return [f"{word[:-1] if word.endswith('e') else word}ed"]


def translations(term: str) -> list[str]:
    """The other language's words for ``term`` (an index term from ``ingest.tokenize``); an English word
    missing from the glossary is looked up by its base form."""
    if not term.isascii():
        return list(_reverse().get(term, ()))
    table = _forward()
    return list(next((table[w] for w in (term, *base_forms(term)) if w in table), ()))


def with_translations(found: Iterable[str]) -> frozenset[str]:
    """Index terms with the index terms of their other-language words ("port": ポート): what a note may
    write them as."""
    own = frozenset(found)
    return own | {t for term in own for word in translations(term) for t in tokens(word)}


def is_glossary_word(term: str) -> bool:
    """Whether ``term`` is an English word the glossary keys (as written, not by its base form)."""
    return term in _forward()


@cache
def _abbreviations() -> dict[str, tuple[str, ...]]:
    """One-word names -> how notes abbreviate them (sagemaker: SM, as in "SM InvokeEndpoint calls")."""
    out: dict[str, list[str]] = defaultdict(list)
    for short, full in ABBREVIATIONS.items():
        if len(found := terms(full)) == 1:
            out[found[0][0]].append(short)
    return {t: tuple(shorts) for t, shorts in out.items()}


def abbreviations(term: str) -> list[str]:
    return list(_abbreviations().get(term, ()))


@cache
def _katakana_names() -> re.Pattern[str]:
    # longest first; not the start of a longer word (コードグル|ープ), nor the デフォ of デフォルト
    names = "|".join(re.escape(k) for k in sorted(KATAKANA_NAMES, key=len, reverse=True))
    return re.compile(f"(?:{names})(?![ーァィゥェォャュョッ])(?<!デフォ(?=ルト))")


def romanized(text: str) -> str:
    """``text`` with service names typed in katakana written as the notes write them (「ラムダの上限」:
    「Lambdaの上限」), spaced from ASCII neighbours (「ルート53」: "Route 53") and from each other. Matched after NFKC
    (「ルート５３」, half-width ｶﾅ); text without such a name is returned as it was."""
    norm = unicodedata.normalize("NFKC", text)

    def name(m: re.Match[str]) -> str:
        before, after = norm[m.start() - 1 : m.start()], norm[m.end() : m.end() + 1]
        space = [" " if c.isascii() and c.isalnum() else "" for c in (before, after)]
        if _katakana_names().match(norm, m.end()):  # 「セージメーカークラリファイ」: "SageMaker Clarify"
            space[1] = " "
        return f"{space[0]}{KATAKANA_NAMES[m.group()]}{space[1]}"

    out = _katakana_names().sub(name, norm)
    return out if out != norm else text


@cache
def _written() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for table in (SPELLED_OUT, ABBREVIATIONS):
        for short, full in table.items():
            for term, _ in terms(short)[:1]:
                out.setdefault(term, tuple(name.strip() for name in full.split(" / ")))
    return out


def written_forms(term: str) -> list[str]:
    """The names an abbreviation stands for, each as the phrase the notes would write ("nlb": "Network
    Load Balancer", not each of its words; "lb": ELB or ロードバランサー)."""
    return list(_written().get(term, ()))


def spelled_out(term: str) -> list[str]:
    """What an abbreviation stands for ("ddb": DynamoDB, "efs": Elastic File System): a name is there when
    all these words are."""
    return list(_spelled_out().get(term, ()))


def synonyms(term: str) -> list[str]:
    return list(_synonyms().get(term, ()))


def _edge(ch: str) -> str:
    """What may not touch a form at an end starting or ending with ``ch``: a letter for an English word,
    katakana for a loanword (「スプレッド」 is not 「スプレッドシート」)."""
    return "a-z" if ch.isascii() and ch.isalpha() else "ァ-ヶー" if "ァ" <= ch <= "ヶ" or ch == "ー" else ""


def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``forms`` as a whole word in ``normalize``d text."""
    parts = []
    for form in forms:
        f = normalize(form)
        before, after = _edge(f[0]), _edge(f[-1])
        parts.append((rf"(?<![{before}])" if before else "") + re.escape(f) + (rf"(?![{after}])" if after else ""))
    return re.compile("|".join(parts))


def feature_patterns(table: tuple[tuple[str, ...], ...]) -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
    """Each feature of ``table`` (its forms) with the pattern that finds it in a question."""
    return [(forms, _forms_pattern(forms)) for forms in table]
