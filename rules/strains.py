"""Strains: a session that comes too soon after another, on the one timeline in hours.

A ``recovery`` rule (its rule type) names the earlier session (``before``), the later one
(``after``) and the muscle family it is about, and prices the gap between them:

- ``within = [12, 36]`` with ``weight = [6, 4]``: a gap under 12 h costs 6 points, under
  36 h 4, longer nothing. The earlier, the costlier: the weights never grow from one
  window to the next. ``goal_weights = { strength = [2, 1] }`` prices it per goal; 0
  means the goal does not count it.
- ``family = "legs"``: the family the strain is about, whatever each session loads (a run
  on legs lifted this morning). Without it, the strain is about each family both sessions
  work hard (``loads.hard`` in activities.toml), among ``families`` if given.
- Without ``within``, a rule *claims* the strains the windowed rules find (matching its
  ``before``, ``after`` and families) and says them in its own words, at its own
  ``weight``: how a user's rules file rewords a shipped strain.

A ``soreness`` rule (its rule type) prices a session on a day whose check-in reported a
muscle family sore: ``level`` the least level it speaks for (``sore`` covers ``sore`` and
``very``), ``after`` the sessions, ``family`` the family reported (without it, each family
the session works, from ``loads.light`` up, among ``families`` if given), ``weight``
(and ``goal_weights``) one number. A report counts whatever the hours say: it competes
with the strains the hours find for that session and family, and wins a tie.

For each later session and family one strain is counted: a user's rule first (the first
in file order that finds or claims it), otherwise the shipped rule pricing it highest
(ties: a reported soreness, then the more recent earlier session, then file order), so
each fact is counted once, a longer gap can never cost more and more soreness never
costs less.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from rules.activities import PlannedDay, Session
from rules.goals import Goal
from rules.model import Finding, Sore, Soreness
from rules.rule import WEIGHT_MAX, Rule, goal_table
from rules.schema import Table
from rules.specs import ANY, Spec
from rules.timeline import Placed, name, place
from rules.vocabulary import Vocabulary

# The longest window a rule may price: with the context days a week is judged with, every
# earlier session it can reach is known.
MAX_WINDOW_HOURS = 72


@dataclass(frozen=True, eq=False)
class StrainRule:
    """One ``recovery`` rule as loaded (compared and hashed by identity: one per rule)."""

    rule: Rule
    before: Spec
    after: Spec
    # The family named whatever the sessions load; None: each family both work hard.
    family: str | None
    families: frozenset[str]
    # Exclusive upper bounds in hours, ascending; () for a rule that claims.
    within: tuple[int, ...]
    # Per goal, the points of each window (a claiming or soreness rule: one entry).
    weights: Mapping[Goal, tuple[int, ...]]
    user: bool = False
    # A soreness rule: the least level reported it speaks for.
    level: Soreness | None = None

    @property
    def claims(self) -> bool:
        return not self.within and self.level is None

    @property
    def reach(self) -> int:
        """The longest gap it prices (0 for a claiming rule)."""
        return self.within[-1] if self.within else 0

    def points(self, goal: Goal, hours: int) -> int:
        for bound, points in zip(self.within, self.weights[goal], strict=True):
            if hours < bound:
                return points
        return 0

    def reported_families(self, later: Placed, vocab: Vocabulary) -> frozenset[str]:
        """The families a report of soreness makes this soreness rule speak about."""
        if self.family is not None:
            return frozenset((self.family,))
        return vocab.worked_families(later.session) & self.families

    def families_for(self, earlier: Placed, later: Placed, vocab: Vocabulary) -> frozenset[str]:
        if self.family is not None:
            return frozenset((self.family,))
        shared = vocab.hard_families(earlier.session) & vocab.hard_families(later.session)
        return shared & self.families

    def pending_families(self, earlier: Placed, vocab: Vocabulary) -> frozenset[str]:
        """The families a later session could be strained on by this rule."""
        if self.family is not None:
            return frozenset((self.family,))
        return vocab.hard_families(earlier.session) & self.families


@dataclass(frozen=True, slots=True)
class Strain:
    """``family`` worked by ``later`` ``hours`` after ``earlier``: ``rule`` prices it at
    ``points`` for the goal it was judged for. Or, with ``reported`` set, worked on a day
    its check-in reported it that sore (``earlier`` None, ``hours`` and ``needs`` 0)."""

    family: str
    later: Placed
    earlier: Placed | None
    hours: int
    rule: StrainRule
    points: int
    # The longest window of the rule that found it: the gap that would cost nothing.
    needs: int
    reported: Soreness | None = None


@dataclass(frozen=True, slots=True)
class Pending:
    """``family`` still inside a window opened by ``earlier``, ``hours`` ago, that lasts
    ``needs`` hours: a later session on it would be strained."""

    family: str
    earlier: Placed
    hours: int
    needs: int


@dataclass(eq=False)
class StrainModel:
    """The strain rules of a knowledge base, user rules first, shipped in file order."""

    vocabulary: Vocabulary
    rules: tuple[StrainRule, ...]
    _windowed: tuple[StrainRule, ...] = field(init=False)
    _claiming: tuple[StrainRule, ...] = field(init=False)

    def __post_init__(self) -> None:
        self._windowed = tuple(r for r in self.rules if r.within)
        self._claiming = tuple(r for r in self.rules if r.claims)
        self._reported = tuple(r for r in self.rules if r.level is not None)
        # (earlier, later) session -> the windowed rules that speak about that pair and the
        # families each names: worked out once per pair (there are only a few hundred).
        self._between: dict[
            tuple[Session, Session], tuple[tuple[StrainRule, frozenset[str]], ...]
        ] = {}

    def _rules_between(
        self, earlier: Placed, later: Placed
    ) -> tuple[tuple[StrainRule, frozenset[str]], ...]:
        key = (earlier.session, later.session)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = tuple(
                (rule, families)
                for rule in self._windowed
                if rule.before.session(earlier.session) and rule.after.session(later.session)
                if (families := rule.families_for(earlier, later, self.vocabulary))
            )
        return found

    @functools.cached_property
    def reach_hours(self) -> int:
        """The longest gap any rule prices."""
        return max((rule.reach for rule in self.rules), default=0)

    def strains(
        self, days: Sequence[PlannedDay | None], index: int, goal: Goal, sore: Sore = ()
    ) -> tuple[Strain, ...]:
        """The strains of the sessions of day ``index`` of ``days`` (the days before it are
        what they may come too soon after; ``sore``, what its check-in reported), in
        session then family order."""
        timeline = self.vocabulary.timeline
        later_sessions = place(days[index], index, timeline)
        if not later_sessions:
            return ()
        reach = self.reach_hours
        earlier_sessions = [
            placed
            for back in range(index, -1, -1)
            for placed in place(days[back], back, timeline)
            if later_sessions[0].hour - placed.hour < reach
        ]
        order = [family.id for family in self.vocabulary.families]
        found: list[Strain] = []
        for later in later_sessions:
            best: dict[str, Strain] = {}
            for earlier in earlier_sessions:
                if not earlier.before(later):
                    continue
                hours = later.hour - earlier.hour
                for rule, families in self._rules_between(earlier, later):
                    points = rule.points(goal, hours)
                    if not points:
                        continue
                    for family in families:
                        known = best.get(family)
                        if known is None or _beats(rule, points, hours, known):
                            best[family] = Strain(
                                family, later, earlier, hours, rule, points, rule.reach
                            )
            if sore:
                self._add_reported(best, later, dict(sore), goal)
            found += [self._claimed(best[f], goal) for f in order if f in best]
        return tuple(found)

    def _add_reported(
        self, best: dict[str, Strain], later: Placed, sore: dict[str, Soreness], goal: Goal
    ) -> None:
        """The soreness rules' strains on ``later``, each replacing the strain the hours
        found for its family when it prices at least as much (a user's rule stays)."""
        for rule in self._reported:
            assert rule.level is not None
            points = rule.weights[goal][0]
            if not points or not rule.after.session(later.session):
                continue
            for family in rule.reported_families(later, self.vocabulary):
                level = sore.get(family)
                if level is None or level.rank < rule.level.rank:
                    continue
                known = best.get(family)
                if known is not None and (
                    (known.rule.user and not rule.user)
                    or (known.reported is not None and known.points >= points)
                    or known.points > points
                ):
                    continue
                best[family] = Strain(family, later, None, 0, rule, points, 0, level)

    def _claimed(self, strain: Strain, goal: Goal) -> Strain:
        """``strain`` as the first user rule claiming it says it, if one does."""
        if strain.rule.user or strain.earlier is None:
            return strain
        for rule in self._claiming:
            if (
                rule.before.session(strain.earlier.session)
                and rule.after.session(strain.later.session)
                and strain.family
                in rule.families_for(strain.earlier, strain.later, self.vocabulary)
                and rule.weights[goal][0] > 0
            ):
                return replace(strain, rule=rule, points=rule.weights[goal][0])
        return strain

    def pending(
        self, days: Sequence[PlannedDay | None], index: int, hour: int, goal: Goal
    ) -> tuple[Pending, ...]:
        """Each family that a session starting at ``hour`` on day ``index`` would find
        inside a window opened by a session of an earlier day: the most recent such
        session, and the longest window it opened on that family. In family order."""
        timeline = self.vocabulary.timeline
        reach = self.reach_hours
        found: dict[str, Pending] = {}
        for back in range(index - 1, -1, -1):
            for earlier in reversed(place(days[back], back, timeline)):
                hours = hour - earlier.hour
                if hours >= reach:
                    continue
                for rule in self._windowed:
                    if not rule.before.session(earlier.session):
                        continue
                    if hours >= rule.reach or rule.points(goal, hours) == 0:
                        continue
                    for family in rule.pending_families(earlier, self.vocabulary):
                        known = found.get(family)
                        if known is None or (known.earlier == earlier and rule.reach > known.needs):
                            found[family] = Pending(family, earlier, hours, rule.reach)
        order = [family.id for family in self.vocabulary.families]
        return tuple(found[f] for f in order if f in found)


def _beats(rule: StrainRule, points: int, hours: int, known: Strain) -> bool:
    """Whether a strain priced by ``rule`` replaces ``known`` for the same family and later
    session: a user's rule is never replaced by a later one and replaces a shipped one;
    among shipped rules the higher price, then the shorter gap."""
    if known.rule.user:
        return False
    if rule.user:
        return True
    return (points, -hours) > (known.points, -known.hours)


def build_recovery(
    table: Table, rule: Rule, vocab: Vocabulary, *, user: bool = False
) -> StrainRule:
    if rule.kind.value != "con":
        table.fail("kind", "must be con: a recovery rule reports a session that came too soon")
    before = table.spec("before") if table.has("before") else ANY
    after = table.spec("after") if table.has("after") else ANY
    family: str | None = None
    families = frozenset(f.id for f in vocab.families)
    if table.has("family"):
        if table.has("families") or table.has("groups"):
            table.fail("family", "names the one family; leave out families and groups")
        family = table.choice("family", [f.id for f in vocab.families])
    elif table.has("families"):
        families = frozenset(table.names("families", [f.id for f in vocab.families]))
    elif table.has("groups"):
        # The v2 form: the families of the groups listed.
        listed = table.names("groups", vocab.group_ids())
        families = frozenset(vocab.family_of(group).id for group in listed)
    within = _within(table) if table.has("within") else ()
    weights = _window_weights(table, len(within) or 1)
    top = max(max(points) for points in weights.values())
    return StrainRule(
        rule=replace(rule, weight=top),
        before=before,
        after=after,
        family=family,
        families=families,
        within=within,
        weights=MappingProxyType(weights),
        user=user,
    )


def _within(table: Table) -> tuple[int, ...]:
    raw = table.raw("within")
    problem = (
        f"must be a list of hours, each 1 to {MAX_WINDOW_HOURS} and each above the one "
        f"before (got {raw!r})"
    )
    if not isinstance(raw, list) or not raw:
        table.fail("within", problem)
    bounds: list[int] = []
    for value in raw:
        if isinstance(value, bool) or not isinstance(value, int):
            table.fail("within", problem)
        if not 1 <= value <= MAX_WINDOW_HOURS or (bounds and value <= bounds[-1]):
            table.fail("within", problem)
        bounds.append(value)
    return tuple(bounds)


def _window_weights(table: Table, windows: int) -> dict[Goal, tuple[int, ...]]:
    """``weight`` (one number per window, or one number for a single window) and
    ``goal_weights`` (the same per goal): never growing from one window to the next."""
    default = _points(table, "weight", table.raw("weight"), windows, allow_zero=False)
    weights = dict.fromkeys(Goal, default)
    if table.has("goal_weights"):
        per_goal = goal_table(table, "goal_weights")
        for goal in Goal:
            if per_goal.has(goal):
                weights[goal] = _points(
                    per_goal, goal, per_goal.raw(goal), windows, allow_zero=True
                )
    return weights


def _points(
    table: Table, field: str, raw: object, windows: int, *, allow_zero: bool
) -> tuple[int, ...]:
    values: list[object] = list(raw) if isinstance(raw, list) else [raw]
    low = 0 if allow_zero else 1
    problem = (
        f"must be {'a whole number' if windows == 1 else f'{windows} whole numbers'} from "
        f"{low} to {WEIGHT_MAX}, one per window of within, never growing (got {raw!r})"
    )
    if len(values) != windows:
        table.fail(field, problem)
    numbers: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= WEIGHT_MAX:
            table.fail(field, problem)
        numbers.append(value)
    if numbers[0] < low or any(b > a for a, b in itertools.pairwise(numbers)):
        table.fail(field, problem)
    return tuple(numbers)


def strain_findings(strains: Sequence[Strain], vocab: Vocabulary) -> tuple[Finding, ...]:
    """One finding per rule, later and earlier session: naming every family it strains,
    costing the points of all of them. In the order the strains come."""
    grouped: dict[tuple[str, Placed, Placed | None], list[Strain]] = {}
    for strain in strains:
        grouped.setdefault((strain.rule.rule.id, strain.later, strain.earlier), []).append(strain)
    found = []
    for same in grouped.values():
        first = same[0]
        families = tuple(strain.family for strain in same)
        described = vocab.describe_families(families)
        after = name(first.later, vocab)
        values = {
            "groups": described,
            "Groups": described[:1].upper() + described[1:],
            "after": after,
            "After": after[:1].upper() + after[1:],
        }
        if first.earlier is None:
            assert first.reported is not None
            values["level"] = first.reported.words
        else:
            before = name(first.earlier, vocab)
            values["before"] = before
            values["Before"] = before[:1].upper() + before[1:]
            values["hours"] = str(first.hours)
            values["needs"] = str(first.needs)
        groups = tuple(g for family in families for g in vocab.family(family).groups)
        found.append(
            first.rule.rule.finding(
                values, groups=groups, weight=sum(strain.points for strain in same)
            )
        )
    return tuple(found)


def build_soreness(
    table: Table, rule: Rule, vocab: Vocabulary, *, user: bool = False
) -> StrainRule:
    if rule.kind.value != "con":
        table.fail("kind", "must be con: a soreness rule reports a session on sore muscles")
    levels = [level.value for level in Soreness if level.rank > Soreness.NONE.rank]
    level = Soreness(table.choice("level", levels))
    after = table.spec("after") if table.has("after") else ANY
    family: str | None = None
    families = frozenset(f.id for f in vocab.families)
    if table.has("family"):
        if table.has("families"):
            table.fail("family", "names the one family; leave out families")
        family = table.choice("family", [f.id for f in vocab.families])
    elif table.has("families"):
        families = frozenset(table.names("families", [f.id for f in vocab.families]))
    weights = _window_weights(table, 1)
    return StrainRule(
        rule=replace(rule, weight=max(points[0] for points in weights.values())),
        before=ANY,
        after=after,
        family=family,
        families=families,
        within=(),
        weights=MappingProxyType(weights),
        user=user,
        level=level,
    )


_STRAIN_FIELDS = frozenset({"before", "after", "family", "families", "groups", "within"})
_STRAIN_PLACEHOLDERS = frozenset(
    {"before", "after", "Before", "After", "groups", "Groups", "hours", "needs"}
)
_SORENESS_FIELDS = frozenset({"level", "after", "family", "families"})
_SORENESS_PLACEHOLDERS = frozenset({"after", "After", "groups", "Groups", "level"})
RECOVERY_TYPES: dict[
    str,
    tuple[frozenset[str], frozenset[str], Callable[..., StrainRule]],
] = {
    "recovery": (_STRAIN_FIELDS, _STRAIN_PLACEHOLDERS, build_recovery),
    "soreness": (_SORENESS_FIELDS, _SORENESS_PLACEHOLDERS, build_soreness),
}
