"""The exact search behind ``suggest``: a best-first search over the week, day by day.

Why this shape. The score (``rules.engine``) is a sum: the week's own findings, which
depend only on which days the week holds (its *composition*: how the sessions are grouped
into days, whatever their order), plus one term per day, the transition into it, which
depends only on that day and the few before it (``points_reach``: two days for the
shipped strains). So:

1. every composition of the request is listed once, with its week points ``W`` (judged by
   the engine, once per composition);
2. a single priority queue holds partial weeks of every composition, keyed by an upper
   bound on any completion: ``W`` + the transitions so far + the most the transitions
   still to come can earn. That is, for each day still to place, what its own two
   sessions cost at best (a transition never earns more than the same day after nothing,
   since an earlier session can only add a strain), plus a user's pros at their most
   (the shipped transitions only cost);
3. what is popped first is expanded first; a complete week popped has the highest score
   any week still in the queue can reach, so weeks come out best first, and among equal
   bounds in the documented tie order (the key pads a partial week with the lowest tie
   values, so it is expanded before any complete week it could tie and precede).

Only the partial weeks that could still beat the answer are ever expanded: a request of
twelve sessions, two a day, expands a few hundred nodes, not the millions of
arrangements. The points of a transition come from the engine's own function on the same
window of days ``judge`` reads, so nothing here restates a rule.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from planner.days import DAYS_IN_WEEK
from planner.suggest.request import SuggestRequest, session_key
from rules import Goal, Kind, KnowledgeBase, PlannedDay, Rule, Session
from rules.engine import transition_findings, week_findings_of
from rules.timeline import HOURS_PER_DAY

Week = tuple[PlannedDay, ...]
# A day's sessions as a composition counts them: () rest, (s,) or (a, b) sorted.
Group = tuple[Session, ...]
# The tie order of a week (search.tie_key), for a partial week padded with the lowest
# values, so it sorts before every week that completes it.
TieKeys = Callable[[Sequence[PlannedDay]], tuple[object, ...]]


@dataclass(frozen=True)
class Found:
    """A complete week the search proved to be in score order: ``raw`` is what the
    engine's reasons add up to before the 0..100 scale."""

    raw: int
    days: Week


def points_reach(kb: KnowledgeBase, goal: Goal) -> int:
    """How many days before a transition its *points* can depend on for ``goal``: rules
    that only give tips (and override nothing) are left out."""
    timeline = kb.vocabulary.timeline
    spread = max(timeline.single, timeline.evening) - min(timeline.single, timeline.morning)
    reach = 0
    if any(any(rule.weights[goal]) for rule in kb.strains.rules):
        reach = (kb.strains.reach_hours + spread - 1) // HOURS_PER_DAY
    for pair in kb.pair_rules:
        if _counts(pair.rule, goal):
            reach = max(reach, 1)
    for pattern in kb.pattern_rules:
        if _counts(pattern.rule, goal):
            reach = max(reach, pattern.span)
    return reach


def _counts(rule: Rule, goal: Goal) -> bool:
    """Whether a rule can change a transition's points: it weighs something for the goal,
    or overrides another rule's finding."""
    return bool(rule.overrides) or (rule.weights is not None and rule.weights[goal] > 0)


def most_pros(kb: KnowledgeBase, goal: Goal) -> int:
    """The most points one transition can earn: every pro that could fire on it."""
    rules = [p.rule for p in (*kb.pair_rules, *kb.same_day_rules, *kb.pattern_rules)]
    return sum(
        rule.weights[goal] for rule in rules if rule.kind is Kind.PRO and rule.weights is not None
    )


def groups_of(request: SuggestRequest, free: int) -> Iterator[tuple[Group, ...]]:
    """Every composition of the free days: a multiset of ``free`` groups (rest, one
    session, or with two a day two sessions of different kinds) holding exactly the
    sessions left to place, with enough rest days. Each once, in a fixed order."""
    left = +request.free_counts()
    pinned_rest = sum(1 for day in request.pins.values() if day.is_rest)
    rest_needed = max(0, request.rest_min - pinned_rest)
    sessions = sorted(left, key=session_key)
    options: list[Group] = [(), *((s,) for s in sessions)]
    if request.max_per_day == 2:
        options += [
            (a, b) for a, b in itertools.combinations(sessions, 2) if a.kind is not b.kind
        ]
    chosen: list[Group] = []

    def fill(start: int, days_left: int, rests: int) -> Iterator[tuple[Group, ...]]:
        total = sum(left.values())
        if days_left == 0:
            if total == 0 and rests >= rest_needed:
                yield tuple(chosen)
            return
        if total > days_left * request.max_per_day:
            return
        for index in range(start, len(options)):
            group = options[index]
            if any(left[s] <= 0 for s in group):
                continue
            if len(group) == 2 and group[0] == group[1]:
                continue
            left.subtract(group)
            chosen.append(group)
            yield from fill(index, days_left - 1, rests + (not group))
            chosen.pop()
            left.update(group)

    yield from fill(0, free, 0)


def _orders(group: Group) -> tuple[PlannedDay, ...]:
    """The days a group can be: its two sessions either way round, apart."""
    if not group:
        return (PlannedDay.REST,)
    if len(group) == 1:
        return (PlannedDay(group),)
    return (PlannedDay(group), PlannedDay((group[1], group[0])))


