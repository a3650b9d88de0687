"""The vocabulary file (activities, muscle groups, recovery): a sound one parses, and each
way of breaking it names the file, the entry and the field."""

from __future__ import annotations

from typing import Any

import pytest

from rules import Activity, Intensity, RuleFileError, Session
from rules.vocabulary import parse_vocabulary

FILE = "rules/data/activities.toml"


def _activity(name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name.title(), "noun": name, "training": name != "rest"}
    attributes = {
        "run": ("easy", "long", "tempo", "intervals"),
        "rest": (),
    }.get(name, ("light", "moderate", "heavy"))
    for attribute in attributes:
        entry[attribute] = {"noun": f"{attribute} {name}", "loads": {}, "hours": 48}
    return entry


def vocabulary(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "recovery": {"hard_load": 0.7},
        "groups": {"chest": {"name": "Chest", "region": "upper"}},
        "activities": {name: _activity(name) for name in ("push", "pull", "legs", "run", "rest")},
    }
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        target = document
        for key in parents:
            target = target[key]
        if value is None:
            del target[leaf]
        else:
            target[leaf] = value
    return document


def test_a_sound_vocabulary_parses() -> None:
    parsed = parse_vocabulary(FILE, vocabulary(activities__push__heavy__loads={"chest": 1.0}))
    heavy = parsed.session(Session(Activity.PUSH, Intensity.HEAVY))
    assert heavy.loads == {"chest": 1.0}
    assert heavy.hours == 48
    assert heavy.noun == "heavy push"


BROKEN_VOCABULARY: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "unknown activity",
        {"activities__yoga": {"name": "Yoga"}},
        "activity 'yoga'",
        "not an activity",
    ),
    ("missing activity", {"activities__rest": None}, "field 'activities'", "no entry for rest"),
    (
        "unknown group in loads",
        {"activities__push__light__loads": {"calves": 0.5}},
        "activity 'push': field 'light.loads.calves'",
        "not a muscle group",
    ),
    (
        "load above 1",
        {"activities__push__heavy__loads": {"chest": 1.5}},
        "activity 'push': field 'heavy.loads.chest'",
        "from 0 to 1",
    ),
    ("missing name", {"activities__run__name": None}, "activity 'run': field 'name'", "missing"),
    ("bad region", {"groups__chest__region": "arms"}, "group 'chest': field 'region'", "upper"),
    (
        "bad hours",
        {"activities__legs__heavy__hours": 0},
        "activity 'legs': field 'heavy.hours'",
        "1 to 96",
    ),
    (
        "missing attribute",
        {"activities__run__tempo": None},
        "activity 'run': field 'tempo'",
        "every run session needs its loads and hours",
    ),
    (
        "attribute of another kind",
        {"activities__run__heavy": {"noun": "x", "loads": {}, "hours": 1}},
        "activity 'run': field 'heavy'",
        "not a known field",
    ),
]


@pytest.mark.parametrize(
    ("changes", "where", "problem"),
    [case[1:] for case in BROKEN_VOCABULARY],
    ids=[case[0] for case in BROKEN_VOCABULARY],
)
def test_broken_vocabulary_names_file_entry_and_field(
    changes: dict[str, Any], where: str, problem: str
) -> None:
    with pytest.raises(RuleFileError) as caught:
        parse_vocabulary(FILE, vocabulary(**changes))
    message = str(caught.value)
    assert message.startswith(f"{FILE}: ")
    assert where in message
    assert problem in message
