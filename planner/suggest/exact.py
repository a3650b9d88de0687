"""The exact search behind ``suggest``: a best-first search over the week, day by day.

Why this shape. The score (``rules.engine``) is a sum: the week's own findings, which
depend only on which days the week holds (its *composition*: how the sessions are grouped
into days, whatever their order), plus one term per day, the transition into it, which
depends only on that day and the few before it (``rules.prices``: two days for the
shipped strains). So:

1. every composition of the request is listed once, with its week points ``W`` (judged by
   the engine, once per composition);
2. a single priority queue holds partial weeks of every composition, keyed by an upper
   bound on any completion: ``W`` + the transitions so far + the most the transitions
   still to come can earn. That is, for each day still to place, what its own two
   sessions cost at best (a transition never earns more than the same day after nothing,
   since an earlier session can only add a strain), less the least it loses to whichever
   day comes right before it (one of the days still to place, the last placed, or a pin
   to come: each day has one, and more days before it only add strains), plus a user's
   pros at their most (the shipped transitions only cost);
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
from dataclasses import dataclass, replace

from planner.days import DAYS_IN_WEEK
from planner.suggest.request import SuggestRequest, session_key
from rules import Goal, KnowledgeBase, PlannedDay, Session
from rules.prices import NOTHING, Prices

Week = tuple[PlannedDay, ...]
# A day's sessions as a composition counts them: () rest, (s,) or (a, b) sorted.
Group = tuple[Session, ...]
# A day's place in the tie order (search.tie_parts): its rank and its detail.
TieParts = Callable[[PlannedDay], tuple[int, tuple[int, ...]]]


@dataclass(frozen=True)
class Found:
    """A complete week the search proved to be in score order: ``raw`` is what the
    engine's reasons add up to before the 0..100 scale."""

    raw: int
    days: Week


def groups_of(request: SuggestRequest, free: int) -> Iterator[tuple[Group, ...]]:
    """Every composition of the free days: a multiset of ``free`` groups (rest, one
    session, or with two a day two sessions of different kinds) holding exactly the
    sessions left to place, with enough rest days. Each once.

    Sessions are placed in ``session_key`` order: the first one left opens a group, alone
    or with a later session of another kind as its partner, partners never decreasing, so
    each multiset of groups is made one way only, and only valid ones are made."""
    counts = +request.free_counts()
    pinned_rest = sum(1 for day in request.pins.values() if day.is_rest)
    rest_needed = max(0, request.rest_min - pinned_rest)
    sessions = sorted(counts, key=session_key)
    kinds = [s.kind for s in sessions]
    left = [counts[s] for s in sessions]
    two = request.max_per_day == 2
    chosen: list[Group] = []

    def fits(days_left: int) -> bool:
        total = sum(left)
        if total > days_left * (2 if two else 1):
            return False
        if two:
            per_kind: dict[object, int] = {}
            for kind, number in zip(kinds, left, strict=True):
                per_kind[kind] = per_kind.get(kind, 0) + number
            return max(per_kind.values(), default=0) <= days_left
        return True

    def fill(first: int, floor: int) -> Iterator[tuple[Group, ...]]:
        while first < len(sessions) and not left[first]:
            first, floor = first + 1, -1
        days_left = free - len(chosen)
        if first == len(sessions):
            if days_left >= rest_needed:
                yield (*chosen, *((),) * days_left)
            return
        if days_left == 0 or not fits(days_left):
            return
        partners = [-1]
        if two:
            partners += [j for j in range(first + 1, len(sessions)) if kinds[j] is not kinds[first]]
        for partner in partners:
            if partner < floor or (partner >= 0 and not left[partner]):
                continue
            left[first] -= 1
            group: Group = (sessions[first],)
            if partner >= 0:
                left[partner] -= 1
                group = (sessions[first], sessions[partner])
            chosen.append(group)
            yield from fill(first, partner)
            chosen.pop()
            left[first] += 1
            if partner >= 0:
                left[partner] += 1

    yield from fill(0, -1)


def _orders(group: Group) -> tuple[PlannedDay, ...]:
    """The days a group can be: its two sessions either way round, apart."""
    if not group:
        return (PlannedDay.REST,)
    if len(group) == 1:
        return (PlannedDay(group),)
    return (PlannedDay(group), PlannedDay((group[1], group[0])))


