"""The vocabulary file (activities, muscle groups, families, load thresholds, the timeline):
a sound one parses, and each way of breaking it names the file, the entry and the field."""

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
        entry[attribute] = {"noun": f"{attribute} {name}", "loads": {}, "rpe": 5, "minutes": 45}
    return entry


def vocabulary(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "loads": {"hard": 0.7, "light": 0.5},
        "timeline": {"single": 18, "morning": 7, "evening": 18},
        "groups": {
            "chest": {"name": "Chest", "region": "upper"},
            "cardio": {"name": "Heart-lung system", "region": "system"},
        },
        "families": {
            "chest": {"name": "Chest", "noun": "chest", "groups": ["chest"]},
            "heart": {"name": "Heart/lungs", "noun": "heart and lungs", "groups": ["cardio"]},
        },
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
    assert heavy.noun == "heavy push"
    assert parsed.hard_families(Session(Activity.PUSH, Intensity.HEAVY)) == {"chest"}
    assert parsed.family_of("cardio").id == "heart"
    assert (heavy.rpe, heavy.minutes, heavy.load) == (5, 45, 225)
    assert parsed.worked_families(Session(Activity.PUSH, Intensity.HEAVY)) == {"chest"}
    assert (parsed.timeline.single, parsed.timeline.morning, parsed.timeline.evening) == (18, 7, 18)


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
        "hours no longer per session",
        {"activities__legs__heavy__hours": 48},
        "activity 'legs': field 'heavy.hours'",
        "not a known field",
    ),
    (
        "missing attribute",
        {"activities__run__tempo": None},
        "activity 'run': field 'tempo'",
        "every run session needs its noun and loads",
    ),
    (
        "attribute of another kind",
        {"activities__run__heavy": {"noun": "x", "loads": {}}},
        "activity 'run': field 'heavy'",
        "not a known field",
    ),
    ("light above hard", {"loads__light": 0.8}, "field 'light'", "must not exceed hard"),
    (
        "RPE off the CR-10 scale",
        {"activities__push__heavy__rpe": 11},
        "activity 'push': field 'heavy.rpe'",
        "from 0 to 10",
    ),
    (
        "a session of no minutes",
        {"activities__run__easy__minutes": 0},
        "activity 'run': field 'easy.minutes'",
        "from 1 to 600",
    ),
    ("sessions apart too close", {"timeline__evening": 10}, "field 'evening'", "6 h after"),
    ("hour of no day", {"timeline__single": 24}, "field 'single'", "0 to 23"),
    (
        "group in no family",
        {"families__heart": None},
        "field 'families'",
        "puts group 'cardio' in no family",
    ),
    (
        "group in two families",
        {"families__heart__groups": ["cardio", "chest"]},
        "field 'families'",
        "two families",
    ),
    (
        "unknown group in a family",
        {"families__chest__groups": ["pecs"]},
        "family 'chest': field 'groups'",
        "unknown entry",
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
