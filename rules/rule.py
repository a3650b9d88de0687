"""What every rule has, whatever it matches: id, kind, texts, source and weight."""

from __future__ import annotations

import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rules.goals import Goal
from rules.model import KIND_ORDER, Finding, Kind, Source
from rules.schema import Table

COMMON_FIELDS = (
    "id",
    "type",
    "kind",
    "text",
    "detail",
    "source",
    "weight",
    "goal_weights",
    "overrides",
)
TEXT_MAX = 80
WEIGHT_MAX = 10


@dataclass(frozen=True)
class Rule:
    """One validated rule as written in its file. ``text`` and ``detail`` may hold
    placeholders such as ``{groups}``, filled in when the rule fires."""

    id: str
    type: str
    kind: Kind
    text: str
    detail: str
    source: Source
    weight: int
    file: str
    # The weight under each goal (``weight`` unless ``goal_weights`` says otherwise); 0 for
    # a pro or con means the rule does not apply to that goal. None for the rules whose
    # findings carry their own points for the goal (strains by hours, doses by count).
    weights: Mapping[Goal, int] | None
    # Rules whose findings this one's replaces where both fire: on the same transition, or
    # anywhere in the period for a week rule. Each fact is counted once.
    overrides: tuple[str, ...] = ()

    def finding(
        self,
        values: Mapping[str, str] | None = None,
        *,
        groups: tuple[str, ...] = (),
        weight: int | None = None,
    ) -> Finding:
        fill = values or {}
        return Finding(
            rule_id=self.id,
            kind=self.kind,
            text=self.text.format_map(fill),
            detail=self.detail.format_map(fill),
            source=self.source,
            weight=self.weight if weight is None else weight,
            groups=groups,
        )


def rule_order(rule: Rule) -> tuple[int, int, str]:
    """The order its findings sort in: the same key as ``model.finding_order``."""
    return (KIND_ORDER[rule.kind], -rule.weight, rule.id)


def _check_placeholders(table: Table, field: str, template: str, allowed: Collection[str]) -> None:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        table.fail(field, f"has a broken placeholder ({error}); write {{{{ for a literal brace")
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            known = ", ".join(f"{{{key}}}" for key in sorted(allowed)) or "none for this type"
            table.fail(field, f"uses unknown placeholder {{{name}}} (allowed: {known})")


def parse_rule(
    table: Table,
    rule_id: str,
    rule_type: str,
    sources: Mapping[str, Source],
    placeholders: Collection[str],
    *,
    scalar_weight: bool = True,
) -> Rule:
    """Validate the common fields; the caller has checked id, type and unknown fields.
    ``scalar_weight``: the rule has one ``weight`` (and ``goal_weights``) for its findings;
    otherwise its type reads its own points (``weight``/``points`` lists) and the rule's
    ``weight`` is their largest, for ordering only."""
    kind = Kind(table.choice("kind", [kind.value for kind in Kind]))
    text = table.text("text", one_line=True, max_len=TEXT_MAX)
    _check_placeholders(table, "text", text, placeholders)
    detail = table.text("detail")
    _check_placeholders(table, "detail", detail, placeholders)
    source_id = table.raw("source")
    if not isinstance(source_id, str) or source_id not in sources:
        known = ", ".join(sorted(sources))
        table.fail("source", f"names an unknown source {source_id!r} (known: {known})")
    weights: dict[Goal, int] | None = None
    if scalar_weight:
        weight = table.integer("weight", 0, WEIGHT_MAX)
        if kind is Kind.TIP and weight != 0:
            table.fail("weight", f"must be 0 for a tip: tips do not move the score (got {weight})")
        if kind is not Kind.TIP and weight == 0:
            table.fail("weight", f"must be 1 to {WEIGHT_MAX} for a {kind}: 0 is for tips")
        weights = dict.fromkeys(Goal, weight)
        if table.has("goal_weights"):
            if kind is Kind.TIP:
                table.fail("goal_weights", "is for pros and cons: a tip weighs 0 for every goal")
            per_goal = goal_table(table, "goal_weights")
            for goal in Goal:
                if per_goal.has(goal):
                    weights[goal] = per_goal.integer(goal, 0, WEIGHT_MAX)
    else:
        weight = 0
    overrides: tuple[str, ...] = ()
    if table.has("overrides"):
        raw = table.raw("overrides")
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            table.fail("overrides", f"must be a list of rule ids (got {raw!r})")
        if rule_id in raw:
            table.fail("overrides", "names the rule itself")
        overrides = tuple(raw)
    return Rule(
        overrides=overrides,
        id=rule_id,
        type=rule_type,
        kind=kind,
        text=text,
        detail=detail,
        source=sources[source_id],
        weight=weight,
        file=table.file,
        weights=None if weights is None else MappingProxyType(weights),
    )


def goal_table(table: Table, field: str) -> Table:
    """A ``{ goal = ... }`` table of a rule, with only goal names as keys."""
    per_goal = Table(table.file, table.what, table.name, table.raw(field), prefix=f"{field}.")
    per_goal.only(tuple(Goal))
    return per_goal