@dataclass(frozen=True, slots=True)
class _Day:
    """A day value as the search uses it: with its engine id and its tie-order parts."""

    day: PlannedDay
    id: int
    rank: int
    detail: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Node:
    week: int  # the composition's week points
    transitions: int  # the points of the transitions so far
    ahead: int  # the most the free days not placed yet can earn, each alone
    lost: int | None  # the least they lose to the day right before each; None: not yet
    # worked out (the bound is then the looser one without it: refined when popped)
    days: Week
    ids: tuple[int, ...]  # the engine ids of the context days and of ``days``
    seen: tuple[int, ...]  # the tie order's parts of ``days``
    details: tuple[tuple[int, ...], ...]
    remaining: tuple[tuple[Group, int], ...]
    replaced: frozenset[str]


class Search:
    """One request, with the context days before the week, for one goal. ``parts`` gives
    a day's place in the tie order (``search.tie_parts``)."""

    def __init__(
        self,
        request: SuggestRequest,
        context: Sequence[PlannedDay | None],
        knowledge: KnowledgeBase,
        goal: Goal,
        parts: TieParts,
    ) -> None:
        self.prices = Prices(knowledge, goal)
        self.parts = parts
        self.reach = self.prices.reach
        self.pros = self.prices.most_pros
        self.context = tuple(
            self._day(day if day is not None else PlannedDay.UNPLANNED).id for day in context
        )
        self.pins = {index: self._day(day) for index, day in request.pins.items()}
        self.compositions = list(groups_of(request, DAYS_IN_WEEK - len(self.pins)))
        self._variants: dict[Group, tuple[_Day, ...]] = {}
        self._alone: dict[Group, int] = {}
        self._after_day: dict[tuple[int, Group], int] = {}
        self._after_group: dict[tuple[Group, Group], int] = {}
        self._lost_memo: dict[
            tuple[tuple[tuple[Group, int], ...], int],
            tuple[int, tuple[tuple[Group, int], ...]],
        ] = {}
        # A day after nothing bounds what it can score after anything, unless a user's
        # strain rule may price a strain lower than the shipped one it takes over, or some
        # rule overrides a finding a day says about itself.
        own = {r.rule.id for r in knowledge.strains.rules}
        own |= {r.rule.id for r in knowledge.same_day_rules}
        self._alone_bounds = not any(r.user for r in knowledge.strains.rules) and not any(
            set(rule.overrides) & own for rule in knowledge.rules
        )
        # What a day loses to the one before it bounds the rest only when transitions can
        # only cost: no rule but the strains moves their points.
        self._losses = self._alone_bounds and self.prices.strains_only

    def _day(self, day: PlannedDay) -> _Day:
        rank, detail = self.parts(day)
        return _Day(day, self.prices.id(day), rank, detail)

    def variants(self, group: Group) -> tuple[_Day, ...]:
        known = self._variants.get(group)
        if known is None:
            known = self._variants[group] = tuple(self._day(day) for day in _orders(group))
        return known

    def _week(self, groups: tuple[Group, ...]) -> tuple[int, frozenset[str]]:
        days = [self.variants(group)[0].day for group in groups]
        return self.prices.week([*days, *(pin.day for pin in self.pins.values())])

    def _alone_best(self, group: Group) -> int:
        """The most a day holding ``group`` can score after unplanned days: what its own
        sessions cost in their better order; no earlier day can make it score more (an
        earlier session can only add a strain)."""
        if not self._alone_bounds:
            return 0
        known = self._alone.get(group)
        if known is None:
            empty = (self._day(PlannedDay.UNPLANNED).id,) * self.reach
            known = self._alone[group] = max(
                self.prices.transition((*empty, day.id), False, NOTHING)
                for day in self.variants(group)
            )
        return known

    def _loss_after(self, before: int, group: Group) -> int:
        """The least a day holding ``group`` loses, below its best alone, to the day
        ``before`` (an engine id) right before it."""
        key = (before, group)
        known = self._after_day.get(key)
        if known is None:
            empty = (self._day(PlannedDay.UNPLANNED).id,) * max(0, self.reach - 1)
            best_after = max(
                self.prices.transition((*empty, before, day.id), True, NOTHING)
                for day in self.variants(group)
            )
            known = self._after_day[key] = self._alone_best(group) - best_after
        return known

    def _loss_after_group(self, before: Group, group: Group) -> int:
        key = (before, group)
        known = self._after_group.get(key)
        if known is None:
            known = self._after_group[key] = min(
                self._loss_after(day.id, group) for day in self.variants(before)
            )
        return known

    def _lost(
        self, remaining: tuple[tuple[Group, int], ...], last: int | None, position: int
    ) -> int:
        """The least the days still to place lose to their days before. Each has one: a pin
        still to come or another of them, or, for one of them, the last placed day
        (``last``); a rest day before a day costs it nothing, but each rest day comes before
        one day only, so the rest days still to place spare at most that many losses."""
        if not self._losses or not self.reach:
            return 0
        base, least = self._losses_among(remaining, position)
        if last is None or not least:
            return base
        spared = max((loss - self._loss_after(last, group) for group, loss in least), default=0)
        return max(0, base - max(0, spared))

    def _losses_among(
        self, remaining: tuple[tuple[Group, int], ...], position: int
    ) -> tuple[int, tuple[tuple[Group, int], ...]]:
        """What the days still to place lose to one another and to the pins to come: the
        sum less the rest days' spares, and each group's least loss (``_lost``)."""
        key = (remaining, position)
        known = self._lost_memo.get(key)
        if known is not None:
            return known
        pins = [pin for index, pin in self.pins.items() if index > position]
        spare = sum(count for group, count in remaining if not group)
        spare += sum(1 for pin in pins if not pin.day.sessions)
        befores = [pin.id for pin in pins if pin.day.sessions]
        losses: list[int] = []
        least: list[tuple[Group, int]] = []
        for group, count in remaining:
            if not group:
                continue
            found = [
                self._loss_after_group(other, group)
                for other, times in remaining
                if other and (other != group or times > 1)
            ]
            found += [self._loss_after(before, group) for before in befores]
            loss = min(found) if found else 0
            losses += [loss] * count
            least.append((group, loss))
        losses.sort()
        known = self._lost_memo[key] = (
            sum(losses[: max(0, len(losses) - spare)]),
            tuple(least),
        )
        return known

    def best(
        self, enough: Callable[[list[Found]], bool], deadline: float | None = None
    ) -> tuple[list[Found], bool]:
        """Pop complete weeks best first until ``enough`` returns True for the list so far,
        or the deadline passes (then False: the list may not be the best)."""
        queue: list[tuple[tuple[object, ...], int, _Node]] = []
        counter = itertools.count()
        stopped = False
        for number, groups in enumerate(self.compositions):
            if deadline is not None and number % 64 == 63 and time.monotonic() > deadline:
                stopped = True  # the others are never weighed: the answer may not be the best
                break
            week, replaced = self._week(groups)
            ahead = sum(self._alone_best(group) for group in groups)
            remaining = tuple(Counter(groups).items())
            node = _Node(week, 0, ahead, None, (), self.context, (), (), remaining, replaced)
            heapq.heappush(queue, (self._key(node), next(counter), node))
        found: list[Found] = []
        pops = 0
        while queue:
            node = heapq.heappop(queue)[2]
            if node.lost is None and self._losses:
                # Its losses are worked out only now it is the best hope: most nodes never are.
                last = node.ids[-1] if node.ids else None
                lost = self._lost(node.remaining, last, len(node.days) - 1)
                node = replace(node, lost=lost)
                if lost:
                    heapq.heappush(queue, (self._key(node), next(counter), node))
                    continue
            if len(node.days) == DAYS_IN_WEEK:
                found.append(Found(node.week + node.transitions, node.days))
                if enough(found) or (stopped and len(found) >= 1):
                    return found, not stopped
                continue
            pops += 1
            if deadline is not None and pops % 64 == 0 and found and time.monotonic() > deadline:
                return found, False
            for child in self._children(node):
                heapq.heappush(queue, (self._key(child), next(counter), child))
        return found, not stopped

    def _key(self, node: _Node) -> tuple[object, ...]:
        """Highest bound first; then the tie order, the days not placed yet at its lowest
        (before every rank and detail), so a partial week comes before any week it could
        complete into."""
        left = DAYS_IN_WEEK - len(node.days)
        bound = node.week + node.transitions + node.ahead - (node.lost or 0) + left * self.pros
        return (-bound, node.seen + (-1,) * left, *node.details, *((),) * left)

    def _children(self, node: _Node) -> Iterator[_Node]:
        position = len(node.days)
        pinned = self.pins.get(position)
        choices: list[tuple[_Day, tuple[tuple[Group, int], ...], int]]
        if pinned is not None:
            choices = [(pinned, node.remaining, 0)]
        else:
            choices = []
            for n, (group, count) in enumerate(node.remaining):
                rest = list(node.remaining)
                if count == 1:
                    del rest[n]
                else:
                    rest[n] = (group, count - 1)
                alone = self._alone_best(group)
                choices += [(day, tuple(rest), alone) for day in self.variants(group)]
        history = node.ids[max(0, len(node.ids) - self.reach) :] if self.reach else ()
        for day, remaining, alone in choices:
            points = self.prices.transition((*history, day.id), position > 0, node.replaced)
            yield _Node(
                node.week,
                node.transitions + points,
                node.ahead - alone,
                None,
                (*node.days, day.day),
                (*node.ids, day.id),
                (*node.seen, day.rank),
                (*node.details, day.detail),
                remaining,
                node.replaced,
            )
