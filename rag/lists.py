"""Lists in answers: a list asked for whole (「全部挙げて」), and two items of a list standing for it.

Pure: statements in, statements out. A list is the items (lines with a list marker) under one parent
item, or at the top of a section.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from rag.statements import Statement

# a question for every item of something: 「全部挙げて」, 「何種類ある？」, "list every one", "what are all the";
# not 「全部で何日」 (in all)
_EVERY_ITEM = re.compile(r"全部(?!で)|全て|すべて|一覧|挙げ|列挙|リストアップ|何種類|どんな種類|種類(?:は|って|を)|"
                         r"それぞれ|"
                         r"\b(?:list|enumerate|name)\s+(?:all|every|each|the)\b|\ball (?:the|of the|its)\b|"
                         r"\bevery one\b|\bwhat (?:types|kinds) of\b", re.I)
MIN_LIST = 3  # items: two are a pair (「Push」 and 「Pull」), answered by the best statements
MAX_LIST = 8  # items: more are a section's notes in bullets (Lambda's 20), not a list of things of a kind
LIST_CHARS = 300  # the line of a whole list
LIST_HEAD_CHARS = 60  # a longer parent item is a sentence, not a name for its list


def asks_every_item(question: str) -> bool:
    return _EVERY_ITEM.search(question) is not None


def completed_lists(chosen: list[Statement], candidates: list[Statement]) -> list[Statement]:
    """Two items of one list stand for the list: their parent item with every item, when all fit on its
    line (「Default」 and 「Custom」 chosen, 「Partner」 is the third of the 「Event Buses Types:」); not
    items with sub-items of their own (「Pushモデル」, 「Pull」: the parent's line would drop what they say)."""
    branches = {(u.hit_rank, *u.context) for u in candidates if u.children}
    parents = {key: u for u in candidates if u.children and (key := (u.hit_rank, *u.context, u.text)) not in branches}
    siblings = Counter((u.hit_rank, *u.context) for u in chosen if u.context)
    out: list[Statement] = []
    for u in chosen:
        key = (u.hit_rank, *u.context)
        parent = parents.get(key) if siblings[key] >= 2 else None
        if parent is not None and len(parent.with_children()[1]) == len(parent.children):
            u = parent
        if u not in out:
            out.append(u)
    return out


def whole_list(scored: list[tuple[float, int, Statement]]) -> tuple[Statement, set[str]] | None:
    """For a question asking for every item of something (「全部挙げて」, "list every one"): the list the
    best statement of the top section heads (「Event Buses Types:」) or is an item of (「加重ルーティング」),
    as one line: its parent item, or the section's heading, then every item in order (Route 53's five
    routing policies, Lambda's four use cases), with the lines it shows."""
    top = [(i, u) for _, i, u in scored if u.hit_rank == 0]  # best first
    if not top:
        return None
    best = top[0][1]
    siblings = {u.context: [] for _, u in top}
    for _, u in sorted(top, key=lambda x: x[0]):
        if u.item:
            siblings[u.context].append(u)
    own = (*best.context, best.text)
    if MIN_LIST <= len(siblings.get(own, ())) <= MAX_LIST:
        head, items = best, siblings[own]
    elif MIN_LIST <= len(siblings[best.context]) <= MAX_LIST:  # an item, or the line leading them (「…作成可能」)
        head, items = next((u for _, u in top if (*u.context, u.text) == best.context), None), siblings[best.context]
    else:
        return None
    shown = {u.text for u in items} | ({head.text} if head else set())
    if head is None or len(head.text) > LIST_HEAD_CHARS:  # the section names a list its long sentence leads
        head = replace(items[0], text=items[0].section, context=(), item=False)
    return replace(head, children=tuple(u.text for u in items), children_chars=LIST_CHARS), shown
