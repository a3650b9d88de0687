"""What the command line and the templates say about a day: sessions, never the one
activity a day held before sessions existed."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from planner.cli import build_parser
from planner.templates import Template, load_templates

STALE = re.compile(r"\b(one )?activit(y|ies)\b", re.IGNORECASE)


def helps(parser: argparse.ArgumentParser, name: str = "planner") -> Iterator[tuple[str, str]]:
    yield name, parser.format_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from helps(sub, f"{name} {sub_name}")


HELPS = dict(helps(build_parser()))


def test_every_command_and_action_has_its_help_read() -> None:
    assert {"planner", "planner show", "planner template apply", "planner repeat"} <= set(HELPS)


@pytest.mark.parametrize("name", sorted(HELPS))
def test_no_help_speaks_of_a_days_activity(name: str) -> None:
    assert STALE.findall(HELPS[name]) == [], HELPS[name]


@pytest.mark.parametrize("template", load_templates(), ids=lambda template: template.id)
def test_no_template_description_speaks_of_a_days_activity(template: Template) -> None:
    assert STALE.findall(template.description) == [], template.description
