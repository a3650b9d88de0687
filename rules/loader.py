"""Reading and validating the rule files: the shipped ones under ``rules/data`` (read with
``importlib.resources``, so an installed wheel works) and an optional user file.

Everything is parsed and checked first; the knowledge base is built only when every file is
sound, so a broken file never leaves half the rules loaded.

tomllib is pure Python: parsing the shipped files was most of loading the knowledge, on the
way to the planner's first frame. Given a cache folder, their parsed form is kept there as
JSON (parsed by C), under the SHA-256 of their text, so an edited or upgraded file is parsed
anew, and with the SHA-256 of its own content, so a changed cache is never read; what comes
from the cache is checked like what comes from TOML.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rules.doses import DOSE_TYPES
from rules.errors import RuleFileError
from rules.knowledge import KnowledgeBase
from rules.model import Source
from rules.pair_rules import PAIR_TYPES, SAME_DAY_TYPES, PairRule, SameDayRule
from rules.pattern_rules import PATTERN_TYPES, PatternRule
from rules.rule import COMMON_FIELDS, parse_rule
from rules.schema import Table
from rules.strains import RECOVERY_TYPES, StrainRule
from rules.vocabulary import Vocabulary, parse_vocabulary
from rules.week_rules import WEEK_TYPES, WeekRule

DATA = "data"
SOURCES_FILE = "sources.toml"
ACTIVITIES_FILE = "activities.toml"
# Loaded in this order; a rule's file decides nothing about how it is evaluated.
RULE_FILES = ("transitions.toml", "patterns.toml", "week.toml")
SHIPPED_FILES = (SOURCES_FILE, ACTIVITIES_FILE, *RULE_FILES)
CACHE_FILENAME = "shipped-rules.json"
USER_RULES_FILENAME = "rules.toml"
# Far above any real rules file, and a bound: a huge file cannot fill the memory.
USER_FILE_LIMIT = 64 * 2**20
SOURCE_KINDS = ("article", "study", "review", "guideline")
RULE_TYPES = (
    *PAIR_TYPES,
    *SAME_DAY_TYPES,
    *RECOVERY_TYPES,
    *PATTERN_TYPES,
    *WEEK_TYPES,
    *DOSE_TYPES,
)


@dataclass
class _Collected:
    """Rules read so far, and the file each id came from (to report duplicates)."""

    pairs: list[PairRule] = field(default_factory=list)
    same_days: list[SameDayRule] = field(default_factory=list)
    strains: list[StrainRule] = field(default_factory=list)
    patterns: list[PatternRule] = field(default_factory=list)
    weeks: list[WeekRule] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)


def _parse_toml(file: str, text: str) -> dict[str, Any]:
    import tomllib  # here: a start that finds the shipped files in the cache needs none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(file, f"is not valid TOML ({error})") from None
    except ValueError:
        # int() refuses more than 4300 digits; tomllib lets that ValueError through.
        raise RuleFileError(file, "holds a number too long to read") from None
    except RecursionError:
        raise RuleFileError(file, "is nested too deeply to read") from None


def _shipped_file(name: str) -> str:
    return f"rules/{DATA}/{name}"


def _read_shipped(cache_dir: Path | None) -> dict[str, dict[str, Any]]:
    """Each shipped file's document, by name: from the cache when it holds these texts."""
    folder = resources.files("rules").joinpath(DATA)
    texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in SHIPPED_FILES}
    if cache_dir is None:
        return {name: _parse_toml(_shipped_file(name), text) for name, text in texts.items()}
    key = hashlib.sha256("\0".join(texts.values()).encode()).hexdigest()
    cache = cache_dir / CACHE_FILENAME
    cached = _read_cache(cache, key)
    if cached is not None:
        return cached
    documents = {name: _parse_toml(_shipped_file(name), text) for name, text in texts.items()}
    _write_cache(cache, key, documents)
    return documents


def _read_cache(cache: Path, key: str) -> dict[str, dict[str, Any]] | None:
    """The cached documents, if the cache is whole and of these texts: its first line holds
    the texts' key and the SHA-256 of the rest, so a cache changed under its key (one value
    edited, a disk error) is never read as the shipped rules; it is parsed anew instead."""
    try:
        header, _, body = _read_regular(str(cache), cache).partition(b"\n")
        stamp = json.loads(header)
        if not isinstance(stamp, dict) or stamp.get("key") != key:
            return None
        if stamp.get("digest") != hashlib.sha256(body).hexdigest():
            return None
        documents = json.loads(body)
    except (OSError, ValueError, RecursionError, RuleFileError):
        return None  # none yet, damaged or not a file: parsed again, and written anew
    if not isinstance(documents, dict) or set(documents) != set(SHIPPED_FILES):
        return None
    if not all(isinstance(document, dict) for document in documents.values()):
        return None
    return documents


