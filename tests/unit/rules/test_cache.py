"""The shipped rule files' parsed form, kept in a cache folder: the same knowledge as from
TOML, no TOML parsed while the cache holds the shipped texts, and a missing, damaged, stale
or unwritable cache only means parsing again."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import pytest

from planner.days import parse_day
from rules import Day, KnowledgeBase, evaluate, load_knowledge
from rules.loader import CACHE_FILENAME, SHIPPED_FILES

# A week that meets every kind of rule: pairs, two-session days, recovery, the week's shape.
WEEK = ("legs:heavy+run:easy", "legs", "push,pull", "run:intervals", "rest", "run:long", "pull")


def described(knowledge: KnowledgeBase) -> tuple[object, ...]:
    monday = datetime.date(2026, 11, 23)
    days = [
        Day(monday + datetime.timedelta(days=offset), parse_day(words))
        for offset, words in enumerate(WEEK)
    ]
    return (
        knowledge.rules,
        knowledge.same_day_rules,
        # Strain rules compare by identity (one per rule loaded): compare what they hold.
        tuple(
            (s.rule, s.before, s.after, s.family, s.families, s.within, dict(s.weights))
            for s in knowledge.strains.rules
        ),
        dict(knowledge.sources),
        knowledge.vocabulary,
        knowledge.disabled,
        evaluate(days, knowledge=knowledge),
    )


def cached_documents(cache: Path) -> dict[str, object]:
    """The documents of a cache file: a line with its key and digest, then the documents."""
    _header, _, body = cache.read_text().partition("\n")
    documents: dict[str, object] = json.loads(body)
    return documents


def no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise AssertionError("the shipped files were parsed from TOML")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_the_cached_knowledge_is_the_knowledge_from_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_toml = load_knowledge()
    load_knowledge(cache_dir=tmp_path)  # writes the cache
    assert cached_documents(tmp_path / CACHE_FILENAME).keys() == set(SHIPPED_FILES)
    no_toml(monkeypatch)
    assert described(load_knowledge(cache_dir=tmp_path)) == described(from_toml)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        json.dumps({"key": "another text", "documents": {}}).encode(),
        json.dumps({"documents": {name: {} for name in SHIPPED_FILES}}).encode(),
    ],
    ids=["empty", "damaged", "not a table", "stale", "no key"],
)
def test_a_cache_that_does_not_hold_the_shipped_texts_is_parsed_again_and_replaced(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / CACHE_FILENAME).write_bytes(content)
    assert described(load_knowledge(cache_dir=tmp_path)) == described(load_knowledge())
    assert set(cached_documents(tmp_path / CACHE_FILENAME)) == set(SHIPPED_FILES)
    assert [entry.name for entry in tmp_path.iterdir()] == [CACHE_FILENAME]  # no temp left


def test_a_cache_that_cannot_be_written_still_loads(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert described(load_knowledge(cache_dir=blocked)) == described(load_knowledge())


def test_a_cache_that_is_not_a_regular_file_is_never_read(tmp_path: Path) -> None:
    """Like a user's rules.toml: a link to /dev/zero would never end."""
    (tmp_path / CACHE_FILENAME).symlink_to("/dev/zero")
    assert described(load_knowledge(cache_dir=tmp_path)) == described(load_knowledge())


def tampered(cache: Path, change: str) -> None:
    """Change one value of the cached week rules, keeping the cache's key (issue 24, finding
    7): 'weight' to a plausible other number, or 'kind' to a word no rule may hold."""
    text = cache.read_text()
    rule = '"id": "more-hard-runs-than-easy"'
    assert text.count(rule) == 1
    if change == "plausible":
        changed = text.replace('"weight": 5', '"weight": 7', 1)
    else:
        changed = text.replace('"kind": "pro"', '"kind": "good"', 1)
    assert changed != text
    cache.write_text(changed)


@pytest.mark.parametrize("change", ["plausible", "invalid"])
def test_a_cache_changed_under_its_key_is_ignored_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    expected = described(load_knowledge(cache_dir=tmp_path))
    cache = tmp_path / CACHE_FILENAME
    tampered(cache, change)
    assert described(load_knowledge(cache_dir=tmp_path)) == expected
    no_toml(monkeypatch)  # rebuilt: the next start reads it again
    assert described(load_knowledge(cache_dir=tmp_path)) == expected
