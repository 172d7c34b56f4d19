"""Regular expressions whose word edges are those of ASCII words.

Python's ``\\b`` sees no edge between "timeout" and 「の」 (both are word characters), so 「visibility
timeoutの」 or 「インバウンドTCP2049」 would hide their English words from a pattern written with it.
"""

from __future__ import annotations

import re

_ASCII_EDGE = r"(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))"


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with every ``\\b`` an edge of an ASCII word."""
    return re.compile(pattern.replace(r"\b", _ASCII_EDGE), flags)


# how something is done, not what or where (「同時に使える」, 「独自にアクセス制御」, 「安全に接続」)
MANNER = r"(?:独自|安全|簡単|直接|自動|手動|同時|一括|個別|柔軟|確実|容易|迅速|高速|\w+的)"

# what something does not support or cover, as a statement says it (「Windowsはサポートしておらず、利用不可」,
# 「暗号化対象ではない」, 「GPUは使用できない」)
DENIED = regex(r"サポートし(?:てい?ない|ておらず)|サポートされ(?:ない|ていない)|未サポート|非対応|利用不可|"
               r"使用不可|対象外|対象ではない|"
               r"使用できない|利用できない|\bnot supported\b|\bcannot\b|\bdoesn'?t support", re.I)

# the sentences of a question, each with its end mark (「…どうなる？」, "… it fails.")
SENTENCE = regex(r"[^？?。!！]+[？?。!！]?")


def questions(text: str) -> list[str]:
    """The sentences of ``text`` that ask (end in a question mark)."""
    return [s for s in SENTENCE.findall(text) if s.rstrip().endswith(("?", "？"))]