def _write_cache(cache: Path, key: str, documents: dict[str, dict[str, Any]]) -> None:
    """Whole or not at all (a temporary file renamed over it); a cache that cannot be
    written (a read-only home, a value JSON cannot hold) only means parsing next time."""
    try:
        body = json.dumps(documents).encode()
        stamp = {"key": key, "digest": hashlib.sha256(body).hexdigest()}
        payload = json.dumps(stamp).encode() + b"\n" + body
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.name}.")
        try:
            with open(fd, "wb") as handle:
                handle.write(payload)
            os.replace(temporary, cache)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError, RecursionError):
        pass  # RecursionError: pathlib's mkdir recurses once per folder of a very deep path


def _parse_sources(file: str, raw: object, known: dict[str, Source]) -> None:
    if not isinstance(raw, Mapping):
        raise RuleFileError(file, "must be a table of sources", field="sources")
    for source_id, data in raw.items():
        table = Table(file, "source", source_id, data)
        table.ident_value(source_id)
        if source_id in known:
            table.fail(None, "is defined twice")
        table.only(("title", "citation", "kind"))
        known[source_id] = Source(
            id=source_id,
            title=table.text("title", one_line=True, max_len=400),
            citation=table.text("citation", one_line=True, max_len=80),
            kind=table.choice("kind", SOURCE_KINDS),
        )


def _parse_rules(
    file: str,
    raw: object,
    sources: Mapping[str, Source],
    vocab: Vocabulary,
    into: _Collected,
    *,
    user: bool = False,
) -> None:
    if not isinstance(raw, list):
        raise RuleFileError(file, "must be an array of tables ([[rules]])", field="rules")
    for number, data in enumerate(raw, start=1):
        # Until the id is known, the rule is named by its position in the file.
        table = Table(file, "rule", f"#{number}", data)
        rule_id = table.ident("id")
        table.name = rule_id
        if rule_id in into.origin:
            table.fail("id", f"duplicates a rule already defined in {into.origin[rule_id]}")
        rule_type = table.choice("type", RULE_TYPES)
        if rule_type in PAIR_TYPES:
            fields, placeholders, build_pair = PAIR_TYPES[rule_type]
            table.only((*COMMON_FIELDS, *fields))
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders)
            into.pairs.append(build_pair(table, rule, vocab))
        elif rule_type in SAME_DAY_TYPES:
            fields, placeholders, build_same_day = SAME_DAY_TYPES[rule_type]
            table.only((*COMMON_FIELDS, *fields))
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders)
            into.same_days.append(build_same_day(table, rule, vocab))
        elif rule_type in RECOVERY_TYPES:
            fields, placeholders, build_recovery = RECOVERY_TYPES[rule_type]
            table.only((*COMMON_FIELDS, *fields))
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders, scalar_weight=False)
            into.strains.append(build_recovery(table, rule, vocab, user=user))
        elif rule_type in DOSE_TYPES:
            fields, placeholders, build_dose = DOSE_TYPES[rule_type]
            table.only(tuple(f for f in (*COMMON_FIELDS, *fields) if f != "weight"))
            if table.has("goal_weights"):
                table.fail("goal_weights", "is not for a dose: its points table is per goal")
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders, scalar_weight=False)
            into.weeks.append(build_dose(table, rule, vocab))
        elif rule_type in PATTERN_TYPES:
            fields, placeholders, build_pattern = PATTERN_TYPES[rule_type]
            table.only((*COMMON_FIELDS, *fields))
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders)
            into.patterns.append(build_pattern(table, rule, vocab))
        else:
            fields, placeholders, build_week = WEEK_TYPES[rule_type]
            table.only((*COMMON_FIELDS, *fields))
            rule = parse_rule(table, rule_id, rule_type, sources, placeholders)
            into.weeks.append(build_week(table, rule, vocab))
        into.origin[rule_id] = file


def _parse_disable(file: str, raw: object, known: Mapping[str, str]) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise RuleFileError(file, "must be a list of rule ids", field="disable")
    for rule_id in raw:
        if rule_id not in known:
            raise RuleFileError(
                file, "names no known rule", what="rule", name=rule_id, field="disable"
            )
    return frozenset(raw)


