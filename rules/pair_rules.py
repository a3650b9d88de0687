"""Rules about one day and the day before it (the *transition* into a day).

Types (``type = ...`` in a rule file); ``before``, ``after``, ``first`` and ``second`` are
specs (``rules.specs``: ``legs``, ``legs:heavy``, ``run:tempo|intervals``, ``rest``,
``*``):

- ``pair``: fires when the day before matches ``before`` and the day matches ``after``.
- ``load_shift``: the day before works some groups hard, the day works other groups hard
  and none of the first day's: the tired muscles rest while fresh ones work. Optional
  ``before``/``after`` narrow it; ``threshold`` and ``groups`` choose what counts.
- ``load_overlap``: both days work one of ``groups`` at least ``threshold``.
- ``same_day``: the day holds two sessions, the first matching ``first`` and the second
  ``second`` (either way round with ``either_order = true``); ``together = true`` only when
  they are back to back, ``false`` only when apart (6 h or more); left out, either.
(Strains of a session that comes too soon after another, the ``recovery`` type, are
:mod:`rules.strains`.)

Placeholders: ``{before}`` and ``{after}`` (nouns of the matching sessions: "heavy legs",
"the evening easy run", "a rest day"; ``{Before}``/``{After}`` capitalised); for the load
types also ``{groups}`` and ``{Groups}``; for ``same_day`` ``{first}`` and ``{second}``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rules.activities import PlannedDay
from rules.model import Finding
from rules.rule import Rule
from rules.schema import Table
from rules.specs import ANY, Spec
from rules.timeline import name, place
from rules.vocabulary import Vocabulary

Values = dict[str, str]


def noun(day: PlannedDay, spec: Spec, vocab: Vocabulary) -> str:
    """How a sentence names the part of ``day`` that ``spec`` matched: "heavy legs", "the
    evening easy run" (one of two apart), "a rest day"."""
    if day.rest:
        return vocab.profiles[day.activity].noun if day.activity else ""
    placed = place(day, 0, vocab.timeline)
    matched = [p for p in placed if spec.session(p.session)] or list(placed)
    return " and ".join(name(p, vocab) for p in matched)


def nouns(before: str, after: str) -> Values:
    return {
        "before": before,
        "after": after,
        "Before": before[:1].upper() + before[1:],
        "After": after[:1].upper() + after[1:],
    }


def groups_values(vocab: Vocabulary, groups: Sequence[str]) -> Values:
    described = vocab.describe(tuple(groups))
    return {"groups": described, "Groups": described[:1].upper() + described[1:]}


@dataclass(frozen=True)
class PairRule:
    """A rule judged on (day before, day): ``fires`` gives its placeholder values and the
    groups it speaks about, or None."""

    rule: Rule
    before: Spec
    after: Spec
    fires: Callable[[PlannedDay, PlannedDay], tuple[Values, tuple[str, ...]] | None]

    def finding(self, before: PlannedDay, after: PlannedDay, vocab: Vocabulary) -> Finding | None:
        if not self.before.day(before) or not self.after.day(after):
            return None
        found = self.fires(before, after)
        if found is None:
            return None
        values, groups = found
        names = nouns(noun(before, self.before, vocab), noun(after, self.after, vocab))
        return self.rule.finding(names | values, groups=groups)


@dataclass(frozen=True)
class SameDayRule:
    rule: Rule
    first: Spec
    second: Spec
    either_order: bool
    together: bool | None

    def finding(self, day: PlannedDay, vocab: Vocabulary) -> Finding | None:
        if len(day.sessions) != 2:
            return None
        if self.together is not None and day.together != self.together:
            return None
        one, two = day.sessions
        as_written = self.first.session(one) and self.second.session(two)
        swapped = self.either_order and self.first.session(two) and self.second.session(one)
        if not (as_written or swapped):
            return None
        return self.rule.finding(
            {"first": vocab.session(one).noun, "second": vocab.session(two).noun}
        )


def _filters(table: Table, *, required: bool) -> tuple[Spec, Spec]:
    before = table.spec("before") if required or table.has("before") else ANY
    after = table.spec("after") if required or table.has("after") else ANY
    return before, after


def _load_params(table: Table, vocab: Vocabulary) -> tuple[float, tuple[str, ...]]:
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    groups = table.names("groups", vocab.group_ids()) if table.has("groups") else vocab.muscle_ids()
    # Keep vocabulary order whatever order the file lists them in.
    return threshold, tuple(group for group in vocab.group_ids() if group in groups)


def _day_groups(
    vocab: Vocabulary, day: PlannedDay, threshold: float, among: tuple[str, ...]
) -> tuple[str, ...]:
    worked: set[str] = set()
    for session in day.sessions:
        worked.update(vocab.hard_groups(session, threshold, among))
    return tuple(group for group in among if group in worked)


def build_pair(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=True)
    groups = _about(table, vocab)
    return PairRule(rule, before, after, lambda _before, _after: ({}, groups))


def _about(table: Table, vocab: Vocabulary) -> tuple[str, ...]:
    """A pair rule's ``groups``: the groups its advice is about (for the contradiction check
    and the readiness strip); none if left out."""
    if not table.has("groups"):
        return ()
    listed = table.names("groups", vocab.group_ids())
    return tuple(group for group in vocab.group_ids() if group in listed)


def build_load_overlap(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=False)
    threshold, groups = _load_params(table, vocab)

    def fires(first: PlannedDay, second: PlannedDay) -> tuple[Values, tuple[str, ...]] | None:
        hard_first = _day_groups(vocab, first, threshold, groups)
        shared = tuple(g for g in _day_groups(vocab, second, threshold, groups) if g in hard_first)
        return (groups_values(vocab, shared), shared) if shared else None

    return PairRule(rule, before, after, fires)


def build_load_shift(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=False)
    threshold, groups = _load_params(table, vocab)

    def fires(first: PlannedDay, second: PlannedDay) -> tuple[Values, tuple[str, ...]] | None:
        resting = _day_groups(vocab, first, threshold, groups)
        working = _day_groups(vocab, second, threshold, groups)
        if not resting or not working or set(resting) & set(working):
            return None
        return groups_values(vocab, resting), resting

    return PairRule(rule, before, after, fires)


def build_same_day(table: Table, rule: Rule, vocab: Vocabulary) -> SameDayRule:
    together = table.flag("together") if table.has("together") else None
    either = table.flag("either_order") if table.has("either_order") else False
    return SameDayRule(rule, table.spec("first"), table.spec("second"), either, together)


_FILTERS = frozenset({"before", "after"})
_LOADS = _FILTERS | {"threshold", "groups"}
_NAMES = frozenset({"before", "after", "Before", "After"})
_GROUP_NAMES = _NAMES | {"groups", "Groups"}

# type name -> (its own fields, its placeholders, builder)
PAIR_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], PairRule]]
] = {
    "pair": (_FILTERS | {"groups"}, _NAMES, build_pair),
    "load_overlap": (_LOADS, _GROUP_NAMES, build_load_overlap),
    "load_shift": (_LOADS, _GROUP_NAMES, build_load_shift),
}
SAME_DAY_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], SameDayRule]]
] = {
    "same_day": (
        frozenset({"first", "second", "either_order", "together"}),
        frozenset({"first", "second"}),
        build_same_day,
    ),
}