@dataclass(frozen=True, slots=True)
class _Node:
    composition: int
    position: int
    days: Week
    transitions: int
    week: int
    remaining: tuple[tuple[Group, int], ...]
    replaced: frozenset[str]
    # The most the unplaced free days can still earn, each alone (Search._alone_best).
    ahead: int


class Search:
    """One request, with the context days before the week, for one goal."""

    def __init__(
        self,
        request: SuggestRequest,
        context: Sequence[PlannedDay | None],
        knowledge: KnowledgeBase,
        goal: Goal,
        tie: TieKeys,
    ) -> None:
        self.kb = knowledge
        self.goal = goal
        self.tie = tie
        self.pins = dict(request.pins)
        self.context = [day if day is not None else PlannedDay.UNPLANNED for day in context]
        self.reach = points_reach(knowledge, goal)
        self.pros = most_pros(knowledge, goal)
        free = DAYS_IN_WEEK - len(self.pins)
        self.compositions = list(groups_of(request, free))
        self._points: dict[tuple[tuple[int, ...], frozenset[str]], int] = {}
        self._alone: dict[Group, int] = {}

    def _week(self, groups: tuple[Group, ...]) -> tuple[int, frozenset[str]]:
        days = [day for group in groups for day in _orders(group)[:1]]
        days += list(self.pins.values())
        findings = week_findings_of(self.kb, days, DAYS_IN_WEEK, self.goal)
        return sum(f.points for f in findings), self.kb.overridden(findings)

    def _transition(self, window: tuple[PlannedDay, ...], inside: bool, replaced: frozenset[str]) -> int:
        """The points of the transition into the last day of ``window`` (the days its
        points can depend on), without the findings the week's own override."""
        ids = tuple(self.kb.day_id(day) for day in window)
        key = (ids, replaced if inside else frozenset())
        known = self._points.get(key)
        if known is None:
            findings = transition_findings(self.kb, window, ids, len(window) - 1, self.goal)
            known = sum(
                f.points for f in findings if not (inside and f.rule_id in key[1])
            )
            self._points[key] = known
        return known

    def _alone_best(self, group: Group) -> int:
        """The most a day holding ``group`` can score after an unplanned day: what its own
        sessions cost in their better order; no earlier day can make it score more."""
        known = self._alone.get(group)
        if known is None:
            empty = (PlannedDay.UNPLANNED,) * self.reach
            known = self._alone[group] = max(
                self._transition((*empty, day), False, frozenset()) for day in _orders(group)
            )
        return known

    def best(
        self, enough: Callable[[list[Found]], bool], deadline: float | None = None
    ) -> tuple[list[Found], bool]:
        """Pop complete weeks best first until ``enough`` returns True for the list so far,
        or the deadline passes (then False: the list may not be the best)."""
        queue: list[tuple[tuple[object, ...], int, _Node]] = []
        counter = itertools.count()
        for index, groups in enumerate(self.compositions):
            week_points, replaced = self._week(groups)
            remaining = Counter(groups)
            ahead = sum(self._alone_best(group) for group in groups)
            node = _Node(
                index, 0, (), 0, week_points, tuple(remaining.items()), replaced, ahead
            )
            heapq.heappush(queue, (self._key(node), next(counter), node))
        found: list[Found] = []
        pops = 0
        while queue:
            _, _, node = heapq.heappop(queue)
            if len(node.days) == DAYS_IN_WEEK:
                found.append(Found(node.week + node.transitions, node.days))
                if enough(found):
                    return found, True
                continue
            pops += 1
            if deadline is not None and pops % 64 == 0 and time.monotonic() > deadline and found:
                return found, False
            for child in self._children(node):
                heapq.heappush(queue, (self._key(child), next(counter), child))
        return found, True

    def _key(self, node: _Node) -> tuple[object, ...]:
        left = DAYS_IN_WEEK - len(node.days)
        bound = node.week + node.transitions + node.ahead + left * self.pros
        return (-bound, *self.tie(node.days))

    def _children(self, node: _Node) -> Iterator[_Node]:
        position = len(node.days)
        pinned = self.pins.get(position)
        if pinned is not None:
            choices: list[tuple[PlannedDay, tuple[tuple[Group, int], ...], int]] = [
                (pinned, node.remaining, 0)
            ]
        else:
            choices = []
            for n, (group, count) in enumerate(node.remaining):
                rest = list(node.remaining)
                if count == 1:
                    del rest[n]
                else:
                    rest[n] = (group, count - 1)
                for day in _orders(group):
                    choices.append((day, tuple(rest), self._alone_best(group)))
        for day, remaining, alone in choices:
            window = self._window(node.days, day)
            points = self._transition(window, position > 0, node.replaced)
            yield _Node(
                node.composition,
                position + 1,
                (*node.days, day),
                node.transitions + points,
                node.week,
                remaining,
                node.replaced,
                node.ahead - alone,
            )

    def _window(self, days: Week, day: PlannedDay) -> tuple[PlannedDay, ...]:
        history = [*self.context, *days]
        start = max(0, len(history) - self.reach)
        return (*history[start:], day)
