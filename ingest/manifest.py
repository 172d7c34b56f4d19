"""The manifest diff: what is indexed for a file vs what its text chunks into now -> a plan. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.chunk import Chunk


@dataclass(frozen=True)
class Indexed:
    """What the manifest remembers of one chunk."""

    id: str
    source: str
    slot: str  # source + heading path + position: an edited chunk keeps its slot, changes its id
    hash: str
    start_line: int
    end_line: int


@dataclass
class Plan:
    add: list[Chunk] = field(default_factory=list)  # new ids: need a vector
    relocate: list[Chunk] = field(default_factory=list)  # same id, lines moved: metadata only
    delete: list[str] = field(default_factory=list)
    updated: int = 0  # of ``add``, those replacing a chunk in the same slot (an edit)
    unchanged: int = 0

    def extend(self, other: Plan) -> None:
        self.add += other.add
        self.relocate += other.relocate
        self.delete += other.delete
        self.updated += other.updated
        self.unchanged += other.unchanged

    @property
    def added(self) -> int:
        return len(self.add) - self.updated

    @property
    def removed(self) -> int:
        return len(self.delete) - self.updated


def diff(old: Iterable[Indexed], new: Iterable[Chunk]) -> Plan:
    """Plan the change from ``old`` (manifest rows) to ``new`` (fresh chunks) of the same file(s)."""
    old_by_id = {o.id: o for o in old}
    new = list(new)
    new_ids = {c.id for c in new}
    plan = Plan()
    stale = [o for o in old_by_id.values() if o.id not in new_ids]
    stale_slots = {o.slot for o in stale}
    for c in new:
        before = old_by_id.get(c.id)
        if before is None:
            plan.add.append(c)
            plan.updated += c.slot in stale_slots
        elif (before.start_line, before.end_line) != (c.start_line, c.end_line):
            plan.relocate.append(c)
        else:
            plan.unchanged += 1
    plan.delete = [o.id for o in stale]
    return plan
