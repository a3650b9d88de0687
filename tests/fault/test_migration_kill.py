"""SIGKILL a planner while it upgrades a database written by an earlier release (schema 1,
and schema 2: the release before the training log and revisions): the file is always the
original or the whole upgraded one, never something in between, and the original is kept
as ``<name>.v1`` / ``<name>.v2``."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from planner.store import Store
from planner.store import format as fmt

FIXTURES = Path(__file__).parents[1] / "fixtures"
KILLS = 40

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@pytest.mark.parametrize("version", [1, 2])
def test_a_kill_during_the_upgrade_leaves_the_original_or_the_upgraded_file(
    tmp_path: Path, version: int
) -> None:
    fixture = FIXTURES / f"planner-v{version}.json"
    original = fixture.read_bytes()
    seen = {"original": 0, "upgraded": 0}
    for attempt in range(KILLS):
        path = tmp_path / f"{attempt}" / "planner.json"
        path.parent.mkdir()
        shutil.copyfile(fixture, path)
        ready, go = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: wait for the go, then open for writing (upgrades)
            try:
                os.read(ready, 1)
                with Store.open(path):
                    pass
            finally:
                os._exit(0)
        os.write(go, b"x")
        time.sleep(random.uniform(0, 0.025))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(ready)
        os.close(go)
        payload = path.read_bytes()
        if payload == original:
            seen["original"] += 1
        else:
            data = fmt.decode(payload)
            assert fmt.schema_version(data) == fmt.SCHEMA_VERSION
            fmt.validate(data)
            assert path.with_name(f"planner.json.v{version}").read_bytes() == original
            seen["upgraded"] += 1
        kept = path.with_name(f"planner.json.v{version}")
        assert not kept.exists() or kept.read_bytes() == original
        with Store.open(path) as store:  # and it opens, with every week there
            weeks = {str(week) for week in store.stored_weeks()}
        assert weeks == {doc["week"] for doc in json.loads(original)["weeks"].values()}
    assert sum(seen.values()) == KILLS