def _read_user_file(path: Path) -> tuple[str, dict[str, Any]]:
    file = str(path)
    try:
        text = _read_regular(file, path).decode("utf-8")
    except FileNotFoundError:
        raise RuleFileError(file, "does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(file, f"cannot be read ({error})") from None
    return file, _parse_toml(file, text)


def _read_regular(file: str, path: Path) -> bytes:
    """The bytes of a regular file up to USER_FILE_LIMIT: a named pipe would block for ever
    and a link to /dev/zero never end."""
    # Non-blocking, so opening a named pipe returns at once instead of waiting for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RuleFileError(file, "is not a regular file")
        # read(n) allocates n bytes first: ask for the file's size (one more shows growth),
        # not the limit, or every start briefly allocates 64 MiB for the rules cache.
        payload = handle.read(min(info.st_size, USER_FILE_LIMIT) + 1)
        if len(payload) > info.st_size:  # it grew meanwhile: up to the limit
            payload += handle.read(USER_FILE_LIMIT + 1 - len(payload))
    if len(payload) > USER_FILE_LIMIT:
        raise RuleFileError(file, f"is larger than {USER_FILE_LIMIT // 2**20} MiB")
    return payload


def load_knowledge(
    extra_rules: Path | None = None, *, cache_dir: Path | None = None
) -> KnowledgeBase:
    """Load the shipped knowledge, then ``extra_rules`` (a user's file) if given; with
    ``cache_dir``, the shipped files' parsed form is kept there (see the module's doc).

    A user file may hold ``[sources.<id>]`` tables, ``[[rules]]`` like the shipped files,
    and ``disable = ["rule-id", ...]``. Raises RuleFileError on the first problem found.
    """
    shipped = _read_shipped(cache_dir)
    sources: dict[str, Source] = {}
    file, document = _shipped_file(SOURCES_FILE), shipped[SOURCES_FILE]
    Table(file, "file", None, document).only(("sources",))
    _parse_sources(file, document.get("sources", {}), sources)

    file, document = _shipped_file(ACTIVITIES_FILE), shipped[ACTIVITIES_FILE]
    vocab = parse_vocabulary(file, document)

    collected = _Collected()
    for name in RULE_FILES:
        file, document = _shipped_file(name), shipped[name]
        Table(file, "file", None, document).only(("rules",))
        _parse_rules(file, document.get("rules", []), sources, vocab, collected)

    disabled: frozenset[str] = frozenset()
    if extra_rules is not None:
        file, document = _read_user_file(extra_rules)
        Table(file, "file", None, document).only(("sources", "rules", "disable"))
        _parse_sources(file, document.get("sources", {}), sources)
        shipped_strains = len(collected.strains)
        _parse_rules(file, document.get("rules", []), sources, vocab, collected, user=True)
        # The user's recovery rules find and claim strains before the shipped ones do.
        collected.strains = (
            collected.strains[shipped_strains:] + collected.strains[:shipped_strains]
        )
        disabled = _parse_disable(file, document.get("disable", []), collected.origin)

    _check_overrides(collected)

    return KnowledgeBase(
        vocabulary=vocab,
        sources=sources,
        pair_rules=tuple(p for p in collected.pairs if p.rule.id not in disabled),
        same_day_rules=tuple(p for p in collected.same_days if p.rule.id not in disabled),
        strain_rules=tuple(p for p in collected.strains if p.rule.id not in disabled),
        pattern_rules=tuple(p for p in collected.patterns if p.rule.id not in disabled),
        week_rules=tuple(w for w in collected.weeks if w.rule.id not in disabled),
        disabled=disabled,
    )


def _check_overrides(collected: _Collected) -> None:
    """Every id an ``overrides`` list names is a rule that exists."""
    rules = [
        *(p.rule for p in collected.pairs),
        *(p.rule for p in collected.same_days),
        *(p.rule for p in collected.strains),
        *(p.rule for p in collected.patterns),
        *(w.rule for w in collected.weeks),
    ]
    for rule in rules:
        for replaced in rule.overrides:
            if replaced not in collected.origin:
                raise RuleFileError(
                    rule.file,
                    f"overrides {replaced!r}, which no rule file defines",
                    what="rule",
                    name=rule.id,
                    field="overrides",
                )


@functools.cache
def default_knowledge() -> KnowledgeBase:
    """The shipped knowledge, loaded once per process (the UI evaluates on every key)."""
    return load_knowledge()


def find_user_rules(config_dir: Path) -> Path | None:
    """The user's rule file in ``config_dir`` (``rules.toml``) if there is one."""
    path = config_dir / USER_RULES_FILENAME
    return path if path.is_file() else None
