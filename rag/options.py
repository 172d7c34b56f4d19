"""The answer options of an exam question: 「…デフォルト値は？ A) 0秒 B) 30秒 C) 60秒」,
"Which SageMaker capability? (a) Model Monitor (b) Clarify", 「どれ？ 1) ALB 2) NLB」.

Pure: question text in, (stem, options) out. The options are searched and ranked with; the stem alone
says what the question is about (a distractor the notes never write is no subject of theirs).
"""

from __future__ import annotations

import re
from itertools import pairwise

_MARK = re.compile(r"(?:^|(?<=[\s?？:：、,]))[(（]?([A-Ea-e1-5])[)）]\s*")


def split_options(text: str) -> tuple[str, str]:
    """(the question before its options, the options joined by " / "); ("", "") when it offers none: a
    mark "a)", "(A)" or "1)" followed by the next one, after a question and with no question after them
    (「質問: 1) 静的IP 2) ロードバランサーはLightsailで使える？」 is a list, then the question)."""
    marks = list(_MARK.finditer(text))
    for m, n in pairwise(marks):
        first, second = m.group(1).lower(), n.group(1).lower()
        if first in "a1" and ord(second) == ord(first) + 1:
            stem, rest = text[: m.start()].strip(), text[m.start() :]
            if not re.search(r"\w", stem) or re.search(r"[?？]", rest):
                return "", ""
            options = " ".join(_MARK.sub(" / ", rest).split()).strip(" /")  # "Nitro-based / Xen-based"
            return stem, options
    return "", ""
