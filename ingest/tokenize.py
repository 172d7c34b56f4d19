"""Keyword tokens for Japanese + English notes: SudachiPy normalised forms, ASCII terms kept whole.

Used on both sides of the keyword index (chunks at ingest, questions at ask), so both always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Bump when ``terms`` changes what it makes of a text: an ingest then re-indexes every chunk's keywords
# (not its vector), so questions and notes are tokenised alike.
VERSION = "10"  # 2: "GPUs" -> gpu, "s" ("What's") is a stop word; 3: a letter among Japanese (「a」) is a term;
# 4: … among kana or kanji only (not after ’), the letters of English contractions (I'd, don't) are stop words;
# 5: a dash typed for the long vowel inside a katakana word is ー (「セキュリティグル－プ」, 「メッセ―ジ」); 6: … a
# full-width one only, not "-"; 7: a British -iser/-isation is -izer/-ization; 8: λ is lambda; 9: a CJK radical
# supplement character is its kanji (「冗⻑」 is 「冗長」); 10: a compound's parts are stemmed as words are
# ("accounts/Regions": account, region)

# ASCII terms such as SQS, FIFO, --page-size, Lambda@Edge, 256KB, s3:PutObject stay whole (case-folded).
_ASCII = re.compile(r"-{0,2}[a-z0-9](?:[a-z0-9_.\-/@:+]*[a-z0-9])?")
# GPUs, AMIs, VPCs (「GPUsを使う」 too): the stemmer keeps "us", "is"
_ACRONYM_PLURAL = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]+)s(?![A-Za-z0-9])")
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff]")  # kana, kanji, 「」: not ’ ("What’s")
# the nearest letter on either side of a word, past punctuation (「d：標準…」, "I'd like", "What’s new")
_PUNCT_BEFORE = re.compile(r"(\w)[^\w\s]{0,2}\Z")
_PUNCT_AFTER = re.compile(r"[^\w\s]{0,2}(\w)")
_ASCII_PARTS = re.compile(r"[a-z]+|[0-9]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# a full-width hyphen (－) or a horizontal bar (―) between katakana is a mistyped ー (read before NFKC makes
# － "-"); a minus sign (−) or "-" joins two words there (「オンプレミス−クラウド間」, 「パブリック-プライベート」)
_LONG_VOWEL = re.compile(r"(?<=[ァ-ヶ])[－―](?=[ァ-ヶ])")
# CJK Radicals Supplement characters that stand for a common kanji, which NFKC leaves alone
_RADICALS = str.maketrans("⺠⺟⻄⻑⻘⻝⻤⻩⻭⻯⻲", "民母西長青食鬼黄歯竜亀")
# Sudachi refuses input over 49,149 bytes; a run is cut into pieces of at most 4 * this many bytes.
_SUDACHI_MAX_CHARS = 12_000

_KEEP_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "接尾辞", "接頭辞", "代名詞"})
_STOP = frozenset({
    "する", "ある", "いる", "なる", "できる", "れる", "られる", "こと", "もの", "よう", "ため", "これ",
    "それ", "あれ", "どれ", "何", "なに", "どう", "どの", "どんな", "とき", "時", "場合", "的", "について",
    "とは", "いう", "言う", "おく", "くる", "みる", "など", "等", "上", "中", "さ", "方", "為る", "有る",
    "居る", "成る", "出来る", "無い", "ない", "此れ", "其れ", "如何",
})
_ASCII_STOP = frozenset({
    "a", "an", "s", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "it", "its", "by",
    "with", "what", "which", "how", "when", "does", "do", "can", "i", "you", "my", "me", "as", "at",
    "that", "this", "there", "from", "if", "should", "use", "used", "using", "about", "was", "were", "will",
    "d", "ll", "m", "re", "t", "ve",  # I'd, we'll, I'm, you're, don't, I've
})


@lru_cache(maxsize=1)
def _sudachi():
    from sudachipy import Dictionary, SplitMode

    return Dictionary().tokenizer(mode=SplitMode.C), SplitMode.A


_BRITISH = re.compile(r"(?<=[a-z]{3})is(er|ers|ation|ations)$")


def normalize(text: str) -> str:
    """NFKC + case fold: full-width ＳＱＳ and sqs become the same term; a dash typed for ー between katakana
    is ー (「セキュリティグル－プ」 is 「セキュリティグループ」); a radical copied out of a PDF is its kanji (NFKC
    maps the Kangxi radicals, 「⽤」, not the supplement's: 「冗⻑構成」)."""
    return unicodedata.normalize("NFKC", _LONG_VOWEL.sub("ー", text)).translate(_RADICALS).lower()


def _japanese_terms(run: str) -> Iterator[tuple[str, list[str]]]:
    tokenizer, mode_a = _sudachi()
    for m in tokenizer.tokenize(run):
        if m.part_of_speech()[0] not in _KEEP_POS:
            continue
        form = m.normalized_form().lower()
        parts = m.split(mode_a)
        # compounds also carry their parts: 可視性タイムアウト -> 可視, 性, タイム, アウト
        sub = [p.normalized_form().lower() for p in parts
               if p.part_of_speech()[0] in _KEEP_POS and p.normalized_form() not in _STOP] if len(parts) > 1 else []
        if form not in _STOP or sub:
            yield form, sub


def _stem(term: str) -> str:
    """Plural/3rd-person 's' only: "queues" and "queue" meet; anything cleverer hurts AWS names. A British
    noun is the American one ("authoriser", "optimisation"): the notes and AWS write -izer, -ization."""
    term = _BRITISH.sub(r"iz\1", term)
    if len(term) > 3 and term.isalpha() and term.endswith("s") and not term.endswith(("ss", "us", "is")):
        return term[:-1]
    return term


def _among_japanese(text: str, start: int, end: int) -> bool:
    """Whether a word stands among Japanese (「a」, 「インスタンスのaは」, 「d：標準」), where a letter is a
    name, not the English article or a contraction's."""
    before = _PUNCT_BEFORE.search(text, 0, start)
    after = _PUNCT_AFTER.match(text, end)
    return any(m and _JAPANESE.match(m.group(1)) for m in (before, after))


def terms(text: str) -> list[tuple[str, list[str]]]:
    """(term, its parts) in order: a compound or ASCII term with the smaller terms inside it."""
    # λ: the notes' shorthand for Lambda ("CRON job triggering (via EventBridge) a λ"), a symbol to Sudachi
    text = normalize(_ACRONYM_PLURAL.sub(r"\1", text.replace("λ", " lambda ")))
    out: list[tuple[str, list[str]]] = []
    for m in _ASCII.finditer(text):
        term = m.group().lstrip("-") if m.group().startswith("-") and len(m.group()) < 3 else m.group()
        if term in _ASCII_STOP and not (len(term) == 1 and _among_japanese(text, m.start(), m.end())):
            continue
        parts = _ASCII_PARTS.findall(term)
        # a letter of a compound is a term of its own (c5a, 「a:amdのcpu」): the option letters of a type
        out.append((_stem(term),
                    [_stem(p) for p in parts if p not in _ASCII_STOP or len(p) == 1] if len(parts) > 1 else []))
    for run in _NON_ASCII_RUN.findall(text):
        for i in range(0, len(run), _SUDACHI_MAX_CHARS):
            out.extend(_japanese_terms(run[i : i + _SUDACHI_MAX_CHARS]))
    return out


def tokens(text: str) -> list[str]:
    """Index terms of ``text``, parts included (with repeats, in order)."""
    return [t for term, parts in terms(text) for t in (term, *parts) if t not in _STOP]
