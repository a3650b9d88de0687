"""The exact branch-and-bound walk behind ``suggest``: the best weeks for a request, with
their scores, without judging every arrangement.

What the score is made of (``rules.engine``): ``score(P, C)``, P and C the summed weights
of the pros and cons counted, which are

- each transition into a shown day: ``rules.engine.transition_findings`` on the days up to
  it (context days first), a function of the window of days back to ``kb.reach``;
- the week findings, a function of the multiset of the shown days only
  (``rules.engine.week_findings``), which also remove the transitions' findings of the
  rules they override.

The walk places the free days one by one (pins fixed), trying every day value a request
allows (rest; one requested session; with two a day, two of different kinds, apart),
counting sessions so that its leaves are exactly the arrangements of the request. At each
day it asks the engine's own per-transition function about the prefix, with the engine's
cache, so no rule is judged here. The week findings are asked of the engine once per
multiset of days the request can make (listed up front).

Bound: ``score`` grows with P and falls with C. For a prefix, every completion has

- P at most: the prefix's P, plus for the transitions still to come the most pros they
  can carry (``rules.bounds.transition_bound`` per pair of day values, whatever the days
  before; the best chain over the remaining days by a backward pass over (day, value,
  sessions left), pins respected, the sessions' kinds relaxed), plus the largest week P
  of any multiset of days that completes the prefix's;
- C at least: the prefix's cons that nothing may override (a week finding may still
  remove the others), plus the fewest cons the remaining chain can carry (same pass),
  plus the smallest week C of any completing multiset.

A day's values are first ranked by this bound with the next transition at its pair bound
(no engine call); only those that can still reach the threshold are judged by the engine.
A prefix whose bound is below the score of the ``top``-th week found so far cannot hold a
better week; at equal bound it is skipped when its days' activities already come after
that week's in tie order (the tie key starts with the seven activities). The walk first
looks only for weeks scoring at least a high floor, lowering it until ``top`` weeks are
found: every week at or above the floor is found, since only bounds below it are pruned.
Everything else is walked, so the walk's best ``top`` (by score, then ``tie_key``) are
exactly those of brute force.

What depends on the request alone (its multisets' week findings, the chains, each day's
values once the earlier days' multiset is known) is remembered between walks.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from planner.days import DAYS_IN_WEEK
from planner.suggest.request import SuggestRequest, session_key
from rules import Finding, Goal, Kind, KnowledgeBase, PlannedDay, Session, score
from rules.bounds import overridable, transition_bound
from rules.engine import transition_findings, week_findings

Week = tuple[PlannedDay, ...]
# (option, choice, value, day id, rests, sessions left, pros after at most, cons at least)
Child = tuple[int, int, PlannedDay, int, int, tuple[int, ...], int, int]
TieKey = Callable[[Sequence[PlannedDay]], tuple[tuple[int, ...], ...]]
_NONE = -(10**9)
FLOOR_STEP = 3  # how far each new walk lowers the score it looks for


def day_values(request: SuggestRequest) -> list[PlannedDay]:
    """What a free day may hold: rest, one requested session, or (two a day) two requested
    sessions of different kinds, apart; in tie order."""
    left = sorted((s for s, n in request.free_counts().items() if n > 0), key=session_key)
    values = [PlannedDay.REST]
    for first in left:
        values.append(PlannedDay((first,)))
        if request.max_per_day == 2:
            values += [PlannedDay((first, second)) for second in left if second.kind != first.kind]
    return values


Chain = list[dict[PlannedDay, list[int]]]


@functools.lru_cache(maxsize=32)
def _chains(
    kb: KnowledgeBase,
    goal: Goal,
    allowed: tuple[tuple[PlannedDay, ...], ...],
    pinned: tuple[bool, ...],
    total: int,
    replaceable: frozenset[str],
) -> tuple[Chain, Chain]:
    """most[p][v][s] / least[p][v][s]: the most pros / fewest cons the transitions after
    day ``p`` (holding ``v``) can carry when ``s`` requested sessions are left for the free
    days after it: a backward pass over (day, value, sessions left), pins respected, each
    transition at its pair bound, the kinds and attributes of the sessions relaxed (only
    their number counts). ``_NONE`` / ``-_NONE`` where no completion exists. Remembered
    per request shape (the bench and the dialog ask again)."""
    pairs = _bounds(kb, goal)
    last = DAYS_IN_WEEK - 1
    most: Chain = [{} for _ in range(DAYS_IN_WEEK)]
    least: Chain = [{} for _ in range(DAYS_IN_WEEK)]
    end_most = [0] + [_NONE] * total
    end_least = [0] + [-_NONE] * total
    for value in allowed[last]:
        most[last][value], least[last][value] = end_most, end_least
    for position in range(last - 1, -1, -1):
        following = [
            (
                w,
                0 if pinned[position + 1] else len(w.sessions),
                most[position + 1][w],
                least[position + 1][w],
            )
            for w in allowed[position + 1]
        ]
        for value in allowed[position]:
            best = [_NONE] * (total + 1)
            fewest = [-_NONE] * (total + 1)
            for w, used, after_most, after_least in following:
                pair = (value, w)
                bound = pairs.get(pair)
                if bound is None:
                    bound = pairs[pair] = transition_bound(kb, value, w, goal, replaceable)
                pro, con = bound
                for left in range(used, total + 1):
                    more = after_most[left - used]
                    if more > _NONE and pro + more > best[left]:
                        best[left] = pro + more
                    fewer = after_least[left - used]
                    if fewer < -_NONE and con + fewer < fewest[left]:
                        fewest[left] = con + fewer
            most[position][value], least[position][value] = best, fewest
    return most, least


@functools.lru_cache(maxsize=16)
def _bounds(kb: KnowledgeBase, goal: Goal) -> dict[tuple[PlannedDay, PlannedDay], tuple[int, int]]:
    """Filled as asked: (most pro, least con) of each pair of planned days."""
    return {}


@dataclass
class _Memo:
    weeks: dict[tuple[int, ...], tuple[int, int, frozenset[str]]] = field(default_factory=dict)
    week_bounds: dict[tuple[int, ...], tuple[int, int]] = field(default_factory=dict)
    feasible: dict[tuple[tuple[int, ...], int, int], bool] = field(default_factory=dict)
    children: dict[tuple[int, tuple[int, ...]], list[Child]] = field(default_factory=dict)


def _request_key(request: SuggestRequest) -> tuple[object, ...]:
    counts = tuple(sorted(((session_key(s), n) for s, n in request.counts.items() if n)))
    pins = tuple(sorted(request.pins.items(), key=lambda pin: pin[0]))
    return counts, pins, request.rest_min, request.max_per_day


@functools.lru_cache(maxsize=32)
def _memo(kb: KnowledgeBase, goal: Goal, request: tuple[object, ...]) -> _Memo:
    return _Memo()


class Walk:
    """One search: ``run()`` returns the best ``top`` (score, week), best first."""

    def __init__(
        self,
        request: SuggestRequest,
        context: Sequence[PlannedDay],
        knowledge: KnowledgeBase,
        goal: Goal,
        top: int,
        tie_key: TieKey,
    ) -> None:
        self.kb, self.goal, self.top, self.tie_key = knowledge, goal, top, tie_key
        self.pins = dict(request.pins)
        self.values = day_values(request)
        self.cap = request.max_per_day
        left = +request.free_counts()
        self.sessions: list[Session] = sorted(left, key=session_key)
        self.left = [left[s] for s in self.sessions]
        self.uses = [self._uses(value) for value in self.values]
        pinned_rest = sum(1 for day in self.pins.values() if day.is_rest)
        self.rest_min = max(0, request.rest_min - pinned_rest)
        self.free = [p for p in range(DAYS_IN_WEEK) if p not in self.pins]
        self.free_after = [sum(1 for p in self.free if p > q) for q in range(DAYS_IN_WEEK)]
        self.offset = len(context)
        self.plan: list[PlannedDay] = [*context, *([PlannedDay.UNPLANNED] * DAYS_IN_WEEK)]
        self.ids = [knowledge.day_id(day) for day in self.plan]
        self.unplanned = knowledge.day_id(PlannedDay.UNPLANNED)
        self.value_ids = [knowledge.day_id(value) for value in self.values]
        self.replaceable = overridable(knowledge)
        self._weights: dict[int, tuple[tuple[Finding, ...], int, int, int]] = {}
        # What depends on the request alone (not on the context days) is remembered
        # between walks: the dialog and the bench ask again.
        memo = _memo(knowledge, goal, _request_key(request))
        self._feasible, self._week_bounds = memo.feasible, memo.week_bounds
        if not memo.weeks:
            memo.weeks.update(self._weeks())
        self.weeks = memo.weeks
        self.pairs = _bounds(knowledge, goal)
        self.most, self.least = self._chains()
        # pair_at[p][i][k]: the pair bound from option i of day p - 1 to option k of day p.
        self.pair_at: list[list[list[tuple[int, int]]]] = [[]] + [
            [
                [self.pairs[(before[1], after[1])] for after in self._options(p)]
                for before in self._options(p - 1)
            ]
            for p in range(1, DAYS_IN_WEEK)
        ]
        self._child_memo = memo.children
        self.best: list[tuple[int, tuple[tuple[int, ...], ...], Week]] = []
        self.floor = 0
        self.counts = [0] * len(self.values)
        self.path: list[tuple[Finding, ...]] = []

    def _uses(self, value: PlannedDay) -> tuple[int, ...]:
        return tuple(value.sessions.count(s) for s in self.sessions)

    def feasible(self, left: tuple[int, ...], days: int, rests: int) -> bool:
        """Whether ``days`` free days, ``rests`` free rest days already placed, can still
        hold exactly the sessions ``left``: T training days hold them iff T <= sessions
        <= cap * T and no kind has more than T (two of a kind never share a day)."""
        key = (left, days, rests)
        known = self._feasible.get(key)
        if known is None:
            total = sum(left)
            per_kind = Counter[object]()
            for session, number in zip(self.sessions, left, strict=True):
                per_kind[session.kind] += number
            most_of_kind = max(per_kind.values(), default=0)
            known = any(
                training <= total <= self.cap * training and most_of_kind <= training
                for training in range(days + 1)
                if rests + days - training >= self.rest_min
            )
            self._feasible[key] = known
        return known

    def _weeks(self) -> dict[tuple[int, ...], tuple[int, int, frozenset[str]]]:
        """(week P, week C, rules overridden) for each multiset of free-day values (as
        counts per value) the request can make, asked of the engine."""
        found: dict[tuple[int, ...], tuple[int, int, frozenset[str]]] = {}
        pinned = list(self.pins.values())
        counts = [0] * len(self.values)
        days = len(self.free)

        def choose(index: int, left: tuple[int, ...], placed: int, rests: int) -> None:
            if index == len(self.values):
                if placed == days and not any(left) and rests >= self.rest_min:
                    held = [v for v, n in zip(self.values, counts, strict=True) for _ in range(n)]
                    shown = pinned + held
                    findings = week_findings(self.kb, shown, DAYS_IN_WEEK, self.goal)
                    pro, con = _sums(findings)
                    found[tuple(counts)] = (pro, con, self.kb.overridden(findings))
                return
            uses = self.uses[index]
            number = 0
            while placed + number <= days:
                if number:
                    left = tuple(a - b for a, b in zip(left, uses, strict=True))
                    if min(left, default=0) < 0:
                        break
                counts[index] = number
                is_rest = self.values[index].is_rest
                choose(index + 1, left, placed + number, rests + number * is_rest)
                number += 1
            counts[index] = 0

        choose(0, tuple(self.left), 0, 0)
        return found

    def week_bound(
        self, counts: tuple[int, ...], left: tuple[int, ...], rests: int
    ) -> tuple[int, int]:
        """(most week P, least week C) over the multisets of days that complete the free
        days placed so far (``counts`` of each value, ``left`` sessions still to place,
        ``rests`` free rest days among them): the best over each value placed next, down
        to the complete multisets the engine judged. Remembered per ``counts``."""
        known = self._week_bounds.get(counts)
        if known is not None:
            return known
        placed = sum(counts)
        if placed == len(self.free):
            found = self.weeks.get(counts)
            known = (_NONE, -_NONE) if found is None else (found[0], found[1])
        else:
            best, fewest = _NONE, -_NONE
            days = len(self.free) - placed - 1
            for choice, uses in enumerate(self.uses):
                more_left = tuple(a - b for a, b in zip(left, uses, strict=True))
                if min(more_left, default=0) < 0:
                    continue
                more_rests = rests + self.values[choice].is_rest
                if not self.feasible(more_left, days, more_rests):
                    continue
                more = list(counts)
                more[choice] += 1
                pro, con = self.week_bound(tuple(more), more_left, more_rests)
                best, fewest = max(best, pro), min(fewest, con)
            known = (best, fewest)
        self._week_bounds[counts] = known
        return known

    def _allowed(self, position: int) -> list[PlannedDay]:
        pin = self.pins.get(position)
        return [pin] if pin is not None else self.values

    def _chains(self) -> tuple[Chain, Chain]:
        allowed = tuple(tuple(self._allowed(p)) for p in range(DAYS_IN_WEEK))
        pinned = tuple(p in self.pins for p in range(DAYS_IN_WEEK))
        return _chains(self.kb, self.goal, allowed, pinned, sum(self.left), self.replaceable)

    def weights(self, findings: tuple[Finding, ...]) -> tuple[int, int, int]:
        """(pros, cons, cons nothing may override) of one transition's findings."""
        known = self._weights.get(id(findings))
        if known is None or known[0] is not findings:
            pro, con = _sums(findings)
            safe = sum(
                f.weight
                for f in findings
                if f.kind is Kind.CON and f.rule_id not in self.replaceable
            )
            # The tuple is kept with its sums, so its id cannot be reused meanwhile.
            known = self._weights[id(findings)] = (findings, pro, con, safe)
        return known[1], known[2], known[3]

    def threshold(self) -> tuple[int, tuple[int, ...] | None]:
        """The score a week must reach to enter, and the activities of the week it would
        then have to beat in tie order (None while fewer than ``top`` are held)."""
        if len(self.best) < self.top:
            return self.floor, None
        value, key, _ = self.best[-1]
        return max(value, self.floor), key[0]

    def run(self) -> list[tuple[int, Week]]:
        """Walks with a floor: only weeks scoring at least ``floor`` are looked for, which
        prunes hard; while fewer than ``top`` are found, the floor is lowered and the walk
        redone. Every week scoring at least the floor is found (only bounds below it are
        pruned), so the last walk's best are the best of all."""
        self.floor = 100
        while True:
            self.best = []
            self._place(0, 0, 0, 0, 0, 0, tuple(self.left))
            if len(self.best) >= self.top or self.floor <= 0:
                return [(value, week) for value, _, week in self.best]
            self.floor = self.floor - FLOOR_STEP if self.floor > FLOOR_STEP else 0

    def _options(self, position: int) -> list[tuple[int, PlannedDay, int, tuple[int, ...]]]:
        """(choice, value, its day id, sessions it uses) for each value day ``position``
        may hold; choice -1 for a pin."""
        pin = self.pins.get(position)
        if pin is not None:
            return [(-1, pin, self.kb.day_id(pin), (0,) * len(self.sessions))]
        return [
            (choice, value, self.value_ids[choice], self.uses[choice])
            for choice, value in enumerate(self.values)
        ]

    def _children(self, position: int, rests: int, left: tuple[int, ...]) -> list[Child]:
        """The values day ``position`` may hold once the days before hold ``self.counts``:
        (option, choice, value, day id, rests, sessions left, pros and cons the days
        after and the week can at best add). Remembered per (day, counts)."""
        key = (position, tuple(self.counts))
        known = self._child_memo.get(key)
        if known is not None:
            return known
        free_after = self.free_after[position]
        most, least = self.most[position], self.least[position]
        total = sum(left)
        counts = self.counts
        known = []
        for option, (choice, value, day_id, uses) in enumerate(self._options(position)):
            more_left, more_rests, sessions = left, rests, total
            if choice >= 0:
                more_left = tuple(a - b for a, b in zip(left, uses, strict=True))
                if min(more_left, default=0) < 0:
                    continue
                more_rests += value.is_rest
                if not self.feasible(more_left, free_after, more_rests):
                    continue
                sessions -= len(value.sessions)
                counts[choice] += 1
                week_pro, week_con = self.week_bound(tuple(counts), more_left, more_rests)
                counts[choice] -= 1
            else:
                week_pro, week_con = self.week_bound(tuple(counts), left, rests)
            known.append(
                (
                    option,
                    choice,
                    value,
                    day_id,
                    more_rests,
                    more_left,
                    most[value][sessions] + week_pro,
                    least[value][sessions] + week_con,
                )
            )
        self._child_memo[key] = known
        return known

    def _place(
        self,
        position: int,
        previous: int,
        pro: int,
        con: int,
        safe: int,
        rests: int,
        left: tuple[int, ...],
    ) -> None:
        """Try each value on day ``position`` (``previous``: the option the day before
        holds): first ranked by the pair bound from the day before (no engine call), then,
        while that bound can still reach the threshold, judged by the engine and walked
        into if the exact prefix's bound still can."""
        if position == DAYS_IN_WEEK:
            self._leaf(pro, con)
            return
        index = self.offset + position
        ranked = []
        pairs = self.pair_at[position][previous] if position else None
        for child in self._children(position, rests, left):
            if pairs is None:  # the first day: its transition depends on the context
                guess = 10**6
            else:
                pair_pro, pair_con = pairs[child[0]]
                guess = score(pro + pair_pro + child[6], safe + pair_con + child[7])
            ranked.append((guess, child))
        ranked.sort(key=lambda item: -item[0])
        for guess, (
            option,
            choice,
            value,
            day_id,
            more_rests,
            more_left,
            after_pro,
            after_con,
        ) in ranked:
            limit, activities = self.threshold()
            if guess < limit:
                break
            self.plan[index], self.ids[index] = value, day_id
            found: tuple[Finding, ...] = ()
            p, c, s = pro, con, safe
            if index >= 1:
                found = transition_findings(self.kb, self.plan, self.ids, index, self.goal)
                more_p, more_c, more_s = self.weights(found)
                p, c, s = p + more_p, c + more_c, s + more_s
            bound = score(p + after_pro, s + after_con)
            if bound < limit:
                continue
            if bound == limit and activities is not None:
                mine = self.tie_key(self.plan[self.offset : index + 1])[0]
                if mine > activities[: position + 1]:
                    continue
            if choice >= 0:
                self.counts[choice] += 1
            self.path.append(found)
            self._place(position + 1, option, p, c, s, more_rests, more_left)
            self.path.pop()
            if choice >= 0:
                self.counts[choice] -= 1
        self.plan[index], self.ids[index] = PlannedDay.UNPLANNED, self.unplanned

    def _leaf(self, pro: int, con: int) -> None:
        week_pro, week_con, replaced = self.weeks[tuple(self.counts)]
        if replaced:
            pro = con = 0
            for findings in self.path:
                kept = [f for f in findings if f.rule_id not in replaced]
                more_pro, more_con = _sums(kept)
                pro, con = pro + more_pro, con + more_con
        value = score(pro + week_pro, con + week_con)
        limit, _ = self.threshold()
        if value < limit:
            return
        week = tuple(self.plan[self.offset :])
        key = self.tie_key(week)
        order = (-value, key)
        position = len(self.best)
        while position and order < (-self.best[position - 1][0], self.best[position - 1][1]):
            position -= 1
        self.best.insert(position, (value, key, week))
        del self.best[self.top :]


def _sums(findings: Sequence[Finding]) -> tuple[int, int]:
    pro = con = 0
    for finding in findings:
        if finding.kind is Kind.PRO:
            pro += finding.weight
        elif finding.kind is Kind.CON:
            con += finding.weight
    return pro, con
