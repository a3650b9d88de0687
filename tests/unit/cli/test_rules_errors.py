"""An error in the rules names the file at fault, and only a user's own rules.toml is the
user's to fix (issue 24, finding 7: a damaged cache of the shipped rules said "fix or remove
~/.config/planner/rules.toml", a file that did not exist)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import common
from planner.locations import cache_dir, config_dir
from rules import RuleFileError
from rules.loader import CACHE_FILENAME
from tests.helpers import assert_refused, run_cli, seed


def test_a_damaged_rules_cache_changes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs", "tue": "pull", "wed": "run"}})
    before = run_cli(["show", "--db", str(db_path)], capsys)
    assert before.code == 0, before
    cache = cache_dir() / CACHE_FILENAME
    text = cache.read_text()
    # One value changed, whatever the cache's layout: a rule's kind to a word none may hold.
    cache.write_text(text.replace('"kind": "pro"', '"kind": "good"', 1))
    assert cache.read_text() != text
    after = run_cli(["show", "--db", str(db_path)], capsys)
    assert after == before
    assert not (config_dir() / "rules.toml").exists()


def test_an_error_in_a_shipped_rule_file_names_it_and_not_the_users_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuleFileError("rules/data/week.toml", "must be an array", field="rules")

    monkeypatch.setattr(common, "load_knowledge", broken)
    outcome = run_cli(["show"], capsys)
    assert_refused(outcome, "rules/data/week.toml: field 'rules' must be an array")
    assert "rules.toml" not in outcome.err.replace("week.toml", "")
    assert "reinstall planner" in outcome.err


def test_an_error_in_the_users_rules_file_still_says_to_fix_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_rules = config_dir() / "rules.toml"
    user_rules.parent.mkdir(parents=True)
    user_rules.write_text("disable = [1]\n")
    outcome = run_cli(["show"], capsys)
    assert_refused(outcome, f"(fix or remove {user_rules})")


def test_the_cache_is_json(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run_cli(["show", "--db", str(db_path)], capsys)
    header, _, body = (cache_dir() / CACHE_FILENAME).read_text().partition("\n")
    assert json.loads(header) and json.loads(body)
